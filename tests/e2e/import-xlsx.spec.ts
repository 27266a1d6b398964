import { readFile } from 'node:fs/promises';
import { expect, openApp, test } from './fixtures';

// A workbook made with ExcelJS (scripts/generate-xlsx-fixtures.ts): two month sheets with merged
// titles, grouped two-row headers, cached and uncached formulas and totals rows, a 填表说明 sheet,
// a hidden 乡镇名单 sheet and an empty Sheet3.
const FILE = 'district-2024-03-exceljs.xlsx';

test.describe('import a workbook', () => {
  test('reads every sheet and reports each with counts that add up; issues at sheet!cell', async ({
    page,
  }) => {
    await openApp(page);
    await page.getByTestId('file-input').setInputFiles({
      name: FILE,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await readFile(`tests/fixtures/xlsx/${FILE}`),
    });

    // 西山镇 is not one of the sample district's townships: nothing is saved until the clerk decides.
    await page.getByRole('radio', { name: '作为新乡镇“西山镇”加入本区名单' }).check();
    await page.getByRole('button', { name: '确认并导入' }).click();
    // The bundled sample district has the same townships and months: keep its values.
    await page
      .getByRole('region', { name: `导入前确认：${FILE}` })
      .getByRole('button', { name: '确认导入' })
      .click();
    const report = page.getByRole('article', { name: `导入报告：${FILE}` });
    await expect(report).toBeVisible();
    await expect(report.getByTestId('count-total').locator('dd')).toHaveText('25');
    await expect(report.getByTestId('count-accepted').locator('dd')).toHaveText('7');
    await expect(report.getByTestId('count-rejected').locator('dd')).toHaveText('0');
    await expect(report.getByTestId('count-ignored').locator('dd')).toHaveText('18');
    await expect(report.getByText('25 = 7 + 0 + 18')).toBeVisible();

    const sheets = report.getByTestId('sheets').locator('tbody tr');
    await expect(sheets).toHaveCount(5);
    await expect(sheets.nth(0).locator('td')).toHaveText([
      '2024年3月',
      '已读取',
      '10',
      '4',
      '0',
      '6',
      '4/6/5',
    ]);
    await expect(sheets.nth(1).locator('td')).toHaveText([
      '2024年4月',
      '已读取',
      '7',
      '3',
      '0',
      '4',
      '5/1/0',
    ]);
    await expect(sheets.nth(2).locator('td')).toHaveText([
      '填表说明',
      '忽略：说明类工作表（按名称）',
      '4',
      '0',
      '0',
      '4',
      '0/0/0',
    ]);
    await expect(sheets.nth(3).locator('td').nth(0)).toHaveText('乡镇名单 （隐藏）');
    await expect(sheets.nth(3).locator('td').nth(1)).toHaveText('忽略：隐藏的工作表');
    await expect(sheets.nth(4).locator('td').nth(1)).toHaveText('忽略：空工作表');

    // Every issue is located sheet!cell; the cross-sheet formula is flagged, not guessed.
    const issues = report.getByTestId('issues').locator('tbody tr');
    await expect(issues).toHaveCount(7);
    await expect(issues.filter({ hasText: "='2024年4月'!J6" }).locator('td').nth(1)).toHaveText(
      '2024年3月!J6',
    );
    await expect(issues.filter({ hasText: '=I7+I5' }).locator('td').nth(1)).toHaveText('2024年3月!I8');
    for (const text of await issues.locator('td:nth-child(2)').allTextContents()) {
      expect(text).toMatch(/^2024年[34]月!/);
    }

    // Ignored rows name their sheet too.
    await report.getByText('忽略的行（18）').click();
    await expect(report.getByTestId('ignored').locator('tbody tr').first().locator('td').first()).toHaveText(
      '2024年3月!1',
    );

    await report.getByTestId('sheets').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/import-xlsx-report.png', fullPage: false });
  });
});
