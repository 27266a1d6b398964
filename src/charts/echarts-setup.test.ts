/**
 * The landing view's charts are drawn with the base registration only; anything else must be
 * recognised as needing the extras (echarts-setup.ts), or ECharts would silently leave it out.
 */
import { describe, expect, it } from 'vitest';
import { buildCube } from '../analysis/cube';
import { dataset, sampleDistrict } from '../analysis/test-fixtures';
import { buildRankingSpec, buildScatterSpec } from './compare-charts';
import { needsChartExtras } from './echarts-setup';
import { buildFoundRectifiedSpec } from './hazard-charts';
import { buildHeatmapSpec } from './heatmap';
import { buildSubmissionMatrixSpec } from './submission-chart';
import { buildTrendSpec } from './trend';

const cube = buildCube(sampleDistrict());
const filters = { from: '2024-01', to: '2024-04', townships: null, sector: null };
const lang = 'zh-CN' as const;

describe('needsChartExtras', () => {
  it('draws the overview trend (line charts, legend, tooltip) with the base registration', () => {
    const s = buildTrendSpec(cube, { metrics: ['hazards_found', 'rectification_rate'], filters, lang });
    expect(s.empty).toBe(false);
    expect(needsChartExtras(s.option)).toBe(false);
  });

  it.each([
    ['bars', buildFoundRectifiedSpec(cube, { filters, lang })],
    ['a heatmap with its visualMap', buildHeatmapSpec(cube, { metric: 'hazards_found', filters, lang })],
    ['ranking bars with a markLine', buildRankingSpec(cube, { metric: 'hazards_found', filters, lang })],
    ['a scatter', buildScatterSpec(cube, { x: 'hazards_per_100_units', y: 'rectification_rate', filters, lang })],
    ['a piecewise visualMap', buildSubmissionMatrixSpec(cube, { filters, lang })],
    [
      'the "no data" graphic',
      buildTrendSpec(buildCube(dataset({})), { metrics: ['hazards_found'], filters, lang }),
    ],
  ])('asks for the extras for %s', (_what, spec) => {
    expect(needsChartExtras(spec.option)).toBe(true);
  });

  it('asks for the extras for grid.containLabel, markLine on a line, and unknown series types', () => {
    expect(needsChartExtras({ grid: { containLabel: true }, series: [{ type: 'line' }] })).toBe(true);
    expect(needsChartExtras({ grid: [{}, { containLabel: true }] })).toBe(true);
    expect(needsChartExtras({ series: [{ type: 'line', markLine: { data: [] } }] })).toBe(true);
    expect(needsChartExtras({ series: [{ type: 'pie' }] })).toBe(true);
    expect(needsChartExtras({ series: [{ type: 'line' }], dataZoom: [{ type: 'slider' }] })).toBe(true);
    expect(needsChartExtras({ series: { type: 'line' }, tooltip: {}, legend: {} })).toBe(false);
  });
});
