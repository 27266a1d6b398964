/**
 * 总览, the landing view. It loads with the app; every other view loads on demand (registry.tsx,
 * issue 13). Its needs-attention list also names the problems recurring 3+ months (issue 4); those
 * lines come from overview-problems.tsx, which loads on demand too, so the first chart never waits
 * for the problem analysis.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import type { ExtraAttentionItem } from '../../features/overview/overview-view';
import { renderOverview } from './dashboard-routes';
import type { ViewContext } from './route-types';

const OverviewProblems = lazy(() =>
  import('./overview-problems').then((m) => ({ default: m.OverviewProblems })),
);

const NONE: ExtraAttentionItem[] = [];

/**
 * False until the browser has been idle once after mount. The problem lines start the classifier
 * worker and its model download; on a two-core office PC that work competes with the sample's
 * ingest and the first chart, so it starts when the page has nothing more urgent to do.
 */
function useIdleOnce(): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    const w = globalThis as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number };
    const done = () => setIdle(true);
    if (w.requestIdleCallback) {
      const id = w.requestIdleCallback(done, { timeout: 2000 });
      return () => (globalThis as { cancelIdleCallback?: (id: number) => void }).cancelIdleCallback?.(id);
    }
    const id = setTimeout(done, 0);
    return () => clearTimeout(id);
  }, []);
  return idle;
}

export function OverviewWithProblems(ctx: ViewContext) {
  const [extra, setExtra] = useState<ExtraAttentionItem[]>(NONE);
  const idle = useIdleOnce();
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
