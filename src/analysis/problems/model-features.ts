/**
 * Features for the statistical problem classifier (problem-model.ts): character 1–3-grams of the
 * normalised statement plus the rule classifier's keyword hits as extra tokens. Pure; deterministic.
 *
 * Why character n-grams: Chinese has no word boundaries and clerks vary the wording around a few
 * two- and three-character stems (落实、整改、台账、演练…); n-grams pick those up without a
 * segmenter. Binary features (each distinct n-gram once) because a repeated word is the clerk's
 * style, not more evidence.
 */
import { DEFAULT_PROBLEM_RULES, type ProblemRules } from './category-rules';
import { classifyStatement, type Classification } from './classify';

const LEADING_ENUM_RE =
  /^\s*(?:[（(]\s*(?:[一二三四五六七八九十]{1,3}|[0-9０-９]{1,2})\s*[)）]|[一二三四五六七八九十]{1,3}(?:是|、)|[0-9０-９]{1,2}[、.．]|[①-⑳])\s*/u;
// Punctuation, symbols, whitespace and digits carry no category: "2名" and "3名" are the same
// problem. Letters are kept (lower-cased) because some clerks write abbreviations.
const STRIP_RE = /[\p{P}\p{S}\s\p{Nd}]+/gu;

/** Prefix of rule-derived tokens; `#` can never survive normalisation, so no n-gram collides. */
export const RULE_TOKEN_PREFIX = '#';

/**
 * Normalises a statement for the model: drops a leading enumerator (一是 / （一） / 1、 / ①), NFKC,
 * lower case, removes punctuation, symbols, whitespace and digits.
 * @example normaliseForModel('二是个别村“两委”重视不够，') === '个别村两委重视不够'
 */
export function normaliseForModel(text: string): string {
  return text.replace(LEADING_ENUM_RE, '').normalize('NFKC').toLowerCase().replace(STRIP_RE, '');
}

export interface FeatureOptions {
  /** Longest character n-gram (1..maxN). */
  readonly maxN: number;
  /** Add the rule classifier's matched categories as tokens (`#R:P01`, `#T:P01` for its top pick). */
  readonly ruleFeatures: boolean;
}

export const DEFAULT_FEATURE_OPTIONS: FeatureOptions = { maxN: 3, ruleFeatures: true };

/**
 * Distinct feature tokens of a statement, in first-occurrence order (n-grams by position, then
 * rule tokens). Empty or all-punctuation text gives only rule tokens (the rule classifier's P99).
 * `ruleResult` (classifyStatement of the same text and rules) saves classifying twice.
 */
export function extractFeatures(
  text: string,
  options: FeatureOptions = DEFAULT_FEATURE_OPTIONS,
  rules: ProblemRules = DEFAULT_PROBLEM_RULES,
  ruleResult?: Classification,
): string[] {
  const chars = Array.from(normaliseForModel(text));
  const seen = new Set<string>();
  for (let i = 0; i < chars.length; i++) {
    let gram = '';
    for (let n = 1; n <= options.maxN && i + n <= chars.length; n++) {
      gram += chars[i + n - 1]!;
      seen.add(gram);
    }
  }
  if (options.ruleFeatures) {
    const rule = ruleResult ?? classifyStatement(text, rules);
    for (const m of rule.matches) seen.add(`${RULE_TOKEN_PREFIX}R:${m.category}`);
    seen.add(`${RULE_TOKEN_PREFIX}T:${rule.category}`);
  }
  return [...seen];
}
