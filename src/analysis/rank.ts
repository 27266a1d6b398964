/**
 * Township rankings for the compare view: one value per township over the filter's months,
 * sorted, with the district average as the reference line.
 */
import type { Cube } from './cube';
import {
  aggregateMetric,
  filterPeriods,
  filterTownships,
  metricDef,
  type Filters,
  type MetricId,
} from './metrics';

export type RankOrder = 'desc' | 'asc' | 'official';

export interface RankOptions {
  readonly metric: MetricId;
  readonly filters: Filters;
  /** desc = largest first (default); official = the district's order, ranks still by value desc. */
  readonly order?: RankOrder;
  /** Per 100 units inspected (summable metrics only). */
  readonly normalise?: boolean;
}

export interface RankRow {
  readonly township: string;
  readonly value: number | null;
  /** Competition rank (1, 2, 2, 4) among townships with a value; null for a null value. */
  readonly rank: number | null;
  /**
   * ok; not_reported = no report in the months; no_value = reported but the metric is unknown
   * (blank field, or a rate whose denominator is 0).
   */
  readonly status: 'ok' | 'not_reported' | 'no_value';
}

export interface Ranking {
  readonly metric: MetricId;
  readonly normalised: boolean;
  readonly rows: readonly RankRow[];
  /**
   * Reference line: for summable metrics (and the backlog) the mean of the townships' values
   * (null ones excluded); for rates and normalised values the pooled district rate. null when no
   * township has a value.
   */
  readonly districtAverage: number | null;
}

/**
 * THE tie rule of every ranking the product shows (the 对比 view and the 通报; see
 * docs/decisions/0004-counting-rules.md): highest value first; competition ranks (1, 2, 2, 4);
 * only exactly equal values tie, on the unrounded value (two rates both printed 93.3% may rank
 * 1 and 2); ties keep the input order (the official order). Items with a null value are neither
 * ordered nor ranked. Returns the ranked items in order and each item's rank.
 */
export function competitionRanks<T>(
  items: readonly T[],
  value: (item: T) => number | null,
): { readonly byValueDesc: T[]; readonly rankOf: Map<T, number> } {
  const valued = items
    .map((item, i) => ({ item, i, v: value(item) }))
    .filter((x): x is { item: T; i: number; v: number } => x.v !== null);
  valued.sort((a, b) => b.v - a.v || a.i - b.i);
  const rankOf = new Map<T, number>();
  valued.forEach((x, idx) => {
    const prev = valued[idx - 1];
    rankOf.set(x.item, prev && prev.v === x.v ? (rankOf.get(prev.item) ?? idx + 1) : idx + 1);
  });
  return { byValueDesc: valued.map((x) => x.item), rankOf };
}

/**
 * Ranks the selected townships by a metric over the filter's months (sum for counts, pooled rate
 * for rates, backlog at the last month). Nulls sort last, in official order, labelled by status;
 * ties keep official order. Empty selection → no rows, average null.
 */
export function rankTownships(cube: Cube, options: RankOptions): Ranking {
  const { metric, filters } = options;
  const def = metricDef(metric);
  const normalised = Boolean(options.normalise) && def.kind === 'field';
  const periods = filterPeriods(filters);
  const townships = filterTownships(cube, filters);
  const aggOpts = { normalise: normalised };
  const raw = townships.map((township, i) => {
    const a = aggregateMetric(cube, metric, [township], periods, filters.sector, aggOpts);
    const status: RankRow['status'] = a.value !== null ? 'ok' : a.reporting > 0 ? 'no_value' : 'not_reported';
    return { township, value: a.value, status, i };
  });
  const valued = raw.filter((r) => r.value !== null) as ((typeof raw)[number] & { value: number })[];
  const { byValueDesc, rankOf } = competitionRanks(valued, (r) => r.value);
  const order = options.order ?? 'desc';
  const sortedValued =
    order === 'official'
      ? valued
      : order === 'desc'
        ? byValueDesc
        : [...valued].sort((a, b) => a.value - b.value || a.i - b.i);
  const nulls = raw.filter((r) => r.value === null);
  const rows: RankRow[] = [
    ...(order === 'official' ? raw : [...sortedValued, ...nulls]).map((r) => ({
      township: r.township,
      value: r.value,
      rank: rankOf.get(r as (typeof valued)[number]) ?? null,
      status: r.status,
    })),
  ];
  let districtAverage: number | null;
  if (def.kind === 'ratio' || normalised) {
    districtAverage = aggregateMetric(cube, metric, townships, periods, filters.sector, aggOpts).value;
  } else {
    districtAverage =
      valued.length === 0
        ? null
        : Math.round((valued.reduce((s, r) => s + r.value, 0) / valued.length) * 1e6) / 1e6;
  }
  return { metric, normalised, rows, districtAverage };
}
