import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { HazardRecord, TownshipMonthRecord } from '../../domain/records';
import { townshipMonthRecord } from '../../testing/factories';
import { problemsForExport } from './export';
import { parseProblemModelAsset, ProblemModel } from './problem-model';
import { groupUnmatched } from './group-unmatched';
import { findRecurringHazards } from './recurring-hazards';
import { buildProblemStatements, reportedProblemPeriods, statementsFromProblemRecords } from './statements';
import { stmt } from './test-helpers';
import { orderTownships } from './township-order';

describe('groupUnmatched', () => {
  it('groups similar P99 statements, labels the most central one and ignores categorised ones', () => {
    const s = [
      stmt('甲镇', '2022-03', '疫情防控任务繁重，安全生产工作精力分散'),
      stmt('乙镇', '2022-03', '信访维稳任务较重'),
      stmt('乙镇', '2022-04', '疫情防控任务较重，安全生产工作精力有所分散'),
      stmt('丙乡', '2022-04', '受疫情影响，安全生产工作精力分散'),
      stmt('丙乡', '2022-04', '企业主体责任落实不到位'),
    ];
    expect(s.filter((x) => x.category === 'P99').length).toBe(4);
    const clusters = groupUnmatched(s);
    expect(clusters.map((c) => c.members.length)).toEqual([3, 1]);
    expect(clusters[0]!.label.text).toBe('疫情防控任务繁重，安全生产工作精力分散');
    expect(clusters[0]!.townships).toEqual(['甲镇', '乙镇', '丙乡']);
    expect(clusters[0]!.periods).toEqual(['2022-03', '2022-04']);
    expect(groupUnmatched([])).toEqual([]);
  });
});

const hz = (o: Partial<HazardRecord>): HazardRecord => ({
  township: '小召乡',
  date_found: '2022-03-01',
  period: '2022-03',
  sector: 'fireworks',
  level: 'general',
  description: '违规存放烟花爆竹',
  status: 'rectified',
  rectified_date: '2022-03-02',
  deadline: null,
  village: '东村',
  unit_name: '东村便民超市',
  source: { file: 'hazards.csv', line: 2 },
  ...o,
});

describe('findRecurringHazards', () => {
  it.each([
    [
      'found again at the same unit after rectification',
      hz({ date_found: '2022-04-05', period: '2022-04', status: 'in_progress', rectified_date: null }),
      1,
    ],
    [
      'found the same day as rectified (not later)',
      hz({ date_found: '2022-03-02', status: 'in_progress', rectified_date: null }),
      0,
    ],
    [
      'another sector at the same unit',
      hz({ date_found: '2022-04-05', sector: 'fire', status: 'in_progress', rectified_date: null }),
      0,
    ],
    [
      'another unit',
      hz({ date_found: '2022-04-05', unit_name: '西村饭店', status: 'in_progress', rectified_date: null }),
      0,
    ],
    [
      'unit written with extra spaces',
      hz({
        date_found: '2022-04-05',
        unit_name: ' 东村 便民超市 ',
        status: 'in_progress',
        rectified_date: null,
      }),
      1,
    ],
  ])('%s', (_n, later, expected) => {
    const r = findRecurringHazards([hz({}), later]);
    expect(r.items.length).toBe(expected);
    expect(r.countByTownship.get('小召乡') ?? 0).toBe(expected);
  });

  it('falls back to the village when the unit is blank, and skips hazards with no place', () => {
    const a = hz({ unit_name: null });
    const b = hz({ unit_name: '  ', date_found: '2022-05-01', status: 'in_progress', rectified_date: null });
    const c = hz({ unit_name: null, village: null, date_found: '2022-05-01' });
    const d = hz({ unit_name: null, village: null, date_found: '2022-06-01' });
    const r = findRecurringHazards([a, b, c, d]);
    expect(r.items.map((i) => [i.placeKind, i.place])).toEqual([['village', '东村']]);
    expect(r.items[0]!.previous).toBe(a);
  });

  it('does not count an earlier hazard that was never rectified', () => {
    const r = findRecurringHazards([
      hz({ status: 'in_progress', rectified_date: null }),
      hz({ date_found: '2022-05-01' }),
    ]);
    expect(r.items).toEqual([]);
    expect(r.countByTownship.size).toBe(0);
  });
});

