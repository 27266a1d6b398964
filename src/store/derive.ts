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
import type { BatchRow, DerivableRecord, Settings } from './persist-types';

/**
 * Builds the dataset: records ordered by batch commit order then position in the file; townships
 * from the settings' master list (empty → order of first appearance, decided by analysis); district
 * from the settings, else the latest batch that declared one, else null. Empty input → empty dataset.
 */
export function deriveDataset(
  records: readonly DerivableRecord[],
  // Only each batch's order and declared district are read (a planned batch has no row yet).
  batches: readonly Pick<BatchRow, 'seq' | 'district'>[],
  settings: Settings,
): Dataset {
  const sorted = inCommitOrder(records);
  const townshipMonths: TownshipMonthRecord[] = [];
  const hazards: HazardRecord[] = [];
  const problems: ProblemRecordInput[] = [];
  const hazardTallies: HazardTallyRecord[] = [];
  for (const r of sorted) {
    if (r.kind === 'township_month') townshipMonths.push(r.record as TownshipMonthRecord);
    else if (r.kind === 'hazard') hazards.push(r.record as HazardRecord);
    else if (r.kind === 'hazard_tally') hazardTallies.push(r.record as HazardTallyRecord);
    else problems.push(r.record as ProblemRecordInput);
  }
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
