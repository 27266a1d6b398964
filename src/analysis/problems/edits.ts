/**
 * User edits to the problem taxonomy (pure model; persistence belongs to the store): manual
 * reassignment of a statement, category renames, extra keywords, merges and custom categories.
 * A manual reassignment is never overwritten by rules; merges apply to every statement.
 */
import { isProblemCategoryCode, problemCategoryByCode } from '../../domain/problem-categories';
import { err, ok, type Result } from '../../domain/result';
import type { Lang } from '../../i18n/i18n';
import { CUSTOM_RE, isCategoryCode } from './category-code';
import { DEFAULT_PROBLEM_RULES, type ProblemRules } from './category-rules';
import { classifyStatement } from './classify';
import { statementKey } from './statements';
import type { CategoryCode, CustomCategoryCode, ProblemStatement } from './types';

export interface CustomCategory {
  readonly code: CustomCategoryCode;
  readonly name: string;
  readonly keywords: readonly string[];
}

/** A manual choice kept as a training example for the classifier (docs/decisions/0007). */
export interface LearntExample {
  readonly text: string;
  readonly category: CategoryCode;
}

export interface ProblemEdits {
  /** statementKey → category chosen by the user. */
  readonly reassign: ReadonlyMap<string, CategoryCode>;
  /** Display names replacing the built-in ones. */
  readonly renames: ReadonlyMap<CategoryCode, string>;
  /** Keywords added to a category's rules (weight by length, like built-in ones). */
  readonly extraKeywords: ReadonlyMap<CategoryCode, readonly string[]>;
  /** fromCode → intoCode; chains are followed (A→B→C means A ends in C); cycles stop at the repeat. */
  readonly merges: ReadonlyMap<CategoryCode, CategoryCode>;
  readonly custom: ReadonlyMap<CustomCategoryCode, CustomCategory>;
  /**
   * statementKey → the example the classifier has learnt from that statement (its text and the
   * user's category). Absent (edits saved before the model learnt): every reassignment counts as
   * an example (see learntExamples). An empty map after "reset the model": nothing is learnt,
   * and the manual choices stay.
   */
  readonly learnt?: ReadonlyMap<string, LearntExample>;
}

/** No edits. */
export const EMPTY_PROBLEM_EDITS: ProblemEdits = {
  reassign: new Map(),
  renames: new Map(),
  extraKeywords: new Map(),
  merges: new Map(),
  custom: new Map(),
  learnt: new Map(),
};

export { isCategoryCode };

/** The key a manual reassignment is stored under: township + period + normalised-text hash. */
export const keyOfStatement = (s: Pick<ProblemStatement, 'township' | 'period' | 'normalised'>): string =>
  statementKey(s.township, s.period, s.normalised);

/**
 * Follows merges from `code` to its final category. A cycle (A→B→A) stops at the last code before
 * the repeat, so a bad edit can never loop forever.
 */
export function resolveMerge(
  code: CategoryCode,
  merges: ReadonlyMap<CategoryCode, CategoryCode>,
): CategoryCode {
  const seen = new Set<CategoryCode>([code]);
  let cur = code;
  for (let next = merges.get(cur); next !== undefined && !seen.has(next); next = merges.get(cur)) {
    seen.add(next);
    cur = next;
  }
  return cur;
}

/**
 * The rules with the user's extra keywords and custom categories added. Custom categories come
 * first in the tie-break order: a user who names a category wants it to win a tie.
 */
export function rulesWithEdits(rules: ProblemRules, edits: ProblemEdits): ProblemRules {
  const extra = (code: CategoryCode) =>
    (edits.extraKeywords.get(code) ?? []).filter((t) => t !== '').map((term) => ({ term }));
  const builtIn = rules.categories.map((c) => ({ ...c, keywords: [...c.keywords, ...extra(c.code)] }));
  const custom = [...edits.custom.values()].map((c) => ({
    code: c.code,
    keywords: [...c.keywords.filter((t) => t !== '').map((term) => ({ term })), ...extra(c.code)],
  }));
  return {
    ...rules,
    categories: [...builtIn, ...custom],
    tieBreak: [...custom.map((c) => c.code), ...rules.tieBreak],
  };
}

/**
 * Re-classifies statements under the edits. Per statement: a reassignment (by statementKey) →
 * 'manual'; an earlier 'manual' or a 'file' category is kept; otherwise the rules (with extra
 * keywords and custom categories) decide. Then merges map the category and the secondary
 * categories (duplicates and the primary removed). Matches are always recomputed so highlights
 * follow the current keywords. Input order is kept; empty input gives [].
 */
