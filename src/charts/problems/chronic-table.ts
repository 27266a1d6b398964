/** The chronic-problem list as a chart spec: a table plus a bar of streak lengths. */
import type { ChronicItem } from '../../analysis/problems/recurrence';
import { translate } from '../../i18n/i18n';
import { byItemIndex, type ChartSpec, type TableCell } from '../chart-spec';
import { labelOf, plainLabel, TOOLTIP, type ProblemChartInput } from './common';

/**
 * Builds the chronic list spec from chronicProblems() output (kept in its ranking order). Columns:
 * township, category, streak, streak months, gap flag, latest statement, matched keywords. The bar
 * chart shows one bar per item, labelled "township · category". No items → `empty: true`.
 */
export function buildChronicTable(
  items: readonly ChronicItem[],
  input: Pick<ProblemChartInput, 'lang' | 'edits'> & { readonly minStreak?: number },
): ChartSpec {
  const { lang } = input;
  const min = input.minStreak ?? 3;
  const first = items[0];
  const summary = first
    ? translate(lang, 'problems.chronic.summary', {
        n: items.length,
        min,
        township: plainLabel(first.township),
        category: labelOf(first.category, input),
        streak: first.currentStreak,
      })
    : translate(lang, 'problems.chronic.empty', { min });
  const rows = items.map((c): TableCell[] => {
    const latest = c.statements[0]?.statement ?? null;
    const keywords = [...new Set(c.statements.flatMap((s) => s.highlights.map((h) => h.term)))];
    return [
      c.township,
      labelOf(c.category, input),
      c.currentStreak,
      c.currentStreakMonths.join(lang === 'en' ? ', ' : '、'),
      translate(lang, c.currentStreakHasGap ? 'problems.yes' : 'problems.no'),
      latest?.text ?? null,
      keywords.join(lang === 'en' ? ', ' : '、'),
    ];
  });
  const names = items.map((c) => `${plainLabel(c.township)} · ${labelOf(c.category, input)}`);
  return {
    id: 'problems-chronic',
    title: translate(lang, 'problems.chronic.title', { min }),
    empty: items.length === 0,
    interactions: byItemIndex(items.map((c) => ({ township: c.township, category: c.category }))),
    summary,
    table: {
      columns: [
        { key: 'township', label: translate(lang, 'problems.col.township') },
        { key: 'category', label: translate(lang, 'problems.col.category') },
        { key: 'streak', label: translate(lang, 'problems.col.streak') },
        { key: 'streak_months', label: translate(lang, 'problems.col.streakMonths') },
        { key: 'gap', label: translate(lang, 'problems.col.gap') },
        { key: 'statement', label: translate(lang, 'problems.col.statement') },
        { key: 'keywords', label: translate(lang, 'problems.col.keywords') },
      ],
      rows,
    },
    option: {
      tooltip: TOOLTIP,
      grid: { containLabel: true },
      xAxis: { type: 'value', minInterval: 1, name: translate(lang, 'problems.col.streak') },
      yAxis: { type: 'category', data: names, inverse: true },
      series: [
        {
          type: 'bar',
          name: translate(lang, 'problems.col.streak'),
          data: items.map((c) => c.currentStreak),
          label: { show: true, position: 'right' },
        },
      ],
    },
  };
}
