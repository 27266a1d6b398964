import { describe, expect, it } from 'vitest';
import { EMPTY_PROBLEM_EDITS, parseEdits, serialiseEdits, type ProblemEdits } from './edits';

const withLearnt: ProblemEdits = {
  ...EMPTY_PROBLEM_EDITS,
  reassign: new Map([['小召乡\u001f2024-03\u001fabc', 'P03']]),
  learnt: new Map([['小召乡\u001f2024-03\u001fabc', { text: '夜间巡查力量薄弱', category: 'P03' }]]),
};

describe('edits: the learnt examples', () => {
  it('round-trip through serialiseEdits / parseEdits', () => {
    const parsed = parseEdits(serialiseEdits(withLearnt));
    expect(parsed.ok && [...parsed.value.learnt!]).toEqual([...withLearnt.learnt!]);
    // An explicit empty map (after a reset) stays empty, not "derive from reassignments".
    const reset = parseEdits(serialiseEdits({ ...withLearnt, learnt: new Map() }));
    expect(reset.ok && reset.value.learnt?.size).toBe(0);
  });

  it('edits saved before learning existed still parse, without `learnt`', () => {
    const old =
      '{"version":1,"reassign":[["k","P01"]],"renames":[],"extraKeywords":[],"merges":[],"custom":[]}';
    const parsed = parseEdits(old);
    expect(parsed.ok).toBe(true);
    expect(parsed.ok && parsed.value.learnt).toBeUndefined();
    expect(parsed.ok && [...parsed.value.reassign]).toEqual([['k', 'P01']]);
  });

  it('refuses malformed examples, naming the path', () => {
    const bad = JSON.stringify({ version: 1, learnt: [['k', '', 'P01'], ['k2', 'text', 'P77'], 'x'] });
    const parsed = parseEdits(bad);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toEqual([
      '$.learnt[0][1]: expected a statement text of 1–2000 characters',
      '$.learnt[1][2]: unknown category P77',
      '$.learnt[2][0]: expected a statement key',
    ]);
  });
});
