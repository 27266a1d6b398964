/**
 * The import area: file picker and drop zone (several files at once), a progress bar per file
 * while the worker reads it, then one report per file. With a persistent store (`planning`) every
 * file goes prepareImport → (review when it conflicts with stored data) → commitImport, and each
 * file gets an outcome line (saved counts, "已于 … 导入", nothing new, storage full). Without one
 * (memory fallback) files go to the store as soon as each is read.
 */
import {
  useCallback,
  useRef,
  useState,
  useSyncExternalStore,
  type ComponentType,
  type DragEvent,
} from 'react';
import type { Township } from '../../domain/records';
import type { MessageKey } from '../../i18n/catalog';
import {
  FILE_INPUT_ACCEPT,
  SUPPORTED_ENCODINGS,
  SUPPORTED_FORMATS,
} from '../../ingest/supported-formats';
import type { FileIngestResult, IngestProgress } from '../../ingest/types';
import { commitOutcomeMessage } from '../../store/outcome-message';
import type { CommitOutcome, ConflictDecision, ImportPlan } from '../../store/persist-types';
import type { PersistentStore } from '../../store/persistent-store';
import type { DataStore, ImportEntry } from '../../store/types';
import { downloadCsv } from '../../components/download';
import { useT } from '../../components/i18n-provider';
import { ImportReport } from './import-report';
import { TEMPLATE_FILE_NAME, templateCsv } from './import-downloads';
import type { IngestJob, IngestRunner } from './ingest-runner';

/** What a plan review needs; the app passes the history feature's PlanReview. */
export interface PlanReviewSlotProps {
  readonly plan: ImportPlan;
  readonly onConfirm: (decisions: ReadonlyMap<string, ConflictDecision>) => void;
  readonly onCancel: () => void;
  readonly busy?: boolean;
}

/** The persistent-store side of an import, supplied by the app when IndexedDB works. */
export interface ImportPlanning {
  readonly store: Pick<PersistentStore, 'prepareImport' | 'commitImport'>;
  /** Shows a plan's conflicts with a replace/keep choice per record. */
  readonly Review: ComponentType<PlanReviewSlotProps>;
  /** The settings' township master list: official names and aliases for ingest to match. */
  readonly knownTownships: readonly Township[];
  /** Renders a stored ISO timestamp for the user ("已于 … 导入"). */
  readonly formatTime: (iso: string) => string;
}

export interface ImportPanelProps {
  readonly store: DataStore;
  readonly runner: IngestRunner;
  /** ISO timestamp for the import record (passed in so tests are deterministic). */
  readonly now: () => string;
  /** Present with the persistent store: imports are planned, reviewed and committed. */
  readonly planning?: ImportPlanning | null;
}

interface Review {
  readonly key: number;
  readonly plan: ImportPlan;
  /** The file's bytes, to plan again (same fingerprint) if the plan goes stale. */
  readonly bytes: Uint8Array;
}

interface OutcomeLine {
  readonly key: number;
  readonly file: string;
  readonly text: string;
  readonly tone: 'ok' | 'info' | 'error';
}

// A plan can go stale when another tab commits the same records meanwhile; re-plan a few times.
const MAX_PLAN_ATTEMPTS = 3;

