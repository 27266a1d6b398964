/**
 * Rule classifier for problem statements (docs/domain.md#problem-categories). Algorithm:
 * 1. Find every occurrence of every keyword of every category, plus the context phrases
 *    (意识淡薄, 投入不足…) whose category is decided by the nearest subject word in the same sentence.
 * 2. Drop a hit that lies strictly inside a longer hit (违章操作 → P05 hides 违章 → P09): the more
 *    specific phrase decides.
 * 3. Score each category: the sum of the weights of its distinct matched terms (a term repeated
 *    twice counts once); hits in the headline (first sentence of a multi-sentence statement) are
 *    multiplied by `headlineBoost`, because reports state the problem first and explain after.
 *    P12 gets `sectorPairBonus` when a risk word co-occurs with a sector keyword.
 * 4. The best score wins; equal scores follow `tieBreak`. A best score below `minScore` → P99.
 *    Other categories scoring at least `minScore` become secondary categories.
 * 5. confidence = best / Σscores × min(1, best / 3): low when categories compete or evidence is thin.
 *
 * Speed (README.md in this folder, "Speed"): the rules are compiled once per `ProblemRules` object
 * (WeakMap; rules are immutable data) into an index from a term's first UTF-16 unit to the terms,
 * so one pass over the text finds every hit instead of one `indexOf` pass per keyword. Results are
 * identical to the first implementation, kept in classify-reference.ts and compared on the whole
 * corpus by classify-equivalence.test.ts.
 */
import { SECTORS } from '../../domain/sectors';
import { DEFAULT_PROBLEM_RULES, keywordWeight, type ContextRule, type ProblemRules } from './category-rules';
import type { CategoryCode, KeywordMatch } from './types';

/** The classifier's decision for one text. */
export interface Classification {
  readonly category: CategoryCode;
  readonly secondary_categories: readonly CategoryCode[];
  readonly keywords_matched: readonly string[];
  /** All surviving hits (every category), ordered by position. */
  readonly matches: readonly KeywordMatch[];
  readonly confidence: number;
  /** Score per category that had any hit. */
  readonly scores: ReadonlyMap<CategoryCode, number>;
}

const SENTENCE_BOUNDARY = /[。；;！!？?\n]/u;
/** Any character that makes text after the first boundary a second sentence (global: lastIndex). */
const NOT_BLANK_OR_BOUNDARY = /[^\s。；;！!？?]/gu;

/** Start and end of the sentence around position `at`. */
function sentenceBounds(text: string, at: number): [number, number] {
  let s = at;
  while (s > 0 && !SENTENCE_BOUNDARY.test(text[s - 1]!)) s--;
  let e = at;
  while (e < text.length && !SENTENCE_BOUNDARY.test(text[e]!)) e++;
  return [s, e];
}

/** Decides a context phrase's category from the nearest subject word (before, then after). */
function contextCategory(text: string, rule: ContextRule, start: number, end: number): CategoryCode {
  const [s, e] = sentenceBounds(text, start);
  let best: { pos: number; category: CategoryCode } | null = null;
  for (const group of rule.subjects)
    for (const word of group.words) {
      const i = text.lastIndexOf(word, start - word.length);
      if (i >= s && i + word.length <= start && (best === null || i + word.length > best.pos))
        best = { pos: i + word.length, category: group.category };
    }
  if (best) return best.category;
  let after: { pos: number; category: CategoryCode } | null = null;
  for (const group of rule.subjects)
    for (const word of group.words) {
      const i = text.indexOf(word, end);
      if (i >= 0 && i + word.length <= e && (after === null || i < after.pos))
        after = { pos: i, category: group.category };
    }
  return after ? after.category : rule.fallback;
}

