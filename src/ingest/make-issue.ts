/**
 * Builds {@link IngestIssue} values. Every issue carries where (file, line, column), what (raw
 * value) and a message key; `line`, `column` and `value` are also copied into `params` so the
 * message text can name them in either language.
 */
import type { MessageKey } from '../i18n/catalog';
import type { IngestIssue, Severity } from './types';

/** Maximum characters of a raw value kept in an issue (longer values are cut with an ellipsis). */
export const MAX_ISSUE_VALUE_CHARS = 200;

export interface IssueInit {
  readonly severity: Severity;
  readonly code: MessageKey;
  readonly line?: number | null;
  /** JSON path of the element, for JSON documents (see IngestIssue.path). */
  readonly path?: string | null;
  readonly column?: string | null;
  readonly field?: string | null;
  readonly value?: string | null;
  readonly params?: Readonly<Record<string, string | number>>;
}

/** Cuts a raw value to {@link MAX_ISSUE_VALUE_CHARS}; null stays null. */
export function truncateValue(value: string | null | undefined, max = MAX_ISSUE_VALUE_CHARS): string | null {
  if (value === null || value === undefined) return null;
  return value.length > max ? `${value.slice(0, max)}…` : value;
}

/**
 * Creates an issue for `file`. Missing location parts become null. Params get `line`, `column`
 * and `value` (as display text, `-` when absent) unless the caller set them explicitly.
 */
export function makeIssue(file: string, init: IssueInit): IngestIssue {
  const line = init.line ?? null;
  const column = init.column ?? null;
  const value = truncateValue(init.value);
  return {
    severity: init.severity,
    code: init.code,
    file,
    line,
    ...(init.path ? { path: init.path } : {}),
    column,
    field: init.field ?? null,
    value,
    params: { file, line: line ?? '-', column: column ?? '-', value: value ?? '', ...init.params },
  };
}
