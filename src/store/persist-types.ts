/**
 * Types of the persistent store (issue 6): import batches, stored records, revisions, import plans
 * and outcomes. They extend the shared contract in ./types.ts without changing it.
 */
import type {
  HazardRecord,
  HazardTallyRecord,
  ProblemRecordInput,
  Township,
  TownshipMonthRecord,
} from '../domain/records';
import type {
  EncodingName,
  FileIngestResult,
  FormatName,
  IngestCounts,
  IngestIssue,
  RejectedRow,
} from '../ingest/types';
import type { DataSnapshot } from './snapshot';

/** The kinds of record the store keeps, each with its own natural key (`hazard_tally`: agg.json, docs/scale-out.md). */

export type StoredKind = 'township_month' | 'hazard' | 'problem' | 'hazard_tally';

export type AnyRecord = TownshipMonthRecord | HazardRecord | ProblemRecordInput | HazardTallyRecord;

/** Where a batch came from. `url`/`endpoint` keep their provenance (docs/input-rules.md F13–F14). */
export type BatchSource =
  | { readonly kind: 'file'; readonly name: string }
  | { readonly kind: 'url'; readonly name: string; readonly url: string; readonly httpStatus: number }
  | {
      readonly kind: 'endpoint';
      readonly name: string;
      readonly url: string;
      readonly httpStatus: number;
      readonly reportId: string;
    }
  | { readonly kind: 'sample'; readonly name: string }
  | { readonly kind: 'backup'; readonly name: string };

/** What a commit did to the records of one batch. */
export interface BatchOutcomeCounts {
  /** New keys written. */
  readonly added: number;
  /** Same key, same values: nothing written. */
  readonly identical: number;
  /** Same key, different values, user chose replace (old value kept as a revision). */
  readonly replaced: number;
  /** Same key, different values, user chose keep (incoming value dropped). */
  readonly kept: number;
  /** Second occurrence of a township-month key inside the same file (first one wins). */
  readonly duplicateInFile: number;
}

/** One committed import, kept for review (history, issues, rejected rows). */
export interface BatchRow {
  readonly id: string;
  /** Monotonic commit order, used to order records deterministically. */
  readonly seq: number;
  readonly source: BatchSource;
  /** ISO timestamp passed in by the caller. */
  readonly importedAt: string;
  readonly bytes: number;
  /** Hex SHA-256 of the file bytes (or of the canonical record JSON when no bytes exist). */
  readonly hash: string;
  readonly hashAlgorithm: 'sha-256';
  readonly encoding: EncodingName | null;
  readonly format: FormatName | null;
  readonly district: string | null;
  /** Ingest counts (total = accepted + rejected + ignored). */
  readonly counts: IngestCounts;
  readonly outcome: BatchOutcomeCounts;
  readonly issues: readonly IngestIssue[];
  readonly rejectedRows: readonly RejectedRow[];
  /** The ingest result without its record arrays (those live in the records table). */
  readonly result: FileIngestResult;
}

/** A record as stored: its natural key, kind and owning batch. */
export interface StoredRecord {
  /** `${kind}\u0001${key}` — unique across kinds. */
  readonly id: string;
  readonly kind: StoredKind;
  readonly batchId: string;
  readonly batchSeq: number;
  /** Position inside its batch, for stable ordering. */
  readonly ordinal: number;
  readonly record: AnyRecord;
}

/** What deriving the dataset reads of a stored record: not its key (a reload rebuilds no keys). */
export type DerivableRecord = Pick<StoredRecord, 'kind' | 'batchId' | 'batchSeq' | 'ordinal' | 'record'>;

/** An older value of a record, kept when it was replaced; can be restored. */
export interface RevisionRow {
  readonly id: string;
  readonly recordId: string;
  readonly kind: StoredKind;
  /** The batch the old value came from. */
  readonly batchId: string;
  readonly batchSeq: number;
  readonly ordinal: number;
  readonly record: AnyRecord;
  /** The batch (or 'restore') whose value replaced it. */
  readonly replacedBy: string;
  readonly replacedAt: string;
}

/** Old vs new for one field of a conflicting record. Values are as stored (null = not reported). */
export interface FieldDiff {
  readonly field: string;
  readonly old: unknown;
  readonly new: unknown;
}

/** Same natural key, different values: the user decides replace or keep. */
export interface Conflict {
  /** The record id; the key of the decisions map. */
  readonly key: string;
  readonly kind: StoredKind;
  readonly township: string;
  readonly period: string;
  readonly existing: AnyRecord;
  readonly existingBatchId: string;
  readonly incoming: AnyRecord;
  readonly diffs: readonly FieldDiff[];
  /** True when the incoming report_date is earlier than the stored one (docs/input-rules.md H3). */
  readonly incomingIsOlder: boolean;
}

