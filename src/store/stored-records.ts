/**
 * Reading every stored record across their two places (docs/decisions/0009-ledger-storage-layout.md):
 * the blocks an import added (record-blocks.ts) and the `records` rows, one per record, which
 * hold what version 1 wrote, replacements and restored revisions. A row overrides a block's copy
 * of the same key (finding some by key: stored-lookup.ts). Every function runs inside the caller's Dexie transaction and awaits only
 * Dexie requests (anything else would let the transaction commit early).
 */
import type { TsdDatabase } from './db';
import type { AnyRecord, DerivableRecord, StoredRecord } from './persist-types';
import { decodeColumns } from '../domain/columns';
import {
  derivableOfBlock,
  idsOfBlock,
  recordsOfBlock,
  type BlockRow,
  type DerivableRecords,
  type DerivableRun,
} from './record-blocks';

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

/** The columns a hazard block's ledger tally counts (block-tally.ts), the rest let go. */
const TALLIED = new Set(['township', 'period', 'sector', 'level', 'status']);

/**
 * A hazard block with only the columns its tally reads: a reload keeps each run's block until the
 * tally is counted, and at a million hazards the unused columns (descriptions, units, dates,
 * line numbers) would be held twice over.
 */
function tallyColumnsOf(b: BlockRow): BlockRow {
  const columns = b.columns.flatMap((c) => {
    if (TALLIED.has(c.key)) return [c];
    if (c.key === 'source' && c.type === 'obj')
      return [{ ...c, columns: c.columns.filter((inner) => inner.key === 'file') }];
    return [];
  });
  return { ...b, columns };
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
 * replacements and restored values), and a block no row overrides stays one run of records.
 */
export async function readAllDerivable(
  db: TsdDatabase,
  pageSize: number,
  blocksPerRead: number,
): Promise<DerivableRecords> {
  const stored = await readAllRows(db, pageSize);
  const rows: DerivableRecord[] = stored;
  const runs: DerivableRun[] = [];
  const overridden = new Set(stored.map((r) => r.id));
  await forEachBlock(db, blocksPerRead, (b) => {
    if (overridden.size === 0) {
      const records = decodeColumns(b.columns, b.count) as unknown as AnyRecord[];
      const run = { kind: b.kind, batchId: b.batchId, batchSeq: b.batchSeq, ordinals: b.ordinals, records };
      runs.push(b.kind === 'hazard' ? { ...run, block: tallyColumnsOf(b) } : run);
      return;
    }
    const records = derivableOfBlock(b);
    const ids = idsOfBlock(b, records);
    records.forEach((r, i) => {
      if (!overridden.has(ids[i]!)) rows.push(r);
    });
  });
  return { rows, runs };
}
