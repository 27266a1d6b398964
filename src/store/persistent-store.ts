/**
 * The IndexedDB-backed store (issue 6). Implements the shared DataStore surface over a Dataset
 * derived from committed records, plus import plans with conflict decisions, history, revisions,
 * settings and backup. Every write is one readwrite transaction; the conflict check is repeated
 * inside it, and imports are serialised across tabs with Web Locks where available.
 */
import type { DexieOptions } from 'dexie';
import { EMPTY_DATASET, type Dataset, type Township } from '../domain/records';
import type { Result } from '../domain/result';
import { err, ok } from '../domain/result';
import type { FileIngestResult } from '../ingest/types';
import { emptyFileResult } from '../ingest/file-result';
import type { BackupCounts, BackupFile } from './backup';
import { prepareLedgerTally, primeLedgerTally, type HazardTallyRow } from '../analysis/hazard-tally';
import { deriveDataset } from './derive';
import { ALL_TABLES, DB_NAME, type RevisionRowStored, TsdDatabase } from './db';
import { sha256Hex } from './hash';
import { buildDraftsInSlices, classifyDrafts, withBatch } from './import-plan';
import type { ValidationIssue } from './json-guard';
import type {
  BatchRow,
  BatchSource,
  CommitOutcome,
  Conflict,
  ConflictDecision,
  ImportPlan,
  ImportStepOptions,
  PersistentSnapshot,
  RevisionRow,
  Settings,
  StorageMode,
  StoredKind,
  StoredRecord,
  StoredRecordDraft,
  WriteFailureReason,
} from './persist-types';
import { stableStringify } from './record-keys';
import { BLOCK_SIZE, type BlockKeysRow, type BlockRow, type DerivableRecords } from './record-blocks';
import { readAllDerivable, readAllStored } from './stored-records';
import type * as Lookup from './stored-lookup';
import { DEFAULT_SETTINGS, validateSettings } from './settings';
import {
  defaultStorageManager,
  readStorageFacts,
  requestPersistence,
  type StorageManagerLike,
} from './storage-status';
import type { PersistentApi, RemoveOutcome } from './persistent-api';
import type { DataStore, ImportEntry } from './types';

/**
 * The block encoder (record-blocks-encode.ts), loaded the first time something is written: a
 * reload only decodes, and the entry chunk has a size budget (issue 13, target 5).
 */
const loadEncoder = () => import('./record-blocks-encode');

/**
 * Finding stored records by key (stored-lookup.ts), for planning and writing; a reload does not
 * need it. Requested as the store opens, so it is there before the first plan.
 */
let lookupModule: Promise<typeof Lookup> | null = null;
const loadLookup = () => (lookupModule ??= import('./stored-lookup'));

/** The BroadcastChannel name other tabs listen on. */
export const DATA_CHANNEL = 'tsd-data';
const LOCK_NAME = 'tsd-import';
const KV_SETTINGS = 'settings';
const KV_PROBLEM_EDITS = 'problemCategoryEdits';
const KV_SAMPLE_LOADED = 'sampleLoaded';

/** The part of LockManager used; injectable for tests. */
export interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

export interface PersistentStoreOptions {
  readonly dbName?: string;
  readonly dexieOptions?: DexieOptions;
  /** ISO timestamp source; tests pass a fixed clock. */
  readonly now?: () => string;
  /** Id source for batches and revisions; tests pass a counter. */
  readonly newId?: () => string;
  /** BroadcastChannel name, or null to disable cross-tab messages. */
  readonly channelName?: string | null;
  /** navigator.storage or a stand-in; null when unavailable. */
  readonly storage?: StorageManagerLike | null;
  /** navigator.locks or a stand-in; null to run without cross-tab locking. */
  readonly locks?: LockManagerLike | null;
  /** Records per read / write step (tests pass small ones to cross chunk edges); see CHUNKS. */
  readonly chunks?: Partial<Chunks>;
  /** Resolves once the page has drawn what was just shown (see afterNextPaint); tests pass their own. */
  readonly afterPaint?: () => Promise<void>;
}

/**
 * Resolves once what was just rendered is on screen: after the frame that draws it (charts draw
 * in their own animation frame callback) and the one after, or after `limit` ms at the latest: a
 * hidden tab draws no frames, and its save must not wait for one. Without animation frames
 * (tests, workers) it resolves after one task.
 */
export function afterNextPaint(limit = 1000): Promise<void> {
  const raf = (globalThis as { requestAnimationFrame?: (cb: () => void) => number }).requestAnimationFrame;
  return new Promise((resolve) => {
    if (typeof raf !== 'function') {
      setTimeout(resolve, 0);
      return;
    }
    raf(() => raf(() => setTimeout(resolve, 0)));
    setTimeout(resolve, limit);
  });
}

/**
 * How many records one step of an import or a reload handles. IndexedDB clones every row on the
 * page's thread; a 100k-row ledger written with one bulkAdd froze the page for 6.5 s (issue 13).
 * Each step is awaited on its own, so the browser draws between steps, and the steps of a commit
 * stay in one transaction (Dexie keeps it alive across awaited operations; a timer would end
 * it), so a failure in any step still rolls back the whole import (docs/architecture.md, "Data
 * flow in the browser", step 3). Sizes keep one step well under 100 ms on a slow laptop.
 */
interface Chunks {
  /** Drafts keyed between pauses before the transaction (plain JS, no IndexedDB). */
  readonly plan: number;
  /** Ids per bulkGet, rows per page of a reload. */
  readonly read: number;
  /** Records per write step (whole blocks, at least one). */
  readonly write: number;
  /** Records per block (record-blocks.ts). */
  readonly block: number;
  /**
   * Hazards in blocks from which a reload counts the ledger tally on the blocks' codes
   * (block-tally.ts, loaded then). Below it, tallying the records takes a few milliseconds, and a
   * start with the sample loads nothing more (the entry chunk's budget, issue 13 target 5).
   */
  readonly codesTally: number;
}

