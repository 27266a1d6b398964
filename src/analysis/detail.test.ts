import { describe, expect, it } from 'vitest';
import { buildCube } from './cube';
import { townshipMonthDetail } from './detail';
import { hazardsBySector } from './hazard-sectors';
import { dataset, hz, sampleDistrict, tm, township } from './test-fixtures';

describe('townshipMonthDetail', () => {
  it('finds records under an old name, with sources', () => {
    const ds = sampleDistrict();
    const d = townshipMonthDetail(ds, '新华镇', '2024-01');
    expect(d.township).toBe('新华镇');
    expect(d.records.map((r) => r.township)).toEqual(['新华乡']);
    expect(d.sources).toEqual([d.records[0]!.source]);
    expect(townshipMonthDetail(ds, '新华乡', '2024-02').records).toHaveLength(1);
  });

  it('lists hazard aggregate rows (agg.json) of the month under any alias, with their source', () => {
    const ds = {
      ...sampleDistrict(),
      hazardTallies: [
        {
          township: '新华乡',
          period: '2024-01',
          sector: 'fire' as const,
          level: 'general' as const,
          found: 7,
          rectified: 5,
          overdue: 1,
          as_of: '2024-03-31',
          source: { file: 'agg.json', line: 24 },
        },
      ],
    };
    const d = townshipMonthDetail(ds, '新华镇', '2024-01');
    expect(d.tallies.map((r) => r.found)).toEqual([7]);
    expect(d.sources).toContainEqual({ file: 'agg.json', line: 24 });
    expect(townshipMonthDetail(ds, '新华镇', '2024-02').tallies).toEqual([]);
  });

  it('is empty, not an error, for a month without data', () => {
    const d = townshipMonthDetail(sampleDistrict(), '小召乡', '2024-03');
    expect(d).toMatchObject({ records: [], hazards: [], tallies: [], sources: [] });
  });
});

describe('hazardsBySector', () => {
  const ds = dataset({
    townships: [township('小召乡'), township('城关镇')],
    townshipMonths: [
      tm('小召乡', '2024-01', { hazards_found: 8 }, { focus_sectors: ['fireworks', 'fire'] }),
      tm('小召乡', '2024-02', { hazards_found: 6 }, { focus_sectors: ['fire'] }),
      tm('城关镇', '2024-01', { hazards_found: 3 }, { focus_sectors: ['construction'] }),
    ],
    hazards: [
      hz('城关镇', '2024-01-05', 'fire', { level: 'major' }),
      hz('城关镇', '2024-01-06', 'fire'),
      hz('城关镇', '2024-01-07', 'construction'),
    ],
  });
  const cube = buildCube(ds);
  const filters = { from: '2024-01', to: '2024-02', townships: null, sector: null };

  it('uses ledgers where kept and counts focus township-months elsewhere', () => {
    const s = hazardsBySector(cube, filters);
    expect(s.itemised).toBe(true);
    expect(s.sectors).toEqual(['fireworks', 'construction', 'fire']);
    expect(s.values.get('fire')).toEqual([
      { found: 2, major: 1, focusTownships: 1 },
      { found: 0, major: 0, focusTownships: 1 },
    ]);
    expect(s.values.get('construction')?.[0]).toEqual({ found: 1, major: 0, focusTownships: 0 });
  });

  it('keeps only the filtered sector, and nothing for an empty range', () => {
    expect(hazardsBySector(cube, { ...filters, sector: 'fire' }).sectors).toEqual(['fire']);
    expect(hazardsBySector(cube, { ...filters, from: '2025-01', to: '2025-02' }).sectors).toEqual([]);
  });
});
