import { describe, expect, it } from 'vitest';
import { EMPTY_PROBLEM_EDITS } from '../../analysis/problems/edits';
import { chronicProblems } from '../../analysis/problems/recurrence';
import { makeStatement } from '../../analysis/problems/statements';
import type { Township } from '../../domain/records';
import { buildChronicTable } from './chronic-table';
import { buildProblemHeatmap } from './heatmap';
import { buildProblemTimeline } from './timeline';
import { buildProblemTrend } from './trend';

const s = (township: string, period: string, text: string, seq = 1) =>
  makeStatement({ township, period, seq, text, source: { file: 'r.csv', line: 2 }, fileCategory: null });
const P01 = '企业主体责任落实不到位';
const P06 = '安全教育培训覆盖面不广';
const official: Township[] = [
  { name: '城关镇', type: 'zhen', code: null, aliases: [] },
  { name: '小召乡', type: 'xiang', code: null, aliases: [] },
];
const statements = [
  s('新区街道', '2022-02', P06),
  s('小召乡', '2022-02', P01),
  s('小召乡', '2022-03', P01),
  s('小召乡', '2022-04', P01),
  s('小召乡', '2022-04', P06, 2),
  s('城关镇', '2022-04', P06),
];
const base = { statements, townships: official, from: '2022-01', to: '2022-04', lang: 'zh-CN' as const };
const series = (o: unknown) => (o as { series: { name: string; data: unknown[]; type: string }[] }).series;
const axis = (o: unknown, k: 'xAxis' | 'yAxis') => (o as Record<string, { data: string[] }>)[k]!.data;

describe('buildProblemHeatmap', () => {
  const spec = buildProblemHeatmap(base);
  it('orders townships officially then by first appearance, categories by code', () => {
    expect(axis(spec.option, 'yAxis')).toEqual(['城关镇', '小召乡', '新区街道']);
    expect(axis(spec.option, 'xAxis')).toEqual(['企业主体责任落实不到位', '教育培训和宣传不到位']);
    expect(spec.table.rows).toEqual([
      ['城关镇', 0, 1],
      ['小召乡', 3, 1],
      ['新区街道', 0, 1],
    ]);
  });
  it('uses rich-text tooltips and a data-derived summary in both languages', () => {
    expect((spec.option as { tooltip: { renderMode: string } }).tooltip.renderMode).toBe('richText');
    expect(spec.summary).toContain('小召乡');
    expect(spec.summary).toContain('3');
    expect(buildProblemHeatmap({ ...base, lang: 'en' }).summary).toMatch(
      /^From 2022-01 to 2022-04, 小召乡 reported/,
    );
  });
  it('is empty without statements and applies renames with rich-text characters neutralised', () => {
    expect(buildProblemHeatmap({ ...base, statements: [] }).empty).toBe(true);
    const renamed = buildProblemHeatmap({
      ...base,
      edits: { ...EMPTY_PROBLEM_EDITS, renames: new Map([['P01', '企业{a}|责任']]) },
    });
    expect(axis(renamed.option, 'xAxis')[0]).toBe('企业｛a｝｜责任');
  });
});

describe('buildProblemTrend', () => {
  const spec = buildProblemTrend(base);
  it('has one stacked series per category with null for months without any report', () => {
    expect(axis(spec.option, 'xAxis')).toEqual(['2022-01', '2022-02', '2022-03', '2022-04']);
    expect(series(spec.option).map((x) => [x.name, x.data])).toEqual([
      ['企业主体责任落实不到位', [null, 1, 1, 1]],
      ['教育培训和宣传不到位', [null, 1, 0, 2]],
    ]);
    expect(spec.table.rows[0]).toEqual(['2022-01', '未报', '未报']);
    expect(spec.summary).toBe('2022-04提及“教育培训和宣传不到位”的乡镇最多，共2个。');
  });
});

describe('buildProblemTimeline', () => {
  it('shows running streaks per category and 未报 for months without a report', () => {
    const spec = buildProblemTimeline({ ...base, township: '小召乡' });
    expect(series(spec.option)[0]!.data).toEqual([
      [1, 0, 1],
      [2, 0, 2],
      [3, 0, 3],
      [3, 1, 1],
    ]);
    expect(spec.table.rows).toEqual([
      ['企业主体责任落实不到位', '未报', 1, 2, 3],
      ['教育培训和宣传不到位', '未报', '', '', 1],
    ]);
    expect(spec.summary).toBe('截至2022-04，小召乡的“企业主体责任落实不到位”已连续出现3个月。');
    expect(buildProblemTimeline({ ...base, township: '无此乡' }).empty).toBe(true);
  });
});

describe('buildChronicTable', () => {
  it('lists chronic items in ranking order with the latest statement and keywords', () => {
    const items = chronicProblems(statements, { from: '2022-01', to: '2022-04' });
    const spec = buildChronicTable(items, { lang: 'zh-CN' });
    expect(spec.table.rows).toEqual([
      ['小召乡', '企业主体责任落实不到位', 3, '2022-02、2022-03、2022-04', '否', P01, '企业、主体责任'],
    ]);
    expect(axis(spec.option, 'yAxis')).toEqual(['小召乡 · 企业主体责任落实不到位']);
    expect(series(spec.option)[0]!.data).toEqual([3]);
    expect(spec.summary).toContain('连续3个月');
    const empty = buildChronicTable([], { lang: 'en' });
    expect(empty.empty).toBe(true);
    expect(empty.summary).toBe('No problem was reported 3+ months in a row.');
  });
});

describe('interaction maps', () => {
  it('heatmap: each cell is its township and category, axis labels their township or category', () => {
    const spec = buildProblemHeatmap({
      ...base,
      edits: { ...EMPTY_PROBLEM_EDITS, renames: new Map([['P01', '企业{a}|责任']]) },
    });
    const data = series(spec.option)[0]!.data as number[][];
    const at = (x: number, y: number) =>
      spec.interactions?.byDataIndex(
        0,
        data.findIndex((d) => d[0] === x && d[1] === y),
      );
    expect(at(0, 1)).toEqual({ township: '小召乡', category: 'P01' });
    expect(at(1, 2)).toEqual({ township: '新区街道', category: 'P06' });
    // The label reads 企业｛a｝｜责任; the map still says P01.
    expect(spec.interactions?.xAxis).toEqual([{ category: 'P01' }, { category: 'P06' }]);
    expect(spec.interactions?.yAxis).toEqual([
      { township: '城关镇' },
      { township: '小召乡' },
      { township: '新区街道' },
    ]);
  });

  it('trend: series is the category, data index the month; timeline and chronic items likewise', () => {
    const trend = buildProblemTrend(base);
    expect(trend.interactions?.byDataIndex(1, 3)).toEqual({ category: 'P06', period: '2022-04' });
    const timeline = buildProblemTimeline({ ...base, township: '小召乡' });
    // data: [[1,0,1], [2,0,2], [3,0,3], [3,1,1]] (x = month, y = category)
    expect(timeline.interactions?.byDataIndex(0, 2)).toEqual({
      township: '小召乡',
      period: '2022-04',
      category: 'P01',
    });
    expect(timeline.interactions?.byDataIndex(0, 3)).toMatchObject({ period: '2022-04', category: 'P06' });
    const chronic = buildChronicTable(chronicProblems(statements, { from: '2022-01', to: '2022-04' }), {
      lang: 'zh-CN',
    });
    expect(chronic.interactions?.byDataIndex(0, 0)).toEqual({ township: '小召乡', category: 'P01' });
  });
});
