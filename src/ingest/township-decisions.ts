/**
 * Names outside the district's township list, and the user's decision for each (issue "Trust on
 * real files"). Ingest rejects a row whose township is not in the list (`ingest.township_unknown*`,
 * with the closest known name when there is one); the import report then asks, per name, whether
 * it is a known township written differently, a new township, or a mistake. The decisions become a
 * township list for a second ingest of the same bytes, so every row is still counted by ingest
 * itself: accepted, or rejected with its reason (docs/decisions/0004-counting-rules.md).
 */
import type { Township } from '../domain/records';
import { inferTownshipType } from '../domain/townships';
import { normaliseTownshipName } from './township-match';
import type { FileIngestResult } from './types';

/** One name ingest did not find in the district list. */
export interface UnknownTownship {
  /** The name as the matcher compares it (normalised); the key of the decision. */
  readonly name: string;
  /** The spellings in the file that normalise to `name`, in order of appearance. */
  readonly spellings: readonly string[];
  /** How many records were rejected for it. */
  readonly records: number;
  /** Their lines (null for elements without one), in file order. */
  readonly lines: readonly (number | null)[];
  /** The closest known township, or null when none is close. */
  readonly suggestion: string | null;
}

/** What to do with the records of one unknown name. */
export type TownshipDecision =
  { readonly kind: 'map'; readonly to: string } | { readonly kind: 'new' } | { readonly kind: 'reject' };

const UNKNOWN_CODES: ReadonlySet<string> = new Set([
  'ingest.township_unknown',
  'ingest.township_unknown_no_suggestion',
]);

/**
 * The unknown township names of an ingest result, in order of first appearance, each with its
 * rejected records and suggestion. Empty for a rejected file or when every name was known. Keyed by
 * a Map: names are data (`constructor`, `__proto__`).
 */
export function collectUnknownTownships(result: FileIngestResult): UnknownTownship[] {
  if (result.status !== 'ok') return [];
  const byName = new Map<
    string,
    { spellings: string[]; lines: (number | null)[]; seen: Set<string>; suggestion: string | null }
  >();
  for (const issue of result.issues) {
    if (!UNKNOWN_CODES.has(issue.code) || issue.value === null) continue;
    const name = normaliseTownshipName(issue.value);
    let entry = byName.get(name);
    if (!entry) {
      const s = issue.params['suggestion'];
      entry = { spellings: [], lines: [], seen: new Set(), suggestion: typeof s === 'string' ? s : null };
      byName.set(name, entry);
    }
    if (!entry.spellings.includes(issue.value)) entry.spellings.push(issue.value);
    // One issue per township cell; a row has one township cell, so one issue per record.
    const lineKey = issue.line === null ? `#${entry.lines.length}` : String(issue.line);
    if (!entry.seen.has(lineKey)) {
      entry.seen.add(lineKey);
      entry.lines.push(issue.line);
    }
  }
  return [...byName].map(([name, e]) => ({
    name,
    spellings: e.spellings,
    records: e.lines.length,
    lines: e.lines,
    suggestion: e.suggestion,
  }));
}

export interface AppliedDecisions {
  /** The list for the second ingest: `known` with mapped names as aliases and new townships appended. */
  readonly townships: Township[];
  /** The townships the user added (to append to a saved list). */
  readonly added: Township[];
}

/**
 * Applies the decisions to `known`. `map` adds the name as an alias of the chosen township (for
 * this import; the saved list is not changed); `new` appends a township with its type inferred
 * from the name; `reject`, or no decision, leaves the name unknown so ingest rejects its records
 * again, with the same reason. A `map` to a name not in `known` is treated as `reject`.
 */
export function applyTownshipDecisions(
  known: readonly Township[],
  unknown: readonly UnknownTownship[],
  decisions: ReadonlyMap<string, TownshipDecision>,
): AppliedDecisions {
  const aliases = new Map<string, string[]>();
  const added: Township[] = [];
  const names = new Set(known.map((t) => t.name));
  for (const u of unknown) {
    const d = decisions.get(u.name);
    if (d?.kind === 'map' && names.has(d.to)) {
      const list = aliases.get(d.to) ?? [];
      list.push(u.name);
      aliases.set(d.to, list);
    } else if (d?.kind === 'new' && !names.has(u.name)) {
      names.add(u.name);
      added.push({ name: u.name, type: inferTownshipType(u.name), code: null, aliases: [] });
    }
  }
  const townships = known.map((t) => {
    const extra = aliases.get(t.name);
    return extra ? { ...t, aliases: [...t.aliases, ...extra.filter((a) => !t.aliases.includes(a))] } : t;
  });
  return { townships: [...townships, ...added], added };
}
