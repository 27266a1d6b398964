import { describe, expect, it } from 'vitest';
import { buildCube } from '../analysis/cube';
import type { RankRow } from '../analysis/rank';
import { dataset, tm, township } from '../analysis/test-fixtures';
import { buildRankingView, buildScatterSpec, buildSmallMultiplesSpec } from './compare-charts';
import { buildHeatmapSpec } from './heatmap';
import { buildSubmissionMatrixSpec } from './submission-chart';
import {
  barChartHeight,
  defaultRankShow,
  findInRanking,
  matrixHeight,
  MAX_CHART_HEIGHT,
  pageOfTownship,
  pageWindow,
  rankWindow,
  rankWindowNote,
} from './township-window';
import { parseRankShow, rankShowKey } from './rank-show';

type AnyOpt = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

// A city-size district: 75 townships × 3 months; township i found i + 1 hazards a month, so the
// ranking by hazards found is the reverse of the official order. 第75镇 never reported.
const names = Array.from({ length: 75 }, (_, i) => `第${i + 1}镇`);
const periods = ['2026-01', '2026-02', '2026-03'] as const;
const big = buildCube(
  dataset({
    townships: names.map((n) => township(n)),
    townshipMonths: names.slice(0, 74).flatMap((n, i) =>
      periods.map((p) =>
        tm(n, p, {
          hazards_found: i + 1,
          hazards_rectified: i,
          trainings_held: 1,
          units_inspected: 10,
        }),
      ),
    ),
  }),
);
const filters = { from: '2026-01', to: '2026-03', townships: null, sector: null };
const zh = 'zh-CN' as const;

const row = (township: string, value: number | null, rank: number | null): RankRow => ({
  township,
  value,
  rank,
  status: value === null ? 'not_reported' : 'ok',
});

describe('rankWindow', () => {
  // Display order official; ranks by value: C 1, A 2, D 2 (tie), B 4, E no value.
  const rows = [row('A', 5, 2), row('B', 1, 4), row('C', 9, 1), row('D', 5, 2), row('E', null, null)];

  it('top N keeps the N best ranks in display order, and a township tied with the N-th too', () => {
    expect(rankWindow(rows, { kind: 'top', n: 1 }).rows.map((r) => r.township)).toEqual(['C']);
    // D has A's value and rank (2): leaving it out would rank it below a township it equals.
    const w = rankWindow(rows, { kind: 'top', n: 2 });
    expect(w.rows.map((r) => r.township)).toEqual(['A', 'C', 'D']);
    expect(w).toMatchObject({ total: 5, partial: true, tiedIn: 1, tiedOut: 0, cutRank: 2 });
    expect(rankWindowNote(w, { kind: 'top', n: 2 }, zh)).toBe('图中为前 2 名（含并列共 3 个），共 5 个乡镇');
    expect(rankWindowNote(rankWindow(rows, { kind: 'top', n: 1 }), { kind: 'top', n: 1 }, zh)).toBe(
      '图中为前 1 名，共 5 个乡镇',
    );
  });

  it('too many ties at the cut: the N in official order, and the note says the rest are in the table', () => {
    // 40 townships: one best, then 39 tied at rank 2 (e.g. no hazard rectified anywhere else).
    const many = [row('甲', 9, 1), ...Array.from({ length: 39 }, (_, i) => row(`乡${i}`, 0, 2))];
    const show = { kind: 'top', n: 10 } as const;
    const w = rankWindow(many, show);
    expect(w.rows).toHaveLength(10);
    expect(w.rows.map((r) => r.township)).toEqual(['甲', ...Array.from({ length: 9 }, (_, i) => `乡${i}`)]);
    expect(w).toMatchObject({ tiedIn: 0, tiedOut: 30, cutRank: 2 });
    expect(rankWindowNote(w, show, zh)).toBe(
      '图中为前 10 名，共 40 个乡镇；与第 2 名并列的另 30 个乡镇未画出，见数据表',
    );
    // Ties that fit within 2N are drawn.
    expect(rankWindow(many.slice(0, 20), show)).toMatchObject({ tiedIn: 10, tiedOut: 0 });
  });

  it('bottom N keeps the N lowest values; townships without a value only under all', () => {
    expect(rankWindow(rows, { kind: 'bottom', n: 1 }).rows.map((r) => r.township)).toEqual(['B']);
    // The second lowest are A and D, tied: both are drawn.
    expect(rankWindow(rows, { kind: 'bottom', n: 2 }).rows.map((r) => r.township)).toEqual(['A', 'B', 'D']);
    expect(rankWindow(rows, { kind: 'top', n: 50 }).rows.map((r) => r.township)).toEqual([
      'A',
      'B',
      'C',
      'D',
    ]);
    expect(rankWindow(rows, { kind: 'all' })).toMatchObject({ rows, partial: false });
  });

  it('choices round-trip through their select value; a small district shows all', () => {
    expect(parseRankShow(rankShowKey({ kind: 'bottom', n: 20 }))).toEqual({ kind: 'bottom', n: 20 });
    expect(parseRankShow('all')).toEqual({ kind: 'all' });
    expect(parseRankShow('top0')).toBeNull();
    expect(parseRankShow('__proto__')).toBeNull();
    expect(defaultRankShow(18)).toEqual({ kind: 'all' });
    expect(defaultRankShow(300, 'bottom')).toEqual({ kind: 'bottom', n: 20 });
  });

  it('search finds a township outside the shown N with its rank, exact name first', () => {
    const shown = rankWindow(rows, { kind: 'top', n: 1 }).rows;
    expect(findInRanking(rows, shown, ' b ')).toEqual([
      { township: 'B', rank: 4, value: 1, status: 'ok', ranked: 4, shown: false },
    ]);
    expect(findInRanking(rows, shown, 'C')[0]).toMatchObject({ rank: 1, shown: true });
    expect(findInRanking(rows, shown, 'E')[0]).toMatchObject({ rank: null, status: 'not_reported' });
    expect(findInRanking(rows, shown, '')).toEqual([]);
    expect(findInRanking(rows, shown, 'zzz')).toEqual([]);
  });
});

