import { describe, expect, it } from 'vitest';
import { chronicProblems, computeRecurrence, detectCopies, problemsNeedingAttention } from './recurrence';
import { stmt } from './test-helpers';

const P01 = '企业主体责任落实不到位';
const P06 = '安全教育培训覆盖面不广，宣传不够深入';

describe('computeRecurrence streaks', () => {
  const find = (rows: ReturnType<typeof computeRecurrence>, t: string, c: string) =>
    rows.find((r) => r.township === t && r.category === c)!;

  it.each([
    // months in which 小召乡 names P01; other months it reports P06 (so they break the streak)
    ['consecutive to the end', ['2022-01', '2022-02', '2022-03', '2022-04'], 4, 4],
    ['broken by a reported month without it', ['2022-01', '2022-02', '2022-04'], 1, 2],
    ['absent at the window end', ['2022-01', '2022-02', '2022-03'], 0, 3],
  ])('%s', (_name, months, current, longest) => {
    const statements = ['2022-01', '2022-02', '2022-03', '2022-04'].map((p) =>
      stmt('小召乡', p, months.includes(p) ? P01 : P06),
    );
    const r = find(computeRecurrence(statements, { from: '2022-01', to: '2022-04' }), '小召乡', 'P01');
    expect(r.currentStreak).toBe(current);
    expect(r.longestStreak).toBe(longest);
    expect(r.monthsReported).toBe(months.length);
    expect(r.firstSeen).toBe(months[0]);
    expect(r.lastSeen).toBe(months[months.length - 1]);
  });

  it('a month without any report pauses the streak (marked as a gap) instead of breaking it', () => {
    const statements = [
      stmt('小召乡', '2022-01', P01),
      stmt('小召乡', '2022-02', P01),
      stmt('小召乡', '2022-04', P01),
    ];
    const r = find(computeRecurrence(statements, { from: '2022-01', to: '2022-04' }), '小召乡', 'P01');
    expect(r.currentStreak).toBe(3);
    expect(r.currentStreakHasGap).toBe(true);
    expect(r.currentStreakMonths).toEqual(['2022-01', '2022-02', '2022-04']);
  });

  it('uses the reported-periods map: a report with no problems listed breaks the streak', () => {
    const statements = [
      stmt('小召乡', '2022-01', P01),
      stmt('小召乡', '2022-02', P01),
      stmt('小召乡', '2022-04', P01),
    ];
    const reported = new Map([['小召乡', new Set(['2022-01', '2022-02', '2022-03', '2022-04'])]]);
    const r = find(
      computeRecurrence(statements, { from: '2022-01', to: '2022-04', reported }),
      '小召乡',
      'P01',
    );
    expect(r.currentStreak).toBe(1);
    expect(r.longestStreak).toBe(2);
  });

  it('a missing report at the window end keeps the streak that ended before it', () => {
    const statements = ['2022-01', '2022-02', '2022-03'].map((p) => stmt('小召乡', p, P01));
    const r = find(computeRecurrence(statements, { from: '2022-01', to: '2022-05' }), '小召乡', 'P01');
    expect(r.currentStreak).toBe(3);
    expect(r.currentStreakHasGap).toBe(false);
  });

  it('truncates at the window start and ignores months outside the window', () => {
    const statements = ['2021-11', '2021-12', '2022-01', '2022-02', '2022-03'].map((p) =>
      stmt('小召乡', p, P01),
    );
    const r = find(computeRecurrence(statements, { from: '2022-01', to: '2022-02' }), '小召乡', 'P01');
    expect(r).toMatchObject({
      currentStreak: 2,
      longestStreak: 2,
      monthsReported: 2,
      firstSeen: '2022-01',
      lastSeen: '2022-02',
    });
  });

  it('returns [] for empty input or an empty window', () => {
    expect(computeRecurrence([], { from: '2022-01', to: '2022-12' })).toEqual([]);
    expect(computeRecurrence([stmt('小召乡', '2022-03', P01)], { from: '2022-05', to: '2022-04' })).toEqual(
      [],
    );
  });
});

