/**
 * The ECharts parts the landing view does not draw (see echarts-setup.ts): bars, heatmaps, scatter, graphic,
 * visualMap, dataZoom, markLine, `grid.containLabel` and the SVG renderer used by exports. Imported
 * for its side effect by the views and exports that need them, and loaded on demand by
 * `loadChartExtras()` for any other chart whose option asks for them.
 */
import { BarChart, HeatmapChart, ScatterChart } from 'echarts/charts';
import {
  DataZoomComponent,
  GraphicComponent,
  MarkLineComponent,
  VisualMapComponent,
} from 'echarts/components';
// ECharts 6 moved grid.containLabel into an opt-in feature; the problems charts rely on it to keep
// long category names inside the canvas.
import { LegacyGridContainLabel } from 'echarts/features';
import { SVGRenderer } from 'echarts/renderers';
// echarts/core directly, not echarts-setup (which loads this module on demand: no import cycle).
import * as echarts from 'echarts/core';

echarts.use([
  BarChart,
  GraphicComponent,
  HeatmapChart,
  ScatterChart,
  VisualMapComponent,
  DataZoomComponent,
  MarkLineComponent,
  LegacyGridContainLabel,
  SVGRenderer,
]);

/** Marker for importers that want the registration as a value (tests). */
export const CHART_EXTRAS_REGISTERED = true;
