/**
 * Month-on-month (环比) and year-on-year (同比) comparison. A missing month is never compared as 0.
 */
import { previousPeriod, sameMonthLastYear, type Period } from '../domain/month';
import type { Cube } from './cube';
import { aggregateMetric, filterTownships, type Filters, type MetricId } from './metrics';

/** A change between two values; pct is a fraction (0.18 = +18%). */
export interface Comparison {
  readonly delta: number;
  /** null when the previous value is 0 (a relative change from nothing is undefined). */
  readonly pct: number | null;
}

/**
 * Compares two values: null when either is null (missing is not 0); pct null when previous is 0.
 * @example compareValues(120, 100) → { delta: 20, pct: 0.2 }
 */
export function compareValues(current: number | null, previous: number | null): Comparison | null {
  if (current === null || previous === null) return null;
  const delta = Math.round((current - previous) * 1e6) / 1e6;
  return { delta, pct: previous === 0 ? null : delta / previous };
}

/** A district comparison on a like-for-like basis. */
export interface DistrictComparison {
  /** The period compared against. */
  readonly previousPeriod: Period;
  /** Values over the matched townships only (those with the metric in both months). */
  readonly current: number | null;
  readonly previous: number | null;
  readonly change: Comparison | null;
  /** Townships with the metric in both months; the basis of the comparison. */
  readonly matched: number;
  /** Townships with the metric in the current month. */
  readonly currentContributing: number;
}

/**
 * Compares a metric for the selected townships between two months like with like: only
 * townships whose metric is known in both months enter either side, so a township that skipped
 * one month does not read as a drop. No matched township → values and change null, matched 0.
 */
export function compareDistrict(
  cube: Cube,
  metric: MetricId,
  filters: Pick<Filters, 'townships' | 'sector'>,
  current: Period,
  previous: Period,
): DistrictComparison {
  const all = filterTownships(cube, filters);
  const has = (t: string, p: Period) =>
    aggregateMetric(cube, metric, [t], [p], filters.sector).contributing > 0;
  const currentContributing = all.filter((t) => has(t, current)).length;
  const matched = all.filter((t) => has(t, current) && has(t, previous));
  if (matched.length === 0)
    return {
      previousPeriod: previous,
      current: null,
      previous: null,
      change: null,
      matched: 0,
      currentContributing,
    };
  const cur = aggregateMetric(cube, metric, matched, [current], filters.sector).value;
  const prev = aggregateMetric(cube, metric, matched, [previous], filters.sector).value;
  return {
    previousPeriod: previous,
    current: cur,
    previous: prev,
    change: compareValues(cur, prev),
    matched: matched.length,
    currentContributing,
  };
}

/** KPI ids of the overview: metrics plus 'reports' (reports received / expected). */
export const KPI_IDS = [
  'hazards_found',
  'hazards_rectified',
  'rectification_rate',
  'major_open',
  'trainings_held',
  'training_person_times',
  'accidents',
  'reports',
] as const;
export type KpiId = (typeof KPI_IDS)[number];

export interface Kpi {
  readonly id: KpiId;
  /** The full value for the month over every reporting township (null when none reported). */
  readonly value: number | null;
  /** Townships with a report this month, and townships selected. */
  readonly reporting: number;
  readonly expected: number;
  /** Like-for-like changes; for 'reports', a plain count comparison. */
  readonly mom: DistrictComparison;
  readonly yoy: DistrictComparison;
}

function reportsComparison(
  cube: Cube,
  townships: readonly string[],
  current: Period,
  previous: Period,
): DistrictComparison {
  const count = (p: Period) => townships.filter((t) => cube.cell(t, p)).length;
  const inRange = (p: Period) => cube.periods.includes(p);
  const cur = count(current);
  const prev = inRange(previous) ? count(previous) : null;
  return {
    previousPeriod: previous,
    current: cur,
    previous: prev,
    change: compareValues(cur, prev),
    matched: townships.length,
    currentContributing: cur,
  };
}

/**
 * The overview KPI cards for one month: each with its value, coverage, and like-for-like MoM and
 * YoY changes (see compareDistrict). The 'reports' card counts township reports; its previous
 * value is null when the previous month lies outside the data (no data ≠ nobody reported).
 */
export function overviewKpis(
  cube: Cube,
  period: Period,
  filters: Pick<Filters, 'townships' | 'sector'>,
): Kpi[] {
  const townships = filterTownships(cube, filters);
  const prevM = previousPeriod(period);
  const prevY = sameMonthLastYear(period);
  return KPI_IDS.map((id): Kpi => {
    if (id === 'reports') {
      const mom = reportsComparison(cube, townships, period, prevM);
      return {
        id,
        value: mom.current,
        reporting: mom.currentContributing,
        expected: townships.length,
        mom,
        yoy: reportsComparison(cube, townships, period, prevY),
      };
    }
    const agg = aggregateMetric(cube, id, townships, [period], filters.sector);
    return {
      id,
      value: agg.value,
      reporting: agg.reporting,
      expected: agg.expected,
      mom: compareDistrict(cube, id, filters, period, prevM),
      yoy: compareDistrict(cube, id, filters, period, prevY),
    };
  });
}
