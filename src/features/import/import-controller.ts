/**
 * The import workflow without React (docs/architecture.md, "Data flow in the browser"): every
 * chosen file is read by the ingest runner with a progress line, checked against the district's
 * township list, then stored. A file with township names outside the list waits for a decision
 * per name and is read again with those decisions. With a persistent store (`planning`) each file
 * goes prepareImport → (review when it conflicts with stored data) → commitImport, a stale plan
 * (another tab wrote the same records meanwhile) is made again, and each file gets an outcome
 * line. Without one (memory fallback) a read file goes to the store at once. Every file keeps a
 * visible report: a stored batch's, or one kept for the session when nothing was stored.
 *
 * The panel (import-panel.tsx) only renders the snapshot and calls these methods; subscribe with
 * useSyncExternalStore. Texts are message keys with parameters, translated when rendered, so the
 * controller does not depend on the UI language.
 */
import { ledgerChecksForFile, type LedgerCheck } from '../../analysis/hazard-figures';
import type { Township } from '../../domain/records';
import type { FileIngestResult, IngestProgress } from '../../ingest/types';
import {
  applyTownshipDecisions,
  collectUnknownTownships,
  type TownshipDecision,
  type UnknownTownship,
} from '../../ingest/township-decisions';
import { districtTownships, type TownshipListSource } from '../../store/district-townships';
import { commitOutcomeMessage, type Message } from '../../store/outcome-message';
import type { CommitOutcome, ConflictDecision, ImportPlan, SaveProgress } from '../../store/persist-types';
import type { PersistentStore } from '../../store/persistent-store';
import type { DataStore, ImportEntry } from '../../store/types';
import type { IngestJob, IngestOutcome, IngestRunner, OnIngested, ReadProgress } from './ingest-runner';
import type { ReportValues } from '../../ingest/report/report-attachment';

/** The persistent-store side of an import (the panel's `planning` without its review component). */
export interface ImportPlanningCore {
  readonly store: Pick<PersistentStore, 'prepareImport' | 'commitImport'>;
  /** The district's township list (settings, else the townships held): names ingest matches. */
  readonly knownTownships: readonly Township[];
  /** Where `knownTownships` comes from, for the report; defaults from whether it is empty. */
  readonly townshipSource?: TownshipListSource;
  /** Renders a stored ISO timestamp for the user ("已于 … 导入"). */
  readonly formatTime: (iso: string) => string;
}

/** What the controller works with; the panel passes its props again on every render. */
export interface ImportControllerOptions {
  readonly store: DataStore;
  readonly runner: IngestRunner;
  /** ISO timestamp for the import record (passed in so tests are deterministic). */
  readonly now: () => string;
  /** Present with the persistent store: imports are planned, reviewed and committed. */
  readonly planning?: ImportPlanningCore | null;
  /** Today as `YYYY-MM-DD` for re-validating a corrected report; defaults to the date of `now()`. */
  readonly today?: () => string;
}

/**
 * A chosen file: a browser `File` (handed to the worker as it is, never copied on the page), or
 * anything with a name and its bytes (tests, pasted text).
 */
