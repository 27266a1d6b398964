/**
 * What the overview shows, derived from the analysis results: KPI card models and the trend's
 * month range. Pure (no React) so it is tested without rendering.
 */
import type { Cube } from '../../analysis/cube';
import type { Kpi } from '../../analysis/compare';
import { metricLabel, metricUnit, type Filters } from '../../analysis/metrics';
import { addMonths, type Period } from '../../domain/month';
import { translate, type Lang } from '../../i18n/i18n';

export interface KpiCardModel {
  readonly id: Kpi['id'];
  readonly label: string;
  /** Plotted value: rates as percent numbers (93.9); null = nobody reported. */
  readonly value: number | null;
  readonly unit: string | null;
  /**
   * Changes: relative (`ratio`) for counts; for the rate, `points` = the difference in percentage
   * points (a rate's change is read in points, e.g. 整改率下降3.2个百分点). null = not comparable ("—").
   */
  readonly mom: { readonly ratio: number | null; readonly points?: number | null };
  readonly yoy: { readonly ratio: number | null; readonly points?: number | null };
  readonly higherIsBetter: boolean;
}

// Finding more hazards means inspections are thorough, so it counts as good, like rectifying them.
const LOWER_IS_BETTER = new Set<Kpi['id']>(['major_open', 'accidents']);

const ratioOf = (c: Kpi['mom']): number | null => c.change?.pct ?? null;
// Rates are fractions in analysis; one decimal of a percentage point.
const pointsOf = (c: Kpi['mom']): number | null =>
  c.change === null ? null : Math.round(c.change.delta * 1000) / 10;

/**
 * The card model of a KPI. The rate is shown as a percentage (value × 100, one decimal) and its
 * change in percentage points; every other card's change is relative. The reports card reads "12 / 18 个". A change is null
 * (not comparable) when either month is missing, no township reported the metric in both months,
 * or the previous value is 0.
 */
export function kpiCardModel(kpi: Kpi, lang: Lang): KpiCardModel {
  const isRate = kpi.id === 'rectification_rate';
  const label =
    kpi.id === 'reports' ? translate(lang, 'views.overview.kpi.reports') : metricLabel(kpi.id, lang);
  const unit =
    kpi.id === 'reports'
      ? translate(lang, 'views.overview.reportsUnit', { expected: kpi.expected })
      : metricUnit(kpi.id, lang);
  const value = kpi.value === null ? null : isRate ? Math.round(kpi.value * 1000) / 10 : kpi.value;
  return {
    id: kpi.id,
    label,
    value,
    unit,
    mom: isRate ? { ratio: ratioOf(kpi.mom), points: pointsOf(kpi.mom) } : { ratio: ratioOf(kpi.mom) },
    yoy: isRate ? { ratio: ratioOf(kpi.yoy), points: pointsOf(kpi.yoy) } : { ratio: ratioOf(kpi.yoy) },
    higherIsBetter: !LOWER_IS_BETTER.has(kpi.id),
  };
}

/** Shortest and longest trend shown on the overview (months). */
export const TREND_MIN_MONTHS = 12;
export const TREND_MAX_MONTHS = 36;

/**
 * The overview trend's filters: ends at the selected month (`to`) and starts at the filter's
 * `from`, widened to at least 12 months and narrowed to at most 36, never before the data's first
 * month. Empty cube → the filters unchanged.
 */
export function trendFilters(cube: Cube, filters: Filters): Filters {
  const first = cube.periods[0];
  if (first === undefined || filters.to === '') return filters;
  const earliest = addMonths(filters.to, -(TREND_MAX_MONTHS - 1));
  const latestStart = addMonths(filters.to, -(TREND_MIN_MONTHS - 1));
  let from: Period = filters.from;
  if (from > latestStart) from = latestStart;
  if (from < earliest) from = earliest;
  if (from < first) from = first;
  return from === filters.from ? filters : { ...filters, from };
}

/** Items of each kind the attention list shows before "show all" (a city has hundreds of townships). */
export const ATTENTION_PER_KIND = 5;

/**
 * The attention items shown while the list is collapsed: the first `perKind` of each kind, in
 * list order (the list is sorted by kind, then severity), so a long run of missing reports does
 * not push every rectification or training warning out of sight. `hidden` counts the rest.
 */
export function collapseAttention<T extends { readonly kind: string }>(
  items: readonly T[],
  perKind = ATTENTION_PER_KIND,
): { readonly shown: readonly T[]; readonly hidden: number } {
  const seen = new Map<string, number>();
  const shown = items.filter((item) => {
    const n = seen.get(item.kind) ?? 0;
    seen.set(item.kind, n + 1);
    return n < perKind;
  });
  return { shown, hidden: items.length - shown.length };
}