export function applyEdits(
  statements: readonly ProblemStatement[],
  edits: ProblemEdits,
  rules: ProblemRules = DEFAULT_PROBLEM_RULES,
): ProblemStatement[] {
  const effective = rulesWithEdits(rules, edits);
  return statements.map((s) => {
    const c = classifyStatement(s.text, effective);
    const manual = edits.reassign.get(keyOfStatement(s));
    let category: CategoryCode;
    let classified_by = s.classified_by;
    let confidence: number;
    if (manual !== undefined) {
      category = manual;
      classified_by = 'manual';
      confidence = 1;
    } else if (s.classified_by === 'manual' || s.classified_by === 'file' || s.classified_by === 'model') {
      // The model's decision already used these rules as features (problem-model.ts): keep it.
      category = s.category;
      confidence = s.confidence;
    } else {
      category = c.category;
      classified_by = 'rule';
      confidence = c.confidence;
    }
    const merged = resolveMerge(category, edits.merges);
    const ruleCats =
      classified_by === 'model' && manual === undefined
        ? s.secondary_categories
        : classified_by === 'rule'
          ? c.secondary_categories
          : [c.category, ...c.secondary_categories];
    const secondary = [...new Set(ruleCats.map((x) => resolveMerge(x, edits.merges)))].filter(
      (x) => x !== merged && x !== 'P99',
    );
    const keywords = [
      ...new Set(
        c.matches.filter((m) => resolveMerge(m.category, edits.merges) === merged).map((m) => m.term),
      ),
    ];
    const { alternatives, ...rest } = s;
    return {
      ...rest,
      // The model's alternatives stay visible on a manual choice too (what the model would say).
      ...(alternatives
        ? {
            alternatives: alternatives.map((a) => ({
              ...a,
              category: resolveMerge(a.category, edits.merges),
            })),
          }
        : {}),
      category: merged,
      classified_by,
      confidence,
      secondary_categories: secondary,
      keywords_matched: keywords,
      matches: c.matches,
    };
  });
}

/**
 * Display name of a category: the user's rename, else the custom category's name, else the
 * built-in name in `lang`; an unknown code shows as itself.
 */
export function categoryName(code: CategoryCode, edits: ProblemEdits, lang: Lang): string {
  const renamed = edits.renames.get(code);
  if (renamed !== undefined) return renamed;
  const custom = edits.custom.get(code as CustomCategoryCode);
  if (custom) return custom.name;
  const def = problemCategoryByCode(code);
  if (!def) return code;
  return lang === 'en' ? def.en : def.zh;
}

/** Serialises edits as versioned JSON with arrays of pairs (no data-derived object keys). */
export function serialiseEdits(edits: ProblemEdits): string {
  return JSON.stringify({
    version: 1,
    reassign: [...edits.reassign],
    renames: [...edits.renames],
    extraKeywords: [...edits.extraKeywords].map(([k, v]) => [k, [...v]]),
    merges: [...edits.merges],
    custom: [...edits.custom.values()].map((c) => ({
      code: c.code,
      name: c.name,
      keywords: [...c.keywords],
    })),
    // Optional (added with the statistical classifier): older saves and backups parse without it.
    ...(edits.learnt ? { learnt: [...edits.learnt].map(([k, e]) => [k, e.text, e.category]) } : {}),
  });
}

/** Longest statement text kept as a learnt example (a statement is a sentence or two). */
const MAX_EXAMPLE_TEXT = 2000;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_TEXT = 60;
// Control characters and rich-text delimiters ({ } |) would corrupt labels; reject them in names.
// eslint-disable-next-line no-control-regex -- rejecting control characters is the point
const BAD_TEXT_RE = /[\u0000-\u001f\u007f{}|]/u;

function hostileKeyPath(v: unknown, path: string): string | null {
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const p = hostileKeyPath(v[i], `${path}[${i}]`);
      if (p) return p;
    }
  } else if (v !== null && typeof v === 'object') {
    for (const k of Object.keys(v)) {
      if (FORBIDDEN_KEYS.has(k)) return `${path}.${k}`;
      const p = hostileKeyPath((v as Record<string, unknown>)[k], `${path}.${k}`);
      if (p) return p;
    }
  }
  return null;
}

const isText = (v: unknown, max = MAX_TEXT): v is string =>
  typeof v === 'string' && v.trim() !== '' && v.length <= max && !BAD_TEXT_RE.test(v);
const pairs = (v: unknown): v is [unknown, unknown][] =>
  Array.isArray(v) && v.every((p) => Array.isArray(p) && p.length === 2);

/**
 * Parses serialised edits, validating every entry. Returns all problems at once (as English
 * developer-facing strings naming the path) instead of a partial result. Rejects `__proto__`,
 * `constructor` and `prototype` keys anywhere, unknown versions, malformed codes, reassignments or
 * merges to undefined categories, and names/keywords that are empty, too long or contain control
 * characters or { } |. Never throws.
 */
