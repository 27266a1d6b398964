/**
 * Groups P99 ("other") statements that resemble each other, so a new recurring problem the
 * keywords miss is still visible and can become a custom category.
 */
import type { Period } from '../../domain/month';
import { charNgrams } from './text';
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
 * A cluster with more distinct texts than this picks its label among the most frequent ones only
 * (scored against every member, exactly): scoring every text against every other is quadratic.
 */
export const LABEL_CANDIDATES = 64;

/** One distinct normalised text: its bigrams and the statements (input indices) that carry it. */
interface Text {
  readonly grams: Set<string>;
  readonly members: number[];
  /** The bigrams as ids, ascending (filled by joinSimilar), for a fast exact Jaccard. */
  ids: Int32Array;
}

/**
 * Single-link clustering of P99 statements by bigram Jaccard of normalised text ≥ `threshold`.
 * Statements of other categories are ignored. Clusters are ordered by size (desc), then first
 * appearance; singletons are included (size 1). Empty input gives [].
 *
 * Near-linear: identical texts are merged first, and pairs are found with an exact
 * prefix-filtered inverted index (a pair with Jaccard ≥ t shares a bigram among the
 * |A| − ⌈t·|A|⌉ + 1 rarest bigrams of each side), a size filter (t·|A| ≤ |B| ≤ |A|/t) and no
 * check of pairs already in one cluster. Every candidate is verified with the same `jaccard`, so
 * the clusters are exactly those of comparing every pair.
 */
