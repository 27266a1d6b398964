/**
 * Defaults of two rules a user can change per view, in a module of their own: the URL leaves a
 * default out (app/url-state.ts), and the code that decides so runs at start, while the rules
 * themselves (analysis/submissions.ts, features/training/no-training.ts) load with their views
 * (issue 13: the entry chunk's budget).
 */

/** Day of the month a monthly report is due (docs/domain.md, "Late"). */
export const DEFAULT_DUE_DAY = 25;

/** Months in a row without training before a township is flagged (培训). */
export const DEFAULT_NO_TRAINING_MONTHS = 3;
