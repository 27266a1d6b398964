/**
 * Where a filter change's redraw time goes, per view (issue 13 target 3; not a test, asserts
 * nothing): the same changes of 截止月份 as perf.measure.ts, on the sample and on 300 townships ×
 * 120 months. By default writes a CPU profile per view to $PROFILE_DIR/<set>-<view>.cpuprofile
 * (build with `--minify false` for readable names). TRACE=1 prints instead the main thread's CPU
 * time per change from a Chromium trace, which machine load skews less than wall-clock time
 * (TRACE=names adds the trace events by name). PROFILE_SETS=sample or 300 runs one set,
 * PROFILE_VIEWS=hazards,training some views.
 *
 *   npx vite build && TRACE=1 npx playwright test -c tests/e2e/dashboard.config.ts redraw-profile.measure.ts
 */
import { writeFileSync } from 'node:fs';
import { expect, test, type CDPSession, type Page } from '@playwright/test';
import { DASHBOARD_TABS, measureRedraw, waitForDashboard } from './dashboard-helpers';
import { generateDataset } from './generated-dataset';

const RUNS = Number(process.env.RUNS ?? 10);
const DIR = process.env.PROFILE_DIR ?? '.';
const VIEWS = (process.env.PROFILE_VIEWS ?? '').split(',').filter(Boolean);
const SETS = process.env.PROFILE_SETS;

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  readonly dur?: number;
  readonly tdur?: number;
  readonly args?: { name?: string };
}

/** Main-thread CPU (ms) per change over RUNS changes, and the CPU by trace event name. */
async function traceRedraw(
  page: Page,
  cdp: CDPSession,
): Promise<{ ms: number; cpu: number; byName: Map<string, number> }> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline',
    transferMode: 'ReportEvents',
  });
  const ms = await measureRedraw(page, RUNS);
  await cdp.send('Tracing.end');
  await done;
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const byName = new Map<string, number>();
  let cpu = 0;
  for (const e of events) {
    if (!main || e.tid !== main.tid || e.pid !== main.pid || e.ph !== 'X') continue;
    const t = e.tdur ?? e.dur ?? 0;
    byName.set(e.name, (byName.get(e.name) ?? 0) + t);
    if (e.name === 'RunTask') cpu += t;
  }
  return { ms, cpu: cpu / 1000 / RUNS, byName };
}

async function profileViews(page: Page, label: string): Promise<void> {
  await page.goto('/');
  await expect(page.getByTestId('district')).toContainText(/条月报记录|monthly records/, {
    timeout: 300_000,
  });
  await waitForDashboard(page);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  for (const tab of DASHBOARD_TABS) {
    if (VIEWS.length > 0 && !VIEWS.includes(tab.id)) continue;
    await page.getByRole('tab', { name: tab.label, exact: true }).click();
    await waitForDashboard(page);
    await page.waitForTimeout(1500);
    await measureRedraw(page, 2); // warm-up
    if (process.env.TRACE) {
      const { ms, cpu, byName } = await traceRedraw(page, cdp);
      if (process.env.TRACE === 'names')
        for (const [n, t] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, 12))
          console.log(`    ${(t / 1000 / RUNS).toFixed(1).padStart(7)} ms  ${n}`);
      console.log(`${label} ${tab.id}: ${ms.toFixed(1)} ms, main-thread CPU ${cpu.toFixed(1)} ms per change`);
      continue;
    }
    await cdp.send('Profiler.start');
    const ms = await measureRedraw(page, RUNS);
    const { profile } = await cdp.send('Profiler.stop');
    writeFileSync(`${DIR}/${label}-${tab.id}.cpuprofile`, JSON.stringify(profile));
    console.log(`${label} ${tab.id}: ${ms.toFixed(1)} ms (profiled)`);
  }
}

test.describe('redraw profile', () => {
  test.setTimeout(600_000);

  test('sample', async ({ page }) => {
    test.skip(SETS !== undefined && !SETS.includes('sample'));
    await profileViews(page, 'sample');
  });

  test('300 townships × 120 months', async ({ page }) => {
    test.skip(SETS !== undefined && !SETS.includes('300'));
    const body = generateDataset(300);
    await page.route('**/sample/dataset.json', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body }),
    );
    await profileViews(page, 't300');
  });
});
