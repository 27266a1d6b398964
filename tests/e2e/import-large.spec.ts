/**
 * A large hazard ledger in the browser (issue 13, target 2): the import area names its size
 * limit, the file is read in the worker with a progress line (bytes read, then rows checked), and
 * Cancel stops the work and leaves nothing saved. Behaviour only: no times are asserted.
 */
import AxeBuilder from '@axe-core/playwright';
import { writeFileSync } from 'node:fs';
import { ledgerCsv } from '../../scripts/sample/ledger';
import { expect, openApp, test } from './fixtures';

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
});
