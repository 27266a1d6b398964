/**
 * Narrow screens: at 390 px (phone), 768 px (tablet) and 1024 px no view scrolls the page
 * sideways, and every tab of the bar can be reached and selected (the bar scrolls within itself).
 * Screenshots of each view at 390 px go to test-results/ for a look.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ALL_VIEWS, openView, waitForView } from './views';

/** The page's horizontal overflow in CSS pixels (0 = no sideways scroll). */
const pageOverflow = (page: Page): Promise<number> =>
  page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    return root.scrollWidth - root.clientWidth;
  });

for (const width of [390, 768, 1024]) {
  test(`no view scrolls the page sideways at ${width} px`, async ({ page }, info) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width, height: 844 });
    for (const view of ALL_VIEWS) {
      await openView(page, view.id);
      expect(await pageOverflow(page), `${view.id} at ${width} px`).toBeLessThanOrEqual(0);
      if (width === 390)
        await page.screenshot({ path: info.outputPath(`${view.id}-390.png`), fullPage: true });
    }
  });
}

test('at 390 px every tab is reachable and selectable, in Chinese and English', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 390, height: 844 });
  for (const lang of ['zh-CN', 'en'] as const) {
    await openView(page, 'overview', lang);
    for (const view of ALL_VIEWS) {
      const tab = page.getByRole('tab', { name: lang === 'en' ? view.en : view.zh, exact: true });
      await tab.click();
      await waitForView(page, view.id);
      await expect(tab).toHaveAttribute('aria-selected', 'true');
      // The selected tab is inside the viewport (the bar scrolled, not the page), on one line.
      const box = await tab.boundingBox();
      expect(box, view.id).not.toBeNull();
      expect(box!.x, view.id).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width, view.id).toBeLessThanOrEqual(390.5);
      expect(box!.height, `${view.id}: label on one line`).toBeLessThan(60);
      expect(await pageOverflow(page), `${view.id} (${lang})`).toBeLessThanOrEqual(0);
    }
  }
});

test('a link to the last view on a phone shows its tab selected and in view', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openView(page, 'settings');
  const tab = page.getByRole('tab', { name: '设置' });
  await expect(tab).toHaveAttribute('aria-selected', 'true');
  // Scrolled into view inside the bar (to the sub-pixel: the bar's width is fractional).
  const box = await tab.boundingBox();
  expect(box).not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(390.5);
});