/** Orders categories by score (desc), then tie-break order, then code. */
function byScore(compiledRules: CompiledRules, scores: ReadonlyMap<CategoryCode, number>) {
  const { tieRank, tieLast } = compiledRules;
  return (a: CategoryCode, b: CategoryCode): number =>
    (scores.get(b) ?? 0) - (scores.get(a) ?? 0) ||
    (tieRank.get(a) ?? tieLast) - (tieRank.get(b) ?? tieLast) ||
    (a < b ? -1 : a > b ? 1 : 0);
}

/** One rule entry that searches for a term. */
interface CompiledEntry {
  /**
   * Position in the first implementation's search order (every category's keywords in order,
   * then every context rule's terms): equal hits keep that order, so results stay identical.
   */
  readonly order: number;
  /** A keyword's category, or null for a context phrase (decided by its subject). */
  readonly category: CategoryCode | null;
  readonly context: ContextRule | null;
  readonly weight: number;
}

/** A distinct search term and every entry using it (a word may be a keyword of two categories). */
interface CompiledTerm {
  readonly id: number;
  readonly term: string;
  readonly entries: CompiledEntry[];
}

interface CompiledRules {
  /** First UTF-16 code unit of a term → the terms starting with it. */
  readonly byFirstUnit: Map<number, CompiledTerm[]>;
  readonly tieRank: Map<CategoryCode, number>;
  /** Rank of a code not in the tie-break list (after all listed ones). */
  readonly tieLast: number;
  /**
   * End of a term's last accepted hit in the current call, valid when `lastCall[id] === call`
   * (occurrences of one term never overlap, as with repeated `indexOf`). Stamps avoid clearing.
   */
  readonly lastEnd: Int32Array;
  readonly lastCall: Uint32Array;
  call: number;
}

const compiledCache = new WeakMap<ProblemRules, CompiledRules>();

function compileRules(rules: ProblemRules): CompiledRules {
  const terms = new Map<string, CompiledTerm>();
  let order = 0;
  const add = (term: string, entry: Omit<CompiledEntry, 'order'>): void => {
    const o = order++;
    // An empty term never matches (the first implementation's indexOf loop skipped it).
    if (term === '') return;
    let t = terms.get(term);
    if (!t) terms.set(term, (t = { id: terms.size, term, entries: [] }));
    t.entries.push({ ...entry, order: o });
  };
  for (const cat of rules.categories)
    for (const k of cat.keywords)
      add(k.term, { category: cat.code, context: null, weight: k.weight ?? keywordWeight(k.term) });
  for (const rule of rules.context)
    for (const term of rule.terms) add(term, { category: null, context: rule, weight: rule.weight });
  const byFirstUnit = new Map<number, CompiledTerm[]>();
  for (const t of terms.values()) {
    const unit = t.term.charCodeAt(0);
    const list = byFirstUnit.get(unit);
    if (list) list.push(t);
    else byFirstUnit.set(unit, [t]);
  }
  const tieRank = new Map<CategoryCode, number>();
  // The first listed position wins, as with indexOf.
  rules.tieBreak.forEach((code, i) => {
    if (!tieRank.has(code)) tieRank.set(code, i);
  });
  return {
    byFirstUnit,
    tieRank,
    tieLast: rules.tieBreak.length,
    lastEnd: new Int32Array(terms.size),
    lastCall: new Uint32Array(terms.size),
    call: 0,
  };
}

function compiledFor(rules: ProblemRules): CompiledRules {
  let c = compiledCache.get(rules);
  if (!c) compiledCache.set(rules, (c = compileRules(rules)));
  return c;
}

/**
 * Finds keyword hits in a text (steps 1–2 above), ordered by position. Empty text gives [].
 * Weights here are before the headline boost.
 */
