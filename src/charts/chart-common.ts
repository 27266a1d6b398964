/**
 * Helpers shared by the option builders: safe labels, period labels, the base option, greyscale
 * series styles, empty specs and summary sentences. Pure: no DOM, no ECharts runtime import.
 */
import type { EChartsCoreOption } from 'echarts/core';
import type { Period } from '../domain/month';
import { formatPeriod } from '../i18n/format';
import type { MessageKey } from '../i18n/catalog';
import { translate, type Lang, type MessageParams } from '../i18n/i18n';
import { formatMetricValue, metricLabel, metricUnit, type MetricId } from '../analysis/metrics';
import type { ChartSpec, ChartTable } from './chart-spec';
import { DASHES, FONT_FAMILY, SYMBOLS } from './theme';

/** Above this many data points animation is switched off (slow office PCs, print). */
export const LARGE_POINTS = 2000;

/**
 * Most bars a chart may have and still carry decal patterns. Decals give bars of different series
 * a second cue besides colour in greyscale print (`theme.ts`), but a pattern reads only on a bar
 * several pixels wide: past about 72 bars in a dashboard chart a bar is 1–4 px and the pattern
 * shows as a faint tint, while each decal still costs a pattern canvas per series and a pattern
 * fill per bar on every redraw (issue 13, target 3). Beyond this the series keep the palette's
 * lightness steps, the legend and the chart's table.
 */
export const DECAL_MAX_BARS = 72;

/** `decal` when a chart of `bars` bars can show it (DECAL_MAX_BARS), else undefined. */
export function decalIfReadable<D extends object>(bars: number, decal: D | undefined): D | undefined {
  return bars <= DECAL_MAX_BARS ? decal : undefined;
}

/**
 * Strips `{`, `}` and `|`, which corrupt ECharts rich-text labels (apache/echarts #10102), and
 * trims. Used on every data-derived string that reaches the option.
 */
export const cleanLabel = (s: string): string => s.replace(/[{}|]/g, '').trim();

/** A range label, or the single month when from = to. Empty list → ''. */
export function rangeLabel(periods: readonly Period[], lang: Lang): string {
  const first = periods[0];
  const last = periods[periods.length - 1];
  if (first === undefined || last === undefined) return '';
  if (first === last) return formatPeriod(lang, first);
  return translate(lang, 'charts.range', { from: formatPeriod(lang, first), to: formatPeriod(lang, last) });
}

/** "label（unit）" for axis names and table headers. */
export const labelWithUnit = (metric: MetricId, lang: Lang): string =>
  translate(lang, 'charts.with_unit', { label: metricLabel(metric, lang), unit: metricUnit(metric, lang) });

/** A metric value with its unit for sentences, e.g. 412处 / 93.9%. null → null. */
export function valueWithUnit(metric: MetricId, value: number | null, lang: Lang): string | null {
  const v = formatMetricValue(metric, value, lang);
  if (v === null) return null;
  const unit = metricUnit(metric, lang);
  if (unit === '%') return v;
  return lang === 'en' ? `${v} ${unit}` : `${v}${unit}`;
}

/** Rates are fractions in analysis; charts plot them as percent numbers (0.939 → 93.9). */
export const toPlot = (metric: MetricId, v: number | null): number | null =>
  v === null ? null : metric === 'rectification_rate' ? Math.round(v * 1000) / 10 : v;

/** Greyscale-safe style of the i-th line series: marker and dash as well as colour. */
export function lineStyle(i: number): { symbol: string; lineStyle: { type: (typeof DASHES)[number] } } {
  return { symbol: SYMBOLS[i % SYMBOLS.length]!, lineStyle: { type: DASHES[i % DASHES.length]! } };
}

/**
 * The per-item tooltip: rich text, never HTML, so a township name or statement from a file is
 * drawn as text (docs/architecture.md, security). Every chart with item tooltips uses this.
 */
export function itemTooltip(formatter: (p: TooltipItem) => string): Record<string, unknown> {
  return { renderMode: 'richText', trigger: 'item', confine: true, formatter };
}

/**
 * The option parts every chart shares: white background, CJK fonts, rich-text tooltip. A chart
 * may grow in when first drawn, but a filter change redraws it at once (`animationDurationUpdate:
 * 0`): the update animation repainted every chart on every frame for 300 ms after each change,
 * several times the cost of the redraw itself at 120 months (issue 13, target 3).
 */
export function baseOption(points: number): Record<string, unknown> {
  return {
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: FONT_FAMILY },
    animation: points <= LARGE_POINTS,
    animationDurationUpdate: 0,
    tooltip: { renderMode: 'richText', trigger: 'axis', confine: true },
  };
}

/** Joins sentence parts (nulls dropped) into one sentence with zh or en punctuation. */
export function sentence(lang: Lang, parts: readonly (string | null | undefined)[]): string {
  const kept = parts.filter((p): p is string => typeof p === 'string' && p !== '');
  if (kept.length === 0) return '';
  return lang === 'en' ? `${kept.join(', ')}.` : `${kept.join('，')}。`;
}

/** A message in a language (shorthand for builders). */
export const t = (lang: Lang, key: MessageKey, params?: MessageParams): string =>
  translate(lang, key, params);

/** Percent text of a fraction for sentences: 0.183 → "18%". */
export const pctText = (pct: number): string => `${Math.round(Math.abs(pct) * 100)}%`;

/**
 * A spec with nothing to draw: a centred "暂无数据" graphic, no series, the table's columns with
 * no rows, and `empty: true` so the UI can show its empty state.
 */
export function emptySpec(id: string, title: string, lang: Lang, columns: ChartTable['columns']): ChartSpec {
  const option: EChartsCoreOption = {
    ...baseOption(0),
    title: { text: title, left: 'center' },
    graphic: [
      {
        type: 'text',
        left: 'center',
        top: 'middle',
        style: { text: t(lang, 'charts.empty'), fontSize: 16, fill: '#888888', fontFamily: FONT_FAMILY },
      },
    ],
    series: [],
  };
  return {
    id,
    title,
    option,
    table: { columns, rows: [] },
    summary: t(lang, 'charts.sum.empty'),
    empty: true,
  };
}

/** Params ECharts passes to a tooltip formatter for one item (the parts we read). */
export interface TooltipItem {
  readonly seriesName?: string;
  readonly name?: string;
  readonly value?: unknown;
  readonly data?: unknown;
  readonly dataIndex?: number;
  readonly seriesIndex?: number;
}
