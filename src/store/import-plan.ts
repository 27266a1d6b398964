/**
 * Pure planning of an import: turns an ingest result into keyed record drafts and classifies each
 * against what is stored (new / identical / conflict). Used both when preparing the plan shown to
 * the user and again inside the commit transaction, so a change made meanwhile by another tab is
 * detected instead of overwritten.
 */
import type { FileIngestResult } from '../ingest/types';
import {
  DRAFT_OCCURRENCE,
  type AnyRecord,
  type Conflict,
  type StoredKind,
  type StoredRecord,
  type StoredRecordDraft,
} from './persist-types';
import { baseKeyOf, diffRecords, makeRecordId } from './record-keys';

/**
 * The record as stored by batch `batchId`: `source.batchId` set, the rest untouched. A draft holds
 * its record as ingested; the store sets the batch where it writes one (record-blocks-encode.ts
 * for blocks, the commit for a replacement row). Copying a million records and their sources here
 * was a third of keying a city's ledger, and twice its records for the collector (issue 13).
 */
export function withBatch<T extends AnyRecord>(record: T, batchId: string): T {
  return { ...record, source: { ...record.source, batchId } };
}

/** Builds keyed drafts one record at a time (see buildDrafts for the rules). */
function draftBuilder() {
  const drafts: StoredRecordDraft[] = [];
  let duplicateInFile = 0;
  // Seen base keys, one map per kind: the base key is used as it is, where a key joined with its
  // kind was one more string per record to build and hash (a million per city ledger).
  const occurrences = new Map<StoredKind, Map<string, number>>();
  const push = (kind: StoredKind, record: AnyRecord): void => {
    const base = baseKeyOf(kind, record);
    let seen = occurrences.get(kind);
    if (!seen) occurrences.set(kind, (seen = new Map()));
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    if ((kind === 'township_month' || kind === 'hazard_tally') && n > 0) {
      duplicateInFile++;
      return;
    }
    drafts.push({
      id: makeRecordId(kind, base, n),
      kind,
      ordinal: drafts.length,
      record,
      [DRAFT_OCCURRENCE]: n,
    });
  };
  return { push, done: () => ({ drafts, duplicateInFile }) };
}

const listsOf = (result: FileIngestResult): [StoredKind, readonly AnyRecord[]][] => [
  ['township_month', result.townshipMonths],
  ['hazard', result.hazards],
  ['problem', result.problems],
  ['hazard_tally', result.hazardTallies ?? []],
];

/**
 * Keyed drafts for every record of an ingest result, in file order (township-months, hazards,
 * problems). A township-month key repeated inside the file keeps the first row and counts the rest
 * in `duplicateInFile` (ingest already rejects conflicting repeats); repeated hazards and problems
 * get an occurrence number so none is lost. A rejected result yields no drafts.
 */
export function buildDrafts(result: FileIngestResult): {
  drafts: StoredRecordDraft[];
  duplicateInFile: number;
} {
  const b = draftBuilder();
  if (result.status === 'rejected') return b.done();
  for (const [kind, list] of listsOf(result)) for (const r of list) b.push(kind, r);
  return b.done();
}

/**
 * buildDrafts for a large result without a long task: `slice` records at a time, awaiting
 * `pause` (a macrotask, so the page draws) between slices. Same drafts, same order.
 */
export async function buildDraftsInSlices(
  result: FileIngestResult,
  pause: () => Promise<void>,
  slice: number,
): Promise<{ drafts: StoredRecordDraft[]; duplicateInFile: number }> {
  const b = draftBuilder();
  if (result.status === 'rejected') return b.done();
  let since = 0;
  for (const [kind, list] of listsOf(result)) {
    for (const r of list) {
      b.push(kind, r);
      if (++since >= slice) {
        since = 0;
        await pause();
      }
    }
  }
  return b.done();
}

/** The period a record belongs to (hazards: month found). */
const periodOf = (r: AnyRecord): string => r.period;

/** `report_date` when the record has one, for the older-than-stored warning. */
const reportDateOf = (r: AnyRecord): string | null =>
  'report_date' in r && typeof r.report_date === 'string' ? r.report_date : null;

export interface Classification {
  readonly newRecords: StoredRecordDraft[];
  readonly identical: number;
  readonly conflicts: Conflict[];
}

/**
 * Classifies drafts against the stored records with the same ids (`existing[i]` belongs to
 * `drafts[i]`, undefined when absent): absent → new; same values (source ignored) → identical;
 * different → a conflict with field diffs. Empty input gives an empty classification.
 */
export function classifyDrafts(
  drafts: readonly StoredRecordDraft[],
  existing: readonly (StoredRecord | undefined)[],
): Classification {
  const newRecords: StoredRecordDraft[] = [];
  const conflicts: Conflict[] = [];
  let identical = 0;
  drafts.forEach((draft, i) => {
    const old = existing[i];
    if (!old) {
      newRecords.push(draft);
      return;
    }
    const diffs = diffRecords(old.record, draft.record);
    if (diffs.length === 0) {
      identical++;
      return;
    }
    const oldDate = reportDateOf(old.record);
    const newDate = reportDateOf(draft.record);
    conflicts.push({
      key: draft.id,
      kind: draft.kind,
      township: draft.record.township,
      period: periodOf(draft.record),
      existing: old.record,
      existingBatchId: old.batchId,
      incoming: draft.record,
      diffs,
      incomingIsOlder: oldDate !== null && newDate !== null && newDate < oldDate,
    });
  });
  return { newRecords, identical, conflicts };
}
