/**
 * The one place that imports `echarts/core` and registers what the dashboard draws, so the bundle
 * carries only these charts and components. The UI passes the exported `echarts` to
 * `echarts-for-react/esm/core`. Registering touches no DOM.
 *
 * Registration comes in two parts (issue 13, cold start): what the landing view (总览) draws —
 * line charts on a grid, tooltip, legend, title, canvas — is registered here, with the app;
 * everything else (bars, heatmaps, scatter, visualMap, dataZoom, markLine, graphic,
 * `grid.containLabel`, the SVG renderer for exports) is in `echarts-extras.ts`, loaded
 * by the views and exports that use it. `chartModulesPending` tells a chart frame whether an
 * option needs the extras, so a chart can never be drawn with a part missing.
 */
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { DASHBOARD_THEME, THEME_NAME } from './theme';
// Side effect first: data-named text must not corrupt zrender's caches (see the module).
import './zrender-lru-guard';

echarts.use([LineChart, GridComponent, TooltipComponent, LegendComponent, TitleComponent, CanvasRenderer]);
echarts.registerTheme(THEME_NAME, DASHBOARD_THEME);

/** The configured ECharts core (charts, components, renderers and the theme registered). */
export { echarts };

/** Series types the base registration draws. */
const BASE_SERIES = new Set(['line']);
/** Top-level option parts only the extras register. */
const EXTRA_COMPONENTS = ['visualMap', 'dataZoom', 'markLine', 'markArea', 'markPoint', 'graphic'] as const;

const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);

/** True when drawing `option` needs something only `echarts-extras.ts` registers. */
export function needsChartExtras(option: object): boolean {
  const o = option as Record<string, unknown>;
  for (const key of EXTRA_COMPONENTS) if (asList(o[key]).length > 0) return true;
  for (const s of asList(o.series)) {
    const series = (s ?? {}) as Record<string, unknown>;
    if (typeof series.type !== 'string' || !BASE_SERIES.has(series.type)) return true;
    if (series.markLine || series.markArea || series.markPoint) return true;
  }
  for (const g of asList(o.grid)) if ((g as { containLabel?: unknown } | null)?.containLabel) return true;
  return false;
}

let extras: Promise<void> | null = null;
let extrasRegistered = false;

/** Loads and registers the extras once; the same promise for every caller. */
export function loadChartExtras(): Promise<void> {
  if (extras) return extras;
  extras = import('./echarts-extras').then(
    () => {
      extrasRegistered = true;
    },
    (reason: unknown) => {
      // A failed chunk load may succeed on the next attempt (e.g. a flaky intranet proxy).
      extras = null;
      throw reason;
    },
  );
  return extras;
}

/**
 * Null when `option` can be drawn now; otherwise the promise of the extras (for React's `use()`).
 * Views that draw such charts import `echarts-extras.ts` themselves, which registers them before
 * any of their charts asks.
 */
export function chartModulesPending(option: object): Promise<void> | null {
  if (extrasRegistered || !needsChartExtras(option)) return null;
  return loadChartExtras();
}
