/**
 * Hazard view charts: found vs rectified with the rate, hazards by sector, major backlog.
 */
import type { EChartsCoreOption } from 'echarts/core';
import { sectorByCode } from '../domain/sectors';
import type { Lang } from '../i18n/i18n';
import type { Cube } from '../analysis/cube';
import { hazardsBySector } from '../analysis/hazard-sectors';
import {
  aggregateMetric,
  filterPeriods,
  filterTownships,
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
  lineStyle,
  rangeLabel,
  sentence,
  t,
  toPlot,
  valueWithUnit,
} from './chart-common';
import { formatPeriod } from '../i18n/format';
import { monthSummary } from './trend';
import { PALETTE } from './theme';

export interface HazardChartOptions {
  readonly filters: Filters;
  readonly lang: Lang;
}

/**
 * Found and rectified hazards as bars per month with the pooled rectification rate as a line on a
 * right-hand percent axis. Pass `filters.townships: [name]` for one township. Missing months are
 * null gaps. Summary: the last month (value, MoM, YoY, coverage) plus its rate.
 */
export function buildFoundRectifiedSpec(cube: Cube, { filters, lang }: HazardChartOptions): ChartSpec {
  const id = 'hazards-found-rectified';
  const title = t(lang, 'charts.title.found_rectified');
  const found = districtSeries(cube, 'hazards_found', filters);
  const rect = districtSeries(cube, 'hazards_rectified', filters);
  const rate = districtSeries(cube, 'rectification_rate', filters);
  const columns = [
    { key: 'period', label: t(lang, 'charts.col.period') },
    { key: 'hazards_found', label: labelWithUnit('hazards_found', lang) },
    { key: 'hazards_rectified', label: labelWithUnit('hazards_rectified', lang) },
    { key: 'rectification_rate', label: labelWithUnit('rectification_rate', lang) },
  ];
  if (found.periods.length === 0 || found.values.every((v) => v === null))
    return emptySpec(id, title, lang, columns);
  const option: EChartsCoreOption = {
    ...baseOption(found.periods.length * 3),
    title: { text: title, left: 'center' },
    legend: { top: 28 },
    grid: { left: 56, right: 56, top: 64, bottom: 40 },
    xAxis: { type: 'category', data: found.periods.map((p) => formatPeriod(lang, p)) },
    yAxis: [
      { type: 'value', name: labelWithUnit('hazards_found', lang), minInterval: 1 },
      { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    ],
    series: [
      {
        type: 'bar',
        name: metricLabel('hazards_found', lang),
        data: found.values,
        itemStyle: { color: PALETTE[0] },
      },
      {
        type: 'bar',
        name: metricLabel('hazards_rectified', lang),
        data: rect.values,
        itemStyle: {
          color: PALETTE[3],
          decal: decalIfReadable(found.periods.length * 2, {
            symbol: 'rect',
            dashArrayX: [1, 0],
            dashArrayY: [2, 4],
          }),
        },
      },
      {
        type: 'line',
        name: metricLabel('rectification_rate', lang),
        yAxisIndex: 1,
        data: rate.values.map((v) => toPlot('rectification_rate', v)),
        connectNulls: false,
        itemStyle: { color: PALETTE[1] },
        ...lineStyle(1),
      },
    ],
  };
  const rows = found.periods.map((p, j) => [
    formatPeriod(lang, p),
    found.values[j] ?? null,
    rect.values[j] ?? null,
    toPlot('rectification_rate', rate.values[j] ?? null),
  ]);
  const last = found.periods[found.periods.length - 1]!;
  const lastRate = rate.values[rate.values.length - 1] ?? null;
  const base = monthSummary(cube, 'hazards_found', last, filters, lang);
  const rateText = valueWithUnit('rectification_rate', lastRate, lang);
  const summary =
    rateText && base
      ? `${base.slice(0, -1)}${lang === 'en' ? ', ' : '；'}${t(lang, 'charts.sum.rate', { rate: rateText })}${base.slice(-1)}`
      : base;
  const interactions = byItemIndex(found.periods.map((period) => ({ period })));
  return { id, title, option, table: { columns, rows }, summary, empty: false, interactions };
}

/**
 * Hazards by sector, stacked per month. Where any selected township keeps an itemised ledger the
 * stack shows itemised hazards found; otherwise it shows how many townships named each sector as a
 * focus (a report's total cannot be split by sector). A month with no report and no ledger is a
 * gap. Summary: the sector with the most over the range.
 */
export function buildSectorStackSpec(cube: Cube, { filters, lang }: HazardChartOptions): ChartSpec {
  const id = 'hazards-by-sector';
  const title = t(lang, 'charts.title.sector_stack');
  const data = hazardsBySector(cube, filters);
  const columns = [
    { key: 'period', label: t(lang, 'charts.col.period') },
    ...data.sectors.map((s) => ({ key: s, label: sectorName(s, lang) })),
  ];
  if (data.periods.length === 0 || data.sectors.length === 0) return emptySpec(id, title, lang, columns);
  const townships = filterTownships(cube, filters);
  const known = data.periods.map((p) => townships.some((tw) => cube.cell(tw, p) || cube.itemised(tw, p)));
  const pick = (s: (typeof data.sectors)[number]) =>
    data.values.get(s)!.map((v, j) => (known[j] ? (data.itemised ? v.found : v.focusTownships) : null));
  const seriesData = data.sectors.map((s) => ({ sector: s, values: pick(s) }));
  const option: EChartsCoreOption = {
    ...baseOption(data.periods.length * data.sectors.length),
    title: { text: title, left: 'center' },
    legend: { top: 28, type: 'scroll' },
    grid: { left: 56, right: 24, top: 64, bottom: 40 },
    xAxis: { type: 'category', data: data.periods.map((p) => formatPeriod(lang, p)) },
    yAxis: {
      type: 'value',
      minInterval: 1,
      name: data.itemised ? labelWithUnit('hazards_found', lang) : t(lang, 'charts.unit.township_months'),
    },
    series: seriesData.map((s, i) => ({
      type: 'bar',
      stack: 'sector',
      name: sectorName(s.sector, lang),
      data: s.values,
      itemStyle: {
        color: PALETTE[i % PALETTE.length],
        // Stacked: one bar per month.
        decal: i >= PALETTE.length ? decalIfReadable(data.periods.length, { symbol: 'circle' }) : undefined,
      },
    })),
  };
  const rows = data.periods.map((p, j) => [
    formatPeriod(lang, p),
    ...seriesData.map((s) => s.values[j] ?? null),
  ]);
  const totals = seriesData.map((s) => ({
    s: s.sector,
    v: s.values.reduce<number>((a, b) => a + (b ?? 0), 0),
  }));
  const top = totals.reduce((a, b) => (b.v > a.v ? b : a), totals[0]!);
  const summary =
    top.v > 0
      ? sentence(lang, [
          t(lang, data.itemised ? 'charts.sum.sector_top' : 'charts.sum.sector_focus', {
            range: rangeLabel(data.periods, lang),
            sector: sectorName(top.s, lang),
            value: data.itemised ? valueWithUnit('hazards_found', top.v, lang) : top.v,
          }),
        ])
      : t(lang, 'charts.sum.empty');
  return {
    id,
    title,
    option,
    table: { columns, rows },
    summary,
    empty: false,
    interactions: byItemIndex(data.periods.map((period) => ({ period }))),
  };
}

const sectorName = (code: string, lang: Lang): string => {
  const s = sectorByCode(code);
  return s ? (lang === 'en' ? s.en : s.zh) : code;
};

/**
 * Open major hazards over time: the cumulative backlog (line) with major hazards found and
 * rectified per month (bars). The backlog is a stock counted from the first month of data.
 * Summary: the backlog at the last month.
 */
export function buildMajorBacklogSpec(cube: Cube, { filters, lang }: HazardChartOptions): ChartSpec {
  const id = 'major-backlog';
  const title = t(lang, 'charts.title.major_backlog');
  const backlog = districtSeries(cube, 'major_open', filters);
  const found = districtSeries(cube, 'hazards_major_found', filters);
  const fixed = districtSeries(cube, 'hazards_major_rectified', filters);
  const columns = [
    { key: 'period', label: t(lang, 'charts.col.period') },
    { key: 'major_open', label: labelWithUnit('major_open', lang) },
    { key: 'hazards_major_found', label: labelWithUnit('hazards_major_found', lang) },
    { key: 'hazards_major_rectified', label: labelWithUnit('hazards_major_rectified', lang) },
  ];
  if (backlog.periods.length === 0 || backlog.values.every((v) => v === null))
    return emptySpec(id, title, lang, columns);
  const option: EChartsCoreOption = {
    ...baseOption(backlog.periods.length * 3),
    title: { text: title, left: 'center' },
    legend: { top: 28 },
    grid: { left: 56, right: 24, top: 64, bottom: 40 },
    xAxis: { type: 'category', data: backlog.periods.map((p) => formatPeriod(lang, p)) },
    yAxis: { type: 'value', minInterval: 1, name: t(lang, 'charts.unit.hazards') },
    series: [
      {
        type: 'line',
        name: metricLabel('major_open', lang),
        data: backlog.values,
        connectNulls: false,
        itemStyle: { color: PALETTE[1] },
        ...lineStyle(0),
      },
      {
        type: 'bar',
        name: metricLabel('hazards_major_found', lang),
        data: found.values,
        itemStyle: { color: PALETTE[0] },
      },
      {
        type: 'bar',
        name: metricLabel('hazards_major_rectified', lang),
        data: fixed.values,
        itemStyle: { color: PALETTE[3] },
      },
    ],
  };
  const rows = backlog.periods.map((p, j) => [
    formatPeriod(lang, p),
    backlog.values[j] ?? null,
    found.values[j] ?? null,
    fixed.values[j] ?? null,
  ]);
  const last = backlog.periods[backlog.periods.length - 1]!;
  const lastValue = aggregateMetric(
    cube,
    'major_open',
    filterTownships(cube, filters),
    filterPeriods(filters),
    filters.sector,
  ).value;
  const summary =
    lastValue === null
      ? t(lang, 'charts.sum.empty')
      : sentence(lang, [
          t(lang, 'charts.sum.backlog', { period: formatPeriod(lang, last), value: lastValue }),
        ]);
  return {
    id,
    title,
    option,
    table: { columns, rows },
    summary,
    empty: false,
    interactions: byItemIndex(backlog.periods.map((period) => ({ period }))),
  };
}
