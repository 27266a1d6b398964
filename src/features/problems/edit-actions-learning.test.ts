import { describe, expect, it } from 'vitest';
import { EMPTY_PROBLEM_EDITS, keyOfStatement } from '../../analysis/problems/edits';
import { makeStatement } from '../../analysis/problems/statements';
import { clearReassignment, reassignStatement, resetLearning } from './edit-actions';

const s = (text: string) =>
  makeStatement({
    township: '小召乡',
    period: '2024-03',
    seq: 1,
    text,
    source: { file: 'a.csv', line: 2 },
    fileCategory: null,
  });

describe('edit actions: confirmations teach the model', () => {
  const a = s('夜间巡查力量薄弱');
  const b = s('部分村居网格员对辖区情况掌握不清');

  it('a reassignment or confirmation stores the statement text as an example; a changed choice moves last', () => {
    let e = reassignStatement(EMPTY_PROBLEM_EDITS, a, 'P08');
    e = reassignStatement(e, b, 'P03');
    e = reassignStatement(e, a, 'P03');
    expect([...e.learnt!.values()]).toEqual([
      { text: b.text, category: 'P03' },
      { text: a.text, category: 'P03' },
    ]);
    expect(e.reassign.get(keyOfStatement(a))).toBe('P03');
  });

  it('undoing a choice forgets its example; a reset forgets all examples and keeps the choices', () => {
    const e = reassignStatement(reassignStatement(EMPTY_PROBLEM_EDITS, a, 'P08'), b, 'P03');
    const cleared = clearReassignment(e, a);
    expect([...cleared.learnt!.keys()]).toEqual([keyOfStatement(b)]);
    const reset = resetLearning(e);
    expect(reset.learnt!.size).toBe(0);
    expect([...reset.reassign]).toEqual([...e.reassign]);
    expect(resetLearning(reset)).toBe(reset);
  });

  it('edits saved before learning keep deriving examples from the reassignments', () => {
    const legacy = { ...EMPTY_PROBLEM_EDITS, learnt: undefined };
    const e = reassignStatement(legacy, a, 'P08');
    expect(e.learnt).toBeUndefined();
    expect(e.reassign.get(keyOfStatement(a))).toBe('P08');
  });
});
