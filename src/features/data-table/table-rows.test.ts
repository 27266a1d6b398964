import { describe, expect, it } from 'vitest';
import type { Township } from '../../domain/records';
import { filterRecords, periodsOf, sortDefault, sourceLabel, TABLE_FIELDS } from './table-rows';
import { makeRecord } from './test-records';

const tw = (name: string): Township => ({ name, type: 'xiang', code: null, aliases: [] });
const OFFICIAL = [tw('小召乡'), tw('城关镇'), tw('东湖街道')];

const records = [
  makeRecord('城关镇', '2022-04'),
  makeRecord('小召乡', '2022-05'),
  makeRecord('小召乡', '2022-04', { period_scope: 'ytd' }),
  makeRecord('小召乡', '2022-04'),
  makeRecord('阿里乡', '2022-04'),
  makeRecord('东湖街道', '2022-03'),
];

describe('filterRecords', () => {
  it.each([
    ['no filters', { townships: [], from: null, to: null }, 6],
    ['one township', { townships: ['小召乡'], from: null, to: null }, 3],
    ['two townships', { townships: ['小召乡', '城关镇'], from: null, to: null }, 4],
    ['from only', { townships: [], from: '2022-04', to: null }, 5],
    ['to only', { townships: [], from: null, to: '2022-03' }, 1],
    ['single month', { townships: [], from: '2022-04', to: '2022-04' }, 4],
    ['township and range', { townships: ['小召乡'], from: '2022-05', to: '2022-12' }, 1],
    ['unknown township', { townships: ['不存在乡'], from: null, to: null }, 0],
  ] as const)('%s', (_n, filters, count) => {
    const out = filterRecords(records, filters);
    expect(out).toHaveLength(count);
    for (const r of out) {
      if (filters.townships.length) expect(filters.townships).toContain(r.township);
      if (filters.from) expect(r.period >= filters.from).toBe(true);
      if (filters.to) expect(r.period <= filters.to).toBe(true);
    }
  });
});

describe('sortDefault', () => {
  it('orders by official township order, then period, month before ytd; unknown names last by collation', () => {
    const out = sortDefault(records, OFFICIAL).map((r) => `${r.township} ${r.period} ${r.period_scope}`);
    expect(out).toEqual([
      '小召乡 2022-04 month',
      '小召乡 2022-04 ytd',
      '小召乡 2022-05 month',
      '城关镇 2022-04 month',
      '东湖街道 2022-03 month',
      '阿里乡 2022-04 month',
    ]);
  });

  it('uses Chinese collation when there is no official list', () => {
    const out = sortDefault([makeRecord('小召乡', '2022-04'), makeRecord('城关镇', '2022-04')], []);
    expect(out.map((r) => r.township)).toEqual(['城关镇', '小召乡']);
  });

  it('does not mutate its input', () => {
    const copy = [...records];
    sortDefault(records, OFFICIAL);
    expect(records).toEqual(copy);
  });
});

describe('helpers', () => {
  it('lists distinct periods ascending', () => {
    expect(periodsOf(records)).toEqual(['2022-03', '2022-04', '2022-05']);
    expect(periodsOf([])).toEqual([]);
  });

  it('labels the source with and without a line', () => {
    expect(sourceLabel(makeRecord('小召乡', '2022-04'))).toBe('小召乡-2022-04.csv:3');
    expect(
      sourceLabel(makeRecord('小召乡', '2022-04', { source: { file: 'dataset.json', line: null } })),
    ).toBe('dataset.json');
  });

  it('has a column for every stored field and none for the cross-check-only rate', () => {
    const names = TABLE_FIELDS.map((f) => f.name);
    expect(names).toContain('hazards_found');
    expect(names).toContain('remarks');
    expect(names).not.toContain('rectification_rate');
  });
});
