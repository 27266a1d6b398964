/**
 * Import history: every batch with its counts, inspect one (issues, rejected rows), remove one
 * (after confirmation), earlier versions with restore, backup export/restore and the storage line.
 * The actions live in history-controller.ts; this file renders the store's snapshot and the
 * controller's. All text goes through useT().
 */
import { JsonFileInput } from '../../components/json-file-input';
import { useLayoutEffect, useState, useSyncExternalStore } from 'react';
import { downloadBlob } from '../../components/save-file';
import { useLang, useT, type TFunction } from '../../components/i18n-provider';
import { isMessageKey, type Lang } from '../../i18n/i18n';
import type { BatchRow, RevisionRow } from '../../store/persist-types';
import { restoreMessage } from '../../store/outcome-message';
import { validationIssueText, validationMessage } from '../../store/validation-text';
import { formatSize, formatTimestamp } from './format';
import { readFileText } from '../../components/read-file-text';
import { StorageLine } from './storage-line';
import {
  createHistoryController,
  type HistoryController,
  type HistoryNotice,
  type HistorySnapshot,
  type HistoryStore,
} from './history-controller';

export type { HistoryStore } from './history-controller';

export interface HistoryPanelProps {
  readonly store: HistoryStore;
  /** Today in the office's local calendar (`YYYY-MM-DD`), for the backup's file name. */
  readonly today: () => string;
  /** Saves a file; defaults to the shared download helper. */
  readonly onDownload?: (content: string, fileName: string) => void;
}

const defaultDownload = (content: string, fileName: string) =>
  downloadBlob(content, fileName, 'application/json');

/** The notice in the UI language. */
function noticeText(t: TFunction, lang: Lang, n: HistoryNotice): string {
  switch (n.kind) {
    case 'removed':
      return t('store.history.removed', { removed: n.removed, restored: n.restored });
    case 'revision-restored':
      return t('store.history.restored');
    case 'backup-restored': {
      const m = restoreMessage(n.counts, t(`store.backup.resolution.${n.resolution}`));
      return t(m.key, m.params);
    }
    case 'backup-write-failed':
      return validationMessage(lang, n.issue);
    case 'backup-invalid': {
      const first = n.issues[0];
      return t('store.backup.invalid', {
        first: first ? validationIssueText(lang, first) : '',
        n: n.issues.length,
      });
    }
  }
}

function BatchDetail({ batch, onClose }: { readonly batch: BatchRow; readonly onClose: () => void }) {
  const t = useT();
  const c = batch.counts;
  return (
    <section
      aria-label={t('store.history.detail_title', { name: batch.source.name })}
      className="batch-detail"
    >
      <h3>{t('store.history.detail_title', { name: batch.source.name })}</h3>
      <p>
        {t('store.history.detail_meta', {
          size: formatSize(batch.bytes),
          encoding: batch.encoding ?? '—',
          format: batch.format ?? '—',
          total: c.total,
          accepted: c.accepted,
          rejected: c.rejected,
          ignored: c.ignored,
        })}
      </p>
      {(batch.source.kind === 'url' || batch.source.kind === 'endpoint') && (
        <p>{t('store.history.detail_url', { url: batch.source.url, status: batch.source.httpStatus })}</p>
      )}
      <p className="hash">{t('store.history.detail_hash', { hash: batch.hash })}</p>
      <h4>{t('store.history.issues_title')}</h4>
      {batch.issues.length === 0 ? (
        <p>{t('store.history.no_issues')}</p>
      ) : (
        <ul>
          {batch.issues.map((issue, i) => (
            <li key={i}>
              {issue.line !== null && <>{t('store.history.line', { line: issue.line })} · </>}
              {isMessageKey(issue.code) ? t(issue.code, issue.params) : issue.code}
            </li>
          ))}
        </ul>
      )}
      {batch.rejectedRows.length > 0 && (
        <>
          <h4>{t('store.history.rejected_title')}</h4>
          <ul>
            {batch.rejectedRows.map((r, i) => (
              <li key={i}>
                {r.line !== null && <>{t('store.history.line', { line: r.line })} · </>}
                <code>{r.raw.join(', ')}</code>
              </li>
            ))}
          </ul>
        </>
      )}
      <button type="button" onClick={onClose}>
        {t('store.history.close')}
      </button>
    </section>
  );
}

interface PartProps {
  readonly snap: HistorySnapshot;
  readonly controller: HistoryController;
}

