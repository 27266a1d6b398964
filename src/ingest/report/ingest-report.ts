/**
 * A township's monthly report (.docx, .doc, .txt or pasted text) as a FileIngestResult, so it goes
 * through the same validation, township matching and decisions, resubmission diff and accounting
 * as a CSV row (issue 11; docs/decisions/0006-report-readers.md). The extractor's values become one
 * row of canonical cells and run through the table pipeline (`ingestRows`): the rules for township
 * names, months, report dates and cross-field checks live in one place. The result carries the
 * report's text, sections, evidence and other facts (`report`, report-attachment.ts).
 *
 * A report is one record: counts.total is 1 (accepted or rejected), never the synthetic header.
 * Loaded lazily by the worker (ingest-any-file.ts) and directly by the CLI.
 */
import { NUMERIC_FIELDS } from '../../domain/records';
import { makeIssue } from '../make-issue';
import { ingestBytes, ingestRows } from '../ingest-file';
import type { EncodingName, FileIngestResult, IngestIssue, IngestOptions } from '../types';
import { rejectedFile } from '../file-result';
import { blockText } from './report-parts';
import { extractReport, type ReportExtraction } from './extract-report';
import { readReportFile } from './read-report';
import { readPastedReport } from './read-text-report';
import type { ReportDocument } from './report-document';
import type {
  ReportAttachment,
  ReportCorrection,
  ReportSectionRef,
  ReportTextBlock,
  ReportValues,
} from './report-attachment';
import type { ReportReadResult } from './report-read-result';

/** The text fields of the review form, then every numeric field of the record. */
export const REPORT_TEXT_FIELDS = [
  'township',
  'period',
  'report_date',
  'problems_text',
  'next_steps_text',
] as const;
const ROW_FIELDS: readonly string[] = [...REPORT_TEXT_FIELDS, 'period_scope', ...NUMERIC_FIELDS];

// The pipeline names an unknown township itself (with the code the decisions flow collects), so
// the extractor's own "unknown" error would say it twice.
const SAID_BY_PIPELINE = new Set<string>(['report.township_unknown']);

const ENCODINGS: ReadonlySet<string> = new Set<EncodingName>([
  'utf-8',
  'utf-8-bom',
  'gb18030',
  'utf-16le',
  'utf-16be',
]);

/** A cell as the CSV template would hold it; an approximate count keeps its 余 so the grammar flags it. */
function cellOf(field: string, v: string | number | null, approx: ReadonlySet<string>): string {
  if (v === null) return '';
  if (typeof v === 'number') return approx.has(field) ? `${v}余` : String(v);
  return v;
}

/** The values the extractor read, field → value, with the township as written when not on the list. */
function valuesOf(x: ReportExtraction): ReportValues {
  const unknown = x.issues.find((i) => i.code === 'report.township_unknown')?.value ?? null;
  const out: Record<string, string | number | null> = {
    township: x.record.township ?? unknown,
    period: x.record.period,
    report_date: x.record.report_date,
    problems_text: x.record.problems_text,
    next_steps_text: x.record.next_steps_text,
  };
  for (const f of NUMERIC_FIELDS) out[f] = x.record[f];
  return out;
}

/** Runs the values through the table pipeline as one row at `line`, re-counted as one record. */
function runRow(
  values: ReportValues,
  approx: ReadonlySet<string>,
  line: number,
  meta: { bytes: number; encoding: EncodingName | null; format: ReportAttachment['format'] },
  options: IngestOptions,
  evidenceLines: ReadonlyMap<string, number>,
): FileIngestResult {
  const cells = ROW_FIELDS.map((f) =>
    f === 'period_scope' ? 'month' : cellOf(f, values[f] ?? null, approx),
  );
  const result = ingestRows(
    [
      { line: 0, cells: [...ROW_FIELDS] },
      { line, cells },
    ],
    { bytes: meta.bytes, encoding: meta.encoding, format: meta.format, delimiter: null },
    options,
  );
  // Issues about a field point at the paragraph its value came from, not at the title.
  const issues = result.issues.map((i) => {
    const at = i.field !== null ? evidenceLines.get(i.field) : undefined;
    return at !== undefined && i.line === line ? { ...i, line: at, column: null } : { ...i, column: null };
  });
  const accepted = result.townshipMonths.length;
  const rejected = result.status === 'ok' ? result.rejectedRows.length : 1;
  return {
    ...result,
    issues,
    headerLine: null,
    columns: [],
    ignored: result.ignored.filter((r) => r.line !== 0),
    counts: { total: 1, accepted, rejected, ignored: 1 - accepted - rejected },
  };
}

// An approximate count (170余人次) is flagged on the record and shown in the form, but is what the
// township wrote: it alone does not make the clerk review the report.
const NOT_REVIEW_WORTHY = new Set<string>(['ingest.approx_values']);
const isReviewWorthy = (i: IngestIssue): boolean =>
  (i.severity === 'error' || i.severity === 'warning') && !NOT_REVIEW_WORTHY.has(i.code);

function attach(result: FileIngestResult, base: Omit<ReportAttachment, 'status'>): FileIngestResult {
  const ready = result.counts.accepted === 1 && !result.issues.some(isReviewWorthy);
  return { ...result, report: { ...base, status: ready ? 'ready' : 'needs_review' } };
}

/** Text blocks with the section each belongs to. */
function textBlocks(doc: ReportDocument, x: ReportExtraction): ReportTextBlock[] {
  const sectionOf = new Map<number, ReportSectionRef['kind']>();
  for (const s of x.sections) for (const b of s.blocks) sectionOf.set(b.line, s.kind);
  return doc.blocks
    .map((b) => ({ line: b.line, kind: b.kind, text: blockText(b), section: sectionOf.get(b.line) ?? null }))
    .filter((b) => b.text !== '');
}

