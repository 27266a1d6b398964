/**
 * The one place that imports `echarts/core` and registers what the dashboard draws, so the bundle
 * carries only these charts and components. The UI passes the exported `echarts` to
 * `echarts-for-react/esm/core`. Registering touches no DOM.
 */
import { BarChart, HeatmapChart, LineChart, ScatterChart } from 'echarts/charts';
import {
  DataZoomComponent,
  GraphicComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
// ECharts 6 moved grid.containLabel into an opt-in feature; the problems charts rely on it to keep
// long category names inside the canvas.
import { LegacyGridContainLabel } from 'echarts/features';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';
import { DASHBOARD_THEME, THEME_NAME } from './theme';
// Side effect first: data-named text must not corrupt zrender's caches (see the module).
import './zrender-lru-guard';

echarts.use([
  LineChart,
  BarChart,
  HeatmapChart,
  ScatterChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  VisualMapComponent,
  DataZoomComponent,
  TitleComponent,
  GraphicComponent,
  MarkLineComponent,
  LegacyGridContainLabel,
  CanvasRenderer,
  SVGRenderer,
]);
echarts.registerTheme(THEME_NAME, DASHBOARD_THEME);

/** The configured ECharts core (charts, components, renderers and the theme registered). */
export { echarts };
