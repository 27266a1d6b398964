/**
 * What the import feature needs from an ingest engine. The app supplies the Web Worker client
 * (src/app/ingest-client.ts); tests supply a fake. Outcomes are values, never rejections.
 */
import type { Township } from '../../domain/records';
import type { FileIngestResult, IngestProgress } from '../../ingest/types';

export type IngestOutcome =
  | { readonly status: 'done'; readonly result: FileIngestResult }
  | { readonly status: 'cancelled' }
  | { readonly status: 'failed'; readonly message: string };

export interface IngestJob {
  readonly promise: Promise<IngestOutcome>;
  /** Stops the job; its promise resolves with `cancelled`. No-op once finished. */
  cancel(): void;
}

export interface IngestInput {
  readonly fileName: string;
  /** Transferred to the worker: do not use it after the call. */
  readonly bytes: ArrayBuffer;
  readonly knownTownships: readonly Township[];
}

export interface IngestRunner {
  ingest(input: IngestInput, onProgress?: (p: IngestProgress) => void): IngestJob;
}
