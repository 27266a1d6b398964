/**
 * The records of an ingest result as the worker hands them to the page: chunks of columns
 * (ingest-protocol.ts, `records`), in the layout of the store's blocks (domain/columns.ts). Text that
 * repeats across a chunk's records (townships, months, sectors, levels, dates, the file name) is
 * sent once with a code per record, numbers and codes in typed arrays that are moved, not copied.
 * Cloning a million row objects one by one gave the page ten million strings to allocate and
 * collect: seconds of garbage collection in tasks of up to 0.9 s (issue 13, target 2). The
 * encoder is in record-chunks-encode.ts, so the page loads only this decoder.
 */
import { decodeColumns, type Column } from '../domain/columns';

export interface RecordChunk {
  readonly n: number;
  readonly columns: readonly Column[];
}

/** The records of a chunk, equal to those encoded, keys in the same order. */
export const decodeRecordChunk = (chunk: RecordChunk): unknown[] => decodeColumns(chunk.columns, chunk.n);