/** One batch's row: source, time, counts, inspect and remove (with its confirmation). */
function BatchRowView({ b, snap, controller }: PartProps & { readonly b: BatchRow }) {
  const t = useT();
  const lang = useLang();
  return (
    <tr>
      <th scope="row">
        {b.source.name} <small>({t(`store.history.source.${b.source.kind}`)})</small>
      </th>
      <td>{formatTimestamp(b.importedAt, lang)}</td>
      <td>{t('store.history.counts', { ...b.outcome })}</td>
      <td>
        {t('store.history.issue_counts', {
          issues: b.issues.length,
          rejected: b.rejectedRows.length,
        })}
      </td>
      <td>
        <button type="button" onClick={() => controller.inspect(b.id)}>
          {t('store.history.inspect')}
        </button>
        {snap.confirmRemove === b.id ? (
          <span role="group">
            {t('store.history.remove_confirm', {
              name: b.source.name,
              n: b.outcome.added + b.outcome.replaced,
            })}
            <button type="button" onClick={() => void controller.remove(b.id)}>
              {t('store.history.remove_yes')}
            </button>
            <button type="button" onClick={() => controller.askRemove(null)}>
              {t('store.history.cancel')}
            </button>
          </span>
        ) : (
          <button type="button" onClick={() => controller.askRemove(b.id)}>
            {t('store.history.remove')}
          </button>
        )}
      </td>
    </tr>
  );
}

/** Every batch, newest first. */
function BatchTable({ batches, ...part }: PartProps & { readonly batches: readonly BatchRow[] }) {
  const t = useT();
  if (batches.length === 0) return <p>{t('store.history.empty')}</p>;
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{t('store.history.col.source')}</th>
          <th scope="col">{t('store.history.col.time')}</th>
          <th scope="col">{t('store.history.col.records')}</th>
          <th scope="col">{t('store.history.col.issues')}</th>
          <th scope="col">{t('store.history.col.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {batches.map((b) => (
          <BatchRowView key={b.id} b={b} {...part} />
        ))}
      </tbody>
    </table>
  );
}

/** Earlier versions of replaced records, each restorable. */
function Revisions({
  revisions,
  controller,
}: {
  readonly revisions: readonly RevisionRow[];
  readonly controller: HistoryController;
}) {
  const t = useT();
  const lang = useLang();
  return (
    <>
      <h3>{t('store.history.revisions_title')}</h3>
      {revisions.length === 0 ? (
        <p>{t('store.history.no_revisions')}</p>
      ) : (
        <ul>
          {revisions.map((r) => (
            <li key={r.id}>
              {t('store.history.revision_row', {
                township: r.record.township,
                period: r.record.period,
                at: formatTimestamp(r.replacedAt, lang),
              })}{' '}
              <button type="button" onClick={() => void controller.restoreRevision(r.id)}>
                {t('store.history.restore')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** Backup export, and restore with the keep/replace choice for conflicting records. */
function Backup({ snap, controller }: PartProps) {
  const t = useT();
  return (
    <>
      <h3>{t('store.backup.title')}</h3>
      <p>{t('store.backup.reminder')}</p>
      <button type="button" onClick={() => void controller.exportBackup()}>
        {t('store.backup.export')}
      </button>
      <fieldset>
        <legend>{t('store.backup.restore_conflicts')}</legend>
        {(['keep', 'replace'] as const).map((d) => (
          <label key={d}>
            <input
              type="radio"
              name="backup-conflict"
              checked={snap.onConflict === d}
              onChange={() => controller.setOnConflict(d)}
            />
            {t(`store.backup.resolution.${d}`)}
          </label>
        ))}
      </fieldset>
      <JsonFileInput
        label={t('store.backup.restore')}
        onFile={(file) => void readFileText(file).then(controller.restoreBackup)}
      />
    </>
  );
}

/** The 导入记录 panel. */
export function HistoryPanel({ store, today, onDownload = defaultDownload }: HistoryPanelProps) {
  const t = useT();
  const lang = useLang();
  const data = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const [controller] = useState(() => createHistoryController({ store, onDownload, today }));
  useLayoutEffect(
    () => controller.setOptions({ store, onDownload, today }),
    [controller, store, onDownload, today],
  );
  const snap = useSyncExternalStore(controller.subscribe, controller.getSnapshot);
  const inspected = data.batches.find((b) => b.id === snap.inspected) ?? null;
  return (
    <section aria-labelledby="history-title" className="history-panel">
      <h2 id="history-title">{t('store.history.title')}</h2>
      <StorageLine status={data.storage} />
      {snap.notice && <p role="status">{noticeText(t, lang, snap.notice)}</p>}
      <BatchTable batches={data.batches} snap={snap} controller={controller} />
      {inspected && <BatchDetail batch={inspected} onClose={() => controller.inspect(null)} />}
      <Revisions revisions={snap.revisions} controller={controller} />
      <Backup snap={snap} controller={controller} />
    </section>
  );
}
