/**
 * Compare view charts: ranking bars with the district average, small multiples on shared axes,
 * and a two-metric scatter for outliers.
 */
import type { EChartsCoreOption } from 'echarts/core';
import type { Lang } from '../i18n/i18n';
import type { Cube } from '../analysis/cube';
import {
  aggregateMetric,
  filterPeriods,
  filterTownships,
  formatMetricValue,
  metricLabel,
  type Filters,
  type MetricId,
} from '../analysis/metrics';
import { rankTownships, type RankOrder, type Ranking } from '../analysis/rank';
import { townshipSeries } from '../analysis/series';
import { byItemIndex, bySeriesIndex, type ChartSpec } from './chart-spec';
import {
  baseOption,
  itemTooltip,
  cleanLabel,
  emptySpec,
  labelWithUnit,
  rangeLabel,
  sentence,
  t,
  toPlot,
  valueWithUnit,
  type TooltipItem,
} from './chart-common';
import { formatPeriod } from '../i18n/format';
import { PALETTE } from './theme';
import {
  pageNote,
  pageWindow,
  rankWindow,
  rankWindowNote,
  type PageWindow,
  type RankWindow,
} from './township-window';
import type { RankShow } from './rank-show';

export interface RankingChartOptions {
  readonly metric: MetricId;
  readonly filters: Filters;
  readonly lang: Lang;
  readonly order?: RankOrder;
  readonly normalise?: boolean;
  readonly id?: string;
  /** Which townships the bars show (default all); the table always lists every township. */
  readonly show?: RankShow;
}

/** Above this many bars the value labels would overlap: the tooltip and table give the values. */
const MAX_BAR_LABELS = 60;

/** A ranking chart with the ranking it draws and the part of it shown (for search and paging UI). */
export interface RankingView {
  readonly spec: ChartSpec;
  readonly ranking: Ranking;
  readonly window: RankWindow;
}

/**
 * Horizontal ranking bars (first rank at the top) with a dashed district-average markLine.
 * Townships without a value are listed last with "未报送"/"无法计算" and no bar. Summary: highest,
 * lowest and average.
 */
export function buildRankingSpec(cube: Cube, options: RankingChartOptions): ChartSpec {
  return buildRankingView(cube, options).spec;
}

/**
 * buildRankingSpec with its ranking: the bars show `options.show` (top/bottom N or all) of the
 * ranking, the table lists every township with its rank, the summary's highest/lowest/average are
 * over all townships and it says what the bars show ("图中为前 20 名，共 300 个乡镇"); the interaction
 * map follows the bars drawn.
 */
export function buildRankingView(cube: Cube, options: RankingChartOptions): RankingView {
  const ranking = rankTownships(cube, options);
  const show = options.show ?? { kind: 'all' };
  const win = rankWindow(ranking.rows, show);
  const spec = rankingSpec(ranking, win, rankWindowNote(win, show, options.lang), options);
  return { spec, ranking, window: win };
}

