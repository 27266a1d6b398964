import { describe, expect, it } from 'vitest';
import { buildCube } from './cube';
import { rankTownships } from './rank';
import { dataset, sampleDistrict, tm } from './test-fixtures';

const cube = buildCube(sampleDistrict());
const filters = { from: '2024-01', to: '2024-04', townships: null, sector: null };

describe('rankTownships', () => {
  it('sorts by value with competition ranks and the mean as district average', () => {
    const r = rankTownships(cube, { metric: 'hazards_found', filters });
    expect(r.rows.map((x) => [x.township, x.value, x.rank])).toEqual([
      ['城关镇', 72, 1],
      ['东关街道', 22, 2],
      ['小召乡', 18, 3],
      ['新华镇', 4, 4],
    ]);
    expect(r.districtAverage).toBe((72 + 22 + 18 + 4) / 4);
  });

  it('sorts ascending and keeps official order on request', () => {
    expect(rankTownships(cube, { metric: 'hazards_found', filters, order: 'asc' }).rows[0]?.township).toBe(
      '新华镇',
    );
    const official = rankTownships(cube, { metric: 'hazards_found', filters, order: 'official' });
    expect(official.rows.map((x) => x.township)).toEqual(['小召乡', '城关镇', '东关街道', '新华镇']);
    expect(official.rows.map((x) => x.rank)).toEqual([3, 1, 2, 4]);
  });

  it('uses the pooled rate as district average for rates', () => {
    const r = rankTownships(cube, { metric: 'rectification_rate', filters });
    expect(r.districtAverage).toBeCloseTo(95 / 116, 6);
    expect(r.rows[0]).toMatchObject({ township: '新华镇', value: 1, rank: 1 });
  });

  it('normalises per 100 units inspected', () => {
    const r = rankTownships(cube, { metric: 'hazards_found', filters, normalise: true });
    expect(r.normalised).toBe(true);
    expect(r.rows.map((x) => x.township)).toEqual(['城关镇', '小召乡', '新华镇', '东关街道']);
    expect(r.rows[1]?.value).toBeCloseTo(56.25, 6);
    expect(r.districtAverage).toBeCloseTo((116 / 222) * 100, 6);
  });

  it('puts nulls last with a status and gives ties the same rank', () => {
    const c = buildCube(
      dataset({
        townshipMonths: [
          tm('甲镇', '2024-01', { accidents: 1 }),
          tm('乙镇', '2024-01', { accidents: 2 }),
          tm('丙乡', '2024-01', { hazards_found: 3 }),
          tm('丁乡', '2023-12', { accidents: 2 }),
          tm('戊街道', '2024-01', { accidents: 1 }),
        ],
      }),
    );
    const r = rankTownships(c, { metric: 'accidents', filters: { ...filters, to: '2024-01' } });
    expect(r.rows.map((x) => [x.township, x.rank, x.status])).toEqual([
      ['乙镇', 1, 'ok'],
      ['甲镇', 2, 'ok'],
      ['戊街道', 2, 'ok'],
      ['丙乡', null, 'no_value'],
      ['丁乡', null, 'not_reported'],
    ]);
    expect(r.districtAverage).toBeCloseTo(4 / 3, 6);
  });

  it('handles an empty selection', () => {
    const r = rankTownships(cube, { metric: 'hazards_found', filters: { ...filters, townships: [] } });
    expect(r).toMatchObject({ rows: [], districtAverage: null });
  });
});
