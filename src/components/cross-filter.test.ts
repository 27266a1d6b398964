import { describe, expect, it } from 'vitest';
import { byItemIndex, bySeriesIndex } from '../charts/chart-spec';
import { selectionOfClick, withAxisLabelClicks } from './cross-filter';

describe('withAxisLabelClicks', () => {
  it('turns on triggerEvent on the axis and keeps the rest', () => {
    const o = withAxisLabelClicks({ yAxis: { type: 'category', data: ['a'] }, xAxis: {} }, 'yAxis');
    expect(o).toEqual({ yAxis: { type: 'category', data: ['a'], triggerEvent: true }, xAxis: {} });
  });

  it.each([
    ['no such axis', { xAxis: {} }],
    ['an axis array', { yAxis: [{}, {}] }],
  ])('leaves %s unchanged', (_name, input) => {
    expect(withAxisLabelClicks(input, 'yAxis')).toBe(input);
  });
});

describe('selectionOfClick', () => {
  // Two townships whose cleaned labels are the same ('奇怪街道'): only the index tells them apart.
  const map = bySeriesIndex(
    [
      [
        { township: '{奇怪}街道', period: '2024-01' },
        { township: '奇怪街道', period: '2024-01' },
      ],
      [{ township: '奇怪街道', period: '2024-02' }],
    ],
    { yAxis: [{ township: '{奇怪}街道' }, { township: '奇怪街道' }] },
  );
  it.each([
    [
      'an item',
      { componentType: 'series', seriesIndex: 0, dataIndex: 1, name: '奇怪街道' },
      { township: '奇怪街道', period: '2024-01' },
    ],
    [
      'an item of the second series',
      { componentType: 'series', seriesIndex: 1, dataIndex: 0 },
      { township: '奇怪街道', period: '2024-02' },
    ],
    [
      'a y-axis label by category index',
      { componentType: 'yAxis', targetType: 'axisLabel', value: '奇怪街道', dataIndex: 0 },
      { township: '{奇怪}街道' },
    ],
    [
      'an unmapped x-axis label',
      { componentType: 'xAxis', targetType: 'axisLabel', value: '2024-01', dataIndex: 0 },
      null,
    ],
    ['an index past the end', { componentType: 'series', seriesIndex: 0, dataIndex: 5 }, null],
    ['a markLine', { componentType: 'markLine', seriesIndex: 0, dataIndex: 0 }, null],
    ['no data index', { componentType: 'series', seriesIndex: 0, name: '奇怪街道' }, null],
    ['not an object', 'click', null],
  ])('%s', (_name, params, expected) => {
    expect(selectionOfClick(map, params)).toEqual(expected);
  });

  it('byItemIndex ignores the series index', () => {
    const items = byItemIndex([{ period: '2024-01' }, { period: '2024-02' }]);
    expect(items.byDataIndex(2, 1)).toEqual({ period: '2024-02' });
    expect(items.byDataIndex(0, 2)).toBeNull();
  });
});
