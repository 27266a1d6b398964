/**
 * What only the persistent (IndexedDB) store offers, beyond the shared DataStore surface: import
 * plans with conflict decisions, history and revisions, settings, problem edits, backup and the
 * storage status in its snapshot. DataStore.persistent (types.ts) is this API or null, so the UI
 * asks "is this the persistent store" in one typed way. PersistentStore implements it.
 */
import type { Result } from '../domain/result';
import type { FileIngestResult } from '../ingest/types';
import type { BackupCounts } from './backup';
import type { ValidationIssue } from './json-guard';
import type {
  BatchRow,
  BatchSource,
  CommitOutcome,
  ConflictDecision,
  ImportPlan,
  ImportStepOptions,
  PersistentSnapshot,
  RevisionRow,
  Settings,
} from './persist-types';

export interface RemoveOutcome {
  readonly removed: number;
  /** Records whose previous value came back because the removed batch had replaced it. */
  readonly restoredFromRevisions: number;
}

export interface PersistentApi {
  /** The same snapshot object as DataStore.getSnapshot(), with history, settings and storage. */
  getSnapshot(): PersistentSnapshot;
  subscribe(listener: () => void): () => void;
  prepareImport(
    result: FileIngestResult,
    bytes: Uint8Array | null,
    source: BatchSource,
    options?: ImportStepOptions,
  ): Promise<ImportPlan>;
  commitImport(
    plan: ImportPlan,
    decisions: ReadonlyMap<string, ConflictDecision>,
    options?: Pick<ImportStepOptions, 'onProgress'>,
  ): Promise<CommitOutcome>;
  loadSampleIfEmpty(
    load: () => Promise<{ result: FileIngestResult; bytes: Uint8Array }>,
  ): Promise<CommitOutcome | null>;
  getBatch(id: string): Promise<BatchRow | undefined>;
  removeBatch(batchId: string): Promise<RemoveOutcome>;
  listRevisions(recordId?: string): Promise<RevisionRow[]>;
  restoreRevision(revisionId: string): Promise<boolean>;
  saveSettings(value: unknown): Promise<Result<Settings, ValidationIssue[]>>;
  getProblemCategoryEdits(): Promise<unknown>;
  setProblemCategoryEdits(value: unknown): Promise<void>;
  exportBackup(): Promise<string>;
  restoreBackup(text: string, onConflict?: ConflictDecision): Promise<Result<BackupCounts, ValidationIssue[]>>;
  requestPersist(): Promise<boolean | null>;
  reload(): Promise<void>;
}
