/**
 * Reads the FIRST sheet of an .xlsx workbook into the same rows of text cells the CSV reader
 * produces, so a workbook runs through the identical table pipeline (header mapping, cell
 * grammars, cross-checks). The reader library (read-excel-file, universal entry) is imported only
 * when a workbook is actually read, so it is a separate chunk.
 */
import type { Result } from '../domain/result';
import { err, ok } from '../domain/result';
import { normaliseLineEnds, type CsvRow } from './read-csv-table';

/** A cell as the workbook reader returns it: typed by the sheet, or null when empty. */
export type XlsxCell = string | number | boolean | Date | null | undefined;

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * Text of one workbook cell, as a clerk would see it in a CSV saved from Excel: text as written
 * (line ends normalised to LF), a number via `String` (no grouping, no rounding, `-0` → `0`;
 * non-finite → empty), a boolean as `TRUE`/`FALSE`, a date cell as `YYYY-MM-DD` (the reader builds
 * dates in UTC, so the UTC calendar day is the cell's day; an invalid date → empty), null → empty.
 */
export function xlsxCellText(cell: XlsxCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return normaliseLineEnds(cell);
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return '';
    return Object.is(cell, -0) ? '0' : String(cell);
  }
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  const time = cell.getTime();
  if (Number.isNaN(time)) return '';
  return `${cell.getUTCFullYear()}-${pad2(cell.getUTCMonth() + 1)}-${pad2(cell.getUTCDate())}`;
}

/**
 * Maps sheet rows to CSV-like rows: row `i` (0-based, as the reader returns them from the sheet's
 * first row, empty rows included) gets line `i + 1`, the row number Excel shows, so issues point at
 * the right row. Empty input → no rows. Trailing empty cells are kept (the pipeline tolerates
 * them, as it does trailing commas).
 */
export function sheetRowsToCsvRows(data: readonly (readonly XlsxCell[])[]): CsvRow[] {
  return data.map((row, i) => ({ line: i + 1, cells: row.map(xlsxCellText) }));
}

/** Why a workbook could not be read: the reader's own message, for the import report. */
export interface XlsxReadError {
  readonly reason: string;
}

/**
 * Reads the first sheet of `bytes` (an .xlsx file) to rows with line numbers. A corrupt archive,
 * an old .xls or a workbook without sheets becomes an error value carrying the reader's message;
 * a workbook whose first sheet is empty yields no rows. Never throws.
 */
export async function readXlsxRows(bytes: Uint8Array): Promise<Result<CsvRow[], XlsxReadError>> {
  try {
    const { readSheet } = await import('read-excel-file/universal');
    // The reader wants an ArrayBuffer of exactly the file (a view may share a bigger buffer).
    const buffer = bytes.slice().buffer;
    const data = await readSheet(buffer, 1);
    return ok(sheetRowsToCsvRows(data as unknown as readonly (readonly XlsxCell[])[]));
  } catch (e) {
    return err({ reason: e instanceof Error ? e.message || e.name : String(e) });
  }
}
