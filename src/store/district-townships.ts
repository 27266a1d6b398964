/**
 * The district's township list, one rule for every reader (docs/architecture.md, "Invariants":
 * townships appear in the district's official order everywhere): the header count, the charts'
 * order, the list ingest matches names against, and the list the settings form starts from.
 *
 * - The settings' master list when one is saved.
 * - Else the townships already held: the earliest list a stored file declared (the sample's
 *   official list), then every other township found in stored records, by first appearance.
 * - Else nothing (`source: 'none'`): no list to check names against.
 *
 * Before this existed the import matched against the settings only, so with no saved settings any
 * name (新城镇, the typo 城关) went straight into district totals, and a settings form that started
 * empty turned "add one township" into a one-township district that rejected every other row.
 */
import { recordTownshipNames } from '../analysis/township-order';
import type { Township } from '../domain/records';
import { inferTownshipType } from '../domain/townships';
import type { PersistentSnapshot } from './persist-types';
import type { DataSnapshot } from './types';

// Here rather than in memory-store.ts: every start needs it, the memory store only private mode.
/**
 * The township list of a merged dataset: the official list (the first non-empty `townships` a file
 * declared, in its order), then every other name found in records (and not an alias of a listed
 * township), in order of first appearance, with its type inferred from the name. Empty when there
 * are no townships at all.
 */
export function mergeTownships(
  official: readonly Township[],
  records: readonly { township: string }[],
): Township[] {
  return mergeTownshipNames(
    official,
    records.map((r) => r.township),
  );
}

/** mergeTownships on the names found in records, in order of first appearance (recordTownshipNames). */
export function mergeTownshipNames(official: readonly Township[], names: readonly string[]): Township[] {
  const out = [...official];
  // An alias is the listed township under another name (an old name, 小召 for 小召乡), not a new one.
  const seen = new Set(official.flatMap((t) => [t.name, ...t.aliases]));
  for (const name of names) {
    if (seen.has(name)) continue;
    seen.add(name);
    out.push({ name, type: inferTownshipType(name), code: null, aliases: [] });
  }
  return out;
}

export type TownshipListSource = 'settings' | 'held' | 'none';

export interface DistrictTownships {
  readonly townships: readonly Township[];
  readonly source: TownshipListSource;
}

const isPersistent = (s: DataSnapshot): s is PersistentSnapshot => 'batches' in s && 'settings' in s;

// Snapshots are immutable: cache per snapshot so the list keeps its identity (memo keys, and the
// matcher's per-list index cache in ingest/township-match.ts).
const CACHE = new WeakMap<DataSnapshot, DistrictTownships>();

function compute(snapshot: DataSnapshot): DistrictTownships {
  const ds = snapshot.dataset;
  if (!isPersistent(snapshot)) {
    // The memory store's dataset already holds the declared list merged with the records' names.
    return { townships: ds.townships, source: ds.townships.length > 0 ? 'held' : 'none' };
  }
  if (snapshot.settings.townships.length > 0)
    return { townships: snapshot.settings.townships, source: 'settings' };
  let declared: readonly Township[] = [];
  // Batches are newest first: the earliest declaration wins, as in the memory store. A sample
  // being saved comes after every stored batch (it is saved on an empty store only).
  for (let i = snapshot.batches.length - 1; i >= 0; i--) {
    const list = snapshot.batches[i]!.result.townships;
    if (list.length > 0) {
      declared = list;
      break;
    }
  }
  if (declared.length === 0 && snapshot.savingTownships) declared = snapshot.savingTownships;
  const merged = mergeTownshipNames(declared, recordTownshipNames(ds));
  const townships = merged.length === declared.length ? declared : merged;
  return { townships, source: townships.length > 0 ? 'held' : 'none' };
}

/** The district's township list for `snapshot` and where it comes from (see the module comment). */
export function districtTownships(snapshot: DataSnapshot): DistrictTownships {
  const cached = CACHE.get(snapshot);
  if (cached) return cached;
  const out = compute(snapshot);
  CACHE.set(snapshot, out);
  return out;
}
