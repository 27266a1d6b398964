/**
 * Views that are not the landing view load on demand (issue 13, cold start): their code, and the
 * chart types only they draw, come in a chunk fetched the first time the tab opens. The shell
 * shows a polite "loading" line meanwhile; a chunk that fails to load (an old tab after a
 * redeploy) surfaces through the view's ErrorBoundary like any render error.
 */
import { lazy, Suspense, type ComponentType } from 'react';
import { useT } from '../../components/i18n-provider';
import { loadChartExtras } from '../../charts/echarts-setup';

function ViewLoading() {
  const t = useT();
  return (
    <p className="muted" role="status">
      {t('common.loading')}
    </p>
  );
}

/**
 * A component that renders `load()`'s component once its chunk has arrived. The chart parts and
 * the message areas the landing view does not need (charts/echarts-setup.ts, i18n/catalog.ts) load
 * alongside, not after it.
 */
export function lazyView<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const Lazy = lazy(async () => {
    const [component] = await Promise.all([load(), loadChartExtras(), import('../../i18n/lazy-messages')]);
    return { default: component };
  });
  function LazyView(props: P) {
    return (
      <Suspense fallback={<ViewLoading />}>
        <Lazy {...props} />
      </Suspense>
    );
  }
  return LazyView;
}
