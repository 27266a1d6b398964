/**
 * Township × month heatmap of any metric. Unreported cells are drawn as a separate light "未报送"
 * layer, so they are blank on the colour scale yet still say why in the tooltip.
 */
import type { EChartsCoreOption } from 'echarts/core';
import type { Lang } from '../i18n/i18n';
import type { Cube } from '../analysis/cube';
import { formatMetricValue, metricLabel, type Filters, type MetricId } from '../analysis/metrics';
import { townshipSeries } from '../analysis/series';
import { bySeriesIndex, type ChartSpec, type ChartSelection } from './chart-spec';
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
import { MISSING_FILL, SEQUENTIAL } from './theme';
import { pageNote, pageWindow } from './township-window';

export interface HeatmapOptions {
  readonly metric: MetricId;
  readonly filters: Filters;
  readonly lang: Lang;
  /** Spec id; the training view reuses the builder as 'training-matrix'. */
  readonly id?: string;
  /**
   * Which page of townships the rows show (default: all). The colour scale, the summary and the
   * table cover every township; the rows drawn and the interaction map cover the page.
   */
  readonly page?: { readonly index: number; readonly size: number };
}

/**
 * A heatmap with townships as rows (official order, first at the top) and months as columns.
 * Missing or uncomputable cells are null: not coloured, listed in the "未报送" layer with that
 * tooltip. Table: township × months. Summary: range total/extreme and unreported cell count.
 */
export function buildHeatmapSpec(
  cube: Cube,
  { metric, filters, lang, id = 'township-heatmap', page }: HeatmapOptions,
): ChartSpec {
  const title = t(lang, 'charts.title.heatmap', { metric: metricLabel(metric, lang) });
  const matrix = townshipSeries(cube, metric, filters);
  const columns = [
    { key: 'township', label: t(lang, 'charts.col.township') },
    ...matrix.periods.map((p) => ({ key: p, label: formatPeriod(lang, p) })),
  ];
  const allNull = matrix.rows.every((r) => r.values.every((v) => v === null));
  if (matrix.periods.length === 0 || matrix.rows.length === 0 || allNull)
    return emptySpec(id, title, lang, columns);

  const pg = pageWindow(matrix.rows.length, page?.size ?? matrix.rows.length, page?.index ?? 0);
  const shown = matrix.rows.slice(pg.start, pg.end);
  const names = matrix.rows.map((r) => cleanLabel(r.township));
  const months = matrix.periods.map((p) => formatPeriod(lang, p));
  const data: [number, number, number][] = [];
  const gaps: [number, number, number][] = [];
  // The township-month of each item of the two series, in the same order as their data.
  const dataCells: ChartSelection[] = [];
  const gapCells: ChartSelection[] = [];
  // y is the row on the page; the colour scale runs over every township, so pages compare.
  let max = 0;
  matrix.rows.forEach((row, i) =>
    row.values.forEach((v, x) => {
      const plotted = toPlot(metric, v);
      if (plotted !== null && plotted > max) max = plotted;
      if (i < pg.start || i >= pg.end) return;
      const y = i - pg.start;
      const cell = { township: row.township, period: matrix.periods[x]! };
      if (plotted === null) {
        gaps.push([x, y, 0]);
        gapCells.push(cell);
      } else {
        data.push([x, y, plotted]);
        dataCells.push(cell);
      }
    }),
  );
  const notReported = t(lang, 'charts.not_reported');
  // A null in a reported month is a blank field or a 0 denominator, not a missing report.
  // x = month index, i = township index in the whole matrix.
  const reported = (x: number, i: number) =>
    cube.cell(matrix.rows[i]?.township ?? '', matrix.periods[x] ?? '') !== undefined;
  const valueText = (x: number, i: number) => {
    const v = matrix.rows[i]?.values[x] ?? null;
    return formatMetricValue(metric, v, lang) ?? (reported(x, i) ? t(lang, 'charts.no_value') : notReported);
  };
  let missingCells = 0;
  matrix.rows.forEach((row, i) =>
    row.values.forEach((v, x) => {
      if (toPlot(metric, v) === null && !reported(x, i)) missingCells++;
    }),
  );
  const option: EChartsCoreOption = {
    ...baseOption(data.length + gaps.length),
    title: { text: title, left: 'center' },
    tooltip: itemTooltip((p: TooltipItem) => {
      const [x, y] = (Array.isArray(p.value) ? p.value : [0, 0]) as [number, number];
      const i = pg.start + y;
      return `${names[i] ?? ''} ${months[x] ?? ''}\n${metricLabel(metric, lang)}: ${valueText(x, i)}`;
    }),
    grid: { left: 96, right: 24, top: 48, bottom: 72 },
    xAxis: { type: 'category', data: months, splitArea: { show: true } },
    yAxis: {
      type: 'category',
      data: names.slice(pg.start, pg.end),
      inverse: true,
      splitArea: { show: true },
    },
    visualMap: [
      {
        min: 0,
        max: max > 0 ? max : 1,
        calculable: true,
        orient: 'horizontal',
        left: 'center',
        bottom: 8,
        seriesIndex: 0,
        inRange: { color: [...SEQUENTIAL] },
        text: [labelWithUnit(metric, lang), ''],
      },
      // ECharts requires a visualMap per heatmap series; the gap layer gets a hidden flat one.
      { show: false, seriesIndex: 1, min: 0, max: 1, inRange: { color: [MISSING_FILL, MISSING_FILL] } },
    ],
    series: [
      {
        type: 'heatmap',
        name: metricLabel(metric, lang),
        data,
        label: { show: matrix.periods.length <= 12 },
        // One page (≤ 30 rows × 120 months) draws at once; progressive chunks left rows blank
        // in a capture taken while they were still being drawn.
        progressive: 0,
      },
      {
        type: 'heatmap',
        name: notReported,
        data: gaps,
        progressive: 0,
        itemStyle: { color: MISSING_FILL },
        label: { show: false },
      },
    ],
  };
  const rows = matrix.rows.map((r) => [r.township, ...r.values.map((v) => toPlot(metric, v))]);
  // Summary: the highest township-month and how many cells are missing.
  let top: { x: number; y: number; v: number } | null = null;
  matrix.rows.forEach((r, y) =>
    r.values.forEach((v, x) => {
      if (v !== null && (top === null || v > top.v)) top = { x, y, v };
    }),
  );
  const best = top as { x: number; y: number; v: number } | null;
  const note = pageNote(pg, lang);
  const summary = sentence(lang, [
    rangeLabel(matrix.periods, lang) + (lang === 'en' ? ` ${title}` : title),
    best
      ? t(lang, 'charts.sum.top', {
          township: `${names[best.y]} ${months[best.x]}`,
          value: valueWithUnit(metric, best.v, lang),
        })
      : null,
    missingCells > 0 ? t(lang, 'charts.sum.missing_cells', { n: missingCells }) : null,
    note,
  ]);
  const interactions = bySeriesIndex([dataCells, gapCells], {
    yAxis: shown.map((r) => ({ township: r.township })),
  });
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
