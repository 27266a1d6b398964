/**
 * The submission matrix as a categorical heatmap: on time / late / date unknown / suspicious /
 * missing, with a legend, township rows in official order.
 */
import type { EChartsCoreOption } from 'echarts/core';
import type { Lang } from '../i18n/i18n';
import type { Cube } from '../analysis/cube';
import { submissionMatrix, type SubmissionMatrix, type SubmissionStatus } from '../analysis/submissions';
import { DEFAULT_DUE_DAY } from '../domain/view-defaults';
import type { Filters } from '../analysis/metrics';
import { byItemIndex, type ChartSpec } from './chart-spec';
import {
  baseOption,
  cleanLabel,
  emptySpec,
  itemTooltip,
  rangeLabel,
  sentence,
  t,
  type TooltipItem,
} from './chart-common';
import { formatPeriod } from '../i18n/format';
import { STATUS_COLORS } from './theme';
import { pageNote, pageWindow } from './township-window';

/** Status order in the legend and its numeric code in the heatmap data. */
export const STATUS_ORDER: readonly SubmissionStatus[] = [
  'on_time',
  'undated',
  'late',
  'suspicious',
  'missing',
];

export interface SubmissionChartOptions {
  readonly filters: Filters;
  readonly lang: Lang;
  /** Day of the month a report is due (default 25). */
  readonly dueDay?: number;
  /** Which page of townships the rows show (default: all); summary and table cover every township. */
  readonly page?: { readonly index: number; readonly size: number };
}

/**
 * Township × month matrix coloured by status (a piecewise visualMap doubles as the legend). The
 * table adds each township's missing count. Summary: counts per status over the range.
 */
export function buildSubmissionMatrixSpec(
  cube: Cube,
  { filters, lang, dueDay = DEFAULT_DUE_DAY, page }: SubmissionChartOptions,
  /** The matrix when the caller already has it (the view lists missing reports from it too). */
  matrix?: SubmissionMatrix,
): ChartSpec {
  const id = 'submission-matrix';
  const title = t(lang, 'charts.title.submissions');
  const m = matrix ?? submissionMatrix(cube, filters, dueDay);
  const columns = [
    { key: 'township', label: t(lang, 'charts.col.township') },
    ...m.periods.map((p) => ({ key: p, label: formatPeriod(lang, p) })),
    { key: 'missing', label: t(lang, 'charts.col.missing') },
  ];
  if (m.periods.length === 0 || m.townships.length === 0) return emptySpec(id, title, lang, columns);
  const pg = pageWindow(m.townships.length, page?.size ?? m.townships.length, page?.index ?? 0);
  const names = m.townships.map(cleanLabel);
  const months = m.periods.map((p) => formatPeriod(lang, p));
  // Five labels, translated once (the table has a cell per township-month).
  const labels = new Map(STATUS_ORDER.map((s) => [s, t(lang, `charts.status.${s}`)]));
  const statusLabel = (s: SubmissionStatus) => labels.get(s) ?? s;
  const code = new Map(STATUS_ORDER.map((s, i) => [s, i]));
  // y is the row on the page; i = pg.start + y the township in the whole matrix.
  const shownRows = m.rows.slice(pg.start, pg.end);
  const data = shownRows.flatMap((row, y) => row.map((c, x) => [x, y, code.get(c.status) ?? 0]));
  const option: EChartsCoreOption = {
    ...baseOption(data.length),
    title: { text: title, left: 'center' },
    tooltip: itemTooltip((p: TooltipItem) => {
      const [x, y] = (Array.isArray(p.value) ? p.value : [0, 0]) as [number, number];
      const cell = shownRows[y]?.[x];
      if (!cell) return '';
      const date = cell.reportDate ? `\n${cell.reportDate}` : '';
      return `${names[pg.start + y]} ${months[x]}\n${statusLabel(cell.status)}${date}`;
    }),
    grid: { left: 96, right: 24, top: 48, bottom: 64 },
    xAxis: { type: 'category', data: months, splitArea: { show: true } },
    yAxis: { type: 'category', data: names.slice(pg.start, pg.end), inverse: true },
    visualMap: {
      type: 'piecewise',
      orient: 'horizontal',
      left: 'center',
      bottom: 8,
      pieces: STATUS_ORDER.map((s, i) => ({ value: i, label: statusLabel(s), color: STATUS_COLORS[s] })),
    },
    series: [
      {
        type: 'heatmap',
        name: title,
        data,
        // One page draws at once (see heatmap.ts).
        progressive: 0,
        itemStyle: { borderColor: '#ffffff', borderWidth: 1 },
      },
    ],
  };
  const rows = m.rows.map((row, y) => [
    m.townships[y]!,
    ...row.map((c) => statusLabel(c.status)),
    m.missingCounts.get(m.townships[y]!) ?? 0,
  ]);
  const n = (s: SubmissionStatus) => m.statusCounts.get(s) ?? 0;
  const note = pageNote(pg, lang);
  const summary = sentence(lang, [
    t(lang, 'charts.sum.submissions', {
      range: rangeLabel(m.periods, lang),
      expected: m.townships.length * m.periods.length,
      on_time: n('on_time'),
      late: n('late'),
      missing: n('missing'),
      suspicious: n('suspicious'),
    }),
    note,
  ]);
  // Same row-major order as `data`: the page's rows.
  const shownTownships = m.townships.slice(pg.start, pg.end);
  const cells = shownTownships.flatMap((township) => m.periods.map((period) => ({ township, period })));
  const interactions = byItemIndex(cells, { yAxis: shownTownships.map((township) => ({ township })) });
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
