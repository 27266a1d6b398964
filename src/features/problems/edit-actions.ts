/**
 * The user's edits to the problem taxonomy as small pure operations on ProblemEdits (the model
 * lives in src/analysis/problems/edits.ts). Each returns a new ProblemEdits or a reason it was
 * refused, so the UI can show the reason instead of saving something parseEdits would reject.
 */
import { categoryName, keyOfStatement, resolveMerge, type ProblemEdits } from '../../analysis/problems/edits';
import type { CategoryCode, ProblemStatement } from '../../analysis/problems/types';
import { PROBLEM_CATEGORY_CODES } from '../../domain/problem-categories';
import { err, ok, type Result } from '../../domain/result';
import type { Lang } from '../../i18n/i18n';

/** Why an edit was refused; each has a `problems.edit.error.*` message. */
export type EditRefusal = 'empty' | 'tooLong' | 'badCharacters' | 'sameCategory' | 'duplicate';

/** Same limits as parseEdits: a saved edit must load again. */
const MAX_TEXT = 60;
// eslint-disable-next-line no-control-regex -- control characters would corrupt labels and the JSON
const BAD_TEXT_RE = /[\u0000-\u001f\u007f{}|]/u;

function checkText(raw: string): Result<string, EditRefusal> {
  const text = raw.trim();
  if (text === '') return err('empty');
  if (text.length > MAX_TEXT) return err('tooLong');
  if (BAD_TEXT_RE.test(text)) return err('badCharacters');
  return ok(text);
}

/**
 * Assigns `statement` to `category` by hand (a reassignment, or a one-click confirmation from the
 * 待确认 queue). The choice is stored under the statement key (township + month + wording), so it
 * survives a re-import and is never overwritten by the rules or the model; the statement's text
 * becomes a training example of the model (docs/decisions/0008-classifier-in-the-app.md).
 */
export function reassignStatement(
  edits: ProblemEdits,
  statement: Pick<ProblemStatement, 'township' | 'period' | 'normalised' | 'text'>,
  category: CategoryCode,
): ProblemEdits {
  const key = keyOfStatement(statement);
  const reassign = new Map(edits.reassign);
  reassign.set(key, category);
  // Without `learnt` (edits saved before learning) every reassignment already counts as an example.
  if (!edits.learnt) return { ...edits, reassign };
  const learnt = new Map(edits.learnt);
  // Delete first so a changed choice moves to the end (the newest example).
  learnt.delete(key);
  learnt.set(key, { text: statement.text, category });
  return { ...edits, reassign, learnt };
}

/**
 * Removes the manual choice for `statement` (the model or rules decide again) and the example the
 * model learnt from it; no-op when there is none.
 */
export function clearReassignment(
  edits: ProblemEdits,
  statement: Pick<ProblemStatement, 'township' | 'period' | 'normalised'>,
): ProblemEdits {
  const key = keyOfStatement(statement);
  if (!edits.reassign.has(key)) return edits;
  const reassign = new Map(edits.reassign);
  reassign.delete(key);
  if (!edits.learnt?.has(key)) return { ...edits, reassign };
  const learnt = new Map(edits.learnt);
  learnt.delete(key);
  return { ...edits, reassign, learnt };
}

/**
 * Makes the model forget everything it learnt from the office (back to the shipped model). The
 * manual choices themselves stay: they still decide their own statements.
 */
export function resetLearning(edits: ProblemEdits): ProblemEdits {
  if (edits.learnt && edits.learnt.size === 0) return edits;
  return { ...edits, learnt: new Map() };
}

/**
 * Renames a category (display only; the code stays). The name is trimmed; empty, longer than 60
 * characters or containing { } | or control characters is refused. A rename equal to the
 * built-in name removes the rename.
 */
export function renameCategory(
  edits: ProblemEdits,
  code: CategoryCode,
  name: string,
  builtInName?: string,
): Result<ProblemEdits, EditRefusal> {
  const checked = checkText(name);
  if (!checked.ok) return checked;
  const renames = new Map(edits.renames);
  if (builtInName !== undefined && checked.value === builtInName) renames.delete(code);
  else renames.set(code, checked.value);
  return ok({ ...edits, renames });
}

/**
 * Adds keywords to a category. `text` is split on commas (，,、), semicolons and whitespace; each
 * term is checked like a name; terms the category already has are skipped. Nothing new → 'duplicate'.
 */
