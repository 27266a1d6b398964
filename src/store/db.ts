/**
 * The IndexedDB schema (Dexie). Records are keyed by natural key (record-keys.ts), added in blocks
 * (record-blocks.ts) and overridden one row each; batches by id
 * with a hash index for the "already imported" check; revisions keep replaced values.
 * Bump the version and add an upgrade step for every schema change; never edit version 1.
 */
import { Dexie, type DexieOptions, type Table } from 'dexie';
import type { BatchRow, RevisionRow, StoredRecord } from './persist-types';
import type { BlockKeysRow, BlockRow } from './record-blocks';

/** Default database name. Tests pass their own names so they never share state. */
export const DB_NAME = 'township-safety-dashboard';

export interface KvRow {
  readonly key: string;
  readonly value: unknown;
}

/** Revision rows carry a monotonic `order` so "the latest replaced value" is well defined. */
export type RevisionRowStored = RevisionRow & { readonly order: number };

export class TsdDatabase extends Dexie {
  batches!: Table<BatchRow, string>;
  records!: Table<StoredRecord, string>;
  revisions!: Table<RevisionRowStored, string>;
  kv!: Table<KvRow, string>;
  /** Records an import added, many to a row, in columns (record-blocks.ts; version 2). */
  blocks!: Table<BlockRow, string>;
  /** Each block's keys alone, so finding a stored key never reads the records. */
  blockKeys!: Table<BlockKeysRow, string>;

  constructor(name: string = DB_NAME, options: DexieOptions = {}) {
    // 'strict' durability: an import reported as saved has reached the disk (docs/input-rules.md H4).
    super(name, { chromeTransactionDurability: 'strict', ...options });
    this.version(1).stores({
      batches: 'id, &seq, hash',
      records: 'id, batchId',
      revisions: 'id, recordId, batchId, &order',
      kv: 'key',
    });
    // Version 2 (issue 13): records are added in blocks (docs/decisions/0009). Rows written by
    // version 1 stay where they are and are read as before; a `records` row overrides a block's
    // copy of the same key (a replacement or a restored revision).
    this.version(2).stores({
      blocks: 'id, batchId, kind',
      blockKeys: 'id, batchId, kind',
    });
  }
}

/** Table names, for transactions that cover the whole database. */
export const ALL_TABLES = ['batches', 'records', 'revisions', 'kv', 'blocks', 'blockKeys'] as const;
