/**
 * Month series for trend charts: the district as a whole and each township. A month nobody
 * reported is null (a gap in the chart), never 0.
 */
import type { Period } from '../domain/month';
import type { Cube } from './cube';
import {
  aggregateMetric,
  cellMetricValues,
  filterPeriods,
  filterTownships,
  type Aggregate,
  type AggregateOptions,
  type Filters,
  type MetricId,
} from './metrics';

export interface DistrictSeries {
  readonly metric: MetricId;
  readonly periods: readonly Period[];
  /** One value per period; null where no selected township reported the metric. */
  readonly values: readonly (number | null)[];
  /** Townships with a report, per period (coverage). */
  readonly reporting: readonly number[];
  /** Townships selected by the filter. */
  readonly expected: number;
}

/**
 * The district series of a metric over the filter's months: each month aggregated over the
 * selected townships (sums for counts, pooled ratios for rates, summed backlog for major_open),
 * with how many townships reported. Empty filter range → empty arrays.
 */
export function districtSeries(
  cube: Cube,
  metric: MetricId,
  filters: Filters,
  options: AggregateOptions = {},
): DistrictSeries {
  const periods = filterPeriods(filters);
  const townships = filterTownships(cube, filters);
  const months = monthAggregates(cube, metric, townships, filters.sector, options);
  const aggs = periods.map((p) => {
    let a = months.get(p);
    if (!a) {
      a = aggregateMetric(cube, metric, townships, [p], filters.sector, options);
      months.set(p, a);
    }
    return a;
  });
  return {
    metric,
    periods,
    values: aggs.map((a) => a.value),
    reporting: aggs.map((a) => a.reporting),
    expected: townships.length,
  };
}

/** Metric × township selection × sector × options combinations kept per cube (most recent). */
const KEPT_SERIES = 64;
const monthCache = new WeakMap<Cube, Map<string, Map<Period, Aggregate>>>();

/**
 * The one-month aggregates computed so far for a metric, township selection, sector and options.
 * A month's aggregate does not depend on the range (the backlog is a stock from the cube's first
 * month), so moving 截止月份 aggregates one new month instead of every month of every series
 * (issue 13, target 3).
 */
function monthAggregates(
  cube: Cube,
  metric: MetricId,
  townships: readonly string[],
  sector: Filters['sector'],
  options: AggregateOptions,
): Map<Period, Aggregate> {
  let byKey = monthCache.get(cube);
  if (!byKey) monthCache.set(cube, (byKey = new Map()));
  const key = `${metric}|${sector ?? ''}|${JSON.stringify(options)}|${townships.join('\u0000')}`;
  let months = byKey.get(key);
  if (months) byKey.delete(key);
  else {
    months = new Map();
    if (byKey.size >= KEPT_SERIES) byKey.delete(byKey.keys().next().value!);
  }
  byKey.set(key, months);
  return months;
}

export interface TownshipSeriesRow {
  readonly township: string;
  /** One value per period; null where the township did not report (or the rate is undefined). */
  readonly values: readonly (number | null)[];
}

export interface TownshipSeries {
  readonly metric: MetricId;
  readonly periods: readonly Period[];
  /** Selected townships in official order, each with its month values (the heatmap matrix). */
  readonly rows: readonly TownshipSeriesRow[];
}

/**
 * Per-township month values of a metric (also the township × month matrix of the heatmap and
 * small multiples). Missing months are null. No townships or months → no rows / no periods.
 */
export function townshipSeries(
  cube: Cube,
  metric: MetricId,
  filters: Filters,
  options: AggregateOptions = {},
): TownshipSeries {
  const periods = filterPeriods(filters);
  const townships = filterTownships(cube, filters);
  // Each value is aggregateMetric of one township-month, read in one pass (cellMetricValues).
  const values = cellMetricValues(cube, metric, townships, periods, filters.sector, options);
  const rows = townships.map((township, i) => ({ township, values: values[i]! }));
  return { metric, periods, rows };
}
