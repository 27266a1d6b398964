import { expect, openApp, test } from './fixtures';

test.describe('app loads', () => {
  test('shows the sample data in the data table', async ({ page }) => {
    await openApp(page);
    await expect(page).toHaveTitle('乡镇安全生产月报看板');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('乡镇安全生产月报看板');
    await expect(page.getByRole('tab', { name: '数据' })).toHaveAttribute('aria-selected', 'true');

    const count = page.getByTestId('row-count');
    await expect(count).toHaveText(/^显示 \d+ \/ 共 \d+ 条$/);
    const [, shown, total] = /显示 (\d+) \/ 共 (\d+) 条/.exec((await count.textContent()) ?? '') ?? [];
    expect(Number(total)).toBeGreaterThan(0);
    expect(Number(shown)).toBe(Number(total));

    const table = page.locator('table.data-table--records');
    await expect(table.getByRole('columnheader', { name: /排查隐患（处）/ })).toBeVisible();
    // 50 rows a page.
    await expect(table.locator('tbody tr')).toHaveCount(Math.min(50, Number(total)));
    // The sample's own import report is there (validated like any import), collapsed.
    await expect(page.getByRole('heading', { name: /^导入报告：/ })).toBeVisible();
  });

  test('switches to English and keeps the view state in the URL across reload and history', async ({
    page,
  }) => {
    await openApp(page);
    // The button's name is its visible text (label in name); the hint "切换到英文" is its title.
    await expect(page.getByRole('button', { name: 'English' })).toHaveAttribute('title', '切换到英文');
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page).toHaveURL(/[?&]lang=en/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Township Work-Safety Monthly Reports');
    await expect(page.getByRole('tab', { name: 'Data' })).toBeVisible();
    await expect(page.getByRole('columnheader', { name: /Hazards found/ })).toBeVisible();

    // Narrow the period with the global filter bar and sort by hazards found: both go into the URL.
    const fromSelect = page.getByTestId('filter-bar').getByLabel('From month');
    const periods = await fromSelect
      .locator('option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    const from = periods[periods.length - 2] ?? '';
    await fromSelect.selectOption(from);
    await expect(page).toHaveURL(new RegExp(`from=${from}`));
    await page.getByRole('button', { name: /^Hazards found/ }).click();
    await expect(page).toHaveURL(/sort=-hazards_found/);
    const filteredCount = await page.getByTestId('row-count').textContent();

    await page.reload();
    await expect(page.getByTestId('row-count')).toHaveText(filteredCount ?? '');
    await expect(page.getByTestId('filter-bar').getByLabel('From month')).toHaveValue(from);
    await expect(page.getByRole('columnheader', { name: /^Hazards found/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Township Work-Safety Monthly Reports');

    // Back undoes the sort, then the filter; forward redoes the filter.
    await page.goBack();
    await expect(page).not.toHaveURL(/sort=/);
    await page.goBack();
    await expect(page).not.toHaveURL(/from=/);
    await page.goForward();
    await expect(page).toHaveURL(new RegExp(`from=${from}`));
  });

  test('the data table follows the global sector filter', async ({ page }) => {
    await openApp(page);
    const all = Number(/共 (\d+) 条/.exec((await page.getByTestId('row-count').textContent()) ?? '')?.[1]);
    await page.getByTestId('filter-bar').getByLabel('行业领域').selectOption('gas');
    await expect(page).toHaveURL(/sector=gas/);
    const [, shown, total] =
      /显示 (\d+) \/ 共 (\d+) 条/.exec((await page.getByTestId('row-count').textContent()) ?? '') ?? [];
    expect(Number(total)).toBe(all);
    expect(Number(shown)).toBeGreaterThan(0);
    expect(Number(shown)).toBeLessThan(all);
  });

  test('ignores invalid URL parameters', async ({ page }) => {
    // An unknown view falls back to the default view (总览).
    await page.goto('/?view=__proto__&from=2022-13&sort=a.b&lang=xx&townships=%00');
    await expect(page.getByRole('tab', { name: '总览' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  });

  test('takes screenshots of the data view', async ({ page }) => {
    await openApp(page);
    await page.screenshot({ path: 'docs/screenshots/data-view.png', fullPage: false });
    await openApp(page, '?lang=en&sort=-hazards_found');
    await page.screenshot({ path: 'docs/screenshots/data-view-en.png', fullPage: false });
    await page.setViewportSize({ width: 800, height: 900 });
    await page.screenshot({ path: 'docs/screenshots/data-view-narrow.png', fullPage: false });
  });
});
