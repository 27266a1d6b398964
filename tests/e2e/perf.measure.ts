/**
 * Redraw timing (not a test: the name keeps it out of the default `playwright test` run, and it
 * asserts nothing). Measures in the browser how long a filter change takes to redraw: from the
 * change event to the second animation frame after it (React commit + ECharts' lazy redraw have
 * run; the figure includes up to one frame of alignment, ~16 ms), median of 10 changes, per view,
 * on the bundled sample and on generated 40 and 300 townships × 120 months datasets served in its
 * place (issue 13 target 3: < 100 ms at 300 townships, goal 50 ms).
 *
 *   npx vite build && npx playwright test -c tests/e2e/dashboard.config.ts perf.measure.ts
 */
import { expect, test, type Page } from '@playwright/test';
import { DASHBOARD_TABS, measureRedraw, waitForDashboard } from './dashboard-helpers';
import { generateDataset } from './generated-dataset';

const RUNS = 10;

/** A large generated dataset takes a while to parse and store on first load. */
async function waitForData(page: Page): Promise<void> {
  // The data is in once the header counts its records (before that the loading notice may not
  // even be up yet on a busy machine).
  await expect(page.getByTestId('district')).toContainText(/条月报记录|monthly records/, {
    timeout: 300_000,
  });
  await expect(page.getByRole('status').filter({ hasText: /正在加载|Loading/ })).toHaveCount(0, {
    timeout: 180_000,
  });
  await waitForDashboard(page);
}

async function measureViews(page: Page, label: string): Promise<void> {
  const rows: string[] = [];
  await page.goto('/');
  await waitForData(page);
  const scope = (await page.getByTestId('district').textContent()) ?? '';
  for (const tab of DASHBOARD_TABS) {
    // Switch tabs in the page: a reload would re-read a large dataset from IndexedDB each time.
    await page.getByRole('tab', { name: tab.label, exact: true }).click();
    await waitForData(page);
    await page.waitForTimeout(1500); // entry animations
    const ms = await measureRedraw(page, RUNS);
    // The change really went through the app: the URL carries the last `to` month picked.
    if (!/[?&]to=/.test(page.url())) throw new Error('the filter change did not reach the URL');
    rows.push(`  ${tab.label.padEnd(4, '　')} ${ms.toFixed(1).padStart(7)} ms`);
  }
  console.log(`redraw after a filter change (median of ${RUNS}), ${label} [${scope}]:\n${rows.join('\n')}`);
}

test.describe('redraw timing', () => {
  test.setTimeout(600_000);

  test('sample data', async ({ page }) => {
    await measureViews(page, 'sample (18 townships × 36 months)');
  });

  for (const count of [40, 300]) {
    test(`generated ${count} townships × 120 months`, async ({ page }) => {
      const body = generateDataset(count);
      await page.route('**/sample/dataset.json', (route) =>
        route.fulfill({ status: 200, contentType: 'application/json', body }),
      );
      await measureViews(page, `generated (${count} townships × 120 months)`);
    });
  }
});
