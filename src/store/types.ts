/**
 * The store contract the UI reads through. The store is the only owner of mutable data; the UI
 * subscribes (useSyncExternalStore) and derives everything else. An in-memory implementation
 * backs issue 2; the IndexedDB implementation (issue 6) keeps the same surface.
 */
import type { Dataset } from '../domain/records';
import type { FileIngestResult } from '../ingest/types';

/** One file's import as the user sees it in the import report. */
export interface ImportEntry {
  readonly id: string;
  readonly result: FileIngestResult;
  /** ISO timestamp of the import, passed in by the caller. */
  readonly importedAt: string;
}

export interface DataSnapshot {
  /** The merged dataset all charts and tables read. */
  readonly dataset: Dataset;
  /** Import reports, newest first. */
  readonly imports: readonly ImportEntry[];
  /** Increments on every change, for cheap memo keys. */
  readonly version: number;
}

export interface DataStore {
  getSnapshot(): DataSnapshot;
  subscribe(listener: () => void): () => void;
  /** Adds ingested files to the dataset. Conflicts are reported, never silently overwritten. */
  addImports(entries: readonly ImportEntry[]): Promise<void>;
  /** Replaces everything (e.g. loading the bundled sample). */
  reset(dataset: Dataset, imports: readonly ImportEntry[]): Promise<void>;
}
