/**
 * Training streaks (培训): how long since each township last held a training. Missing months are
 * unknown, never "no training".
 */
import { monthsBetween, periodIndex, type Period } from '../domain/month';
import type { Cube } from './cube';
import { filterTownships, type Filters } from './metrics';

export interface TrainingStreak {
  readonly township: string;
  /** Last month up to `period` with trainings_held > 0; null when none in the data. */
  readonly lastTraining: Period | null;
  /** Months from lastTraining to `period` (0 = trained this month); null when never trained. */
  readonly monthsSince: number | null;
  /**
   * Consecutive months ending at `period` reported with trainings_held = 0. A month without a
   * report or with a blank field ends the streak (unknown is not zero).
   */
  readonly zeroStreak: number;
  /** Months between lastTraining (or the data start) and `period` with no known value. */
  readonly unknownMonths: number;
}

/**
 * Training streaks of the selected townships at a month, in official order. Looks back over the
 * cube's months up to `period`; a `period` outside the data gives null/0 values, never an error.
 */
export function trainingStreaks(
  cube: Cube,
  period: Period,
  filters: Pick<Filters, 'townships'> = { townships: null },
): TrainingStreak[] {
  const end = periodIndex(period);
  const months = cube.periods.filter((p) => periodIndex(p) <= end).reverse();
  return filterTownships(cube, filters).map((township) => {
    let lastTraining: Period | null = null;
    let zeroStreak = 0;
    let streakOpen = true;
    let unknownMonths = 0;
    // The first month of `months` may be earlier than `period` when `period` lies beyond the data.
    if (months[0] !== period) streakOpen = false;
    for (const p of months) {
      const v = cube.cell(township, p)?.values.trainings_held ?? null;
      if (v !== null && v > 0) {
        lastTraining = p;
        break;
      }
      if (v === 0 && streakOpen) zeroStreak++;
      else streakOpen = false;
      if (v === null) unknownMonths++;
    }
    return {
      township,
      lastTraining,
      monthsSince: lastTraining === null ? null : monthsBetween(lastTraining, period),
      zeroStreak,
      unknownMonths,
    };
  });
}
