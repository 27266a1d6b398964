/**
 * The "no training for N months" rule of the training view, on top of trainingStreaks: a
 * township is flagged only when it reported 0 trainings N months in a row; one with no training
 * on record but missing or blank months is listed apart as unconfirmed (unknown is not zero).
 */
import type { TrainingStreak } from '../../analysis/training';


export interface NoTrainingGroups {
  /** zeroStreak ≥ n: reported 0 trainings for n months or more in a row (longest first). */
  readonly confirmed: readonly TrainingStreak[];
  /** No training on record in the last n months (or ever) but not n reported zeros in a row. */
  readonly unconfirmed: readonly TrainingStreak[];
}

/**
 * Splits streaks by the rule. n < 1 counts as 1. Ties keep the input (official) order. Empty input
 * → two empty lists.
 */
export function noTrainingGroups(streaks: readonly TrainingStreak[], n: number): NoTrainingGroups {
  const months = Math.max(1, Math.floor(n));
  const confirmed = streaks
    .map((s, i) => ({ s, i }))
    .filter(({ s }) => s.zeroStreak >= months)
    .sort((a, b) => b.s.zeroStreak - a.s.zeroStreak || a.i - b.i)
    .map(({ s }) => s);
  const unconfirmed = streaks.filter(
    (s) => s.zeroStreak < months && (s.monthsSince === null || s.monthsSince >= months),
  );
  return { confirmed, unconfirmed };
}