export function groupUnmatched(
  statements: readonly ProblemStatement[],
  threshold = UNMATCHED_SIMILARITY_THRESHOLD,
): UnmatchedCluster[] {
  const items = statements.filter((s) => s.category === 'P99');
  if (items.length === 0) return [];

  // 1. Distinct texts (first appearance order); identical texts are one cluster (Jaccard 1).
  const texts: Text[] = [];
  const textOf = new Map<string, number>();
  items.forEach((s, i) => {
    let t = textOf.get(s.normalised);
    if (t === undefined) {
      t = texts.length;
      textOf.set(s.normalised, t);
      texts.push({ grams: charNgrams(s.normalised, 2), members: [], ids: new Int32Array(0) });
    }
    texts[t]!.members.push(i);
  });

  const parent = Int32Array.from(texts, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const union = (a: number, b: number): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };

  // 2. Candidate pairs through the prefix index; texts without bigrams only match each other
  //    (jaccard(∅, ∅) = 1), and there is at most one such text after step 1.
  joinSimilar(texts, threshold, union, find);

  // 3. Clusters of texts → clusters of statements, members in input order.
  const byRoot = new Map<number, number[]>();
  for (let t = 0; t < texts.length; t++) {
    const r = find(t);
    const list = byRoot.get(r);
    if (list) list.push(t);
    else byRoot.set(r, [t]);
  }
  const clusters = [...byRoot.values()].map((textIds) => {
    const memberIdx = textIds.flatMap((t) => texts[t]!.members).sort((a, b) => a - b);
    const members = memberIdx.map((i) => items[i]!);
    const labelText = centralText(textIds, texts, memberIdx.length);
    const label = items[texts[labelText]!.members[0]!]!;
    return {
      first: memberIdx[0]!,
      cluster: {
        label,
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

/** Unites every pair of texts with Jaccard ≥ threshold (exact; see groupUnmatched). */
function joinSimilar(
  texts: Text[],
  threshold: number,
  union: (a: number, b: number) => void,
  find: (i: number) => number,
): void {
  // Bigram → id, and global frequency (in distinct texts) to order each set rarest first.
  const gramId = new Map<string, number>();
  const freq: number[] = [];
  const tokens = texts.map((t) => {
    const ids: number[] = [];
    for (const g of t.grams) {
      let id = gramId.get(g);
      if (id === undefined) {
        id = freq.length;
        gramId.set(g, id);
        freq.push(0);
      }
      freq[id]!++;
      ids.push(id);
    }
    return ids;
  });
  tokens.forEach((ids, i) => {
    texts[i]!.ids = Int32Array.from(ids).sort();
    ids.sort((a, b) => freq[a]! - freq[b]! || a - b);
  });
  // The epsilon makes the prefix one longer when t·|A| is an integer up to rounding: longer is
  // safe (more candidates), shorter would miss pairs.
  const prefixLength = (size: number) => size - Math.ceil(threshold * size - 1e-9) + 1;

  const postings: number[][] = freq.map(() => []);
  // A list whose entries are all in one cluster (`uniform`, with `rep` one of them) is skipped
  // when the probing text is already in that cluster: no pair in it can change anything.
  // Clusters only merge, so a uniform list stays uniform while entries of its cluster are added.
  const uniform = new Uint8Array(freq.length);
  const rep = new Int32Array(freq.length).fill(-1);
  const sizes = Int32Array.from(tokens, (t) => t.length);
  const seen = new Int32Array(texts.length).fill(-1);
  // Smallest sets first, so each pair is found when its larger side is probed.
  const order = texts.map((_, i) => i).sort((a, b) => sizes[a]! - sizes[b]! || a - b);
  for (const x of order) {
    const ids = tokens[x]!;
    const size = ids.length;
    if (size === 0) continue; // only the empty text: matches nothing else
    const minSize = threshold * size - 1e-9;
    const p = Math.min(size, prefixLength(size));
    for (let k = 0; k < p; k++) {
      const g = ids[k]!;
      const list = postings[g]!;
      if (list.length === 0 || (uniform[g] === 1 && find(rep[g]!) === find(x))) continue;
      let root = -1;
      let mixed = false;
      for (let j = 0; j < list.length; j++) {
        const y = list[j]!;
        const ry = find(y);
        if (root === -1) root = ry;
        else if (ry !== root) mixed = true;
        if (seen[y] === x) continue;
        seen[y] = x;
        if (sizes[y]! < minSize) continue; // size filter (|y| ≤ |x|: processed earlier)
        if (ry === find(x)) continue; // already connected: the pair changes nothing
        if (idJaccard(texts[x]!.ids, texts[y]!.ids) >= threshold) union(x, y);
      }
      uniform[g] = mixed ? 0 : 1;
      rep[g] = list[0]!;
    }
    for (let k = 0; k < p; k++) {
      const g = ids[k]!;
      const list = postings[g]!;
      if (list.length === 0) {
        uniform[g] = 1;
        rep[g] = x;
      } else if (uniform[g] === 1 && find(rep[g]!) !== find(x)) uniform[g] = 0;
      list.push(x);
    }
  }
}

/**
 * `jaccard` (text.ts) over ascending id arrays: the same counts, so the same value to the last
 * bit, without hashing strings. Two empty sets give 1.
 */
function idJaccard(a: Int32Array, b: Int32Array): number {
  if (a.length === 0 && b.length === 0) return 1;
  let i = 0;
  let j = 0;
  let inter = 0;
  while (i < a.length && j < b.length) {
    const d = a[i]! - b[j]!;
    if (d === 0) {
      inter++;
      i++;
      j++;
    } else if (d < 0) i++;
    else j++;
  }
  return inter / (a.length + b.length - inter);
}

/**
 * The text with the highest mean similarity to the cluster's other statements (a text shared by
 * several statements counts once per statement); the earliest on ties. Large clusters choose
 * among their LABEL_CANDIDATES most frequent texts.
 */
function centralText(textIds: readonly number[], texts: readonly Text[], n: number): number {
  if (textIds.length === 1 || n === 1) return textIds[0]!;
  const firstOf = (t: number) => texts[t]!.members[0]!;
  let candidates = [...textIds];
  if (candidates.length > LABEL_CANDIDATES)
    candidates = candidates
      .sort((a, b) => texts[b]!.members.length - texts[a]!.members.length || firstOf(a) - firstOf(b))
      .slice(0, LABEL_CANDIDATES);
  let best = -1;
  let bestScore = -1;
  for (const c of candidates) {
    let sum = 0;
    for (const t of textIds) {
      const mult = texts[t]!.members.length;
      // A statement is not compared with itself; its identical twins count with similarity 1.
      sum += t === c ? mult - 1 : mult * idJaccard(texts[c]!.ids, texts[t]!.ids);
    }
    const score = sum / (n - 1);
    if (score > bestScore + 1e-12 || (Math.abs(score - bestScore) <= 1e-12 && firstOf(c) < firstOf(best))) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}
