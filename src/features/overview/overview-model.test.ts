import { describe, expect, it } from 'vitest';
import { buildCube } from '../../analysis/cube';
import { overviewKpis } from '../../analysis/compare';
import type { Filters } from '../../analysis/metrics';
import { periodRange } from '../../domain/month';
import { EMPTY_DATASET, type TownshipMonthRecord } from '../../domain/records';
import { townshipMonthRecord, type NumericValues } from '../../testing/factories';
import { collapseAttention, kpiCardModel, trendFilters } from './overview-model';

const rec = (township: string, period: string, values: NumericValues): TownshipMonthRecord =>
  townshipMonthRecord(township, period, values, { report_date: `${period}-20` });

describe('kpiCardModel', () => {
  const cube = buildCube({
    ...EMPTY_DATASET,
    townshipMonths: [
      rec('小召乡', '2024-03', { hazards_found: 20, hazards_rectified: 15, accidents: 0 }),
      rec('小召乡', '2024-04', { hazards_found: 30, hazards_rectified: 27, accidents: 1 }),
      rec('城关镇', '2024-04', { hazards_found: 10, hazards_rectified: 10, accidents: null }),
    ],
  });
  const kpis = new Map(
    overviewKpis(cube, '2024-04', { townships: null, sector: null }).map((k) => [
      k.id,
      kpiCardModel(k, 'zh-CN'),
    ]),
  );

  it('shows the full month value and a like-for-like change (only townships in both months)', () => {
    const found = kpis.get('hazards_found')!;
    expect(found.value).toBe(40);
    // 小召乡 only: 20 → 30.
    expect(found.mom.ratio).toBeCloseTo(0.5);
    expect(found.label).toBe('排查隐患');
  });

  it('shows the rate as a percentage', () => {
    const rate = kpis.get('rectification_rate')!;
    expect(rate.value).toBe(92.5); // 37 / 40
    expect(rate.unit).toBe('%');
    // Like for like (小召乡 only): 15/20 = 75% → 27/30 = 90%, up 15.0 percentage points.
    expect(rate.mom.points).toBe(15);
    // No April 2023: not comparable, and no relative fallback either.
    expect(rate.yoy.points).toBeNull();
  });

  it.each([
    ['the previous value is 0 (accidents 0 → 1)', 'accidents' as const, 'mom' as const],
    ['the month a year earlier is missing', 'hazards_found' as const, 'yoy' as const],
  ])('is not comparable when %s', (_name, id, which) => {
    expect(kpis.get(id)![which].ratio).toBeNull();
  });

  it('counts reports received against expected', () => {
    const reports = kpis.get('reports')!;
    expect(reports.value).toBe(2);
    expect(reports.unit).toBe('/ 2 个');
    // 1 → 2 reports.
    expect(reports.mom.ratio).toBeCloseTo(1);
  });

  it('marks accidents and the major backlog as lower-is-better', () => {
    expect(kpis.get('accidents')!.higherIsBetter).toBe(false);
    expect(kpis.get('major_open')!.higherIsBetter).toBe(false);
    expect(kpis.get('hazards_rectified')!.higherIsBetter).toBe(true);
  });
});

describe('trendFilters', () => {
  const months = periodRange('2021-01', '2024-12');
  const cube = buildCube({
    ...EMPTY_DATASET,
    townshipMonths: months.map((p) => rec('小召乡', p, { hazards_found: 1 })),
  });
  const f = (from: string, to: string): Filters => ({ from, to, townships: null, sector: null });

  it.each([
    ['widens a single month to 12', f('2024-06', '2024-06'), '2023-07'],
    ['keeps 24 months', f('2022-07', '2024-06'), '2022-07'],
    ['narrows 48 months to 36', f('2021-01', '2024-12'), '2022-01'],
    ['never starts before the data', f('2021-03', '2021-05'), '2021-01'],
  ])('%s', (_name, filters, from) => {
    const out = trendFilters(cube, filters);
    expect(out.from).toBe(from);
    expect(out.to).toBe(filters.to);
  });

  it('returns the filters unchanged for an empty cube', () => {
    const empty = f('', '');
    expect(trendFilters(buildCube(EMPTY_DATASET), empty)).toBe(empty);
  });
});

describe('collapseAttention', () => {
  it('keeps the first N of each kind in list order and counts the rest', () => {
    const items = ['a', 'a', 'a', 'b', 'a', 'c', 'b'].map((kind, i) => ({ kind, i }));
    const { shown, hidden } = collapseAttention(items, 2);
    expect(shown.map((x) => x.i)).toEqual([0, 1, 3, 5, 6]);
    expect(hidden).toBe(2);
    expect(collapseAttention(items, 10)).toEqual({ shown: items, hidden: 0 });
  });
});
