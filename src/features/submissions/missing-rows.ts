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
