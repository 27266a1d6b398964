/**
 * The snapshot every store hands to the UI. Its own module so that persist-types.ts can extend it
 * and types.ts can name the persistent store's API, without the two importing each other.
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
