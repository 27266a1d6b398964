/**
 * The import area: file picker and drop zone (several files at once), a progress bar per file
 * while the worker reads it, then one report per file. Files go to the store as soon as each is
 * read; the store reports resubmission conflicts in that file's report.
 */
import { useCallback, useRef, useState, useSyncExternalStore, type DragEvent } from 'react';
import type { MessageKey } from '../../i18n/catalog';
import type { IngestProgress } from '../../ingest/types';
import type { DataStore, ImportEntry } from '../../store/types';
import { downloadCsv } from '../../components/download';
import { useT } from '../../components/i18n-provider';
import { ImportReport } from './import-report';
import { TEMPLATE_FILE_NAME, templateCsv } from './import-downloads';
import type { IngestJob, IngestRunner } from './ingest-runner';

export interface ImportPanelProps {
  readonly store: DataStore;
  readonly runner: IngestRunner;
  /** ISO timestamp for the import record (passed in so tests are deterministic). */
  readonly now: () => string;
}

type Phase = IngestProgress['phase'] | 'queued';

interface JobView {
  readonly key: number;
  readonly fileName: string;
  readonly phase: Phase;
  readonly percent: number;
  readonly state: 'running' | 'cancelled' | 'failed';
  readonly message?: string;
}

const PHASE_KEY: Record<Phase, MessageKey> = {
  queued: 'dashboard.import.phase.queued',
  decode: 'dashboard.import.phase.decode',
  parse: 'dashboard.import.phase.parse',
  validate: 'dashboard.import.phase.validate',
};

// Decode, parse and validate are reported separately; weight them into one bar.
const PHASE_SPAN: Record<IngestProgress['phase'], [number, number]> = {
  decode: [0, 20],
  parse: [20, 60],
  validate: [60, 100],
};

const overallPercent = (p: IngestProgress): number => {
  const [start, end] = PHASE_SPAN[p.phase];
  const frac = p.total > 0 ? Math.min(1, p.done / p.total) : 0;
  return Math.round(start + (end - start) * frac);
};

/** The import area with its reports. */
export function ImportPanel({ store, runner, now }: ImportPanelProps) {
  const t = useT();
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const [jobs, setJobs] = useState<readonly JobView[]>([]);
  const [dragging, setDragging] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const handles = useRef(new Map<number, IngestJob>());
  const nextKey = useRef(1);
  // Reports of files the user imported here open expanded; others (the sample) start collapsed.
  const [ownIds, setOwnIds] = useState<ReadonlySet<string>>(() => new Set());

  const update = (key: number, patch: Partial<JobView>) =>
    setJobs((list) => list.map((j) => (j.key === key ? { ...j, ...patch } : j)));

  const importFiles = useCallback(
    async (files: readonly File[]) => {
      if (files.length === 0) return;
      const batch = files.map((file) => ({ file, key: nextKey.current++ }));
      setJobs((list) => [
        // Finished failures from an earlier batch make way for the new one.
        ...list.filter((j) => j.state === 'running'),
        ...batch.map(({ file, key }) => ({
          key,
          fileName: file.name,
          phase: 'queued' as const,
          percent: 0,
          state: 'running' as const,
        })),
      ]);
      await Promise.all(
        batch.map(async ({ file, key }) => {
          const bytes = await file.arrayBuffer();
          const job = runner.ingest(
            { fileName: file.name, bytes, knownTownships: store.getSnapshot().dataset.townships },
            (p) => update(key, { phase: p.phase, percent: overallPercent(p) }),
          );
          handles.current.set(key, job);
          const outcome = await job.promise;
          handles.current.delete(key);
          if (outcome.status === 'done') {
            const entry: ImportEntry = { id: `${now()}#${key}`, result: outcome.result, importedAt: now() };
            setOwnIds((ids) => new Set(ids).add(entry.id));
            await store.addImports([entry]);
            setJobs((list) => list.filter((j) => j.key !== key));
          } else if (outcome.status === 'cancelled') {
            update(key, { state: 'cancelled' });
          } else {
            update(key, { state: 'failed', message: outcome.message });
          }
        }),
      );
    },
    [runner, store, now],
  );

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    void importFiles([...e.dataTransfer.files]);
  };

  return (
    <section className="panel import-panel" aria-labelledby="import-title">
      <div className="panel__head">
        <h2 id="import-title" className="panel__title">
          {t('dashboard.import.title')}
        </h2>
        <button
          type="button"
          className="btn btn--link"
          onClick={() => downloadCsv(templateCsv(), TEMPLATE_FILE_NAME)}
        >
          {t('dashboard.import.template')}
        </button>
      </div>
      <div
        className={`dropzone ${dragging ? 'dropzone--active' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="dropzone"
      >
        <p className="dropzone__hint">{t('dashboard.import.hint')}</p>
        <div className="dropzone__actions">
          <button type="button" className="btn btn--primary" onClick={() => inputRef.current?.click()}>
            {t('dashboard.import.choose')}
          </button>
          <span className="muted">{t('dashboard.import.drop')}</span>
        </div>
        <input
          ref={inputRef}
          type="file"
          multiple
          accept=".csv,.txt,.tsv,.json,.jsonl,text/csv,application/json"
          className="visually-hidden"
          // The visible button above is the control; the input is only its implementation.
          tabIndex={-1}
          aria-hidden="true"
          data-testid="file-input"
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            // Reset so choosing the same file again fires change again.
            e.target.value = '';
            void importFiles(files);
          }}
        />
      </div>

      {jobs.length > 0 ? (
        <ul className="jobs">
          {jobs.map((j) => (
            <li key={j.key} className={`job job--${j.state}`}>
              {j.state === 'running' ? (
                <>
                  <label className="job__label">
                    {t('dashboard.import.progress', {
                      file: j.fileName,
                      phase: t(PHASE_KEY[j.phase]),
                      percent: j.percent,
                    })}
                    <progress max={100} value={j.percent} />
                  </label>
                  <button
                    type="button"
                    className="btn btn--small"
                    onClick={() => handles.current.get(j.key)?.cancel()}
                  >
                    {t('common.cancel')}
                  </button>
                </>
              ) : j.state === 'cancelled' ? (
                <span>{t('dashboard.import.cancelled', { file: j.fileName })}</span>
              ) : (
                <span className="text-error" role="alert">
                  {t('dashboard.import.failed', { file: j.fileName, reason: j.message ?? '' })}
                </span>
              )}
            </li>
          ))}
        </ul>
      ) : null}

      <div className="reports">
        <h3 className="visually-hidden">{t('dashboard.import.reports')}</h3>
        {snapshot.imports.map((entry) => (
          <ImportReport key={entry.id} entry={entry} defaultOpen={ownIds.has(entry.id)} />
        ))}
      </div>
    </section>
  );
}
