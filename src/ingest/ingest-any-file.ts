/**
 * The async ingest entry point the worker calls: like {@link ingestBytes}, plus .xlsx workbooks.
 * Reading a workbook is asynchronous (the reader unzips), so it cannot live in the synchronous
 * `ingestBytes`, which keeps its "save as CSV" message for callers without a workbook reader.
 */
import { sniffBinaryFormat } from './decode-bytes';
import { rejectedFile, resolveLimits } from './file-result';
import { ingestBytes, ingestRows } from './ingest-file';
import { makeIssue } from './make-issue';
import { readXlsxRows } from './read-xlsx';
import type { FileIngestResult, IngestOptions } from './types';

/**
 * Ingests one file of any supported format. A file starting with the zip signature is read as an
 * .xlsx workbook: its FIRST sheet becomes rows of text (see read-xlsx.ts) and runs through the
 * same table pipeline as CSV, with `format: 'xlsx'`, no encoding and no delimiter; row numbers are
 * the lines. A zip that is not a readable workbook is rejected with the reader's reason; an empty
 * first sheet is rejected as empty. The size cap applies before reading. Every other file goes to
 * `ingestBytes` unchanged. Never rejects the promise on bad data.
 */
export async function ingestFile(bytes: Uint8Array, options: IngestOptions): Promise<FileIngestResult> {
  const file = options.fileName;
  if (sniffBinaryFormat(bytes) !== 'ingest.format_xlsx' || bytes.length > resolveLimits(options).maxBytes)
    return ingestBytes(bytes, options);
  options.onProgress?.({ phase: 'parse', done: 0, total: bytes.length });
  const read = await readXlsxRows(bytes);
  const meta = { encoding: null, format: 'xlsx' as const, delimiter: null };
  if (!read.ok) {
    return rejectedFile(
      options,
      bytes.length,
      makeIssue(file, {
        severity: 'error',
        code: 'exportui.ingest.xlsxUnreadable',
        params: { reason: read.error.reason },
      }),
      meta,
    );
  }
  options.onProgress?.({ phase: 'parse', done: bytes.length, total: bytes.length });
  const rows = read.value;
  if (rows.every((r) => r.cells.every((c) => c.trim() === ''))) {
    return rejectedFile(
      options,
      bytes.length,
      makeIssue(file, { severity: 'error', code: 'exportui.ingest.xlsxEmpty' }),
      meta,
    );
  }
  return ingestRows(rows, { bytes: bytes.length, ...meta }, options);
}
