/** Category trend over time: townships naming each category per month (stacked bars). */
import type { CategoryCode } from '../../analysis/problems/types';
import { periodRange } from '../../domain/month';
import { translate } from '../../i18n/i18n';
import { bySeriesIndex, type ChartSpec, type TableCell } from '../chart-spec';
import { labelOf, orderCategories, TOOLTIP, type ProblemChartInput } from './common';

/**
 * One stacked bar series per category over the months of [from, to]; the value is the number of
 * townships naming the category that month. A month in which no township reported any problem is
 * null (a gap, "未报"), never 0. The summary names the top category of the last month with data.
 */
export function buildProblemTrend(input: ProblemChartInput): ChartSpec {
  const { lang, from, to } = input;
  const months = periodRange(from, to);
  const counts = new Map<string, Map<CategoryCode, Set<string>>>();
  for (const s of input.statements) {
    if (s.period < from || s.period > to) continue;
    const cats = counts.get(s.period) ?? new Map<CategoryCode, Set<string>>();
    counts.set(s.period, cats);
    cats.set(s.category, (cats.get(s.category) ?? new Set<string>()).add(s.township));
  }
  const categories = orderCategories([...counts.values()].flatMap((m) => [...m.keys()]));
  const valueOf = (p: string, c: CategoryCode): number | null =>
    counts.has(p) ? (counts.get(p)!.get(c)?.size ?? 0) : null;
  const last = [...months].reverse().find((p) => counts.has(p));
  let summary = translate(lang, 'problems.empty');
  if (last !== undefined) {
    const top = [...categories].sort((a, b) => (valueOf(last, b) ?? 0) - (valueOf(last, a) ?? 0))[0]!;
    summary = translate(lang, 'problems.trend.summary', {
      to: last,
      category: labelOf(top, input),
      n: valueOf(last, top) ?? 0,
    });
  }
  const notReported = translate(lang, 'problems.notReported');
  return {
    id: 'problems-trend',
    title: translate(lang, 'problems.trend.title'),
    empty: counts.size === 0,
    // Series i is category i; its data index is the month.
    interactions: bySeriesIndex(categories.map((category) => months.map((period) => ({ category, period })))),
    summary,
    table: {
      columns: [
        { key: 'period', label: translate(lang, 'problems.col.period') },
        ...categories.map((c) => ({ key: c, label: labelOf(c, input) })),
      ],
      rows: months.map((p): TableCell[] => [
        p,
        ...categories.map((c) => (counts.has(p) ? valueOf(p, c) : notReported)),
      ]),
    },
    option: {
      tooltip: { ...TOOLTIP, trigger: 'axis' },
      legend: { type: 'scroll', top: 0 },
      grid: { containLabel: true, top: 40 },
      xAxis: { type: 'category', data: months },
      yAxis: { type: 'value', minInterval: 1, name: translate(lang, 'problems.col.townships') },
      series: categories.map((c) => ({
        type: 'bar',
        stack: 'problems',
        name: labelOf(c, input),
        data: months.map((p) => valueOf(p, c)),
      })),
    },
  };
}
