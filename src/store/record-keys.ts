/**
 * Natural keys and value comparison for stored records (docs/input-rules.md H1–H2). A township-month is
 * keyed by (township, period, scope); hazards and problems have no official id, so their key is
 * their identifying text plus an occurrence number inside the file, which makes a re-import of the
 * same ledger land on the same keys while two equal lines in one ledger stay two records.
 */
import { townshipMonthKey } from '../domain/records';
import type { HazardRecord, HazardTallyRecord, ProblemRecordInput } from '../domain/records';
import type { AnyRecord, FieldDiff, StoredKind } from './persist-types';

const SEP = '\u0001';

/** Base key of a hazard (without occurrence): township, date found, unit, village, description. */
export const hazardBaseKey = (r: HazardRecord): string =>
  [r.township, r.date_found, r.unit_name ?? '', r.village ?? '', r.description].join(SEP);

/** Base key of a problem statement: township, period, text. */
export const problemBaseKey = (r: ProblemRecordInput): string => [r.township, r.period, r.text].join(SEP);

/**
 * Key of a hazard aggregate row: township, month, sector, level. A re-imported aggregate with new
 * counts for the same cell is a resubmission (a diff and a revision), like a township-month.
 */
export const hazardTallyKey = (r: HazardTallyRecord): string =>
  [r.township, r.period, r.sector, r.level].join(SEP);

/** Kinds keyed by their values alone (no occurrence number). */
const UNIQUE_KEYED = new Set<StoredKind>(['township_month', 'hazard_tally']);

/** The prefix every stored id of `kind` starts with (ids sort by kind first). */
export const recordIdPrefix = (kind: StoredKind): string => `${kind}${SEP}`;

/** The stored record id for a kind and base key; `occurrence` (0-based) only for hazard/problem. */
export function makeRecordId(kind: StoredKind, baseKey: string, occurrence = 0): string {
  return UNIQUE_KEYED.has(kind) ? `${kind}${SEP}${baseKey}` : `${kind}${SEP}${baseKey}${SEP}${occurrence}`;
}

/**
 * The occurrence number `id` carries for `kind` and `baseKey` (0 for kinds keyed by value alone),
 * or null when `id` is not exactly `makeRecordId(kind, baseKey, n)` for any n: then it cannot be
 * rebuilt from the record and must be kept as it is (record-blocks.ts).
 */
export function occurrenceOf(id: string, kind: StoredKind, baseKey: string): number | null {
  if (UNIQUE_KEYED.has(kind)) return id === makeRecordId(kind, baseKey) ? 0 : null;
  const prefix = `${kind}${SEP}${baseKey}${SEP}`;
  if (!id.startsWith(prefix)) return null;
  const n = Number(id.slice(prefix.length));
  return Number.isSafeInteger(n) && n >= 0 && makeRecordId(kind, baseKey, n) === id ? n : null;
}

/**
 * True when `id` is a stored id of `kind` for `baseKey`: the key itself for a township-month, the
 * key plus any occurrence number (0, 1, …) for a hazard or problem.
 */
export function isRecordIdFor(id: string, kind: StoredKind, baseKey: string): boolean {
  if (UNIQUE_KEYED.has(kind)) return id === makeRecordId(kind, baseKey);
  const prefix = `${kind}${SEP}${baseKey}${SEP}`;
  return id.startsWith(prefix) && /^\d+$/u.test(id.slice(prefix.length));
}

/** Base key of any record of a kind. */
export function baseKeyOf(kind: StoredKind, record: AnyRecord): string {
  switch (kind) {
    case 'township_month':
      return townshipMonthKey(record as { township: string; period: string; period_scope: 'month' | 'ytd' });
    case 'hazard':
      return hazardBaseKey(record as HazardRecord);
    case 'problem':
      return problemBaseKey(record as ProblemRecordInput);
    case 'hazard_tally':
      return hazardTallyKey(record as HazardTallyRecord);
  }
}

/**
 * JSON with object keys sorted, so two records with the same values compare equal whatever order
 * their properties were built in. `undefined` properties are dropped, `null` kept (null ≠ 0).
 */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const entries = Object.keys(value)
    .sort()
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${stableStringify((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(',')}}`;
}

/** The record's values without its provenance (`source`), which never makes two reports differ. */
function valuesOf(record: AnyRecord): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [k, v] of Object.entries(record)) if (k !== 'source' && v !== undefined) out.set(k, v);
  return out;
}

/**
 * Field-level differences between a stored and an incoming record, ignoring `source`. Empty when
 * the values are identical. A field present on one side only diffs against `null`.
 */
export function diffRecords(oldRecord: AnyRecord, newRecord: AnyRecord): FieldDiff[] {
  const a = valuesOf(oldRecord);
  const b = valuesOf(newRecord);
  const fields = [...new Set([...a.keys(), ...b.keys()])];
  const diffs: FieldDiff[] = [];
  for (const field of fields) {
    const ov = a.has(field) ? a.get(field) : null;
    const nv = b.has(field) ? b.get(field) : null;
    if (stableStringify(ov) !== stableStringify(nv)) diffs.push({ field, old: ov, new: nv });
  }
  return diffs;
}
