/**
 * Header text → canonical field (docs/domain.md#header-aliases-and-the-template): normalise, split off a bracketed unit, match
 * aliases exactly, then by substring (longest alias wins). Two fields matching equally well is an
 * ambiguity, not a guess; a unit in the header breaks ties (`培训（场次）` vs `培训（人次）`).
 */
import { maxOf } from '../domain/arrays';
import { FIELDS_BY_RECORD, type FieldDef, type RecordKind } from '../domain/fields';
import { isPlainText } from './normalise-text';

/** Units a header may carry in brackets, beyond those declared on fields. */
const EXTRA_UNITS = [
  '%',
  '家',
  '人',
  '次',
  '元',
  '万元',
  '个',
  '起',
  '份',
  '处',
  '项',
  '条',
  '场',
  '场次',
  '人次',
  '家次',
];
const KNOWN_UNITS: ReadonlySet<string> = new Set([
  ...EXTRA_UNITS,
  ...[...FIELDS_BY_RECORD.values()].flatMap((defs) => defs.flatMap((d) => d.units)),
]);

/** True when `text` (already normalised) is a unit such as `处`, `人次`, `万元`, `%`. */
export const isUnitText = (text: string): boolean => KNOWN_UNITS.has(text);

/**
 * Normalises header text for lookup: NFKC (full-width brackets/colons become ASCII), removes
 * whitespace, line breaks and format characters (zero-width spaces), lower-cases Latin letters,
 * drops a leading list number (`1.排查隐患数`, `一、`). Empty → ''.
 */
export function normaliseHeader(raw: string): string {
  if (isSettledHeader(raw)) return raw;
  return raw
    .normalize('NFKC')
    .replace(/[\s\p{Cf}]+/gu, '')
    .replace(/^(\d+|[一二三四五六七八九十]+)[.、]/u, '')
    .replace(/[:：]$/u, '')
    .toLowerCase();
}

/**
 * True when {@link normaliseHeader} would give `raw` back: plain text (its own NFKC, see
 * isPlainText) with no space, `.`, `:` or capital letter, so there is nothing to strip or lower.
 * Lets the repeated-header check skip NFKC and four regexes on every data row.
 */
function isSettledHeader(raw: string): boolean {
  if (!isPlainText(raw)) return false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 0x20 || c === 0x2e || c === 0x3a || (c >= 0x41 && c <= 0x5a)) return false;
  }
  return true;
}

/**
 * Splits a trailing bracketed unit off a normalised header: `排查隐患(处)` → base `排查隐患`, unit
 * `处`; `隐患数[条/处/项]` → unit `条`. Brackets that do not hold units stay (`乡镇(街道)`).
 */
export function splitHeaderUnit(normalised: string): { base: string; unit: string | null } {
  const m = /^(.*?)[([【]([^()[\]【】]+)[)\]】]$/u.exec(normalised);
  if (m && m[1] && m[2]) {
    const parts = m[2].split('/');
    if (parts.every((p) => isUnitText(p))) return { base: m[1], unit: parts[0] ?? null };
  }
  return { base: normalised, unit: null };
}

export type HeaderMatch =
  | { readonly kind: 'field'; readonly def: FieldDef; readonly unit: string | null; readonly exact: boolean }
  | { readonly kind: 'ambiguous'; readonly fields: readonly string[] }
  | { readonly kind: 'none' };

const isLatin = (s: string): boolean => /^[\x20-\x7e]*$/.test(s);

interface NormalisedAliases {
  /** Aliases a field answers to exactly (Chinese, English, canonical name, label). */
  readonly exact: ReadonlySet<string>;
  /** Chinese aliases and label, for substring matching. */
  readonly chinese: readonly string[];
  readonly templateBase: string | null;
}

// The registry is static data: normalise each field's aliases once, not on every header cell
// (layout detection tries ~20 rows × every cell × every field, which made small files slow).
const aliasCache = new WeakMap<FieldDef, NormalisedAliases>();

function aliasesOf(def: FieldDef): NormalisedAliases {
  let a = aliasCache.get(def);
  if (!a) {
    const exact = new Set(
      [def.name, ...def.aliasesZh, ...def.aliasesEn, def.zh].map((x) => normaliseHeader(x)),
    );
    const chinese = [...def.aliasesZh, def.zh].map((x) => normaliseHeader(x)).filter((x) => !isLatin(x));
    a = { exact, chinese, templateBase: def.templateZh ? normaliseHeader(def.templateZh) : null };
    aliasCache.set(def, a);
  }
  return a;
}

interface Candidate {
  readonly def: FieldDef;
  readonly len: number;
}

/**
 * Narrows tied candidates: by unit (the header unit must be one the field accepts), then prefers
 * the field whose own aliases (not its template base) matched.
 */
