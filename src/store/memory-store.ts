/**
 * In-memory DataStore (issue 2). Holds the merged dataset and the import reports; the UI reads it
 * through useSyncExternalStore. The IndexedDB store (issue 6) keeps the same surface and the same
 * merge rules (mergeImports is pure and shared).
 */
import type { HazardRecord, ProblemRecordInput, Township, TownshipMonthRecord } from '../domain/records';
import { EMPTY_DATASET, NUMERIC_FIELDS, townshipMonthKey, type Dataset } from '../domain/records';
import type { IngestIssue } from '../ingest/types';
import { mergeTownships } from './district-townships';
import { hazardTallyKey } from './record-keys';
import type { DataSnapshot, DataStore, ImportEntry } from './types';

/** Fields compared to decide whether two records for the same key say the same thing. */
const COMPARED_FIELDS = [
  ...NUMERIC_FIELDS,
  'report_date',
  'focus_sectors',
  'problems_text',
  'next_steps_text',
  'remarks',
  'approx',
] as const;

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * The fields in which two township-month records differ (values, text, approximation markers);
 * empty when they report the same thing. Source, flags and township aliases are not compared:
 * the same report imported from another file is the same report.
 */
export function differingFields(a: TownshipMonthRecord, b: TownshipMonthRecord): string[] {
  return COMPARED_FIELDS.filter((f) => !same(a[f], b[f]));
}

const hazardKey = (h: HazardRecord): string =>
  JSON.stringify([
    h.township,
    h.date_found,
    h.sector,
    h.level,
    h.description,
    h.status,
    h.rectified_date,
    h.deadline,
    h.village,
    h.unit_name,
  ]);

const problemKey = (p: ProblemRecordInput): string =>
  JSON.stringify([p.township, p.period, p.text, p.category]);

function resubmissionIssue(
  existing: TownshipMonthRecord,
  incoming: TownshipMonthRecord,
  fields: string[],
): IngestIssue {
  return {
    severity: 'warning',
    code: 'dashboard.merge.resubmission',
    file: incoming.source.file,
    line: incoming.source.line,
    column: null,
    field: fields[0] ?? null,
    value: null,
    params: {
      township: incoming.township,
      period: incoming.period,
      fields: fields.join('、'),
      existingFile: existing.source.file,
    },
  };
}

export interface MergeOutcome {
  readonly dataset: Dataset;
  /** The entries as given, each with a warning issue appended for every resubmission conflict. */
  readonly entries: readonly ImportEntry[];
}

/**
 * Merges ingested files into a dataset, in order. Township-month records are keyed by
 * (township, period, scope): a new key is added; an identical record is a no-op; a record that
 * differs is NOT merged: the existing one is kept and the conflict is reported as a
 * `dashboard.merge.resubmission` warning in that file's report (a resubmission to review — issue 6
 * adds replace/diff). Identical hazards and problems are not added twice. Files with status
 * `rejected` contribute nothing. The district is the first one declared.
 */
export function mergeImports(base: Dataset, entries: readonly ImportEntry[]): MergeOutcome {
  const tm = new Map<string, TownshipMonthRecord>();
  for (const r of base.townshipMonths) tm.set(townshipMonthKey(r), r);
  const hazards = [...base.hazards];
  const hazardKeys = new Set(hazards.map(hazardKey));
  const problems = [...base.problems];
  const problemKeys = new Set(problems.map(problemKey));
  // Hazard aggregate rows (agg.json): one per township, month, sector and level; the first kept.
  const tallies = [...(base.hazardTallies ?? [])];
  const tallyKeys = new Set(tallies.map(hazardTallyKey));
  let district = base.district;
  let official: readonly Township[] = base.townships;
  const outEntries: ImportEntry[] = [];

  for (const entry of entries) {
    const res = entry.result;
    if (res.status !== 'ok') {
      outEntries.push(entry);
      continue;
    }
    if (district === null && res.district) district = res.district;
    // A file's declared master list becomes official only if none is known yet; names in records
    // but not in it are appended by mergeTownships below.
    if (official.length === 0 && res.townships.length > 0) official = res.townships;
    const conflicts: IngestIssue[] = [];
    for (const r of res.townshipMonths) {
      const key = townshipMonthKey(r);
      const existing = tm.get(key);
      if (!existing) {
        tm.set(key, r);
        continue;
      }
      const diff = differingFields(existing, r);
      if (diff.length > 0) conflicts.push(resubmissionIssue(existing, r, diff));
    }
    for (const h of res.hazards) {
      const k = hazardKey(h);
      if (hazardKeys.has(k)) continue;
      hazardKeys.add(k);
      hazards.push(h);
    }
    for (const p of res.problems) {
      const k = problemKey(p);
      if (problemKeys.has(k)) continue;
      problemKeys.add(k);
      problems.push(p);
    }
    for (const t of res.hazardTallies ?? []) {
      const k = hazardTallyKey(t);
      if (tallyKeys.has(k)) continue;
      tallyKeys.add(k);
      tallies.push(t);
    }
    outEntries.push(
      conflicts.length === 0
        ? entry
        : { ...entry, result: { ...res, issues: [...res.issues, ...conflicts] } },
    );
  }

  const townshipMonths = [...tm.values()];
  const townships = mergeTownships(official, [...townshipMonths, ...hazards, ...problems, ...tallies]);
  return {
    dataset: {
      district,
      townships,
      townshipMonths,
      hazards,
      problems,
      ...(tallies.length > 0 ? { hazardTallies: tallies } : {}),
    },
    entries: outEntries,
  };
}

/** Creates an empty in-memory store. */
export function createMemoryStore(initial: Dataset = EMPTY_DATASET): DataStore {
  let snapshot: DataSnapshot = { dataset: initial, imports: [], version: 0 };
  const listeners = new Set<() => void>();
  const publish = (next: Omit<DataSnapshot, 'version'>) => {
    snapshot = { ...next, version: snapshot.version + 1 };
    for (const l of [...listeners]) l();
  };
  return {
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async addImports(entries) {
      if (entries.length === 0) return;
      const { dataset, entries: reported } = mergeImports(snapshot.dataset, entries);
      // Newest first; within one batch the last file given is the newest.
      publish({ dataset, imports: [...[...reported].reverse(), ...snapshot.imports] });
    },
    async reset(dataset, imports) {
      publish({ dataset, imports: [...imports] });
    },
    // Nothing is kept beyond the tab: no history, settings or backup (types.ts).
    persistent: null,
  };
}