describe('pageWindow', () => {
  it('pages a list and clamps an index out of range', () => {
    expect(pageWindow(75, 30, 1)).toEqual({ index: 1, pages: 3, size: 30, start: 30, end: 60, total: 75 });
    expect(pageWindow(75, 30, 9)).toMatchObject({ index: 2, start: 60, end: 75 });
    expect(pageWindow(75, 30, -1)).toMatchObject({ index: 0, start: 0, end: 30 });
    expect(pageWindow(0, 30, 0)).toMatchObject({ pages: 1, start: 0, end: 0 });
  });

  it('finds the page holding a township', () => {
    expect(pageOfTownship(names, '第31镇', 30)).toBe(1);
    expect(pageOfTownship(names, '第1镇', 30)).toBe(0);
    expect(pageOfTownship(names, '别处', 30)).toBeNull();
  });

  it('no chart grows past the cap, however many rows', () => {
    expect(barChartHeight(2000)).toBe(MAX_CHART_HEIGHT);
    expect(matrixHeight(2000)).toBe(MAX_CHART_HEIGHT);
    expect(matrixHeight(30)).toBeLessThan(900);
  });
});

describe('ranking chart at city size', () => {
  const view = buildRankingView(big, {
    metric: 'hazards_found',
    filters,
    lang: zh,
    show: { kind: 'top', n: 10 },
  });
  const o = view.spec.option as AnyOpt;

  it('draws the top 10 bars but lists all 75 townships in the table', () => {
    expect(o.yAxis.data).toEqual(names.slice(64, 74).reverse());
    expect(o.series[0].data).toHaveLength(10);
    expect(view.spec.table.rows).toHaveLength(75);
    expect(view.spec.table.rows[74]).toEqual([null, '第75镇', null]);
  });

  it('says what it shows in the summary and for the export', () => {
    expect(view.spec.summary).toContain('图中为前 10 名，共 75 个乡镇');
    expect(view.spec.scope).toBe('图中为前 10 名，共 75 个乡镇');
    // Highest and lowest are over every township, not just the bars.
    expect(view.spec.summary).toContain('最低为第1镇');
    const en = buildRankingView(big, {
      metric: 'hazards_found',
      filters,
      lang: 'en',
      show: { kind: 'top', n: 10 },
    });
    expect(en.spec.summary).toContain('chart shows the top 10 of 75 townships');
  });

  it('a bar click selects the township of that bar, not of the table row', () => {
    expect(view.spec.interactions?.byDataIndex(0, 0)).toEqual({ township: '第74镇' });
    expect(view.spec.interactions?.byDataIndex(0, 9)).toEqual({ township: '第65镇' });
    expect(view.spec.interactions?.byDataIndex(0, 10)).toBeNull();
  });

  it('bottom N of a lowest-first ranking draws the lowest, lowest first', () => {
    const asc = buildRankingView(big, {
      metric: 'hazards_found',
      filters,
      lang: zh,
      order: 'asc',
      show: { kind: 'bottom', n: 3 },
    });
    expect((asc.spec.option as AnyOpt).yAxis.data).toEqual(['第1镇', '第2镇', '第3镇']);
    expect(asc.spec.summary).toContain('图中为后 3 名，共 75 个乡镇');
  });

  it('showing all adds no note', () => {
    const all = buildRankingView(big, { metric: 'hazards_found', filters, lang: zh, show: { kind: 'all' } });
    expect((all.spec.option as AnyOpt).yAxis.data).toHaveLength(75);
    expect(all.spec.summary).not.toContain('图中为');
    expect(all.spec.scope).toBeUndefined();
  });
});

