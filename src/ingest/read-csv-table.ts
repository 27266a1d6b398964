/**
 * Text → rows of cells with their physical line numbers, via PapaParse with `header: false`
 * (Papa's header mode drops `__proto__` columns and renames duplicates silently: docs/decisions/0002-own-delimiter-and-encoding-detection.md).
 */
import Papa from 'papaparse';

/** One parsed record: its cells and the 1-based physical line on which it starts. */
export interface CsvRow {
  readonly line: number;
  readonly cells: readonly string[];
}

export type CsvTableResult =
  | { readonly ok: true; readonly rows: readonly CsvRow[] }
  /** An unterminated or malformed quote (docs/input-rules.md B1, B3): the whole file is unreliable after it. */
  | { readonly ok: false; readonly quoteLine: number };

/**
 * Turns CRLF and lone CR into LF so no `\r` survives in any value (docs/input-rules.md B5, B6) and line counting
 * matches what an editor shows (each of CRLF, CR, LF ends one line).
 */
export const normaliseLineEnds = (text: string): string => text.replace(/\r\n?/g, '\n');

/** 1-based line of a character offset in LF-only text. */
function lineAtOffset(text: string, offset: number): number {
  let line = 1;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * Parses LF-only `text` with `delimiter`. Each row's line is the previous row's line plus one plus
 * the newlines embedded in its quoted cells, so later line numbers stay right after a multi-line
 * remark (docs/input-rules.md B4). The empty record Papa emits after a final newline is dropped (it is not a line).
 * Any `Quotes` error rejects the whole table, naming the line of the offending quote. Empty
 * text → no rows.
 */
export function readCsvTable(text: string, delimiter: string): CsvTableResult {
  if (text === '') return { ok: true, rows: [] };
  const fast = readPlainCsv(text, delimiter);
  if (fast) return { ok: true, rows: fast };
  return readWithPapa(text, delimiter);
}

const QUOTE = 0x22;
const LF = 0x0a;

/**
 * The common case read in one char-code pass, with the rows and lines PapaParse (`header: false`,
 * `newline: '\n'`) gives for it: fields unquoted (no `"` in them) or wholly quoted with `""` for a
 * quote and a delimiter, LF or the end right after the closing quote. Anything else — a quote
 * inside an unquoted field, text after a closing quote, an unterminated quote, a leading BOM
 * (Papa strips it), a delimiter longer than one character — returns null, and the caller hands
 * the whole text to PapaParse, so odd files get exactly Papa's reading and its quote errors
 * (docs/decisions/0002-own-delimiter-and-encoding-detection.md). No regex, one string per cell.
 */
function readPlainCsv(text: string, delimiter: string): CsvRow[] | null {
  if (delimiter.length !== 1 || text.charCodeAt(0) === 0xfeff) return null;
  const delim = delimiter.charCodeAt(0);
  const len = text.length;
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let line = 1;
  let rowLine = 1;
  let pos = 0;
  for (;;) {
    let end: number; // the char after the field: delimiter, LF or len
    if (pos < len && text.charCodeAt(pos) === QUOTE) {
      let value = '';
      let from = pos + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q < 0) return null;
        if (q + 1 < len && text.charCodeAt(q + 1) === QUOTE) {
          value += text.slice(from, q + 1);
          from = q + 2;
          continue;
        }
        value += text.slice(from, q);
        end = q + 1;
        break;
      }
      if (end < len) {
        const c = text.charCodeAt(end);
        if (c !== delim && c !== LF) return null;
      }
      for (let i = value.indexOf('\n'); i >= 0; i = value.indexOf('\n', i + 1)) line++;
      cells.push(value);
    } else {
      end = pos;
      while (end < len) {
        const c = text.charCodeAt(end);
        if (c === delim || c === LF) break;
        if (c === QUOTE) return null;
        end++;
      }
      cells.push(text.slice(pos, end));
    }
    if (end < len && text.charCodeAt(end) === delim) {
      pos = end + 1;
      continue;
    }
    rows.push({ line: rowLine, cells });
    if (end >= len) break;
    cells = [];
    line++;
    rowLine = line;
    pos = end + 1;
  }
  // Papa's empty record after a final newline is not a line (see readCsvTable).
  const last = rows[rows.length - 1];
  if (text.charCodeAt(len - 1) === LF && last && last.cells.length === 1 && last.cells[0] === '') rows.pop();
  return rows;
}

/**
 * {@link readCsvTable} through PapaParse, for text {@link readPlainCsv} leaves to it; exported as
 * the reference the fast reader is tested against.
 */
export function readWithPapa(text: string, delimiter: string): CsvTableResult {
  const parsed = Papa.parse<string[]>(text, {
    header: false,
    skipEmptyLines: false,
    delimiter,
    newline: '\n',
    dynamicTyping: false,
  });
  const quoteError = parsed.errors.find((e) => e.type === 'Quotes');
  if (quoteError) {
    const startLine = (row: number | undefined): number => {
      let line = 1;
      for (let r = 0; r < (row ?? 0) && r < parsed.data.length; r++) {
        line += 1;
        for (const cell of parsed.data[r] ?? []) for (const ch of cell) if (ch === '\n') line++;
      }
      return line;
    };
    const fromIndex = typeof quoteError.index === 'number' ? lineAtOffset(text, quoteError.index) : null;
    const rowLine = startLine(quoteError.row);
    // Papa's index for MissingQuotes points just past the opening quote; never report a line before the row.
    return { ok: false, quoteLine: fromIndex !== null && fromIndex >= rowLine ? fromIndex : rowLine };
  }
  const data = parsed.data;
  if (text.endsWith('\n') && data.length > 0) {
    const last = data[data.length - 1];
    if (last && last.length === 1 && last[0] === '') data.pop();
  }
  const rows: CsvRow[] = [];
  let line = 1;
  for (const cells of data) {
    rows.push({ line, cells });
    line += 1;
    for (const cell of cells) {
      for (let i = cell.indexOf('\n'); i >= 0; i = cell.indexOf('\n', i + 1)) line++;
    }
  }
  return { ok: true, rows };
}