function rankingSpec(
  ranking: Ranking,
  win: RankWindow,
  note: string | null,
  options: RankingChartOptions,
): ChartSpec {
  const { metric, filters, lang } = options;
  const id = options.id ?? 'township-ranking';
  const label = ranking.normalised
    ? t(lang, 'charts.per_100_units', { label: metricLabel(metric, lang) })
    : labelWithUnit(metric, lang);
  const title = t(lang, 'charts.title.ranking', { metric: metricLabel(metric, lang) });
  const columns = [
    { key: 'rank', label: t(lang, 'charts.col.rank') },
    { key: 'township', label: t(lang, 'charts.col.township') },
    { key: metric, label },
  ];
  const valued = ranking.rows.filter((r) => r.value !== null);
  if (valued.length === 0) return emptySpec(id, title, lang, columns);
  const drawn = win.rows;
  const names = drawn.map((r) => cleanLabel(r.township));
  const fmt = (v: number | null) =>
    ranking.normalised ? (v === null ? null : v.toFixed(1)) : formatMetricValue(metric, v, lang);
  const statusText = (s: string) => t(lang, s === 'not_reported' ? 'charts.not_reported' : 'charts.no_value');
  const avg = toPlot(metric, ranking.districtAverage);
  const option: EChartsCoreOption = {
    ...baseOption(drawn.length),
    title: { text: title, left: 'center' },
    tooltip: itemTooltip((p: TooltipItem) => {
      const row = drawn[p.dataIndex ?? -1];
      if (!row) return '';
      return `${names[p.dataIndex ?? 0]}\n${label}: ${fmt(row.value) ?? statusText(row.status)}`;
    }),
    grid: { left: 96, right: 48, top: 48, bottom: 32 },
    xAxis: { type: 'value', name: label },
    yAxis: { type: 'category', data: names, inverse: true },
    series: [
      {
        type: 'bar',
        name: label,
        data: drawn.map((r) => toPlot(metric, r.value)),
        itemStyle: { color: PALETTE[0] },
        label: {
          show: drawn.length <= MAX_BAR_LABELS,
          position: 'right',
          formatter: (p: TooltipItem) => {
            const row = drawn[p.dataIndex ?? -1];
            return row ? (fmt(row.value) ?? statusText(row.status)) : '';
          },
        },
        markLine:
          avg === null
            ? undefined
            : {
                symbol: 'none',
                silent: true,
                lineStyle: { type: 'dashed', color: PALETTE[1] },
                // Above the top bar, not at the axis end where it collides with tick labels.
                label: { formatter: t(lang, 'charts.district_average'), position: 'start' },
                data: [{ xAxis: avg }],
              },
      },
    ],
  };
  const rows = ranking.rows.map((r) => [r.rank, r.township, toPlot(metric, r.value)]);
  const byValue = [...valued].sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
  const hi = byValue[0]!;
  const lo = byValue[byValue.length - 1]!;
  const v = (x: number | null) => (ranking.normalised ? fmt(x) : valueWithUnit(metric, x, lang));
  const summary = sentence(lang, [
    `${rangeLabel(filterPeriods(filters), lang)}${lang === 'en' ? ' ' : ''}${label}`,
    t(lang, 'charts.sum.top', { township: cleanLabel(hi.township), value: v(hi.value) }),
    byValue.length > 1
      ? t(lang, 'charts.sum.bottom', { township: cleanLabel(lo.township), value: v(lo.value) })
      : null,
    ranking.districtAverage !== null
      ? t(lang, 'charts.sum.average', { value: v(ranking.districtAverage) })
      : null,
    note,
  ]);
  // The bars drawn, not the table: bar i is drawn[i].
  const interactions = byItemIndex(drawn.map((r) => ({ township: r.township })));
  return {
    id,
    title,
    option,
    table: { columns, rows },
    summary,
    empty: false,
    interactions,
    ...(note === null ? {} : { scope: note }),
  };
}

export interface SmallMultiplesOptions {
  readonly metric: MetricId;
  readonly filters: Filters;
  readonly lang: Lang;
  /** Panels per row (default 4). */
  readonly columns?: number;
  /** Which page of townships the panels show (default: all on one page); the table lists all. */
  readonly page?: { readonly index: number; readonly size: number };
}

/**
 * One small line chart per township (official order) on a grid, all sharing one y maximum so
 * panels compare honestly. Missing months are gaps. Table as the heatmap's.
 */
