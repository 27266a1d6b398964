/** Shared pieces of the problem chart builders. */
import { PROBLEM_CATEGORY_CODES } from '../../domain/problem-categories';
import type { Township } from '../../domain/records';
import { categoryName, EMPTY_PROBLEM_EDITS, type ProblemEdits } from '../../analysis/problems/edits';
import type { CategoryCode, ProblemStatement } from '../../analysis/problems/types';
import type { Lang } from '../../i18n/i18n';

/** Inputs every problem chart takes. */
export interface ProblemChartInput {
  readonly statements: readonly ProblemStatement[];
  /** The dataset's official township list (`dataset.townships`); others follow by first appearance. */
  readonly townships: readonly Township[];
  readonly from: string;
  readonly to: string;
  readonly lang: Lang;
  /** For category names (renames, custom categories); defaults to none. */
  readonly edits?: ProblemEdits;
}

/**
 * Makes user text safe inside ECharts rich-text: `{`, `}` and `|` are rich-text syntax (apache/echarts
 * #10102), so they become their full-width forms. Display only; data keeps the original.
 */
export const plainLabel = (s: string): string =>
  s.replace(/\{/gu, '｛').replace(/\}/gu, '｝').replace(/\|/gu, '｜');

/** Category display name, made safe for labels. */
export const labelOf = (code: CategoryCode, input: Pick<ProblemChartInput, 'edits' | 'lang'>): string =>
  plainLabel(categoryName(code, input.edits ?? EMPTY_PROBLEM_EDITS, input.lang));

/** Category codes in display order: built-in P01…P12, then custom codes (sorted), then P99. */
export function orderCategories(codes: Iterable<CategoryCode>): CategoryCode[] {
  const set = new Set(codes);
  const builtIn = PROBLEM_CATEGORY_CODES.filter((c) => c !== 'P99' && set.has(c));
  const custom = [...set].filter((c) => !(PROBLEM_CATEGORY_CODES as readonly string[]).includes(c)).sort();
  return [...builtIn, ...custom, ...(set.has('P99') ? (['P99'] as const) : [])];
}

/** Tooltip settings every problem chart uses: canvas rich text, never HTML (docs/input-rules.md F4–F5). */
export const TOOLTIP = { trigger: 'item', renderMode: 'richText', confine: true } as const;
