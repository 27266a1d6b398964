/**
 * The figures a monthly bulletin (通报) is written from, as a small explicit type so the wording
 * can be tested on hand-made fixtures (missing months, zero denominators), and the function that
 * fills it from a Dataset through the analysis layer, so every figure matches the dashboard.
 */
import { isPeriod, previousPeriod, sameMonthLastYear, type Period } from '../../domain/month';
import type { Dataset } from '../../domain/records';
import { cubeOf, type Cube } from '../../analysis/cube';
import { townshipMonthFigure } from '../../analysis/hazard-figures';
import { dueDate, submissionMatrix } from '../../analysis/submissions';
import { DEFAULT_DUE_DAY } from '../../domain/view-defaults';

/** One township's figures for one month; each null means "not reported" (never 0). */
export interface MonthFigures {
  readonly hazardsFound: number | null;
  readonly hazardsRectified: number | null;
  readonly trainingsHeld: number | null;
  readonly trainingPersonTimes: number | null;
}

/** Whether a township's report for the month arrived, and when. */
export type BulletinReportStatus = 'on_time' | 'late' | 'undated' | 'missing';

export interface TownshipFacts {
  readonly township: string;
  readonly status: BulletinReportStatus;
  /** `YYYY-MM-DD`, or null when missing or undated. */
  readonly reportDate: string | null;
  /** This month; null when the township did not report. */
  readonly current: MonthFigures | null;
  /** The previous month (环比); null when it did not report then or that month has no data. */
  readonly previous: MonthFigures | null;
  /** The same month a year earlier (同比); null likewise. */
  readonly lastYear: MonthFigures | null;
}

/** A problem category a township has reported for several consecutive months (computed elsewhere). */
export interface RecurringProblemFact {
  readonly township: string;
  /** Category label in the bulletin's language, e.g. 企业主体责任落实不到位. */
  readonly category: string;
  /** Consecutive months up to and including the bulletin month. */
  readonly consecutiveMonths: number;
}

export interface BulletinFacts {
  /** e.g. `XX区`; empty when unknown. */
  readonly district: string;
  readonly month: Period;
  /** Data cut-off date `YYYY-MM-DD` (数据截至). */
  readonly cutoffDate: string;
  /** The issuing office, e.g. `XX区安全生产委员会办公室`. */
  readonly issuingOffice: string;
  /** The report due date for the month, `YYYY-MM-DD`. */
  readonly dueDate: string;
  /** Every expected township, in official order. */
  readonly townships: readonly TownshipFacts[];
  readonly recurringProblems: readonly RecurringProblemFact[];
  /**
   * Problem statements waiting for confirmation (low model confidence) in the recurrence
   * look-back: not counted in `recurringProblems`, and the bulletin says so. Absent → 0.
   */
  readonly unconfirmedProblems?: number;
}

export interface BulletinSettings {
  /** Overrides `dataset.district`. */
  readonly district?: string;
  readonly issuingOffice: string;
  readonly cutoffDate: string;
  /** Day of the month reports are due (same month, see analysis/submissions); default 25. */
  readonly dueDay?: number;
  /** Recurring problems for the month (from the problems analysis), passed through unchanged. */
  readonly recurringProblems?: readonly RecurringProblemFact[];
  /** See BulletinFacts.unconfirmedProblems. */
  readonly unconfirmedProblems?: number;
}

/**
 * Collects the bulletin facts of `month` from a dataset: the townships of the cube in official
 * order (master list first, then by first appearance); report status from `submissionMatrix`
 * (late = report date after the due day; a "suspicious" report still counts as received, with
 * its own timeliness); figures from the cube cells (month rows, or months derived from
 * year-to-date rows), for the month, the previous month and the same month last year; hazard
 * figures fall back to the township's ledger (docs/decisions/0005-ledger-and-report-totals.md). A
 * township with neither a report nor a ledger in a month gets null for that month, never zeros. An empty dataset or a
 * malformed month gives no townships. Pass a prebuilt `cube` to avoid rebuilding it.
 */
export function buildBulletinFacts(
  dataset: Dataset,
  month: Period,
  settings: BulletinSettings,
  cube: Cube = cubeOf(dataset),
): BulletinFacts {
  const dueDay = settings.dueDay ?? DEFAULT_DUE_DAY;
  const base = {
    district: settings.district ?? dataset.district ?? '',
    month,
    cutoffDate: settings.cutoffDate,
    issuingOffice: settings.issuingOffice,
    dueDate: isPeriod(month) ? dueDate(month, dueDay) : '',
    recurringProblems: settings.recurringProblems ?? [],
    unconfirmedProblems: settings.unconfirmedProblems ?? 0,
  };
  if (!isPeriod(month)) return { ...base, townships: [] };
  const matrix = submissionMatrix(cube, { from: month, to: month, townships: null }, dueDay);
  // Hazard figures follow docs/decisions/0005-ledger-and-report-totals.md (the same function as
  // the charts): the report's, else the ledger's where the township keeps one.
  const figures = (township: string, p: Period): MonthFigures | null => {
    const cell = cube.cell(township, p);
    const found = townshipMonthFigure(cube, township, p, 'hazards_found');
    const rectified = townshipMonthFigure(cube, township, p, 'hazards_rectified');
    if (!cell && found.source === null && rectified.source === null) return null;
    return {
      hazardsFound: found.value,
      hazardsRectified: rectified.value,
      trainingsHeld: cell?.values.trainings_held ?? null,
      trainingPersonTimes: cell?.values.training_person_times ?? null,
    };
  };
  const townships = matrix.rows.map((row, i): TownshipFacts => {
    const township = matrix.townships[i] as string;
    const cell = row[0];
    const kinds = new Set(cell?.reasons.map((r) => r.kind) ?? ['missing']);
    const status: BulletinReportStatus =
      !cell || kinds.has('missing')
        ? 'missing'
        : kinds.has('late')
          ? 'late'
          : kinds.has('undated')
            ? 'undated'
            : 'on_time';
    return {
      township,
      status,
      reportDate: status === 'missing' || status === 'undated' ? null : (cell?.reportDate ?? null),
      current: figures(township, month),
      previous: figures(township, previousPeriod(month)),
      lastYear: figures(township, sameMonthLastYear(month)),
    };
  });
  return { ...base, townships };
}
