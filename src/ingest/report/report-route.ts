/**
 * Which files go to the report path (src/ingest/report/ingest-report.ts) rather than the table
 * path, decided from the bytes without loading the readers, so the worker imports them only when
 * a report arrives (docs/decisions/0006-report-readers.md, "Decide by content"): a zip holding
 * `word/document.xml`, a Compound File holding a `WordDocument` or an encrypted-package stream,
 * and a `.txt` file (a CSV-like one is sent back to the table path by the report reader itself).
 * A `.csv`/`.json` name keeps its file on the table path, so a large table is never decoded twice.
 */
// The Compound File signature (as in sniff-report.ts, which imports the docx reader).
const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;

const ascii = (s: string): Uint8Array => new Uint8Array([...s].map((c) => c.charCodeAt(0)));
const utf16le = (s: string): Uint8Array => new Uint8Array([...s].flatMap((c) => [c.charCodeAt(0), 0]));

const WORD_PART = ascii('word/document');
const WORD_STREAM = utf16le('WordDocument');
const ENCRYPTED_STREAM = utf16le('EncryptedPackage');

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

/** True when `needle` occurs in `bytes` (a plain scan: names sit in zip/CFB directories). */
export function containsBytes(bytes: Uint8Array, needle: Uint8Array): boolean {
  const first: number = needle[0] ?? -1;
  if (first < 0) return true;
  const last = bytes.length - needle.length;
  outer: for (let i = bytes.indexOf(first); i !== -1 && i <= last; i = bytes.indexOf(first, i + 1)) {
    for (let j = 1; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** True when `bytes` (named `fileName`) should be read as a monthly report. */
export function isReportFile(bytes: Uint8Array, fileName: string): boolean {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return containsBytes(bytes, WORD_PART);
  if (startsWith(bytes, CFB_SIGNATURE))
    return containsBytes(bytes, WORD_STREAM) || containsBytes(bytes, ENCRYPTED_STREAM);
  const name = fileName.toLowerCase();
  return name.endsWith('.txt') || name.endsWith('.doc') || name.endsWith('.docx');
}
