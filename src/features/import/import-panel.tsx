/**
 * The import area: file picker and drop zone (several files at once), a progress bar per file
 * while the worker reads it, the township-name decisions and plan reviews that wait for the user,
 * the outcome lines, then one report per file. The workflow itself (read → check names → plan →
 * review → commit, retry on a stale plan) lives in import-controller.ts; this file only renders
 * the controller's snapshot and calls its methods.
 */
import {
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type ComponentType,
  type DragEvent,
} from 'react';
import { cubeOf } from '../../analysis/cube';
import { ledgerReportChecks } from '../../analysis/hazard-figures';
import type { MessageKey } from '../../i18n/catalog';
import {
  FILE_INPUT_ACCEPT,
  IMPORT_MAX_BYTES,
  SUPPORTED_ENCODINGS,
  SUPPORTED_FORMATS,
} from '../../ingest/supported-formats';
import type { ConflictDecision, ImportPlan, SaveProgress } from '../../store/persist-types';
import type { DataStore } from '../../store/types';
import { downloadCsv } from '../../components/save-file';
import { useLang, useT, type TFunction } from '../../components/i18n-provider';
import { formatByteSize, formatNumber } from '../../i18n/format';
import type { Lang } from '../../i18n/i18n';
import { DEFAULT_LIMITS } from '../../ingest/types';

import {
  createImportController,
  importReportRows,
  type ImportController,
  type ImportPlanningCore,
  type ImportSnapshot,
  type JobPhase,
  type JobView,
  type OutcomeLine,
} from './import-controller';
import { ImportReport } from './import-report';
import { TownshipDecisions } from './township-decisions';
import { SAMPLE_REPORTS_ZIP, TEMPLATE_FILE_NAME, templateCsv } from './import-downloads';
import { PasteReport, ReportStatusList } from './report-status-list';
import { districtTownships } from '../../store/district-townships';
import type { IngestRunner } from './ingest-runner';

/** What a plan review needs; the app passes the history feature's PlanReview. */
export interface PlanReviewSlotProps {
  readonly plan: ImportPlan;
  readonly onConfirm: (decisions: ReadonlyMap<string, ConflictDecision>) => void;
  readonly onCancel: () => void;
  readonly busy?: boolean;
}

/**
 * The persistent-store side of an import, supplied by the app when IndexedDB works. The review
 * component is passed in because features may not import each other (docs/architecture.md).
 */
export interface ImportPlanning extends ImportPlanningCore {
  /** Shows a plan's conflicts with a replace/keep choice per record. */
  readonly Review: ComponentType<PlanReviewSlotProps>;
}

export interface ImportPanelProps {
  readonly store: DataStore;
  readonly runner: IngestRunner;
  /** ISO timestamp for the import record (passed in so tests are deterministic). */
  readonly now: () => string;
  /** Present with the persistent store: imports are planned, reviewed and committed. */
  readonly planning?: ImportPlanning | null;
  /** Today as `YYYY-MM-DD` (a corrected report is validated again with it). */
  readonly today?: () => string;
}

const PHASE_KEY: Record<JobPhase, MessageKey> = {
  queued: 'dashboard.import.phase.queued',
  read: 'dashboard.import.phase.read',
  decode: 'dashboard.import.phase.decode',
  parse: 'dashboard.import.phase.parse',
  validate: 'dashboard.import.phase.validate',
  receive: 'dashboard.import.phase.receive',
  save: 'dashboard.import.phase.save',
};

/** An outcome line's text: a store outcome inside "file: …", or a message of its own. */
const outcomeText = (t: TFunction, o: OutcomeLine): string =>
  o.kind === 'commit'
    ? t('store.import.outcome', { file: o.file, message: t(o.message.key, o.message.params) })
    : t(o.message.key, o.message.params);

/** One controller per mounted panel, always working with the panel's latest props. */
function useImportController(props: ImportPanelProps): [ImportController, ImportSnapshot] {
  const { store, runner, now, today, planning = null } = props;
  const [controller] = useState(() => createImportController({ store, runner, now, today, planning }));
  useLayoutEffect(
    () => controller.setOptions({ store, runner, now, today, planning }),
    [controller, store, runner, now, today, planning],
  );
  return [controller, useSyncExternalStore(controller.subscribe, controller.getSnapshot)];
}

