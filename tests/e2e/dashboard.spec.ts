import { expect, test } from './fixtures';
import {
  chartFrame,
  clickChartAt,
  DASHBOARD_TABS,
  openDashboard,
  sampleRows,
  summaries,
  waitForDashboard,
} from './dashboard-helpers';

test.describe('dashboard views', () => {
  test('总览 is the default view and every view renders on the sample data', async ({ page }) => {
    await openDashboard(page);
    await expect(page.getByRole('tab', { name: '总览' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('kpi-hazards_found')).toBeVisible();
    for (const tab of DASHBOARD_TABS) {
      await page.getByRole('tab', { name: tab.label }).click();
      await expect(page).toHaveURL(tab.id === 'overview' ? /\/(\?.*)?$/ : new RegExp(`view=${tab.id}`));
      await waitForDashboard(page);
      const texts = await summaries(page);
      expect(texts.length, tab.id).toBeGreaterThan(0);
      for (const s of texts) expect(s.trim(), tab.id).not.toBe('');
    }
    // 数据 follows the global filters too: the filter bar is above the table.
    await page.getByRole('tab', { name: '数据' }).click();
    await expect(page.getByTestId('filter-bar')).toBeVisible();
    await expect(page.getByTestId('row-count')).toBeVisible();
  });

  test('clicking a township bar filters every chart; back undoes it; the URL reproduces the view', async ({
    page,
    browser,
  }) => {
    await openDashboard(page);
    const kpiBefore = await page.getByTestId('kpi-hazards_found').locator('.kpi__value').textContent();
    await page.getByRole('tab', { name: '对比' }).click();
    await waitForDashboard(page);
    const before = await summaries(page);

    // The top bar of the ranking (largest value, first row). The plot starts 16 px below the
    // canvas top on screen and rows are ~24 px high; 20 px right of the axis is inside the bar.
    const ranking = chartFrame(page, '排查隐患排名');
    const top = /最高为(.+?)（/.exec(
      (await ranking.locator('.chart-frame__summary').textContent()) ?? '',
    )?.[1];
    expect(top).toBeTruthy();
    await clickChartAt(ranking, 116, 28);
    await expect(page).toHaveURL(new RegExp(`townships=${encodeURIComponent(top!)}(&|$)`));
    await expect(page.getByText(`乡镇：${top}`)).toBeVisible();
    await waitForDashboard(page);
    const after = await summaries(page);
    // The ranking and the scatter now describe the one township.
    expect(after[0]).not.toBe(before[0]);
    expect(after[1]).not.toBe(before[1]);
    expect(after[1]).toContain('共1个乡镇同时有');

    // The overview KPI follows the filter too.
    await page.getByRole('tab', { name: '总览' }).click();
    await waitForDashboard(page);
    await expect(page.getByTestId('kpi-hazards_found').locator('.kpi__value')).not.toHaveText(
      kpiBefore ?? '',
    );
    await page.goBack();
    await waitForDashboard(page);
    expect(await summaries(page)).toEqual(after);

    // A copied URL opens the same view with the same figures in a fresh browser context.
    await page.getByRole('combobox', { name: '指标', exact: true }).selectOption({ label: '培训场次' });
    await expect(page).toHaveURL(/metric=trainings_held/);
    await waitForDashboard(page);
    const url = page.url();
    const shown = await summaries(page);
    const context = await browser.newContext();
    const fresh = await context.newPage();
    const errors: string[] = [];
    fresh.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await fresh.goto(url);
    await waitForDashboard(fresh);
    expect(await summaries(fresh)).toEqual(shown);
    await expect(fresh.getByText(`乡镇：${top}`)).toBeVisible();
    expect(errors).toEqual([]);
    await context.close();

    // Back twice: the metric change, then the township filter, are undone.
    await page.goBack();
    await page.goBack();
    await expect(page).not.toHaveURL(/townships=/);
    await waitForDashboard(page);
    expect(await summaries(page)).toEqual(before);
  });

  test('clicking a heatmap township name filters to it', async ({ page }) => {
    await openDashboard(page, '?view=hazards');
    const heatmap = chartFrame(page, '排查隐患：乡镇×月份');
    const { townships } = sampleRows();
    // First row label (official order), right-aligned just left of the plot (x = 96).
    await clickChartAt(heatmap, 70, 28);
    await expect(page).toHaveURL(new RegExp(`townships=${encodeURIComponent(townships[0]!)}(&|$)`));
    await waitForDashboard(page);
    await expect(heatmap.locator('.chart-frame__summary')).toContainText(townships[0]!);
  });

  test('a hand-checked number: the detail panel and the heatmap table show the sample value', async ({
    page,
  }) => {
    const { townships, rows } = sampleRows();
    const township = townships[13]!;
    const mine = rows.filter((r) => r.township === township && r.hazards_found !== null);
    const row = mine[mine.length - 1]!;
    const expected = row.hazards_found!;
    const period = row.period;
    await openDashboard(
      page,
      `?view=hazards&townships=${encodeURIComponent(township)}&from=${period}&to=${period}`,
    );
    const heatmap = chartFrame(page, '排查隐患：乡镇×月份');

    // One township × one month: the single cell fills the plot; click its middle.
    const box = await heatmap.locator('[role="img"]').boundingBox();
    await clickChartAt(heatmap, 96 + (box!.width - 120) / 2, 16 + (box!.height - 116) / 2);
    await expect(page).toHaveURL(/cell=/);
    const panel = page.getByRole('dialog');
    await expect(panel.getByRole('heading', { level: 2 })).toContainText(township);
    const found = panel
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: '排查隐患', exact: true }) });
    await expect(found.getByRole('cell').first()).toHaveText(expected.toLocaleString('zh-CN'));
    await expect(panel.getByTestId('detail-sources')).toContainText(/第 \d+ 行/);

    // × closes the panel (a drawer over the charts' right edge) and takes the cell out of the URL.
    await panel.getByRole('button', { name: '关闭详情' }).click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(page).not.toHaveURL(/cell=/);

    await heatmap.getByRole('button', { name: '以表格显示' }).click();
    const table = heatmap.getByRole('table');
    await expect(
      table
        .getByRole('row', { name: new RegExp(township) })
        .getByRole('cell')
        .nth(1),
    ).toHaveText(expected.toLocaleString('zh-CN'));
  });

  test('single-month and single-township selections render sensible states', async ({ page }) => {
    const { townships, rows } = sampleRows();
    const last = rows
      .map((r) => r.period)
      .sort()
      .at(-1)!;
    for (const query of [`from=${last}&to=${last}`, `townships=${encodeURIComponent(townships[0]!)}`]) {
      for (const tab of DASHBOARD_TABS) {
        await openDashboard(page, `?view=${tab.id}&${query}`);
        for (const s of await summaries(page)) expect(s.trim(), `${tab.id} ${query}`).not.toBe('');
      }
    }
    // An unknown township in a bookmark: an explanation and a way out, not empty charts.
    await page.goto(`/?view=hazards&townships=${encodeURIComponent('不存在乡')}`);
    await expect(page.getByText('筛选条件下没有乡镇（街道）。')).toBeVisible();
    await page.getByRole('button', { name: '清除筛选' }).click();
    await waitForDashboard(page);
    await expect(page).not.toHaveURL(/townships=/);
  });

  test('English UI', async ({ page }) => {
    await openDashboard(page, '?view=compare&lang=en');
    await expect(page.getByRole('tab', { name: 'Compare' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('combobox', { name: 'From month' })).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Metric', exact: true })).toBeVisible();
    // Township names are data and stay Chinese; UI words must not.
    for (const s of await summaries(page)) expect(s).not.toMatch(/排查|全区|乡镇|月份/);
  });

  test('screenshots of each view (1440×900, zh-CN)', async ({ page }) => {
    test.slow(); // eight views, two screenshots each, plus the detail panel
    for (const tab of DASHBOARD_TABS) {
      await openDashboard(page, tab.id === 'overview' ? '' : `?view=${tab.id}`);
      // Let entry animations finish before the picture.
      await page.waitForTimeout(1200);
      await page.screenshot({ path: `docs/screenshots/${tab.id}.png` });
      await page.screenshot({ path: `docs/screenshots/${tab.id}-full.png`, fullPage: true });
    }
    // The township-month detail panel over the hazards view.
    const { townships, rows } = sampleRows();
    const row = rows.filter((r) => r.township === townships[13]).at(-1)!;
    await openDashboard(page, `?view=hazards&cell=${encodeURIComponent(`${row.township}~${row.period}`)}`);
    await expect(page.getByRole('dialog')).toBeVisible();
    await page.waitForTimeout(1200);
    await page.screenshot({ path: 'docs/screenshots/detail.png' });
    // English text is longer: check it still fits.
    await openDashboard(page, '?lang=en');
    await page.waitForTimeout(1200);
    await page.screenshot({ path: 'docs/screenshots/overview-en.png' });
  });
});
