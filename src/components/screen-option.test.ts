import { describe, expect, it } from 'vitest';
import { screenOption } from './screen-option';

const TITLE = '全区趋势';

describe('screenOption', () => {
  it('drops the in-canvas title, moves the legend to the top edge and the plot under it', () => {
    const series: unknown[] = [];
    const out = screenOption(
      { title: { text: TITLE }, legend: { top: 28 }, grid: { left: 56, top: 64, bottom: 40 }, series },
      TITLE,
    ) as Record<string, unknown>;
    expect(out).toEqual({ legend: { top: 0 }, grid: { left: 56, top: 60, bottom: 40 }, series });
    expect(out.series).toBe(series);
  });

  it.each([
    ['no legend, named y axis (scatter)', { yAxis: { name: '整改率（%）' } }, 32],
    ['no legend, unnamed y axis (ranking)', { yAxis: { type: 'category' } }, 16],
  ])('raises the plot with %s', (_name, extra, top) => {
    const out = screenOption({ title: { text: TITLE }, grid: { top: 48 }, ...extra }, TITLE) as {
      grid: { top: number };
    };
    expect(out.grid.top).toBe(top);
  });

  it('gives a heatmap with a draggable visualMap room below', () => {
    const out = screenOption(
      {
        title: { text: TITLE },
        grid: { left: 96, top: 48, bottom: 72 },
        visualMap: [{ calculable: true }, { show: false }],
        series: [{ type: 'heatmap' }],
      },
      TITLE,
    ) as { grid: unknown };
    expect(out.grid).toEqual({ left: 96, top: 16, bottom: 100 });
  });

  it('gives a scatter room on the right for the average label', () => {
    const out = screenOption(
      {
        title: { text: TITLE },
        grid: { left: 64, right: 48, top: 48 },
        yAxis: { name: 'y' },
        series: [{ type: 'scatter' }],
      },
      TITLE,
    ) as { grid: unknown };
    expect(out.grid).toEqual({ left: 64, right: 72, top: 32 });
  });

  it('keeps a piecewise legend matrix bottom as built', () => {
    const out = screenOption(
      {
        title: { text: TITLE },
        grid: { top: 48, bottom: 64 },
        visualMap: { type: 'piecewise' },
        series: [{ type: 'heatmap' }],
      },
      TITLE,
    ) as { grid: { bottom: number } };
    expect(out.grid.bottom).toBe(64);
  });

  it('keeps the other title entries (small multiples panel labels) and their grids', () => {
    const grids = [{ top: '12%' }, { top: '30%' }];
    const out = screenOption(
      { title: [{ text: TITLE }, { text: '小召乡' }, { text: '城关镇' }], grid: grids },
      TITLE,
    ) as Record<string, unknown>;
    expect(out.title).toEqual([{ text: '小召乡' }, { text: '城关镇' }]);
    expect(out.grid).toBe(grids);
  });

  it('returns an option without the chart title unchanged', () => {
    const option = { title: { text: '别的标题' }, series: [] };
    expect(screenOption(option, TITLE)).toBe(option);
    const bare = { series: [] };
    expect(screenOption(bare, TITLE)).toBe(bare);
  });
});
