/** Builders for tests in this folder (not used by production code). */
import type { Period } from '../../domain/month';
import { makeStatement } from './statements';
import type { CategoryCode, ProblemStatement } from './types';

/** A statement classified by the default rules, or forced to `category` (as if from a file). */
export function stmt(
  township: string,
  period: Period,
  text: string,
  seq = 1,
  category: CategoryCode | null = null,
): ProblemStatement {
  return makeStatement({
    township,
    period,
    seq,
    text,
    source: { file: `${township}-${period}.csv`, line: seq + 1 },
    fileCategory: category,
  });
}
