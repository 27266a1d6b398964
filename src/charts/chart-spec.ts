/**
 * What every chart builder returns: the ECharts option plus the same data as an accessible
 * table and a one-sentence summary. The UI renders all three; the exporter writes the table
 * to CSV/XLSX and the option to PNG/SVG.
 */
import type { EChartsCoreOption } from 'echarts/core';
import type { CategoryCode } from '../analysis/problems/types';
import type { Period } from '../domain/month';

export type TableCell = string | number | null;

export interface ChartTable {
  readonly columns: readonly { readonly key: string; readonly label: string }[];
  readonly rows: readonly (readonly TableCell[])[];
}

export interface ChartSpec {
  /** Stable id, e.g. 'hazards-trend'; used for file names and URL state. */
  readonly id: string;
  /** Human title in the current language. */
  readonly title: string;
  readonly option: EChartsCoreOption;
  readonly table: ChartTable;
  /** One sentence describing what the chart shows, computed from the data. */
  readonly summary: string;
  /** True when there is nothing to draw; the UI shows an empty state instead of a broken chart. */
  readonly empty: boolean;
  /**
   * What the chart's items and category-axis labels stand for, built with the option from the same
   * lists, so a click is resolved by index and never by parsing labels or the table (labels are
   * cleaned for ECharts and may differ from the data). Absent: nothing on the chart is clickable.
   */
  readonly interactions?: ChartInteractions;
  /**
   * Set when the chart draws part of its data (top N of a ranking, one page of a matrix), e.g.
   * "图中为前 20 名，共 300 个乡镇": the summary ends with it and the exported image adds it to
   * its subtitle, so a picture never passes for the whole list (the table keeps every row).
   */
  readonly scope?: string;
}

/** The data a chart element stands for; only the fields set apply (a bar: its township). */
export interface ChartSelection {
  readonly township?: string;
  readonly period?: Period;
  readonly category?: CategoryCode;
}

/** A chart's interaction map (the role of the label/selection maps Superset's transformProps returns). */
export interface ChartInteractions {
  /** The item `dataIndex` of series `seriesIndex` (ECharts click params), or null for none. */
  readonly byDataIndex: (seriesIndex: number, dataIndex: number) => ChartSelection | null;
  /** Category index on the x axis → selection; set when the axis labels are clickable. */
  readonly xAxis?: readonly ChartSelection[];
  /** Category index on the y axis → selection; set when the axis labels are clickable. */
  readonly yAxis?: readonly ChartSelection[];
}

/** An interaction map whose every series selects the i-th entry of `items` at data index i. */
export function byItemIndex(
  items: readonly ChartSelection[],
  axes: Pick<ChartInteractions, 'xAxis' | 'yAxis'> = {},
): ChartInteractions {
  return { byDataIndex: (_series, i) => items[i] ?? null, ...axes };
}

/** An interaction map with one selection list per series, indexed by data index. */
export function bySeriesIndex(
  series: readonly (readonly ChartSelection[])[],
  axes: Pick<ChartInteractions, 'xAxis' | 'yAxis'> = {},
): ChartInteractions {
  return { byDataIndex: (s, i) => series[s]?.[i] ?? null, ...axes };
}
