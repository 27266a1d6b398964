/**
 * Township identity and order for analysis. Charts and tables list townships in the district's
 * official order (docs/domain.md#township-order), never in code-point order; renamed townships are merged
 * through the master list's aliases.
 */
import type { Dataset } from '../domain/records';
import { keptLedgerTally } from './hazard-tally';

/** Alphabetical comparison for Chinese names, for the few places where A–Z order is wanted. */
export const collateZh = new Intl.Collator('zh-CN');

/** The townships of a dataset in display order, and how any spelling maps to its canonical name. */
export interface TownshipIndex {
  /** Canonical names: the master list in official order, then unlisted names by first appearance. */
  readonly names: readonly string[];
  /** Canonical name for a record's township; an unknown name maps to itself. */
  readonly canonical: (name: string) => string;
  /** True when the name (canonical) is in the district's master list. */
  readonly isListed: (name: string) => boolean;
}

// Datasets are immutable: the names are found once per dataset, though several readers ask.
const NAMES = new WeakMap<Dataset, readonly string[]>();

/**
 * The township names of a dataset's records, each once, in order of first appearance (monthly
 * reports, then hazards, problems and hazard tallies). The township index (below), the district
 * list (store/district-townships.ts) and the views' dataset (app/app-store.ts viewDataset) all
 * need them after every import and on every reload; with a city's ledger each was a pass over a
 * million records. A ledger whose as-written tally is kept (the store prepares it before the views
 * see a reload's dataset) is read from the tally's rows: its cells are in first-seen order and
 * carry the names as written, so the first cell of a township is where its first hazard was.
 */
export function recordTownshipNames(ds: Dataset): readonly string[] {
  const cached = NAMES.get(ds);
  if (cached) return cached;
  const seen = new Set<string>();
  const names: string[] = [];
  const hazards = keptLedgerTally(ds.hazards) ?? ds.hazards;
  for (const list of [ds.townshipMonths, hazards, ds.problems, ds.hazardTallies ?? []])
    for (const r of list as readonly { readonly township: string }[])
      if (!seen.has(r.township)) {
        seen.add(r.township);
        names.push(r.township);
      }
  NAMES.set(ds, names);
  return names;
}

/**
 * Builds the township index of a dataset. Order: `dataset.townships` (official order), then any
 * township that appears only in records, in order of first appearance (recordTownshipNames:
 * township-month rows, then hazards, problems and hazard tallies). A record under a master
 * township's alias (an old name after a rename) belongs to that township; a master name always
 * wins over another township's alias. Empty dataset → no names.
 */
export function buildTownshipIndex(dataset: Dataset): TownshipIndex {
  const canonicalOf = new Map<string, string>();
  const listed = new Set<string>();
  for (const t of dataset.townships) {
    canonicalOf.set(t.name, t.name);
    listed.add(t.name);
  }
  for (const t of dataset.townships) {
    for (const alias of t.aliases) if (!canonicalOf.has(alias)) canonicalOf.set(alias, t.name);
  }
  const canonical = (name: string): string => canonicalOf.get(name) ?? name;
  const names: string[] = dataset.townships.map((t) => t.name);
  const seen = new Set<string>(names);
  const visit = (raw: string): void => {
    const c = canonical(raw);
    if (!seen.has(c)) {
      seen.add(c);
      names.push(c);
    }
  };
  // Each distinct name once, in first appearance: the same first appearances as every record.
  for (const raw of recordTownshipNames(dataset)) visit(raw);
  return { names, canonical, isListed: (name) => listed.has(name) };
}

/**
 * How many townships a dataset covers: the district's list plus every township known only from
 * its records (a ledger, a report or a problem from an unlisted township), as the charts list them.
 */
export const datasetTownshipCount = (dataset: Dataset): number => buildTownshipIndex(dataset).names.length;