export type ConflictDecision = 'replace' | 'keep';

/** What an import would do, computed before anything is written. */
export interface ImportPlan {
  readonly batchId: string;
  readonly source: BatchSource;
  readonly hash: string;
  readonly result: FileIngestResult;
  /** Set when a batch with the same hash exists: committing is a no-op. */
  readonly duplicateOf: {
    readonly batchId: string;
    readonly importedAt: string;
    readonly source: BatchSource;
  } | null;
  readonly newRecords: readonly StoredRecordDraft[];
  readonly identical: number;
  readonly duplicateInFile: number;
  readonly conflicts: readonly Conflict[];
  /**
   * Townships the user added while deciding on unknown names in the import report; committing
   * appends them to a saved settings list (a list held only as data gains them with the records).
   */
  readonly addTownships?: readonly Township[];
}

/** A record not yet placed in a batch. */
export interface StoredRecordDraft {
  readonly id: string;
  readonly kind: StoredKind;
  readonly ordinal: number;
  readonly record: AnyRecord;
  /**
   * The occurrence number `id` was made with from this record (record-keys.ts makeRecordId), set
   * by the import planner only: a block stores it without working it out of the id again, which
   * was a fifth of each write step of a city's ledger. A symbol, so a parsed file (a backup) can
   * never carry one; a copy of a draft with another id must leave it out.
   */
  readonly [DRAFT_OCCURRENCE]?: number;
}

/** The key of StoredRecordDraft's occurrence number. */
export const DRAFT_OCCURRENCE: unique symbol = Symbol('occurrence');

/**
 * How far saving an import has got, in records: checked against the store (planning, and the
 * re-check inside the commit), then written. A city's ledger takes minutes to save; the page says
 * where it is instead of looking stuck.
 */
export interface SaveProgress {
  /**
   * `prepare`: planning a file none of whose kinds of record is stored yet (nothing to look up);
   * `check`: looking records up against the stored ones; `write`: writing them.
   */
  readonly step: 'prepare' | 'check' | 'write';
  readonly done: number;
  readonly total: number;
}

/** Options of the import steps: the township list to extend, and a progress callback. */
export interface ImportStepOptions {
  readonly addTownships?: readonly Township[];
  readonly onProgress?: (p: SaveProgress) => void;
}

/** Why a write failed, with what the user can do about it. */
export type WriteFailureReason = 'quota' | 'closed' | 'version' | 'unknown';

export type CommitOutcome =
  | { readonly kind: 'committed'; readonly batchId: string; readonly counts: BatchOutcomeCounts }
  | { readonly kind: 'duplicate'; readonly batchId: string; readonly importedAt: string }
  /** Everything was identical to what is stored: no batch written. */
  | { readonly kind: 'nothing-new'; readonly identical: number }
  /** Another tab changed the same records since the plan was made: prepare again. */
  | { readonly kind: 'stale' }
  /** The file was rejected by ingest: nothing to store. */
  | { readonly kind: 'rejected' }
  | { readonly kind: 'failed'; readonly reason: WriteFailureReason; readonly detail: string };

/** The district's settings, saved with the data. */
export interface Settings {
  readonly districtName: string;
  readonly issuingOffice: string;
  /** Day of the month reports are due, 1–31 (default 25). */
  readonly dueDay: number;
  /** Official order. Empty: order of first appearance. */
  readonly townships: readonly Township[];
}

export type StorageMode =
  /** IndexedDB works; `persisted` tells whether eviction is ruled out. */
  | 'persistent'
  /** The schema changed in another tab: this tab closed its connection; reload. */
  | 'version-changed'
  /** An upgrade waits for another tab to close. */
  | 'blocked';

export interface StorageStatus {
  readonly mode: StorageMode;
  /** navigator.storage.persisted(); null when the API is missing (insecure context). */
  readonly persisted: boolean | null;
  readonly usageBytes: number | null;
  readonly quotaBytes: number | null;
}

/** The persistent store's snapshot: the shared DataSnapshot plus history and settings. */
export interface PersistentSnapshot extends DataSnapshot {
  readonly batches: readonly BatchRow[];
  readonly revisionCount: number;
  readonly settings: Settings;
  readonly storage: StorageStatus;
  /**
   * The township list declared by the first-run sample while it is on screen but its save is
   * still in flight (PersistentStore.loadSampleIfEmpty); absent otherwise. `batches` lists only
   * what is stored, so this is how the district's list (district-townships.ts) is the same before
   * and after the save.
   */
  readonly savingTownships?: readonly Township[];
}
