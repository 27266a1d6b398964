/**
 * Records in blocks (issue 13, docs/decisions/0009): an import's new records are written many to
 * an IndexedDB row; a replacement or a restored value is a row of its own that overrides the
 * block's copy; databases written one row per record (schema version 1) read and change as before.
 */
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { ledgerTallyOf, tallyHazardLedger } from '../analysis/hazard-tally';
import type { HazardRecord } from '../domain/records';
import { DEFAULT_SETTINGS } from './settings';
import type { PersistentStore, PersistentStoreOptions } from './persistent-store';
import type { StoredRecord } from './persist-types';
import { hazardBaseKey, makeRecordId } from './record-keys';
import {
  bytesOf,
  closeTestStores,
  hazard,
  makeTestStore,
  result,
  storedRecordCount,
  uniqueDbName,
} from './test-support';

/** Small blocks, so a few hundred records cross block and write-step edges. */
const makeStore = (label: string, extra: PersistentStoreOptions = {}) =>
  makeTestStore(label, { chunks: { block: 100, write: 300, codesTally: 0 }, ...extra });
afterEach(closeTestStores);

/** A township's ledger of `n` hazards; item `open` is still being rectified. */
const ledger = (n: number, open = -1): HazardRecord[] =>
  Array.from({ length: n }, (_, i) =>
    hazard(
      ['小召乡', '城关镇', '东关街道'][i % 3]!,
      `2024-03-${String((i % 28) + 1).padStart(2, '0')}`,
      `灭火器过期 第${i}处`,
      i === open ? 'in_progress' : 'rectified',
    ),
  );

async function importLedger(store: PersistentStore, file: string, hazards: HazardRecord[], replace = false) {
  const plan = await store.prepareImport(result(file, [], { hazards }), bytesOf(file), {
    kind: 'file',
    name: file,
  });
  const decisions = new Map(
    plan.conflicts.map((c) => [c.key, replace ? ('replace' as const) : ('keep' as const)]),
  );
  return { plan, outcome: await store.commitImport(plan, decisions) };
}

/**
 * The tally the cube reads (joined from the blocks' tallies on a reload, or tallied from the
 * records) is the tally of the dataset's hazards as they are now.
 */
const expectLedgerTally = (store: PersistentStore) => {
  const hazards = store.getSnapshot().dataset.hazards;
  expect(ledgerTallyOf(hazards)).toEqual(tallyHazardLedger(hazards, null));
};

const statusOf = (store: PersistentStore, description: string) =>
  store.getSnapshot().dataset.hazards.find((h) => h.description === description)?.status;

