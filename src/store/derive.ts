/**
 * Derives the Dataset every chart reads from the committed records. Nothing else is stored, so
 * removing a batch or restoring a revision changes every chart at once (docs/architecture.md#invariants, "derive, don't store").
 */
import type {
  Dataset,
  HazardRecord,
  HazardTallyRecord,
  ProblemRecordInput,
  TownshipMonthRecord,
} from '../domain/records';
import type { AnyRecord, BatchRow, DerivableRecord, Settings, StoredKind } from './persist-types';
import type { DerivableRecords, DerivableRun } from './record-blocks';
import { concatAll } from '../domain/arrays';

/**
 * Builds the dataset: records ordered by batch commit order then position in the file; townships
 * from the settings' master list (empty → order of first appearance, decided by analysis); district
 * from the settings, else the latest batch that declared one, else null. Empty input → empty dataset.
 */
export function deriveDataset(
  stored: DerivableRecords | readonly DerivableRecord[],
  // Only each batch's order and declared district are read (a planned batch has no row yet).
  batches: readonly Pick<BatchRow, 'seq' | 'district'>[],
  settings: Settings,
): Dataset {
  const { rows, runs }: DerivableRecords = isRecordArray(stored) ? { rows: stored, runs: [] } : stored;
  const townshipMonths = recordsOfKind(rows, runs, 'township_month') as TownshipMonthRecord[];
  const hazards = recordsOfKind(rows, runs, 'hazard') as HazardRecord[];
  const problems = recordsOfKind(rows, runs, 'problem') as ProblemRecordInput[];
  const hazardTallies = recordsOfKind(rows, runs, 'hazard_tally') as HazardTallyRecord[];
  let district: string | null = settings.districtName.trim() === '' ? null : settings.districtName.trim();
  if (district === null) {
    const withDistrict = [...batches].sort((a, b) => b.seq - a.seq).find((b) => b.district);
    district = withDistrict?.district ?? null;
  }
  return {
    district,
    townships: settings.townships,
    townshipMonths,
    hazards,
    problems,
    ...(hazardTallies.length > 0 ? { hazardTallies } : {}),
  };
}

const isRecordArray = (s: DerivableRecords | readonly DerivableRecord[]): s is readonly DerivableRecord[] =>
  Array.isArray(s);

/**
 * The records of one kind in commit order (batchSeq, then ordinal; ties in input order, rows
 * before runs). Runs that follow each other without overlap, as an import's blocks do, are joined
 * as they are; anything else (rows of that kind, a restored backup's ties) goes through
 * inCommitOrder record by record.
 */
function recordsOfKind(
  rows: readonly DerivableRecord[],
  runs: readonly DerivableRun[],
  kind: StoredKind,
): AnyRecord[] {
  const ofKind = runs.filter((r) => r.kind === kind && r.records.length > 0);
  const kindRows = rows.filter((r) => r.kind === kind);
  const ordered = kindRows.length === 0 ? runsInOrder(ofKind) : null;
  if (ordered) {
    // One concat, sized once: pushing a million records grew and copied the array a score of
    // times, in one task of the reload.
    return concatAll(ordered.map((run) => run.records));
  }
  const all: DerivableRecord[] = [...kindRows];
  for (const run of ofKind)
    run.records.forEach((record, i) =>
      all.push({ kind, batchId: run.batchId, batchSeq: run.batchSeq, ordinal: run.ordinals[i]!, record }),
    );
  return inCommitOrder(all).map((r) => r.record);
}

/**
 * The runs sorted by (batchSeq, first ordinal) when joining them in that order gives commit order
 * with no ties: each run's ordinals strictly increase and a run of the same batch starts after the
 * previous one ends. Null otherwise.
 */
export function runsInOrder(runs: readonly DerivableRun[]): DerivableRun[] | null {
  const sorted = [...runs].sort((a, b) => a.batchSeq - b.batchSeq || a.ordinals[0]! - b.ordinals[0]!);
  let prev: DerivableRun | null = null;
  for (const run of sorted) {
    const o = run.ordinals;
    if (o.length !== run.records.length) return null;
    for (let i = 1; i < o.length; i++) if (!(o[i - 1]! < o[i]!)) return null;
    if (prev && prev.batchSeq === run.batchSeq && !(prev.ordinals[prev.ordinals.length - 1]! < o[0]!))
      return null;
    prev = run;
  }
  return sorted;
}

/**
 * The records ordered by (batchSeq, ordinal), ties in input order: what a stable sort gives, in
 * linear time. Ordinals are positions in a file, so they are dense per batch: each batch gets an
 * array indexed by ordinal. A comparison sort of a million records was a second-long task on the
 * page at every reload (issue 13).
 */
function inCommitOrder<R extends DerivableRecord>(records: readonly R[]): R[] {
  const bySeq = new Map<number, (R | R[] | undefined)[]>();
  // Slots beyond a few times the record count would make the walk below longer than a sort.
  const maxOrdinal = 4 * records.length + 1024;
  let odd = false;
  for (const r of records) {
    if (!Number.isSafeInteger(r.ordinal) || r.ordinal < 0 || r.ordinal > maxOrdinal) odd = true;
    if (odd) break;
    let slots = bySeq.get(r.batchSeq);
    if (!slots) bySeq.set(r.batchSeq, (slots = []));
    const at = slots[r.ordinal];
    // A tie (possible after a backup restore into an existing batch) keeps input order.
    if (at === undefined) slots[r.ordinal] = r;
    else if (Array.isArray(at)) at.push(r);
    else slots[r.ordinal] = [at, r];
  }
  // Ordinals that are not small non-negative integers (not written by this app): sort.
  if (odd) return [...records].sort((a, b) => a.batchSeq - b.batchSeq || a.ordinal - b.ordinal);
  const out: R[] = [];
  for (const seq of [...bySeq.keys()].sort((a, b) => a - b)) {
    for (const slot of bySeq.get(seq)!) {
      if (slot === undefined) continue;
      if (Array.isArray(slot)) for (const r of slot) out.push(r);
      else out.push(slot);
    }
  }
  return out;
}
