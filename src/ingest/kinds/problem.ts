/**
 * The problem row (one 存在的问题 statement of a township's monthly report): required fields and
 * how the parsed values become a {@link ProblemRecordInput} (docs/architecture.md, "Where a rule
 * lives").
 */
import type { ProblemCategoryCode } from '../../domain/problem-categories';
import type { ProblemRecordInput, RecordFlag } from '../../domain/records';
import { futurePeriod } from './future-period';
import type { KindRules } from './kind-rules';
import { monthOf, required, textOf, type ParsedRow } from './parsed-row';

function buildProblem(
  row: ParsedRow,
  _flags: readonly RecordFlag[],
  source: ProblemRecordInput['source'],
): ProblemRecordInput | null {
  const month = monthOf(row);
  if (!month) return null;
  return {
    township: textOf(row, 'township') ?? '',
    period: month.period,
    text: textOf(row, 'text') ?? '',
    category: (textOf(row, 'category') as ProblemCategoryCode | null) ?? null,
    source,
  };
}

export const PROBLEM_RULES: KindRules<ProblemRecordInput> = {
  checks: [required('township', '乡镇'), required('period', '月份'), futurePeriod, required('text', '问题')],
  build: buildProblem,
};
