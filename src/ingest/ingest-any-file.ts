/**
 * The ingest entry points for every supported format: like {@link ingestBytes}, plus .xlsx
 * workbooks (every sheet, see ingest-workbook.ts). `ingestAnyBytes` is synchronous so the CLI reads
 * a workbook exactly as the browser worker does; `ingestFile` is the worker's async form of it.
 */
import { sniffBinaryFormat } from './decode-bytes';
import { rejectedFile, resolveLimits } from './file-result';
import { ingestBytes } from './ingest-file';
import { ingestWorkbook } from './ingest-workbook';
import { makeIssue } from './make-issue';
import { readWorkbook } from './read-xlsx';
import { isReportFile } from './report/report-route';
import type { FileIngestResult, IngestOptions } from './types';

/**
 * Ingests one file of any supported format. A file starting with the zip signature is read as an
 * .xlsx workbook: each sheet becomes rows of text (see read-xlsx.ts) and data sheets run through
 * the same table pipeline as CSV, with `format: 'xlsx'`, no encoding and no delimiter; row numbers
 * are the lines and every location names its sheet. A zip that is not a readable workbook is
 * rejected with the reader's reason; a workbook without a data sheet is rejected as empty. The
 * size cap applies before reading. Every other file goes to `ingestBytes` unchanged. Never throws
 * on bad data.
 */
export function ingestAnyBytes(bytes: Uint8Array, options: IngestOptions): FileIngestResult {
  if (sniffBinaryFormat(bytes) !== 'ingest.format_xlsx' || bytes.length > resolveLimits(options).maxBytes)
    return ingestBytes(bytes, options);
  options.onProgress?.({ phase: 'parse', done: 0, total: bytes.length });
  const read = readWorkbook(bytes);
  if (!read.ok) {
    return rejectedFile(
      options,
      bytes.length,
      makeIssue(options.fileName, {
        severity: 'error',
        code: 'exportui.ingest.xlsxUnreadable',
        params: { reason: read.error.reason },
      }),
      { encoding: null, format: 'xlsx', delimiter: null },
    );
  }
  options.onProgress?.({ phase: 'parse', done: bytes.length, total: bytes.length });
  return ingestWorkbook(read.value, bytes.length, options);
}

/**
 * The worker's entry point: {@link ingestAnyBytes} as a promise, and Word/text monthly reports
 * (issue 11) through the report path, whose readers load as a separate chunk on the first report
 * (report/report-route.ts decides from the bytes). Never rejects on bad data.
 */
export async function ingestFile(bytes: Uint8Array, options: IngestOptions): Promise<FileIngestResult> {
  if (isReportFile(bytes, options.fileName)) {
    const { ingestReportBytes } = await import('./report/ingest-report');
    return ingestReportBytes(bytes, options);
  }
  await Promise.resolve();
  return ingestAnyBytes(bytes, options);
}
