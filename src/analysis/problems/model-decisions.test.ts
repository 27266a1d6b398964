import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROBLEM_RULES } from './category-rules';
import { createClassifierSession } from './classifier-session';
import { applyEdits, EMPTY_PROBLEM_EDITS, keyOfStatement, type ProblemEdits } from './edits';
import {
  CONFIDENT_MIN,
  confirmationQueue,
  confirmChoices,
  decideTexts,
  isCounted,
  learntExamples,
  needsConfirmation,
  unconfirmedUpTo,
  withModelDecisions,
  type ModelDecision,
} from './model-decisions';
import { parseProblemModelAsset, ProblemModel, type ProblemModelAsset } from './problem-model';
import { chronicProblems } from './recurrence';
import { stmt } from './test-helpers';
import type { CategoryCode } from './types';

const asset = (() => {
  const parsed = parseProblemModelAsset(
    JSON.parse(readFileSync('public/models/problem-classifier.json', 'utf8')) as unknown,
  );
  if (!parsed.ok) throw new Error(parsed.error.join('; '));
  return parsed.value;
})() as ProblemModelAsset;

const decision = (
  category: CategoryCode,
  confidence: number,
  second: CategoryCode = 'P99',
): ModelDecision => ({
  category,
  confidence,
  top: [
    { category, probability: confidence },
    { category: second, probability: (1 - confidence) * 0.8 },
    { category: 'P12', probability: (1 - confidence) * 0.2 },
  ],
});

describe('withModelDecisions and the 待确认 queue', () => {
  const a = stmt('小召乡', '2024-03', '夜间巡查力量薄弱');
  const b = stmt('小召乡', '2024-04', '部分村居网格员对辖区情况掌握不清');
  const c = stmt('城关镇', '2024-04', '企业主体责任落实不到位');
  const fromFile = stmt('城关镇', '2024-04', '夜间巡查力量薄弱', 2, 'P03');
  const decisions = new Map([
    [a.text, decision('P08', 0.4, 'P03')],
    [b.text, decision('P03', 0.45, 'P08')],
    [c.text, decision('P01', 0.99)],
  ]);
  const modelled = withModelDecisions([a, b, c, fromFile], decisions);

  it('gives rule statements the model decision, confidence and top three; leaves file categories', () => {
    expect(modelled.map((s) => [s.category, s.classified_by, s.confidence])).toEqual([
      ['P08', 'model', 0.4],
      ['P03', 'model', 0.45],
      ['P01', 'model', 0.99],
      ['P03', 'file', 1],
    ]);
    expect(modelled[0]!.alternatives?.map((x) => x.category)).toEqual(['P08', 'P03', 'P12']);
    expect(modelled[3]!.alternatives).toBeUndefined();
  });

  it('queues the statements below the threshold, least certain first, with the top two to confirm', () => {
    const queue = confirmationQueue(modelled);
    expect(queue.map((s) => s.text)).toEqual([a.text, b.text]);
    expect(confirmChoices(queue[0]!)).toEqual(['P08', 'P03']);
    expect(needsConfirmation({ classified_by: 'model', confidence: CONFIDENT_MIN })).toBe(false);
    expect(needsConfirmation({ classified_by: 'model', confidence: CONFIDENT_MIN - 0.01 })).toBe(true);
    // Without the model (rule decisions, provisional) nothing is queued: the UI says it is loading.
    expect(confirmationQueue([a, b, c])).toEqual([]);
  });

  it('a confirmed (manual) statement leaves the queue and keeps the chosen category', () => {
    const edits: ProblemEdits = { ...EMPTY_PROBLEM_EDITS, reassign: new Map([[keyOfStatement(a), 'P03']]) };
    const applied = applyEdits(modelled, edits);
    expect(applied[0]).toMatchObject({ category: 'P03', classified_by: 'manual', confidence: 1 });
    expect(confirmationQueue(applied).map((s) => s.text)).toEqual([b.text]);
    // The model's own decisions are kept by applyEdits (not re-decided by the rules).
    expect(applied[2]).toMatchObject({ category: 'P01', classified_by: 'model' });
  });

  it('counts only confirmed or confident statements as recurring, and says how many wait', () => {
    const months = ['2024-01', '2024-02', '2024-03'] as const;
    const statements = withModelDecisions(
      months.map((p) => stmt('小召乡', p, `${p}夜间巡查力量薄弱`)),
      new Map(months.map((p, i) => [`${p}夜间巡查力量薄弱`, decision('P08', i === 1 ? 0.4 : 0.9)])),
    );
    const opts = { from: '2024-01', to: '2024-03' };
    expect(chronicProblems(statements, opts).map((c) => c.currentStreak)).toEqual([3]);
    // The unsure February statement does not count: no 3-month streak without a confirmation.
    expect(chronicProblems(statements.filter(isCounted), opts)).toEqual([]);
    expect(unconfirmedUpTo(statements, '2024-03')).toBe(1);
    expect(unconfirmedUpTo(statements, '2024-01')).toBe(0);
    expect(unconfirmedUpTo(statements, '2024-03', 12, new Set(['城关镇']))).toBe(0);
  });
});

