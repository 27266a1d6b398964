/**
 * What the import feature needs from an ingest engine. The app supplies the Web Worker client
 * (src/app/ingest-client.ts); tests supply a fake. Outcomes are values, never rejections.
 */
import type { Township } from '../../domain/records';
import type { FileIngestResult, IngestProgress } from '../../ingest/types';

export type IngestOutcome =
  | {
      readonly status: 'done';
      readonly result: FileIngestResult;
      /** SHA-256 of the file's bytes, hashed where they were read; absent when the engine did not. */
      readonly sha256?: string | null;
    }
  | { readonly status: 'cancelled' }
  | { readonly status: 'failed'; readonly message: string };

export interface IngestJob {
  readonly promise: Promise<IngestOutcome>;
  /** Stops the job; its promise resolves with `cancelled`. No-op once finished. */
  cancel(): void;
}

export interface IngestInput {
  readonly fileName: string;
  /**
   * The chosen file (or bytes wrapped in a Blob). The worker reads it as a stream: a Blob is
   * shared with the worker, not copied, so the page never holds a large file's bytes.
   */
  readonly file: Blob;
  readonly knownTownships: readonly Township[];
}

/**
 * Progress of a read: the file's bytes read (`read`), the ingest phases (rows for `validate`),
 * then the records handed from the worker to the page (`receive`, after the result without its
 * records: 1.9 s for a million ledger rows).
 */
export type ReadProgress =
  IngestProgress | { readonly phase: 'read' | 'receive'; readonly done: number; readonly total: number };

/**
 * The file's result without its records (their lists are empty; `counts` says how many), known
 * before the records are handed over: enough for the import report (issue 13, target 2).
 */
export type OnIngested = (result: FileIngestResult) => void;

export interface IngestRunner {
  ingest(input: IngestInput, onProgress?: (p: ReadProgress) => void, onIngested?: OnIngested): IngestJob;
}
