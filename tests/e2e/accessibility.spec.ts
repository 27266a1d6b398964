/**
 * Accessibility end to end: axe-core finds no violation on any view, in Chinese and English, nor
 * with the township detail panel, an import report (issues, mapping, ignored rows) or the
 * township dropdown open; the view tabs follow the WAI-ARIA tabs pattern; closing a popup with
 * Escape hands focus back to what opened it.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { encodeGb18030 } from './gb18030';
import { ALL_VIEWS, openView, waitForView } from './views';

/** axe's violations as readable lines (rule, impact, first elements), so a failure says what to fix. */
async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.map(
    (v) =>
      `${v.impact ?? '?'} ${v.id} (${v.nodes.length}): ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(' | ')}`,
  );
}

// A clerk's GB18030 export with a title row, an unknown column, a bad month and a totals row:
// the report shows the mapping, the issues table and the ignored rows.
const REPORT_FILE = '云川区2022年4月汇总.csv';
const REPORT_CSV =
  [
    '云川区各乡镇2022年4月安全生产月报汇总表,,,,,,,',
    '乡镇,月份,排查隐患（处）,已整改（处）,培训（场次）,培训（人次）,联系人,备注',
    '东关街道,2022-04,6,6,2,85,张三,',
    '西关街道,2022-04,12,10,3,150,李四,整改中',
    '北门街道,2022-13,5,4,0,,赵六,',
    '合计,,23,20,5,235,,',
  ].join('\r\n') + '\r\n';

test.describe('accessibility (axe-core)', () => {
  for (const lang of ['zh-CN', 'en'] as const)
    for (const view of ALL_VIEWS)
      test(`no violation on ${view.id} (${lang})`, async ({ page }) => {
        // axe walks every node: the data view's table is thousands of cells.
        test.setTimeout(120_000);
        await openView(page, view.id, lang);
        expect(await axeViolations(page)).toEqual([]);
      });

  test('no violation with the detail panel, an import report and the township dropdown open', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await page.goto(`/?view=hazards&cell=${encodeURIComponent('城关镇~2026-03')}`);
    await waitForView(page, 'hazards');
    await expect(page.getByTestId('detail-panel')).toBeVisible();
    expect(await axeViolations(page), 'detail panel').toEqual([]);

    await page.getByRole('button', { name: /乡镇（街道）/ }).click();
    await expect(page.getByRole('group', { name: '乡镇（街道）' })).toBeVisible();
    expect(await axeViolations(page), 'township dropdown').toEqual([]);

    await openView(page, 'data');
    await page.getByTestId('file-input').setInputFiles({
      name: REPORT_FILE,
      mimeType: 'text/csv',
      buffer: encodeGb18030(REPORT_CSV),
    });
    const report = page.getByRole('article', { name: `导入报告：${REPORT_FILE}` });
    await expect(report.getByTestId('issues')).toBeVisible();
    // Open every collapsed section (mapping, ignored rows) so axe sees their tables.
    // (From the keyboard: the sticky filter bar may cover a summary at the top of the screen.)
    for (const summary of await report.locator('details:not([open]) > summary').all()) {
      await summary.focus();
      await page.keyboard.press('Enter');
    }
    await expect(report.getByTestId('ignored')).toBeVisible();
    expect(await axeViolations(page), 'import report').toEqual([]);
  });
});

test.describe('keyboard', () => {
  test('the view tabs are one tab stop with arrow keys, Home/End; the panel is labelled by its tab', async ({
    page,
  }) => {
    await openView(page, 'overview');
    const tabs = page.getByRole('tab');
    await expect(tabs).toHaveCount(ALL_VIEWS.length);
    // Roving tabindex: the selected tab alone is in the tab order.
    await expect(page.locator('[role="tab"][tabindex="0"]')).toHaveText('总览');
    await expect(page.locator('[role="tab"][tabindex="-1"]')).toHaveCount(ALL_VIEWS.length - 1);
    await expect(page.getByRole('main')).toBeVisible();
    await expect(page.getByRole('tabpanel', { name: '总览' })).toBeVisible();

    await page.getByRole('tab', { name: '总览' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('tab', { name: '隐患' })).toBeFocused();
    await page.keyboard.press('End');
    await expect(page.getByRole('tab', { name: '设置' })).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('tab', { name: '总览' })).toBeFocused();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByRole('tab', { name: '导入记录' })).toBeFocused();
    await page.keyboard.press('Enter');
    await waitForView(page, 'history');
    await expect(page.getByRole('tab', { name: '导入记录' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('tabpanel', { name: '导入记录' })).toBeVisible();
    await expect(page).toHaveURL(/view=history/);
    await page.keyboard.press('Home');
    await expect(page.getByRole('tab', { name: '总览' })).toBeFocused();
    // Tab leaves the bar for the panel: the other tabs are not tab stops.
    await page.getByRole('tab', { name: '导入记录' }).focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).not.toBe('tab');
  });

  test('Escape closes the township dropdown and the export menu and returns focus to the trigger', async ({
    page,
  }) => {
    await openView(page, 'hazards');
    const toggle = page.getByRole('button', { name: /乡镇（街道）/ });
    await toggle.focus();
    await page.keyboard.press('Enter');
    const list = page.getByRole('group', { name: '乡镇（街道）' });
    await expect(list).toBeVisible();
    // Into the panel, onto a checkbox, then Escape.
    await list.getByRole('checkbox').first().focus();
    await page.keyboard.press('Escape');
    await expect(list).toHaveCount(0);
    await expect(toggle).toBeFocused();

    // The chart export menu (a sibling popup) does the same.
    const menuButton = page.getByRole('button', { name: /^导出“/ }).first();
    await menuButton.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('menu')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('menu')).toHaveCount(0);
    await expect(menuButton).toBeFocused();
  });
});
