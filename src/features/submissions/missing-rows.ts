/**
 * Missing reports per township for the submissions view's table.
 */
import type { SubmissionMatrix } from '../../analysis/submissions';
import type { Period } from '../../domain/month';

export interface MissingRow {
  readonly township: string;
  readonly count: number;
  /** The missing months, ascending. */
  readonly periods: readonly Period[];
}

/**
 * One row per township of the matrix, most missing first; equal counts keep the official order
 * (the matrix's). Townships with none missing stay in the list with 0 so the table shows every
 * township. Empty matrix → [].
 */
export function missingRows(matrix: Pick<SubmissionMatrix, 'townships' | 'rows'>): MissingRow[] {
  return matrix.townships
    .map((township, i) => {
      const periods = (matrix.rows[i] ?? []).filter((c) => c.status === 'missing').map((c) => c.period);
      return { township, count: periods.length, periods, i };
    })
    .sort((a, b) => b.count - a.count || a.i - b.i)
    .map(({ township, count, periods }) => ({ township, count, periods }));
}

/**
 * Rows the missing-reports table lists before "show all": every township of a district (10–40),
 * the 50 with most missing at a city's size, where 300–2,000 rows re-rendered on every filter
 * change (issue 13, targets 3 and 4). The rest are one click away; the matrix's data table and
 * exports hold every township.
 */
export const MISSING_ROWS_SHOWN = 50;

/**
 * The rows to list (the first MISSING_ROWS_SHOWN unless `all`), and how many the short list
 * leaves out (0 for a list that short already: no show-all line then).
 */
export function shownMissingRows(
  rows: readonly MissingRow[],
  all: boolean,
): { readonly shown: readonly MissingRow[]; readonly leftOut: number } {
  const leftOut = Math.max(0, rows.length - MISSING_ROWS_SHOWN);
  return { shown: all || leftOut === 0 ? rows : rows.slice(0, MISSING_ROWS_SHOWN), leftOut };
}
