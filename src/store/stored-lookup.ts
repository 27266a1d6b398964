/**
 * Finding stored records by key, across blocks and rows (a row overrides a block's copy of the
 * same key; docs/decisions/0009-ledger-storage-layout.md). Planning, committing, restoring a
 * revision and restoring a backup need it; a reload does not, so it loads on demand (the entry
 * chunk has a size budget, issue 13 target 5). Runs inside the caller's Dexie transaction and
 * awaits only Dexie requests.
 */
import type { TsdDatabase } from './db';
import type { StoredKind, StoredRecord } from './persist-types';
import { recordsOfBlock } from './record-blocks';
import { recordIdPrefix } from './record-keys';

const KINDS: readonly StoredKind[] = ['township_month', 'hazard', 'problem', 'hazard_tally'];

/** The kinds of which at least one record is stored, as a row or in a block: one probe each. */
export async function storedKinds(db: TsdDatabase): Promise<ReadonlySet<StoredKind>> {
  const [rows, blocks] = await Promise.all([
    Promise.all(
      KINDS.map((k) => db.records.where(':id').startsWith(recordIdPrefix(k)).limit(1).primaryKeys()),
    ),
    Promise.all(KINDS.map((k) => db.blockKeys.where('kind').equals(k).limit(1).primaryKeys())),
  ]);
  return new Set(KINDS.filter((_, i) => rows[i]!.length > 0 || blocks[i]!.length > 0));
}

/**
 * Finds stored records by key within one transaction. Built once per transaction for the kinds
 * that have stored records; a block is decoded at most once.
 */
export class StoredLookup {
  private readonly decoded = new Map<string, Map<string, StoredRecord>>();

  private constructor(
    private readonly db: TsdDatabase,
    /** Key → the block that holds it. */
    private readonly blockOf: ReadonlyMap<string, string>,
  ) {}

  /** Reads the keys of every block of `kinds` (the blockKeys rows, not the records). */
  static async load(db: TsdDatabase, kinds: ReadonlySet<StoredKind>): Promise<StoredLookup> {
    const blockOf = new Map<string, string>();
    if (kinds.size > 0) {
      const rows = await db.blockKeys
        .where('kind')
        .anyOf([...kinds])
        .toArray();
      for (const row of rows) for (const id of row.ids) blockOf.set(id, row.id);
    }
    return new StoredLookup(db, blockOf);
  }

  /** The stored record of each id (a row wins over a block's copy), or undefined. */
  async get(ids: readonly string[]): Promise<(StoredRecord | undefined)[]> {
    const rows = await this.db.records.bulkGet([...ids]);
    const missing = new Set<string>();
    ids.forEach((id, i) => {
      const block = rows[i] === undefined ? this.blockOf.get(id) : undefined;
      if (block !== undefined && !this.decoded.has(block)) missing.add(block);
    });
    if (missing.size > 0) {
      const blocks = await this.db.blocks.bulkGet([...missing]);
      for (const b of blocks) {
        if (b) this.decoded.set(b.id, new Map(recordsOfBlock(b).map((r) => [r.id, r])));
      }
    }
    return ids.map((id, i) => {
      if (rows[i] !== undefined) return rows[i];
      const block = this.blockOf.get(id);
      return block === undefined ? undefined : this.decoded.get(block)?.get(id);
    });
  }
}
