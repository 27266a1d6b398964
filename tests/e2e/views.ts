/**
 * Every view of the app with its tab labels, and a helper that opens one and waits until it has
 * drawn (sample loaded, charts on canvas, stored batches listed), for specs that sweep all views.
 */
import { expect, type Page } from '@playwright/test';

/** Every view in nav order, with its zh and en tab label. */
export const ALL_VIEWS = [
  { id: 'overview', zh: '总览', en: 'Overview' },
  { id: 'hazards', zh: '隐患', en: 'Hazards' },
  { id: 'training', zh: '培训', en: 'Training' },
  { id: 'compare', zh: '对比', en: 'Compare' },
  { id: 'submissions', zh: '报送', en: 'Submissions' },
  { id: 'problems', zh: '问题', en: 'Problems' },
  { id: 'data', zh: '数据', en: 'Data' },
  { id: 'bulletin', zh: '通报', en: 'Bulletin' },
  { id: 'history', zh: '导入记录', en: 'Import history' },
  { id: 'settings', zh: '设置', en: 'Settings' },
] as const;

export type ViewId = (typeof ALL_VIEWS)[number]['id'];

/** The views made of chart frames only. */
const DASHBOARD: ReadonlySet<ViewId> = new Set(['overview', 'hazards', 'training', 'compare', 'submissions']);

/** Waits until the current view has drawn. */
export async function waitForView(page: Page, id: ViewId): Promise<void> {
  // First load parses and stores the sample: allow for a busy machine.
  const timeout = 60_000;
  await expect(page.getByRole('status').filter({ hasText: /正在加载|Loading/ })).toHaveCount(0, { timeout });
  await expect(page.getByRole('tabpanel')).toBeVisible();
  const ready: Record<ViewId, string> = {
    overview: 'section.chart-frame canvas',
    hazards: 'section.chart-frame canvas',
    training: 'section.chart-frame canvas',
    compare: 'section.chart-frame canvas',
    submissions: 'section.chart-frame canvas',
    problems: '.problems-chronic__item',
    data: '[data-testid="row-count"]',
    bulletin: '.bulletin-chart canvas',
    history: '.history-panel tbody tr',
    settings: '.settings-panel input',
  };
  await expect(page.locator(ready[id]).first()).toBeVisible({ timeout });
  if (!DASHBOARD.has(id)) return;
  // Every chart of a dashboard view has drawn (or shows its empty state).
  const frames = page.locator('section.chart-frame');
  for (let i = 0; i < (await frames.count()); i++) {
    const frame = frames.nth(i);
    if ((await frame.locator('.empty-state').count()) > 0) continue;
    await expect(frame.locator('canvas').first()).toBeVisible({ timeout });
  }
}

/** Opens a view (optionally in English) and waits until it has drawn. */
export async function openView(page: Page, id: ViewId, lang: 'zh-CN' | 'en' = 'zh-CN'): Promise<void> {
  await page.goto(`/?view=${id}${lang === 'en' ? '&lang=en' : ''}`);
  await waitForView(page, id);
}