export function buildSmallMultiplesSpec(cube: Cube, options: SmallMultiplesOptions): ChartSpec {
  const { metric, filters, lang } = options;
  const id = 'small-multiples';
  const title = t(lang, 'charts.title.small_multiples', { metric: metricLabel(metric, lang) });
  const m = townshipSeries(cube, metric, filters);
  const columns = [
    { key: 'township', label: t(lang, 'charts.col.township') },
    ...m.periods.map((p) => ({ key: p, label: formatPeriod(lang, p) })),
  ];
  const allPlotted = m.rows.map((r) => r.values.map((v) => toPlot(metric, v)));
  // One y maximum over every township, not just the page: pages compare like panels do.
  let max = 0;
  for (const r of allPlotted) for (const v of r) if (v !== null && v > max) max = v;
  if (m.periods.length === 0 || m.rows.length === 0 || allPlotted.every((r) => r.every((v) => v === null)))
    return emptySpec(id, title, lang, columns);
  const pg: PageWindow = pageWindow(
    m.rows.length,
    options.page?.size ?? m.rows.length,
    options.page?.index ?? 0,
  );
  const shown = m.rows.slice(pg.start, pg.end);
  const plotted = allPlotted.slice(pg.start, pg.end);
  const perRow = Math.max(1, Math.floor(options.columns ?? 4));
  const nRows = Math.ceil(shown.length / perRow);
  const w = 100 / perRow;
  const h = 90 / nRows;
  const months = m.periods.map((p) => formatPeriod(lang, p));
  const yMax = metric === 'rectification_rate' ? 100 : max > 0 ? max : 1;
  const option: EChartsCoreOption = {
    ...baseOption(shown.length * m.periods.length),
    title: [
      { text: title, left: 'center' },
      ...shown.map((r, i) => ({
        text: cleanLabel(r.township),
        left: `${(i % perRow) * w + w / 2}%`,
        top: `${8 + Math.floor(i / perRow) * h}%`,
        textAlign: 'center',
        textStyle: { fontSize: 12, fontWeight: 'normal' },
      })),
    ],
    grid: shown.map((_, i) => ({
      left: `${(i % perRow) * w + 3}%`,
      width: `${w - 5}%`,
      top: `${12 + Math.floor(i / perRow) * h}%`,
      height: `${h - 8}%`,
    })),
    xAxis: shown.map((_, i) => ({
      type: 'category',
      gridIndex: i,
      data: months,
      axisLabel: { show: false },
    })),
    yAxis: shown.map((_, i) => ({
      type: 'value',
      gridIndex: i,
      min: 0,
      max: yMax,
      axisLabel: { show: i % perRow === 0 },
    })),
    series: shown.map((r, i) => ({
      type: 'line',
      name: cleanLabel(r.township),
      xAxisIndex: i,
      yAxisIndex: i,
      data: plotted[i],
      connectNulls: false,
      symbolSize: 3,
      itemStyle: { color: PALETTE[0] },
    })),
  };
  const rows = m.rows.map((r, i) => [r.township, ...allPlotted[i]!]);
  const totals = m.rows.map((r) => ({
    tw: r.township,
    v: aggregateMetric(cube, metric, [r.township], m.periods, filters.sector).value,
  }));
  const best = totals.filter((x) => x.v !== null).sort((a, b) => (b.v ?? 0) - (a.v ?? 0))[0];
  const note = pageNote(pg, lang);
  const summary = sentence(lang, [
    `${rangeLabel(m.periods, lang)}${lang === 'en' ? ' ' : ''}${title}`,
    best
      ? t(lang, 'charts.sum.top', {
          township: cleanLabel(best.tw),
          value: valueWithUnit(metric, best.v, lang),
        })
      : null,
    note,
  ]);
  // Series i is the panel of the page's i-th township; its data index is the month.
  const interactions = bySeriesIndex(
    shown.map((r) => m.periods.map((period) => ({ township: r.township, period }))),
  );
  return {
    id,
    title,
    option,
    table: { columns, rows },
    summary,
    empty: false,
    interactions,
    ...(note === null ? {} : { scope: note }),
  };
}

/** Above this many points the scatter labels only its extremes. */
const MAX_SCATTER_LABELS = 40;
const LABELLED_EXTREMES = 5;

function scatterLabelled(points: readonly { tw: string; x: number | null; y: number | null }[]): Set<string> {
  if (points.length <= MAX_SCATTER_LABELS) return new Set(points.map((p) => p.tw));
  const out = new Set<string>();
  for (const axis of ['x', 'y'] as const) {
    const sorted = [...points].sort((a, b) => (a[axis] ?? 0) - (b[axis] ?? 0));
    for (const p of [...sorted.slice(0, LABELLED_EXTREMES), ...sorted.slice(-LABELLED_EXTREMES)])
      out.add(p.tw);
  }
  return out;
}