export function addKeywords(
  edits: ProblemEdits,
  code: CategoryCode,
  text: string,
): Result<ProblemEdits, EditRefusal> {
  const terms = text
    .split(/[,，、;；\s]+/u)
    .map((t) => t.trim())
    .filter((t) => t !== '');
  if (terms.length === 0) return err('empty');
  for (const t of terms) {
    const checked = checkText(t);
    if (!checked.ok) return checked;
  }
  const existing = edits.extraKeywords.get(code) ?? [];
  const added = [...new Set(terms)].filter((t) => !existing.includes(t));
  if (added.length === 0) return err('duplicate');
  const extraKeywords = new Map(edits.extraKeywords);
  extraKeywords.set(code, [...existing, ...added]);
  return ok({ ...edits, extraKeywords });
}

/** Removes one extra keyword; no-op when the category does not have it. */
export function removeKeyword(edits: ProblemEdits, code: CategoryCode, term: string): ProblemEdits {
  const existing = edits.extraKeywords.get(code);
  if (!existing?.includes(term)) return edits;
  const extraKeywords = new Map(edits.extraKeywords);
  const rest = existing.filter((t) => t !== term);
  if (rest.length === 0) extraKeywords.delete(code);
  else extraKeywords.set(code, rest);
  return { ...edits, extraKeywords };
}

/**
 * Merges `from` into `into`: every statement of `from` (manual ones too) shows as `into`. Refused
 * ('sameCategory') when both already end in the same category, which includes every merge that
 * would make a cycle. A `from` merged elsewhere before is re-pointed.
 */
export function mergeCategories(
  edits: ProblemEdits,
  from: CategoryCode,
  into: CategoryCode,
): Result<ProblemEdits, EditRefusal> {
  // This also refuses cycles: if `into` already ends in `from`, both end in the same category.
  if (from === into || resolveMerge(from, edits.merges) === resolveMerge(into, edits.merges))
    return err('sameCategory');
  const merges = new Map(edits.merges);
  merges.set(from, into);
  return ok({ ...edits, merges });
}

/** Undoes the merge of `from`; no-op when `from` is not merged. */
export function unmergeCategory(edits: ProblemEdits, from: CategoryCode): ProblemEdits {
  if (!edits.merges.has(from)) return edits;
  const merges = new Map(edits.merges);
  merges.delete(from);
  return { ...edits, merges };
}

/** The categories a user can pick: built-in P01…P12, custom ones, then P99 (always all of them). */
export function selectableCategories(edits: ProblemEdits): CategoryCode[] {
  const builtIn = PROBLEM_CATEGORY_CODES.filter((c) => c !== 'P99');
  return [...builtIn, ...[...edits.custom.keys()].sort(), 'P99'];
}

/**
 * Categories to offer in a "move to" select: those not merged away (a merged category cannot hold
 * statements), labelled with the current names in `lang`.
 */
export function categoryOptions(
  edits: ProblemEdits,
  lang: Lang,
): { readonly code: CategoryCode; readonly label: string }[] {
  return selectableCategories(edits)
    .filter((c) => !edits.merges.has(c))
    .map((code) => ({ code, label: categoryName(code, edits, lang) }));
}

/**
 * Creates a custom category (`U01`, `U02`, … the first free code) with a name and optional
 * keywords (same splitting and checks as addKeywords). A name already used by a custom category is
 * refused as 'duplicate'.
 */
export function createCustomCategory(
  edits: ProblemEdits,
  name: string,
  keywordText = '',
): Result<{ edits: ProblemEdits; code: CategoryCode }, EditRefusal> {
  const checked = checkText(name);
  if (!checked.ok) return checked;
  if ([...edits.custom.values()].some((c) => c.name === checked.value)) return err('duplicate');
  const keywords = [
    ...new Set(
      keywordText
        .split(/[,，、;；\s]+/u)
        .map((t) => t.trim())
        .filter((t) => t !== ''),
    ),
  ];
  for (const k of keywords) {
    const ck = checkText(k);
    if (!ck.ok) return ck;
  }
  let n = 1;
  while (edits.custom.has(`U${String(n).padStart(2, '0')}`)) n++;
  const code = `U${String(n).padStart(2, '0')}` as const;
  const custom = new Map(edits.custom);
  custom.set(code, { code, name: checked.value, keywords });
  return ok({ edits: { ...edits, custom }, code });
}
