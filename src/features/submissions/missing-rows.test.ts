import { describe, expect, it } from 'vitest';
import { buildCube } from '../../analysis/cube';
import { submissionMatrix } from '../../analysis/submissions';
import { EMPTY_DATASET, type TownshipMonthRecord } from '../../domain/records';
import { allNumeric, townshipMonthRecord } from '../../testing/factories';
import { missingRows } from './missing-rows';

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
