/**
 * Record blocks: the records an import adds, stored many to one IndexedDB row, column by column
 * (docs/decisions/0009-ledger-storage-layout.md). IndexedDB's cost is per row, not per byte: a
 * million hazards written one row each took minutes to save and most of a minute to read back,
 * the same data in blocks of 2,000 a few seconds. Columns make each block small and quick to
 * clone: repeated text (townships, sectors, levels, dates) is one dictionary entry and a small
 * integer per record in the narrowest typed array that holds it, numbers a typed array.
 *
 * Encoding is in record-blocks-encode.ts, loaded when a commit first needs it: every reload
 * decodes, only imports encode, and the entry chunk has a size budget (issue 13, target 5).
 *
 * Pure: no Dexie, no DOM. The store (persistent-store.ts) decides which records go into blocks
 * (every record a commit adds) and which stay one row each (a replacement, a restored revision,
 * which override a block's copy of the same key).
 *
 * The column codec (domain/columns.ts) is generic over plain records: every own enumerable key
 * whose value is not `undefined` round-trips (stableStringify-equal, docs/architecture.md
 * "Storage"); `undefined` is treated as absent, as stableStringify and the diff already treat it.
 */
import { decodeColumns, type CodeArray, type Column } from '../domain/columns';
import type { AnyRecord, DerivableRecord, StoredKind, StoredRecord } from './persist-types';
import { baseKeyOf, makeRecordId } from './record-keys';

/** Records per block: large enough that rows are few, small enough that one block decodes fast. */
export const BLOCK_SIZE = 2_000;

/** The IndexedDB row of a block: one batch's records of one kind, in file order. */
export interface BlockRow {
  /** batch id, kind, tag and block number, joined by U+0001 (blocksOf). */
  readonly id: string;
  readonly batchId: string;
  readonly batchSeq: number;
  readonly kind: StoredKind;
  readonly count: number;
  /**
   * The records' keys, as the occurrence number each key carries: a key is rebuilt from its record
   * (record-keys.ts makeRecordId), so the block does not store a million long key strings that
   * the blockKeys table holds anyway. `oddIds` keeps, by position, any key that cannot be rebuilt
   * (written by an older version of the key rules, e.g. restored from an old backup). As narrow
   * as the largest number allows (columns.ts CodeArray); older blocks hold an Int32Array.
   */
  readonly occurrences: CodeArray;
  readonly oddIds: readonly (readonly [number, string])[];
  readonly ordinals: Int32Array;
  readonly columns: readonly Column[];
}

/** A block's keys alone (the blockKeys table): what planning reads to find a stored key. */
export interface BlockKeysRow {
  readonly id: string;
  readonly batchId: string;
  readonly kind: StoredKind;
  readonly ids: readonly string[];
}

/**
 * A block's records without their keys, in its order: what a reload derives the dataset from.
 * Rebuilding a million keys (long strings) on every reload only to drop them was most of the
 * reload's garbage.
 */
export function derivableOfBlock(block: BlockRow): DerivableRecord[] {
  const values = decodeColumns(block.columns, block.count);
  const out: DerivableRecord[] = new Array<DerivableRecord>(block.count);
  for (let i = 0; i < block.count; i++) {
    out[i] = {
      kind: block.kind,
      batchId: block.batchId,
      batchSeq: block.batchSeq,
      ordinal: block.ordinals[i]!,
      record: values[i] as unknown as AnyRecord,
    };
  }
  return out;
}

/** A block's key of each record, in its order, from its decoded `records` (derivableOfBlock). */
export function idsOfBlock(block: BlockRow, records: readonly { readonly record: AnyRecord }[]): string[] {
  const odd = block.oddIds.length > 0 ? new Map(block.oddIds) : null;
  return records.map(
    (r, i) => odd?.get(i) ?? makeRecordId(block.kind, baseKeyOf(block.kind, r.record), block.occurrences[i]),
  );
}

/** A block's records as stored records, in its order. */
export function recordsOfBlock(block: BlockRow): StoredRecord[] {
  const records = derivableOfBlock(block);
  const ids = idsOfBlock(block, records);
  return records.map((r, i) => ({ id: ids[i]!, ...r }));
}

/**
 * A block's records as a reload reads them, without a wrapper object per record: at a million
 * hazards the wrappers lived until the dataset was derived, so the garbage collector moved them
 * to the old generation and then collected them there (issue 13, reload of a city's ledger).
 */
export interface DerivableRun {
  readonly kind: StoredKind;
  readonly batchId: string;
  readonly batchSeq: number;
  /** Each record's position in its file (a block holds them in file order). */
  readonly ordinals: Int32Array;
  readonly records: readonly AnyRecord[];
  /** Hazards: the block they were decoded from, whose codes the ledger tally counts (block-tally.ts). */
  readonly block?: BlockRow;
}

/** Everything stored, as a reload derives the dataset from it (stored-records.ts readAllDerivable). */
export interface DerivableRecords {
  /** Records stored one row each, and blocks' records when a row may override some of them. */
  readonly rows: readonly DerivableRecord[];
  /** Blocks' records that no row overrides. */
  readonly runs: readonly DerivableRun[];
}
