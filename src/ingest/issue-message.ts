/**
 * Renders an ingest issue as text in one language. Messages name their location ("第 {line} 行"),
 * but file-level issues and JSON array elements have no line or column: those fragments are
 * removed here rather than printing "第 - 行".
 */
import { isMessageKey, translate, type Lang } from '../i18n/i18n';
import type { IngestIssue } from './types';

const NO_LINE = [/\s*第\s*-\s*行/gu, /,?\s*line -(?=[\s:,.])/gu];
const NO_COLUMN = [/\s*“-”\s*列/gu, /\s*-\s*列/gu, /,?\s*column "?-"?(?=[\s:,.])/gu];

/** The issue's message in `lang`; an unknown code (data from an older backup) is shown as is. */
export function issueMessage(lang: Lang, issue: IngestIssue): string {
  const code: string = issue.code;
  if (!isMessageKey(code)) return code;
  let text = translate(lang, code, issue.params);
  if (issue.line === null && issue.params['line'] === '-')
    for (const re of NO_LINE) text = text.replace(re, '');
  if (issue.column === null && issue.params['column'] === '-')
    for (const re of NO_COLUMN) text = text.replace(re, '');
  return text.replace(/^\s*[，,]\s*/u, '').replace(/\s+：/gu, '：');
}