const toneOf = (o: CommitOutcome): OutcomeLine['tone'] =>
  o.kind === 'committed' ? 'ok' : o.kind === 'failed' || o.kind === 'rejected' ? 'error' : 'info';

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
export function ImportPanel({ store, runner, now, planning = null }: ImportPanelProps) {
  const t = useT();
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const [jobs, setJobs] = useState<readonly JobView[]>([]);
  const [dragging, setDragging] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const handles = useRef(new Map<number, IngestJob>());
  const nextKey = useRef(1);
  // Reports of files the user imported here open expanded; others (the sample) start collapsed.
  const [ownIds, setOwnIds] = useState<ReadonlySet<string>>(() => new Set());
  // Plans waiting for the user's replace/keep decisions, oldest first.
  const [reviews, setReviews] = useState<readonly Review[]>([]);
  const [committing, setCommitting] = useState(false);
  const [outcomes, setOutcomes] = useState<readonly OutcomeLine[]>([]);
  // Reports of files that were not stored (rejected by ingest): shown for this session only.
  const [unsaved, setUnsaved] = useState<readonly ImportEntry[]>([]);

  const update = (key: number, patch: Partial<JobView>) =>
    setJobs((list) => list.map((j) => (j.key === key ? { ...j, ...patch } : j)));

  const report = useCallback(
    (p: ImportPlanning, key: number, file: string, outcome: CommitOutcome) => {
      const m = commitOutcomeMessage(outcome, p.formatTime);
      const text = t('store.import.outcome', { file, message: t(m.key, m.params) });
      setOutcomes((list) => [...list, { key, file, text, tone: toneOf(outcome) }]);
      if (outcome.kind === 'committed') setOwnIds((ids) => new Set(ids).add(outcome.batchId));
    },
    [t],
  );

  /**
   * Plans one ingested file and commits it when there is nothing to decide; a plan with conflicts
   * waits for review. A stale plan (another tab wrote the same records) is made again.
   */
  const planAndCommit = useCallback(
    async (p: ImportPlanning, key: number, result: FileIngestResult, bytes: Uint8Array) => {
      for (let attempt = 1; attempt <= MAX_PLAN_ATTEMPTS; attempt++) {
        const plan = await p.store.prepareImport(result, bytes, { kind: 'file', name: result.file });
        if (plan.conflicts.length > 0 && !plan.duplicateOf) {
          setReviews((list) => [...list, { key, plan, bytes }]);
          return;
        }
        const outcome = await p.store.commitImport(plan, new Map());
        if (outcome.kind !== 'stale' || attempt === MAX_PLAN_ATTEMPTS) {
          report(p, key, result.file, outcome);
          return;
        }
      }
    },
    [report],
  );

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
          const p = planning;
          // The worker takes ownership of `bytes`; the store fingerprints a copy.
          const copy = p ? new Uint8Array(bytes.slice(0)) : null;
          const snap = store.getSnapshot();
          const knownTownships = p ? p.knownTownships : snap.dataset.townships;
          const job = runner.ingest({ fileName: file.name, bytes, knownTownships }, (pr) =>
            update(key, { phase: pr.phase, percent: overallPercent(pr) }),
          );
          handles.current.set(key, job);
          const outcome = await job.promise;
          handles.current.delete(key);
          if (outcome.status === 'done') {
            const entry: ImportEntry = { id: `${now()}#${key}`, result: outcome.result, importedAt: now() };
            if (p && copy) {
              if (outcome.result.status === 'rejected') {
                // Nothing to store, but the report says why: keep it for this session.
                setOwnIds((ids) => new Set(ids).add(entry.id));
                setUnsaved((list) => [entry, ...list]);
              } else await planAndCommit(p, key, outcome.result, copy);
            } else {
              setOwnIds((ids) => new Set(ids).add(entry.id));
              await store.addImports([entry]);
            }
            setJobs((list) => list.filter((j) => j.key !== key));
          } else if (outcome.status === 'cancelled') {
            update(key, { state: 'cancelled' });
          } else {
            update(key, { state: 'failed', message: outcome.message });
          }
        }),
      );
    },
    [runner, store, now, planning, planAndCommit],
  );

  const decide = async (review: Review, decisions: ReadonlyMap<string, ConflictDecision> | null) => {
    const p = planning;
    if (!p) return;
    const file = review.plan.result.file;
    if (decisions === null) {
      setReviews((list) => list.filter((r) => r.key !== review.key));
      setOutcomes((list) => [
        ...list,
        { key: review.key, file, text: t('store.import.cancelled_review', { file }), tone: 'info' },
      ]);
      return;
    }
    setCommitting(true);
    const outcome = await p.store.commitImport(review.plan, decisions);
    setCommitting(false);
    setReviews((list) => list.filter((r) => r.key !== review.key));
    if (outcome.kind === 'stale') {
      // Another tab changed these records after the diff was shown: show the new diff.
      report(p, review.key, file, outcome);
      const plan = await p.store.prepareImport(review.plan.result, review.bytes, review.plan.source);
      setReviews((list) => [...list, { ...review, plan }]);
      return;
    }
    report(p, review.key, file, outcome);
  };

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
        <p className="dropzone__hint">
          {t('dashboard.import.hint', {
            formats: SUPPORTED_FORMATS.map((f) => f.label).join(t('dashboard.import.hint.separator')),
            encodings: SUPPORTED_ENCODINGS.join(t('dashboard.import.hint.separator')),
          })}
        </p>
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
          accept={FILE_INPUT_ACCEPT}
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

      {reviews.length > 0 && planning ? (
        <div className="import-reviews">
          <p className="notice notice--info" role="status">
            {t('store.import.review_needed', {
              file: reviews[0]!.plan.result.file,
              n: reviews[0]!.plan.conflicts.length,
            })}
          </p>
          <planning.Review
            key={reviews[0]!.key}
            plan={reviews[0]!.plan}
            busy={committing}
            onConfirm={(d) => void decide(reviews[0]!, d)}
            onCancel={() => void decide(reviews[0]!, null)}
          />
        </div>
      ) : null}

      {outcomes.length > 0 ? (
        <div className="import-outcomes" data-testid="import-outcomes" role="status">
          <ul>
            {outcomes.map((o, i) => (
              <li key={`${o.key}-${i}`}>
                {o.tone === 'error' ? (
                  // A failed save needs action (free space, reload): announce it assertively.
                  <span className="text-error" role="alert">
                    {o.text}
                  </span>
                ) : (
                  o.text
                )}
              </li>
            ))}
          </ul>
          <button type="button" className="btn btn--small" onClick={() => setOutcomes([])}>
            {t('store.import.dismiss')}
          </button>
        </div>
      ) : null}

      <div className="reports">
        <h3 className="visually-hidden">{t('dashboard.import.reports')}</h3>
        {[...unsaved, ...snapshot.imports].map((entry) => (
          <ImportReport key={entry.id} entry={entry} defaultOpen={ownIds.has(entry.id)} />
        ))}
      </div>
    </section>
  );
}
