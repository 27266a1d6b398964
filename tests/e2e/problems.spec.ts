import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

const HEATMAP = '各乡镇问题类别出现月数';

/** Opens the 问题 view on the sample and waits for the chronic list. */
async function openProblems(page: Page, query = ''): Promise<void> {
  await page.goto(`/?view=problems${query}`);
  await waitForProblems(page);
}

/** Waits until the 问题 view (loaded on demand) shows its chronic list and nothing is loading. */
async function waitForProblems(page: Page): Promise<void> {
  await expect(page.getByRole('tab', { name: '问题' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('chronic-list').locator('.problems-chronic__item').first()).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /正在加载|正在读取/ })).toHaveCount(0);
}

/** The heatmap's data table (shown via the frame's toggle) as header + rows keyed by township. */
async function heatmapTable(page: Page) {
  const frame = page.getByRole('region', { name: HEATMAP });
  const toggle = frame.getByRole('button', { name: '以表格显示' });
  if (await toggle.isVisible()) await toggle.click();
  const table = frame.getByRole('table');
  await expect(table).toBeVisible();
  const header = await table.locator('thead th').allTextContents();
  const rows = new Map<string, string[]>();
  for (const row of await table.locator('tbody tr').all()) {
    const cells = await row.locator('td').allTextContents();
    rows.set(cells[0] ?? '', cells);
  }
  return { header, cell: (township: string, column: string) => rows.get(township)?.[header.indexOf(column)] };
}

/** Township of a statement select, from its label "{township}{YYYY-MM}第{n}条问题的类别". */
async function townshipOf(select: Locator): Promise<string> {
  const label = (await select.getAttribute('aria-label')) ?? '';
  const m = /^(.+?)\d{4}-\d{2}第\d+条问题的类别$/.exec(label);
  expect(m, `label ${label}`).not.toBeNull();
  return m![1]!;
}

test.describe('问题 view', () => {
  test('shows a chronic problem on the sample: township, category and a streak of 3+ months', async ({
    page,
  }) => {
    await openProblems(page);
    const first = page.getByTestId('chronic-list').locator('.problems-chronic__item').first();
    await expect(first.getByRole('button').first()).toHaveText(/^.+ · .+$/);
    const streak = await first.getByTestId('streak').textContent();
    const n = /连续(\d+)个月/.exec(streak ?? '')?.[1];
    expect(Number.parseInt(n ?? '0', 10)).toBeGreaterThanOrEqual(3);
    // The statements behind it are listed with their matched keywords highlighted.
    await expect(first.getByTestId('problem-statement').first().locator('mark').first()).toBeVisible();
    await expect(page.getByRole('heading', { name: '未归类但反复出现的问题' })).toBeVisible();
    await expect(page.getByRole('heading', { name: '照抄上月表述' })).toBeVisible();
    await expect(page.getByRole('heading', { name: '屡查屡犯' })).toBeVisible();
  });

  test('reassigning a statement changes the heatmap and survives a reload', async ({ page }) => {
    // Two loads of the app and a reassignment: allow for a busy CI machine.
    test.slow();
    await openProblems(page);
    // A new category nobody reported yet: its heatmap column can only come from the reassignment.
    await page.getByRole('button', { name: '管理类别' }).click();
    const create = page.getByRole('form', { name: '新建类别' });
    await create.getByRole('textbox', { name: '类别名称' }).fill('电动车违规充电');
    await create.getByRole('button', { name: '新建' }).click();
    expect((await heatmapTable(page)).header).not.toContain('电动车违规充电');

    const select = page
      .getByTestId('chronic-list')
      .getByTestId('problem-statement')
      .first()
      .getByRole('combobox');
    const label = (await select.getAttribute('aria-label')) ?? '';
    const township = await townshipOf(select);
    await select.selectOption({ label: '电动车违规充电' });

    const after = await heatmapTable(page);
    expect(after.header).toContain('电动车违规充电');
    expect(after.cell(township, '电动车违规充电')).toBe('1');

    await page.reload();
    await waitForProblems(page);
    const reloaded = await heatmapTable(page);
    expect(reloaded.cell(township, '电动车违规充电')).toBe('1');
    // The statement keeps its manual category (it may have left the chronic list: find it anywhere).
    await page
      .getByRole('combobox', { name: '问题类别', exact: true })
      .selectOption({ label: '电动车违规充电' });
    const kept = page.getByTestId('statement-list').getByRole('combobox', { name: label });
    await expect(kept).toHaveValue('U01');
    await expect(page.getByTestId('statement-list').getByText('人工调整')).toBeVisible();
  });

  test('cross-filters: choosing a chronic item selects its category in the URL and lists its statements', async ({
    page,
  }) => {
    await openProblems(page);
    const first = page.getByTestId('chronic-list').locator('.problems-chronic__item').first();
    const name = (await first.getByRole('button').first().textContent()) ?? '';
    const [township] = name.split(' · ');
    await first.getByRole('button').first().click();
    await expect(page).toHaveURL(/[?&]cat=(P\d\d|U[\w-]+)/);
    await expect(page).toHaveURL(new RegExp(`[?&]pt=${encodeURIComponent(township!)}`));
    const listed = page.getByTestId('statement-list').getByTestId('problem-statement');
    await expect(listed.first()).toBeVisible();
    await expect(page.getByRole('combobox', { name: '时间线乡镇' })).toHaveValue(township!);
    await expect(page.getByRole('heading', { name: `${township}问题时间线` })).toBeVisible();

    // The global township filter from the URL is respected, and an invalid category is ignored.
    await openProblems(page, `&townships=${encodeURIComponent(township!)}&cat=__proto__`);
    const rows = await heatmapTable(page);
    expect(rows.cell(township!, rows.header[1]!)).toBeDefined();
    await expect(page.getByRole('combobox', { name: '问题类别', exact: true })).toHaveValue('');
  });

  test('takes the screenshot of the 问题 view', async ({ page }) => {
    await openProblems(page);
    await page.waitForTimeout(800); // let ECharts finish its entry animation
    await page.screenshot({ path: 'docs/screenshots/problems.png', fullPage: false });
  });
});
