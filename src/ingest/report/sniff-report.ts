/**
 * Decides by content, not by file name, what a file is: a Word report (docx, doc), a workbook or
 * other zip, an encrypted Office file, a CSV table or a prose report in text. The extension is only
 * a tie-breaker nowhere: a .txt that is a CSV goes to the table path, a .docx that is an xlsx is
 * said to be one (docs/decisions/0006-report-readers.md).
 */
import { zipEntryNames } from './read-docx';

export type ZipKind = 'docx' | 'xlsx' | 'pptx' | 'odf' | 'zip';

/** What a zip holds, from its entry names. */
export function classifyZip(names: readonly string[]): ZipKind {
  const has = (n: string): boolean => names.includes(n);
  if (has('word/document.xml') || names.some((n) => /^word\/document\d*\.xml$/.test(n))) return 'docx';
  if (has('xl/workbook.xml') || names.some((n) => n.startsWith('xl/'))) return 'xlsx';
  if (names.some((n) => n.startsWith('ppt/'))) return 'pptx';
  if (has('mimetype') && has('content.xml')) return 'odf';
  return 'zip';
}

export type SniffedKind =
  | { readonly kind: 'empty' }
  | { readonly kind: 'docx' }
  | { readonly kind: 'zip'; readonly zip: Exclude<ZipKind, 'docx'> }
  | { readonly kind: 'corrupt-zip' }
  | { readonly kind: 'cfb' }
  | { readonly kind: 'pdf' }
  | { readonly kind: 'binary' }
  | { readonly kind: 'text' };

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean =>
  bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);

export const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;

/** The container kind of a file from its bytes (a CFB is told apart later: doc, encrypted, xls). */
export function sniffContainer(bytes: Uint8Array): SniffedKind {
  if (bytes.length === 0) return { kind: 'empty' };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    const names = zipEntryNames(bytes);
    if (names === null) return { kind: 'corrupt-zip' };
    const zip = classifyZip(names);
    return zip === 'docx' ? { kind: 'docx' } : { kind: 'zip', zip };
  }
  if (startsWith(bytes, CFB_SIGNATURE)) return { kind: 'cfb' };
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return { kind: 'pdf' };
  // UTF-16 text has NULs; only a BOM-less binary file has NULs without a UTF-16 BOM.
  const utf16 = startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]);
  if (!utf16 && bytes.subarray(0, 4096).includes(0)) return { kind: 'binary' };
  return { kind: 'text' };
}

/**
 * Prose report or CSV table? A table has, on most of its first non-empty lines, the same number
 * (at least one, and at least two on the header) of one ASCII delimiter (, tab ; |); prose uses
 * full-width punctuation and its lines differ. A report with a small tab-separated table among its
 * paragraphs stays prose: the consistent lines must be at least 80% of those looked at.
 */
export function sniffTextKind(text: string): 'csv' | 'report' {
  const lines = text
    .split(/\r\n|\n|\r/)
    .map((l) => l.replace(/^\uFEFF/, ''))
    .filter((l) => l.trim() !== '')
    .slice(0, 50);
  if (lines.length === 0) return 'report';
  for (const d of [',', '\t', ';', '|']) {
    const counts = lines.map((l) => l.split(d).length - 1);
    const tally = new Map<number, number>();
    for (const c of counts) if (c > 0) tally.set(c, (tally.get(c) ?? 0) + 1);
    let best = 0;
    let bestCount = 0;
    for (const [c, n] of tally) if (n > bestCount || (n === bestCount && c > best)) [best, bestCount] = [c, n];
    if (best === 0) continue;
    const enough = lines.length === 1 ? best >= 2 : bestCount >= Math.max(2, Math.ceil(lines.length * 0.8));
    if (enough) return 'csv';
  }
  return 'report';
}
