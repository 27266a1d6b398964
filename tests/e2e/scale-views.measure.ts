/**
 * Screenshots of every dashboard view on a generated city-size district (300 and 2,000 townships
 * × 120 months, plus townships known only from a hazard ledger), for a person to look at (issue 13:
 * views readable at 300 townships and working at 2,000). Not a test: it asserts nothing, and the
 * name keeps it out of the default run. Prints each chart's height and the header line.
 *
 *   npx vite build && SHOTS=/tmp/shots [SHOT_COUNTS=2000] [SHOT_MONTHS=12] \
 *     npx playwright test -c tests/e2e/dashboard.config.ts scale-views.measure.ts
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { DASHBOARD_TABS, waitForDashboard } from './dashboard-helpers';
import { generateDataset } from './generated-dataset';

const OUT = process.env.SHOTS ?? 'test-results/scale-shots';
const COUNTS = (process.env.SHOT_COUNTS ?? '300,2000').split(',').map(Number);
// SHOT_MONTHS=12: a year of reports (2,000 × 120 months is a 170 M-character sample).
const MONTHS = Number(process.env.SHOT_MONTHS ?? 120);

async function open(page: Page, query: string): Promise<void> {
  await page.goto(`/${query}`);
  // The data is in once the header counts its records (before that the loading notice may not
  // even be up yet on a busy machine).
  await expect(page.getByTestId('district')).toContainText(/条月报记录|monthly records/, {
    timeout: 300_000,
  });
  await expect(page.getByRole('status').filter({ hasText: /正在加载|Loading/ })).toHaveCount(0, {
    timeout: 300_000,
  });
  await waitForDashboard(page);
  await page.waitForTimeout(1500);
}

const DIST = fileURLToPath(new URL('../../dist', import.meta.url));
const written: string[] = [];

test.describe('city-size screenshots', () => {
  test.setTimeout(1_200_000);
  test.afterAll(() => {
    for (const f of written.splice(0)) rmSync(f, { force: true });
  });
  for (const count of COUNTS) {
    test(`${count} townships`, async ({ page }) => {
      const body = generateDataset(count, { ledgerOnly: ['台账独有镇', '台账独有乡'], months: MONTHS });
      // 2,000 × 120 is about 170 M characters: too big to hand the browser through the DevTools
      // protocol (route.fulfill; the browser closes), so the preview server serves it from dist/
      // and the sample request is redirected there.
      const file = join(DIST, 'sample', `dataset-${count}.json`);
      writeFileSync(file, body);
      written.push(file);
      await page.route('**/sample/dataset.json', (route) =>
        route.continue({ url: route.request().url().replace(/dataset\.json$/, `dataset-${count}.json`) }),
      );
      await open(page, '');
      console.log(`${count}: header = ${await page.getByTestId('district').textContent()}`);
      for (const tab of DASHBOARD_TABS) {
        // Switch tabs in the page: a reload would re-read the dataset from IndexedDB each time.
        await page.getByRole('tab', { name: tab.label, exact: true }).click();
        await waitForDashboard(page);
        await page.waitForTimeout(1500);
        const heights = await page
          .locator('section.chart-frame')
          .evaluateAll((els) =>
            els.map(
              (e) =>
                `${e.querySelector('h3')?.textContent ?? ''}: ${Math.round(e.getBoundingClientRect().height)}px`,
            ),
          );
        console.log(`${count} ${tab.label}: ${heights.join(' | ')}`);
        // Whatever else makes the page long: the smallest blocks taller than two screens.
        const tall = await page.evaluate(() => {
          const TWO = 1800;
          const out: string[] = [];
          for (const e of document.querySelectorAll('main *')) {
            const h = e.getBoundingClientRect().height;
            if (h <= TWO) continue;
            if ([...e.children].some((c) => c.getBoundingClientRect().height > TWO)) continue;
            const title = e.querySelector('h2, h3, caption, summary')?.textContent ?? '';
            out.push(`${e.tagName.toLowerCase()}.${[...e.classList].join('.')} "${title.slice(0, 30)}": ${Math.round(h)}px`);
          }
          return out;
        });
        if (tall.length > 0) console.log(`${count} ${tab.label} taller than two screens: ${tall.join(' | ')}`);
        await page.screenshot({ path: `${OUT}/${count}-${tab.id}.png`, fullPage: true });
      }
    });
  }
});
