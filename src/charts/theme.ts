/**
 * The dashboard's chart theme: a sober official palette on white that still reads in greyscale
 * print, because each series also differs by marker and line dash: colour is never the only cue.
 * Bar series add decal patterns where the bars are wide enough to show them
 * (chart-common.ts `DECAL_MAX_BARS`); narrower bars keep the palette's lightness steps.
 */

/** Name under which echarts-setup registers the theme (`<ReactECharts theme={THEME_NAME}>`). */
export const THEME_NAME = 'township-safety';

/** CJK-first font stack; no web fonts (the app runs offline on intranets). */
export const FONT_FAMILY = '"Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif';

/**
 * Series colours: navy, brick red, olive, slate, ochre, teal, plum, grey. Adjacent colours differ in
 * lightness too, so neighbours stay apart when printed in black and white.
 */
export const PALETTE: readonly string[] = [
  '#1f3a68',
  '#b23a2e',
  '#6b7d2a',
  '#8a96a8',
  '#c98b1e',
  '#2f7f7a',
  '#6d4a7e',
  '#4d4d4d',
];

/** Markers per series index, so lines are distinguishable without colour. */
export const SYMBOLS: readonly string[] = [
  'circle',
  'rect',
  'triangle',
  'diamond',
  'emptyCircle',
  'emptyRect',
  'pin',
  'arrow',
];

/** Line dashes per series index. */
export const DASHES: readonly ('solid' | 'dashed' | 'dotted' | number[])[] = [
  'solid',
  'dashed',
  'dotted',
  [8, 3, 2, 3],
  [2, 2],
  [10, 4],
  'solid',
  'dashed',
];

/** Sequential ramp for heatmaps: light to dark blue (prints as light to dark grey). */
export const SEQUENTIAL: readonly string[] = ['#f1f4f9', '#c6d3e6', '#8ea9cf', '#4f73a8', '#1f3a68'];

/** Submission status colours: distinct hue and lightness. */
export const STATUS_COLORS = {
  on_time: '#4f7a3a',
  undated: '#a8b89a',
  late: '#d9a23c',
  suspicious: '#7d4a8e',
  missing: '#b23a2e',
} as const;

/** Background of a cell or slot that was not reported. */
export const MISSING_FILL = '#f2f2f2';

/** The ECharts theme object (registered once in echarts-setup). */
export const DASHBOARD_THEME = {
  color: [...PALETTE],
  backgroundColor: '#ffffff',
  textStyle: { fontFamily: FONT_FAMILY, color: '#222222' },
  title: { textStyle: { fontSize: 15, fontWeight: 'bold', color: '#111111' } },
  legend: { textStyle: { color: '#333333' } },
  categoryAxis: { axisLine: { lineStyle: { color: '#666666' } }, splitLine: { show: false } },
  valueAxis: { splitLine: { lineStyle: { color: '#e5e5e5' } } },
  line: { symbolSize: 6, lineStyle: { width: 2 } },
} as const;