/** The report as a result: read, extracted, run through the pipeline, with its attachment. */
export function ingestReportDocument(
  doc: ReportDocument,
  bytes: number,
  options: IngestOptions,
): FileIngestResult {
  const file = options.fileName;
  const x = extractReport(doc, { fileName: file, townships: options.knownTownships });
  // A notice or minutes: no month anywhere and no 存在的问题 section.
  const noReport = x.record.period === null && !x.sections.some((s) => s.kind === 'problems');
  const encoding =
    doc.encoding !== undefined && ENCODINGS.has(doc.encoding) ? (doc.encoding as EncodingName) : null;
  if (noReport) {
    return rejectedFile(
      options,
      bytes,
      makeIssue(file, { severity: 'error', code: 'reportui.not_a_report' }),
      { encoding, format: doc.format },
      1,
    );
  }
  const values = valuesOf(x);
  const evidence = [...x.evidence.values()].flat();
  const evidenceLines = new Map(evidence.map((e) => [e.field, e.line] as const));
  const line = x.record.source.line ?? doc.blocks[0]?.line ?? 1;
  const approx = new Set<string>(x.record.approx);
  const run = runRow(values, approx, line, { bytes, encoding, format: doc.format }, options, evidenceLines);
  const reading = x.issues.filter((i) => !SAID_BY_PIPELINE.has(i.code));
  const result = { ...run, issues: [...reading, ...run.issues] };
  return attach(result, {
    format: doc.format,
    encoding: doc.encoding ?? null,
    blocks: textBlocks(doc, x),
    sections: x.sections.map((s) => ({
      kind: s.kind,
      heading: s.heading,
      line: s.line,
      lines: s.blocks.map((b) => b.line),
    })),
    evidence,
    otherFacts: x.otherFacts,
    problems: x.problems,
    extracted: values,
    approx: [...x.record.approx],
    corrections: [],
    confirmed: false,
    skipped: doc.skipped,
  });
}

function fromRead(read: ReportReadResult, bytes: number, options: IngestOptions): FileIngestResult {
  if (!read.ok) {
    return rejectedFile(
      options,
      bytes,
      makeIssue(options.fileName, {
        severity: 'error',
        code: read.error.code,
        params: { ...read.error.params },
      }),
      {},
      0,
    );
  }
  return ingestReportDocument(read.value, bytes, options);
}

/**
 * A report file's bytes → result. Decided by content (read-report.ts): a text file that is a CSV
 * table goes down the table path (`ingestBytes`) unchanged. Never throws on bad data.
 */
export function ingestReportBytes(bytes: Uint8Array, options: IngestOptions): FileIngestResult {
  const routed = readReportFile(bytes);
  if (routed.route === 'csv') return ingestBytes(bytes, options);
  return fromRead(routed.result, bytes.length, options);
}

/** Text pasted into the import panel, read as a report (format `paste`). */
export function ingestPastedReport(text: string, options: IngestOptions): FileIngestResult {
  return fromRead(readPastedReport(text), new TextEncoder().encode(text).length, options);
}

/** Field-level issues the extractor raised that a correction of that field settles. */
const settledBy = (i: IngestIssue, changed: ReadonlySet<string>): boolean =>
  i.code.startsWith('report.') && i.field !== null && changed.has(i.field);

/**
 * The report again with the clerk's values (review screen): the same pipeline on the corrected
 * row, the corrections listed, a corrected count no longer approximate, and the report marked
 * confirmed. `values` holds every form field (unchanged ones as read).
 */
export function correctReport(
  result: FileIngestResult,
  values: ReportValues,
  options: IngestOptions,
): FileIngestResult {
  const report = result.report;
  if (!report) return result;
  const corrections: ReportCorrection[] = [];
  for (const [field, from] of Object.entries(report.extracted)) {
    const to = values[field] === undefined ? from : (values[field] ?? null);
    if (to !== from) corrections.push({ field, from, to });
  }
  const changed = new Set(corrections.map((c) => c.field));
  const approx = new Set(report.approx.filter((f) => !changed.has(f)));
  const merged: Record<string, string | number | null> = { ...report.extracted };
  for (const c of corrections) merged[c.field] = c.to;
  const evidenceLines = new Map(
    report.evidence.filter((e) => !changed.has(e.field)).map((e) => [e.field, e.line] as const),
  );
  const line =
    result.townshipMonths[0]?.source.line ?? result.rejectedRows[0]?.line ?? report.blocks[0]?.line ?? 1;
  const run = runRow(
    merged,
    approx,
    line,
    { bytes: result.bytes, encoding: result.encoding, format: report.format },
    options,
    evidenceLines,
  );
  const reading = result.issues.filter(
    (i) =>
      i.code.startsWith('report.') &&
      !settledBy(i, changed) &&
      !(i.field === 'township' && changed.has('township')),
  );
  // A township or month the clerk set no longer needs the "missing" error of the extractor.
  const kept = reading.filter(
    (i) =>
      !(
        (i.code === 'report.township_missing' && merged['township']) ||
        (i.code === 'report.period_missing' && merged['period'])
      ),
  );
  return {
    ...run,
    issues: [...kept, ...run.issues],
    report: {
      ...report,
      status:
        run.counts.accepted === 1 && !run.issues.some((i) => i.severity === 'error')
          ? 'ready'
          : 'needs_review',
      approx: [...approx],
      corrections,
      confirmed: run.counts.accepted === 1,
    },
  };
}
