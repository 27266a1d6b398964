import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupUnmatched, UNMATCHED_SIMILARITY_THRESHOLD } from './group-unmatched';
import { charNgrams, jaccard } from './text';
import { stmt } from './test-helpers';
import type { ProblemStatement } from './types';

/** The previous implementation: every pair compared (the reference the indexed join must match). */
function everyPair(statements: readonly ProblemStatement[], threshold = UNMATCHED_SIMILARITY_THRESHOLD) {
  const items = statements.filter((s) => s.category === 'P99');
  const grams = items.map((s) => charNgrams(s.normalised, 2));
  const parent = items.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  for (let i = 0; i < items.length; i++)
    for (let j = i + 1; j < items.length; j++)
      if (jaccard(grams[i]!, grams[j]!) >= threshold) parent[find(j)] = find(i);
  const groups = new Map<number, string[]>();
  items.forEach((s, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), s.id]));
  return [...groups.values()].map((g) => g.join('|')).sort();
}

const clusterIds = (s: readonly ProblemStatement[]) =>
  groupUnmatched(s)
    .map((c) => c.members.map((m) => m.id).join('|'))
    .sort();

// Short texts from a small alphabet, so random statements often share bigrams and cross the
// threshold at every size (including one-character and empty-after-normalisation texts).
const text = fc
  .array(fc.constantFrom('疫', '情', '防', '控', '任', '务', '重', '精', '力', '分', '散', '，', ' '), {
    maxLength: 12,
  })
  .map((cs) => cs.join(''));

describe('groupUnmatched (indexed join)', () => {
  it('gives exactly the clusters of comparing every pair', () => {
    fc.assert(
      fc.property(fc.array(text, { maxLength: 40 }), (texts) => {
        const s = texts.map((x, i) => stmt(`镇${i % 5}`, `2022-0${(i % 9) + 1}`, x || '。', i + 1, 'P99'));
        expect(clusterIds(s)).toEqual(everyPair(s));
      }),
      { numRuns: 300, seed: 20240402 },
    );
  });

  it('orders by size then first appearance and labels duplicates by their first statement', () => {
    const s = [
      stmt('甲镇', '2022-01', '信访维稳任务较重', 1, 'P99'),
      stmt('乙镇', '2022-01', '疫情防控任务繁重，精力分散', 1, 'P99'),
      stmt('乙镇', '2022-02', '疫情防控任务繁重，精力分散', 1, 'P99'),
      stmt('丙乡', '2022-02', '疫情防控任务较重，精力有所分散', 1, 'P99'),
    ];
    const c = groupUnmatched(s);
    expect(c.map((x) => x.members.length)).toEqual([3, 1]);
    expect(c[0]!.label).toBe(s[1]);
    expect(c[1]!.label).toBe(s[0]);
  });
});