describe('records in blocks', () => {
  it('a ledger of 1,000 hazards is 10 IndexedDB rows, and reads back whole and in file order', async () => {
    const store = await makeStore('rows');
    const hazards = ledger(1_000);
    await importLedger(store, '三月台账.csv', hazards);
    expect(await store.db.records.count()).toBe(0);
    expect(await store.db.blocks.count()).toBe(10);
    expect(await store.db.blockKeys.count()).toBe(10);
    await store.reload();
    expect(store.getSnapshot().dataset.hazards.map((h) => h.description)).toEqual(
      hazards.map((h) => h.description),
    );
    expect(await storedRecordCount(store.db)).toBe(1_000);
    expectLedgerTally(store);
    expect(ledgerTallyOf(store.getSnapshot().dataset.hazards).map((r) => r.found)).toEqual([334, 333, 333]);
  });

  it('two ledgers in blocks: the tally joined from the blocks is the tally of both, in order', async () => {
    const store = await makeStore('two-ledgers');
    await importLedger(store, '三月台账.csv', ledger(250, 3));
    const april = ledger(180, 7).map((h) => ({
      ...h,
      description: `四月 ${h.description}`,
      source: { ...h.source, file: '四月台账.csv' },
    }));
    await importLedger(store, '四月台账.csv', april);
    await store.reload();
    expect(store.getSnapshot().dataset.hazards).toHaveLength(430);
    expectLedgerTally(store);
    const tally = ledgerTallyOf(store.getSnapshot().dataset.hazards);
    expect(tally.reduce((n, r) => n + r.found, 0)).toBe(430);
    expect(tally.reduce((n, r) => n + r.rectified, 0)).toBe(428);
  });

  it('a corrected ledger finds its hazards in blocks: identical ones skipped, a changed one replaced and undone', async () => {
    const store = await makeStore('replace');
    const first = await importLedger(store, '三月台账.csv', ledger(250));
    const second = await importLedger(
      store,
      '三月台账（更正）.csv',
      [...ledger(250, 207), ...ledger(252).slice(250)],
      true,
    );
    expect(second.plan.identical).toBe(249);
    expect(second.plan.conflicts.map((c) => c.incoming)).toMatchObject([
      { description: '灭火器过期 第207处' },
    ]);
    expect(second.outcome).toMatchObject({
      kind: 'committed',
      counts: { added: 2, replaced: 1, identical: 249 },
    });
    // The replacement is a row of its own; the block keeps the old copy underneath.
    expect(await store.db.records.count()).toBe(1);
    expect(statusOf(store, '灭火器过期 第207处')).toBe('in_progress');
    expect(store.getSnapshot().dataset.hazards).toHaveLength(252);
    expectLedgerTally(store);

    // History: the replaced value is a revision, and restoring it brings the block's value back.
    const [rev] = await store.listRevisions(second.plan.conflicts[0]!.key);
    expect(rev!.batchId).toBe(first.plan.batchId);
    expect(await store.restoreRevision(rev!.id)).toBe(true);
    expect(statusOf(store, '灭火器过期 第207处')).toBe('rectified');
    expectLedgerTally(store);
    const [back] = await store.listRevisions(second.plan.conflicts[0]!.key);
    expect(await store.restoreRevision(back!.id)).toBe(true);
    expect(statusOf(store, '灭火器过期 第207处')).toBe('in_progress');

    // Removing the correction brings the first ledger's value back and drops its two new items.
    expect(await store.removeBatch(second.plan.batchId)).toEqual({ removed: 3, restoredFromRevisions: 1 });
    expect(statusOf(store, '灭火器过期 第207处')).toBe('rectified');
    expect(store.getSnapshot().dataset.hazards).toHaveLength(250);
    expectLedgerTally(store);
    expect(await store.db.records.count()).toBe(1);
    // Removing the first ledger leaves nothing: its blocks and the row that restored its value.
    expect(await store.removeBatch(first.plan.batchId)).toEqual({ removed: 250, restoredFromRevisions: 0 });
    expect(await storedRecordCount(store.db)).toBe(0);
    expect(await store.db.blocks.count()).toBe(0);
    expect(store.getSnapshot().dataset.hazards).toEqual([]);
  });

  it('removing the first ledger keeps a hazard a later ledger replaced, with its value', async () => {
    const store = await makeStore('remove-first');
    const first = await importLedger(store, 'a.csv', ledger(120));
    await importLedger(store, 'b.csv', ledger(120, 5).slice(0, 10), true);
    expect(await store.removeBatch(first.plan.batchId)).toEqual({ removed: 119, restoredFromRevisions: 0 });
    expect(store.getSnapshot().dataset.hazards.map((h) => h.status)).toEqual(['in_progress']);
    expect(store.getSnapshot().revisionCount).toBe(0);
  });

  it('a plan made stale by a block another tab wrote commits nothing', async () => {
    const name = uniqueDbName('stale-blocks');
    const a = await makeStore('stale-a', { dbName: name });
    const b = await makeStore('stale-b', { dbName: name });
    await importLedger(a, '月报.csv', []); // nothing: the store has no hazards yet
    const plan = await b.prepareImport(result('b.csv', [], { hazards: ledger(150) }), bytesOf('b'), {
      kind: 'file',
      name: 'b.csv',
    });
    await importLedger(a, 'a.csv', ledger(150).slice(140));
    expect(await b.commitImport(plan, new Map())).toEqual({ kind: 'stale' });
    expect(await storedRecordCount(b.db)).toBe(10);
  });

  it('a backup of blocks restores into a fresh profile as blocks, with the same data, and only once', async () => {
    const source = await makeStore('backup-src');
    await importLedger(source, 'a.csv', ledger(230));
    await importLedger(source, 'b.csv', ledger(230, 3).slice(0, 5), true);
    const text = await source.exportBackup();
    const target = await makeStore('backup-dst');
    const restored = await target.restoreBackup(text);
    expect(restored).toMatchObject({ ok: true, value: { restored: 230, identical: 0, batchesAdded: 2 } });
    // a.csv's 229 current values in 3 blocks; the value b.csv replaced is b.csv's, in 1 block.
    expect(await target.db.blocks.count()).toBe(4);
    expect(await target.db.records.count()).toBe(0);
    expect(await target.listRevisions()).toHaveLength(1);
    const strip = (s: PersistentStore) =>
      s.getSnapshot().dataset.hazards.map((h) => [h.description, h.status]);
    expect(strip(target)).toEqual(strip(source));
    expect(await target.restoreBackup(text)).toMatchObject({
      ok: true,
      value: { restored: 0, identical: 230 },
    });
    expect(await storedRecordCount(target.db)).toBe(230);
  });
});

