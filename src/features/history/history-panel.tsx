/**
 * Import history: every batch with its counts, inspect one (issues, rejected rows), remove one
 * (after confirmation), earlier versions with restore, backup export/restore and the storage line.
 * Reads the persistent store through useSyncExternalStore; all text goes through useT().
 */
import { JsonFileInput } from '../../components/json-file-input';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { downloadBlob } from '../../components/save-file';
import { useLang, useT } from '../../components/i18n-provider';
import { isMessageKey } from '../../i18n/i18n';
import type { BatchRow, ConflictDecision, RevisionRow } from '../../store/persist-types';
import type { PersistentStore } from '../../store/persistent-store';
import { restoreMessage } from '../../store/outcome-message';
import { validationIssueText, validationMessage } from '../../store/validation-text';
import { formatSize, formatTimestamp } from './format';
import { readFileText } from '../../components/read-file-text';
import { StorageLine } from './storage-line';

/** The store methods the panel uses (a PersistentStore, or a stand-in in tests). */
export type HistoryStore = Pick<
  PersistentStore,
  | 'getSnapshot'
  | 'subscribe'
  | 'removeBatch'
  | 'listRevisions'
  | 'restoreRevision'
  | 'exportBackup'
  | 'restoreBackup'
>;

export interface HistoryPanelProps {
  readonly store: HistoryStore;
  /** Saves a file; defaults to the shared download helper. */
  readonly onDownload?: (content: string, fileName: string) => void;
}

const defaultDownload = (content: string, fileName: string) =>
  downloadBlob(content, fileName, 'application/json');

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

export function HistoryPanel({ store, onDownload = defaultDownload }: HistoryPanelProps) {
  const t = useT();
  const lang = useLang();
  const snap = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const [inspected, setInspected] = useState<string | null>(null);
  const [confirmRemove, setConfirmRemove] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [revisions, setRevisions] = useState<readonly RevisionRow[]>([]);
  const [onConflict, setOnConflict] = useState<ConflictDecision>('keep');

  useEffect(() => {
    let live = true;
    void store.listRevisions().then((r) => live && setRevisions(r));
    return () => {
      live = false;
    };
  }, [store, snap.version]);

  const inspectedBatch = snap.batches.find((b) => b.id === inspected) ?? null;
  const recordCount = (b: BatchRow) => b.outcome.added + b.outcome.replaced;

  const handleRemove = async (id: string) => {
    setConfirmRemove(null);
    if (inspected === id) setInspected(null);
    const o = await store.removeBatch(id);
    setNotice(t('store.history.removed', { removed: o.removed, restored: o.restoredFromRevisions }));
  };

  const handleExport = async () => {
    const text = await store.exportBackup();
    onDownload(text, `安全生产月报看板备份-${new Date().toISOString().slice(0, 10)}.json`);
  };

  const handleRestoreFile = async (file: File) => {
    const res = await store.restoreBackup(await readFileText(file), onConflict);
    if (res.ok) {
      const m = restoreMessage(res.value, t(`store.backup.resolution.${onConflict}`));
      setNotice(t(m.key, m.params));
    } else {
      const first = res.error[0];
      // A write failure (storage full, connection closed) is not an invalid file: say what it is.
      if (first && first.code.startsWith('store.outcome.failed.')) setNotice(validationMessage(lang, first));
      else
        setNotice(
          t('store.backup.invalid', {
            first: first ? validationIssueText(lang, first) : '',
            n: res.error.length,
          }),
        );
    }
  };

  return (
    <section aria-labelledby="history-title" className="history-panel">
      <h2 id="history-title">{t('store.history.title')}</h2>
      <StorageLine status={snap.storage} />
      {notice && <p role="status">{notice}</p>}
      {snap.batches.length === 0 ? (
        <p>{t('store.history.empty')}</p>
      ) : (
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
            {snap.batches.map((b) => (
              <tr key={b.id}>
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
                  <button type="button" onClick={() => setInspected(b.id)}>
                    {t('store.history.inspect')}
                  </button>
                  {confirmRemove === b.id ? (
                    <span role="group">
                      {t('store.history.remove_confirm', { name: b.source.name, n: recordCount(b) })}
                      <button type="button" onClick={() => void handleRemove(b.id)}>
                        {t('store.history.remove_yes')}
                      </button>
                      <button type="button" onClick={() => setConfirmRemove(null)}>
                        {t('store.history.cancel')}
                      </button>
                    </span>
                  ) : (
                    <button type="button" onClick={() => setConfirmRemove(b.id)}>
                      {t('store.history.remove')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {inspectedBatch && <BatchDetail batch={inspectedBatch} onClose={() => setInspected(null)} />}
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
              <button
                type="button"
                onClick={() =>
                  void store
                    .restoreRevision(r.id)
                    .then((done) => done && setNotice(t('store.history.restored')))
                }
              >
                {t('store.history.restore')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <h3>{t('store.backup.title')}</h3>
      <p>{t('store.backup.reminder')}</p>
      <button type="button" onClick={() => void handleExport()}>
        {t('store.backup.export')}
      </button>
      <fieldset>
        <legend>{t('store.backup.restore_conflicts')}</legend>
        <label>
          <input
            type="radio"
            name="backup-conflict"
            checked={onConflict === 'keep'}
            onChange={() => setOnConflict('keep')}
          />
          {t('store.backup.resolution.keep')}
        </label>
        <label>
          <input
            type="radio"
            name="backup-conflict"
            checked={onConflict === 'replace'}
            onChange={() => setOnConflict('replace')}
          />
          {t('store.backup.resolution.replace')}
        </label>
      </fieldset>
      <JsonFileInput label={t('store.backup.restore')} onFile={(file) => void handleRestoreFile(file)} />
    </section>
  );
}
