/**
 * District trend charts: one or more metrics per month, and the month summary sentence shared by
 * the overview.
 */
import type { EChartsCoreOption } from 'echarts/core';
import { previousPeriod, sameMonthLastYear, type Period } from '../domain/month';
import type { Lang } from '../i18n/i18n';
import { compareDistrict, type DistrictComparison } from '../analysis/compare';
import type { Cube } from '../analysis/cube';
import {
  aggregateMetric,
  filterTownships,
  metricDef,
  metricLabel,
  type Filters,
  type MetricId,
} from '../analysis/metrics';
import { districtSeries } from '../analysis/series';
import { byItemIndex, type ChartSpec } from './chart-spec';
import {
  baseOption,
  cleanLabel,
  emptySpec,
  labelWithUnit,
  lineStyle,
  pctText,
  sentence,
  t,
  toPlot,
  valueWithUnit,
} from './chart-common';
import { formatPeriod } from '../i18n/format';

function changePart(c: DistrictComparison, which: 'mom' | 'yoy', lang: Lang): string | null {
  if (!c.change) return null;
  const { pct, delta } = c.change;
  if (pct === null) return delta === 0 ? t(lang, `charts.sum.${which}_flat`) : null;
  if (Math.round(pct * 100) === 0) return t(lang, `charts.sum.${which}_flat`);
  return t(lang, pct > 0 ? `charts.sum.${which}_up` : `charts.sum.${which}_down`, { pct: pctText(pct) });
}

/**
 * One sentence about a metric in a month for the selected townships, e.g.
 * "2024年3月全区排查隐患32处，环比增长167%（按2个两期均报送的乡镇比较），本月有1个乡镇未报送。"
 * Value, MoM, YoY and coverage each appear only when computable; MoM/YoY are like for like
 * (compareDistrict) and say so when fewer townships were compared than reported.
 */
export function monthSummary(
  cube: Cube,
  metric: MetricId,
  period: Period,
  filters: Filters,
  lang: Lang,
): string {
  const townships = filterTownships(cube, filters);
  const agg = aggregateMetric(cube, metric, townships, [period], filters.sector);
  const value = valueWithUnit(metric, agg.value, lang);
  const scope =
    townships.length === 1
      ? cleanLabel(townships[0]!)
      : lang === 'en'
        ? t(lang, 'charts.sum.district')
        : t(lang, 'charts.district');
  const head =
    value === null
      ? null
      : t(lang, 'charts.sum.value', {
          period: formatPeriod(lang, period),
          scope,
          metric: metricLabel(metric, lang),
          value,
        });
  const mom = compareDistrict(cube, metric, filters, period, previousPeriod(period));
  const yoy = compareDistrict(cube, metric, filters, period, sameMonthLastYear(period));
  const momText = changePart(mom, 'mom', lang);
  const yoyText = changePart(yoy, 'yoy', lang);
  const partial = (c: DistrictComparison, text: string | null) =>
    text && c.matched < c.currentContributing
      ? `${text}${lang === 'en' ? ' ' : ''}${t(lang, 'charts.sum.like_for_like', { n: c.matched })}`
      : text;
  const missing = agg.expected - agg.reporting;
  return sentence(lang, [
    head,
    head ? partial(mom, momText) : null,
    head ? partial(yoy, yoyText) : null,
    missing > 0 && agg.expected > 1 ? t(lang, 'charts.sum.coverage', { n: missing }) : null,
  ]);
}

export interface TrendOptions {
  readonly metrics: readonly MetricId[];
  readonly filters: Filters;
  readonly lang: Lang;
}

/**
 * District trend of one or more metrics over the filter's months: a line per metric (rates on a
 * right-hand percent axis), gaps where nobody reported (`connectNulls: false`), and a table with
 * the number of townships reporting each month. Summary: the last month of the range. No months
 * or no value at all → an empty spec.
 */
export function buildTrendSpec(cube: Cube, { metrics, filters, lang }: TrendOptions): ChartSpec {
  const id = 'district-trend';
  const title = t(lang, 'charts.title.trend');
  const series = metrics.map((m) => districtSeries(cube, m, filters));
  const periods = series[0]?.periods ?? [];
  const columns = [
    { key: 'period', label: t(lang, 'charts.col.period') },
    ...metrics.map((m) => ({ key: m, label: labelWithUnit(m, lang) })),
    { key: 'reporting', label: t(lang, 'charts.col.reporting') },
  ];
  if (periods.length === 0 || series.every((s) => s.values.every((v) => v === null)))
    return emptySpec(id, title, lang, columns);
  const isRate = (m: MetricId) => metricDef(m).format === 'percent';
  const hasRate = metrics.some(isRate);
  const hasCount = metrics.some((m) => !isRate(m));
  const option: EChartsCoreOption = {
    ...baseOption(periods.length * metrics.length),
    title: { text: title, left: 'center' },
    legend: { top: 28, data: metrics.map((m) => metricLabel(m, lang)) },
    grid: { left: 56, right: hasRate ? 56 : 24, top: 64, bottom: 40 },
    xAxis: { type: 'category', data: periods.map((p) => formatPeriod(lang, p)) },
    yAxis: [
      ...(hasCount ? [{ type: 'value', minInterval: 1 }] : []),
      ...(hasRate ? [{ type: 'value', max: 100, axisLabel: { formatter: '{value}%' } }] : []),
    ],
    series: series.map((s, i) => ({
      type: 'line',
      name: metricLabel(s.metric, lang),
      data: s.values.map((v) => toPlot(s.metric, v)),
      connectNulls: false,
      yAxisIndex: isRate(s.metric) && hasCount ? 1 : 0,
      ...lineStyle(i),
    })),
  };
  const rows = periods.map((p, j) => [
    formatPeriod(lang, p),
    ...series.map((s) => toPlot(s.metric, s.values[j] ?? null)),
    series[0]?.reporting[j] ?? null,
  ]);
  const last = periods[periods.length - 1]!;
  return {
    id,
    title,
    option,
    table: { columns, rows },
    summary: monthSummary(cube, metrics[0]!, last, filters, lang),
    empty: false,
    interactions: byItemIndex(periods.map((period) => ({ period }))),
  };
}
