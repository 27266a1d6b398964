/**
 * Renders an ingest issue as text in one language. Messages name their location ("第 {line} 行"),
 * but file-level issues and JSON array elements have no line or column: those fragments are
 * removed here rather than printing "第 - 行". An issue inside a JSON document names its element
 * by JSON path instead of its line (a minified file is one line): "第 1 行“hazards_found”列"
 * becomes `township_month[12].hazards_found`.
 */
import { isMessageKey, translate, type Lang } from '../i18n/i18n';
// Issue texts live in the on-demand message areas (src/i18n/catalog.ts): whoever shows them loads them.
import '../i18n/lazy-messages';
import { appendKey } from './json-path';
import type { IngestIssue } from './types';

const NO_LINE = [/\s*第\s*-\s*行/gu, /,?\s*line -(?=[\s:,.])/gu];
const NO_COLUMN = [/\s*“-”\s*列/gu, /\s*-\s*列/gu, /,?\s*column "?-"?(?=[\s:,.])/gu];

// Placeholders for the location params while a JSON issue's message is built (never in data:
// they are control characters the cell grammar rejects).
const LINE = '\u0001';
const COLUMN = '\u0002';
const OTHER = '\u0003';

/**
 * Where an issue is, as a person looks for it: `sheet!cell` in a workbook (`汇总!F5`, `汇总!5:5`),
 * the JSON path (plus the key of the cell) for an element of a JSON document, else the line
 * number; '' when none applies. The one location rule for the import report, downloads and CLI.
 */
export function issueLocation(
  issue: Pick<IngestIssue, 'path' | 'line' | 'column' | 'sheet' | 'cell'>,
): string {
  if (issue.sheet !== undefined)
    return issue.cell !== undefined ? `${issue.sheet}!${issue.cell}` : issue.sheet;
  if (issue.path) return issue.column ? appendKey(issue.path, issue.column) : issue.path;
  return issue.line === null ? '' : String(issue.line);
}

/** Where a rejected or ignored record is: `sheet!line`, its JSON path, else its line; '' when none. */
export const recordLocation = (r: {
  readonly path?: string;
  readonly sheet?: string;
  readonly line: number | null;
}): string =>
  r.sheet !== undefined ? `${r.sheet}!${r.line ?? ''}` : (r.path ?? (r.line === null ? '' : String(r.line)));

function jsonMessage(lang: Lang, code: Parameters<typeof translate>[1], issue: IngestIssue): string {
  const path = issue.path ?? '';
  const column = issue.column ?? '';
  const otherPath = issue.params['otherPath'];
  const params = {
    ...issue.params,
    line: LINE,
    ...(issue.column !== null ? { column: COLUMN } : {}),
    ...(typeof otherPath === 'string' ? { otherLine: OTHER } : {}),
  };
  const cell = issue.column !== null ? appendKey(path, column) : path;
  return translate(lang, code, params)
    .replace(new RegExp(`第\\s*${LINE}\\s*行\\s*“${COLUMN}”\\s*列`, 'gu'), ` ${cell} `)
    .replace(new RegExp(`line ${LINE}, column "${COLUMN}"`, 'gu'), cell)
    .replace(new RegExp(`第\\s*${LINE}\\s*行`, 'gu'), ` ${path} `)
    .replace(new RegExp(`line ${LINE}`, 'gu'), path)
    .replace(new RegExp(`第\\s*${OTHER}\\s*行`, 'gu'), ` ${String(otherPath ?? '')} `)
    .replace(new RegExp(`line ${OTHER}`, 'gu'), String(otherPath ?? ''))
    .replaceAll(LINE, String(issue.line ?? '-'))
    .replaceAll(COLUMN, column)
    .replaceAll(OTHER, String(issue.params['otherLine'] ?? '-'))
    .replace(/ {2,}/gu, ' ');
}

/** The issue's message in `lang`; an unknown code (data from an older backup) is shown as is. */
export function issueMessage(lang: Lang, issue: IngestIssue): string {
  const code: string = issue.code;
  if (!isMessageKey(code)) return code;
  let text = issue.path ? jsonMessage(lang, code, issue) : translate(lang, code, issue.params);
  if (issue.line === null && issue.params['line'] === '-')
    for (const re of NO_LINE) text = text.replace(re, '');
  if (issue.column === null && issue.params['column'] === '-')
    for (const re of NO_COLUMN) text = text.replace(re, '');
  return text.replace(/^\s*[，,]\s*/u, '').replace(/\s+：/gu, '：');
}
