/**
 * What every chart builder returns: the ECharts option plus the same data as an accessible
 * table and a one-sentence summary. The UI renders all three; the exporter writes the table
 * to CSV/XLSX and the option to PNG/SVG.
 */
import type { EChartsCoreOption } from 'echarts/core';

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
  /** Cross-filter hook: which dimension a click on a data item selects, if any. */
  readonly clickDimension?: 'township' | 'period' | 'cell';
}
