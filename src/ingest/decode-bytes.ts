/**
 * Bytes → text. Order (docs/input-rules.md#a-encodings-and-bytes): BOM → strict UTF-8 → GB18030. Never GB18030 first:
 * UTF-8 bytes can decode "successfully" as plausible mojibake. The whole input is decoded with one
 * decoder call; decoding slices separately corrupts characters at slice boundaries (PapaParse #751).
 */
import type { MessageKey } from '../i18n/catalog';
import type { EncodingName } from './types';

export interface DecodedText {
  readonly text: string;
  readonly encoding: EncodingName;
}

export interface DecodeFailure {
  readonly code: MessageKey;
  readonly params: Readonly<Record<string, string | number>>;
  /** The encoding the failure concerns, when one was recognised. */
  readonly encoding: EncodingName | null;
}

export type DecodeResult = { ok: true; value: DecodedText } | { ok: false; error: DecodeFailure };

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean =>
  bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);

/**
 * Recognises files that are not text tables by their first bytes (docs/input-rules.md B18): an xlsx/zip workbook,
 * an old binary .xls (OLE2), a PDF. Returns the message key to show, or null for anything else
 * (including empty input). HTML is recognised after decoding, see {@link sniffMarkup}.
 */
export function sniffBinaryFormat(bytes: Uint8Array): MessageKey | null {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'ingest.format_xlsx';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return 'ingest.format_xls';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return 'ingest.format_pdf';
  return null;
}

/**
 * Recognises decoded text that is markup (an Excel "xls" that is really HTML, or a login page
 * served instead of data: docs/input-rules.md E4). Leading whitespace is skipped; case-insensitive. Null otherwise.
 */
export function sniffMarkup(text: string): MessageKey | null {
  const head = text.slice(0, 512).trimStart().toLowerCase();
  if (/^<(!doctype|html|table|head|body|meta|\?xml|!--)/.test(head)) return 'ingest.format_html';
  return null;
}

interface Utf8Check {
  /** Offset of the first invalid byte, or -1 when the input is valid UTF-8. */
  readonly invalidAt: number;
  /** True when the only problem is an incomplete sequence at the very end (a truncated file). */
  readonly truncatedTail: boolean;
  /** Number of multibyte (non-ASCII) characters before `invalidAt`. */
  readonly multibyte: number;
}

/**
 * A strict UTF-8 validator used only to explain a failed strict decode (where it failed and
 * whether the file was cut short); the text itself always comes from one TextDecoder call.
 */
function checkUtf8(bytes: Uint8Array, from = 0, to = bytes.length): Utf8Check {
  let i = from;
  let multibyte = 0;
  while (i < to) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return { invalidAt: i, truncatedTail: false, multibyte };
    }
    let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      if (i + k >= to) return { invalidAt: i, truncatedTail: to === bytes.length, multibyte };
      const c = bytes[i + k] ?? 0;
      if ((c & 0xc0) !== 0x80) return { invalidAt: i, truncatedTail: false, multibyte };
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      return { invalidAt: i, truncatedTail: false, multibyte };
    }
    multibyte++;
    i += need + 1;
  }
  return { invalidAt: -1, truncatedTail: false, multibyte };
}

/** Counts 3-byte UTF-8 sequences that encode CJK ideographs (U+4E00–U+9FFF) in a byte range. */
function countUtf8Cjk(bytes: Uint8Array, from: number, to: number): number {
  let n = 0;
  for (let i = from; i + 2 < to; i++) {
    const b = bytes[i] ?? 0;
    if (b >= 0xe4 && b <= 0xe9) {
      const c1 = bytes[i + 1] ?? 0;
      const c2 = bytes[i + 2] ?? 0;
      if ((c1 & 0xc0) === 0x80 && (c2 & 0xc0) === 0x80) {
        n++;
        i += 2;
      }
    }
  }
  return n;
}

/**
 * Finds the first physical line (1-based) where the encoding changes (docs/input-rules.md A7: a UTF-8 export and a
 * GBK export joined with `copy /b`), or null when the file is not mixed. A line counts as UTF-8
 * when it is valid UTF-8 with at least two CJK characters (short GBK runs can pass as UTF-8 by
 * accident); a line counts as not-UTF-8 when strict validation fails in it.
 */