const tm = (): TownshipMonthRecord =>
  townshipMonthRecord('小召乡', '2022-04', {}, { source: { file: 'monthly.csv', line: 3 } });

describe('building statements from a dataset', () => {
  it('splits problems_text, prefers itemised records for the same township-month, skips ytd rows', () => {
    const townshipMonths = [
      { ...tm(), problems_text: '一是企业主体责任落实不到位；二是台账不全。' },
      { ...tm(), period: '2022-05', problems_text: '一是演练流于形式' },
      { ...tm(), period: '2022-05', period_scope: 'ytd', problems_text: '全年：一是宣传不到位' },
      { ...tm(), period: '2022-06', problems_text: null },
    ] as TownshipMonthRecord[];
    const problems = [
      {
        township: '小召乡',
        period: '2022-05',
        text: '应急物资储备不足',
        category: null,
        source: { file: 'p.csv', line: 2 },
      },
    ];
    const s = buildProblemStatements({ townshipMonths, problems });
    expect(s.map((x) => [x.period, x.seq, x.category, x.classified_by])).toEqual([
      ['2022-04', 1, 'P01', 'rule'],
      ['2022-04', 2, 'P11', 'rule'],
      ['2022-05', 1, 'P08', 'rule'],
    ]);
    expect(s[0]!.source).toEqual({ file: 'monthly.csv', line: 3 });
    const reported = reportedProblemPeriods({ townshipMonths, problems });
    expect([...reported.get('小召乡')!].sort()).toEqual(['2022-04', '2022-05']);
  });

  it('keeps a file category with confidence 1 and numbers records per township-month', () => {
    const src = { file: 'p.csv', line: 2 };
    const s = statementsFromProblemRecords([
      { township: '甲镇', period: '2022-04', text: '台账不全', category: 'P02', source: src },
      { township: '甲镇', period: '2022-04', text: '  ', category: null, source: src },
      { township: '甲镇', period: '2022-04', text: '演练少', category: null, source: src },
    ]);
    expect(s.map((x) => [x.seq, x.category, x.classified_by, x.confidence])).toEqual([
      [1, 'P02', 'file', 1],
      [2, 'P08', 'rule', s[1]!.confidence],
    ]);
    expect(s[0]!.secondary_categories).toContain('P11');
  });
});

describe('problemsForExport', () => {
  const asset = parseProblemModelAsset(
    JSON.parse(
      readFileSync(new URL('../../../public/models/problem-classifier.json', import.meta.url), 'utf8'),
    ),
  );
  if (!asset.ok) throw new Error(asset.error.join('\n'));
  const model = ProblemModel.fromAsset(asset.value);

  it('maps to the CLI shape only, with the model decision, its confidence and top 3', () => {
    const [e] = problemsForExport([stmt('小召乡', '2022-04', '企业主体责任落实不到位', 2)], model);
    expect(e).toEqual({
      township: '小召乡',
      period: '2022-04',
      seq: 2,
      text: '企业主体责任落实不到位',
      category: 'P01',
      classified_by: 'model',
      confidence: 0.986,
      low_confidence: false,
      alternatives: [
        { category: 'P01', score: 0.986 },
        { category: 'P02', score: 0.013 },
        { category: 'P10', score: 0 },
      ],
      secondary_categories: [],
      keywords_matched: ['企业', '主体责任'],
      source: { file: '小召乡-2022-04.csv', line: 3 },
    });
  });

  it("keeps the file's category (confidence 1) and still shows the model's top 3", () => {
    const [e] = problemsForExport([stmt('小召乡', '2022-04', '应急演练流于形式', 1, 'P04')], model);
    expect([e?.category, e?.classified_by, e?.confidence, e?.low_confidence]).toEqual([
      'P04',
      'file',
      1,
      false,
    ]);
    expect(e?.alternatives[0]).toEqual({ category: 'P08', score: 0.873 });
  });
});

describe('orderTownships', () => {
  it('puts the official order first, then first appearance', () => {
    const official = [
      { name: '乙镇', type: 'zhen', code: null, aliases: [] },
      { name: '甲镇', type: 'zhen', code: null, aliases: [] },
      { name: '无数据乡', type: 'xiang', code: null, aliases: [] },
    ] as const;
    expect(orderTownships(official, ['丙乡', '甲镇', '乙镇', '丙乡'])).toEqual(['乙镇', '甲镇', '丙乡']);
  });
});
