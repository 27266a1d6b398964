import { describe, expect, it } from 'vitest';
import type { ChartSpec } from '../charts/chart-spec';
import { cellFromMatrixValue, townshipFromLabel, withAxisLabelClicks } from './cross-filter';

const spec = (option: Record<string, unknown>, empty = false): ChartSpec => ({
  id: 'x',
  title: 't',
  option,
  table: { columns: [], rows: [] },
  summary: '',
  empty,
});

describe('withAxisLabelClicks', () => {
  it('turns on triggerEvent on the axis and keeps the rest', () => {
    const s = withAxisLabelClicks(spec({ yAxis: { type: 'category', data: ['a'] }, xAxis: {} }), 'yAxis');
    expect(s.option).toEqual({ yAxis: { type: 'category', data: ['a'], triggerEvent: true }, xAxis: {} });
  });

  it.each([
    ['no such axis', spec({ xAxis: {} })],
    ['an axis array', spec({ yAxis: [{}, {}] })],
    ['an empty spec', spec({ yAxis: {} }, true)],
  ])('leaves %s unchanged', (_name, input) => {
    expect(withAxisLabelClicks(input, 'yAxis')).toBe(input);
  });
});

describe('townshipFromLabel', () => {
  const townships = ['小召乡', '城关镇', '{奇怪}街道'];
  it.each([
    ['小召乡', '小召乡'],
    ['奇怪街道', '{奇怪}街道'],
    ['不存在乡', null],
  ])('%s → %s', (label, expected) => {
    expect(townshipFromLabel(label, townships)).toBe(expected);
  });
});

describe('cellFromMatrixValue', () => {
  const townships = ['小召乡', '城关镇'];
  const periods = ['2024-01', '2024-02', '2024-03'];
  it.each([
    [[2, 1, 17], { township: '城关镇', period: '2024-03' }],
    [[0, 0, 0], { township: '小召乡', period: '2024-01' }],
    [[3, 0, 1], null],
    [[0, 2, 1], null],
    ['2024-01', null],
    [['0', '1'], null],
  ])('%j → %j', (value, expected) => {
    expect(cellFromMatrixValue(value, townships, periods)).toEqual(expected);
  });
});