export function findEncodingSwitchLine(bytes: Uint8Array): number | null {
  let sawUtf8 = false;
  let sawOther = false;
  let line = 1;
  let start = 0;
  for (;;) {
    // The next line end by the native byte search, not a loop over every byte in JS.
    const lf = bytes.indexOf(0x0a, start);
    const i = lf < 0 ? bytes.length : lf;
    const check = checkUtf8(bytes, start, i);
    if (check.invalidAt >= 0) {
      if (sawUtf8) return line;
      sawOther = true;
    } else if (countUtf8Cjk(bytes, start, i) >= 2) {
      if (sawOther) return line;
      sawUtf8 = true;
    }
    if (lf < 0) return null;
    line++;
    start = i + 1;
  }
}

/** Removes every leading U+FEFF (a second BOM survives one decoder pass, e.g. after concatenation). */
export const stripLeadingBom = (text: string): string => text.replace(/^\uFEFF+/, '');

const fail = (
  code: MessageKey,
  encoding: EncodingName | null,
  params: Record<string, string | number> = {},
): DecodeResult => ({ ok: false, error: { code, encoding, params } });

function decodeWith(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Decodes a whole file. BOM (UTF-8, UTF-16LE, UTF-16BE) wins; otherwise strict UTF-8, then
 * GB18030. Fails (a value, never a throw) for: a file cut inside a multibyte character (docs/input-rules.md A10),
 * mixed encodings (docs/input-rules.md A7), GB18030 output containing U+FFFD (cannot determine the encoding), NUL
 * bytes without a UTF-16 BOM. Empty input decodes to '' as UTF-8. Leading U+FEFF are stripped.
 */
export function decodeBytes(bytes: Uint8Array): DecodeResult {
  const ok = (text: string, encoding: EncodingName): DecodeResult => ({
    ok: true,
    value: { text: stripLeadingBom(text), encoding },
  });
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    const text = decodeWith('utf-8', bytes);
    if (text !== null) return ok(text, 'utf-8-bom');
    const check = checkUtf8(bytes, 3);
    if (check.truncatedTail) return fail('ingest.truncated_char', 'utf-8-bom', { encoding: 'UTF-8' });
    const switchLine = findEncodingSwitchLine(bytes.subarray(3));
    if (switchLine !== null) return fail('ingest.mixed_encoding', 'utf-8-bom', { switchLine });
    return fail('ingest.invalid_bytes_for_bom', 'utf-8-bom', { encoding: 'UTF-8', offset: check.invalidAt });
  }
  const utf16 = startsWith(bytes, [0xff, 0xfe])
    ? 'utf-16le'
    : startsWith(bytes, [0xfe, 0xff])
      ? 'utf-16be'
      : null;
  if (utf16 !== null) {
    if (bytes.length % 2 !== 0)
      return fail('ingest.truncated_char', utf16, { encoding: utf16.toUpperCase() });
    const text = decodeWith(utf16, bytes);
    if (text !== null) return ok(text, utf16);
    return fail('ingest.invalid_bytes_for_bom', utf16, { encoding: utf16.toUpperCase(), offset: 0 });
  }
  // NUL bytes never occur in GB18030 or UTF-8 text tables: UTF-16 without a BOM, or a binary file.
  const nul = bytes.subarray(0, 4096).indexOf(0);
  if (nul >= 0) return fail('ingest.binary_content', null, { offset: nul });

  const utf8 = decodeWith('utf-8', bytes);
  if (utf8 !== null) return ok(utf8, 'utf-8');
  const check = checkUtf8(bytes);
  if (check.truncatedTail && check.multibyte > 0) {
    return fail('ingest.truncated_char', 'utf-8', { encoding: 'UTF-8' });
  }
  const switchLine = findEncodingSwitchLine(bytes);
  if (switchLine !== null) return fail('ingest.mixed_encoding', null, { switchLine });

  const gb = new TextDecoder('gb18030').decode(bytes);
  const bad = gb.indexOf('\uFFFD');
  if (bad >= 0) {
    // A lone lead byte at the very end decodes to one trailing U+FFFD: the file was cut short.
    if (bad === gb.length - 1) return fail('ingest.truncated_char', 'gb18030', { encoding: 'GB18030' });
    return fail('ingest.unknown_encoding', null, {});
  }
  return ok(gb, 'gb18030');
}