describe('paged matrices', () => {
  const page = { index: 1, size: 30 };

  it('the heatmap draws one page of rows, scaled and summarised over all townships', () => {
    const spec = buildHeatmapSpec(big, { metric: 'hazards_found', filters, lang: zh, page });
    const o = spec.option as AnyOpt;
    expect(o.yAxis.data).toEqual(names.slice(30, 60));
    // Colour scale over every township (第74镇 found 74), not just the page (max 60).
    expect(o.visualMap[0].max).toBe(74);
    expect(o.series[0].data).toHaveLength(90);
    expect(Math.max(...o.series[0].data.map((d: number[]) => d[1]))).toBe(29);
    expect(spec.table.rows).toHaveLength(75);
    expect(spec.summary).toContain('最高为第74镇');
    expect(spec.summary).toContain('图中为第 2/3 页（第 31–60 个，共 75 个乡镇）');
    expect(spec.scope).toBe('图中为第 2/3 页（第 31–60 个，共 75 个乡镇）');
  });

  it('heatmap clicks resolve to the page’s townships', () => {
    const spec = buildHeatmapSpec(big, { metric: 'hazards_found', filters, lang: zh, page });
    expect(spec.interactions?.yAxis?.[0]).toEqual({ township: '第31镇' });
    expect(spec.interactions?.yAxis).toHaveLength(30);
    expect(spec.interactions?.byDataIndex(0, 0)).toEqual({ township: '第31镇', period: '2026-01' });
    // The last page holds 第75镇, which never reported: its cells are in the gap layer.
    const last = buildHeatmapSpec(big, {
      metric: 'hazards_found',
      filters,
      lang: zh,
      page: { index: 2, size: 30 },
    });
    expect((last.option as AnyOpt).yAxis.data).toHaveLength(15);
    expect(last.interactions?.byDataIndex(1, 0)).toEqual({ township: '第75镇', period: '2026-01' });
  });

  it('the submission matrix pages its rows; the summary counts every township', () => {
    const spec = buildSubmissionMatrixSpec(big, { filters, lang: zh, page: { index: 2, size: 30 } });
    const o = spec.option as AnyOpt;
    expect(o.yAxis.data).toEqual(names.slice(60));
    expect(o.series[0].data).toHaveLength(45);
    expect(spec.summary).toContain('应报225份');
    expect(spec.summary).toContain('未报送3份');
    expect(spec.summary).toContain('第 3/3 页');
    expect(spec.interactions?.byDataIndex(0, 44)).toEqual({ township: '第75镇', period: '2026-03' });
    expect(spec.table.rows).toHaveLength(75);
  });

  it('small multiples draw one page of panels on a y axis shared with every page', () => {
    const spec = buildSmallMultiplesSpec(big, {
      metric: 'hazards_found',
      filters,
      lang: zh,
      page: { index: 0, size: 24 },
    });
    const o = spec.option as AnyOpt;
    expect(o.series).toHaveLength(24);
    expect(o.yAxis[0].max).toBe(74);
    expect(spec.interactions?.byDataIndex(23, 2)).toEqual({ township: '第24镇', period: '2026-03' });
    expect(spec.interactions?.byDataIndex(24, 0)).toBeNull();
    expect(spec.table.rows).toHaveLength(75);
    expect(spec.summary).toContain('图中为第 1/4 页（第 1–24 个，共 75 个乡镇）');
  });

  it('one page: no note, every row drawn (a district of 18 looks as before)', () => {
    const spec = buildHeatmapSpec(big, {
      metric: 'hazards_found',
      filters: { ...filters, townships: names.slice(0, 18) },
      lang: zh,
      page: { index: 0, size: 30 },
    });
    expect((spec.option as AnyOpt).yAxis.data).toHaveLength(18);
    expect(spec.summary).not.toContain('页');
    expect(spec.scope).toBeUndefined();
  });
});

describe('scatter at city size', () => {
  it('labels only the extremes when there are many points; all points stay plotted', () => {
    const spec = buildScatterSpec(big, { x: 'hazards_found', y: 'trainings_held', filters, lang: zh });
    const data = (spec.option as AnyOpt).series[0].data as { name: string; label?: { show: boolean } }[];
    expect(data).toHaveLength(74);
    const shown = data.filter((d) => d.label?.show !== false).map((d) => d.name);
    expect(shown).toContain('第1镇');
    expect(shown).toContain('第74镇');
    expect(shown.length).toBeLessThanOrEqual(20);
  });
});