describe('learning from the office', () => {
  it('old edits without `learnt` learn from every reassignment whose statement is in the data', () => {
    const s = stmt('小召乡', '2024-03', '夜间巡查力量薄弱');
    const legacy: ProblemEdits = {
      ...EMPTY_PROBLEM_EDITS,
      learnt: undefined,
      reassign: new Map([
        [keyOfStatement(s), 'P03'],
        ['gone\u001f2020-01\u001fdeadbeef', 'P01'],
      ]),
    };
    expect(learntExamples(legacy, [s])).toEqual([{ text: s.text, category: 'P03' }]);
    // After a reset (explicit empty map) nothing is learnt, though the reassignment stays.
    expect(learntExamples({ ...legacy, learnt: new Map() }, [s])).toEqual([]);
  });

  it('after five corrections of a new phrasing, similar unseen statements follow', () => {
    const taught = [
      '夜间巡查力量薄弱',
      '节假日值守巡查人手不够',
      '周末巡查力量不足',
      '夜间巡逻人员偏少',
      '凌晨时段巡查覆盖不到',
    ];
    const unseen = ['夜间巡查人手薄弱', '节假日巡逻力量不足'];
    const session = createClassifierSession(asset);
    const rules = DEFAULT_PROBLEM_RULES;
    const before = new Map(session.run({ rules, learnt: [], texts: unseen }).decisions);
    expect(unseen.every((t) => before.get(t)!.category !== 'P03')).toBe(true);
    const learnt = taught.map((text) => ({ text, category: 'P03' as CategoryCode }));
    const after = new Map(session.run({ rules, learnt, texts: unseen }).decisions);
    expect(unseen.map((t) => after.get(t)!.category)).toEqual(['P03', 'P03']);
    // Incremental learning in the session equals a model rebuilt with the same examples.
    const rebuilt = decideTexts(ProblemModel.fromAsset(asset, learnt), unseen);
    expect([...after]).toEqual([...rebuilt]);
    // A reset (no examples) returns to the shipped decisions.
    expect(new Map(session.run({ rules, learnt: [], texts: unseen }).decisions)).toEqual(before);
  });

  it('never overrides a manual choice, whatever the model learns', () => {
    const s = stmt('小召乡', '2024-03', '夜间巡查力量薄弱');
    const session = createClassifierSession(asset);
    const learnt = Array.from({ length: 5 }, () => ({ text: s.text, category: 'P08' as CategoryCode }));
    const decisions = new Map(
      session.run({ rules: DEFAULT_PROBLEM_RULES, learnt, texts: [s.text] }).decisions,
    );
    expect(decisions.get(s.text)!.category).toBe('P08');
    const edits: ProblemEdits = { ...EMPTY_PROBLEM_EDITS, reassign: new Map([[keyOfStatement(s), 'P03']]) };
    expect(applyEdits(withModelDecisions([s], decisions), edits)[0]).toMatchObject({
      category: 'P03',
      classified_by: 'manual',
    });
  });
});
