/**
 * The IndexedDB schema (Dexie). Records are keyed by natural key (record-keys.ts); batches by id
 * with a hash index for the "already imported" check; revisions keep replaced values.
 * Bump the version and add an upgrade step for every schema change; never edit version 1.
 */
import { Dexie, type DexieOptions, type Table } from 'dexie';
import type { BatchRow, RevisionRow, StoredRecord } from './persist-types';

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

  constructor(name: string = DB_NAME, options: DexieOptions = {}) {
    // 'strict' durability: an import reported as saved has reached the disk (docs/input-rules.md H4).
    super(name, { chromeTransactionDurability: 'strict', ...options });
    this.version(1).stores({
      batches: 'id, &seq, hash',
      records: 'id, batchId',
      revisions: 'id, recordId, batchId, &order',
      kv: 'key',
    });
  }
}

/** Table names, for transactions that cover the whole database. */
export const ALL_TABLES = ['batches', 'records', 'revisions', 'kv'] as const;
