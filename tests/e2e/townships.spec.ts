/**
 * Issue "Trust on real files": township names against the district list, end to end. Every test
 * starts from a fresh profile (each Playwright test gets a new browser context), so the bundled
 * sample (云川区, 18 townships) loads first, as on a first run. The imported files use April 2022,
 * outside the sample's months, so their rows are new.
 */
import type { Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures';
import { encodeGb18030 } from './gb18030';

const HEADER = '乡镇,月份,排查隐患（处）,已整改（处）,培训（场次）,培训（人次）,备注';

/** A report as exported from WPS: GB18030, CRLF, a title row. */
const reportCsv = (name: string, rows: readonly string[]) => ({
  name,
  mimeType: 'text/csv',
  buffer: encodeGb18030(['云川区2022年4月安全生产月报', HEADER, ...rows].join('\r\n') + '\r\n'),
});

/** A valid file of townships the district already has. */
const APRIL = reportCsv('云川区2022年4月汇总.csv', [
  '东关街道,2022-04,6,6,2,85,',
  '西关街道,2022-04,12,10,3,150,整改中',
  '小召乡,2022-04,4,4,1,40,',
]);

const summary = (page: Page) => page.getByTestId('district');
const outcomes = (page: Page) => page.getByTestId('import-outcomes');

async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name }).click();
  await expect(page.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true');
}

/** 设置 → add townships at the end of the list → save. */
async function addTownships(page: Page, names: readonly string[]): Promise<void> {
  await openTab(page, '设置');
  const settings = page.locator('.settings-panel');
  // The list starts from the district's townships (the sample's 18), not empty.
  await expect(settings.getByRole('textbox', { name: '名称 1', exact: true })).toHaveValue('东关街道');
  await expect(settings.getByRole('textbox', { name: '名称 18', exact: true })).toHaveValue('梨园乡');
  for (const [i, name] of names.entries()) {
    await settings.getByRole('button', { name: '添加乡镇' }).click();
    await settings.getByRole('textbox', { name: `名称 ${19 + i}`, exact: true }).fill(name);
  }
  await settings.getByRole('button', { name: '保存设置' }).click();
  await expect(settings.getByText('设置已保存。')).toBeVisible();
}

test.describe('townships', () => {
  test('fresh profile: 设置 add 新区街道, save, then a valid file imports with its full report', async ({
    page,
  }) => {
    await openApp(page);
    await expect(summary(page)).toContainText('18 个乡镇（街道）');
    await addTownships(page, ['新区街道']);
    await expect(summary(page)).toContainText('19 个乡镇（街道）');

    await openTab(page, '数据');
    await page.getByTestId('file-input').setInputFiles(APRIL);
    await expect(outcomes(page)).toContainText(`${APRIL.name}：已保存：新增 3 条`);
    await expect(outcomes(page)).not.toContainText('完全相同');
    const report = page.getByRole('article', { name: `导入报告：${APRIL.name}` });
    await expect(report).toBeVisible();
    // Title row + header + 3 rows: every record counted.
    await expect(report.getByTestId('count-total')).toContainText('5');
    await expect(report.getByTestId('count-accepted')).toContainText('3');
    await expect(report.getByTestId('count-rejected')).toContainText('0');
    await expect(summary(page)).toContainText('19 个乡镇（街道）');
  });

  test('township names that look like object keys are ordinary names', async ({ page }) => {
    await openApp(page);
    await addTownships(page, ['constructor', '__proto__', 'toString']);
    await expect(summary(page)).toContainText('21 个乡镇（街道）');
    await openTab(page, '数据');
    const file = reportCsv('对象键名.csv', [
      '东关街道,2022-04,6,6,2,85,',
      'toString,2022-04,1,1,1,10,',
      '__proto__,2022-04,2,1,1,12,',
    ]);
    await page.getByTestId('file-input').setInputFiles(file);
    await expect(outcomes(page)).toContainText(`${file.name}：已保存：新增 3 条`);
    const report = page.getByRole('article', { name: `导入报告：${file.name}` });
    await expect(report.getByTestId('count-accepted')).toContainText('3');
    await expect(report.getByTestId('count-rejected')).toContainText('0');
  });

  test('unknown names wait for a decision per name before anything is saved', async ({ page }) => {
    await openApp(page);
    await expect(summary(page)).toContainText('18 个乡镇（街道）');
    const file = reportCsv('云川区2022年4月（补报）.csv', [
      '东关街道,2022-04,6,6,2,85,',
      '城光镇,2022-04,5,4,1,30,',
      '新城镇,2022-04,3,3,1,25,',
      '新城镇,2022-03,2,2,1,20,',
    ]);
    await page.getByTestId('file-input').setInputFiles(file);
    const report = page.getByRole('article', { name: `导入报告：${file.name}` });
    const decisions = report.getByRole('region', { name: /2 个名称不在本区乡镇名单中/ });
    await expect(decisions).toBeVisible();
    await expect(decisions).toContainText('本区名单：已导入数据中的 18 个乡镇（街道）');
    // Nothing saved yet: still 18 townships, no outcome, the rows counted as rejected.
    await expect(report.getByTestId('count-rejected')).toContainText('3');
    await expect(outcomes(page)).toHaveCount(0);
    await expect(summary(page)).toContainText('18 个乡镇（街道）');

    const typo = decisions.getByRole('group', { name: '“城光镇”：1 条记录（第 4 行）' });
    await expect(typo.getByRole('combobox')).toHaveValue('城关镇');
    await expect(typo.getByRole('combobox').locator('option:checked')).toHaveText('城关镇 （最接近）');
    await typo.getByRole('radio', { name: '是本区的' }).check();
    const fresh = decisions.getByRole('group', { name: '“新城镇”：2 条记录（第 5、6 行）' });
    await fresh.getByRole('radio', { name: '作为新乡镇“新城镇”加入本区名单' }).check();
    await expect(decisions.getByTestId('township-tally')).toHaveText(
      '确认后：1 条改为本区乡镇，2 条作为新乡镇，0 条拒绝；尚未选择 0 条。',
    );
    await decisions.getByRole('button', { name: '确认并导入' }).click();

    await expect(outcomes(page)).toContainText(`${file.name}：已保存：新增 4 条`);
    await expect(summary(page)).toContainText('19 个乡镇（街道）');
    const saved = page.getByRole('article', { name: `导入报告：${file.name}` });
    await expect(saved.getByTestId('count-accepted')).toContainText('4');
    await expect(saved.getByTestId('count-rejected')).toContainText('0');
    await expect(saved.getByRole('region', { name: /不在本区乡镇名单中/ })).toHaveCount(0);

    // 城光镇's row is 城关镇's now; 新城镇 is a township of its own.
    await openApp(page, `?view=data&townships=${encodeURIComponent('城关镇')}&from=2022-04&to=2022-04`);
    await expect(page.getByTestId('row-count')).toHaveText(/^显示 1 \/ 共/);
    await openApp(page, `?view=data&townships=${encodeURIComponent('新城镇')}&from=2022-03&to=2022-04`);
    await expect(page.getByTestId('row-count')).toHaveText(/^显示 2 \/ 共/);
  });
});
