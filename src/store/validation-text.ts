/**
 * Renders a validation issue of a backup, settings or config file in one language: the issue's
 * message with its `{reason}` translated as well, prefixed by where it is (a JSON path such as
 * `$.records[3].record.period`). Shared by every screen that shows these issues.
 */
import { translate, type Lang } from '../i18n/i18n';
import type { ValidationIssue } from './json-guard';

/** The issue's message in `lang`, without its location. */
export function validationMessage(lang: Lang, issue: ValidationIssue): string {
  const reason = issue.reason ? translate(lang, issue.reason.code, issue.reason.params) : '';
  return translate(lang, issue.code, { ...issue.params, reason });
}

/** `path：message` (zh) or `path: message` (en). */
export function validationIssueText(lang: Lang, issue: ValidationIssue): string {
  return translate(lang, 'store.validation.at', {
    path: issue.path,
    message: validationMessage(lang, issue),
  });
}
