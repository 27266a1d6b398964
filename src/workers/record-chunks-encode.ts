/**
 * Encoding a chunk of records for the page (record-chunks.ts has the format and the decoder),
 * in the worker.
 */
import type { Column } from '../domain/columns';
import { encodeColumns } from '../domain/columns-encode';
import type { RecordChunk } from './record-chunks';

/** One chunk of records (plain objects of one kind) in columns. */
export const encodeRecordChunk = (records: readonly Record<string, unknown>[]): RecordChunk => ({
  n: records.length,
  columns: encodeColumns(records),
});

/** The typed arrays' buffers of a chunk's columns, each once (a transfer list must not repeat one). */
export function chunkBuffers(columns: readonly Column[], into = new Set<ArrayBuffer>()): ArrayBuffer[] {
  for (const c of columns) {
    if (c.type === 'dict') into.add(c.codes.buffer as ArrayBuffer);
    else if (c.type === 'num') into.add(c.values.buffer as ArrayBuffer);
    else {
      into.add(c.present.buffer as ArrayBuffer);
      if (c.type === 'obj') chunkBuffers(c.columns, into);
    }
  }
  return [...into];
}
