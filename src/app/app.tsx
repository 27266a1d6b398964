/**
 * Composition root: receives the store and the ingest worker client main.tsx created (IndexedDB,
 * or memory when storage is unavailable), loads the sample on first run, and lays out header,
 * storage banners, nav and the current view. No domain logic here.
 */
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { datasetTownshipCount } from '../analysis/township-order';
import { ErrorBoundary } from '../components/error-boundary';
import { I18nProvider, useT, type TFunction } from '../components/i18n-provider';
import type { IngestRunner } from '../features/import/ingest-runner';
import type { DataSnapshot } from '../store/types';
import { startSample, viewDataset, type AppStore, type SampleLoader } from './app-store';
import { nowIso } from './clock';
import type { SampleError } from './load-sample';
import { useUrlState } from './use-url-state';
import { ViewExportScope } from './view-export-scope';
import { VIEW_PANEL_ID, ViewTabs, viewTabId } from './view-tabs';
import { VIEW_IDS, VIEWS } from './routes/registry';
import type { ViewContext } from './routes/route-types';

type LoadState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready' }
  | { readonly status: 'error'; readonly error: SampleError };

function errorReason(t: TFunction, e: SampleError): string {
  switch (e.kind) {
    case 'http':
      return t('dashboard.loading.httpStatus', { url: e.url, status: e.status });
    case 'network':
      return t('dashboard.loading.network', { url: e.url });
    case 'rejected':
      return t('dashboard.loading.rejected');
    case 'failed':
      return e.message;
    case 'aborted':
      return '';
  }
}

interface ShellProps {
  readonly app: AppStore;
  readonly runner: IngestRunner;
  readonly load: LoadState;
}

interface AppProps {
  readonly app: AppStore;
  /** The page's ingest worker client (it lives as long as the page: never disposed here). */
  readonly runner: IngestRunner;
  /** The startup's sample loader (app-store.ts beginStartup). */
  readonly loadSample: SampleLoader;
}

/** The application, on the store main.tsx opened. */
export function App({ app, runner, loadSample }: AppProps) {
  const [load, setLoad] = useState<LoadState>({ status: 'loading' });
  const [state, setState] = useUrlState(VIEW_IDS);

  useEffect(() => {
    const controller = new AbortController();
    void startSample(app, runner, nowIso, controller.signal, loadSample).then((outcome) => {
      if (controller.signal.aborted) return;
      setLoad(outcome.ok ? { status: 'ready' } : { status: 'error', error: outcome.error });
    });
    return () => controller.abort();
  }, [runner, app, loadSample]);

  return (
    <I18nProvider lang={state.lang}>
      <Layout app={app} runner={runner} load={load} state={state} setState={setState} />
    </I18nProvider>
  );
}

/**
 * Storage warnings above every view: memory-only (private mode), upgraded in another tab (this
 * tab's connection is closed: reload), or an upgrade blocked by this tab.
 */
function StorageBanner({ app }: { readonly app: AppStore }) {
  const t = useT();
  // Subscribed so the banner follows the storage status (another tab upgrading the database).
  useSyncExternalStore(app.store.subscribe, app.store.getSnapshot);
  if (app.kind === 'memory')
    return (
      <p className="notice notice--error" role="alert" data-testid="storage-banner">
        {t('store.banner.memory_only', { detail: app.detail })}
      </p>
    );
  const mode = app.store.persistent?.getSnapshot().storage.mode ?? 'persistent';
  if (mode === 'persistent') return null;
  return (
    <div className="notice notice--error" role="alert" data-testid="storage-banner">
      {t(mode === 'version-changed' ? 'store.storage.version_changed' : 'store.storage.blocked')}{' '}
      {mode === 'version-changed' ? (
        <button type="button" className="btn btn--small" onClick={() => window.location.reload()}>
          {t('store.banner.reload')}
        </button>
      ) : null}
    </div>
  );
}

