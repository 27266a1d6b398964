import { describe, expect, it } from 'vitest';
import { buildCube } from './cube';
import { hazardsBySector } from './hazard-sectors';
import { hz, sampleDistrict } from './test-fixtures';

/** The sample district with 城关镇 keeping a ledger in 2024-02 and 2024-03. */
const withLedger = () => {
  const d = sampleDistrict();
  return {
    ...d,
    hazards: [
      hz('城关镇', '2024-02-03', 'fire'),
      hz('城关镇', '2024-02-19', 'fire', { level: 'major', status: 'in_progress' }),
      hz('城关镇', '2024-03-08', 'construction'),
    ],
  };
};

const plain = (r: ReturnType<typeof hazardsBySector>) => ({ ...r, values: [...r.values] });

describe('hazardsBySector month columns (issue 13: a change of 截止月份 computes one month)', () => {
  const filtersList = [
    { from: '2024-01', to: '2024-04', townships: null, sector: null },
    { from: '2024-01', to: '2024-03', townships: null, sector: null },
    { from: '2024-02', to: '2024-04', townships: ['城关镇'], sector: null },
    { from: '2024-01', to: '2024-04', townships: ['小召乡', '城关镇'], sector: null },
    { from: '2024-01', to: '2024-04', townships: null, sector: 'fire' as const },
    { from: '2023-12', to: '2024-04', townships: null, sector: null },
  ];

  it('gives the same result with the months of earlier ranges and selections kept as from scratch', () => {
    const kept = buildCube(withLedger());
    for (const round of [1, 2])
      for (const f of filtersList) {
        const fresh = buildCube(withLedger());
        expect(plain(hazardsBySector(kept, f)), `round ${round} ${JSON.stringify(f)}`).toEqual(
          plain(hazardsBySector(fresh, f)),
        );
      }
  });

  it('adds ledger counts and focus mentions per month as before', () => {
    const r = hazardsBySector(buildCube(withLedger()), filtersList[0]!);
    expect(r.itemised).toBe(true);
    expect(r.sectors).toEqual(expect.arrayContaining(['fire', 'fireworks', 'construction']));
    // 2024-02: 城关镇's ledger (2 fire, 1 major) and 小召乡's focus (fireworks, fire).
    expect(r.values.get('fire')![1]).toEqual({ found: 2, major: 1, focusTownships: 1 });
    expect(r.values.get('fireworks')![1]).toEqual({ found: 0, major: 0, focusTownships: 1 });
  });

  it('keeps the columns of a bounded number of township selections', () => {
    const cube = buildCube(withLedger());
    const names = ['小召乡', '城关镇', '东关街道', '新华镇'];
    // 15 distinct selections (every non-empty subset), then the first again.
    const subsets = Array.from({ length: 15 }, (_, m) => names.filter((_, i) => ((m + 1) >> i) & 1));
    for (const townships of [...subsets, subsets[0]!]) {
      const f = { from: '2024-01', to: '2024-04', townships, sector: null };
      expect(plain(hazardsBySector(cube, f))).toEqual(plain(hazardsBySector(buildCube(withLedger()), f)));
    }
  });
});
