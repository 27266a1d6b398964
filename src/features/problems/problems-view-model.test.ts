import { describe, expect, it, vi } from 'vitest';
import { EMPTY_PROBLEM_EDITS } from '../../analysis/problems/edits';
import type { ProblemFilters } from './problem-model';
import {
  applySelection,
  deriveProblemsView,
  withReadableCells,
  type ProblemsViewInput,
} from './problems-view-model';
import { problemsDataset } from './test-data';

const dataset = problemsDataset();
const all: ProblemFilters = { from: null, to: null, townships: [] };
const input = (over: Partial<ProblemsViewInput> = {}): ProblemsViewInput => ({
  dataset,
  edits: EMPTY_PROBLEM_EDITS,
  filters: all,
  category: null,
  timelineTownship: null,
  lang: 'zh-CN',
  ...over,
});

describe('deriveProblemsView', () => {
  it('draws the timeline of the most chronic township and lists nothing until something is picked', () => {
    const v = deriveProblemsView(input());
    expect(v.timelineTownship).toBe('小召乡');
    expect(v.listed).toBeNull();
    expect(v.scope).toBe('');
    expect(v.chronic.map((c) => [c.township, c.category])).toEqual([
      ['小召乡', 'P01'],
      ['城关镇', 'P06'],
    ]);
    expect(v.specs?.heatmap.interactions?.yAxis).toEqual([
      { township: '城关镇' },
      { township: '小召乡' },
      { township: '杏林乡' },
    ]);
  });

  it.each([
    ['the picked township', { timelineTownship: '城关镇' }, '城关镇'],
    ['the single filtered township', { filters: { ...all, townships: ['杏林乡'] } }, '杏林乡'],
    ['not a township without statements', { timelineTownship: '无此乡' }, '小召乡'],
  ])('timeline township: %s', (_name, over, expected) => {
    expect(deriveProblemsView(input(over)).timelineTownship).toBe(expected);
  });

  it('lists a township category newest first, narrows chronic items and names the scope', () => {
    const v = deriveProblemsView(input({ category: 'P01', timelineTownship: '小召乡' }));
    expect(v.listed?.map((s) => s.period)).toEqual(['2022-04', '2022-03', '2022-02', '2022-01']);
    expect(v.chronic.map((c) => c.township)).toEqual(['小召乡']);
    expect(v.scope).toBe('小召乡 · 企业主体责任落实不到位');
  });

  it('has no charts for an empty window', () => {
    const v = deriveProblemsView(input({ filters: { from: '2030-01', to: '2030-02', townships: [] } }));
    expect(v.specs?.heatmap.empty ?? true).toBe(true);
    expect(deriveProblemsView(input({ dataset: { ...dataset, townshipMonths: [] } })).specs).toBeNull();
  });
});

describe('applySelection', () => {
  it('filters to a township and selects a category; a month alone does nothing', () => {
    const target = { onTownshipsChange: vi.fn(), onCategoryChange: vi.fn() };
    applySelection({ township: '城关镇', category: 'P06' }, target);
    applySelection({ period: '2022-03' }, target);
    expect(target.onTownshipsChange.mock.calls).toEqual([[['城关镇']]]);
    expect(target.onCategoryChange.mock.calls).toEqual([['P06']]);
  });
});

describe('withReadableCells', () => {
  it('hides cell numbers only past 18 months', () => {
    const spec = (months: number) => ({
      id: 't',
      title: 't',
      summary: '',
      empty: false,
      table: {
        columns: Array.from({ length: months + 1 }, (_, i) => ({ key: String(i), label: '' })),
        rows: [],
      },
      option: { series: [{ type: 'heatmap', label: { show: true } }] },
    });
    expect(withReadableCells(spec(18)).option).toEqual(spec(18).option);
    expect(withReadableCells(spec(19)).option).toEqual({
      series: [{ type: 'heatmap', label: { show: false } }],
    });
  });
});
