/**
 * 总览, the landing view. It loads with the app; every other view loads on demand (registry.tsx,
 * issue 13). Its needs-attention list also names the problems recurring 3+ months (issue 4); those
 * lines come from overview-problems.tsx, which loads on demand too, so the first chart never waits
 * for the problem analysis.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import type { ExtraAttentionItem } from '../../features/overview/overview-view';
import { loadChartExtras } from '../../charts/echarts-setup';
import { renderOverview } from './dashboard-routes';
import type { ViewContext } from './route-types';

const OverviewProblems = lazy(() =>
  import('./overview-problems').then((m) => ({ default: m.OverviewProblems })),
);

const NONE: ExtraAttentionItem[] = [];

/**
 * False until the browser has been idle once after `ready` became true. The problem lines start
 * the classifier worker and its model download; on a two-core office PC that work competes with
 * the sample's ingest and the first chart, so it starts once there is data on screen and the page
 * has nothing more urgent to do. The same moment preloads the on-demand chart parts and messages
 * (charts/echarts-setup.ts, i18n/catalog.ts), so the first switch of view does not wait for them.
 */
function useIdleAfter(ready: boolean): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    if (!ready || idle) return;
    const w = globalThis as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number };
    const done = () => {
      setIdle(true);
      void import('../../i18n/lazy-messages');
      void loadChartExtras().catch(() => undefined);
    };
    if (w.requestIdleCallback) {
      const id = w.requestIdleCallback(done, { timeout: 2000 });
      return () => (globalThis as { cancelIdleCallback?: (id: number) => void }).cancelIdleCallback?.(id);
    }
    const id = setTimeout(done, 0);
    return () => clearTimeout(id);
  }, [ready, idle]);
  return idle;
}

export function OverviewWithProblems(ctx: ViewContext) {
  const [extra, setExtra] = useState<ExtraAttentionItem[]>(NONE);
  const ds = ctx.snapshot.dataset;
  const idle = useIdleAfter(ds.townshipMonths.length + ds.hazards.length + ds.problems.length > 0);
  return (
    <>
      {renderOverview(ctx, extra)}
      {idle ? (
        <Suspense fallback={null}>
          <OverviewProblems ctx={ctx} onItems={setExtra} />
        </Suspense>
      ) : null}
    </>
  );
}
