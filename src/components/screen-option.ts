/**
 * Adapts a chart builder's option (made to stand alone when exported as PNG/SVG) for drawing
 * inside a ChartFrame on screen, where the frame's heading already shows the title.
 */
import type { ChartSpec } from '../charts/chart-spec';

/** Room below a heatmap grid for its month labels plus the draggable visualMap's value labels. */
const HEATMAP_BOTTOM = 100;
/** Grid top on screen: legend row + axis name, axis name only, or nothing above the plot. */
const TOP_WITH_LEGEND = 60;
const TOP_AXIS_NAME = 32;
const TOP_BARE = 16;
/** Room right of a scatter plot for the average line's label (全区平均). */
const SCATTER_RIGHT = 72;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * The on-screen option. Removes the title entry whose text is the chart's title (the frame's <h3>
 * shows it; in the canvas it also collides with top legends) but keeps other title entries (small
 * multiples label their panels with them). Once the title is gone, a single grid moves up: the
 * legend to the top edge and the plot under it (or under the y-axis name, or to the top); a
 * heatmap with a draggable visualMap gets room below so its handle labels clear the month labels;
 * a scatter gets room on the right for its average line's label.
 * Parts not changed are shared, not copied. An option without that title is returned as is.
 */
export function screenOption(option: ChartSpec['option'], title: string): ChartSpec['option'] {
  const o = option as Obj;
  const isMain = (t: unknown) => isObj(t) && t.text === title;
  let rest: Obj;
  if (Array.isArray(o.title)) {
    if (!o.title.some(isMain)) return option;
    rest = { ...o, title: o.title.filter((t) => !isMain(t)) };
  } else if (isMain(o.title)) {
    const { title: _dropped, ...others } = o;
    rest = others;
  } else return option;

  const grid = rest.grid;
  if (!isObj(grid)) return rest;
  const next: Obj = { ...grid };
  const legend = rest.legend;
  const hasLegend = isObj(legend) && legend.show !== false && typeof legend.top === 'number';
  const yAxisNamed = isObj(rest.yAxis) && typeof rest.yAxis.name === 'string' && rest.yAxis.name !== '';
  if (typeof grid.top === 'number') {
    const top = hasLegend ? TOP_WITH_LEGEND : yAxisNamed ? TOP_AXIS_NAME : TOP_BARE;
    next.top = Math.min(grid.top, top);
  }
  if (hasLegend) rest.legend = { ...legend, top: 0 };

  const series = Array.isArray(rest.series) ? (rest.series as { type?: unknown }[]) : [];
  const calculable =
    Array.isArray(rest.visualMap) &&
    (rest.visualMap as { calculable?: unknown }[]).some((v) => v.calculable === true);
  if (calculable && series.some((s) => s.type === 'heatmap') && typeof grid.bottom === 'number')
    next.bottom = Math.max(grid.bottom, HEATMAP_BOTTOM);
  if (series.some((s) => s.type === 'scatter') && typeof grid.right === 'number')
    next.right = Math.max(grid.right, SCATTER_RIGHT);
  rest.grid = next;
  return rest;
}
