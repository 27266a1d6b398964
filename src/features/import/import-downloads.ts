/**
 * The two CSV files the import area offers: the blank Chinese template and a file's rejected rows.
 * Pure (text in, text out); the component saves them with components/save-file.ts.
 */
import { maxOf } from '../../domain/arrays';
import { translate, type Lang } from '../../i18n/i18n';
import { issueMessage, recordLocation } from '../../ingest/issue-message';
import type { FileIngestResult, IngestIssue } from '../../ingest/types';
import { recordsToTemplateCsv, rowsToCsv } from '../../export/csv';

/**
 * The template's header row, e.g. `乡镇（街道）,月份,…,排查隐患（处）,…`, as CSV text: the same
 * columns the record export writes (one list, TEMPLATE_FIELDS, derived from the field registry).
 */
export const templateCsv = (): string => recordsToTemplateCsv([]);

/** The file name of the template download. */
export const TEMPLATE_FILE_NAME = '乡镇安全生产月报模板.csv';

/** Renders an issue in the given language; an unknown code (data from elsewhere) shows as is. */
export function issueText(lang: Lang, issue: IngestIssue): string {
  return issueMessage(lang, issue);
}

/**
 * The rejected rows of one file as CSV: line, reason (every error joined with `；`), then the
 * original cells. Rows are padded to the widest row so columns line up. Only the header when
 * nothing was rejected.
 */
export function rejectedRowsCsv(result: FileIngestResult, lang: Lang): string {
  const width = maxOf(
    result.rejectedRows.map((r) => r.raw.length),
    0,
  );
  const header = [
    // A JSON document names its records by JSON path (a minified file is a single line).
    translate(
      lang,
      result.format === 'json' ? 'dashboard.report.location' : 'dashboard.report.rejectedCsv.line',
    ),
    translate(lang, 'dashboard.report.rejectedCsv.reason'),
    ...Array.from({ length: width }, (_, i) =>
      translate(lang, 'dashboard.report.rejectedCsv.cell', { n: i + 1 }),
    ),
  ];
  const rows = result.rejectedRows.map((r) => [
    // A plain line stays a number cell; a sheet row or JSON path is text.
    r.sheet === undefined && r.path === undefined ? r.line : recordLocation(r),
    r.reasons.map((i) => issueText(lang, i)).join('；'),
    ...r.raw,
    ...Array.from({ length: width - r.raw.length }, () => ''),
  ]);
  return rowsToCsv([header, ...rows]);
}

/** File name for a file's rejected rows, derived from the imported file's name. */
export const rejectedFileName = (file: string): string => `${file.replace(/\.[^.]*$/, '')}-被拒绝的行.csv`;
