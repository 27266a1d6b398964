/**
 * Word/text monthly reports end to end (issue 11): three .docx, one .doc and one .txt report from
 * tests/fixtures/reports are imported at once, listed with their status, one value is corrected in
 * the review screen, the reports are saved, and their values are found in the detail panel, the
 * 报送 matrix and the 问题 view (whose statement links to its paragraph). axe checks the review
 * screen; screenshots of the status list and review screen (also at 390 px) go to test-results/.
 */
import AxeBuilder from '@axe-core/playwright';
import { readFile } from 'node:fs/promises';
import { expect, openApp, test } from './fixtures';

const DIR = 'tests/fixtures/reports';
// Months before the sample data (2023-11 …), so nothing conflicts with it.
const FILES = [
  `${DIR}/docx/R2-01.docx`, // 东关街道 2023-03
  `${DIR}/docx/R2-02.docx`, // 西关街道 2023-07
  `${DIR}/docx/R3-01.docx`, // 青石镇 2023-03
  `${DIR}/doc/R1-01.doc`, // 小召乡 2023-02
  `${DIR}/txt/R1-02.txt`, // 柳河镇 2023-05 (the one corrected)
];
const MIME: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  doc: 'application/msword',
  txt: 'text/plain',
};

async function files() {
  return Promise.all(
    FILES.map(async (path) => ({
      name: path.split('/').pop() ?? path,
      mimeType: MIME[path.split('.').pop() ?? 'txt'] ?? 'application/octet-stream',
      buffer: await readFile(path),
    })),
  );
}

test.describe('report import', () => {
  test('imports .docx, .doc and .txt reports, corrects one value, saves, and finds the values everywhere', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await openApp(page);
    await page.getByTestId('file-input').setInputFiles(await files());

    const list = page.getByTestId('report-status');
    const rows = list.getByTestId('report-status-row');
    await expect(rows).toHaveCount(5);
    await expect(rows.filter({ hasText: 'R1-01.doc' })).toContainText('小召乡');
    await expect(rows.filter({ hasText: 'R1-02.txt' })).toContainText('柳河镇');
    await expect(rows.filter({ hasText: 'R2-02.docx' })).toContainText('西关街道');
    for (const r of await rows.all()) await expect(r).toHaveAttribute('data-state', /^(ready|needs_review)$/);
    await list.screenshot({ path: 'test-results/report-status-list.png' });

    // Review the .txt report: its text with marked phrases beside the form; correct 排查隐患.
    await list.getByRole('button', { name: '核对 R1-02.txt' }).click();
    const review = page.getByTestId('report-review');
    await expect(review).toBeVisible();
    await expect(review.getByTestId('report-text').locator('mark').first()).toBeVisible();
    const found = review.getByLabel('排查隐患', { exact: true });
    await expect(found).toHaveValue('31');
    // A count the report does not state is blank (未填), never 0.
    await expect(review.getByLabel('死亡人数', { exact: true })).toHaveValue('');
    await review.screenshot({ path: 'test-results/report-review.png' });
    expect(
      (await new AxeBuilder({ page }).include('[data-testid="report-review"]').analyze()).violations.map(
        (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`,
      ),
    ).toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });
    await review.screenshot({ path: 'test-results/report-review-390.png' });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1440, height: 900 });

    await found.fill('36');
    await review.getByRole('button', { name: '确认' }).click();
    await expect(review).toHaveCount(0);
    await expect(rows.filter({ hasText: 'R1-02.txt' })).toHaveAttribute('data-state', 'confirmed');

    // Confirm the other reports that need review as they were read.
    for (;;) {
      const waiting = rows.and(page.locator('[data-state="needs_review"]'));
      if ((await waiting.count()) === 0) break;
      await waiting
        .first()
        .getByRole('button', { name: /^核对 / })
        .click();
      await page.getByTestId('report-review').getByRole('button', { name: '确认' }).click();
      await expect(page.getByTestId('report-review')).toHaveCount(0);
    }
    await list.getByRole('button', { name: /保存可保存和已确认的报告（5 份）/ }).click();
    for (const r of await rows.all()) await expect(r).toHaveAttribute('data-state', 'saved');
    await expect(page.getByTestId('import-outcomes')).toContainText('R1-02.txt');

    // Detail panel: the corrected value, the report's evidence and its text.
    await page.goto('/?view=hazards&from=2023-02&to=2023-07&cell=柳河镇~2023-05');
    const panel = page.getByTestId('detail-panel');
    await expect(
      panel.locator('.detail-panel__fields').first().locator('tr[data-field="hazards_found"] td.num'),
    ).toHaveText('36');
    await expect(panel.getByTestId('detail-corrections')).toContainText('31 → 36');
    await expect(panel.getByTestId('detail-evidence')).toContainText('排查');
    await expect(panel.getByTestId('detail-report')).toBeVisible();

    // 报送: 柳河镇 reported 2023-05 (not listed missing then); 东关街道 did not.
    await page.goto('/?view=submissions&from=2023-02&to=2023-07');
    const missing = page.getByTestId('missing-counts');
    await expect(missing.locator('tr', { hasText: '东关街道' })).toContainText('2023年5月');
    await expect(missing.locator('tr', { hasText: '柳河镇' })).not.toContainText('2023年5月');

    // 问题: the report's statements, each linked to its paragraph in the detail panel.
    await page.goto('/?view=problems&from=2023-05&to=2023-05&townships=柳河镇&cat=P01');
    const link = page.getByTestId('statement-source').first();
    await expect(link).toBeVisible();
    await expect(page.getByTestId('problem-statement').first()).toContainText('主体责任');
    await link.click();
    const focused = page.getByTestId('detail-panel').locator('.report-text__block--focus');
    await expect(focused).toHaveCount(1);
    await expect(focused).toBeInViewport();
  });
});

test.describe('sample reports for a newcomer', () => {
  test('the import area offers a month of sample Word reports that import as 18 reports for 2026-11', async ({
    page,
  }) => {
    test.slow(); // 18 Word files read and saved
    await openApp(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('sample-reports').click(),
    ]);
    expect(download.suggestedFilename()).toBe('云川区2026年11月安全生产工作月报告（示例）.zip');
    const { unzipSync } = await import('fflate');
    const entries = Object.entries(unzipSync(new Uint8Array(await readFile(await download.path()))));
    const docx = entries.filter(([name]) => name.endsWith('.docx'));
    expect(docx).toHaveLength(18);
    await page.getByTestId('file-input').setInputFiles(
      docx.map(([name, bytes]) => ({ name, mimeType: MIME.docx!, buffer: Buffer.from(bytes) })),
    );
    const list = page.getByTestId('report-status');
    const rows = list.getByTestId('report-status-row');
    await expect(rows).toHaveCount(18);
    // Generated from the sample itself: every report reads cleanly, none needs a correction.
    for (const r of await rows.all()) await expect(r).toHaveAttribute('data-state', 'ready');
    await list.getByRole('button', { name: /保存可保存和已确认的报告（18 份）/ }).click();
    for (const r of await rows.all()) await expect(r).toHaveAttribute('data-state', 'saved');
    await expect(page.getByTestId('import-outcomes')).toContainText('梨园乡2026年11月');
    // 报送: no township is missing November 2026 any more.
    await page.goto('/?view=submissions&from=2026-11&to=2026-11');
    await expect(page.getByTestId('missing-counts')).toContainText('共缺报 0 次');
  });
});
