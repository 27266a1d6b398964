/** Problem statements in the validator CLI's `--json` "problems" array shape. */
import type { CategoryCode, ProblemStatement } from './types';

export interface ExportedProblem {
  readonly township: string;
  readonly period: string;
  readonly seq: number;
  readonly text: string;
  readonly category: CategoryCode;
  readonly secondary_categories: readonly CategoryCode[];
  readonly keywords_matched: readonly string[];
  readonly source: { readonly file: string; readonly line: number | null };
}

/**
 * Maps statements to the CLI's "problems" shape, in input order. Only the listed fields are
 * copied (no batch ids, no match offsets); arrays are copied so the output is plain JSON data.
 */
export function problemsForExport(statements: readonly ProblemStatement[]): ExportedProblem[] {
  return statements.map((s) => ({
    township: s.township,
    period: s.period,
    seq: s.seq,
    text: s.text,
    category: s.category,
    secondary_categories: [...s.secondary_categories],
    keywords_matched: [...s.keywords_matched],
    source: { file: s.source.file, line: s.source.line },
  }));
}