export function findKeywordMatches(
  text: string,
  rules: ProblemRules = DEFAULT_PROBLEM_RULES,
): KeywordMatch[] {
  const c = compiledFor(rules);
  c.call = (c.call + 1) >>> 0;
  if (c.call === 0) {
    c.lastCall.fill(0);
    c.call = 1;
  }
  const found: { match: KeywordMatch; order: number }[] = [];
  for (let i = 0; i < text.length; i++) {
    const candidates = c.byFirstUnit.get(text.charCodeAt(i));
    if (candidates === undefined) continue;
    for (const t of candidates) {
      if (c.lastCall[t.id] === c.call && i < c.lastEnd[t.id]!) continue;
      if (!text.startsWith(t.term, i)) continue;
      const end = i + t.term.length;
      c.lastCall[t.id] = c.call;
      c.lastEnd[t.id] = end;
      for (const e of t.entries)
        found.push({
          match: {
            term: t.term,
            category: e.context ? contextCategory(text, e.context, i, end) : e.category!,
            start: i,
            end,
            weight: e.weight,
          },
          order: e.order,
        });
    }
  }
  // Longest first, then by position, then in search order (see CompiledEntry.order).
  found.sort(
    (a, b) =>
      b.match.end - b.match.start - (a.match.end - a.match.start) ||
      a.match.start - b.match.start ||
      a.order - b.order,
  );
  const raw = found.map((f) => f.match);
  // Longest first, so a hit is compared only against longer (or equal) kept hits.
  const kept: KeywordMatch[] = [];
  for (const m of raw) {
    const len = m.end - m.start;
    const hidden = kept.some(
      (k) =>
        k.start <= m.start &&
        m.end <= k.end &&
        (k.end - k.start > len || (k.category === m.category && k.start === m.start && k.end === m.end)),
    );
    if (!hidden) kept.push(m);
  }
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * Classifies one statement with the given rules. Empty or unmatched text → P99 with confidence 0,
 * no secondary categories and no keywords. Deterministic: same text and rules, same result.
 * @example classifyStatement('个别企业负责人安全意识淡薄').category === 'P01'
 */
export function classifyStatement(text: string, rules: ProblemRules = DEFAULT_PROBLEM_RULES): Classification {
  const matches = findKeywordMatches(text, rules);
  const firstBoundary = text.search(SENTENCE_BOUNDARY);
  // Only a statement with more than one sentence has a headline worth boosting.
  let headlineEnd = -1;
  if (firstBoundary >= 0) {
    NOT_BLANK_OR_BOUNDARY.lastIndex = firstBoundary + 1;
    if (NOT_BLANK_OR_BOUNDARY.test(text)) headlineEnd = firstBoundary;
  }
  const termWeights = new Map<CategoryCode, Map<string, number>>();
  for (const m of matches) {
    const w = m.weight * (m.start < headlineEnd ? rules.headlineBoost : 1);
    const perTerm = termWeights.get(m.category) ?? new Map<string, number>();
    perTerm.set(m.term, Math.max(perTerm.get(m.term) ?? 0, w));
    termWeights.set(m.category, perTerm);
  }
  const scores = new Map<CategoryCode, number>();
  for (const [code, perTerm] of termWeights) {
    let sum = 0;
    for (const w of perTerm.values()) sum += w;
    scores.set(code, sum);
  }
  const p12 = scores.get('P12');
  if (p12 !== undefined && SECTORS.some((sec) => sec.keywords.some((k) => text.includes(k))))
    scores.set('P12', p12 + rules.sectorPairBonus);

  const ranked = [...scores.keys()].sort(byScore(compiledFor(rules), scores));
  const top = ranked[0];
  const best = top === undefined ? 0 : (scores.get(top) ?? 0);
  if (top === undefined || best < rules.minScore)
    return {
      category: 'P99',
      secondary_categories: [],
      keywords_matched: [],
      matches,
      confidence: 0,
      scores,
    };
  let total = 0;
  for (const v of scores.values()) total += v;
  const confidence = Math.round((best / total) * Math.min(1, best / 3) * 100) / 100;
  const keywords = [...new Set(matches.filter((m) => m.category === top).map((m) => m.term))];
  const secondary = ranked.slice(1).filter((c) => (scores.get(c) ?? 0) >= rules.minScore);
  return {
    category: top,
    secondary_categories: secondary,
    keywords_matched: keywords,
    matches,
    confidence,
    scores,
  };
}