function Layout({
  app,
  runner,
  load,
  state,
  setState,
}: ShellProps & Pick<ViewContext, 'state' | 'setState'>) {
  const t = useT();
  const store = app.store;
  // Re-renders on every store change, including other tabs' imports (BroadcastChannel → reload).
  const raw = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const snapshot = useMemo((): DataSnapshot => {
    const dataset = viewDataset(raw);
    return dataset === raw.dataset ? raw : { ...raw, dataset };
  }, [raw]);
  const view = VIEWS.find((v) => v.id === state.view) ?? VIEWS[0]!;
  const ds = snapshot.dataset;
  // Every township the views list, not only the district's list (issue 13: townships found only
  // in ledgers or reports count too).
  const townshipCount = useMemo(() => datasetTownshipCount(ds), [ds]);
  const hasData =
    ds.townshipMonths.length + ds.hazards.length + ds.problems.length + (ds.hazardTallies?.length ?? 0) > 0;
  const ctx: ViewContext = { snapshot, store, runner, state, setState, now: nowIso };

  useEffect(() => {
    document.title = t('common.appName');
  }, [t]);

  return (
    <div className="app">
      <header className="app-header">
        <div className="app-header__brand">
          <span className="app-header__emblem" aria-hidden="true">
            安
          </span>
          <div>
            <h1 className="app-header__title">{t('common.appName')}</h1>
            <p className="app-header__district" data-testid="district">
              {ds.district ?? t('dashboard.districtUnknown')}
              {ds.townshipMonths.length > 0 ? (
                <span className="app-header__summary">
                  {t('dashboard.summary.records', {
                    townships: townshipCount,
                    records: ds.townshipMonths.length,
                  })}
                </span>
              ) : ds.hazards.length > 0 ? (
                <span className="app-header__summary">
                  {t('dashboard.summary.ledgerOnly', {
                    townships: townshipCount,
                    hazards: ds.hazards.length,
                  })}
                </span>
              ) : null}
            </p>
          </div>
        </div>
        <button
          type="button"
          className="btn btn--ghost lang-switch"
          lang={state.lang === 'en' ? 'zh-CN' : 'en'}
          // The visible text ("English"/"中文") is the accessible name (WCAG 2.5.3 label in name);
          // the longer hint is a description.
          title={t('dashboard.lang.switchLabel')}
          onClick={() => setState({ lang: state.lang === 'en' ? 'zh-CN' : 'en' })}
        >
          {t('dashboard.lang.switchTo')}
        </button>
      </header>
      <ViewTabs views={VIEWS} selected={view.id} onSelect={(id) => setState({ view: id })} />
      <main className="app-main">
        <StorageBanner app={app} />
        {/* Data on screen (a returning user's, or the first-run sample while it is saved) is not
            "loading"; a save that fails still turns into the error below. */}
        {load.status === 'loading' && !hasData ? (
          <p className="notice notice--info" role="status">
            {t('dashboard.loading.sample')}
          </p>
        ) : load.status === 'error' && load.error.kind !== 'aborted' ? (
          <p className="notice notice--error" role="alert">
            {t('dashboard.loading.failed', { reason: errorReason(t, load.error) })}
          </p>
        ) : null}
        {/* The one tab panel, labelled by the selected tab; its h2 names the view (ViewDef.ownHeading). */}
        <div role="tabpanel" id={VIEW_PANEL_ID} aria-labelledby={viewTabId(view.id)} className="app-panel">
          {view.ownHeading ? null : <h2 className="visually-hidden">{t(view.labelKey)}</h2>}
          <ErrorBoundary
            resetKey={view.id}
            fallback={(error, reset) => (
              <div className="notice notice--error" role="alert">
                <p>{t('common.errorTitle')}</p>
                <p className="muted">{error.message}</p>
                <button type="button" className="btn" onClick={reset}>
                  {t('common.errorRetry')}
                </button>
              </div>
            )}
          >
            <ViewExportScope state={state} dataset={ds} viewTitle={t(view.labelKey)}>
              {view.render(ctx)}
            </ViewExportScope>
          </ErrorBoundary>
        </div>
      </main>
    </div>
  );
}
