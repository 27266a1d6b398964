/**
 * The import area: file picker and drop zone (several files at once), a progress bar per file
 * while the worker reads it, then one report per file. Township names are checked against the
 * district's list (src/store/district-townships.ts); a file with names outside it waits in its
 * report for a decision per name (TownshipDecisions) and is then read again with those decisions.
 * With a persistent store (`planning`) every file then goes prepareImport → (review when it
 * conflicts with stored data) → commitImport, and gets an outcome line (saved counts, rejected
 * records, "已于 … 导入", nothing new, storage full). Without one (memory fallback) files go to
 * the store as soon as each is read. Every file keeps a visible report: a stored batch's, or one
 * kept for the session when nothing was stored.
 */
import {
  useCallback,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type ComponentType,
  type DragEvent,
} from 'react';
import { buildCube } from '../../analysis/cube';
import { ledgerChecksForFile, ledgerReportChecks } from '../../analysis/hazard-figures';
import type { Township } from '../../domain/records';
import type { MessageKey } from '../../i18n/catalog';
import { FILE_INPUT_ACCEPT, SUPPORTED_ENCODINGS, SUPPORTED_FORMATS } from '../../ingest/supported-formats';
import type { FileIngestResult, IngestProgress } from '../../ingest/types';
import {
  applyTownshipDecisions,
  collectUnknownTownships,
  type TownshipDecision,
  type UnknownTownship,
} from '../../ingest/township-decisions';
import { districtTownships, type TownshipListSource } from '../../store/district-townships';
import { commitOutcomeMessage } from '../../store/outcome-message';
import type { CommitOutcome, ConflictDecision, ImportPlan } from '../../store/persist-types';
import type { PersistentStore } from '../../store/persistent-store';
import type { DataStore, ImportEntry } from '../../store/types';
import { downloadCsv } from '../../components/save-file';
import { useT } from '../../components/i18n-provider';
import { ImportReport } from './import-report';
import { TownshipDecisions } from './township-decisions';
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
  /** The district's township list (settings, else the townships held): names ingest matches. */
  readonly knownTownships: readonly Township[];
  /** Where `knownTownships` comes from, for the report; defaults from whether it is empty. */
  readonly townshipSource?: TownshipListSource;
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
  /** The file's report, kept for the session if the review ends without a stored batch. */
  readonly entry: ImportEntry;
}

/** A file read with township names outside the district list, waiting for the user's decisions. */
interface PendingNames {
  readonly key: number;
  readonly entry: ImportEntry;
  /** A copy of the file's bytes: read again with the decisions, and fingerprinted by the store. */
  readonly bytes: Uint8Array;
  readonly known: readonly Township[];
  readonly source: TownshipListSource;
  readonly unknown: readonly UnknownTownship[];
}

interface OutcomeLine {
  readonly key: number;
  readonly file: string;
  readonly text: string;
  readonly tone: 'ok' | 'info' | 'error';
}

// A plan can go stale when another tab commits the same records meanwhile; re-plan a few times.
const MAX_PLAN_ATTEMPTS = 3;

/** A file whose records were all rejected is an error to see, not "nothing new". */
const toneOf = (o: CommitOutcome, rejected: number): OutcomeLine['tone'] =>
  o.kind === 'committed'
    ? 'ok'
    : o.kind === 'failed' || o.kind === 'rejected' || (o.kind === 'nothing-new' && rejected > 0)
      ? 'error'
      : 'info';

/** A detached copy of `bytes` for the worker (it takes ownership of what it is given). */
const bufferOf = (bytes: Uint8Array): ArrayBuffer => {
  const out = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(out).set(bytes);
  return out;
};

