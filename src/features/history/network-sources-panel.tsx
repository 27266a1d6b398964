/**
 * Import from an allow-listed URL or from the reporting endpoint. Always fetch → ingest → show
 * the plan (host, size, rows, diffs) → the user confirms → commit. A URL that arrives in the page
 * link (?src=) only pre-fills the field; the user still presses load and then confirms.
 */
import { useState } from 'react';
import { useLang, useT } from '../../components/i18n-provider';
import type { IngestOptions } from '../../ingest/types';
import { commitOutcomeMessage } from '../../store/outcome-message';
import type { BatchSource, ConflictDecision, ImportPlan } from '../../store/persist-types';
import type { PersistentStore } from '../../store/persistent-store';
import type { AppConfig } from '../../store/sources/config';
import { fetchFailureMessage } from '../../store/sources/fetch-client';
import {
  endpointBatchSource,
  endpointFailureMessage,
  listReports,
  loadReport,
  type ReportListing,
} from '../../store/sources/reporting-endpoint';
import { loadFromUrl, urlBatchSource, type IngestFn, type SourceDeps } from '../../store/sources/url-source';
import { formatSize, formatTimestamp } from './format';
import { PlanReview } from './plan-review';

export type SourcesStore = Pick<PersistentStore, 'prepareImport' | 'commitImport'>;

export interface NetworkSourcesPanelProps {
  readonly store: SourcesStore;
  readonly config: AppConfig;
  readonly ingest: IngestFn;
  /** knownTownships (from settings) and today. */
  readonly ingestOptions: Omit<IngestOptions, 'fileName'>;
  /** A candidate URL from the page link, shown in the field; never loaded automatically. */
  readonly candidateUrl?: string | null;
  /** Test seam: shorter time-outs. */
  readonly timeoutMs?: number;
}

interface Pending {
  readonly plan: ImportPlan;
  readonly host: string;
  readonly bytes: number;
}

export function NetworkSourcesPanel({
  store,
  config,
  ingest,
  ingestOptions,
  candidateUrl,
  timeoutMs,
}: NetworkSourcesPanelProps) {
  const t = useT();
  const lang = useLang();
  const [url, setUrl] = useState(candidateUrl ?? '');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [reports, setReports] = useState<readonly ReportListing[] | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [queue, setQueue] = useState<readonly ReportListing[]>([]);
  const [queueTotal, setQueueTotal] = useState(0);

  const deps: SourceDeps = { config, ingest, ingestOptions, ...(timeoutMs ? { timeoutMs } : {}) };

  const prepare = async (
    result: Parameters<SourcesStore['prepareImport']>[0],
    bytes: Uint8Array,
    source: BatchSource,
    host: string,
  ) => {
    const plan = await store.prepareImport(result, bytes, source);
    setPending({ plan, host, bytes: bytes.byteLength });
  };

  const handleLoadUrl = async () => {
    setBusy(true);
    setMessage(null);
    const loaded = await loadFromUrl(url, deps);
    if (!loaded.ok) {
      const m = fetchFailureMessage(loaded.error);
      setMessage(t(m.key, m.params));
    } else
      await prepare(loaded.value.result, loaded.value.bytes, urlBatchSource(loaded.value), loaded.value.host);
    setBusy(false);
  };

  const handleList = async () => {
    setBusy(true);
    setMessage(null);
    const r = await listReports(deps);
    if (r.ok) setReports(r.value);
    else {
      const m = endpointFailureMessage(r.error);
      setMessage(t(m.key, m.params));
    }
    setBusy(false);
  };

  /** Loads the next report of the queue and shows its plan; stops the queue on a failure. */
  const loadNext = async (rest: readonly ReportListing[]) => {
    const [next, ...others] = rest;
    setQueue(others);
    if (!next) return;
    setBusy(true);
    const loaded = await loadReport(deps, next);
    if (!loaded.ok) {
      const m = endpointFailureMessage(loaded.error);
      setMessage(t(m.key, m.params));
      setQueue([]);
    } else
      await prepare(
        loaded.value.result,
        loaded.value.bytes,
        endpointBatchSource(loaded.value, next),
        loaded.value.host,
      );
    setBusy(false);
  };

  const handleImportSelected = () => {
    const list = (reports ?? []).filter((r) => selected.has(r.id));
    setQueueTotal(list.length);
    setMessage(null);
    void loadNext(list);
  };

  const finish = async (decisions: ReadonlyMap<string, ConflictDecision> | null) => {
    if (!pending) return;
    if (decisions) {
      setBusy(true);
      const outcome = await store.commitImport(pending.plan, decisions);
      const m = commitOutcomeMessage(
        outcome,
        (iso) => formatTimestamp(iso, lang),
        pending.plan.result.counts.rejected,
      );
      setMessage(t(m.key, m.params));
      setBusy(false);
    }
    setPending(null);
    if (queue.length > 0) void loadNext(queue);
  };

  const ep = config.reportingEndpoint;
  return (
    <section aria-labelledby="sources-title" className="network-sources">
      <h2 id="sources-title">{t('store.sources.title')}</h2>
      {message && <p role="status">{message}</p>}
      {pending ? (
        <>
          {queueTotal > 1 && (
            <p>{t('store.sources.progress', { i: queueTotal - queue.length, n: queueTotal })}</p>
          )}
          <p>
            {t('store.source.confirm', {
              host: pending.host,
              size: formatSize(pending.bytes),
              rows: pending.plan.result.counts.accepted,
            })}
          </p>
          <PlanReview
            plan={pending.plan}
            busy={busy}
            onConfirm={(d) => void finish(d)}
            onCancel={() => void finish(null)}
          />
        </>
      ) : (
        <>
          {config.urlAllowList.length > 0 && (
            <div>
              <label>
                {t('store.sources.url_label')}
                <input type="url" value={url} onChange={(e) => setUrl(e.currentTarget.value)} />
              </label>
              <button type="button" disabled={busy || url.trim() === ''} onClick={() => void handleLoadUrl()}>
                {busy ? t('store.sources.loading') : t('store.sources.load')}
              </button>
              <p>{t('store.sources.url_hint')}</p>
            </div>
          )}
          {ep && (
            <div>
              <h3>{t('store.sources.endpoint_title', { name: ep.name })}</h3>
              <button type="button" disabled={busy} onClick={() => void handleList()}>
                {t('store.sources.refresh')}
              </button>
              {reports && reports.length === 0 && <p>{t('store.sources.no_reports')}</p>}
              {reports && reports.length > 0 && (
                <>
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">{t('store.sources.col.select')}</th>
                        <th scope="col">{t('store.sources.col.township')}</th>
                        <th scope="col">{t('store.sources.col.period')}</th>
                        <th scope="col">{t('store.sources.col.submitted')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {reports.map((r) => (
                        <tr key={r.id}>
                          <td>
                            <input
                              type="checkbox"
                              aria-label={`${r.township} ${r.period}`}
                              checked={selected.has(r.id)}
                              onChange={(e) => {
                                const on = e.currentTarget.checked;
                                setSelected((prev) => {
                                  const next = new Set(prev);
                                  if (on) next.add(r.id);
                                  else next.delete(r.id);
                                  return next;
                                });
                              }}
                            />
                          </td>
                          <td>{r.township}</td>
                          <td>{r.period}</td>
                          <td>{formatTimestamp(r.submittedAt, lang)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                  <button type="button" disabled={busy || selected.size === 0} onClick={handleImportSelected}>
                    {t('store.sources.import_selected', { n: selected.size })}
                  </button>
                </>
              )}
            </div>
          )}
        </>
      )}
    </section>
  );
}
