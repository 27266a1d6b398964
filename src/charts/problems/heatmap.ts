/** Township × category heatmap: months each category was reported in the window. */
import { maxOf } from '../../domain/arrays';
import { computeRecurrence } from '../../analysis/problems/recurrence';
import { orderTownships } from '../../analysis/problems/township-order';
import { translate } from '../../i18n/i18n';
import { byItemIndex, type ChartSelection, type ChartSpec, type TableCell } from '../chart-spec';
import { labelOf, orderCategories, plainLabel, TOOLTIP, type ProblemChartInput } from './common';

/**
 * Builds the 问题 heatmap: rows are townships (official order, then first appearance), columns
 * categories (P01…P12, custom, P99), value = months reported in [from, to]. A township with
 * statements but not this category shows 0 (reported, not named); townships without statements in
 * the window are not listed. Empty window or no statements → `empty: true`.
 */
export function buildProblemHeatmap(input: ProblemChartInput): ChartSpec {
  const { lang, from, to } = input;
  const rec = computeRecurrence(input.statements, { from, to });
  const townships = orderTownships(
    input.townships,
    rec.map((r) => r.township),
  );
  const categories = orderCategories(rec.map((r) => r.category));
  const value = new Map(rec.map((r) => [`${r.township}\u001f${r.category}`, r.monthsReported]));
  const data: [number, number, number][] = [];
  const cells: ChartSelection[] = []; // what each item of `data` stands for
  townships.forEach((t, y) =>
    categories.forEach((c, x) => {
      data.push([x, y, value.get(`${t}\u001f${c}`) ?? 0]);
      cells.push({ township: t, category: c });
    }),
  );
  const title = translate(lang, 'problems.heatmap.title');
  const max = rec.reduce((m, r) => (r.monthsReported > (m?.monthsReported ?? 0) ? r : m), rec[0]);
  const summary = max
    ? translate(lang, 'problems.heatmap.summary', {
        from,
        to,
        township: max.township,
        category: labelOf(max.category, input),
        n: max.monthsReported,
      })
    : translate(lang, 'problems.empty');
  const rows: TableCell[][] = townships.map((t) => [
    t,
    ...categories.map((c) => value.get(`${t}\u001f${c}`) ?? 0),
  ]);
  return {
    id: 'problems-heatmap',
    title,
    empty: rec.length === 0,
    interactions: byItemIndex(cells, {
      xAxis: categories.map((category) => ({ category })),
      yAxis: townships.map((township) => ({ township })),
    }),
    summary,
    table: {
      columns: [
        { key: 'township', label: translate(lang, 'problems.col.township') },
        ...categories.map((c) => ({ key: c, label: labelOf(c, input) })),
      ],
      rows,
    },
    option: {
      tooltip: TOOLTIP,
      grid: { containLabel: true },
      xAxis: {
        type: 'category',
        data: categories.map((c) => labelOf(c, input)),
        axisLabel: { interval: 0, rotate: 30 },
      },
      yAxis: { type: 'category', data: townships.map(plainLabel), inverse: true },
      visualMap: {
        min: 0,
        max: maxOf(
          data.map((d) => d[2]),
          1,
        ),
        calculable: true,
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
      },
      series: [{ type: 'heatmap', name: title, data, label: { show: true } }],
    },
  };
}
