/**
 * Submission status (报送情况): township × month as on time / late / missing / suspicious, before
 * any chart is trusted (docs/domain.md#submission-status).
 */
import {
  daysInMonth,
  isIsoDate,
  periodMonth,
  periodIndex,
  periodYear,
  previousPeriod,
  type Period,
} from '../domain/month';
import { NUMERIC_FIELDS } from '../domain/records';
import type { Cube, CubeCell } from './cube';
import { filterPeriods, filterTownships, type Filters } from './metrics';
import { DEFAULT_DUE_DAY } from '../domain/view-defaults';

export type SubmissionStatus = 'on_time' | 'late' | 'undated' | 'missing' | 'suspicious';

/** Why a cell has its status; the UI renders each through i18n (`charts.reason.<kind>`). */
export type SubmissionReason =
  | { readonly kind: 'missing' }
  | { readonly kind: 'late'; readonly reportDate: string; readonly dueDate: string }
  | { readonly kind: 'undated' }
  | { readonly kind: 'all_zero' }
  | { readonly kind: 'same_as_previous'; readonly previous: Period }
  | { readonly kind: 'derived_from_ytd' };

export interface SubmissionCell {
  readonly township: string;
  readonly period: Period;
  readonly status: SubmissionStatus;
  readonly reportDate: string | null;
  readonly reasons: readonly SubmissionReason[];
}

export interface SubmissionMatrix {
  readonly townships: readonly string[];
  readonly periods: readonly Period[];
  /** rows[i][j] = townships[i] × periods[j]. */
  readonly rows: readonly (readonly SubmissionCell[])[];
  /** Missing reports per township over the months, in official order. */
  readonly missingCounts: ReadonlyMap<string, number>;
  /** Cells per status over the whole matrix. */
  readonly statusCounts: ReadonlyMap<SubmissionStatus, number>;
}


/**
 * The due date of a month's report: day `dueDay` of the month itself (reports cover the month
 * so far, as in the seed report dated 27 April for April), clamped to the month's last day
 * (dueDay 31 in February → the 28th/29th). dueDay < 1 counts as 1.
 * @example dueDate('2024-03', 25) === '2024-03-25'
 */
export function dueDate(period: Period, dueDay: number = DEFAULT_DUE_DAY): string {
  const y = periodYear(period);
  const m = periodMonth(period);
  const d = Math.min(Math.max(1, Math.floor(dueDay)), daysInMonth(y, m));
  return `${period}-${String(d).padStart(2, '0')}`;
}

const numericValues = (cell: CubeCell) => NUMERIC_FIELDS.map((f) => cell.values[f]);

/**
 * True for a suspicious report: every reported numeric field is 0 (at least one reported), or
 * every numeric field equals the previous month's (same nulls too) with at least one non-zero
 * value — a copied sheet. A report with no numbers at all (prose only) is not suspicious.
 */
function suspicion(cell: CubeCell, prev: CubeCell | undefined): SubmissionReason | null {
  const vals = numericValues(cell);
  const reported = vals.filter((v) => v !== null);
  if (reported.length > 0 && reported.every((v) => v === 0)) return { kind: 'all_zero' };
  if (prev && reported.some((v) => v !== 0)) {
    const before = numericValues(prev);
    if (vals.every((v, i) => v === before[i])) return { kind: 'same_as_previous', previous: prev.period };
  }
  return null;
}

/**
 * The submission matrix for the filter's townships and months. Status precedence:
 * missing > suspicious > late > undated > on_time; every applicable reason is listed. Late means
 * report_date is after dueDate(period, dueDay) (ISO strings compare as dates), so a report dated in
 * a following month is always late. No report_date → 'undated' (timeliness unknown, not on time).
 * The sector filter does not apply (a report is received or not).
 */
export function submissionMatrix(
  cube: Cube,
  filters: Pick<Filters, 'from' | 'to' | 'townships'>,
  dueDay: number = DEFAULT_DUE_DAY,
): SubmissionMatrix {
  const periods = filterPeriods(filters);
  const townships = filterTownships(cube, filters);
  const missingCounts = new Map<string, number>();
  const statusCounts = new Map<SubmissionStatus, number>();
  // A cell's status depends on its township, month and the due day only: read the cells of the
  // cube's months from the per-cube cache and compute any month outside them.
  const cached = cubeCells(cube, dueDay);
  const first = cube.periods.length > 0 ? periodIndex(cube.periods[0]!) : 0;
  const cols = periods.map((p) => {
    const j = periodIndex(p) - first;
    return cube.periods[j] === p ? j : -1;
  });
  const rows = townships.map((township) => {
    let missing = 0;
    const all = cached.get(township);
    const row = periods.map((period, k): SubmissionCell => {
      const j = cols[k]!;
      const c = j >= 0 && all ? all[j]! : submissionCell(cube, township, period, dueDay);
      if (c.status === 'missing') missing++;
      statusCounts.set(c.status, (statusCounts.get(c.status) ?? 0) + 1);
      return c;
    });
    missingCounts.set(township, missing);
    return row;
  });
  return { townships, periods, rows, missingCounts, statusCounts };
}

function submissionCell(cube: Cube, township: string, period: Period, dueDay: number): SubmissionCell {
  const cell = cube.cell(township, period);
  let status: SubmissionStatus;
  const reasons: SubmissionReason[] = [];
  if (!cell) {
    status = 'missing';
    reasons.push({ kind: 'missing' });
  } else {
    const due = dueDate(period, dueDay);
    const date = cell.report_date !== null && isIsoDate(cell.report_date) ? cell.report_date : null;
    const late = date !== null && date > due;
    const sus = suspicion(cell, cube.cell(township, previousPeriod(period)));
    if (sus) reasons.push(sus);
    if (late && date) reasons.push({ kind: 'late', reportDate: date, dueDate: due });
    if (date === null) reasons.push({ kind: 'undated' });
    if (cell.source === 'ytd') reasons.push({ kind: 'derived_from_ytd' });
    status = sus ? 'suspicious' : late ? 'late' : date === null ? 'undated' : 'on_time';
  }
  return { township, period, status, reportDate: cell?.report_date ?? null, reasons };
}

// Every township's cells over the cube's months, per due day, built once per cube (a new dataset
// is a new cube): at city size a filter change then slices rows instead of re-deriving 36,000
// statuses (issue 13; docs/architecture.md, derive once per dataset version).
const cellCache = new WeakMap<Cube, Map<number, Map<string, readonly SubmissionCell[]>>>();

function cubeCells(cube: Cube, dueDay: number): ReadonlyMap<string, readonly SubmissionCell[]> {
  let perCube = cellCache.get(cube);
  if (!perCube) cellCache.set(cube, (perCube = new Map()));
  let cells = perCube.get(dueDay);
  if (!cells) {
    const built = new Map<string, readonly SubmissionCell[]>();
    for (const t of cube.townships)
      built.set(
        t,
        cube.periods.map((p) => submissionCell(cube, t, p, dueDay)),
      );
    perCube.set(dueDay, (cells = built));
  }
  return cells;
}
