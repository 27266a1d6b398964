import { describe, expect, it } from 'vitest';
import { buildCube } from '../../analysis/cube';
import { submissionMatrix } from '../../analysis/submissions';
import { EMPTY_DATASET, type TownshipMonthRecord } from '../../domain/records';
import { allNumeric, townshipMonthRecord } from '../../testing/factories';
import { MISSING_ROWS_SHOWN, missingRows, shownMissingRows } from './missing-rows';

const rec = (township: string, period: string): TownshipMonthRecord =>
  townshipMonthRecord(township, period, allNumeric(1), { report_date: `${period}-20` });

describe('missingRows', () => {
  const dataset = {
    ...EMPTY_DATASET,
    townships: ['东关街道', '城关镇', '小召乡', '杏林乡'].map((name) => ({
      name,
      type: 'other' as const,
      code: null,
      aliases: [],
    })),
    townshipMonths: [
      rec('东关街道', '2024-01'),
      rec('东关街道', '2024-02'),
      rec('东关街道', '2024-03'),
      rec('城关镇', '2024-02'),
      rec('小召乡', '2024-01'),
      rec('杏林乡', '2024-03'),
    ],
  };
  const cube = buildCube(dataset);

  it('sorts by missing count, ties in official order, and lists the months', () => {
    const rows = missingRows(submissionMatrix(cube, { from: '2024-01', to: '2024-03', townships: null }));
    expect(rows).toEqual([
      { township: '城关镇', count: 2, periods: ['2024-01', '2024-03'] },
      { township: '小召乡', count: 2, periods: ['2024-02', '2024-03'] },
      { township: '杏林乡', count: 2, periods: ['2024-01', '2024-02'] },
      { township: '东关街道', count: 0, periods: [] },
    ]);
  });

  it('gives no rows for an empty matrix', () => {
    expect(missingRows({ townships: [], rows: [] })).toEqual([]);
  });
});

describe('shownMissingRows', () => {
  const rows = Array.from({ length: MISSING_ROWS_SHOWN + 7 }, (_, i) => ({
    township: `乡镇${i}`,
    count: 100 - i,
    periods: [],
  }));

  it('lists every township of a district-sized list', () => {
    const few = rows.slice(0, MISSING_ROWS_SHOWN);
    expect(shownMissingRows(few, false)).toEqual({ shown: few, leftOut: 0 });
  });

  it('lists the first rows (most missing) of a longer list, and says how many are left out', () => {
    const { shown, leftOut } = shownMissingRows(rows, false);
    expect(shown.map((r) => r.township)).toEqual(rows.slice(0, MISSING_ROWS_SHOWN).map((r) => r.township));
    expect(leftOut).toBe(7);
  });

  it('lists every row when asked', () => {
    // The count stays: the line offers to show the first rows again.
    expect(shownMissingRows(rows, true)).toEqual({ shown: rows, leftOut: 7 });
  });
});
