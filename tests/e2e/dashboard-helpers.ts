/**
 * Helpers for the dashboard e2e specs: open a view on the sample data and wait until its charts
 * have drawn; read the chart summaries; click inside a chart's plot area.
 */
import { readFileSync } from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';

/** The dashboard tabs and their zh labels, in nav order. */
export const DASHBOARD_TABS = [
  { id: 'overview', label: '总览' },
  { id: 'hazards', label: '隐患' },
  { id: 'training', label: '培训' },
  { id: 'compare', label: '对比' },
  { id: 'submissions', label: '报送' },
] as const;

/** Opens the app at a query and waits for the sample data, the filter bar and every chart canvas. */
export async function openDashboard(page: Page, query = ''): Promise<void> {
  await page.goto(`/${query}`);
  await waitForDashboard(page);
}

/** Waits until the loading notice is gone and every visible chart has a canvas. */
export async function waitForDashboard(page: Page): Promise<void> {
  await expect(page.getByRole('status').filter({ hasText: /正在加载|Loading/ })).toHaveCount(0);
  await expect(page.getByTestId('filter-bar')).toBeVisible();
  const frames = page.locator('section.chart-frame');
  await expect(frames.first()).toBeVisible();
  const n = await frames.count();
  for (let i = 0; i < n; i++) {
    const frame = frames.nth(i);
    // An empty spec shows the empty state instead of a canvas.
    if ((await frame.locator('.empty-state').count()) > 0) continue;
    await expect(frame.locator('canvas').first()).toBeVisible();
  }
}

/** Every chart summary sentence on the page, in order. */
export async function summaries(page: Page): Promise<string[]> {
  return page.locator('.chart-frame__summary').allTextContents();
}

/** The chart frame whose title matches. */
export function chartFrame(page: Page, title: string | RegExp): Locator {
  return page.locator('section.chart-frame').filter({ has: page.getByRole('heading', { name: title }) });
}

/**
 * Clicks at a point of a chart given in pixels from the chart's top-left corner (negative = from
 * the right / bottom edge).
 */
export async function clickChartAt(frame: Locator, x: number, y: number): Promise<void> {
  const box = await frame.locator('[role="img"]').boundingBox();
  if (!box) throw new Error('chart not visible');
  const px = x >= 0 ? x : box.width + x;
  const py = y >= 0 ? y : box.height + y;
  await frame.locator('[role="img"]').click({ position: { x: px, y: py } });
}

interface SampleRow {
  readonly township: string;
  readonly period: string;
  readonly period_scope: string;
  readonly hazards_found: number | null;
}

/** The sample dataset's monthly rows, read from the file the app loads. */
export function sampleRows(): { townships: string[]; rows: SampleRow[] } {
  const raw = JSON.parse(readFileSync('public/sample/dataset.json', 'utf8')) as {
    townships: { name: string }[];
    township_month: SampleRow[];
  };
  return {
    townships: raw.townships.map((t) => t.name),
    rows: raw.township_month.filter((r) => r.period_scope === 'month'),
  };
}

/**
 * Median redraw time (ms) of `runs` changes of the `to` month on the current view: from the change
 * event to the second animation frame after it (the measurement scripts' figure; asserts nothing).
 */
export async function measureRedraw(page: Page, runs: number): Promise<number> {
  return page.evaluate(async (runs) => {
    const select = [...document.querySelectorAll('select')].find(
      (s) => s.labels?.[0]?.textContent === '截止月份',
    ) as HTMLSelectElement | undefined;
    if (!select) throw new Error('no 截止月份 select');
    const values = [...select.options].map((o) => o.value);
    const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const value = values[values.length - 1 - (i % 2)]!; // alternate the last two months
      await frame();
      const t0 = performance.now();
      select.value = value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await frame();
      await frame();
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    return (times[Math.floor((runs - 1) / 2)]! + times[Math.ceil((runs - 1) / 2)]!) / 2;
  }, runs);
}
