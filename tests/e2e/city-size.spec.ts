/**
 * Views at city size (issue 13): on a generated district of 300 townships (plus two known only
 * from a hazard ledger) rankings show the top/bottom N with a search that tells a township's rank
 * outside the bars, the heatmap pages 30 townships at a time with keyboard-operable controls and
 * a search that opens a township's page, 报送's missing-reports table lists the 50 with most
 * missing until asked for all, no chart is taller than about two screens, the header counts every
 * township, and axe finds nothing wrong with the new controls.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { DASHBOARD_TABS, waitForDashboard } from './dashboard-helpers';
import { generateDataset } from './generated-dataset';

// 300 listed townships × 12 months keeps the import quick; two more file only a ledger.
const BODY = generateDataset(300, { months: 12, ledgerOnly: ['台账独有镇', '台账独有乡'] });
const TOTAL = 302;

async function open(page: Page, view: string): Promise<void> {
  await page.route('**/sample/dataset.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: BODY }),
  );
  await page.goto(`/?view=${view}`);
  // The data is in once the header counts its records (before that the loading notice may not
  // even be up yet on a busy machine).
  await expect(page.getByTestId('district')).toContainText(/条月报记录|monthly records/, {
    timeout: 300_000,
  });
  await expect(page.getByRole('status').filter({ hasText: /正在加载|Loading/ })).toHaveCount(0, {
    timeout: 90_000,
  });
  await waitForDashboard(page);
}

const frameOf = (page: Page, testId: string): Locator =>
  page.locator('section.chart-frame').filter({ has: page.getByTestId(testId) });

