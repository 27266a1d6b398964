/**
 * Reading the stored records across their two places (docs/decisions/0009-ledger-storage-layout.md):
 * the blocks an import added (record-blocks.ts) and the `records` rows, one per record, which
 * hold what version 1 wrote, replacements and restored revisions. A row overrides a block's copy
 * of the same key. Every function runs inside the caller's Dexie transaction and awaits only
 * Dexie requests (anything else would let the transaction commit early).
 */
import type { TsdDatabase } from './db';
import type { DerivableRecord, StoredKind, StoredRecord } from './persist-types';
import { recordIdPrefix } from './record-keys';
import { derivableOfBlock, idsOfBlock, recordsOfBlock, type BlockRow } from './record-blocks';

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

/** Every `records` row, a page of `pageSize` at a time in key order (one getAll of a million
 * rows was one long task on the page). */
async function readAllRows(db: TsdDatabase, pageSize: number): Promise<StoredRecord[]> {
  const rows: StoredRecord[] = [];
  let page = await db.records.orderBy(':id').limit(pageSize).toArray();
  while (page.length > 0) {
    for (const r of page) rows.push(r);
    if (page.length < pageSize) break;
    page = await db.records
      .where(':id')
      .above(page[page.length - 1]!.id)
      .limit(pageSize)
      .toArray();
  }
  return rows;
}

/** Calls `each` with every block, `blocksPerRead` blocks per read. */
async function forEachBlock(
  db: TsdDatabase,
  blocksPerRead: number,
  each: (b: BlockRow) => void,
): Promise<void> {
  const blockIds = await db.blocks.toCollection().primaryKeys();
  for (let at = 0; at < blockIds.length; at += blocksPerRead) {
    const blocks = await db.blocks.bulkGet(blockIds.slice(at, at + blocksPerRead));
    for (const b of blocks) if (b) each(b);
  }
}

/**
 * Every stored record with its key (a backup): the rows, then each block's records unless a row
 * holds the same key.
 */
export async function readAllStored(
  db: TsdDatabase,
  pageSize: number,
  blocksPerRead: number,
): Promise<StoredRecord[]> {
  const out = await readAllRows(db, pageSize);
  const overridden = new Set(out.map((r) => r.id));
  await forEachBlock(db, blocksPerRead, (b) => {
    for (const r of recordsOfBlock(b)) if (!overridden.has(r.id)) out.push(r);
  });
  return out;
}

/**
 * Every stored record as a reload derives the dataset from it: as readAllStored, but a block's
 * keys are rebuilt only when some row might override one of them (usually none: rows are only
 * replacements and restored values).
 */
export async function readAllDerivable(
  db: TsdDatabase,
  pageSize: number,
  blocksPerRead: number,
): Promise<DerivableRecord[]> {
  const rows = await readAllRows(db, pageSize);
  const out: DerivableRecord[] = rows;
  const overridden = new Set(rows.map((r) => r.id));
  await forEachBlock(db, blocksPerRead, (b) => {
    const records = derivableOfBlock(b);
    if (overridden.size === 0) {
      for (const r of records) out.push(r);
      return;
    }
    const ids = idsOfBlock(b, records);
    records.forEach((r, i) => {
      if (!overridden.has(ids[i]!)) out.push(r);
    });
  });
  return out;
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
