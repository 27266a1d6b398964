/**
 * Accuracy of the rule classifier on a labelled set (tests/fixtures/problems/labelled-statements.json).
 * Shared by scripts/problem-accuracy.ts and accuracy.test.ts so the printed and the enforced
 * numbers are the same computation.
 */
import { PROBLEM_CATEGORY_CODES } from '../../domain/problem-categories';
import { DEFAULT_PROBLEM_RULES, type ProblemRules } from './category-rules';
import { classifyStatement } from './classify';
import type { CategoryCode } from './types';

export interface LabelledStatement {
  readonly id: string;
  readonly text: string;
  readonly category: CategoryCode;
  readonly holdout?: boolean;
}

export interface AccuracyReport {
  readonly total: number;
  readonly correct: number;
  /** correct / total; 0 for an empty set. */
  readonly accuracy: number;
  /** Per expected category: total, correct, accuracy (0 when total is 0). */
  readonly perCategory: ReadonlyMap<CategoryCode, { total: number; correct: number; accuracy: number }>;
  /** Every miss: expected vs predicted, with the terms that drove the prediction. */
  readonly confusions: readonly {
    id: string;
    text: string;
    expected: CategoryCode;
    predicted: CategoryCode;
    keywords: readonly string[];
  }[];
}

/** Classifies each labelled statement and compares. Empty input gives accuracy 0 and no rows. */
export function evaluateAccuracy(
  items: readonly LabelledStatement[],
  rules: ProblemRules = DEFAULT_PROBLEM_RULES,
): AccuracyReport {
  const perCategory = new Map<CategoryCode, { total: number; correct: number; accuracy: number }>();
  for (const code of PROBLEM_CATEGORY_CODES) perCategory.set(code, { total: 0, correct: 0, accuracy: 0 });
  const confusions: AccuracyReport['confusions'][number][] = [];
  let correct = 0;
  for (const item of items) {
    const c = classifyStatement(item.text, rules);
    const row = perCategory.get(item.category) ?? { total: 0, correct: 0, accuracy: 0 };
    row.total++;
    if (c.category === item.category) {
      row.correct++;
      correct++;
    } else
      confusions.push({
        id: item.id,
        text: item.text,
        expected: item.category,
        predicted: c.category,
        keywords: c.keywords_matched,
      });
    perCategory.set(item.category, row);
  }
  for (const row of perCategory.values()) row.accuracy = row.total === 0 ? 0 : row.correct / row.total;
  return {
    total: items.length,
    correct,
    accuracy: items.length === 0 ? 0 : correct / items.length,
    perCategory,
    confusions,
  };
}