test.describe('views at city size (300 townships)', () => {
  test.setTimeout(180_000);

  test('the header counts every township, ledger-only ones too', async ({ page }) => {
    await open(page, 'overview');
    await expect(page.getByTestId('district')).toContainText(`${TOTAL} 个乡镇（街道）`);
  });

  test('a ranking shows the top N, finds a township outside it with its rank', async ({ page }) => {
    await open(page, 'compare');
    const frame = frameOf(page, 'rank-controls');
    const summary = frame.locator('.chart-frame__summary');
    await expect(summary).toContainText(`图中为前 20 名，共 ${TOTAL} 个乡镇`);

    await frame.getByLabel('显示').selectOption({ label: '前 10 名' });
    await expect(summary).toContainText(`图中为前 10 名，共 ${TOTAL} 个乡镇`);
    await frame.getByLabel('显示').selectOption({ label: '后 20 名' });
    await expect(summary).toContainText(`图中为后 20 名，共 ${TOTAL} 个乡镇`);

    // The last township of the official list: its rank is told whether or not its bar is drawn.
    await frame.getByLabel('查找乡镇').fill('庄镇');
    const result = frame.getByRole('status');
    await expect(result).toContainText(/：第 \d+ 名（共 \d+ 个有数据的乡镇）/);
    await frame.getByLabel('显示').selectOption({ label: '前 10 名' });
    await frame.getByLabel('查找乡镇').fill('台账独有镇');
    await expect(result).toContainText('台账独有镇：第');
    await frame.getByLabel('查找乡镇').fill('不存在的镇');
    await expect(result).toHaveText('没有名称含“不存在的镇”的乡镇');

    // The chart's table still lists every township.
    await frame.getByRole('button', { name: '以表格显示' }).click();
    await expect(frame.locator('table tbody tr')).toHaveCount(TOTAL);
  });

  test('the heatmap pages 30 townships, by keyboard and by search', async ({ page }) => {
    await open(page, 'hazards');
    const frame = page
      .locator('section.chart-frame')
      .filter({ has: page.getByRole('navigation', { name: '乡镇分页' }) })
      .first();
    const summary = frame.locator('.chart-frame__summary');
    await expect(summary).toContainText(`图中为第 1/11 页（第 1–30 个，共 ${TOTAL} 个乡镇）`);
    const prev = frame.getByRole('button', { name: '上一页' });
    await expect(prev).toBeDisabled();

    await frame.getByRole('button', { name: '下一页' }).focus();
    await page.keyboard.press('Enter');
    await expect(summary).toContainText('图中为第 2/11 页（第 31–60 个');
    await frame.getByLabel('页码').selectOption({ index: 10 });
    await expect(summary).toContainText(`图中为第 11/11 页（第 301–${TOTAL} 个`);
    await expect(frame.getByRole('button', { name: '下一页' })).toBeDisabled();

    // Township 100 of the list (generated-dataset.ts names it 北泉镇) is on page 4.
    const search = frame.getByLabel('查找乡镇');
    await search.fill('北泉镇');
    await expect(summary).toContainText('图中为第 4/11 页（第 91–120 个');
    await search.fill('黄');
    await search.press('Enter');
    await expect(summary).toContainText('图中为第 1/11 页');
  });

  test('a township selected for the detail panel turns the paged charts to its page', async ({ page }) => {
    await open(page, 'hazards');
    // The detail panel of 北泉镇 (township 100, page 4), as a click on its bar or a shared link opens it.
    await page.goto(`/?view=hazards&cell=${encodeURIComponent('北泉镇~2026-10')}`);
    await expect(page.getByRole('dialog').or(page.locator('.detail-panel')).first()).toContainText('北泉镇');
    const frame = page
      .locator('section.chart-frame')
      .filter({ has: page.getByRole('navigation', { name: '乡镇分页' }) })
      .first();
    await expect(frame.locator('.chart-frame__summary')).toContainText('图中为第 4/11 页（第 91–120 个');
    // The page is written to the URL, so closing the panel keeps these rows on screen.
    await expect(page).toHaveURL(/[?&]page=4(&|$)/);
    // In 报送 too (its matrix lists the same townships).
    await page.goto(`/?view=submissions&cell=${encodeURIComponent('北泉镇~2026-10')}`);
    const matrix = page
      .locator('section.chart-frame')
      .filter({ has: page.getByRole('navigation', { name: '乡镇分页' }) })
      .first();
    await expect(matrix.locator('.chart-frame__summary')).toContainText('图中为第 4/11 页');
  });

  test('the ranking window and the page are in the URL: a reload, back and a shared link keep them', async ({
    page,
  }) => {
    await open(page, 'compare');
    const rank = frameOf(page, 'rank-controls');
    await rank.getByLabel('显示').selectOption({ label: '后 10 名' });
    await expect(page).toHaveURL(/[?&]rank=bottom10(&|$)/);
    const pager = page
      .locator('section.chart-frame')
      .filter({ has: page.getByRole('navigation', { name: '乡镇分页' }) })
      .first();
    await pager.getByRole('button', { name: '下一页' }).click();
    await pager.getByRole('button', { name: '下一页' }).click();
    await expect(page).toHaveURL(/[?&]page=3(&|$)/);

    await page.reload();
    await waitForDashboard(page);
    await expect(rank.locator('.chart-frame__summary')).toContainText(`图中为后 10 名，共 ${TOTAL} 个乡镇`);
    await expect(rank.getByLabel('显示')).toHaveValue('bottom10');
    await expect(pager.locator('.chart-frame__summary')).toContainText('图中为第 3/');

    // Back turns the page back; the ranking window stays.
    await page.goBack();
    await expect(pager.locator('.chart-frame__summary')).toContainText('图中为第 2/');
    await expect(rank.getByLabel('显示')).toHaveValue('bottom10');

    // Another view starts from its own defaults.
    await page.getByRole('tab', { name: '隐患', exact: true }).click();
    await waitForDashboard(page);
    await expect(page).not.toHaveURL(/[?&](rank|page)=/);

    // A link a colleague sends opens on the same rows.
    await page.goto('/?view=hazards&rank=top50&page=5');
    await waitForDashboard(page);
    await expect(frameOf(page, 'rank-controls').locator('.chart-frame__summary')).toContainText(
      `图中为前 50 名，共 ${TOTAL} 个乡镇`,
    );
    await expect(
      page
        .locator('section.chart-frame')
        .filter({ has: page.getByRole('navigation', { name: '乡镇分页' }) })
        .first()
        .locator('.chart-frame__summary'),
    ).toContainText('图中为第 5/11 页（第 121–150 个');
  });

  test('报送 lists the 50 townships with most missing reports, and all of them on request', async ({
    page,
  }) => {
    await open(page, 'submissions');
    const panel = page.getByTestId('missing-counts');
    const rows = panel.locator('tbody tr');
    await expect(rows).toHaveCount(50);
    const all = panel.getByRole('button', { name: /显示全部 \d+ 个乡镇（街道）/ });
    const n = Number(/显示全部 (\d+) 个/.exec((await all.textContent()) ?? '')?.[1]);
    expect(n).toBeGreaterThanOrEqual(300);
    await expect(panel).toContainText(`只列缺报最多的 50 个，另有 ${n - 50} 个未列出。`);
    // Most missing first: the counts of the listed rows never go up.
    const counts = (await rows.locator('td.num').allTextContents()).map(Number);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    await all.click();
    await expect(rows).toHaveCount(n);
    const fewer = panel.getByRole('button', { name: '只显示前 50 个' });
    await expect(fewer).toHaveAttribute('aria-expanded', 'true');
    const result = await new AxeBuilder({ page }).analyze();
    expect(result.violations.map((v) => v.id)).toEqual([]);
    await fewer.click();
    await expect(rows).toHaveCount(50);
  });

  test('no chart is taller than about two screens, in any view', async ({ page }) => {
    await open(page, 'overview');
    const limit = 2 * (page.viewportSize()?.height ?? 900);
    for (const tab of DASHBOARD_TABS) {
      await page.getByRole('tab', { name: tab.label, exact: true }).click();
      await waitForDashboard(page);
      const heights = await page
        .locator('section.chart-frame [role="img"]')
        .evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().height)));
      expect(heights.length, tab.label).toBeGreaterThan(0);
      for (const h of heights) expect(h, `${tab.label}: a chart ${h}px tall`).toBeLessThanOrEqual(limit);
    }
  });

  test('axe finds no violation with the ranking and page controls', async ({ page }) => {
    for (const view of ['compare', 'hazards'] as const) {
      await open(page, view);
      const result = await new AxeBuilder({ page }).analyze();
      expect(
        result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`),
        view,
      ).toEqual([]);
    }
  });
});