export interface ImportFile {
  readonly name: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/**
 * A read file as the controller keeps it: the Blob (read again after township decisions) and the
 * SHA-256 of its bytes from the worker (the store's duplicate-file check), null when not hashed.
 */
export interface FileBody {
  readonly blob: Blob;
  readonly sha256: string | null;
}

/** The phase a progress line shows: the worker's phases, waiting for a worker, or saving. */
export type JobPhase = ReadProgress['phase'] | 'queued' | 'save';

/** A read file being saved, and the batch it will be stored as once planned. */
export interface SavingReport {
  readonly entry: ImportEntry;
  readonly batchId: string | null;
}

/** One file being read (a progress bar), or one whose read was cancelled or failed. */
export interface JobView {
  readonly key: number;
  readonly fileName: string;
  readonly phase: JobPhase;
  readonly percent: number;
  readonly state: 'running' | 'cancelled' | 'failed';
  readonly message?: string;
  /** Bytes of the file read so far, and its size (known once reading starts). */
  readonly bytesRead?: number;
  readonly bytesTotal?: number;
  /** Rows checked so far (validate phase), and all rows once known. */
  readonly rowsDone?: number;
  readonly rowsTotal?: number;
  /** Records handed from the worker to the page so far (receive phase), of how many. */
  readonly recordsDone?: number;
  readonly recordsTotal?: number;
  /** Saving (persistent store): records checked against the store, then written, of how many. */
  readonly save?: SaveProgress;
}

/** A plan waiting for the user's replace/keep decisions. */
export interface PendingReview {
  readonly key: number;
  readonly plan: ImportPlan;
  /** The file's fingerprint, to plan again (same fingerprint) if the plan goes stale. */
  readonly print: Fingerprint;
  /** The file's report, kept for the session if the review ends without a stored batch. */
  readonly entry: ImportEntry;
}

/** A file read with township names outside the district list, waiting for the user's decisions. */
export interface PendingNames {
  readonly key: number;
  readonly entry: ImportEntry;
  /** The file: read again with the decisions, and fingerprinted by the store. */
  readonly body: FileBody;
  readonly known: readonly Township[];
  readonly source: TownshipListSource;
  readonly unknown: readonly UnknownTownship[];
}

/**
 * One outcome line. `commit` is a store outcome, shown inside "file: …"
 * (`store.import.outcome`); `note` is a complete message of its own.
 */
export interface OutcomeLine {
  readonly key: number;
  readonly file: string;
  readonly kind: 'commit' | 'note';
  readonly message: Message;
  readonly tone: 'ok' | 'info' | 'error';
}

/**
 * A Word/text monthly report (issue 11) read and waiting in the status list: `ready` and
 * `confirmed` ones are saved by `saveReports`, `needs_review` ones wait for the review screen,
 * `rejected` ones could not be read (their report says why), `saved` ones went on to the store.
 */
export interface PendingReport {
  readonly key: number;
  readonly entry: ImportEntry;
  /** The file as read (read again after township decisions; fingerprinted with corrections). */
  readonly body: FileBody;
  readonly state: 'ready' | 'needs_review' | 'confirmed' | 'rejected' | 'saving' | 'waiting' | 'saved';
}

/** Everything the panel renders, replaced (never mutated) on every change. */
export interface ImportSnapshot {
  readonly jobs: readonly JobView[];
  /** Plans waiting for review, oldest first; the panel shows the first. */
  readonly reviews: readonly PendingReview[];
  /** A reviewed plan is being committed. */
  readonly committing: boolean;
  readonly outcomes: readonly OutcomeLine[];
  /** Reports of files that were not stored (rejected, nothing new, cancelled, failed), newest first. */
  readonly unsaved: readonly ImportEntry[];
  /**
   * Reports of files read and being saved, newest first: shown while the save runs (a million-row
   * ledger reads in seconds and saves for longer), then replaced by the stored batch's report.
   */
  readonly saving: readonly SavingReport[];
  /** Reports of files the user imported here: they open expanded (others, e.g. the sample, do not). */
  readonly ownIds: ReadonlySet<string>;
  /** Files waiting for a decision on township names outside the district list. */
  readonly pendingNames: readonly PendingNames[];
  /** A file is being read again with the township decisions. */
  readonly deciding: boolean;
  /** Word/text reports of this session in the order chosen, with their status. */
  readonly reports: readonly PendingReport[];
  /** The report open in the review screen, by key; null when none. */
  readonly reviewing: number | null;
}

/** The import workflow; see the module comment. */
export interface ImportController {
  getSnapshot(): ImportSnapshot;
  subscribe(listener: () => void): () => void;
  /** Replaces the store, runner, clock and planning used from now on (the panel's latest props). */
  setOptions(options: ImportControllerOptions): void;
  /** Reads, checks and stores `files`; resolves when each is stored or waits for the user. */
  importFiles(files: readonly ImportFile[]): Promise<void>;
  /** Stops reading the file of progress line `key`. */
  cancelJob(key: number): void;
  /** Reads the waiting file `key` again with the township decisions, then stores it. */
  decideNames(key: number, decisions: ReadonlyMap<string, TownshipDecision>): Promise<void>;
  /** Drops the waiting file `key` without storing anything; its report stays for the session. */
  cancelNames(key: number): void;
  /** Commits the reviewed plan `key` with the user's replace/keep decisions. */
  confirmReview(key: number, decisions: ReadonlyMap<string, ConflictDecision>): Promise<void>;
  /** Drops the reviewed plan `key` without storing anything. */
  cancelReview(key: number): void;
  /** Clears the outcome lines. */
  dismissOutcomes(): void;
  /** Reads pasted report text as a file named `name` (a .txt: prose → report, a table → CSV). */
  importText(text: string, name: string): Promise<void>;
  /** Opens (key) or closes (null) the review screen of a report. */
  openReport(key: number | null): void;
  /**
   * Validates the report `key` again with the clerk's values (every form field) and marks it
   * confirmed when its record is accepted; it stays `needs_review` with the new issues otherwise.
   */
  confirmReport(key: number, values: ReportValues): Promise<void>;
  /** Removes a waiting report without saving it. */
  discardReport(key: number): void;
  /** Saves every `ready` and `confirmed` report (township decisions and conflict review as for CSV). */
  saveReports(): Promise<void>;
}

/** A report the panel lists: a stored or session-only file report, with its ledger checks. */
export interface ReportRow {
  readonly entry: ImportEntry;
  readonly defaultOpen: boolean;
  /** Read, not stored yet (ImportSnapshot.saving). */
  readonly saving: boolean;
  readonly ledgerChecks: readonly LedgerCheck[];
}

// A plan can go stale when another tab commits the same records meanwhile; re-plan a few times.
const MAX_PLAN_ATTEMPTS = 3;

/** A file whose records were all rejected is an error to see, not "nothing new". */
export const outcomeTone = (o: CommitOutcome, rejected: number): OutcomeLine['tone'] =>
  o.kind === 'committed'
    ? 'ok'
    : o.kind === 'failed' || o.kind === 'rejected' || (o.kind === 'nothing-new' && rejected > 0)
      ? 'error'
      : 'info';

// Read, decode, parse and validate are reported separately; weight them into one bar.
const PHASE_SPAN: Record<ReadProgress['phase'], [number, number]> = {
  read: [0, 10],
  decode: [10, 20],
  parse: [20, 60],
  validate: [60, 100],
  // Its own bar, as saving has: the records crossing from the worker to the page.
  receive: [0, 100],
};

/** One bar for the whole read: the phase's share of 0–100 plus its progress within the phase. */
export const overallPercent = (p: ReadProgress | IngestProgress): number => {
  const [start, end] = PHASE_SPAN[p.phase];
  const frac = p.total > 0 ? Math.min(1, p.done / p.total) : 0;
  return Math.round(start + (end - start) * frac);
};

/** The chosen file as a Blob: a File is one already (nothing is copied); other inputs are wrapped. */
const blobOf = async (file: ImportFile): Promise<Blob> =>
  typeof Blob !== 'undefined' && file instanceof Blob ? file : new Blob([await file.arrayBuffer()]);

/** What the store fingerprints a file by: its bytes, or their SHA-256 computed where they were read. */
export type Fingerprint = Uint8Array | { readonly sha256: string };

const hasRecords = (r: FileIngestResult): boolean =>
  r.townshipMonths.length + r.hazards.length + r.problems.length + (r.hazardTallies?.length ?? 0) > 0;

/**
 * The reports to list: session-only ones first, then the store's. Ledger checks (decision 0005,
 * docs/decisions/0005-ledger-and-report-totals.md) are shown on files that were read.
 */
export function importReportRows(
  snapshot: Pick<ImportSnapshot, 'unsaved' | 'ownIds' | 'saving'>,
  imports: readonly ImportEntry[],
  ledgerChecks: readonly LedgerCheck[],
): readonly ReportRow[] {
  // Ledger-vs-report checks compare stored data, so a file being saved has none yet. Once its
  // batch is in the store, the stored report stands in for it (the store says so before the
  // commit call returns).
  const stored = new Set(imports.map((e) => e.id));
  const saving = snapshot.saving
    .filter((s) => s.batchId === null || !stored.has(s.batchId))
    .map(({ entry }) => ({ entry, defaultOpen: true, saving: true, ledgerChecks: [] }));
  return [
    ...saving,
    ...[...snapshot.unsaved, ...imports].map((entry) => ({
      entry,
      defaultOpen: snapshot.ownIds.has(entry.id),
      saving: false,
      ledgerChecks: entry.result.status === 'ok' ? ledgerChecksForFile(ledgerChecks, entry.result.file) : [],
    })),
  ];
}

const EMPTY: ImportSnapshot = {
  jobs: [],
  reviews: [],
  committing: false,
  outcomes: [],
  unsaved: [],
  saving: [],
  ownIds: new Set(),
  pendingNames: [],
  deciding: false,
  reports: [],
  reviewing: null,
};

/**
 * The controller's state, shared by the workflow steps below: each step is a small function of
 * it, so a step reads as one rule and the factory only wires them to the public methods.
 */
interface Core {
  options: ImportControllerOptions;
  snapshot: ImportSnapshot;
  nextKey: number;
  readonly handles: Map<number, IngestJob>;
  /**
   * Reports shown while a read file's records are still being handed over by the worker, by job
   * key: the save that follows takes the slot over (planAndCommit), so the report stays put.
   */
  readonly receiving: Map<number, SavingReport>;
  readonly listeners: Set<() => void>;
}

const set = (core: Core, change: (s: ImportSnapshot) => Partial<ImportSnapshot>) => {
  core.snapshot = { ...core.snapshot, ...change(core.snapshot) };
  for (const l of [...core.listeners]) l();
};

const patchJob = (core: Core, key: number, patch: Partial<JobView>) =>
  set(core, (s) => ({ jobs: s.jobs.map((j) => (j.key === key ? { ...j, ...patch } : j)) }));

const dropJob = (core: Core, key: number) =>
  set(core, (s) => ({ jobs: s.jobs.filter((j) => j.key !== key) }));

const queuedJob = (key: number, fileName: string): JobView => ({
  key,
  fileName,
  phase: 'queued',
  percent: 0,
  state: 'running',
});

/** A cancelled or failed read keeps its line, saying so. */
const endJob = (core: Core, key: number, outcome: Exclude<IngestOutcome, { status: 'done' }>) =>
  patchJob(
    core,
    key,
    outcome.status === 'cancelled' ? { state: 'cancelled' } : { state: 'failed', message: outcome.message },
  );

const own = (core: Core, id: string) => set(core, (s) => ({ ownIds: new Set(s.ownIds).add(id) }));

const addOutcome = (core: Core, line: OutcomeLine) => set(core, (s) => ({ outcomes: [...s.outcomes, line] }));

const note = (core: Core, key: number, file: string, message: Message) =>
  addOutcome(core, { key, file, kind: 'note', message, tone: 'info' });

/** A file that was not stored keeps its report (open) for the session. */
const keepForSession = (core: Core, entry: ImportEntry) =>
  set(core, (s) => ({
    ownIds: new Set(s.ownIds).add(entry.id),
    unsaved: s.unsaved.some((e) => e.id === entry.id) ? s.unsaved : [entry, ...s.unsaved],
  }));

/**
 * The outcome line of one file (naming its rejected records, if any). With `keep`, a file that
 * was not stored keeps its report for the session.
 */
function report(
  core: Core,
  p: ImportPlanningCore,
  key: number,
  entry: ImportEntry,
  outcome: CommitOutcome,
  keep = true,
) {
  const file = entry.result.file;
  const rejected = entry.result.counts.rejected;
  const message = commitOutcomeMessage(outcome, p.formatTime, rejected);
  addOutcome(core, { key, file, kind: 'commit', message, tone: outcomeTone(outcome, rejected) });
  if (outcome.kind === 'committed') own(core, outcome.batchId);
  else if (keep) keepForSession(core, entry);
}

/**
 * Plans one read file and commits it when there is nothing to decide; a plan with conflicts
 * waits for review. A stale plan (another tab wrote the same records) is made again.
 */
async function planAndCommit(
  core: Core,
  p: ImportPlanningCore,
  key: number,
  entry: ImportEntry,
  body: FileBody,
  addTownships: readonly Township[],
) {
  const result = entry.result;
  const onProgress = showSaving(core, key, result.file);
  const saving: { entry: ImportEntry; batchId: string | null } = { entry, batchId: null };
  // The report shown while the records were handed over, if any, gives its place to this one.
  const early = takeReceiving(core, key);
  set(core, (s) => ({
    saving:
      early && s.saving.includes(early)
        ? s.saving.map((x) => (x === early ? saving : x))
        : [saving, ...s.saving],
  }));
  try {
    const print = await fingerprintOf(result, body);
    for (let attempt = 1; attempt <= MAX_PLAN_ATTEMPTS; attempt++) {
      const source = { kind: 'file', name: result.file } as const;
      const plan = await p.store.prepareImport(result, print, source, { addTownships, onProgress });
      // The stored report replaces this one, open as the user's own, as soon as the store has it.
      saving.batchId = plan.batchId;
      own(core, plan.batchId);
      if (plan.conflicts.length > 0 && !plan.duplicateOf) {
        set(core, (s) => ({ reviews: [...s.reviews, { key, plan, print, entry }] }));
        return;
      }
      const outcome = await p.store.commitImport(plan, new Map(), { onProgress });
      if (outcome.kind !== 'stale' || attempt === MAX_PLAN_ATTEMPTS) {
        report(core, p, key, entry, outcome);
        return;
      }
    }
  } finally {
    set(core, (s) => ({ saving: s.saving.filter((x) => x !== saving) }));
    dropJob(core, key);
  }
}

/** Stores one read file: planned and committed (persistent), or added (memory). */
async function save(
  core: Core,
  key: number,
  entry: ImportEntry,
  body: FileBody,
  addTownships: readonly Township[],
) {
  const p = core.options.planning ?? null;
  if (p) {
    // Nothing to store for a rejected file, but the report says why.
    if (entry.result.status === 'rejected') keepForSession(core, entry);
    else await planAndCommit(core, p, key, entry, body, addTownships);
  } else {
    own(core, entry.id);
    await core.options.store.addImports([entry]);
  }
}

/** The progress line's fields for one progress report: the bar, and bytes read or rows checked. */
const progressPatch = (pr: ReadProgress): Partial<JobView> => ({
  phase: pr.phase,
  percent: overallPercent(pr),
  ...(pr.phase === 'read' ? { bytesRead: pr.done, bytesTotal: pr.total } : {}),
  ...(pr.phase === 'receive' ? { recordsDone: pr.done, recordsTotal: pr.total } : {}),
  ...(pr.phase === 'validate' && 'rows' in pr && pr.rows !== undefined
    ? { rowsDone: pr.rows, ...(pr.rowsTotal !== undefined ? { rowsTotal: pr.rowsTotal } : {}) }
    : {}),
});

/**
 * The progress line of a file being saved: shown from planning to the end of the commit (a
 * ledger of a million rows takes minutes), without a cancel button: a commit is one transaction
 * that either lands whole or not at all.
 */
function showSaving(core: Core, key: number, fileName: string): (p: SaveProgress) => void {
  const line: JobView = { key, fileName, phase: 'save', percent: 0, state: 'running' };
  set(core, (s) => ({ jobs: [...s.jobs.filter((j) => j.key !== key), line] }));
  return (p) =>
    patchJob(core, key, { percent: p.total > 0 ? Math.round((100 * p.done) / p.total) : 0, save: p });
}

/** Runs the worker on the file, with a progress bar under `key`. */
async function read(
  core: Core,
  key: number,
  fileName: string,
  file: Blob,
  knownTownships: readonly Township[],
  onIngested?: OnIngested,
): Promise<IngestOutcome> {
  const job = core.options.runner.ingest(
    { fileName, file, knownTownships },
    (pr) => patchJob(core, key, progressPatch(pr)),
    onIngested,
  );
  core.handles.set(key, job);
  const outcome = await job.promise;
  core.handles.delete(key);
  return outcome;
}

/** The list names are checked against, and where it comes from. */
function districtList(options: ImportControllerOptions): {
  known: readonly Township[];
  source: TownshipListSource;
} {
  const p = options.planning ?? null;
  if (!p) {
    const held = districtTownships(options.store.getSnapshot());
    return { known: held.townships, source: held.source };
  }
  const known = p.knownTownships;
  return { known, source: p.townshipSource ?? (known.length > 0 ? 'held' : 'none') };
}

/**
 * What the store fingerprints (duplicate-file check): the SHA-256 the worker computed of the
 * file's bytes (a large file is never copied to the page for it); the bytes themselves when the
 * worker could not hash (no `crypto.subtle`), and for a corrected report the bytes plus the
 * clerk's corrections, so importing the same file again uncorrected is not taken for the
 * corrected one.
 */
async function fingerprintOf(result: FileIngestResult, body: FileBody): Promise<Fingerprint> {
  const corrected = (result.report?.corrections ?? []).length > 0;
  if (!corrected && body.sha256) return { sha256: body.sha256 };
  return fingerprintBytes(result, new Uint8Array(await body.blob.arrayBuffer()));
}

function fingerprintBytes(result: FileIngestResult, bytes: Uint8Array): Uint8Array {
  const corrections = result.report?.corrections ?? [];
  if (corrections.length === 0) return bytes;
  const extra = new TextEncoder().encode(`\u0000corrections:${JSON.stringify(corrections)}`);
  const out = new Uint8Array(bytes.length + extra.length);
  out.set(bytes);
  out.set(extra, bytes.length);
  return out;
}

/** A result that came from the report path (read or rejected by it). */
const isReportResult = (r: FileIngestResult): boolean =>
  r.report !== undefined ||
  r.issues.some((i) => i.code.startsWith('ingest.report_') || i.code === 'reportui.not_a_report');

/** The report's values as the form holds them: as read, with the corrections applied. */
export function reportValues(r: FileIngestResult): ReportValues {
  const rep = r.report;
  if (!rep) return {};
  const out: Record<string, string | number | null> = { ...rep.extracted };
  for (const c of rep.corrections) out[c.field] = c.to;
  return out;
}

const todayOf = (options: ImportControllerOptions): string => options.today?.() ?? options.now().slice(0, 10);

/** The report shown while `key`'s records are handed over, taken out of `receiving`. */
function takeReceiving(core: Core, key: number): SavingReport | undefined {
  const slot = core.receiving.get(key);
  core.receiving.delete(key);
  return slot;
}

/**
 * Whether a file's report can show as soon as the worker has ingested it, while its records are
 * still handed over (seconds for a million-row ledger): only a file that goes straight on to be
 * saved, not one that waits for township decisions or a report review, or is not stored at all.
 */
const savesStraightAway = (core: Core, head: FileIngestResult): boolean =>
  (core.options.planning ?? null) !== null &&
  head.status === 'ok' &&
  head.counts.accepted > 0 &&
  !isReportResult(head) &&
  collectUnknownTownships(head).length === 0;

/** Reads one chosen file; a report waits in the status list, other files go on to be stored. */
async function importOne(core: Core, file: ImportFile, key: number) {
  try {
    await readAndStore(core, file, key);
  } finally {
    // A read that ended without a save (cancelled, failed) takes its early report away.
    const early = takeReceiving(core, key);
    if (early) set(core, (s) => ({ saving: s.saving.filter((x) => x !== early) }));
  }
}

async function readAndStore(core: Core, file: ImportFile, key: number) {
  // Kept for a second read after township decisions and for the store's fingerprint.
  const blob = await blobOf(file);
  const { known } = districtList(core.options);
  const now = core.options.now;
  // Named when the file is read: at the early report, or after the records.
  let named: string | null = null;
  const idOf = () => (named ??= `${now()}#${key}`);
  const outcome = await read(core, key, file.name, blob, known, (head) => {
    if (!savesStraightAway(core, head)) return;
    const early: SavingReport = { entry: { id: idOf(), result: head, importedAt: now() }, batchId: null };
    core.receiving.set(key, early);
    set(core, (s) => ({ saving: [early, ...s.saving] }));
  });
  if (outcome.status !== 'done') return endJob(core, key, outcome);
  const result = outcome.result;
  const body: FileBody = { blob, sha256: outcome.sha256 ?? null };
  const entry: ImportEntry = {
    id: idOf(),
    result,
    importedAt: core.receiving.get(key)?.entry.importedAt ?? now(),
  };
  dropJob(core, key);
  if (isReportResult(result)) {
    const state: PendingReport['state'] =
      result.status === 'rejected' || !result.report ? 'rejected' : result.report.status;
    set(core, (s) => ({ reports: [...s.reports, { key, entry, body, state }] }));
    if (state === 'rejected') keepForSession(core, entry);
    return;
  }
  await afterRead(core, key, entry, body);
}

/** A read file: names outside the district list wait for decisions, else it is stored. */
async function afterRead(core: Core, key: number, entry: ImportEntry, body: FileBody) {
  const { known, source } = districtList(core.options);
  const result = entry.result;
  const unknown = collectUnknownTownships(result);
  if (unknown.length > 0) {
    // Names outside the district list: nothing is saved until the user decides.
    set(core, (s) => ({ pendingNames: [...s.pendingNames, { key, entry, body, known, source, unknown }] }));
    return;
  }
  if (known.length === 0 && hasRecords(result))
    note(core, key, result.file, { key: 'dashboard.import.towns.unchecked', params: { file: result.file } });
  await save(core, key, entry, body, []);
}

/**
 * Reads a waiting file again with the mapped names as aliases and the new townships added
 * (ingest recounts every record), then stores it. Rejected names keep their records rejected,
 * with their reason, in the report.
 */
async function decideNames(core: Core, key: number, decisions: ReadonlyMap<string, TownshipDecision>) {
  const pending = core.snapshot.pendingNames.find((x) => x.key === key);
  if (!pending) return;
  const { townships, added } = applyTownshipDecisions(pending.known, pending.unknown, decisions);
  const changed = [...decisions.values()].some((d) => d.kind !== 'reject');
  let entry = pending.entry;
  const file = entry.result.file;
  const done = () =>
    set(core, (s) => ({ deciding: false, pendingNames: s.pendingNames.filter((x) => x.key !== key) }));
  set(core, () => ({ deciding: true }));
  if (changed) {
    set(core, (s) => ({ jobs: [...s.jobs, queuedJob(key, file)] }));
    const outcome = await read(core, key, file, pending.body.blob, townships);
    if (outcome.status !== 'done') {
      done();
      endJob(core, key, outcome);
      keepForSession(core, entry);
      return;
    }
    dropJob(core, key);
    let next = outcome.result;
    // A corrected report keeps the clerk's values when read again with the new names.
    if (entry.result.report && entry.result.report.corrections.length > 0 && next.report) {
      const { correctReport } = await import('../../ingest/report/ingest-report');
      next = correctReport(next, reportValues(entry.result), {
        fileName: file,
        knownTownships: townships,
        today: todayOf(core.options),
      });
    }
    entry = { ...entry, result: next };
  }
  done();
  await save(core, key, entry, pending.body, added);
}

/** Commits a reviewed plan; a plan gone stale meanwhile is reported and planned again for review. */
async function confirmReview(core: Core, key: number, decisions: ReadonlyMap<string, ConflictDecision>) {
  const p = core.options.planning ?? null;
  const review = core.snapshot.reviews.find((r) => r.key === key);
  if (!p || !review) return;
  set(core, () => ({ committing: true }));
  const onProgress = showSaving(core, key, review.plan.result.file);
  const outcome = await p.store
    .commitImport(review.plan, decisions, { onProgress })
    .finally(() => dropJob(core, key));
  set(core, (s) => ({ committing: false, reviews: s.reviews.filter((r) => r.key !== key) }));
  if (outcome.kind === 'stale') {
    // Another tab changed these records after the diff was shown: show the new diff.
    report(core, p, key, review.entry, outcome, false);
    const plan = await p.store.prepareImport(review.plan.result, review.print, review.plan.source, {
      addTownships: review.plan.addTownships ?? [],
    });
    set(core, (s) => ({ reviews: [...s.reviews, { ...review, plan }] }));
    return;
  }
  report(core, p, key, review.entry, outcome);
}

const patchReport = (core: Core, key: number, patch: Partial<PendingReport>) =>
  set(core, (s) => ({ reports: s.reports.map((r) => (r.key === key ? { ...r, ...patch } : r)) }));

/** Re-validates a report with the clerk's values (the same pipeline, on the main thread: one row). */
async function confirmReport(core: Core, key: number, values: ReportValues) {
  const pending = core.snapshot.reports.find((r) => r.key === key);
  if (!pending?.entry.result.report) return;
  const { correctReport } = await import('../../ingest/report/ingest-report');
  const result = correctReport(pending.entry.result, values, {
    fileName: pending.entry.result.file,
    knownTownships: districtList(core.options).known,
    today: todayOf(core.options),
  });
  const confirmed = result.report?.confirmed === true;
  patchReport(core, key, {
    entry: { ...pending.entry, result },
    state: confirmed ? 'confirmed' : 'needs_review',
  });
  if (confirmed) set(core, () => ({ reviewing: null }));
}

/**
 * Saves the ready and confirmed reports, each as its own batch (like a file of one row), one after
 * the other. A report is `saving` until its own commit returns: only then `saved`, or `waiting`
 * when it went on to a township decision or a resubmission diff (shown below the list), so the
 * list never says 已保存 for a report that is not in the store yet.
 */
async function saveReports(core: Core) {
  const toSave = core.snapshot.reports.filter((r) => r.state === 'ready' || r.state === 'confirmed');
  for (const r of toSave) patchReport(core, r.key, { state: 'saving' });
  for (const r of toSave) {
    await afterRead(core, r.key, r.entry, r.body);
    const s = core.snapshot;
    const held = s.pendingNames.some((x) => x.key === r.key) || s.reviews.some((x) => x.key === r.key);
    patchReport(core, r.key, { state: held ? 'waiting' : 'saved' });
  }
}

/** Creates the import workflow for the panel's first props; nothing runs until a method is called. */
export function createImportController(initial: ImportControllerOptions): ImportController {
  const core: Core = {
    options: initial,
    snapshot: EMPTY,
    nextKey: 1,
    handles: new Map(),
    receiving: new Map(),
    listeners: new Set(),
  };
  return {
    getSnapshot: () => core.snapshot,
    subscribe(listener) {
      core.listeners.add(listener);
      return () => core.listeners.delete(listener);
    },
    setOptions(next) {
      core.options = next;
    },
    async importFiles(files) {
      if (files.length === 0) return;
      const batch = files.map((file) => ({ file, key: core.nextKey++ }));
      set(core, (s) => ({
        // Finished failures from an earlier batch make way for the new one.
        jobs: [
          ...s.jobs.filter((j) => j.state === 'running'),
          ...batch.map((b) => queuedJob(b.key, b.file.name)),
        ],
      }));
      await Promise.all(batch.map(({ file, key }) => importOne(core, file, key)));
    },
    cancelJob(key) {
      core.handles.get(key)?.cancel();
    },
    decideNames: (key, decisions) => decideNames(core, key, decisions),
    cancelNames(key) {
      const pending = core.snapshot.pendingNames.find((x) => x.key === key);
      if (!pending) return;
      set(core, (s) => ({ pendingNames: s.pendingNames.filter((x) => x.key !== key) }));
      const file = pending.entry.result.file;
      note(core, key, file, { key: 'dashboard.import.towns.cancelled', params: { file } });
      keepForSession(core, pending.entry);
    },
    confirmReview: (key, decisions) => confirmReview(core, key, decisions),
    cancelReview(key) {
      const review = core.snapshot.reviews.find((r) => r.key === key);
      if (!core.options.planning || !review) return;
      set(core, (s) => ({ reviews: s.reviews.filter((r) => r.key !== key) }));
      const file = review.plan.result.file;
      note(core, key, file, { key: 'store.import.cancelled_review', params: { file } });
      keepForSession(core, review.entry);
    },
    dismissOutcomes() {
      set(core, () => ({ outcomes: [] }));
    },
    async importText(text, name) {
      const bytes = new TextEncoder().encode(text);
      await this.importFiles([{ name, arrayBuffer: async () => bytes.slice().buffer }]);
    },
    openReport(key) {
      set(core, () => ({ reviewing: key }));
    },
    confirmReport: (key, values) => confirmReport(core, key, values),
    discardReport(key) {
      set(core, (s) => ({
        reports: s.reports.filter((r) => r.key !== key),
        reviewing: s.reviewing === key ? null : s.reviewing,
      }));
    },
    saveReports: () => saveReports(core),
  };
}
