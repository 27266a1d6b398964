/**
 * Turns ECharts clicks back into data for cross-filtering. The chart builder returns, with its
 * option, an interaction map built from the same lists as the option (`ChartSpec.interactions`),
 * so a click is resolved by its series/data/category index — never by matching a label, which
 * builders clean for ECharts (cleanLabel, plainLabel) and which may therefore differ from the data.
 */
import type { ChartInteractions, ChartSelection, ChartSpec } from '../charts/chart-spec';
import type { Period } from '../domain/month';

/**
 * The option with `triggerEvent: true` on an axis, so a click on its labels (a township name on a
 * heatmap's y axis) reaches the chart's click handler. Options without that axis, or with an axis
 * array, are returned unchanged.
 */
export function withAxisLabelClicks(
  option: ChartSpec['option'],
  axis: 'xAxis' | 'yAxis',
): ChartSpec['option'] {
  const o = option as Record<string, unknown>;
  const current = o[axis];
  if (current === null || typeof current !== 'object' || Array.isArray(current)) return option;
  return { ...o, [axis]: { ...current, triggerEvent: true } };
}

const index = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) ? v : null);

/**
 * The selection of an ECharts click event `params`: an item (its `seriesIndex` and `dataIndex`) or
 * a category-axis label (`targetType: 'axisLabel'`, `componentType` the axis, `dataIndex` the
 * category index). null when the map has nothing for it (e.g. a markLine, an unmapped axis).
 */
export function selectionOfClick(interactions: ChartInteractions, params: unknown): ChartSelection | null {
  if (params === null || typeof params !== 'object') return null;
  const p = params as Record<string, unknown>;
  const dataIndex = index(p.dataIndex);
  if (dataIndex === null) return null;
  if (p.targetType === 'axisLabel') {
    const axis =
      p.componentType === 'xAxis'
        ? interactions.xAxis
        : p.componentType === 'yAxis'
          ? interactions.yAxis
          : undefined;
    return axis?.[dataIndex] ?? null;
  }
  if (p.componentType !== undefined && p.componentType !== 'series') return null;
  const seriesIndex = index(p.seriesIndex);
  return seriesIndex === null ? null : interactions.byDataIndex(seriesIndex, dataIndex);
}

/**
 * The dashboard views' click rule: a selection with a township and a month selects that
 * township-month (when the view has a cell selection), one with a township selects the township;
 * anything else does nothing.
 */
export function townshipOrCell(
  onTownship: (township: string) => void,
  onCell?: (township: string, period: Period) => void,
): (selection: ChartSelection) => void {
  return (s) => {
    if (s.township === undefined) return;
    if (onCell && s.period !== undefined) onCell(s.township, s.period);
    else onTownship(s.township);
  };
}
