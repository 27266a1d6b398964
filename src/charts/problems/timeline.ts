/** One township's problem timeline: category per month, coloured by the running streak. */
import { maxOf } from '../../domain/arrays';
import { periodRange } from '../../domain/month';
import type { CategoryCode } from '../../analysis/problems/types';
import { translate } from '../../i18n/i18n';
import { byItemIndex, type ChartSelection, type ChartSpec, type TableCell } from '../chart-spec';
import { labelOf, orderCategories, plainLabel, TOOLTIP, type ProblemChartInput } from './common';

/**
 * Heatmap of months × categories for `township`; a cell's value is the running streak in that
 * month (same rule as computeRecurrence: a reported month without the category resets it, a month
 * without any report pauses it), so streaks read as darkening runs. The table shows the streak
 * number, '' when reported without the category, and 未报 for months without a report (judged
 * from the statements: a month with none counts as not reported).
 */
export function buildProblemTimeline(input: ProblemChartInput & { readonly township: string }): ChartSpec {
  const { lang, from, to, township } = input;
  const months = periodRange(from, to);
  const own = input.statements.filter((s) => s.township === township && s.period >= from && s.period <= to);
  const present = new Map<string, Set<CategoryCode>>();
  for (const s of own)
    present.set(s.period, (present.get(s.period) ?? new Set<CategoryCode>()).add(s.category));
  const categories = orderCategories(own.map((s) => s.category));
  const run = new Map<CategoryCode, number>();
  const cell = new Map<string, number>(); // `${month}\u001f${category}` → running streak
  for (const m of months) {
    const cats = present.get(m);
    if (!cats) continue; // not reported: pause
    for (const c of categories) {
      const n = cats.has(c) ? (run.get(c) ?? 0) + 1 : 0;
      run.set(c, n);
      if (n > 0) cell.set(`${m}\u001f${c}`, n);
    }
  }
  const data: [number, number, number][] = [];
  const cells: ChartSelection[] = []; // what each item of `data` stands for
  months.forEach((m, x) =>
    categories.forEach((c, y) => {
      const v = cell.get(`${m}\u001f${c}`);
      if (v === undefined) return;
      data.push([x, y, v]);
      cells.push({ township, period: m, category: c });
    }),
  );
  // The current streak is the run at the end of the window (pauses keep it).
  const best = [...run].filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
  const name = plainLabel(township);
  const summary =
    own.length === 0
      ? translate(lang, 'problems.empty')
      : best
        ? translate(lang, 'problems.timeline.summary', {
            to,
            township: name,
            category: labelOf(best[0], input),
            n: best[1],
          })
        : translate(lang, 'problems.timeline.summaryNone', { to, township: name });
  const notReported = translate(lang, 'problems.notReported');
  return {
    id: 'problems-timeline',
    title: translate(lang, 'problems.timeline.title', { township: name }),
    empty: own.length === 0,
    interactions: byItemIndex(cells),
    summary,
    table: {
      columns: [
        { key: 'category', label: translate(lang, 'problems.col.category') },
        ...months.map((m) => ({ key: m, label: m })),
      ],
      rows: categories.map((c): TableCell[] => [
        labelOf(c, input),
        ...months.map((m) => (present.has(m) ? (cell.get(`${m}\u001f${c}`) ?? '') : notReported)),
      ]),
    },
    option: {
      tooltip: TOOLTIP,
      grid: { containLabel: true },
      xAxis: { type: 'category', data: months },
      yAxis: { type: 'category', data: categories.map((c) => labelOf(c, input)), inverse: true },
      visualMap: {
        min: 1,
        max: maxOf(
          data.map((d) => d[2]),
          3,
        ),
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
      },
      series: [
        { type: 'heatmap', name: translate(lang, 'problems.col.streak'), data, label: { show: true } },
      ],
    },
  };
}
