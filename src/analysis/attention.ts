/**
 * The overview's "needs attention this month" list (本月需关注乡镇), each entry with a structured
 * reason the UI renders through i18n.
 */
import { periodIndex, previousPeriod, type Period } from '../domain/month';
import { translate, type Lang } from '../i18n/i18n';
import type { Cube } from './cube';
import { compareValues } from './compare';
import { cellFieldValue, filterTownships, formatMetricValue, metricLabel, type Filters } from './metrics';
import type { NumericField } from '../domain/records';
import { trainingStreaks } from './training';

export type AttentionItem =
  | {
      readonly kind: 'no_report';
      readonly township: string;
      /** Consecutive months without a report ending at the month (≥ 1). */
      readonly months: number;
    }
  | {
      readonly kind: 'low_rectification';
      readonly township: string;
      readonly rate: number;
      readonly found: number;
      readonly rectified: number;
      readonly threshold: number;
    }
  | {
      readonly kind: 'sharp_change';
      readonly township: string;
      readonly metric: NumericField;
      readonly current: number;
      readonly previous: number;
      readonly pct: number;
    }
  | { readonly kind: 'no_training'; readonly township: string; readonly months: number };

export interface AttentionOptions {
  /** Rates below this are flagged (default 0.8; the provincial norm is 93–97%, docs/domain.md#magnitudes-and-seasonality). */
  readonly lowRate?: number;
  /** Minimum hazards found for a rate to count (default 5): 0/1 or 1/2 is noise, not a signal. */
  readonly minFound?: number;
  /** Fields watched for sharp month-on-month change (default hazards_found). */
  readonly changeFields?: readonly NumericField[];
  /** Minimum previous value for a relative change to count (default 10). */
  readonly minChangeBase?: number;
  /** Minimum relative rise to flag (default 1 = doubled). */
  readonly minRisePct?: number;
  /** Minimum relative fall to flag (default 0.5 = halved; a fall cannot exceed 100%). */
  readonly minFallPct?: number;
  /** Consecutive reported zero-training months to flag (default 3). */
  readonly noTrainingMonths?: number;
}

const KIND_ORDER = ['no_report', 'low_rectification', 'sharp_change', 'no_training'] as const;

/**
 * Townships needing attention in `period`, for the filter's townships (sector filter applies to
 * the rate and change checks). Rules:
 * - no_report: no report this month (with how many months in a row);
 * - low_rectification: hazards_rectified ÷ hazards_found < lowRate with found ≥ minFound;
 * - sharp_change: MoM rise ≥ minRisePct or fall ≥ minFallPct with the previous value ≥
 *   minChangeBase; both months must be reported (missing is never 0);
 * - no_training: ≥ noTrainingMonths consecutive months reported with trainings_held = 0; a missing
 *   month or blank field breaks the run, so an unreported month never counts as "no training".
 * Sorted by kind in that order, then by severity (lowest rate, largest change, longest run), then
 * official order. A month outside the data → only no_report entries.
 */
export function attentionList(
  cube: Cube,
  period: Period,
  filters: Pick<Filters, 'townships' | 'sector'>,
  options: AttentionOptions = {},
): AttentionItem[] {
  const lowRate = options.lowRate ?? 0.8;
  const minFound = options.minFound ?? 5;
  const changeFields = options.changeFields ?? ['hazards_found'];
  const minBase = options.minChangeBase ?? 10;
  const minRise = options.minRisePct ?? 1;
  const minFall = options.minFallPct ?? 0.5;
  const noTraining = options.noTrainingMonths ?? 3;
  const townships = filterTownships(cube, filters);
  const prev = previousPeriod(period);
  const items: { item: AttentionItem; severity: number; order: number }[] = [];

  townships.forEach((township, order) => {
    if (!cube.cell(township, period)) {
      let months = 0;
      const end = periodIndex(period);
      const past = cube.periods.filter((p) => periodIndex(p) <= end).reverse();
      if (past[0] !== period) months = 1;
      for (const p of past) {
        if (cube.cell(township, p)) break;
        months++;
      }
      items.push({ item: { kind: 'no_report', township, months }, severity: -months, order });
      return;
    }
    const found = cellFieldValue(cube, township, period, 'hazards_found', filters.sector);
    const rectified = cellFieldValue(cube, township, period, 'hazards_rectified', filters.sector);
    if (found !== null && rectified !== null && found >= minFound) {
      const rate = rectified / found;
      if (rate < lowRate)
        items.push({
          item: { kind: 'low_rectification', township, rate, found, rectified, threshold: lowRate },
          severity: rate,
          order,
        });
    }
    for (const field of changeFields) {
      const cur = cellFieldValue(cube, township, period, field, filters.sector);
      const before = cellFieldValue(cube, township, prev, field, filters.sector);
      const c = compareValues(cur, before);
      if (!c || c.pct === null || before === null || cur === null || before < minBase) continue;
      if (c.pct >= minRise || c.pct <= -minFall)
        items.push({
          item: { kind: 'sharp_change', township, metric: field, current: cur, previous: before, pct: c.pct },
          severity: -Math.abs(c.pct),
          order,
        });
    }
  });

  for (const s of trainingStreaks(cube, period, filters)) {
    if (s.zeroStreak >= noTraining)
      items.push({
        item: { kind: 'no_training', township: s.township, months: s.zeroStreak },
        severity: -s.zeroStreak,
        order: townships.indexOf(s.township),
      });
  }

  return items
    .sort(
      (a, b) =>
        KIND_ORDER.indexOf(a.item.kind) - KIND_ORDER.indexOf(b.item.kind) ||
        a.severity - b.severity ||
        a.order - b.order,
    )
    .map((x) => x.item);
}

/** The reason of an attention entry as one plain-text sentence in a language. */
export function attentionReasonText(item: AttentionItem, lang: Lang): string {
  switch (item.kind) {
    case 'no_report':
      return translate(lang, 'charts.attention.no_report', { township: item.township, months: item.months });
    case 'low_rectification':
      return translate(lang, 'charts.attention.low_rectification', {
        township: item.township,
        rate: formatMetricValue('rectification_rate', item.rate, lang),
        rectified: item.rectified,
        found: item.found,
      });
    case 'sharp_change':
      return translate(lang, item.pct >= 0 ? 'charts.attention.rise' : 'charts.attention.fall', {
        township: item.township,
        metric: metricLabel(item.metric, lang),
        previous: formatMetricValue(item.metric, item.previous, lang),
        current: formatMetricValue(item.metric, item.current, lang),
        pct: `${Math.round(Math.abs(item.pct) * 100)}%`,
      });
    case 'no_training':
      return translate(lang, 'charts.attention.no_training', {
        township: item.township,
        months: item.months,
      });
  }
}
