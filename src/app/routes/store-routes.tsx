/**
 * The persistence views (导入记录, 设置) and the glue that lets the import feature plan against the
 * persistent store. Feature folders may not import each other, so the app hands the history
 * feature's PlanReview to the import panel here.
 */
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useLang, useT } from '../../components/i18n-provider';
import { HistoryPanel } from '../../features/history/history-panel';
import { formatTimestamp } from '../../features/history/format';
import { NetworkSourcesPanel } from '../../features/history/network-sources-panel';
import { PlanReview } from '../../features/history/plan-review';
import { StorageLine } from '../../features/history/storage-line';
import type { ImportPlanning } from '../../features/import/import-panel';
import type { IngestRunner } from '../../features/import/ingest-runner';
import { SettingsPanel } from '../../features/settings/settings-panel';
import { rejectedFile } from '../../ingest/file-result';
import { makeIssue } from '../../ingest/make-issue';
import type { ValidationIssue } from '../../store/json-guard';
import { districtTownships } from '../../store/district-townships';
import { EMPTY_CONFIG, loadAppConfig, type AppConfig } from '../../store/sources/config';
import { candidateUrlFromQuery, type IngestFn } from '../../store/sources/url-source';
import type { DataStore } from '../../store/types';
import { todayLocal } from '../clock';
import type { ViewContext } from './route-types';

/**
 * The import planning for `store`: prepare → review → commit against IndexedDB, with the
 * district's township list for ingest. Null on the memory fallback (plain addImports).
 */
export function usePlanning(store: DataStore): ImportPlanning | null {
  const lang = useLang();
  const persistent = store.persistent;
  const snap = useSyncExternalStore(store.subscribe, store.getSnapshot);
  // The district's list (settings, else the townships already held), never the bare settings:
  // with no saved list that would let any name into the district's totals.
  const { townships, source } = districtTownships(snap);
  return useMemo(
    () =>
      persistent
        ? {
            store: persistent,
            Review: PlanReview,
            knownTownships: townships,
            // The decision form says where the list came from (saved settings or imported data).
            townshipSource: source,
            formatTime: (iso: string) => formatTimestamp(iso, lang),
          }
        : null,
    [persistent, townships, source, lang],
  );
}

/**
 * The ingest engine as the URL/endpoint sources want it. The worker reads a Blob of the bytes
 * (no transfer), so the caller keeps `bytes` for the file fingerprint. A crashed or
 * cancelled job becomes a rejected result with the reason, never an exception.
 */
export function runnerIngestFn(runner: IngestRunner): IngestFn {
  return async (bytes, options) => {
    const out = await runner.ingest({
      fileName: options.fileName,
      file: new Blob([bytes.slice()]),
      knownTownships: options.knownTownships,
    }).promise;
    if (out.status === 'done') return out.result;
    // A cancelled job has its own message: a literal English word here used to reach the
    // Chinese UI inside the "reading failed (…)" text.
    return rejectedFile(
      options,
      bytes.byteLength,
      out.status === 'failed'
        ? makeIssue(options.fileName, {
            severity: 'error',
            code: 'store.import.ingest_failed',
            params: { reason: out.message },
          })
        : makeIssue(options.fileName, { severity: 'error', code: 'store.import.ingest_cancelled' }),
    );
  };
}

/** The deployment config, fetched once per mount; EMPTY_CONFIG until (and unless) it loads. */
function useAppConfig(): { config: AppConfig; issues: readonly ValidationIssue[] } {
  const [state, setState] = useState<{ config: AppConfig; issues: readonly ValidationIssue[] }>({
    config: EMPTY_CONFIG,
    issues: [],
  });
  useEffect(() => {
    let live = true;
    void loadAppConfig().then((c) => live && setState(c));
    return () => {
      live = false;
    };
  }, []);
  return state;
}

function MemoryOnlyNotice() {
  const t = useT();
  return (
    <section className="panel">
      <StorageLine status={null} />
      <p>{t('store.banner.not_available_here')}</p>
    </section>
  );
}

/** 导入记录: batches, revisions, backup, storage line, and the network sources when configured. */
export function HistoryView({ store, runner }: ViewContext) {
  const t = useT();
  const persistent = store.persistent;
  const { config, issues } = useAppConfig();
  const ingest = useMemo(() => runnerIngestFn(runner), [runner]);
  const candidateUrl = useMemo(() => candidateUrlFromQuery(window.location.search), []);
  const snap = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const townships = districtTownships(snap).townships;
  const ingestOptions = useMemo(() => ({ knownTownships: townships, today: todayLocal() }), [townships]);
  if (!persistent) return <MemoryOnlyNotice />;
  const hasSources = config.urlAllowList.length > 0 || config.reportingEndpoint !== null;
  return (
    <div className="store-view">
      <section className="panel">
        <HistoryPanel store={persistent} today={todayLocal} />
      </section>
      {issues.length > 0 ? (
        <p className="notice notice--error" role="alert">
          {t('store.source.config_invalid', { path: issues[0]!.path })}
        </p>
      ) : null}
      {hasSources ? (
        <section className="panel">
          <NetworkSourcesPanel
            store={persistent}
            config={config}
            ingest={ingest}
            ingestOptions={ingestOptions}
            candidateUrl={candidateUrl}
          />
        </section>
      ) : null}
    </div>
  );
}

/** 设置: district name, issuing office, due day and the township master list. */
export function SettingsView({ store }: ViewContext) {
  const persistent = store.persistent;
  if (!persistent) return <MemoryOnlyNotice />;
  return (
    <section className="panel">
      <SettingsPanel store={persistent} />
    </section>
  );
}
