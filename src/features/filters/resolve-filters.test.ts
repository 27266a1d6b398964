import { describe, expect, it } from 'vitest';
import { buildCube } from '../../analysis/cube';
import { EMPTY_DATASET, type Dataset, type TownshipMonthRecord } from '../../domain/records';
import { townshipMonthRecord } from '../../testing/factories';
import { resolveFilters, townshipOptions, type RawFilters } from './resolve-filters';

const row = (township: string, period: string): TownshipMonthRecord =>
  townshipMonthRecord(township, period, { hazards_found: 3 }, { report_date: `${period}-24` });

const dataset: Dataset = {
  ...EMPTY_DATASET,
  townships: [
    { name: '城关镇', type: 'zhen', code: null, aliases: [] },
    { name: '东关街道', type: 'jiedao', code: null, aliases: [] },
  ],
  townshipMonths: [row('城关镇', '2024-01'), row('东关街道', '2024-03'), row('小召乡', '2024-02')],
};
const cube = buildCube(dataset);
const raw = (patch: Partial<RawFilters> = {}): RawFilters => ({
  from: null,
  to: null,
  townships: [],
  sector: null,
  ...patch,
});

describe('resolveFilters', () => {
  it.each([
    ['defaults to the whole data range', raw(), ['2024-01', '2024-03']],
    ['keeps a range inside the data', raw({ from: '2024-02', to: '2024-02' }), ['2024-02', '2024-02']],
    ['clamps months outside the data', raw({ from: '2023-01', to: '2030-12' }), ['2024-01', '2024-03']],
    ['collapses a range reversed by clamping', raw({ from: '2025-05' }), ['2024-03', '2024-03']],
    ['defaults from when only to is set', raw({ to: '2024-02' }), ['2024-01', '2024-02']],
  ])('%s', (_name, input, [from, to]) => {
    const f = resolveFilters(cube, input);
    expect([f.from, f.to]).toEqual([from, to]);
  });

  it('maps an empty township list to all (null) and passes a selection and the sector through', () => {
    expect(resolveFilters(cube, raw()).townships).toBeNull();
    const f = resolveFilters(cube, raw({ townships: ['小召乡'], sector: 'fire' }));
    expect(f.townships).toEqual(['小召乡']);
    expect(f.sector).toBe('fire');
  });

  it('gives empty months for a dataset without data', () => {
    const f = resolveFilters(buildCube(EMPTY_DATASET), raw({ from: '2024-01' }));
    expect([f.from, f.to]).toEqual(['', '']);
  });
});

describe('townshipOptions', () => {
  it('lists townships in official order with master-list or inferred types', () => {
    expect(townshipOptions(cube, dataset)).toEqual([
      { name: '城关镇', type: 'zhen' },
      { name: '东关街道', type: 'jiedao' },
      { name: '小召乡', type: 'xiang' },
    ]);
  });
});