describe('a database written one row per record (schema version 1)', () => {
  /** What version 1 of the app left behind: a batch and its records, one row each. */
  async function versionOneDatabase(name: string, hazards: HazardRecord[]): Promise<void> {
    const v1 = new Dexie(name);
    v1.version(1).stores({
      batches: 'id, &seq, hash',
      records: 'id, batchId',
      revisions: 'id, recordId, batchId, &order',
      kv: 'key',
    });
    await v1.open();
    const batchId = 'v1-batch';
    const source = await makeStore('v1-shape', { dbName: uniqueDbName('v1-shape') });
    const plan = await source.prepareImport(result('旧台账.csv', [], { hazards }), bytesOf('old'), {
      kind: 'file',
      name: '旧台账.csv',
    });
    const committed = await source.commitImport(plan, new Map());
    expect(committed.kind).toBe('committed');
    const batch = (await source.db.batches.toArray())[0]!;
    await v1.table('batches').add({ ...batch, id: batchId });
    const rows: StoredRecord[] = plan.newRecords.map((d) => ({
      ...d,
      batchId,
      batchSeq: batch.seq,
      record: { ...d.record, source: { ...d.record.source, batchId } },
    }));
    await v1.table('records').bulkAdd(rows);
    await v1.table('kv').put({ key: 'settings', value: DEFAULT_SETTINGS });
    v1.close();
  }

  it('opens, reads, replaces into and removes the old rows as before', async () => {
    const name = uniqueDbName('v1');
    await versionOneDatabase(name, ledger(40));
    const store = await makeStore('v1-open', { dbName: name });
    expect(store.getSnapshot().dataset.hazards).toHaveLength(40);
    const key = makeRecordId('hazard', hazardBaseKey(ledger(40)[7]!));
    expect(await store.db.records.get(key)).toBeDefined();
    const next = await importLedger(store, '新台账.csv', [...ledger(40, 7), ...ledger(45).slice(40)], true);
    expect(next.outcome).toMatchObject({
      kind: 'committed',
      counts: { added: 5, replaced: 1, identical: 39 },
    });
    expect(statusOf(store, '灭火器过期 第7处')).toBe('in_progress');
    expect(await store.removeBatch('v1-batch')).toEqual({ removed: 39, restoredFromRevisions: 0 });
    expect(store.getSnapshot().dataset.hazards).toHaveLength(6);
  });
});
