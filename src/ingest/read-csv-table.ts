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