// Measured at 1M rows in Chromium: 20,000 drafts per slice took ~140 ms, and a step of five
// blocks (encode and clone) up to ~250 ms, so both are smaller.
const CHUNKS: Chunks = { plan: 5_000, read: 2_000, write: 4_000, block: BLOCK_SIZE, codesTally: 20_000 };

/** A macrotask: lets the page draw. Only outside a transaction (a timer would commit it). */
const pauseTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** `items` in consecutive slices of `size`. */
function* slices<T>(items: readonly T[], size: number): Generator<readonly T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

export type { RemoveOutcome } from './persistent-api';

class StaleError extends Error {
  constructor() {
    super('stale plan');
    this.name = 'StaleError';
  }
}

function defaultNewId(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  // Insecure contexts lack randomUUID; getRandomValues is available everywhere we run.
  const b = new Uint8Array(16);
  c.getRandomValues(b);
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

function defaultLocks(): LockManagerLike | null {
  const nav = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator;
  return nav?.locks ?? null;
}

/** Maps an IndexedDB/Dexie error to what the user can do about it. */
export function classifyWriteError(e: unknown): WriteFailureReason {
  const names: string[] = [];
  let cur: unknown = e;
  for (let i = 0; i < 4 && cur && typeof cur === 'object'; i++) {
    const name = (cur as { name?: unknown }).name;
    if (typeof name === 'string') names.push(name);
    cur = (cur as { inner?: unknown }).inner;
  }
  if (names.includes('QuotaExceededError')) return 'quota';
  if (names.includes('VersionChangeError') || names.includes('VersionError')) return 'version';
  if (names.includes('DatabaseClosedError') || names.includes('InvalidStateError')) return 'closed';
  return 'unknown';
}

const stripRecords = (result: FileIngestResult): FileIngestResult => ({
  ...result,
  townshipMonths: [],
  hazards: [],
  problems: [],
});

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/**
 * A first-run sample on screen while its save is in flight (loadSampleIfEmpty): the dataset its
 * plan's records derive to, the same derivation a reload makes of them once stored.
 */
interface PendingSample {
  readonly batchId: string;
  readonly records: number;
  readonly dataset: Dataset;
  /** The township list the sample declares (PersistentSnapshot.savingTownships). */
  readonly townships: readonly Township[];
  /** The settings it was derived with (stableStringify): other settings derive otherwise. */
  readonly settings: string;
  /** What was shown before, for a failed save when the database cannot be re-read. */
  readonly before: Dataset;
  /** Set by the reload that found exactly these records stored. */
  saved: boolean;
}

/** True when some draft is of a kind that has stored records (its key may exist). */
const needsLookUp = (drafts: readonly StoredRecordDraft[], stored: ReadonlySet<StoredKind>): boolean =>
  drafts.some((d) => stored.has(d.kind));

export class PersistentStore implements DataStore, PersistentApi {
  readonly db: TsdDatabase;
  private readonly now: () => string;
  private readonly newId: () => string;
  private readonly storageApi: StorageManagerLike | null;
  private readonly locks: LockManagerLike | null;
  private readonly channel: BroadcastChannel | null;
  private readonly listeners = new Set<() => void>();
  private snapshot: PersistentSnapshot;
  private mode: StorageMode = 'persistent';
  private persistAsked = false;
  private reloads = 0;
  private latestReload: Promise<void> = Promise.resolve();
  private readonly chunks: Chunks;
  private pending: PendingSample | null = null;
  private readonly afterPaint: () => Promise<void>;

  private constructor(options: PersistentStoreOptions) {
    this.chunks = { ...CHUNKS, ...options.chunks };
    this.afterPaint = options.afterPaint ?? afterNextPaint;
    this.db = new TsdDatabase(options.dbName ?? DB_NAME, options.dexieOptions);
    this.now = options.now ?? (() => new Date().toISOString());
    this.newId = options.newId ?? defaultNewId;
    this.storageApi = options.storage === undefined ? defaultStorageManager() : options.storage;
    this.locks = options.locks === undefined ? defaultLocks() : options.locks;
    const channelName = options.channelName === undefined ? DATA_CHANNEL : options.channelName;
    this.channel =
      channelName !== null && typeof BroadcastChannel !== 'undefined'
        ? new BroadcastChannel(channelName)
        : null;
    this.snapshot = {
      dataset: EMPTY_DATASET,
      imports: [],
      version: 0,
      batches: [],
      revisionCount: 0,
      settings: DEFAULT_SETTINGS,
      storage: { mode: 'persistent', persisted: null, usageBytes: null, quotaBytes: null },
    };
  }

  /**
   * Opens the database and loads the first snapshot. Rejects when IndexedDB cannot be opened
   * (private mode, disabled storage): callers fall back to the memory store (see openDataStore).
   */
  static async open(options: PersistentStoreOptions = {}): Promise<PersistentStore> {
    const store = new PersistentStore(options);
    store.db.on('versionchange', () => {
      // A newer version of the app opened the database in another tab: let it upgrade.
      store.db.close();
      store.setMode('version-changed');
      return false;
    });
    store.db.on('blocked', () => store.setMode('blocked'));
    await store.db.open();
    // A failed load is asked again by the first plan, which then reports it.
    loadLookup().catch(() => {
      lookupModule = null;
    });
    if (store.mode === 'blocked') store.mode = 'persistent';
    if (store.channel) {
      store.channel.onmessage = () => {
        void store.reload();
      };
    }
    await store.reload();
    return store;
  }

  // ── DataStore surface ────────────────────────────────────────────────────────────────────────

  getSnapshot = (): PersistentSnapshot => this.snapshot;

  /** This store is the persistent one (DataStore.persistent, src/store/types.ts). */
  get persistent(): PersistentApi {
    return this;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Imports each entry; conflicting records keep their stored value (never a silent overwrite). */
  async addImports(entries: readonly ImportEntry[]): Promise<void> {
    for (const entry of entries) {
      const plan = await this.prepareImport(entry.result, null, { kind: 'file', name: entry.result.file });
      await this.commitImport(plan, new Map());
    }
  }

  /** Replaces everything with `dataset` as one batch (e.g. the bundled sample). */
  async reset(dataset: Dataset, imports: readonly ImportEntry[]): Promise<void> {
    await this.db.transaction('rw', [...ALL_TABLES], async () => {
      await Promise.all([
        this.db.batches.clear(),
        this.db.records.clear(),
        this.db.revisions.clear(),
        this.db.blocks.clear(),
        this.db.blockKeys.clear(),
      ]);
    });
    const result = datasetAsResult(dataset, imports[0]?.result.file ?? 'dataset');
    const plan = await this.prepareImport(result, null, { kind: 'sample', name: result.file });
    await this.commitImport(plan, new Map());
  }

  // ── Imports ──────────────────────────────────────────────────────────────────────────────────

  /**
   * Computes what importing `result` would do: the duplicate-file check (by SHA-256 of `bytes`, or
   * the SHA-256 given, or of the records when no bytes exist), new records, identical ones, and conflicts with field
   * diffs. Writes nothing. A rejected result gives an empty plan.
   */
  async prepareImport(
    result: FileIngestResult,
    bytes: Uint8Array | { readonly sha256: string } | null,
    source: BatchSource,
    options: ImportStepOptions = {},
  ): Promise<ImportPlan> {
    // `{ sha256 }`: the file was hashed where it was read (the ingest worker), so a large file's
    // bytes never come to the page just to be fingerprinted.
    const hash =
      bytes !== null && 'sha256' in bytes
        ? bytes.sha256
        : await sha256Hex(
            bytes ??
              utf8(
                stableStringify([
                  result.townshipMonths,
                  result.hazards,
                  result.problems,
                  ...(result.hazardTallies ? [result.hazardTallies] : []),
                ]),
              ),
          );
    const batchId = this.newId();
    const { drafts, duplicateInFile } = await buildDraftsInSlices(result, pauseTask, this.chunks.plan);
    const tables = [this.db.batches, this.db.records, this.db.blocks, this.db.blockKeys];
    // Before the transaction: an await on anything but Dexie inside it would end it.
    const found = await loadLookup();
    return this.db.transaction('r', tables, async () => {
      const dup = await this.db.batches.where('hash').equals(hash).first();
      const stored = await this.kindsToLookUp(found, drafts);
      const lookup = await found.StoredLookup.load(this.db, stored);
      // Nothing of these kinds stored: every draft is new, taken as they are. Without this the
      // loop below ran with no await (nothing to look up), so a city's ledger was classified in
      // one long task.
      const c = {
        newRecords: stored.size === 0 ? drafts : ([] as StoredRecordDraft[]),
        identical: 0,
        conflicts: [] as Conflict[],
      };
      if (stored.size === 0)
        options.onProgress?.({ step: 'prepare', done: drafts.length, total: drafts.length });
      let checked = 0;
      // Otherwise looked up and classified a chunk at a time (see Chunks).
      for (const part of stored.size === 0 ? [] : slices(drafts, this.chunks.read)) {
        // No await when there is nothing to look up (see lookUp).
        const existing = needsLookUp(part, stored)
          ? await this.lookUp(lookup, part, stored)
          : new Array<undefined>(part.length);
        const pc = classifyDrafts(part, existing);
        for (const d of pc.newRecords) c.newRecords.push(d);
        for (const x of pc.conflicts) c.conflicts.push(x);
        c.identical += pc.identical;
        checked += part.length;
        // With nothing of these kinds stored there was nothing to check against.
        const step = stored.size === 0 ? 'prepare' : 'check';
        options.onProgress?.({ step, done: checked, total: drafts.length });
      }
      return {
        batchId,
        source,
        hash,
        result,
        duplicateOf: dup ? { batchId: dup.id, importedAt: dup.importedAt, source: dup.source } : null,
        newRecords: c.newRecords,
        identical: c.identical,
        duplicateInFile,
        conflicts: c.conflicts,
        ...(options.addTownships && options.addTownships.length > 0
          ? { addTownships: options.addTownships }
          : {}),
      };
    });
  }

  /**
   * Commits a plan in one strict readwrite transaction. Conflicts default to 'keep' when no
   * decision is given; 'replace' keeps the old value as a revision. The duplicate and conflict
   * checks run again inside the transaction: if another tab changed the same records meanwhile the
   * outcome is 'stale' and nothing is written. Failures (quota, closed connection) roll back
   * everything and come back as a 'failed' outcome, never as an exception.
   */
  async commitImport(
    plan: ImportPlan,
    decisions: ReadonlyMap<string, ConflictDecision>,
    options: Pick<ImportStepOptions, 'onProgress'> = {},
  ): Promise<CommitOutcome> {
    const onProgress = options.onProgress;
    if (plan.result.status === 'rejected') return { kind: 'rejected' };
    if (plan.duplicateOf)
      return {
        kind: 'duplicate',
        batchId: plan.duplicateOf.batchId,
        importedAt: plan.duplicateOf.importedAt,
      };
    const importedAt = this.now();
    let outcome: CommitOutcome;
    try {
      // Before the transaction: an await on anything but Dexie inside it would end it.
      const [{ blocksOf }, found] = await Promise.all([loadEncoder(), loadLookup()]);
      outcome = await this.withLock(() =>
        this.db.transaction('rw', [...ALL_TABLES], async (): Promise<CommitOutcome> => {
          const dup = await this.db.batches.where('hash').equals(plan.hash).first();
          if (dup) return { kind: 'duplicate', batchId: dup.id, importedAt: dup.importedAt };
          // Re-check, a chunk at a time: a plan's "new" record must still be absent, and a
          // conflict's stored value must still be the one the user compared against.
          // A kind with nothing stored holds none of them: no lookups (a first ledger of a
          // million rows, into a district whose monthly reports are already stored).
          const stored = await this.kindsToLookUp(found, plan.newRecords, plan.conflicts);
          const lookup = await found.StoredLookup.load(this.db, stored);
          const toCheck = stored.size === 0 ? 0 : plan.newRecords.filter((d) => stored.has(d.kind)).length;
          let checked = 0;
          // Skipped whole when nothing is to be checked: its slices alone were a long task at 1M.
          for (const part of toCheck === 0 ? [] : slices(plan.newRecords, this.chunks.read)) {
            if (!needsLookUp(part, stored)) continue; // no await: see lookUp
            const rows = await this.lookUp(lookup, part, stored);
            if (rows.some((row) => row !== undefined)) throw new StaleError();
            checked += part.filter((d) => stored.has(d.kind)).length;
            onProgress?.({ step: 'check', done: checked, total: toCheck });
          }
          const current: (StoredRecord | undefined)[] = [];
          for (const part of slices(plan.conflicts, this.chunks.read)) {
            const rows = await lookup.get(part.map((c) => c.key));
            rows.forEach((row, i) => {
              if (row === undefined || stableStringify(row.record) !== stableStringify(part[i]!.existing))
                throw new StaleError();
              current.push(row);
            });
          }
          const toReplace = plan.conflicts.filter((c) => decisions.get(c.key) === 'replace');
          const kept = plan.conflicts.length - toReplace.length;
          const counts = {
            added: plan.newRecords.length,
            identical: plan.identical,
            replaced: toReplace.length,
            kept,
            duplicateInFile: plan.duplicateInFile,
          };
          if (counts.added + counts.replaced === 0) return { kind: 'nothing-new', identical: plan.identical };
          const last = await this.db.batches.orderBy('seq').last();
          const seq = (last?.seq ?? 0) + 1;
          const batch: BatchRow = {
            id: plan.batchId,
            seq,
            source: plan.source,
            importedAt,
            bytes: plan.result.bytes,
            hash: plan.hash,
            hashAlgorithm: 'sha-256',
            encoding: plan.result.encoding,
            format: plan.result.format,
            district: plan.result.district,
            counts: plan.result.counts,
            outcome: counts,
            issues: plan.result.issues,
            rejectedRows: plan.result.rejectedRows,
            result: stripRecords(plan.result),
          };
          await this.db.batches.add(batch);
          // New records go into blocks, many to a row (docs/decisions/0009): IndexedDB's cost is
          // per row. add() (not put) so an accidental overwrite surfaces as a ConstraintError
          // (docs/input-rules.md H2); the re-check above made sure no key is stored yet.
          // Encoded a few blocks per write step (blocksOf is lazy), so no step is a long task.
          const perWrite = this.blocksPerStep();
          let written = 0;
          let part: BlockRow[] = [];
          let partKeys: BlockKeysRow[] = [];
          const flush = async () => {
            await this.db.blocks.bulkAdd(part);
            await this.db.blockKeys.bulkAdd(partKeys);
            for (const b of part) written += b.count;
            part = [];
            partKeys = [];
            onProgress?.({ step: 'write', done: written, total: plan.newRecords.length });
          };
          for (const { block, keys } of blocksOf(plan.newRecords, plan.batchId, seq, this.chunks.block)) {
            part.push(block);
            partKeys.push(keys);
            if (part.length >= perWrite) await flush();
          }
          if (part.length > 0) await flush();
          let order = await this.nextRevisionOrder();
          const currentById = new Map(current.filter((r): r is StoredRecord => !!r).map((r) => [r.id, r]));
          for (const c of toReplace) {
            const old = currentById.get(c.key)!;
            await this.db.revisions.add(this.revisionOf(old, plan.batchId, importedAt, order++));
          }
          const ordinals = new Map(plan.conflicts.map((c, i) => [c.key, plan.newRecords.length + i]));
          // Replacements stay one row each: they override a block's copy and have revisions.
          if (toReplace.length > 0)
            await this.db.records.bulkPut(
              toReplace.map((c) => ({
                id: c.key,
                kind: c.kind,
                batchId: plan.batchId,
                batchSeq: seq,
                ordinal: ordinals.get(c.key)!,
                record: withBatch(c.incoming, plan.batchId),
              })),
            );
          if (plan.addTownships) await this.appendTownships(plan.addTownships);
          return { kind: 'committed', batchId: plan.batchId, counts };
        }),
      );
    } catch (e) {
      if (e instanceof StaleError || (e as { inner?: unknown })?.inner instanceof StaleError)
        return { kind: 'stale' };
      return {
        kind: 'failed',
        reason: classifyWriteError(e),
        detail: e instanceof Error ? `${e.name}: ${e.message}` : String(e),
      };
    }
    if (outcome.kind === 'committed') await this.afterWrite(true);
    return outcome;
  }

  /**
   * The kinds among `drafts` of which at least one record is stored (inside the caller's
   * transaction): one probe per kind. On a first run (the sample), or a district's first ledger,
   * every key of a kind is new, and looking up thousands of absent keys costs the page seconds of
   * main-thread work (5 s for 100k hazards, measured in Chromium), so `lookUp` skips them.
   */
  private async kindsToLookUp(
    found: typeof Lookup,
    ...lists: readonly (readonly { readonly kind: StoredKind }[])[]
  ): Promise<ReadonlySet<StoredKind>> {
    const stored = await found.storedKinds(this.db);
    // Looks for each stored kind (at most four) rather than collecting every draft's kind: a Set
    // add per draft was a long task on a million.
    return new Set([...stored].filter((k) => lists.some((list) => list.some((d) => d.kind === k))));
  }

  /**
   * The stored records for `drafts`' ids, looked up only for kinds that have any stored. Callers
   * check `needsLookUp` first and do not await at all when it is false: inside a transaction, a
   * long run of awaits with no IndexedDB request behind them lets the transaction commit early
   * (Dexie's PrematureCommitError; a 1M-row first ledger failed to save that way).
   */
  private async lookUp(
    lookup: Lookup.StoredLookup,
    drafts: readonly StoredRecordDraft[],
    stored: ReadonlySet<StoredKind>,
  ): Promise<(StoredRecord | undefined)[]> {
    const out: (StoredRecord | undefined)[] = new Array<StoredRecord | undefined>(drafts.length);
    const at: number[] = [];
    drafts.forEach((d, i) => {
      if (stored.has(d.kind)) at.push(i);
    });
    if (at.length === 0) return out;
    const rows = await lookup.get(at.map((i) => drafts[i]!.id));
    at.forEach((i, j) => {
      out[i] = rows[j];
    });
    return out;
  }

  /**
   * Imports the bundled sample as its own batch on the very first run only (no batches and the
   * sample never loaded before). Returns null when it was not needed.
   *
   * The sample is on screen as soon as it is planned, before the strict-durability commit and the
   * re-read (issue 13: first chart < 1 s): the snapshot's dataset is derived from the plan's
   * records exactly as a reload derives them once stored, and the reload after the commit keeps
   * that very object when the store holds exactly those records, so the views never redraw for
   * the save. The history (batches, imports) still lists only what is stored. A save that does
   * not commit (storage full, another tab first) puts back what is stored and returns its
   * outcome as before, so the failure is reported as it always was.
   */
  async loadSampleIfEmpty(
    load: () => Promise<{ result: FileIngestResult; bytes: Uint8Array }>,
  ): Promise<CommitOutcome | null> {
    const [count, marker] = await Promise.all([this.db.batches.count(), this.db.kv.get(KV_SAMPLE_LOADED)]);
    if (count > 0 || marker) {
      // Another tab may have saved the sample after this tab's first read (its own tab shows the
      // sample before the save lands): show what is stored before saying the start is done, so
      // this tab is never "ready" on an empty snapshot while the other tab's message is on its way.
      if (this.snapshot.batches.length !== count) await this.reload();
      return null;
    }
    const { result, bytes } = await load();
    const plan = await this.prepareImport(result, bytes, { kind: 'sample', name: result.file });
    const shown = this.showPending(plan);
    try {
      // The write clones every record on the page's thread: let the page draw the sample first.
      if (shown) await this.afterPaint();
      const outcome = await this.commitImport(plan, new Map());
      if (outcome.kind === 'committed') await this.db.kv.put({ key: KV_SAMPLE_LOADED, value: true });
      // Another tab saved it (or other data) while this one was loading: show what it stored.
      else if (outcome.kind === 'duplicate' || outcome.kind === 'stale' || outcome.kind === 'nothing-new')
        await this.reload();
      return outcome;
    } finally {
      await this.settlePending();
    }
  }

  /** Shows a first-run plan that will add every record it holds (see loadSampleIfEmpty). */
  private showPending(plan: ImportPlan): boolean {
    const adds =
      plan.result.status !== 'rejected' &&
      !plan.duplicateOf &&
      plan.conflicts.length === 0 &&
      plan.newRecords.length > 0;
    if (!adds || this.snapshot.batches.length > 0) return false;
    // On an empty store the commit writes the batch with seq 1 and these records, nothing else.
    const records = plan.newRecords.map((d) => ({
      ...d,
      record: withBatch(d.record, plan.batchId),
      batchId: plan.batchId,
      batchSeq: 1,
    }));
    const settings = this.snapshot.settings;
    const dataset = deriveDataset(records, [{ seq: 1, district: plan.result.district }], settings);
    this.pending = {
      batchId: plan.batchId,
      records: records.length,
      dataset,
      townships: plan.result.townships,
      settings: stableStringify(settings),
      before: this.snapshot.dataset,
      saved: false,
    };
    this.snapshot = {
      ...this.snapshot,
      dataset,
      savingTownships: plan.result.townships,
      version: this.snapshot.version + 1,
    };
    this.emit();
    return true;
  }

  /**
   * The dataset a reload shows while a sample is pending: the pending one while its save is in
   * flight, and the same object once exactly its records are stored; null to derive afresh.
   */
  private pendingDataset(
    stored: DerivableRecords,
    batches: readonly BatchRow[],
    settings: Settings,
  ): Dataset | null {
    const p = this.pending;
    if (!p) return null;
    if (!batches.some((b) => b.id === p.batchId)) return p.dataset;
    const count = stored.rows.length + stored.runs.reduce((n, r) => n + r.records.length, 0);
    const same =
      batches.length === 1 &&
      count === p.records &&
      stored.rows.every((r) => r.batchId === p.batchId) &&
      stored.runs.every((r) => r.batchId === p.batchId) &&
      stableStringify(settings) === p.settings;
    if (!same) return null;
    p.saved = true;
    return p.dataset;
  }

  /** Ends a pending sample: unless its records were found stored, shows what is stored. */
  private async settlePending(): Promise<void> {
    const p = this.pending;
    this.pending = null;
    if (!p || p.saved || this.snapshot.dataset !== p.dataset) return;
    try {
      await this.reload();
    } catch {
      // The database cannot be read (closed by an upgrade elsewhere): fall back below.
    }
    if (this.snapshot.dataset !== p.dataset) return;
    const { savingTownships: _saving, ...rest } = this.snapshot;
    this.snapshot = { ...rest, dataset: p.before, version: this.snapshot.version + 1 };
    this.emit();
  }

  // ── History and revisions ────────────────────────────────────────────────────────────────────

  /** One batch by id, or undefined. */
  getBatch(id: string): Promise<BatchRow | undefined> {
    return this.db.batches.get(id);
  }

  /**
   * Removes a batch and its records. Where the batch had replaced an older value, that value comes
   * back from its revision; revisions holding values of the removed batch go too. Unknown id → zeros.
   */
  async removeBatch(batchId: string): Promise<RemoveOutcome> {
    const outcome = await this.db.transaction('rw', [...ALL_TABLES], async () => {
      const rows = await this.db.records.where('batchId').equals(batchId).toArray();
      const keys = await this.db.blockKeys.where('batchId').equals(batchId).toArray();
      // A block's record is this batch's current value unless a row (of any batch) overrides it.
      const rowIds = keys.length > 0 ? new Set(await this.db.records.toCollection().primaryKeys()) : null;
      const removedIds = rows.map((r) => r.id);
      for (const k of keys) for (const id of k.ids) if (!rowIds?.has(id)) removedIds.push(id);
      await this.db.revisions.where('batchId').equals(batchId).delete();
      await this.db.records.bulkDelete(rows.map((r) => r.id));
      await this.db.blocks.where('batchId').equals(batchId).delete();
      await this.db.blockKeys.where('batchId').equals(batchId).delete();
      // Where an older value was replaced by this batch, the latest revision comes back.
      const latest = new Map<string, RevisionRowStored>();
      for (const rev of await this.db.revisions.toArray()) {
        const seen = latest.get(rev.recordId);
        if (!seen || rev.order > seen.order) latest.set(rev.recordId, rev);
      }
      let restored = 0;
      for (const id of removedIds) {
        const rev = latest.get(id);
        if (!rev) continue;
        await this.db.records.put(this.recordOf(rev));
        await this.db.revisions.delete(rev.id);
        restored++;
      }
      await this.db.batches.delete(batchId);
      return { removed: removedIds.length, restoredFromRevisions: restored };
    });
    await this.afterWrite(false);
    return outcome;
  }

  /** Revisions, newest first; only those of one record when `recordId` is given. */
  async listRevisions(recordId?: string): Promise<RevisionRow[]> {
    const rows = recordId
      ? await this.db.revisions.where('recordId').equals(recordId).toArray()
      : await this.db.revisions.toArray();
    return rows.sort((a, b) => b.order - a.order).map(({ order: _order, ...rest }) => rest);
  }

  /**
   * Brings a revision's value back as the current record; the value it displaces becomes a
   * revision itself, so restoring is reversible. Unknown id → false.
   */
  async restoreRevision(revisionId: string): Promise<boolean> {
    const at = this.now();
    const found = await loadLookup();
    const done = await this.db.transaction('rw', [...ALL_TABLES], async () => {
      const rev = await this.db.revisions.get(revisionId);
      if (!rev) return false;
      const lookup = await found.StoredLookup.load(this.db, new Set([rev.kind]));
      const [current] = await lookup.get([rev.recordId]);
      if (current)
        await this.db.revisions.add(this.revisionOf(current, 'restore', at, await this.nextRevisionOrder()));
      await this.db.records.put(this.recordOf(rev));
      await this.db.revisions.delete(rev.id);
      return true;
    });
    if (done) await this.afterWrite(false);
    return done;
  }

  // ── Settings ─────────────────────────────────────────────────────────────────────────────────

  /**
   * Appends townships to a saved settings list (inside the caller's transaction). Without a saved
   * list the district's list is the townships held as data, which the new records already extend.
   */
  private async appendTownships(townships: readonly Township[]): Promise<void> {
    const row = await this.db.kv.get(KV_SETTINGS);
    const settings = (row?.value as Settings | undefined) ?? DEFAULT_SETTINGS;
    if (settings.townships.length === 0) return;
    const have = new Set(settings.townships.map((t) => t.name));
    const extra = townships.filter((t) => !have.has(t.name));
    if (extra.length === 0) return;
    await this.db.kv.put({
      key: KV_SETTINGS,
      value: { ...settings, townships: [...settings.townships, ...extra] },
    });
  }

  /** Validates and saves settings; invalid settings are not saved and come back as issues. */
  async saveSettings(value: unknown): Promise<Result<Settings, ValidationIssue[]>> {
    const checked = validateSettings(value);
    if (!checked.ok) return checked;
    await this.db.kv.put({ key: KV_SETTINGS, value: checked.value });
    await this.afterWrite(false);
    return checked;
  }

  /** The opaque problem-category edits owned by the problems feature, or null when none saved. */
  async getProblemCategoryEdits(): Promise<unknown> {
    return (await this.db.kv.get(KV_PROBLEM_EDITS))?.value ?? null;
  }

  /** Saves the problem-category edits as-is (must be structured-cloneable JSON). */
  async setProblemCategoryEdits(value: unknown): Promise<void> {
    await this.db.kv.put({ key: KV_PROBLEM_EDITS, value });
    await this.afterWrite(false);
  }

  // ── Backup ───────────────────────────────────────────────────────────────────────────────────

  /** The whole database as one JSON backup file (see backup.ts for the format). */
  async exportBackup(): Promise<string> {
    // The backup code (and the message areas it validates against) loads on first use (issue 13),
    // before the transaction: an await on anything but Dexie inside it would end the transaction.
    const { buildBackup } = await import('./backup');
    const file = await this.db.transaction('r', [...ALL_TABLES], async () => {
      const [batches, records, revisions, settings, edits] = await Promise.all([
        this.db.batches.orderBy('seq').toArray(),
        this.readAllRecords(),
        this.db.revisions.orderBy('order').toArray(),
        this.db.kv.get(KV_SETTINGS),
        this.db.kv.get(KV_PROBLEM_EDITS),
      ]);
      return buildBackup({
        exportedAt: this.now(),
        settings: (settings?.value as Settings | undefined) ?? DEFAULT_SETTINGS,
        problemCategoryEdits: edits?.value ?? null,
        batches,
        records,
        revisions: revisions.map(({ order: _order, ...rest }) => rest),
      });
    });
    return JSON.stringify(file);
  }

  /**
   * Restores a backup into this database with import accounting: records new here are restored,
   * identical ones skipped, conflicting ones kept or replaced (old value kept as a revision) as
   * `onConflict` says. Settings and category edits are taken only when none are saved here. The
   * file is fully validated first; an invalid file changes nothing. One transaction.
   */
  async restoreBackup(
    text: string,
    onConflict: ConflictDecision = 'keep',
  ): Promise<Result<BackupCounts, ValidationIssue[]>> {
    const { parseBackup } = await import('./backup');
    const parsed = parseBackup(text);
    if (!parsed.ok) return parsed;
    const file: BackupFile = parsed.value;
    const at = this.now();
    let counts: BackupCounts;
    try {
      const [{ blocksOf }, found] = await Promise.all([loadEncoder(), loadLookup()]);
      counts = await this.withLock(() =>
        this.db.transaction('rw', [...ALL_TABLES], async () => {
          let restored = 0;
          let identical = 0;
          let conflicting = 0;
          let batchesAdded = 0;
          const last = await this.db.batches.orderBy('seq').last();
          let seq = (last?.seq ?? 0) + 1;
          // Backup batch id → (id, seq) here. A batch already present (same id or same file hash)
          // is reused so restoring a backup twice adds nothing.
          const batchMap = new Map<string, { id: string; seq: number }>();
          for (const b of file.batches) {
            const same =
              (await this.db.batches.get(b.id)) ??
              (await this.db.batches.where('hash').equals(b.hash).first());
            if (same) batchMap.set(b.id, { id: same.id, seq: same.seq });
            else batchMap.set(b.id, { id: b.id, seq: seq++ });
          }
          const usedBatches = new Set<string>();
          let order = await this.nextRevisionOrder();
          const lookup = await found.StoredLookup.load(this.db, await found.storedKinds(this.db));
          // Records new here, per target batch: written in blocks at the end, as an import's.
          const added = new Map<string, StoredRecord>();
          for (const r of file.records) {
            const target = batchMap.get(r.batchId)!;
            const record = { ...r.record, source: { ...r.record.source, batchId: target.id } };
            const existing = added.get(r.id) ?? (await lookup.get([r.id]))[0];
            if (!existing) {
              added.set(r.id, { ...r, batchId: target.id, batchSeq: target.seq, record });
              usedBatches.add(target.id);
              restored++;
            } else if (
              stableStringify({ ...existing.record, source: null }) ===
              stableStringify({ ...record, source: null })
            ) {
              identical++;
            } else {
              conflicting++;
              if (onConflict === 'replace') {
                const replacement = { ...r, batchId: target.id, batchSeq: target.seq, record };
                if (added.has(r.id)) added.set(r.id, replacement);
                else {
                  await this.db.revisions.add(this.revisionOf(existing, target.id, at, order++));
                  await this.db.records.put(replacement);
                }
                usedBatches.add(target.id);
              }
            }
          }
          const byTarget = new Map<string, StoredRecord[]>();
          for (const r of added.values()) {
            const list = byTarget.get(r.batchId);
            if (list) list.push(r);
            else byTarget.set(r.batchId, [r]);
          }
          for (const list of byTarget.values()) {
            const { batchId, batchSeq } = list[0]!;
            // A fresh tag: the target batch may already hold blocks (a batch restored twice).
            for (const { block, keys } of blocksOf(list, batchId, batchSeq, this.chunks.block, this.newId())) {
              await this.db.blocks.add(block);
              await this.db.blockKeys.add(keys);
            }
          }
          for (const b of file.batches) {
            const target = batchMap.get(b.id)!;
            if (target.id !== b.id || (await this.db.batches.get(b.id))) continue;
            // Keep a restored batch row even when all its records were identical: its history
            // (issues, rejected rows) is part of what the backup preserves.
            await this.db.batches.add({ ...b, seq: target.seq });
            batchesAdded++;
          }
          for (const rev of file.revisions) {
            const target = batchMap.get(rev.batchId);
            if (!target || (await this.db.revisions.get(rev.id))) continue;
            await this.db.revisions.add({ ...rev, batchId: target.id, batchSeq: target.seq, order: order++ });
          }
          const settings = await this.db.kv.get(KV_SETTINGS);
          const settingsAdopted =
            !settings || stableStringify(settings.value) === stableStringify(DEFAULT_SETTINGS);
          if (settingsAdopted) await this.db.kv.put({ key: KV_SETTINGS, value: file.settings });
          const edits = await this.db.kv.get(KV_PROBLEM_EDITS);
          if (!edits && file.problemCategoryEdits !== null) {
            await this.db.kv.put({ key: KV_PROBLEM_EDITS, value: file.problemCategoryEdits });
          }
          return { restored, identical, conflicting, batchesAdded, settingsAdopted, resolution: onConflict };
        }),
      );
    } catch (e) {
      return err([
        {
          path: '$',
          code: `store.outcome.failed.${classifyWriteError(e)}` as const,
          params: { detail: e instanceof Error ? e.name : String(e) },
        },
      ]);
    }
    await this.afterWrite(true);
    return ok(counts);
  }

  // ── Storage status and lifecycle ─────────────────────────────────────────────────────────────

  /** Asks the browser to keep the data (needs a secure context); updates the snapshot. */
  async requestPersist(): Promise<boolean | null> {
    const granted = await requestPersistence(this.storageApi);
    await this.reload();
    return granted;
  }

  /** Re-reads the database and notifies subscribers (also called on other tabs' changes). */
  async reload(): Promise<void> {
    const run = this.reloadOnce(++this.reloads);
    this.latestReload = run;
    await run;
  }

  /**
   * One reload. Reloads overlap (an import's, another tab's); the dataset is prepared over several
   * tasks, so a reload overtaken by a later one leaves the snapshot to it (never sets older data
   * after newer) and resolves when that one has set it.
   */
  private async reloadOnce(seq: number): Promise<void> {
    if (!this.db.isOpen()) return;
    const [batches, records, revisionCount, settingsRow] = await this.db.transaction(
      'r',
      [...ALL_TABLES],
      () =>
        Promise.all([
          this.db.batches.orderBy('seq').toArray(),
          readAllDerivable(this.db, this.chunks.read, this.blocksPerStep()),
          this.db.revisions.count(),
          this.db.kv.get(KV_SETTINGS),
        ]),
    );
    const facts = await readStorageFacts(this.storageApi);
    const settings = (settingsRow?.value as Settings | undefined) ?? DEFAULT_SETTINGS;
    const newestFirst = [...batches].reverse();
    const pendingDataset = this.pendingDataset(records, batches, settings);
    // Still in flight: the list it declares is not stored yet.
    const saving = pendingDataset && !this.pending?.saved ? this.pending : null;
    const dataset = pendingDataset ?? deriveDataset(records, batches, settings);
    // The ledger's tally, ready before the views see it: joined from the blocks' tallies counted
    // as they were read, else tallied a slice at a time, so a city's ledger is never walked in
    // one long task on the page (issue 13, target 2).
    const joined = pendingDataset ? null : await this.codesTallyOf(records);
    if (joined) primeLedgerTally(dataset.hazards, joined);
    else await prepareLedgerTally(dataset.hazards, pauseTask);
    if (seq !== this.reloads) {
      await this.latestReload;
      return;
    }
    this.snapshot = {
      dataset,
      ...(saving ? { savingTownships: saving.townships } : {}),
      imports: newestFirst.map((b) => ({ id: b.id, result: b.result, importedAt: b.importedAt })),
      version: this.snapshot.version + 1,
      batches: newestFirst,
      revisionCount,
      settings,
      storage: { mode: this.mode, ...facts },
    };
    this.emit();
  }

  /** The ledger tally counted on the blocks' codes, when there are enough hazards to be worth it. */
  private async codesTallyOf(stored: DerivableRecords): Promise<HazardTallyRow[] | null> {
    let hazards = 0;
    for (const r of stored.runs) if (r.kind === 'hazard') hazards += r.records.length;
    if (hazards === 0 || hazards < this.chunks.codesTally) return null;
    const { ledgerTallyOfRuns } = await import('./block-tally');
    return ledgerTallyOfRuns(stored, pauseTask);
  }

  /** Closes the connection and the tab channel. */
  close(): void {
    this.channel?.close();
    this.db.close();
  }

  private setMode(mode: StorageMode): void {
    this.mode = mode;
    this.snapshot = {
      ...this.snapshot,
      storage: { ...this.snapshot.storage, mode },
      version: this.snapshot.version + 1,
    };
    this.emit();
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }

  private async afterWrite(isImport: boolean): Promise<void> {
    this.channel?.postMessage({ type: 'changed' });
    if (isImport && !this.persistAsked) {
      // Ask once, after the first successful import (some browsers need engagement first).
      this.persistAsked = true;
      await requestPersistence(this.storageApi);
    }
    await this.reload();
  }

  /** Every stored record (inside the caller's transaction): rows and blocks (stored-records.ts). */
  private readAllRecords(): Promise<StoredRecord[]> {
    return readAllStored(this.db, this.chunks.read, this.blocksPerStep());
  }

  /** Whole blocks per write or read step. */
  private blocksPerStep(): number {
    return Math.max(1, Math.floor(this.chunks.write / this.chunks.block));
  }

  private withLock<T>(fn: () => Promise<T>): Promise<T> {
    return this.locks ? this.locks.request(LOCK_NAME, fn) : fn();
  }

  private async nextRevisionOrder(): Promise<number> {
    const last = await this.db.revisions.orderBy('order').last();
    return (last?.order ?? 0) + 1;
  }

  private revisionOf(r: StoredRecord, replacedBy: string, at: string, order: number): RevisionRowStored {
    return {
      id: this.newId(),
      recordId: r.id,
      kind: r.kind,
      batchId: r.batchId,
      batchSeq: r.batchSeq,
      ordinal: r.ordinal,
      record: r.record,
      replacedBy,
      replacedAt: at,
      order,
    };
  }

  private recordOf(rev: RevisionRow): StoredRecord {
    return {
      id: rev.recordId,
      kind: rev.kind,
      batchId: rev.batchId,
      batchSeq: rev.batchSeq,
      ordinal: rev.ordinal,
      record: rev.record,
    };
  }
}

/** A dataset wrapped as an ingest result so it can be stored as one batch. */
function datasetAsResult(dataset: Dataset, file: string): FileIngestResult {
  const n =
    dataset.townshipMonths.length +
    dataset.hazards.length +
    dataset.problems.length +
    (dataset.hazardTallies?.length ?? 0);
  return {
    ...emptyFileResult(file, 0),
    counts: { total: n, accepted: n, rejected: 0, ignored: 0 },
    townshipMonths: dataset.townshipMonths,
    hazards: dataset.hazards,
    problems: dataset.problems,
    ...(dataset.hazardTallies ? { hazardTallies: dataset.hazardTallies } : {}),
    townships: dataset.townships,
    district: dataset.district,
  };
}

/** How the app should keep data: IndexedDB, or memory only (with the reason to show). */
export type OpenStoreOutcome =
  | { readonly kind: 'persistent'; readonly store: PersistentStore }
  | { readonly kind: 'unavailable'; readonly detail: string };

/**
 * Opens the persistent store, or reports that storage is unavailable (private mode, disabled
 * storage) so the app can run on the in-memory store and show the "data will not be kept" banner.
 */
export async function openPersistentStore(options: PersistentStoreOptions = {}): Promise<OpenStoreOutcome> {
  try {
    return { kind: 'persistent', store: await PersistentStore.open(options) };
  } catch (e) {
    return { kind: 'unavailable', detail: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  }
}
