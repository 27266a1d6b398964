/**
 * Import from an allow-listed URL or from the reporting endpoint. Always fetch → ingest → show
 * the plan (host, size, rows, diffs) → the user confirms → commit. A URL that arrives in the page
 * link (?src=) only pre-fills the field; the user still presses load and then confirms. The
 * workflow lives in network-sources-controller.ts; this file renders its snapshot.
 */
import { useLayoutEffect, useState, useSyncExternalStore } from 'react';
import { useLang, useT } from '../../components/i18n-provider';
import type { IngestOptions } from '../../ingest/types';
import { commitOutcomeMessage } from '../../store/outcome-message';
import type { AppConfig } from '../../store/sources/config';
import type { IngestFn } from '../../store/sources/url-source';
import { formatSize, formatTimestamp } from './format';
import {
  createNetworkSourcesController,
  type NetworkSourcesController,
  type NetworkSourcesSnapshot,
  type SourcesNotice,
  type SourcesStore,
} from './network-sources-controller';
import { PlanReview } from './plan-review';

export type { SourcesStore } from './network-sources-controller';

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

interface PartProps {
  readonly snap: NetworkSourcesSnapshot;
  readonly controller: NetworkSourcesController;
}

/** The notice in the UI language (a commit's timestamps included). */
function NoticeLine({ notice }: { readonly notice: SourcesNotice | null }) {
  const t = useT();
  const lang = useLang();
  if (!notice) return null;
  const m =
    notice.kind === 'message'
      ? notice.message
      : commitOutcomeMessage(notice.outcome, (iso) => formatTimestamp(iso, lang), notice.rejected);
  return <p role="status">{t(m.key, m.params)}</p>;
}

/** The loaded source's plan, with the queue position when several reports were picked. */
function PendingPlan({ snap, controller }: PartProps) {
  const t = useT();
  const pending = snap.pending;
  if (!pending) return null;
  return (
    <>
      {snap.queueTotal > 1 && (
        <p>{t('store.sources.progress', { i: snap.queueTotal - snap.queue.length, n: snap.queueTotal })}</p>
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
        busy={snap.busy}
        onConfirm={(d) => void controller.finish(d)}
        onCancel={() => void controller.finish(null)}
      />
    </>
  );
}

/** The URL field and its load button. */
function UrlForm({ snap, controller }: PartProps) {
  const t = useT();
  return (
    <div>
      <label>
        {t('store.sources.url_label')}
        <input type="url" value={snap.url} onChange={(e) => controller.setUrl(e.currentTarget.value)} />
      </label>
      <button
        type="button"
        disabled={snap.busy || snap.url.trim() === ''}
        onClick={() => void controller.loadUrl()}
      >
        {snap.busy ? t('store.sources.loading') : t('store.sources.load')}
      </button>
      <p>{t('store.sources.url_hint')}</p>
    </div>
  );
}

/** The endpoint's submitted reports, with a checkbox each and "import selected". */
function EndpointReports({ snap, controller, name }: PartProps & { readonly name: string }) {
  const t = useT();
  const lang = useLang();
  const reports = snap.reports;
  return (
    <div>
      <h3>{t('store.sources.endpoint_title', { name })}</h3>
      <button type="button" disabled={snap.busy} onClick={() => void controller.listReports()}>
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
                      checked={snap.selected.has(r.id)}
                      onChange={(e) => controller.toggle(r.id, e.currentTarget.checked)}
                    />
                  </td>
                  <td>{r.township}</td>
                  <td>{r.period}</td>
                  <td>{formatTimestamp(r.submittedAt, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <button
            type="button"
            disabled={snap.busy || snap.selected.size === 0}
            onClick={() => void controller.importSelected()}
          >
            {t('store.sources.import_selected', { n: snap.selected.size })}
          </button>
        </>
      )}
    </div>
  );
}

/** The URL and reporting-endpoint import. */
export function NetworkSourcesPanel({
  store,
  config,
  ingest,
  ingestOptions,
  candidateUrl,
  timeoutMs,
}: NetworkSourcesPanelProps) {
  const t = useT();
  const [controller] = useState(() =>
    createNetworkSourcesController({ store, config, ingest, ingestOptions, timeoutMs }, candidateUrl ?? null),
  );
  useLayoutEffect(
    () => controller.setOptions({ store, config, ingest, ingestOptions, timeoutMs }),
    [controller, store, config, ingest, ingestOptions, timeoutMs],
  );
  const snap = useSyncExternalStore(controller.subscribe, controller.getSnapshot);
  const ep = config.reportingEndpoint;
  return (
    <section aria-labelledby="sources-title" className="network-sources">
      <h2 id="sources-title">{t('store.sources.title')}</h2>
      <NoticeLine notice={snap.notice} />
      {snap.pending ? (
        <PendingPlan snap={snap} controller={controller} />
      ) : (
        <>
          {config.urlAllowList.length > 0 && <UrlForm snap={snap} controller={controller} />}
          {ep && <EndpointReports snap={snap} controller={controller} name={ep.name} />}
        </>
      )}
    </section>
  );
}
