/**
 * Formula-injection guard for spreadsheet exports (CWE-1236, docs/input-rules.md F1–F3).
 * A text cell that a spreadsheet might evaluate gets one leading `'`; the import grammar strips
 * exactly one `'` before a trigger, so export → import restores the original text.
 */

/** Characters that make Excel, WPS or LibreOffice treat a cell as a formula (incl. full-width forms). */
const TRIGGER_AFTER_SPACE = /^'*[\s\u00a0\u3000\ufeff]*[=+\-@\uff1d\uff0b\uff0d\uff20]/;
/** TAB and CR are triggers in their own right (Symfony CVE-2021-41270), even as the first char. */
const TRIGGER_CONTROL = /^'*[\t\r]/;

/**
 * True when a text cell would be read as a formula by a spreadsheet: its first non-whitespace
 * character (whitespace includes U+3000 and NBSP) is `= + - @` or a full-width `＝ ＋ － ＠`, or it
 * starts with TAB or CR. Leading `'` are looked through so that a text which already starts with
 * `'=` keeps its apostrophe after the import strips one. Line breaks inside the text do not matter
 * (unlike PapaParse's `escapeFormulae`, PR #1149). Empty text is never a formula.
 */
export function isFormulaLike(text: string): boolean {
  return TRIGGER_CONTROL.test(text) || TRIGGER_AFTER_SPACE.test(text);
}

/**
 * Neutralises a text cell for spreadsheets by prefixing `'` when {@link isFormulaLike}; any other
 * text is returned unchanged. Only for text: numbers are written as numbers and never prefixed.
 * @example neutraliseFormula('=1+1') === "'=1+1"; neutraliseFormula('隐患12处') === '隐患12处'
 */
export function neutraliseFormula(text: string): string {
  return isFormulaLike(text) ? `'${text}` : text;
}
