/**
 * Text clean-up shared by every cell grammar and by township matching (docs/input-rules.md A13–A15).
 * Pure: no DOM, no `Date`. All functions are linear in the input length (no backtracking regexes).
 */

// Format characters (Unicode category Cf): zero-width space/joiners, BOM, soft hyphen, bidi marks.
// They are invisible in Excel and WPS, so a clerk cannot see why `城关镇\u200B` fails to match.
const FORMAT_CHARS = /\p{Cf}/gu;

// C0 controls except TAB, LF, CR; DEL; C1 controls (they only appear after a wrong decode);
// bidi embeddings/overrides U+202A–202E and isolates U+2066–2069 (Trojan-source style spoofing).
// Matching control characters is the point of this pattern, hence the lint exception.
/* eslint-disable no-control-regex */
const CONTROL_CHARS_PATTERN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;
/* eslint-enable no-control-regex */
const CONTROL_CHARS_SOURCE = CONTROL_CHARS_PATTERN.source;
const CONTROL_CHARS = new RegExp(CONTROL_CHARS_SOURCE, 'u');
const CONTROL_CHARS_ALL = new RegExp(CONTROL_CHARS_SOURCE, 'gu');

/**
 * Normalises a raw cell for parsing: Unicode NFKC (full-width digits and punctuation become ASCII,
 * `１２` → `12`, `（` → `(`, U+3000 and NBSP → space), removes format characters (zero-width space,
 * BOM, bidi marks), then trims. Empty or all-blank input gives `''`. Does not collapse inner spaces.
 * @example normaliseCell('\uFEFF １２\u200B ') === '12'
 */
export function normaliseCell(raw: string): string {
  // NBSP is mapped by NFKC already; the explicit replace keeps the rule visible and survives a
  // future switch to NFC.
  return raw
    .normalize('NFKC')
    .replace(FORMAT_CHARS, '')
    .replace(/\u00A0/g, ' ')
    .trim();
}

/**
 * True when the text contains a control character that has no business in a report cell: C0
 * controls other than TAB/LF/CR, DEL, C1 controls, or a bidi override/isolate (U+202A–202E,
 * U+2066–2069). Empty input gives false. Check the RAW value, before {@link normaliseCell},
 * which would silently remove the bidi characters.
 */
export function hasControlChars(raw: string): boolean {
  return CONTROL_CHARS.test(raw);
}

/**
 * Replaces every character {@link hasControlChars} rejects with U+FFFD, so a value can be quoted
 * back in a message without a bidi override reordering the message. Empty input gives ''.
 */
export function maskControlChars(raw: string): string {
  return raw.replace(CONTROL_CHARS_ALL, '\uFFFD');
}

/**
 * True when `text` has only printable ASCII (U+0020–007E) and CJK unified ideographs (U+4E00–9FFF):
 * characters that NFKC leaves alone whatever surrounds them (no compatibility mapping, no
 * combining), with no format, control or non-ASCII space characters. For such text
 * {@link normaliseCell} is just `trim()` and {@link hasControlChars} is false, so the cell
 * grammars skip NFKC and the regex passes: most cells of a real report (digits, dates, township
 * and sector names) are like this. A char-code scan, no regex.
 */
export function isPlainText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7e ? c < 0x4e00 || c > 0x9fff : c < 0x20) return false;
  }
  return true;
}

/** True for the characters String.prototype.trim removes (ECMAScript WhiteSpace and LineTerminator). */
export function isTrimSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * `text.trim() === ''` without the trimmed copy: V8 copies a long text to trim it (84 ms on a
 * 10-million-character file), where this stops at the first visible character.
 */
export function isBlankText(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isTrimSpace(text.charCodeAt(i))) return false;
  return true;
}
