/**
 * Shared Playwright fixture: every test fails on any console error or uncaught page error, so a
 * broken chart, a React warning escalated to an error or a failed fetch cannot pass unnoticed.
 */
import { test as base, expect, type Page } from '@playwright/test';

export const test = base.extend<{ consoleErrors: string[]; allowedConsoleErrors: readonly RegExp[] }>({
  /** Console errors a test provokes on purpose (e.g. a 404 it routes); everything else fails. */
  allowedConsoleErrors: [[], { option: true }],
  consoleErrors: [
    async ({ page, allowedConsoleErrors }, use) => {
      const errors: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() !== 'error') return;
        if (allowedConsoleErrors.some((re) => re.test(msg.text()))) return;
        errors.push(`console.error: ${msg.text()} (${msg.location().url})`);
      });
      page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
      await use(errors);
      expect(errors, 'console errors / page errors during the test').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Opens the app and waits until the sample data is in the table. */
export async function openApp(page: Page, query = ''): Promise<void> {
  // The default view is 总览; these helpers open the data view unless the query names a view.
  const q = /[?&]view=/.test(query) ? query : query ? `${query}&view=data` : '?view=data';
  await page.goto(`/${q}`);
  await expect(page.getByTestId('row-count')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /正在加载|Loading/ })).toHaveCount(0);
}