function decide(cands: readonly Candidate[], unit: string | null, exact: boolean): HeaderMatch {
  if (cands.length === 0) return { kind: 'none' };
  const top = maxOf(cands.map((c) => c.len));
  let best = cands.filter((c) => c.len === top);
  const names = new Set(best.map((c) => c.def.name));
  if (names.size > 1 && unit !== null) {
    const byUnit = best.filter((c) => c.def.units.includes(unit));
    if (byUnit.length > 0) best = byUnit;
  }
  const finalNames = [...new Set(best.map((c) => c.def.name))];
  if (finalNames.length > 1) return { kind: 'ambiguous', fields: finalNames };
  const def = best[0]?.def;
  return def ? { kind: 'field', def, unit, exact } : { kind: 'none' };
}

/**
 * Matches one header text against the fields of `record`. Exact (after normalisation, with and
 * without the unit) first, then substring for Chinese headers (the header contains the alias;
 * longest wins). English headers match exactly only, so `township_code` never becomes `township`.
 * Template bases (`培训`) match only when a unit decides between fields.
 */
export function matchHeader(raw: string, record: RecordKind): HeaderMatch {
  const defs = FIELDS_BY_RECORD.get(record) ?? [];
  const full = normaliseHeader(raw);
  if (full === '') return { kind: 'none' };
  const { base, unit } = splitHeaderUnit(full);
  for (const text of full === base ? [full] : [full, base]) {
    const exact: Candidate[] = [];
    for (const def of defs) {
      const aliases = aliasesOf(def);
      if (aliases.exact.has(text)) exact.push({ def, len: text.length });
      else if (unit !== null && aliases.templateBase === text && def.units.includes(unit)) {
        exact.push({ def, len: text.length });
      }
    }
    if (exact.length > 0) return decide(exact, unit, true);
  }
  if (isLatin(base)) return { kind: 'none' };
  const sub: Candidate[] = [];
  for (const def of defs) {
    const aliases = aliasesOf(def);
    let len = 0;
    for (const alias of aliases.chinese) {
      if (alias.length > len && base.includes(alias)) len = alias.length;
    }
    // A template base inside a longer header (`教育培训（人次）`, a flattened `培训/培训（人次）`) counts
    // when the header's own unit is one the field takes, so the unit decides between the fields
    // sharing that base instead of the first alias winning (a group prefix never overrides a unit).
    const tb = aliases.templateBase;
    if (unit !== null && tb !== null && tb.length > len && def.units.includes(unit) && base.includes(tb)) {
      len = tb.length;
    }
    if (len > 0) sub.push({ def, len });
  }
  return decide(sub, unit, false);
}

/**
 * Matches a two-row (merged) header column `parent/child` (docs/input-rules.md C2): exact on the concatenation
 * (`重大隐患`+`已整改` is an alias), then substring on it, then the child alone (with the child
 * as unit when it is one: `培训`/`人次`), then the parent alone.
 */
export function matchFlattenedHeader(parent: string, child: string, record: RecordKind): HeaderMatch {
  const p = normaliseHeader(parent);
  const c = normaliseHeader(child);
  if (p === '') return matchHeader(child, record);
  if (c === '') return matchHeader(parent, record);
  const { base: cBase, unit: cUnit } = splitHeaderUnit(c);
  if (isUnitText(cBase) && cUnit === null) {
    const m = matchHeader(`${p}(${cBase})`, record);
    if (m.kind !== 'none') return m;
  }
  const joined = matchHeader(`${p}${c}`, record);
  // The leaf's own unit wins over the group text: `培训` over `培训（人次）` must not become a
  // sessions column because the joined text starts with a sessions alias.
  if (joined.kind === 'field' && cUnit !== null && !joined.def.units.includes(cUnit)) {
    const leaf = matchHeader(child, record);
    if (leaf.kind === 'field' && leaf.def.units.includes(cUnit)) return leaf;
  }
  if (joined.kind !== 'none') return joined;
  const alone = matchHeader(child, record);
  if (alone.kind !== 'none') return alone;
  return matchHeader(parent, record);
}

/** Fields each record kind needs before a row can be a header for it (one of each inner list). */
export const REQUIRED_FOR_KIND: ReadonlyMap<RecordKind, readonly (readonly string[])[]> = new Map<
  RecordKind,
  readonly (readonly string[])[]
>([
  ['township_month', [['township'], ['period']]],
  ['hazard', [['township'], ['date_found', 'description']]],
  ['problem', [['township'], ['period'], ['text']]],
]);

/** True when the mapped field names satisfy `kind`'s header requirements. */
export function satisfiesKind(kind: RecordKind, fields: ReadonlySet<string>): boolean {
  const req = REQUIRED_FOR_KIND.get(kind) ?? [];
  return req.every((anyOf) => anyOf.some((f) => fields.has(f)));
}
