/**
 * Composition root: creates the store and the ingest worker client, loads the sample at startup,
 * and lays out header, nav and the current view. No domain logic here.
 */
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { EMPTY_DATASET } from '../domain/records';
import { ErrorBoundary } from '../components/error-boundary';
import { I18nProvider, useT, type TFunction } from '../components/i18n-provider';
import { createMemoryStore, mergeImports } from '../store/memory-store';
import type { DataStore } from '../store/types';
import type { IngestRunner } from '../features/import/ingest-runner';
import { createIngestClient, createIngestWorker } from './ingest-client';
import { loadSample, type SampleError } from './load-sample';
import { useUrlState } from './use-url-state';
import { VIEW_IDS, VIEWS, type ViewContext } from './views';

const pad = (n: number) => String(n).padStart(2, '0');

/** Today in the browser's local time as `YYYY-MM-DD` (the office's calendar day). */
function todayLocal(): string {
  const d = new Date();
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

const nowIso = () => new Date().toISOString();

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
  readonly store: DataStore;
  readonly runner: IngestRunner;
  readonly load: LoadState;
}

/** The application. */
export function App() {
  const store = useMemo(() => createMemoryStore(), []);
  const runner = useMemo(
    () => createIngestClient({ createWorker: createIngestWorker, today: todayLocal }),
    [],
  );
  const [load, setLoad] = useState<LoadState>({ status: 'loading' });
  const [state, setState] = useUrlState(VIEW_IDS);

  useEffect(() => () => runner.dispose(), [runner]);

  useEffect(() => {
    const controller = new AbortController();
    void loadSample(runner, nowIso, controller.signal).then(async (outcome) => {
      if (controller.signal.aborted) return;
      if (outcome.ok) {
        await store.reset(mergeImports(EMPTY_DATASET, [outcome.entry]).dataset, [outcome.entry]);
        setLoad({ status: 'ready' });
      } else {
        if (outcome.error.kind === 'rejected') await store.reset(EMPTY_DATASET, [outcome.error.entry]);
        setLoad({ status: 'error', error: outcome.error });
      }
    });
    return () => controller.abort();
  }, [runner, store]);

  return (
    <I18nProvider lang={state.lang}>
      <Layout store={store} runner={runner} load={load} state={state} setState={setState} />
    </I18nProvider>
  );
}

function Layout({
  store,
  runner,
  load,
  state,
  setState,
}: ShellProps & Pick<ViewContext, 'state' | 'setState'>) {
  const t = useT();
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const view = VIEWS.find((v) => v.id === state.view) ?? VIEWS[0]!;
  const ds = snapshot.dataset;
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
                    townships: ds.townships.length,
                    records: ds.townshipMonths.length,
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
          aria-label={t('dashboard.lang.switchLabel')}
          onClick={() => setState({ lang: state.lang === 'en' ? 'zh-CN' : 'en' })}
        >
          {t('dashboard.lang.switchTo')}
        </button>
      </header>
      <nav className="app-nav" aria-label={t('dashboard.nav.label')}>
        <ul role="tablist">
          {VIEWS.map((v) => (
            <li key={v.id} role="presentation">
              <button
                type="button"
                role="tab"
                aria-selected={v.id === view.id}
                className={`app-nav__tab ${v.id === view.id ? 'app-nav__tab--active' : ''}`}
                onClick={() => setState({ view: v.id })}
              >
                {t(v.labelKey)}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <main className="app-main" role="tabpanel">
        {load.status === 'loading' ? (
          <p className="notice notice--info" role="status">
            {t('dashboard.loading.sample')}
          </p>
        ) : load.status === 'error' && load.error.kind !== 'aborted' ? (
          <p className="notice notice--error" role="alert">
            {t('dashboard.loading.failed', { reason: errorReason(t, load.error) })}
          </p>
        ) : null}
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
          {view.render(ctx)}
        </ErrorBoundary>
      </main>
    </div>
  );
}
