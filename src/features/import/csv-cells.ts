/**
 * CSV writing for the import area's downloads (rejected rows, template). Pure. Every string cell is
 * neutralised against formula injection (reliability.md §2.1): a cell whose first non-blank
 * character is = + - @ (ASCII or full-width), TAB or CR gets a leading `'`. PapaParse's
 * escapeFormulae is not used: its regex misses values containing a line break.
 */

// Leading spaces (ASCII or U+3000) do not stop Excel/WPS from evaluating what follows.
const FORMULA_TRIGGER = /^[\s\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r]/;

/** Prefixes `'` to a cell that a spreadsheet would read as a formula; other cells unchanged. */
export const neutraliseFormula = (cell: string): string => (FORMULA_TRIGGER.test(cell) ? `'${cell}` : cell);

/** Quotes a cell when it holds a comma, quote or line break (RFC 4180), after neutralising it. */
export function csvCell(cell: string | number | null): string {
  if (cell === null) return '';
  // Numbers are written as numbers: a negative number is data, not a formula.
  if (typeof cell === 'number') return String(cell);
  const safe = neutraliseFormula(cell);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Joins rows into CSV text with CRLF line ends (what Excel writes). Empty input gives ''. */
export const toCsv = (rows: readonly (readonly (string | number | null)[])[]): string =>
  rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + (rows.length > 0 ? '\r\n' : '');
