/**
 * Messages between the UI and the ingest worker. Plain structured-cloneable data only: the
 * worker receives the file's bytes as a transferred ArrayBuffer and answers with the same
 * FileIngestResult the CLI and tests get from ingestBytes.
 */
import type { Township } from '../domain/records';
import type { FileIngestResult, IngestProgress } from '../ingest/types';

/** A request to ingest one file. `bytes` is transferred, so the sender loses access to it. */
export interface IngestRequest {
  readonly id: number;
  readonly fileName: string;
  readonly bytes: ArrayBuffer;
  readonly knownTownships: readonly Township[];
  /** Today as `YYYY-MM-DD`, from the main thread (pure ingest never reads the clock). */
  readonly today: string;
}

export type IngestResponse =
  | { readonly type: 'progress'; readonly id: number; readonly progress: IngestProgress }
  | { readonly type: 'result'; readonly id: number; readonly result: FileIngestResult }
  /** A programmer error inside ingest (bad data never throws; it becomes issues). */
  | { readonly type: 'failure'; readonly id: number; readonly message: string };
