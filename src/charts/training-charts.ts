/**
 * Training view charts: activities per month, the township × month training matrix and
 * per-session attendance by township.
 */
import type { EChartsCoreOption } from 'echarts/core';
import type { NumericField } from '../domain/records';
import type { Lang } from '../i18n/i18n';
import type { Cube } from '../analysis/cube';
import {
  aggregateMetric,
  filterPeriods,
  filterTownships,
  formatMetricValue,
  metricLabel,
  type Filters,
} from '../analysis/metrics';
import { districtSeries } from '../analysis/series';
import { byItemIndex, type ChartSpec } from './chart-spec';
import {
  baseOption,
  decalIfReadable,
  emptySpec,
  labelWithUnit,
  rangeLabel,
  sentence,
  t,
} from './chart-common';
import { formatPeriod } from '../i18n/format';
import { buildRankingSpec } from './compare-charts';
import { buildHeatmapSpec } from './heatmap';
import { PALETTE } from './theme';
import type { RankShow } from './rank-show';

const ACTIVITIES: readonly NumericField[] = [
  'trainings_held',
  'warning_edu_sessions',
  'publicity_events',
  'drills_held',
];

export interface TrainingChartOptions {
  readonly filters: Filters;
  readonly lang: Lang;
}

/**
 * Trainings, warning-education sessions, publicity events and drills side by side per month
 * (grouped bars with distinct decals for greyscale print while the bars are wide enough to show
 * them: DECAL_MAX_BARS). Missing months are gaps. Summary: the
 * four totals over the range when all are known, else trainings alone, else "no data" — a figure
 * nobody reported is never shown as 0.
 */
export function buildActivitiesSpec(cube: Cube, { filters, lang }: TrainingChartOptions): ChartSpec {
  const id = 'training-activities';
  const title = t(lang, 'charts.title.activities');
  const series = ACTIVITIES.map((f) => districtSeries(cube, f, filters));
  const periods = series[0]?.periods ?? [];
  const columns = [
    { key: 'period', label: t(lang, 'charts.col.period') },
    ...ACTIVITIES.map((f) => ({ key: f, label: labelWithUnit(f, lang) })),
  ];
  if (periods.length === 0 || series.every((s) => s.values.every((v) => v === null)))
    return emptySpec(id, title, lang, columns);
  const decals = [
    undefined,
    { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 4] },
    { symbol: 'circle' },
    { symbol: 'triangle' },
  ];
  const option: EChartsCoreOption = {
    ...baseOption(periods.length * ACTIVITIES.length),
    title: { text: title, left: 'center' },
    legend: { top: 28 },
    grid: { left: 56, right: 24, top: 64, bottom: 40 },
    xAxis: { type: 'category', data: periods.map((p) => formatPeriod(lang, p)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: series.map((s, i) => ({
      type: 'bar',
      name: metricLabel(s.metric, lang),
      data: s.values,
      itemStyle: { color: PALETTE[i], decal: decalIfReadable(periods.length * ACTIVITIES.length, decals[i]) },
    })),
  };
  const rows = periods.map((p, j) => [formatPeriod(lang, p), ...series.map((s) => s.values[j] ?? null)]);
  const townships = filterTownships(cube, filters);
  const range = filterPeriods(filters);
  const total = (f: NumericField) =>
    formatMetricValue(f, aggregateMetric(cube, f, townships, range, filters.sector).value, lang);
  const [trainings, warning, publicity, drills] = ACTIVITIES.map(total);
  const summary =
    trainings !== null && warning !== null && publicity !== null && drills !== null
      ? sentence(lang, [
          t(lang, 'charts.sum.activities', {
            range: rangeLabel(range, lang),
            trainings,
            warning,
            publicity,
            drills,
          }),
        ])
      : sentence(lang, [
          trainings !== null
            ? `${rangeLabel(range, lang)}${lang === 'en' ? ' ' : ''}${metricLabel('trainings_held', lang)} ${trainings}`
            : null,
        ]) || t(lang, 'charts.sum.empty');
  const interactions = byItemIndex(periods.map((period) => ({ period })));
  return { id, title, option, table: { columns, rows }, summary, empty: false, interactions };
}

/** Township × month heatmap of trainings held (or training person-times). */
export function buildTrainingMatrixSpec(
  cube: Cube,
  {
    filters,
    lang,
    metric = 'trainings_held',
    page,
  }: TrainingChartOptions & {
    metric?: 'trainings_held' | 'training_person_times';
    page?: { readonly index: number; readonly size: number };
  },
): ChartSpec {
  return buildHeatmapSpec(cube, { metric, filters, lang, id: 'training-matrix', ...(page ? { page } : {}) });
}

/**
 * Per-session attendance (person-times ÷ sessions, pooled over the range) per township in official
 * order, with the district's pooled figure as the reference line.
 */
export function buildAttendanceSpec(
  cube: Cube,
  { filters, lang, show }: TrainingChartOptions & { show?: RankShow },
): ChartSpec {
  return buildRankingSpec(cube, {
    ...(show ? { show } : {}),
    metric: 'attendance_per_training',
    filters,
    lang,
    order: 'official',
    id: 'training-attendance',
  });
}
