/**
 * The rule classifier exactly as first written (classify.ts before its compiled matcher, see
 * "Speed" in this folder's README.md): every keyword searched with `indexOf`, one pass per term.
 * Kept as the executable specification: classify-equivalence.test.ts asserts the fast path gives
 * identical results on the whole corpus, and `npm run bench -- --classifier` reports the speed-up
 * against it in the same run. Not used by the app.
 */
import { sectorsInText } from '../../domain/sectors';
import { DEFAULT_PROBLEM_RULES, keywordWeight, type ContextRule, type ProblemRules } from './category-rules';
import type { Classification } from './classify';
import { extractFeatures } from './model-features';
import {
  SECONDARY_MIN_PROBABILITY,
  type ModelStatementClassification,
  type ProblemModel,
} from './problem-model';
import type { CategoryCode, KeywordMatch } from './types';

const SENTENCE_BOUNDARY = /[。；;！!？?\n]/u;

function allIndexes(text: string, term: string): number[] {
  const out: number[] = [];
  if (term === '') return out;
  for (let i = text.indexOf(term); i >= 0; i = text.indexOf(term, i + term.length)) out.push(i);
  return out;
}

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

/** Rank of a code in the tie-break order (lower wins); unlisted codes rank after all listed ones. */
function tieRank(rules: ProblemRules, code: CategoryCode): number {
  const i = rules.tieBreak.indexOf(code);
  return i < 0 ? rules.tieBreak.length : i;
}

/** Orders categories by score (desc), then tie-break order, then code. */
function byScore(rules: ProblemRules, scores: ReadonlyMap<CategoryCode, number>) {
  return (a: CategoryCode, b: CategoryCode): number =>
    (scores.get(b) ?? 0) - (scores.get(a) ?? 0) ||
    tieRank(rules, a) - tieRank(rules, b) ||
    (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * Finds keyword hits in a text (classify.ts header, steps 1–2), ordered by position. Empty text gives [].
 * Weights here are before the headline boost.
 */
export function findKeywordMatchesReference(
  text: string,
  rules: ProblemRules = DEFAULT_PROBLEM_RULES,
): KeywordMatch[] {
  const raw: KeywordMatch[] = [];
  for (const cat of rules.categories)
    for (const k of cat.keywords)
      for (const i of allIndexes(text, k.term))
        raw.push({
          term: k.term,
          category: cat.code,
          start: i,
          end: i + k.term.length,
          weight: k.weight ?? keywordWeight(k.term),
        });
  for (const rule of rules.context)
    for (const term of rule.terms)
      for (const i of allIndexes(text, term))
        raw.push({
          term,
          category: contextCategory(text, rule, i, i + term.length),
          start: i,
          end: i + term.length,
          weight: rule.weight,
        });
  // Longest first, so a hit is compared only against longer (or equal) kept hits.
  raw.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
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
export function classifyStatementReference(
  text: string,
  rules: ProblemRules = DEFAULT_PROBLEM_RULES,
): Classification {
  const matches = findKeywordMatchesReference(text, rules);
  const firstBoundary = text.search(SENTENCE_BOUNDARY);
  // Only a statement with more than one sentence has a headline worth boosting.
  const headlineEnd =
    firstBoundary >= 0 && text.slice(firstBoundary + 1).replace(/[\s。；;！!？?]/gu, '') !== ''
      ? firstBoundary
      : -1;
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
  if (p12 !== undefined && sectorsInText(text).length > 0) scores.set('P12', p12 + rules.sectorPairBonus);

  const ranked = [...scores.keys()].sort(byScore(rules, scores));
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

/**
 * `classifyWithModel` as first written: the reference rules above, the string features of
 * extractFeatures and the Map-based `scoreFeatures`. Same shape as classifyWithModel's result.
 */
export function classifyWithModelReference(model: ProblemModel, text: string): ModelStatementClassification {
  const rule = classifyStatementReference(text, model.ruleSet);
  const features = extractFeatures(text, model.asset.options, model.ruleSet, rule);
  const d = model.decide(model.probabilities(model.scoreFeatures(features)));
  return {
    category: d.category,
    confidence: d.confidence,
    top: d.top,
    secondary_categories: d.top
      .slice(1)
      .filter((t) => t.probability >= SECONDARY_MIN_PROBABILITY)
      .map((t) => t.category),
    keywords_matched: [...new Set(rule.matches.filter((m) => m.category === d.category).map((m) => m.term))],
    matches: rule.matches,
    scores: new Map(d.top.map((t) => [t.category, t.probability])),
    classifiedBy: 'model',
  };
}
