/**
 * A large hazard ledger in the browser (issue 13, target 2): the import area names its size
 * limit, the file is read in the worker with a progress line (bytes read, then rows checked), and
 * Cancel stops the work and leaves nothing saved. Behaviour only: no times are asserted.
 */
import AxeBuilder from '@axe-core/playwright';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ledgerCsv } from '../../scripts/sample/ledger';
import { expect, openApp, test } from './fixtures';
import { ledgerDistrictDataset, ledgerTownships } from './ledger-district';

test.describe('large ledger import', () => {
  test.setTimeout(180_000);

  test('shows bytes read and rows checked; Cancel stops the read and nothing is saved', async ({
    page,
  }, testInfo) => {
    await openApp(page);
    await expect(page.getByTestId('import-limit')).toContainText('单个文件最大 512 MB');
    // About 45 MB: far more than a moment's work for the worker, so the line can be watched.
    const name = '云川市隐患排查治理台账（全年）.csv';
    const path = testInfo.outputPath(name);
    writeFileSync(path, ledgerCsv(400_000));
    await page.getByTestId('file-input').setInputFiles(path);

    const job = page.locator('.job').filter({ hasText: name });
    await expect(job).toBeVisible();
    // The read is reported in bytes of the file's size (formatByteSize: one decimal, MB).
    await expect(job.getByTestId('job-counts')).toContainText(/已读取 [\d.]+ MB \/ [\d.]+ MB/);
    const axe = await new AxeBuilder({ page }).include('.jobs').include('[data-testid="dropzone"]').analyze();
    expect(
      axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`),
    ).toEqual([]);

    await job.getByRole('button', { name: '取消' }).click();
    await expect(page.locator('.job').filter({ hasText: `${name}：已取消` })).toBeVisible();
    // Nothing read, nothing saved: no report, no outcome line, and after a reload no batch.
    await expect(page.getByRole('article', { name: `导入报告：${name}` })).toHaveCount(0);
    await expect(page.getByTestId('import-outcomes').filter({ hasText: name })).toHaveCount(0);
    await page.reload();
    await page.getByRole('tab', { name: '导入记录' }).click();
    await expect(page.locator('.history-panel tbody tr')).toHaveCount(1);
    await expect(page.locator('.history-panel tbody tr').filter({ hasText: name })).toHaveCount(0);
  });

  test('a second file after a cancelled one is read and saved by a fresh worker', async ({
    page,
  }, testInfo) => {
    await openApp(page);
    const big = testInfo.outputPath('台账-大.csv');
    writeFileSync(big, ledgerCsv(400_000));
    await page.getByTestId('file-input').setInputFiles(big);
    const job = page.locator('.job').filter({ hasText: '台账-大.csv' });
    await expect(job.getByTestId('job-counts')).toContainText('已读取');
    await job.getByRole('button', { name: '取消' }).click();
    await expect(page.locator('.job').filter({ hasText: '台账-大.csv：已取消' })).toBeVisible();

    // A small clean ledger (no planted odd rows): 300 rows plus title, header and footer lines.
    const small = testInfo.outputPath('台账-小.csv');
    writeFileSync(small, ledgerCsv(300, { townships: 12, plantEvery: 1_000_000 }));
    await page.getByTestId('file-input').setInputFiles(small);
    const report = page.getByRole('article', { name: '导入报告：台账-小.csv' });
    await expect(report).toBeVisible({ timeout: 60_000 });
    await expect(report.getByTestId('count-total').locator('dd')).toHaveText('303');
    // Every row is accounted for (rows of townships outside the sample district wait for a decision).
    await expect(report.getByText(/^303 = \d+ \+ \d+ \+ 3$/)).toBeVisible();
  });

  test('a ledger of known townships: rows checked as they are counted, then records checked and written while saving', async ({
    page,
  }, testInfo) => {
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const district = ledgerDistrictDataset(root, ledgerTownships({ townships: 12 }));
    await page.route('**/sample/dataset.json', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: district }),
    );
    await openApp(page);
    const name = '台账-六万行.csv';
    const path = testInfo.outputPath(name);
    writeFileSync(path, ledgerCsv(60_000, { townships: 12 }));
    // The page records every distinct progress line it shows.
    await page.evaluate(() => {
      const w = window as unknown as { __lines: string[] };
      w.__lines = [];
      const note = () => {
        for (const e of document.querySelectorAll('.job')) {
          const text = (e.textContent ?? '').replace(/\s+/g, ' ');
          if (w.__lines.at(-1) !== text) w.__lines.push(text);
        }
        // The import reports on screen, as the line "reports: <names>".
        const reports = `reports: ${[...document.querySelectorAll('article.report')].map((a) => a.getAttribute('aria-label')).join(' | ')}`;
        if (!w.__lines.includes(reports)) w.__lines.push(reports);
      };
      new MutationObserver(note).observe(document.body, {
        subtree: true,
        childList: true,
        characterData: true,
      });
    });
    await page.getByTestId('file-input').setInputFiles(path);
    await expect(page.getByTestId('import-outcomes').filter({ hasText: `${name}：已保存` })).toBeVisible({
      timeout: 150_000,
    });
    const lines = await page.evaluate(() => (window as unknown as { __lines: string[] }).__lines);
    const rows = lines.flatMap((l) => /已校验 ([\d,]+)(?: \/ ([\d,]+))? 行/.exec(l) ?? []);
    const counted = lines
      .map((l) => /已校验 ([\d,]+) 行/.exec(l)?.[1])
      .filter((x): x is string => x !== undefined)
      .map((x) => Number(x.replace(/,/g, '')));
    // Rows, not characters: never more than the file's 60,000 data rows.
    expect(rows.length).toBeGreaterThan(0);
    expect(counted.length).toBeGreaterThan(0);
    expect(Math.max(...counted)).toBeLessThanOrEqual(60_000);
    // Saving is shown with the records written, of all the records, and no cancel button.
    const written = lines.filter((l) => /保存 \d+%.*已写入 [\d,]+ \/ [\d,]+ 条/.test(l));
    expect(written.length).toBeGreaterThan(0);
    expect(written.some((l) => l.includes('取消'))).toBe(false);
    // No hazards were stored before: planning says it prepares the records, not that it checks them.
    expect(lines.some((l) => /保存 \d+%.*已整理待保存 [\d,]+ \/ [\d,]+ 条/.test(l))).toBe(true);
    expect(lines.some((l) => l.includes('已与已存数据核对'))).toBe(false);
    // The report showed while saving, marked so, and never beside the stored one.
    expect(lines.some((l) => l.startsWith('reports: ') && l.includes(`导入报告（保存中）：${name}`))).toBe(
      true,
    );
    expect(lines.some((l) => l.includes('（保存中）') && l.includes(`导入报告：${name}`))).toBe(false);
    await expect(page.getByRole('article', { name: `导入报告：${name}` })).toBeVisible();
    await expect(page.locator('.job').filter({ hasText: name })).toHaveCount(0);
  });
});