describe('detectCopies', () => {
  it('flags near-identical wording from the previous report and computes a copy rate', () => {
    const statements = [
      stmt('小召乡', '2022-03', '个别企业负责人安全意识淡薄，安全生产投入不足。', 1),
      stmt('小召乡', '2022-03', '宣传覆盖面不广', 2),
      // punctuation and spacing differ only → copied
      stmt('小召乡', '2022-04', '个别企业负责人安全意识淡薄 安全生产投入不足', 1),
      // same category, new wording → not copied
      stmt('小召乡', '2022-04', '部分村安全生产宣传教育形式单一，群众参与度不高', 2),
    ];
    const c = detectCopies(statements);
    expect(c.byStatement.get(statements[2]!.id)).toMatchObject({
      copiedFromPrevious: true,
      previousPeriod: '2022-03',
      similarity: 1,
    });
    expect(c.byStatement.get(statements[3]!.id)!.copiedFromPrevious).toBe(false);
    expect(c.byStatement.get(statements[0]!.id)).toMatchObject({
      copiedFromPrevious: false,
      previousPeriod: null,
    });
    expect(c.rateByTownship.get('小召乡')).toEqual({ compared: 2, copied: 1, rate: 0.5 });
    expect(c.byTownshipMonth.get('小召乡')!.get('2022-04')).toEqual({
      statements: 2,
      copied: 1,
      allCopied: false,
    });
  });

  it('compares with the latest earlier report when a month is missing; rate is null with nothing to compare', () => {
    const statements = [
      stmt('城关镇', '2022-01', P01),
      stmt('城关镇', '2022-03', P01),
      stmt('新村乡', '2022-03', P01),
    ];
    const c = detectCopies(statements);
    expect(c.byStatement.get(statements[1]!.id)).toMatchObject({
      copiedFromPrevious: true,
      previousPeriod: '2022-01',
    });
    expect(c.byTownshipMonth.get('城关镇')!.get('2022-03')!.allCopied).toBe(true);
    expect(c.rateByTownship.get('新村乡')!.rate).toBeNull();
  });

  it('does not flag a rewording below the threshold', () => {
    const a = stmt('城关镇', '2022-01', '部分企业主体责任落实不到位，安全投入不足');
    const b = stmt('城关镇', '2022-02', '企业主体责任仍未压实');
    expect(detectCopies([a, b]).byStatement.get(b.id)!.copiedFromPrevious).toBe(false);
  });
});

describe('chronicProblems and problemsNeedingAttention', () => {
  const months = ['2022-01', '2022-02', '2022-03', '2022-04'];
  const statements = [
    ...months.map((p) => stmt('乙镇', p, P01)),
    ...months.slice(1).map((p) => stmt('甲镇', p, P06)),
    ...months.slice(2).map((p) => stmt('丙乡', p, P01)),
  ];

  it('lists streaks ≥ 3 ranked by streak, then official order, with statements and highlight ranges', () => {
    const list = chronicProblems(statements, {
      from: '2022-01',
      to: '2022-04',
      townshipOrder: ['甲镇', '乙镇', '丙乡'],
    });
    expect(list.map((c) => [c.township, c.category, c.currentStreak])).toEqual([
      ['乙镇', 'P01', 4],
      ['甲镇', 'P06', 3],
    ]);
    expect(list[0]!.statements.map((s) => s.statement.period)).toEqual([
      '2022-04',
      '2022-03',
      '2022-02',
      '2022-01',
    ]);
    const first = list[0]!.statements[0]!;
    expect(first.highlights.length).toBeGreaterThan(0);
    for (const h of first.highlights) expect(first.statement.text.slice(h.start, h.end)).toBe(h.term);
  });

  it('problemsNeedingAttention returns the same townships for the month', () => {
    expect(problemsNeedingAttention(statements, '2022-04')).toEqual([
      { township: '乙镇', category: 'P01', streak: 4 },
      { township: '甲镇', category: 'P06', streak: 3 },
    ]);
    expect(problemsNeedingAttention(statements, '2022-04', { lookbackMonths: 2 })).toEqual([]);
  });
});