export function parseEdits(json: string): Result<ProblemEdits, string[]> {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return err(['not valid JSON']);
  }
  const errors: string[] = [];
  const bad = hostileKeyPath(raw, '$');
  if (bad) return err([`forbidden key at ${bad}`]);
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return err(['expected an object']);
  const o = raw as Record<string, unknown>;
  if (o.version !== 1) errors.push('$.version: expected 1');

  const custom = new Map<CustomCategoryCode, CustomCategory>();
  const customRaw = o.custom ?? [];
  if (!Array.isArray(customRaw)) errors.push('$.custom: expected an array');
  else
    customRaw.forEach((c: unknown, i) => {
      const e = c as { code?: unknown; name?: unknown; keywords?: unknown } | null;
      if (!e || typeof e !== 'object' || typeof e.code !== 'string' || !CUSTOM_RE.test(e.code))
        errors.push(`$.custom[${i}].code: expected U + 1–20 of [0-9A-Za-z_-]`);
      else if (!isText(e.name))
        errors.push(
          `$.custom[${i}].name: expected 1–${MAX_TEXT} characters without { } | or control characters`,
        );
      else if (!Array.isArray(e.keywords) || !e.keywords.every((k) => isText(k)))
        errors.push(`$.custom[${i}].keywords: expected an array of non-empty strings`);
      else if (custom.has(e.code as CustomCategoryCode))
        errors.push(`$.custom[${i}].code: duplicate ${e.code}`);
      else
        custom.set(e.code as CustomCategoryCode, {
          code: e.code as CustomCategoryCode,
          name: e.name.trim(),
          keywords: e.keywords as string[],
        });
    });
  const known = (v: unknown): v is CategoryCode =>
    isCategoryCode(v) && (isProblemCategoryCode(v) || custom.has(v as CustomCategoryCode));

  const reassign = new Map<string, CategoryCode>();
  if (!pairs(o.reassign ?? [])) errors.push('$.reassign: expected [key, code] pairs');
  else
    for (const [i, [k, v]] of ((o.reassign ?? []) as [unknown, unknown][]).entries()) {
      if (typeof k !== 'string' || k === '' || k.length > 500)
        errors.push(`$.reassign[${i}][0]: expected a statement key`);
      else if (!known(v)) errors.push(`$.reassign[${i}][1]: unknown category ${String(v)}`);
      else reassign.set(k, v);
    }
  const renames = new Map<CategoryCode, string>();
  if (!pairs(o.renames ?? [])) errors.push('$.renames: expected [code, name] pairs');
  else
    for (const [i, [k, v]] of ((o.renames ?? []) as [unknown, unknown][]).entries()) {
      if (!known(k)) errors.push(`$.renames[${i}][0]: unknown category ${String(k)}`);
      else if (!isText(v))
        errors.push(
          `$.renames[${i}][1]: expected 1–${MAX_TEXT} characters without { } | or control characters`,
        );
      else renames.set(k, v.trim());
    }
  const extraKeywords = new Map<CategoryCode, string[]>();
  if (!pairs(o.extraKeywords ?? [])) errors.push('$.extraKeywords: expected [code, keywords] pairs');
  else
    for (const [i, [k, v]] of ((o.extraKeywords ?? []) as [unknown, unknown][]).entries()) {
      if (!known(k)) errors.push(`$.extraKeywords[${i}][0]: unknown category ${String(k)}`);
      else if (!Array.isArray(v) || !v.every((x) => isText(x)))
        errors.push(`$.extraKeywords[${i}][1]: expected an array of non-empty strings`);
      else extraKeywords.set(k, v as string[]);
    }
  const merges = new Map<CategoryCode, CategoryCode>();
  if (!pairs(o.merges ?? [])) errors.push('$.merges: expected [from, into] pairs');
  else
    for (const [i, [k, v]] of ((o.merges ?? []) as [unknown, unknown][]).entries()) {
      if (!known(k) || !known(v)) errors.push(`$.merges[${i}]: unknown category`);
      else if (k === v) errors.push(`$.merges[${i}]: a category cannot merge into itself`);
      else merges.set(k, v);
    }
  let learnt: Map<string, LearntExample> | undefined;
  if (o.learnt !== undefined) {
    learnt = new Map();
    if (!Array.isArray(o.learnt)) errors.push('$.learnt: expected [key, text, code] triples');
    else
      for (const [i, e] of (o.learnt as unknown[]).entries()) {
        const [k, text, code] = Array.isArray(e) && e.length === 3 ? (e as unknown[]) : [];
        if (typeof k !== 'string' || k === '' || k.length > 500)
          errors.push(`$.learnt[${i}][0]: expected a statement key`);
        else if (typeof text !== 'string' || text.trim() === '' || text.length > MAX_EXAMPLE_TEXT)
          errors.push(`$.learnt[${i}][1]: expected a statement text of 1–${MAX_EXAMPLE_TEXT} characters`);
        else if (!known(code)) errors.push(`$.learnt[${i}][2]: unknown category ${String(code)}`);
        else learnt.set(k, { text, category: code });
      }
  }
  return errors.length > 0
    ? err(errors)
    : ok({ reassign, renames, extraKeywords, merges, custom, ...(learnt ? { learnt } : {}) });
}
