import { describe, expect, it } from 'vitest';
import { buildCube } from './cube';
import { compareDistrict, compareValues, overviewKpis } from './compare';
import { districtSeries, townshipSeries } from './series';
import { sampleDistrict } from './test-fixtures';

const cube = buildCube(sampleDistrict());
const filters = { from: '2024-01', to: '2024-04', townships: null, sector: null };

describe('compareValues', () => {
  it.each([
    [120, 100, { delta: 20, pct: 0.2 }],
    [80, 100, { delta: -20, pct: -0.2 }],
    [5, 0, { delta: 5, pct: null }], // from nothing: no percentage
    [0, 0, { delta: 0, pct: null }],
    [null, 100, null], // a missing month is never 0
    [100, null, null],
  ] as const)('%s vs %s', (cur, prev, out) => {
    expect(compareValues(cur, prev)).toEqual(out);
  });
});

describe('districtSeries / townshipSeries', () => {
  it('sums each month, leaves gaps where nobody reported and reports coverage', () => {
    const s = districtSeries(cube, 'hazards_found', { ...filters, from: '2023-12' });
    expect(s.periods).toEqual(['2023-12', '2024-01', '2024-02', '2024-03', '2024-04']);
    expect(s.values).toEqual([null, 33, 25, 32, 26]);
    expect(s.reporting).toEqual([0, 4, 4, 3, 3]);
    expect(s.expected).toBe(4);
  });

  it('pools rates per month', () => {
    const s = districtSeries(cube, 'rectification_rate', filters);
    expect(s.values[0]).toBeCloseTo(31 / 33, 6);
    expect(s.values[2]).toBeCloseTo(22 / 32, 6);
  });

  it('gives per-township rows in official order with null for missing months', () => {
    const s = townshipSeries(cube, 'hazards_found', filters);
    expect(s.rows.map((r) => r.township)).toEqual(['小召乡', '城关镇', '东关街道', '新华镇']);
    expect(s.rows[0]!.values).toEqual([8, 6, null, 4]);
    expect(s.rows[2]!.values).toEqual([5, 7, null, 10]);
    expect(s.rows[3]!.values).toEqual([0, 2, 2, null]);
  });

  it('is empty for an empty range', () => {
    const s = districtSeries(cube, 'hazards_found', { ...filters, from: '2024-05', to: '2024-04' });
    expect(s.values).toEqual([]);
  });
});

describe('compareDistrict (like with like)', () => {
  it('compares only townships with the metric in both months', () => {
    const c = compareDistrict(cube, 'hazards_found', filters, '2024-03', '2024-02');
    // 城关镇 30 vs 10 and 新华镇 2 vs 2; 小召乡 (missing) and 东关街道 (null) are left out.
    expect(c).toMatchObject({ current: 32, previous: 12, matched: 2, currentContributing: 2 });
    expect(c.change?.delta).toBe(20);
    expect(c.change?.pct).toBeCloseTo(20 / 12, 6);
  });

  it('year on year uses the same month a year earlier', () => {
    const c = compareDistrict(cube, 'hazards_found', filters, '2024-03', '2023-03');
    expect(c).toMatchObject({ current: 30, previous: 20, matched: 1, change: { delta: 10, pct: 0.5 } });
  });

  it('returns no change when no township has both months', () => {
    const c = compareDistrict(cube, 'hazards_found', filters, '2024-01', '2023-01');
    expect(c).toMatchObject({ current: null, previous: null, change: null, matched: 0 });
  });
});

describe('overviewKpis', () => {
  const kpis = new Map(overviewKpis(cube, '2024-03', filters).map((k) => [k.id, k]));

  it('gives every card its value and coverage', () => {
    expect(kpis.get('hazards_found')).toMatchObject({ value: 32, reporting: 3, expected: 4 });
    expect(kpis.get('rectification_rate')?.value).toBeCloseTo(22 / 32, 6);
    expect(kpis.get('major_open')?.value).toBe(1);
    expect(kpis.get('accidents')?.value).toBeNull();
    expect(kpis.get('reports')).toMatchObject({ value: 3, expected: 4 });
  });

  it('compares report counts, with no previous count outside the data', () => {
    expect(kpis.get('reports')?.mom.change).toEqual({ delta: -1, pct: -0.25 });
    const jan = new Map(overviewKpis(cube, '2023-03', filters).map((k) => [k.id, k]));
    expect(jan.get('reports')?.mom.previous).toBeNull();
    expect(jan.get('reports')?.mom.change).toBeNull();
  });
});
