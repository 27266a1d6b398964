/**
 * A hazard aggregate made by `npm run aggregate` (docs/scale-out.md) imports in the browser like any
 * other file: its report counts add up, it is saved, and the township-month it covers says in the
 * detail panel that its hazards come from aggregated data (counts only).
 */
import { expect, openApp, test } from './fixtures';

const FILE_NAME = '全市隐患汇总.agg.json';

// Two months the sample's ledger does not cover (it ends in 2026-09), for a sample township, and
// one row with an unknown sector code that must be rejected with its line.
const AGG = JSON.stringify(
  {
    format: 'township-safety-dashboard/hazard-aggregate',
    version: 1,
    as_of: '2026-11-30',
    generator: 'npm run aggregate (sql/hazard-tally.sql, DuckDB v1.5.6)',
    inputs: [
      {
        file: '马坊乡隐患台账.csv',
        format: 'csv',
        header_line: 1,
        columns: [{ header: '乡镇（街道）', field: 'township' }],
        rows_read: 9,
        aggregated: 9,
        rejected: 0,
        ignored: 0,
      },
    ],
    accounting: { rows_read: 9, aggregated: 9, rejected: 0, ignored: 0, reasons: [] },
    columns: ['township', 'period', 'sector', 'level', 'found', 'rectified', 'overdue'],
    tallies: [
      ['马坊乡', '2026-10', 'road_traffic', 'general', 3, 2, 1],
      ['马坊乡', '2026-10', 'fire', 'major', 1, 0, 0],
      ['马坊乡', '2026-11', 'not_a_sector', 'general', 5, 5, 0],
    ],
  },
  null,
  1,
);

test('an agg.json imports, is saved, and its township-month says its hazards are aggregated', async ({
  page,
}) => {
  test.slow();
  await openApp(page);
  await page.getByTestId('file-input').setInputFiles({
    name: FILE_NAME,
    mimeType: 'application/json',
    buffer: Buffer.from(AGG, 'utf8'),
  });
  const report = page.getByRole('article', { name: `导入报告：${FILE_NAME}` });
  await expect(report).toBeVisible();
  await expect(report.getByTestId('count-total').locator('dd')).toHaveText('3');
  await expect(report.getByTestId('count-accepted').locator('dd')).toHaveText('2');
  await expect(report.getByTestId('count-rejected').locator('dd')).toHaveText('1');
  await expect(report.getByText('3 = 2 + 1 + 0')).toBeVisible();
  await expect(report.getByTestId('issues')).toContainText('not_a_sector');

  // Saved: after a reload the detail of 马坊乡 2026-10 lists the aggregated hazards.
  await page.goto(`/?view=hazards&cell=${encodeURIComponent('马坊乡~2026-10')}`);
  const panel = page.getByRole('dialog', { name: /马坊乡 2026年10月/ });
  await expect(panel).toBeVisible();
  await expect(panel).toContainText('其中 4 处隐患来自汇总数据');
  await expect(panel).toContainText(FILE_NAME);
});
