import { describe, expect, it } from 'vitest';
import type { Township } from '../../domain/records';
import { createTablePager, deriveTableRows, nextSort, sortingOf } from './table-controller';
import { makeRecord } from './test-records';

const townships: Township[] = [
  { name: '城关镇', type: 'zhen', code: null, aliases: [] },
  { name: '小召乡', type: 'xiang', code: null, aliases: [] },
];
const records = [
  makeRecord('小召乡', '2024-02'),
  makeRecord('外来村', '2024-01'),
  makeRecord('城关镇', '2024-02'),
  makeRecord('城关镇', '2024-01', { period_scope: 'ytd' }),
  makeRecord('城关镇', '2024-01'),
];
const none = { townships: [], from: null, to: null };

describe('deriveTableRows', () => {
  it('orders officially (unknown townships last), months ascending, monthly before year-to-date', () => {
    const v = deriveTableRows({ records, townships, filters: none });
    expect(v.rows.map((r) => `${r.township} ${r.period} ${r.period_scope}`)).toEqual([
      '城关镇 2024-01 month',
      '城关镇 2024-01 ytd',
      '城关镇 2024-02 month',
      '小召乡 2024-02 month',
      '外来村 2024-01 month',
    ]);
    expect(v.townshipNames).toEqual(['城关镇', '小召乡', '外来村']);
    expect(v.periods).toEqual(['2024-01', '2024-02']);
    expect([v.selectedTownship, v.hasFilters]).toEqual(['', false]);
  });

  it('applies the filters and the extra row filter; one township is the select value', () => {
    const v = deriveTableRows({
      records,
      townships,
      filters: { townships: ['城关镇'], from: '2024-01', to: '2024-01' },
      rowFilter: (r) => r.period_scope === 'month',
    });
    expect(v.rows.map((r) => `${r.township} ${r.period_scope}`)).toEqual(['城关镇 month']);
    expect([v.selectedTownship, v.hasFilters]).toEqual(['城关镇', true]);
    // The choices still list every month and township.
    expect(v.periods).toHaveLength(2);
  });
});

describe('sorting', () => {
  it('reads the URL sort, ignoring an id that names no column', () => {
    expect(sortingOf({ id: 'hazards_found', desc: true }, ['township', 'hazards_found'])).toEqual([
      { id: 'hazards_found', desc: true },
    ]);
    expect(sortingOf({ id: 'constructor', desc: false }, ['township'])).toEqual([]);
    expect(sortingOf(null, ['township'])).toEqual([]);
  });

  it('turns a sorting change back into the URL sort (first column only, none when cleared)', () => {
    const current = [{ id: 'township', desc: false }];
    expect(nextSort((s) => s.map((x) => ({ ...x, desc: !x.desc })), current)).toEqual({
      id: 'township',
      desc: true,
    });
    expect(nextSort([], current)).toBeNull();
  });
});

describe('createTablePager', () => {
  it('starts on the first page, applies updaters and notifies only on change', () => {
    const pager = createTablePager(3);
    let n = 0;
    pager.subscribe(() => n++);
    expect(pager.getSnapshot()).toEqual({ pageIndex: 0, pageSize: 3 });
    pager.onPaginationChange((p) => ({ ...p, pageIndex: p.pageIndex + 1 }));
    pager.onPaginationChange({ pageIndex: 1, pageSize: 3 });
    expect(pager.getSnapshot()).toEqual({ pageIndex: 1, pageSize: 3 });
    expect(n).toBe(1);
  });
});
