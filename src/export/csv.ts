/**
 * CSV serialisers for "open in Excel" exports: RFC 4180 quoting, CRLF, numbers as numbers, text
 * neutralised against formula injection, and a UTF-8 BOM in {@link csvBytes} so Chinese Excel/WPS
 * decode it as UTF-8 (Superset #36374, Grafana #29174).
 */
import type { ChartTable, TableCell } from '../charts/chart-spec';
import { TEMPLATE_FIELDS, templateHeader, townshipMonthField } from '../domain/fields';
import type { NumericField, TownshipMonthRecord } from '../domain/records';
import { recordCell, type RecordCellOptions } from '../domain/record-cell';
import { neutraliseFormula } from './formula-guard';

export interface CsvOptions {
  /**
   * Prefix `'` to text cells a spreadsheet would evaluate (default true). Turn off only for a
   * "raw data" CSV meant for other programs, where the prefix would be visible noise.
   */
  readonly neutraliseFormulas?: boolean;
}

/** The UTF-8 byte-order mark Excel needs to open a UTF-8 CSV with Chinese text correctly. */
export const UTF8_BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

const NEEDS_QUOTES = /[",\r\n]|^[\s\u3000]|[\s\u3000]$/;

/** Formats a finite number without locale grouping; `-0` becomes `0`, non-finite becomes empty. */
function numberText(n: number): string {
  if (!Number.isFinite(n)) return '';
  return Object.is(n, -0) ? '0' : String(n);
}

/**
 * Serialises one cell: `null` → empty, a number → its plain digits (never quoted, never prefixed,
 * so `-5` stays `-5`), text → neutralised (unless disabled) and quoted per RFC 4180 when it holds
 * `"`, `,`, CR/LF or leading/trailing whitespace.
 */
export function csvCell(cell: TableCell, opts: CsvOptions = {}): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return numberText(cell);
  const text = opts.neutraliseFormulas === false ? cell : neutraliseFormula(cell);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Serialises a table (a chart's `ChartTable` or any `{ columns, rows }`) to CSV text: a header row
 * of column labels, then one line per row, CRLF line ends and a final CRLF. Rows shorter than the
 * header are padded with empty cells; an empty table yields just the header line. No BOM: use
 * {@link csvBytes} for the file.
 */
export function toCsv(table: ChartTable, opts: CsvOptions = {}): string {
  const width = table.columns.length;
  const lines = [table.columns.map((c) => csvCell(c.label, opts)).join(',')];
  for (const row of table.rows) {
    const cells: string[] = [];
    for (let i = 0; i < Math.max(width, row.length); i++) cells.push(csvCell(row[i] ?? null, opts));
    lines.push(cells.join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

/**
 * Plain rows (no header object) as CSV with the same cell rules as {@link toCsv}: CRLF line ends,
 * formula-neutralised text, numbers as numbers, null as an empty cell. No rows gives ''.
 */
export function rowsToCsv(rows: readonly (readonly TableCell[])[], opts: CsvOptions = {}): string {
  return (
    rows.map((r) => r.map((c) => csvCell(c, opts)).join(',')).join('\r\n') + (rows.length > 0 ? '\r\n' : '')
  );
}

/** Encodes CSV text as UTF-8 bytes preceded by the BOM; the text itself must not carry a BOM. */
export function csvBytes(csv: string): Uint8Array {
  const body = new TextEncoder().encode(csv);
  const out = new Uint8Array(UTF8_BOM.length + body.length);
  out.set(UTF8_BOM, 0);
  out.set(body, UTF8_BOM.length);
  return out;
}

/** Marker the cell grammar reads as "approximate" (docs/input-rules.md D24); a prefix keeps the number intact. */
const APPROX_PREFIX = '约';

const TEMPLATE_CELL: RecordCellOptions = { sectorNames: 'zh', sectorSeparator: '；' };

function templateValue(r: TownshipMonthRecord, field: string): TableCell {
  // Chinese sector names joined by the full-width semicolon clerks use (the template is re-imported).
  const value = recordCell(r, field, TEMPLATE_CELL);
  // An approximate figure ("380余") must stay approximate after a round trip.
  return typeof value === 'number' && r.approx.includes(field as NumericField)
    ? `${APPROX_PREFIX}${numberText(value)}`
    : value;
}

/**
 * Writes township-month records as the downloadable Chinese template (TEMPLATE_FIELDS order,
 * headers from `templateHeader`, e.g. `排查隐患（处）`), so that importing the file yields the same
 * records. Months are `YYYY-MM`, sectors Chinese names joined by `；`, `null` an empty cell (never
 * 0), approximate figures prefixed `约`. A `统计口径` column is added only when some record is
 * year-to-date, holding `ytd`/`month`. Empty input yields the header line only. No BOM (see
 * {@link csvBytes}).
 */
export function recordsToTemplateCsv(records: readonly TownshipMonthRecord[], opts: CsvOptions = {}): string {
  return toCsv(recordsToTemplateTable(records), opts);
}

/**
 * The table behind {@link recordsToTemplateCsv} (same columns, headers and cell values), for
 * writers other than CSV such as `toXlsx`: numbers stay numbers, `null` stays null (an empty cell,
 * never 0), approximate figures are `约`-prefixed text. Empty input yields the columns only.
 */
export function recordsToTemplateTable(records: readonly TownshipMonthRecord[]): ChartTable {
  const withScope = records.some((r) => r.period_scope !== 'month');
  const fields = withScope
    ? [...TEMPLATE_FIELDS.slice(0, 2), 'period_scope', ...TEMPLATE_FIELDS.slice(2)]
    : TEMPLATE_FIELDS;
  const columns = fields.map((name) => {
    const def = townshipMonthField(name);
    return { key: name, label: def ? templateHeader(def) : name };
  });
  const rows = records.map((r) => fields.map((f) => templateValue(r, f)));
  return { columns, rows };
}
