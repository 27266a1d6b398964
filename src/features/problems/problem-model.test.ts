import { describe, expect, it } from 'vitest';
import { EMPTY_PROBLEM_EDITS } from '../../analysis/problems/edits';
import { hz } from '../../analysis/test-fixtures';
import { isCounted } from '../../analysis/problems/model-decisions';
import { problemsNeedingAttention } from '../../analysis/problems/recurrence';
import { reportedProblemPeriods } from '../../analysis/problems/statements';
import { orderTownships } from '../../analysis/problems/township-order';
import { EMPTY_DATASET, type Dataset } from '../../domain/records';
import { reassignStatement } from './edit-actions';
import { baseStatementsFor, deriveProblemModel, problemAttentionItems, statementsFor } from './problem-model';
import { ENTERPRISE, problemsDataset } from './test-data';

const ALL = { from: null, to: null, townships: [] };

describe('deriveProblemModel', () => {
  const ds = problemsDataset();

  it('defaults the window to the months with statements and ranks chronic problems', () => {
    const m = deriveProblemModel(ds, EMPTY_PROBLEM_EDITS, ALL);
    expect([m.from, m.to]).toEqual(['2022-01', '2022-04']);
    expect(m.townships).toEqual(['城关镇', '小召乡', '杏林乡']);
    // 城关镇 did not report problems in 2022-03: the streak pauses (gap) instead of breaking.
    expect(m.chronic.map((c) => [c.township, c.category, c.currentStreak, c.currentStreakHasGap])).toEqual([
      ['小召乡', 'P01', 4, false],
      ['城关镇', 'P06', 3, true],
    ]);
  });

  it.each([
    ['one township', { from: null, to: null, townships: ['城关镇'] }, ['城关镇'], [['城关镇', 'P06']]],
    [
      'a window that cuts the streak',
      { from: '2022-03', to: '2022-04', townships: [] },
      ['城关镇', '小召乡', '杏林乡'],
      [],
    ],
    ['a township with no statements', { from: null, to: null, townships: ['无此乡'] }, [], []],
  ] as const)('respects the filters: %s', (_n, filters, townships, chronic) => {
    const m = deriveProblemModel(ds, EMPTY_PROBLEM_EDITS, filters);
    expect(m.townships).toEqual(townships);
    expect(m.chronic.map((c) => [c.township, c.category])).toEqual(chronic);
    const selected: readonly string[] = filters.townships;
    expect(m.visible.every((s) => selected.length === 0 || selected.includes(s.township))).toBe(true);
  });

  it('keeps copy-paste apart from recurrence, comparing with the previous report even outside the window', () => {
    const m = deriveProblemModel(ds, EMPTY_PROBLEM_EDITS, { from: '2022-02', to: '2022-04', townships: [] });
    const byTownship = new Map(m.copies.map((c) => [c.township, c]));
    // 城关镇 2022-02 pasted 2022-01's paragraph; 2022-04 repeated one of its two statements.
    expect(byTownship.get('城关镇')).toMatchObject({ compared: 3, copied: 2, allCopiedMonths: ['2022-02'] });
    expect(byTownship.get('杏林乡')).toMatchObject({ compared: 0, rate: null });
  });

  it('returns empty lists and a null window without statements', () => {
    const m = deriveProblemModel(EMPTY_DATASET, EMPTY_PROBLEM_EDITS, ALL);
    expect([m.from, m.to, m.visible.length, m.chronic.length, m.clusters.length]).toEqual([
      null,
      null,
      0,
      0,
      0,
    ]);
  });

  it('counts repeat hazards per township inside the window', () => {
    const place = {
      unit_name: '青石村加油站',
      village: null,
      rectified_date: '2022-02-10',
      status: 'rectified' as const,
    };
    const withHazards: Dataset = {
      ...ds,
      hazards: [
        { ...hz('小召乡', '2022-01-15', 'hazchem'), ...place },
        { ...hz('小召乡', '2022-03-02', 'hazchem'), ...place, rectified_date: null, status: 'in_progress' },
      ],
    };
    expect(deriveProblemModel(withHazards, EMPTY_PROBLEM_EDITS, ALL).recurringHazardCount).toEqual(
      new Map([['小召乡', 1]]),
    );
    expect(
      deriveProblemModel(withHazards, EMPTY_PROBLEM_EDITS, { ...ALL, to: '2022-02' }).recurringHazards,
    ).toEqual([]);
  });
});

describe('caching and edits', () => {
  it('classifies once per dataset and once per edits object', () => {
    const ds = problemsDataset();
    expect(baseStatementsFor(ds)).toBe(baseStatementsFor(ds));
    expect(statementsFor(ds, EMPTY_PROBLEM_EDITS)).toBe(statementsFor(ds, EMPTY_PROBLEM_EDITS));
    const s = baseStatementsFor(ds).find((x) => x.text === ENTERPRISE && x.period === '2022-03')!;
    const edits = reassignStatement(EMPTY_PROBLEM_EDITS, s, 'P05');
    expect(statementsFor(ds, edits)).not.toBe(statementsFor(ds, EMPTY_PROBLEM_EDITS));
    // Moving one month out of 小召乡's P01 run breaks the streak: only 2022-04 remains current.
    const m = deriveProblemModel(ds, edits, ALL);
    expect(m.chronic.map((c) => [c.township, c.category])).toEqual([['城关镇', 'P06']]);
  });

  it('gives the overview the 3+ month items with the edits applied', () => {
    const ds = problemsDataset();
    expect(problemAttentionItems(ds, EMPTY_PROBLEM_EDITS, '2022-04')).toEqual([
      { township: '小召乡', category: 'P01', streak: 4 },
      { township: '城关镇', category: 'P06', streak: 3 },
    ]);
    const merged = { ...EMPTY_PROBLEM_EDITS, merges: new Map([['P06', 'P05'] as const]) };
    expect(problemAttentionItems(ds, merged, '2022-04').map((i) => i.category)).toEqual(['P01', 'P05']);
    expect(problemAttentionItems(EMPTY_DATASET, EMPTY_PROBLEM_EDITS, '2022-04')).toEqual([]);
  });

  // Issue 13: the counted statements are kept per list and only the look-back's months are
  // passed on; every month (before, inside, after and long after the data) gives what the whole
  // list gives, on repeated calls too.
  it('gives for every month the items the whole statement list gives', () => {
    const ds = problemsDataset();
    const months = [
      '2021-12',
      '2022-01',
      '2022-02',
      '2022-03',
      '2022-04',
      '2022-05',
      '2022-12',
      '2023-03',
      '2023-04',
    ];
    for (const round of [1, 2])
      for (const month of months) {
        const all = statementsFor(ds, EMPTY_PROBLEM_EDITS).filter(isCounted);
        const whole = problemsNeedingAttention(all, month, {
          reported: reportedProblemPeriods(ds),
          townshipOrder: orderTownships(
            ds.townships,
            all.map((x) => x.township),
          ),
        });
        expect(problemAttentionItems(ds, EMPTY_PROBLEM_EDITS, month), `${round} ${month}`).toEqual(whole);
      }
  });
});
