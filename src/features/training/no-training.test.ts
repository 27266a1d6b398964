import { describe, expect, it } from 'vitest';
import { buildCube } from '../../analysis/cube';
import { trainingStreaks } from '../../analysis/training';
import { EMPTY_DATASET, type TownshipMonthRecord } from '../../domain/records';
import { townshipMonthRecord } from '../../testing/factories';
import { noTrainingGroups } from './no-training';

const rec = (township: string, period: string, trainings: number | null): TownshipMonthRecord =>
  townshipMonthRecord(township, period, { trainings_held: trainings });

// Months 2024-01..2024-05; trainings per township (undefined = no report).
const PLAN: Record<string, (number | null | undefined)[]> = {
  小召乡: [2, 0, 0, 0, 0], // 4 reported zeros
  城关镇: [1, 0, 0, 0, 1], // trained this month
  青石镇: [1, 0, undefined, 0, 0], // a missing month breaks the run
  杏林乡: [0, 0, 0, 0, 0], // never trained, 5 zeros
  白马镇: [1, 0, null, 0, 0], // a blank field breaks the run
  梨园乡: [1, 1, 0, 0, 0], // exactly 3 zeros
};
const months = ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05'];
const cube = buildCube({
  ...EMPTY_DATASET,
  townshipMonths: Object.entries(PLAN).flatMap(([tw, vals]) =>
    vals.flatMap((v, i) => (v === undefined ? [] : [rec(tw, months[i]!, v)])),
  ),
});
const streaks = trainingStreaks(cube, '2024-05');

describe('noTrainingGroups', () => {
  it.each([
    [3, ['杏林乡', '小召乡', '梨园乡'], ['青石镇', '白马镇']],
    // 梨园乡 trained in 2024-02, inside the last 4 months: not listed.
    [4, ['杏林乡', '小召乡'], ['青石镇', '白马镇']],
    [6, [], ['杏林乡']],
    [1, ['杏林乡', '小召乡', '梨园乡', '青石镇', '白马镇'], []],
  ])('n = %i', (n, confirmed, unconfirmed) => {
    const g = noTrainingGroups(streaks, n);
    expect(g.confirmed.map((s) => s.township)).toEqual(confirmed);
    expect(g.unconfirmed.map((s) => s.township)).toEqual(unconfirmed);
  });

  it('gives empty lists for no townships', () => {
    expect(noTrainingGroups([], 3)).toEqual({ confirmed: [], unconfirmed: [] });
  });
});
