/**
 * Groups P99 ("other") statements that resemble each other, so a new recurring problem the
 * keywords miss is still visible and can become a custom category.
 */
import type { Period } from '../../domain/month';
import { charNgrams, jaccard } from './text';
import type { ProblemStatement } from './types';

export interface UnmatchedCluster {
  /** The most central member (highest mean similarity to the others; earliest on ties). */
  readonly label: ProblemStatement;
  /** Members in input order. */
  readonly members: readonly ProblemStatement[];
  readonly townships: readonly string[];
  readonly periods: readonly Period[];
}

/**
 * Tuned by hand on paraphrases of township problem text: close rewordings of one problem score
 * about 0.45–0.65 on bigram Jaccard, unrelated statements below 0.1. Loose paraphrases (different
 * subject and verb, ≈0.2) are missed: raising recall further started joining unrelated items.
 */
export const UNMATCHED_SIMILARITY_THRESHOLD = 0.3;

/**
 * Single-link clustering of P99 statements by bigram Jaccard of normalised text ≥ `threshold`.
 * Statements of other categories are ignored. Clusters are ordered by size (desc), then first
 * appearance; singletons are included (size 1). O(n²) in the number of P99 statements, which is
 * small in practice. Empty input gives [].
 */
export function groupUnmatched(
  statements: readonly ProblemStatement[],
  threshold = UNMATCHED_SIMILARITY_THRESHOLD,
): UnmatchedCluster[] {
  const items = statements.filter((s) => s.category === 'P99');
  const grams = items.map((s) => charNgrams(s.normalised, 2));
  const parent = items.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const sim: number[][] = items.map(() => []);
  for (let i = 0; i < items.length; i++)
    for (let j = i + 1; j < items.length; j++) {
      const v = jaccard(grams[i]!, grams[j]!);
      sim[i]![j] = v;
      sim[j]![i] = v;
      if (v >= threshold) parent[find(j)] = find(i);
    }
  const groups = new Map<number, number[]>();
  items.forEach((_, i) => {
    const r = find(i);
    groups.set(r, [...(groups.get(r) ?? []), i]);
  });
  const clusters = [...groups.values()].map((idx) => {
    let best = idx[0]!;
    let bestScore = -1;
    for (const i of idx) {
      const score =
        idx.length === 1 ? 0 : idx.reduce((a, j) => a + (i === j ? 0 : sim[i]![j]!), 0) / (idx.length - 1);
      if (score > bestScore) {
        best = i;
        bestScore = score;
      }
    }
    const members = idx.map((i) => items[i]!);
    return {
      first: idx[0]!,
      cluster: {
        label: items[best]!,
        members,
        townships: [...new Set(members.map((m) => m.township))],
        periods: [...new Set(members.map((m) => m.period))].sort(),
      },
    };
  });
  return clusters
    .sort((a, b) => b.cluster.members.length - a.cluster.members.length || a.first - b.first)
    .map((c) => c.cluster);
}
