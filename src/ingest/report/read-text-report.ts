/**
 * A report saved as text (.txt) or pasted: decoded with the project's one decoder (BOM → strict
 * UTF-8 → GB18030, UTF-16 by BOM; ../decode-bytes.ts) and read as one paragraph block per non-empty
 * line, trimmed (full-width indents too), with its physical line number. Labels are whatever the
 * clerk typed, so no block has `label`.
 */
import { decodeBytes } from '../decode-bytes';
import type { ReportBlock, ReportDocument } from './report-document';
import { rejectReport, type ReportReadResult } from './report-read-result';

const trimText = (s: string): string => s.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');

/** Text → blocks (CRLF, LF and lone CR all end a line). */
export function textReportBlocks(text: string): ReportBlock[] {
  const blocks: ReportBlock[] = [];
  text.split(/\r\n|\n|\r/).forEach((raw, i) => {
    const t = trimText(raw.replace(/^\uFEFF/, ''));
    if (t !== '') blocks.push({ kind: 'paragraph', text: t, line: i + 1 });
  });
  return blocks;
}

/** Reads a text file's bytes; an undecodable file is a rejection with the decoder's message. */
export function readTextReport(bytes: Uint8Array): ReportReadResult {
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return rejectReport(decoded.error.code, decoded.error.params);
  const blocks = textReportBlocks(decoded.value.text);
  if (blocks.length === 0) return rejectReport('ingest.report_no_text');
  const doc: ReportDocument = { format: 'txt', encoding: decoded.value.encoding, blocks, skipped: [] };
  return { ok: true, value: doc };
}

/** Reads pasted text (already a string: no decoding). */
export function readPastedReport(text: string): ReportReadResult {
  const blocks = textReportBlocks(text);
  if (blocks.length === 0) return rejectReport('ingest.report_no_text');
  const doc: ReportDocument = { format: 'paste', blocks, skipped: [] };
  return { ok: true, value: doc };
}
