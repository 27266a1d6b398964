/**
 * Free-text cells (remarks, problem statements, hazard descriptions). Text is kept as the clerk
 * wrote it: no NFKC (it would turn the full-width `，` of Chinese prose into `,`), only trimmed.
 */
import { hasControlChars } from '../normalise-text';
import { cellError, cellValue, quoteValue, type CellNote, type CellResult } from './cell-result';
import { unwrapExcelText } from './prepare-cell';

// The characters our CSV/XLSX export neutralises with a leading `'` (docs/input-rules.md F1–F3).
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠']);

/**
 * True when `text` starts with the `'` our export adds before a formula trigger: the first
 * character after the quote, skipping spaces and U+3000, is one of `= + - @ TAB CR ＝ ＋ － ＠`.
 */
export function hasFormulaQuote(text: string): boolean {
  if (!text.startsWith("'")) return false;
  let i = 1;
  while (i < text.length && (text[i] === ' ' || text[i] === '\u3000')) i++;
  return i < text.length && FORMULA_TRIGGERS.has(text[i] as string);
}

/** Counts code points (a CJK or emoji character counts once) without building an array. */
function codePointLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) n++;
  }
  return n;
}

/**
 * Parses a text cell: trims (including U+3000 and NBSP); blank → null. Excel's `="0012"` idiom →
 * `0012` (note `excel_text_idiom`). Exactly one leading `'` is removed when it guards a formula
 * trigger (note `formula_quote_stripped`), so our export → import round trip gives back the
 * original text; other leading quotes are kept. Errors: longer than `opts.maxChars` code points
 * (checked before any regex), control characters or bidi overrides (TAB, LF and CR are allowed).
 * @example parseText("'=SUM(A1)", { maxChars: 500 }) // value '=SUM(A1)', note formula_quote_stripped
 */
export function parseText(raw: string, opts: { maxChars: number }): CellResult<string> {
  // The UTF-16 length is an upper bound for the code-point count: a cheap first cap (docs/input-rules.md F9).
  if (raw.length > opts.maxChars * 2 + 1000) {
    return cellError('cells.text.too_long', { length: raw.length, max: opts.maxChars });
  }
  let text = raw.trim();
  const length = codePointLength(text);
  if (length > opts.maxChars) return cellError('cells.text.too_long', { length, max: opts.maxChars });
  if (hasControlChars(text)) return cellError('cells.control_chars', { value: quoteValue(text) });
  if (text === '') return { kind: 'null' };
  const notes: CellNote[] = [];
  const unwrapped = unwrapExcelText(text);
  if (unwrapped !== null) {
    text = unwrapped;
    notes.push('excel_text_idiom');
  } else if (hasFormulaQuote(text)) {
    text = text.slice(1);
    notes.push('formula_quote_stripped');
  }
  if (text.trim() === '') return { kind: 'null' };
  return cellValue(text, notes);
}
