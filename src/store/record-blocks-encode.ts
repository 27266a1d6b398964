/**
 * Encoding records into blocks (record-blocks.ts has the layout and the decoder). Loaded on
 * demand by the store before a commit or a backup restore writes blocks, so the page's entry
 * chunk carries only the decoder every reload needs.
 */
import { DRAFT_OCCURRENCE, type StoredKind, type StoredRecordDraft } from './persist-types';
import type { Column } from '../domain/columns';
import { encodeColumns, narrowCodes } from '../domain/columns-encode';
import { withBatch } from './import-plan';
import { BLOCK_SIZE, type BlockKeysRow, type BlockRow } from './record-blocks';
import { baseKeyOf, occurrenceOf } from './record-keys';

/**
 * The columns of drafts' records as batch `batchId` stores them: with `source.batchId` set, as
 * import-plan.ts withBatch sets it (the same value in place of one the source had, else last).
 * Set on the source's columns, one dictionary entry for the block, rather than on a copy of
 * every record and its source.
 */
function columnsOf(part: readonly StoredRecordDraft[], batchId: string): Column[] {
  const columns = encodeColumns(part.map((d) => d.record as unknown as Record<string, unknown>));
  const at = columns.findIndex((c) => c.key === 'source');
  const source = columns[at];
  // A record without a plain source object (not made by ingest): copied the long way.
  if (source?.type !== 'obj' || source.present.includes(0))
    return encodeColumns(part.map((d) => withBatch(d.record, batchId) as unknown as Record<string, unknown>));
  const batch: Column = { key: 'batchId', type: 'dict', dict: [batchId], codes: new Uint8Array(part.length) };
  const inner = source.columns.some((c) => c.key === 'batchId')
    ? source.columns.map((c) => (c.key === 'batchId' ? batch : c))
    : [...source.columns, batch];
  return columns.map((c, i) => (i === at ? { ...source, columns: inner } : c));
}

/**
 * The blocks of one commit's new records: one batch, grouped by kind, in the drafts' order,
 * `size` records each, each with its keys row (same id). Lazy: a block is encoded when it is
 * asked for, so a writer can encode and write a few at a time and never spend a long task
 * encoding a million records at once.
 */
export function* blocksOf(
  drafts: readonly StoredRecordDraft[],
  batchId: string,
  batchSeq: number,
  size = BLOCK_SIZE,
  /** Distinguishes blocks added to a batch later (a backup restored into it). */
  tag = '',
): Generator<{ readonly block: BlockRow; readonly keys: BlockKeysRow }> {
  const byKind = new Map<StoredKind, readonly StoredRecordDraft[]>();
  const first = drafts[0]?.kind;
  if (first !== undefined && drafts.every((d) => d.kind === first)) byKind.set(first, drafts);
  else
    // Grouped only when kinds are mixed: a ledger's million drafts of one kind were a long task.
    for (const d of drafts) {
      const list = byKind.get(d.kind) as StoredRecordDraft[] | undefined;
      if (list) list.push(d);
      else byKind.set(d.kind, [d]);
    }
  for (const [kind, list] of byKind) {
    for (let at = 0, n = 0; at < list.length; at += size, n++) {
      const part = list.slice(at, at + size);
      const id = [batchId, kind, tag, n].join('\u0001');
      const ids = part.map((d) => d.id);
      const occurrences = new Int32Array(part.length);
      const oddIds: [number, string][] = [];
      let most = 0;
      part.forEach((d, i) => {
        // The planner's number when the key still ends in it (hazards and problems, the kinds
        // keyed with one), else worked out of the key.
        const planned = d[DRAFT_OCCURRENCE];
        const n =
          planned !== undefined && d.id.endsWith(`\u0001${planned}`)
            ? planned
            : occurrenceOf(d.id, kind, baseKeyOf(kind, d.record));
        if (n === null) oddIds.push([i, d.id]);
        else occurrences[i] = n;
        if (n !== null && n > most) most = n;
      });
      const block: BlockRow = {
        id,
        batchId,
        batchSeq,
        kind,
        count: part.length,
        occurrences: narrowCodes(occurrences, most + 1),
        oddIds,
        ordinals: Int32Array.from(part, (d) => d.ordinal),
        columns: columnsOf(part, batchId),
      };
      yield { block, keys: { id, batchId, kind, ids } };
    }
  }
}