/** The title with the template download, and the picker / drop zone. */
function DropZone({ onFiles }: { readonly onFiles: (files: readonly File[]) => void }) {
  const t = useT();
  const [dragging, setDragging] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    onFiles([...e.dataTransfer.files]);
  };
  const separator = t('dashboard.import.hint.separator');
  return (
    <>
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
        <a
          className="btn btn--link"
          href={`${import.meta.env.BASE_URL}${SAMPLE_REPORTS_ZIP}`}
          download={t('dashboard.import.sampleReportsFile')}
          data-testid="sample-reports"
        >
          {t('dashboard.import.sampleReports')}
        </a>
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
            formats: SUPPORTED_FORMATS.map((f) => f.label).join(separator),
            encodings: SUPPORTED_ENCODINGS.join(separator),
          })}
        </p>
        <p className="dropzone__hint muted" data-testid="import-limit">
          {t('dashboard.import.limit', {
            size: formatByteSize(IMPORT_MAX_BYTES),
            xlsx: formatByteSize(DEFAULT_LIMITS.maxBytes),
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
            onFiles(files);
          }}
        />
      </div>
    </>
  );
}

/** A progress bar per file being read; a line per cancelled or failed read. */
function JobList({
  snapshot,
  controller,
}: {
  readonly snapshot: ImportSnapshot;
  readonly controller: ImportController;
}) {
  const t = useT();
  const lang = useLang();
  if (snapshot.jobs.length === 0) return null;
  return (
    <ul className="jobs">
      {snapshot.jobs.map((j) => (
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
              <JobCounts job={j} t={t} lang={lang} />
              {j.phase === 'save' ? null : (
                <button type="button" className="btn btn--small" onClick={() => controller.cancelJob(j.key)}>
                  {t('common.cancel')}
                </button>
              )}
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
  );
}

const SAVE_STEP_LABEL: Record<SaveProgress['step'], MessageKey> = {
  prepare: 'dashboard.import.progress.prepared',
  check: 'dashboard.import.progress.checked',
  write: 'dashboard.import.progress.written',
};

/** What a running import has done so far: bytes read, then rows checked; records saved. */
function JobCounts({ job, t, lang }: { readonly job: JobView; readonly t: TFunction; readonly lang: Lang }) {
  if (job.phase === 'save') {
    if (!job.save) return null;
    const key = SAVE_STEP_LABEL[job.save.step];
    return (
      <span className="job__counts muted" data-testid="job-counts">
        {t(key, { done: formatNumber(lang, job.save.done), total: formatNumber(lang, job.save.total) })}
      </span>
    );
  }
  if (job.phase === 'receive' && job.recordsTotal !== undefined)
    return (
      <span className="job__counts muted" data-testid="job-counts">
        {t('dashboard.import.progress.received', {
          done: formatNumber(lang, job.recordsDone ?? 0),
          total: formatNumber(lang, job.recordsTotal),
        })}
      </span>
    );
  const bytes =
    job.bytesTotal !== undefined
      ? t('dashboard.import.progress.bytes', {
          done: formatByteSize(job.bytesRead ?? 0),
          total: formatByteSize(job.bytesTotal),
        })
      : null;
  const rows =
    job.rowsDone === undefined
      ? null
      : job.rowsTotal !== undefined
        ? t('dashboard.import.progress.rows', {
            done: formatNumber(lang, job.rowsDone),
            total: formatNumber(lang, job.rowsTotal),
          })
        : t('dashboard.import.progress.rowsSoFar', { done: formatNumber(lang, job.rowsDone) });
  if (!bytes && !rows) return null;
  return (
    <span className="job__counts muted" data-testid="job-counts">
      {[bytes, rows].filter(Boolean).join(' · ')}
    </span>
  );
}

/** Files waiting for township-name decisions, each inside its report. */
function PendingNamesList({
  snapshot,
  controller,
}: {
  readonly snapshot: ImportSnapshot;
  readonly controller: ImportController;
}) {
  if (snapshot.pendingNames.length === 0) return null;
  return (
    <div className="import-decisions">
      {snapshot.pendingNames.map((pn) => (
        <ImportReport key={`names-${pn.key}`} entry={pn.entry} defaultOpen>
          <TownshipDecisions
            unknown={pn.unknown}
            known={pn.known}
            source={pn.source}
            busy={snapshot.deciding}
            onConfirm={(d) => void controller.decideNames(pn.key, d)}
            onCancel={() => controller.cancelNames(pn.key)}
          />
        </ImportReport>
      ))}
    </div>
  );
}

/** The oldest plan waiting for review, in the app's review component. */
function ReviewSlot({
  snapshot,
  controller,
  Review,
}: {
  readonly snapshot: ImportSnapshot;
  readonly controller: ImportController;
  readonly Review: ComponentType<PlanReviewSlotProps>;
}) {
  const t = useT();
  const review = snapshot.reviews[0];
  if (!review) return null;
  return (
    <div className="import-reviews">
      <p className="notice notice--info" role="status">
        {t('store.import.review_needed', { file: review.plan.result.file, n: review.plan.conflicts.length })}
      </p>
      <Review
        key={review.key}
        plan={review.plan}
        busy={snapshot.committing}
        onConfirm={(d) => void controller.confirmReview(review.key, d)}
        onCancel={() => controller.cancelReview(review.key)}
      />
    </div>
  );
}

/** One line per stored (or not stored) file, dismissible. */
function OutcomeList({
  outcomes,
  onDismiss,
}: {
  readonly outcomes: readonly OutcomeLine[];
  readonly onDismiss: () => void;
}) {
  const t = useT();
  if (outcomes.length === 0) return null;
  return (
    <div className="import-outcomes" data-testid="import-outcomes" role="status">
      <ul>
        {outcomes.map((o, i) => (
          <li key={`${o.key}-${i}`}>
            {o.tone === 'error' ? (
              // A failed save needs action (free space, reload): announce it assertively.
              <span className="text-error" role="alert">
                {outcomeText(t, o)}
              </span>
            ) : (
              outcomeText(t, o)
            )}
          </li>
        ))}
      </ul>
      <button type="button" className="btn btn--small" onClick={onDismiss}>
        {t('store.import.dismiss')}
      </button>
    </div>
  );
}

/** The reports of the files not stored this session and of every stored batch. */
function ReportList({ store, snapshot }: { readonly store: DataStore; readonly snapshot: ImportSnapshot }) {
  const t = useT();
  const data = useSyncExternalStore(store.subscribe, store.getSnapshot);
  // Ledger vs report over everything held (this batch included once stored), decision 0005.
  const ledgerChecks = useMemo(() => ledgerReportChecks(cubeOf(data.dataset)), [data.dataset]);
  const rows = importReportRows(snapshot, data.imports, ledgerChecks);
  return (
    <div className="reports">
      <h3 className="visually-hidden">{t('dashboard.import.reports')}</h3>
      {rows.map((r) => (
        <ImportReport
          key={r.entry.id}
          entry={r.entry}
          defaultOpen={r.defaultOpen}
          ledgerChecks={r.ledgerChecks}
          saving={r.saving}
        />
      ))}
    </div>
  );
}

/** The import area with its reports. */
export function ImportPanel(props: ImportPanelProps) {
  const [controller, snapshot] = useImportController(props);
  const planning = props.planning ?? null;
  const data = useSyncExternalStore(props.store.subscribe, props.store.getSnapshot);
  const townships = planning ? planning.knownTownships : districtTownships(data).townships;
  return (
    <section className="panel import-panel" aria-labelledby="import-title">
      <DropZone onFiles={(files) => void controller.importFiles(files)} />
      <PasteReport controller={controller} />
      <JobList snapshot={snapshot} controller={controller} />
      <ReportStatusList snapshot={snapshot} controller={controller} townships={townships} />
      <PendingNamesList snapshot={snapshot} controller={controller} />
      {planning ? <ReviewSlot snapshot={snapshot} controller={controller} Review={planning.Review} /> : null}
      <OutcomeList outcomes={snapshot.outcomes} onDismiss={controller.dismissOutcomes} />
      <ReportList store={props.store} snapshot={snapshot} />
    </section>
  );
}
