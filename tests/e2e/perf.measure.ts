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
import { readFileSync } from 'node:fs';
import { test, type Page } from '@playwright/test';
import { DASHBOARD_TABS, waitForDashboard } from './dashboard-helpers';

const RUNS = 10;

/** A deterministic generator (mulberry32) so every run measures the same data. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * `count` townships × 120 months (2016-11 … 2026-10) in the canonical JSON the sample uses. The
 * first 40 names are the ones the 40-township run always measured.
 */
export function generateDataset(count = 40): string {
  const sample = JSON.parse(readFileSync('public/sample/dataset.json', 'utf8')) as {
    township_month: Record<string, unknown>[];
  };
  const template = sample.township_month[0]!;
  const rand = rng(20261129);
  const heads = '东西南北青白龙清黄高石马梨杏柳云城新安永太平和兴'.split('');
  const tails = ['山', '河', '桥', '湾', '泉', '岗', '坪', '营', '峪', '沟', '坝', '寨', '庄'];
  const suffix = ['镇', '乡', '街道'] as const;
  const type = { 镇: 'zhen', 乡: 'xiang', 街道: 'jiedao' } as const;
  const perRound = heads.length * tails.length;
  const townships = Array.from({ length: count }, (_, i) => {
    const s = suffix[i % 3]!;
    // (i mod 24, i div 24 mod 13, i div 312) triples are distinct, so the names are.
    const j = i % perRound;
    const round = Math.floor(i / perRound);
    const stem = `${heads[j % heads.length]}${tails[Math.floor(j / heads.length)]}${round ? round + 1 : ''}`;
    return { name: `${stem}${s}`, type: type[s] };
  });
  const unique = [...new Map(townships.map((t) => [t.name, t])).values()];
  if (unique.length !== count) throw new Error(`generated ${unique.length} distinct townships, not ${count}`);
  const months: string[] = [];
  for (let i = 0; i < 120; i++) {
    const idx = 2016 * 12 + 10 + i;
    months.push(`${Math.floor(idx / 12)}-${pad((idx % 12) + 1)}`);
  }
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const rows = unique.flatMap((t) =>
    months.flatMap((period) => {
      if (rand() < 0.03) return []; // a few missing reports, as in real data
      const found = int(0, 60);
      const major = int(0, Math.min(2, found));
      return [
        {
          ...template,
          township: t.name,
          period,
          report_date: `${period}-${pad(int(18, 28))}`,
          units_inspected: int(20, 120),
          hazards_found: found,
          hazards_rectified: Math.min(found, int(Math.floor(found * 0.7), found)),
          hazards_major_found: major,
          hazards_major_rectified: int(0, major),
          trainings_held: int(0, 5),
          training_person_times: int(0, 400),
          accidents: rand() < 0.05 ? 1 : 0,
        },
      ];
    }),
  );
  return JSON.stringify({
    schema_version: 1,
    district: '性能测试区',
    townships: unique.map((t) => ({ ...t, code: null, aliases: [] })),
    township_month: rows,
    hazards: [],
  });
}

/** Median redraw time (ms) of RUNS changes of the `to` month on the current view. */
async function measure(page: Page): Promise<number> {
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
  }, RUNS);
}

async function measureViews(page: Page, label: string): Promise<void> {
  const rows: string[] = [];
  await page.goto('/');
  await waitForDashboard(page);
  const scope = (await page.getByTestId('district').textContent()) ?? '';
  for (const tab of DASHBOARD_TABS) {
    await page.goto(tab.id === 'overview' ? '/' : `/?view=${tab.id}`);
    await waitForDashboard(page);
    await page.waitForTimeout(1500); // entry animations
    const ms = await measure(page);
    // The change really went through the app: the URL carries the last `to` month picked.
    if (!/[?&]to=/.test(page.url())) throw new Error('the filter change did not reach the URL');
    rows.push(`  ${tab.label.padEnd(4, '　')} ${ms.toFixed(1).padStart(7)} ms`);
  }
  console.log(`redraw after a filter change (median of ${RUNS}), ${label} [${scope}]:\n${rows.join('\n')}`);
}

test.describe('redraw timing', () => {
  test.setTimeout(300_000);

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