export interface ScatterOptions {
  readonly x: MetricId;
  readonly y: MetricId;
  readonly filters: Filters;
  readonly lang: Lang;
}

/**
 * One point per township with both metrics known over the range (e.g. hazards per 100 units vs
 * rectification rate), labelled with the township name, with dashed district-average lines on
 * both axes. Townships missing either value are left out of the plot but kept in the table.
 */
export function buildScatterSpec(cube: Cube, { x, y, filters, lang }: ScatterOptions): ChartSpec {
  const id = 'township-scatter';
  const title = t(lang, 'charts.title.scatter', { x: metricLabel(x, lang), y: metricLabel(y, lang) });
  const periods = filterPeriods(filters);
  const townships = filterTownships(cube, filters);
  const val = (m: MetricId, tws: readonly string[]) =>
    toPlot(m, aggregateMetric(cube, m, tws, periods, filters.sector).value);
  const points = townships.map((tw) => ({ tw, x: val(x, [tw]), y: val(y, [tw]) }));
  const columns = [
    { key: 'township', label: t(lang, 'charts.col.township') },
    { key: x, label: labelWithUnit(x, lang) },
    { key: y, label: labelWithUnit(y, lang) },
  ];
  const both = points.filter((p) => p.x !== null && p.y !== null);
  if (both.length === 0) return emptySpec(id, title, lang, columns);
  const avgX = val(x, townships);
  const avgY = val(y, townships);
  const labelled = scatterLabelled(both);
  const option: EChartsCoreOption = {
    ...baseOption(both.length),
    title: { text: title, left: 'center' },
    tooltip: itemTooltip((p: TooltipItem) => {
      const pt = both[p.dataIndex ?? -1];
      return pt
        ? `${cleanLabel(pt.tw)}\n${labelWithUnit(x, lang)}: ${pt.x}\n${labelWithUnit(y, lang)}: ${pt.y}`
        : '';
    }),
    grid: { left: 64, right: 48, top: 48, bottom: 56 },
    xAxis: { type: 'value', name: labelWithUnit(x, lang), nameLocation: 'middle', nameGap: 28, scale: true },
    yAxis: { type: 'value', name: labelWithUnit(y, lang), scale: true },
    series: [
      {
        type: 'scatter',
        name: title,
        // At city size 300 names would cover the plot: label only the outliers (the LABELLED_EXTREMES
        // highest and lowest on either axis); every point keeps its name in the tooltip.
        data: both.map((p) => ({
          value: [p.x, p.y],
          name: cleanLabel(p.tw),
          ...(labelled.has(p.tw) ? {} : { label: { show: false } }),
        })),
        symbolSize: 10,
        itemStyle: { color: PALETTE[0] },
        label: { show: true, position: 'right', formatter: '{b}', fontSize: 11 },
        // Townships with similar figures sit on top of each other: nudge labels apart vertically,
        // and hide any that still collide (the point, tooltip and data table still name it).
        // (echarts/core installs the label-layout feature itself.)
        labelLayout: { moveOverlap: 'shiftY', hideOverlap: true },
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { type: 'dashed', color: PALETTE[3] },
          label: { formatter: t(lang, 'charts.district_average') },
          data: [...(avgX === null ? [] : [{ xAxis: avgX }]), ...(avgY === null ? [] : [{ yAxis: avgY }])],
        },
      },
    ],
  };
  const rows = points.map((p) => [p.tw, p.x, p.y]);
  const summary = sentence(lang, [
    t(lang, 'charts.sum.scatter', {
      range: rangeLabel(periods, lang),
      n: both.length,
      x: metricLabel(x, lang),
      y: metricLabel(y, lang),
    }),
  ]);
  // Only townships with both values are plotted: the map follows the plotted points, not the table.
  const interactions = byItemIndex(both.map((p) => ({ township: p.tw })));
  return { id, title, option, table: { columns, rows }, summary, empty: false, interactions };
}
