import { describe, expect, it } from 'vitest';
import { buildCube } from './cube';
import type { MetricId } from './metrics';
import { districtSeries } from './series';
import { sampleDistrict } from './test-fixtures';

describe('districtSeries month aggregates (issue 13: a change of 截止月份 aggregates one month)', () => {
  const metrics: MetricId[] = ['hazards_found', 'rectification_rate', 'major_open', 'trainings_held'];
  const filtersList = [
    { from: '2024-01', to: '2024-04', townships: null, sector: null },
    { from: '2024-01', to: '2024-03', townships: null, sector: null },
    { from: '2023-03', to: '2024-04', townships: null, sector: null },
    { from: '2024-02', to: '2024-04', townships: ['城关镇'], sector: null },
    { from: '2024-01', to: '2024-04', townships: ['新华乡', '小召乡'], sector: null },
    { from: '2024-01', to: '2024-04', townships: null, sector: 'fireworks' as const },
  ];

  it('gives the same series with the months of earlier ranges kept as from scratch', () => {
    const kept = buildCube(sampleDistrict());
    for (const round of [1, 2])
      for (const f of filtersList)
        for (const m of metrics)
          for (const normalise of [false, true]) {
            const fresh = buildCube(sampleDistrict());
            expect(
              districtSeries(kept, m, f, { normalise }),
              `${round} ${m} ${normalise} ${JSON.stringify(f)}`,
            ).toEqual(districtSeries(fresh, m, f, { normalise }));
          }
  });

  it('still reads a month nobody reported as null and counts who reported', () => {
    const s = districtSeries(buildCube(sampleDistrict()), 'hazards_found', {
      from: '2023-12',
      to: '2024-02',
      townships: ['城关镇'],
      sector: null,
    });
    expect(s.values).toEqual([null, 20, 10]);
    expect(s.reporting).toEqual([0, 1, 1]);
  });
});
