/**
 * The first steps every value grammar shares: cap the length (before any regex, docs/input-rules.md
 * F9), reject control characters (docs/input-rules.md A15), normalise (docs/input-rules.md A13/A14), unwrap Excel's text idioms (docs/input-rules.md C7) and
 * recognise "not reported" markers (docs/domain.md#not-reported-vs-zero).
 */
import { hasControlChars, isPlainText, normaliseCell } from '../normalise-text';
import { CELL_NULL, cellError, quoteValue, type CellNote, type CellResult } from './cell-result';

/** A cell ready for a grammar: normalised text plus the notes collected so far. */
export interface PreparedCell {
  readonly text: string;
  readonly notes: readonly CellNote[];
}

// Excel error values and "not applicable" markers; compared after NFKC and upper-casing.
const MISSING_MARKERS = new Set([
  '',
  '/',
  '\\',
  '无此项',
  '不适用',
  '未报',
  'N/A',
  'NULL',
  '#DIV/0!',
  '#N/A',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#NULL!',
  '#SPILL!',
  '#CALC!',
  '#GETTING_DATA',
]);

// Dash-like characters a clerk uses for "nothing to report": - – — ― − ﹣ (after NFKC － is -).
const DASHES = /^[-\u2010-\u2015\u2212\uFE58\uFE63/]{1,4}$/;

/** True when a normalised cell is a "not reported" marker (blank, `/`, dashes, `#DIV/0!` …). */
export function isMissingMarker(text: string): boolean {
  return MISSING_MARKERS.has(text.toUpperCase()) || DASHES.test(text);
}

/**
 * Runs the shared steps. Returns an error (too long, control characters), `null` for a missing
 * marker, or the prepared text. `maxChars` applies to the raw value before anything else, so a
 * 100 000-character cell costs one comparison. `="0012"` becomes `0012` and a leading `'` (Excel's
 * text marker, e.g. `'123`) is dropped, both with the note `excel_text_idiom`.
 */
export function prepareCell(raw: string, maxChars: number): PreparedCell | CellResult<never> {
  if (raw.length > maxChars * 4) return cellError('cells.too_long', { length: raw.length, max: maxChars });
  const plain = isPlainText(raw);
  // Plain text (ASCII and CJK ideographs only) has no control characters and is its own NFKC.
  if (!plain && hasControlChars(raw)) return cellError('cells.control_chars', { value: quoteValue(raw) });
  const notes: CellNote[] = [];
  let text = plain ? raw.trim() : normaliseCell(raw);
  if (text.length > maxChars) return cellError('cells.too_long', { length: text.length, max: maxChars });
  if (!plain && raw.normalize('NFKC') !== raw) notes.push('fullwidth_normalised');
  const unwrapped = unwrapExcelText(text);
  if (unwrapped !== null) {
    text = unwrapped.trim();
    notes.push('excel_text_idiom');
  } else if (text.startsWith("'")) {
    text = text.slice(1).trim();
    notes.push('excel_text_idiom');
  }
  if (isMissingMarker(text)) return CELL_NULL;
  return { text, notes };
}

/** True when {@link prepareCell} stopped early (error or null) instead of giving text. */
export function isFinal(p: PreparedCell | CellResult<never>): p is CellResult<never> {
  return 'kind' in p;
}

/**
 * Unwraps Excel's `="..."` text idiom (used to keep leading zeros); doubled quotes inside become
 * one. Returns null when the text is not in that form.
 * @example unwrapExcelText('="0012"') === '0012'
 */
export function unwrapExcelText(text: string): string | null {
  if (text.length < 3 || !text.startsWith('="') || !text.endsWith('"')) return null;
  const inner = text.slice(2, -1);
  // A lone quote inside means this is a real formula such as ="a"&"b", not the idiom.
  if (inner.replace(/""/g, '').includes('"')) return null;
  return inner.replace(/""/g, '"');
}
