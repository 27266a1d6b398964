/**
 * XLSX export of a table: typed cells (numbers as numbers, text as text, never a formula from
 * data), a bold Chinese header row frozen at the top, column widths from content. The writer
 * (write-excel-file) is imported only when an export runs, so it is a separate chunk.
 *
 * Text is written as an XLSX string cell exactly as it is, without the `'` prefix the CSV export
 * uses: a string cell (`t="s"`/`inlineStr`) is never evaluated as a formula by Excel, WPS or
 * LibreOffice, so a prefix would only show up as a visible apostrophe in the cell. The formula
 * guard stays in the CSV export (src/export/csv.ts), where a spreadsheet does parse the text.
 */
import type { ChartTable, TableCell } from '../charts/chart-spec';

export interface XlsxOptions {
  /** Sheet name; sanitised by {@link sanitizeSheetName}. */
  readonly sheetName?: string;
  /** Font for every cell; defaults to 宋体, the font of official forms. */
  readonly fontFamily?: string;
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const SHEET_FORBIDDEN = /[[\]:*?/\\]/g;
const SHEET_MAX = 31;

/**
 * Makes an Excel-legal sheet name: `[ ] : * ? / \` become `_`, control characters are removed,
 * leading/trailing apostrophes (Excel rejects them) and spaces are trimmed, the result is cut to 31
 * code points, and an empty result or the reserved name `History` becomes `Sheet1`.
 */
export function sanitizeSheetName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const s = name.replace(/[\u0000-\u001f\u007f]/g, '').replace(SHEET_FORBIDDEN, '_');
  const cut = [...s.replace(/^[\s']+|[\s']+$/g, '')]
    .slice(0, SHEET_MAX)
    .join('')
    .replace(/[\s']+$/, '');
  return cut === '' || cut.toLowerCase() === 'history' ? 'Sheet1' : cut;
}

/**
 * Display width of text in Excel "characters": CJK and full-width forms count 2, others 1; for a
 * multi-line cell the longest line counts. Empty text is 0.
 */
export function displayWidth(text: string): number {
  let max = 0;
  for (const line of text.split(/\r\n|\r|\n/)) {
    let w = 0;
    for (const ch of line) {
      const cp = ch.codePointAt(0) ?? 0;
      // CJK radicals..Hangul, CJK compatibility, full-width forms, supplementary ideographs.
      const wide =
        (cp >= 0x2e80 && cp <= 0xa4cf) ||
        (cp >= 0xac00 && cp <= 0xd7a3) ||
        (cp >= 0xf900 && cp <= 0xfaff) ||
        (cp >= 0xfe30 && cp <= 0xfe4f) ||
        (cp >= 0xff00 && cp <= 0xff60) ||
        (cp >= 0xffe0 && cp <= 0xffe6) ||
        cp >= 0x20000;
      w += wide ? 2 : 1;
    }
    max = Math.max(max, w);
  }
  return max;
}

const MIN_WIDTH = 6;
const MAX_WIDTH = 60;

const cellText = (c: TableCell): string => (c === null ? '' : String(c));

/**
 * Column widths (in characters) from the header and every cell, plus 2 of padding, clamped to
 * 6–60 so one long remark does not make a column screen-wide (long text wraps in Excel instead).
 */
export function columnWidths(table: ChartTable): number[] {
  return table.columns.map((col, i) => {
    let w = displayWidth(col.label);
    for (const row of table.rows) w = Math.max(w, displayWidth(cellText(row[i] ?? null)));
    return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, w + 2));
  });
}

/**
 * Writes a table as a one-sheet XLSX file and returns its bytes. Numbers become numeric cells
 * (non-finite numbers become empty cells), text becomes string cells with the text unchanged (a
 * string cell is never a formula, so no `'` prefix), `null` an empty cell (never 0). The header row
 * is bold and frozen. An empty table gives a workbook with the header row only.
 */
export async function toXlsx(table: ChartTable, opts: XlsxOptions = {}): Promise<Uint8Array> {
  const { default: writeXlsxFile } = await import('write-excel-file/universal');
  const fontFamily = opts.fontFamily ?? '宋体';
  const header = table.columns.map((c) => ({
    value: c.label,
    type: String,
    fontWeight: 'bold' as const,
    align: 'center' as const,
    alignVertical: 'center' as const,
    wrap: true,
  }));
  const body = table.rows.map((row) =>
    table.columns.map((_, i) => {
      const cell = row[i] ?? null;
      if (cell === null) return null;
      if (typeof cell === 'number') return Number.isFinite(cell) ? { value: cell, type: Number } : null;
      return { value: cell, type: String, wrap: /[\r\n]/.test(cell) };
    }),
  );
  const blob = await writeXlsxFile(
    [header, ...body],
    {
      sheet: sanitizeSheetName(opts.sheetName ?? 'Sheet1'),
      stickyRowsCount: 1,
      columns: columnWidths(table).map((width) => ({ width })),
    },
    { fontFamily, fontSize: 11 },
  ).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}