const hasRecords = (r: FileIngestResult): boolean =>
  r.townshipMonths.length + r.hazards.length + r.problems.length > 0;

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
  // Reports of files that were not stored (rejected, nothing new, cancelled, failed): shown for
  // this session only, so no import ends without its report.
  const [unsaved, setUnsaved] = useState<readonly ImportEntry[]>([]);
  // Files waiting for a decision on township names outside the district list.
  const [pendingNames, setPendingNames] = useState<readonly PendingNames[]>([]);
  const [deciding, setDeciding] = useState(false);

  // Ledger vs report over everything held (this batch included once stored), decision 0005.
  const ledgerChecks = useMemo(() => ledgerReportChecks(buildCube(snapshot.dataset)), [snapshot.dataset]);

  const update = (key: number, patch: Partial<JobView>) =>
    setJobs((list) => list.map((j) => (j.key === key ? { ...j, ...patch } : j)));

  const addOutcome = useCallback(
    (key: number, file: string, text: string, tone: OutcomeLine['tone']) =>
      setOutcomes((list) => [...list, { key, file, text, tone }]),
    [],
  );

  const keepForSession = useCallback((entry: ImportEntry) => {
    setOwnIds((ids) => new Set(ids).add(entry.id));
    setUnsaved((list) => (list.some((e) => e.id === entry.id) ? list : [entry, ...list]));
  }, []);

  /**
   * The outcome line of one file (naming its rejected records, if any). With `keep`, a file that
   * was not stored keeps its report for the session.
   */
  const report = useCallback(
    (p: ImportPlanning, key: number, entry: ImportEntry, outcome: CommitOutcome, keep = true) => {
      const file = entry.result.file;
      const rejected = entry.result.counts.rejected;
      const m = commitOutcomeMessage(outcome, p.formatTime, rejected);
      const text = t('store.import.outcome', { file, message: t(m.key, m.params) });
      addOutcome(key, file, text, toneOf(outcome, rejected));
      if (outcome.kind === 'committed') setOwnIds((ids) => new Set(ids).add(outcome.batchId));
      else if (keep) keepForSession(entry);
    },
    [t, addOutcome, keepForSession],
  );

  /**
   * Plans one ingested file and commits it when there is nothing to decide; a plan with conflicts
   * waits for review. A stale plan (another tab wrote the same records) is made again.
   */
  const planAndCommit = useCallback(
    async (
      p: ImportPlanning,
      key: number,
      entry: ImportEntry,
      bytes: Uint8Array,
      addTownships: readonly Township[],
    ) => {
      const result = entry.result;
      for (let attempt = 1; attempt <= MAX_PLAN_ATTEMPTS; attempt++) {
        const plan = await p.store.prepareImport(
          result,
          bytes,
          { kind: 'file', name: result.file },
          { addTownships },
        );
        if (plan.conflicts.length > 0 && !plan.duplicateOf) {
          setReviews((list) => [...list, { key, plan, bytes, entry }]);
          return;
        }
        const outcome = await p.store.commitImport(plan, new Map());
        if (outcome.kind !== 'stale' || attempt === MAX_PLAN_ATTEMPTS) {
          report(p, key, entry, outcome);
          return;
        }
      }
    },
    [report],
  );

  /** Stores one read file: planned and committed (persistent), or added (memory). */
  const save = useCallback(
    async (key: number, entry: ImportEntry, bytes: Uint8Array, addTownships: readonly Township[]) => {
      const p = planning;
      if (p) {
        // Nothing to store for a rejected file, but the report says why.
        if (entry.result.status === 'rejected') keepForSession(entry);
        else await planAndCommit(p, key, entry, bytes, addTownships);
      } else {
        setOwnIds((ids) => new Set(ids).add(entry.id));
        await store.addImports([entry]);
      }
    },
    [planning, planAndCommit, keepForSession, store],
  );

  /** Runs the worker on a copy of `bytes`, with a progress bar under `key`. */
  const read = useCallback(
    async (key: number, fileName: string, bytes: Uint8Array, knownTownships: readonly Township[]) => {
      const job = runner.ingest({ fileName, bytes: bufferOf(bytes), knownTownships }, (pr) =>
        update(key, { phase: pr.phase, percent: overallPercent(pr) }),
      );
      handles.current.set(key, job);
      const outcome = await job.promise;
      handles.current.delete(key);
      return outcome;
    },
    [runner],
  );

  /** The list names are checked against, and where it comes from. */
  const districtList = useCallback((): { known: readonly Township[]; source: TownshipListSource } => {
    const held = districtTownships(store.getSnapshot());
    if (!planning) return { known: held.townships, source: held.source };
    const known = planning.knownTownships;
    return { known, source: planning.townshipSource ?? (known.length > 0 ? 'held' : 'none') };
  }, [planning, store]);

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
          // Kept for a second read after township decisions and for the store's fingerprint.
          const bytes = new Uint8Array(await file.arrayBuffer());
          const { known, source } = districtList();
          const outcome = await read(key, file.name, bytes, known);
          if (outcome.status === 'done') {
            const result = outcome.result;
            const entry: ImportEntry = { id: `${now()}#${key}`, result, importedAt: now() };
            const unknown = collectUnknownTownships(result);
            setJobs((list) => list.filter((j) => j.key !== key));
            if (unknown.length > 0) {
              // Names outside the district list: nothing is saved until the user decides.
              setPendingNames((list) => [...list, { key, entry, bytes, known, source, unknown }]);
              return;
            }
            if (known.length === 0 && hasRecords(result))
              addOutcome(
                key,
                result.file,
                t('dashboard.import.towns.unchecked', { file: result.file }),
                'info',
              );
            await save(key, entry, bytes, []);
          } else if (outcome.status === 'cancelled') {
            update(key, { state: 'cancelled' });
          } else {
            update(key, { state: 'failed', message: outcome.message });
          }
        }),
      );
    },
    [now, districtList, read, save, addOutcome, t],
  );

  /**
   * Applies the township decisions of a waiting file: read it again with the mapped names as
   * aliases and the new townships added (ingest recounts every record), then store it. Rejected
   * names keep their records rejected, with their reason, in the report.
   */
  const decideNames = async (pending: PendingNames, decisions: ReadonlyMap<string, TownshipDecision>) => {
    const { townships, added } = applyTownshipDecisions(pending.known, pending.unknown, decisions);
    const changed = [...decisions.values()].some((d) => d.kind !== 'reject');
    let entry = pending.entry;
    const file = entry.result.file;
    setDeciding(true);
    if (changed) {
      setJobs((list) => [
        ...list,
        { key: pending.key, fileName: file, phase: 'queued', percent: 0, state: 'running' },
      ]);
      const outcome = await read(pending.key, file, pending.bytes, townships);
      if (outcome.status !== 'done') {
        setDeciding(false);
        setPendingNames((list) => list.filter((x) => x.key !== pending.key));
        update(
          pending.key,
          outcome.status === 'cancelled'
            ? { state: 'cancelled' }
            : { state: 'failed', message: outcome.message },
        );
        keepForSession(entry);
        return;
      }
      setJobs((list) => list.filter((j) => j.key !== pending.key));
      entry = { ...entry, result: outcome.result };
    }
    setPendingNames((list) => list.filter((x) => x.key !== pending.key));
    setDeciding(false);
    await save(pending.key, entry, pending.bytes, added);
  };

  const cancelNames = (pending: PendingNames) => {
    setPendingNames((list) => list.filter((x) => x.key !== pending.key));
    const file = pending.entry.result.file;
    addOutcome(pending.key, file, t('dashboard.import.towns.cancelled', { file }), 'info');
    keepForSession(pending.entry);
  };

  const decide = async (review: Review, decisions: ReadonlyMap<string, ConflictDecision> | null) => {
    const p = planning;
    if (!p) return;
    const file = review.plan.result.file;
    if (decisions === null) {
      setReviews((list) => list.filter((r) => r.key !== review.key));
      addOutcome(review.key, file, t('store.import.cancelled_review', { file }), 'info');
      keepForSession(review.entry);
      return;
    }
    setCommitting(true);
    const outcome = await p.store.commitImport(review.plan, decisions);
    setCommitting(false);
    setReviews((list) => list.filter((r) => r.key !== review.key));
    if (outcome.kind === 'stale') {
      // Another tab changed these records after the diff was shown: show the new diff.
      report(p, review.key, review.entry, outcome, false);
      const plan = await p.store.prepareImport(review.plan.result, review.bytes, review.plan.source, {
        addTownships: review.plan.addTownships ?? [],
      });
      setReviews((list) => [...list, { ...review, plan }]);
      return;
    }
    report(p, review.key, review.entry, outcome);
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

      {pendingNames.length > 0 ? (
        <div className="import-decisions">
          {pendingNames.map((pn) => (
            <ImportReport key={`names-${pn.key}`} entry={pn.entry} defaultOpen>
              <TownshipDecisions
                unknown={pn.unknown}
                known={pn.known}
                source={pn.source}
                busy={deciding}
                onConfirm={(d) => void decideNames(pn, d)}
                onCancel={() => cancelNames(pn)}
              />
            </ImportReport>
          ))}
        </div>
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
          <ImportReport
            key={entry.id}
            entry={entry}
            defaultOpen={ownIds.has(entry.id)}
            ledgerChecks={
              entry.result.status === 'ok' ? ledgerChecksForFile(ledgerChecks, entry.result.file) : []
            }
          />
        ))}
      </div>
    </section>
  );
}
