/**
 * Chunked persistence (issue 13, target 2): a large import is planned, re-checked, written and
 * read back a chunk at a time so no single step blocks the page, and it is still one
 * transaction: every record or none, conflicts found in any chunk.
 */
import 'fake-indexeddb/auto';
import type { DBCore, DBCoreMutateRequest, DBCoreTable } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { HazardRecord } from '../domain/records';
import { deriveDataset } from './derive';
import type { StoredRecord } from './persist-types';
import type { PersistentStore } from './persistent-store';
import { DEFAULT_SETTINGS } from './settings';
import type { BlockRow } from './record-blocks';
import {
  bytesOf,
  closeTestStores,
  hazard,
  makeTestStore,
  result,
  storedRecordCount,
  tm,
} from './test-support';

const makeStore = makeTestStore;
afterEach(closeTestStores);

/** Blocks of 2 records, written 2 blocks (4 records) at a time. */
const SMALL = { plan: 3, read: 4, write: 5, block: 2 } as const;

/** A ledger of `n` hazards, in file order, distinct by description. */
const ledger = (n: number, changed = -1): HazardRecord[] =>
  Array.from({ length: n }, (_, i) =>
    hazard(
      i % 2 ? '城关镇' : '小召乡',
      `2024-03-${String((i % 28) + 1).padStart(2, '0')}`,
      `消防通道堵塞 第${i}处`,
      i === changed ? 'in_progress' : 'rectified',
    ),
  );

/** A Dexie middleware that wraps one table's DBCore calls (`wrap`), others untouched. */
function onTable(name: string, tableName: string, wrap: (t: DBCoreTable) => Partial<DBCoreTable>) {
  return {
    stack: 'dbcore' as const,
    name,
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (table: string): DBCoreTable => {
        const t = down.table(table);
        return table === tableName ? { ...t, ...wrap(t) } : t;
      },
    }),
  };
}

/** Records how many records each blocks write (add) that reaches IndexedDB carries. */
function recordWrites(sizes: number[], failAtAdd = 0) {
  let adds = 0;
  return onTable('write-sizes', 'blocks', (t) => ({
    mutate: (req: DBCoreMutateRequest) => {
      if (req.type === 'add') {
        sizes.push((req.values as BlockRow[]).reduce((n, b) => n + b.count, 0));
        if (++adds === failAtAdd)
          return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
      }
      return t.mutate(req);
    },
  }));
}

async function withMiddleware(store: PersistentStore, mw: ReturnType<typeof onTable>) {
  store.db.close();
  store.db.use(mw);
  await store.db.open();
}

describe('chunked import', () => {
  it('writes a ledger larger than a chunk in chunks, every record stored in file order', async () => {
    const store = await makeStore('chunks', { chunks: SMALL });
    const sizes: number[] = [];
    await withMiddleware(store, recordWrites(sizes));
    const hazards = ledger(23);
    const file = result('台账.csv', [tm('小召乡', '2024-03')], { hazards });
    const plan = await store.prepareImport(file, bytesOf('ledger'), { kind: 'file', name: '台账.csv' });
    expect(plan.newRecords).toHaveLength(24);
    const outcome = await store.commitImport(plan, new Map());
    expect(outcome).toMatchObject({ kind: 'committed', counts: { added: 24 } });
    // No write step larger than the chunk; together they hold every record once.
    expect(Math.max(...sizes)).toBeLessThanOrEqual(SMALL.write);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(24);
    const stored = store.getSnapshot().dataset;
    expect(stored.hazards.map((h) => h.description)).toEqual(hazards.map((h) => h.description));
    expect(stored.townshipMonths).toHaveLength(1);
  });

  it('reads back (reload, another tab) the same dataset a one-chunk store holds', async () => {
    const hazards = ledger(17);
    const file = result('台账.csv', [tm('小召乡', '2024-03'), tm('城关镇', '2024-03')], { hazards });
    const snapshots = [];
    for (const chunks of [SMALL, undefined]) {
      const store = await makeStore(`reload-${chunks ? 'small' : 'default'}`, chunks ? { chunks } : {});
      const plan = await store.prepareImport(file, bytesOf('ledger'), { kind: 'file', name: '台账.csv' });
      await store.commitImport(plan, new Map());
      await store.reload();
      const { dataset } = store.getSnapshot();
      // Batch ids differ between the two stores; everything else must not.
      snapshots.push({
        ...dataset,
        townshipMonths: dataset.townshipMonths.map((r) => ({ ...r, source: null })),
        hazards: dataset.hazards.map((h) => ({ ...h, source: null })),
      });
    }
    expect(snapshots[0]).toEqual(snapshots[1]);
    expect(snapshots[0]!.hazards).toHaveLength(17);
  });

  it('a failure in a later write chunk rolls back the whole import: no batch, no record', async () => {
    const store = await makeStore('rollback', { chunks: SMALL });
    const sizes: number[] = [];
    // The third blocks write fails (a full disk), after two chunks went in.
    await withMiddleware(store, recordWrites(sizes, 3));
    const file = result('台账.csv', [], { hazards: ledger(23) });
    const plan = await store.prepareImport(file, bytesOf('ledger'), { kind: 'file', name: '台账.csv' });
    const outcome = await store.commitImport(plan, new Map());
    expect(outcome).toMatchObject({ kind: 'failed', reason: 'quota' });
    expect(sizes.length).toBe(3);
    expect(await storedRecordCount(store.db)).toBe(0);
    expect(await store.db.batches.count()).toBe(0);
    expect(store.getSnapshot().dataset.hazards).toHaveLength(0);
  });

  it('finds identical records and a conflict that sit in later read chunks', async () => {
    const store = await makeStore('conflict', { chunks: SMALL });
    const first = result('三月.csv', [], { hazards: ledger(14) });
    await store.commitImport(
      await store.prepareImport(first, bytesOf('a'), { kind: 'file', name: '三月.csv' }),
      new Map(),
    );
    // The same ledger again with item 12 (chunk 4 of 4) still open, plus two new items.
    const again = result('三月（更正）.csv', [], { hazards: [...ledger(14, 12), ...ledger(16).slice(14)] });
    const plan = await store.prepareImport(again, bytesOf('b'), { kind: 'file', name: '三月（更正）.csv' });
    expect(plan.identical).toBe(13);
    expect(plan.conflicts.map((c) => c.incoming)).toMatchObject([
      { description: '消防通道堵塞 第12处', status: 'in_progress' },
    ]);
    expect(plan.newRecords).toHaveLength(2);
    const outcome = await store.commitImport(plan, new Map([[plan.conflicts[0]!.key, 'replace']]));
    expect(outcome).toMatchObject({ kind: 'committed', counts: { added: 2, identical: 13, replaced: 1 } });
    expect(await store.listRevisions()).toHaveLength(1);
    expect(store.getSnapshot().dataset.hazards).toHaveLength(16);
  });

  it('a record written by another tab into a later chunk makes the plan stale; nothing is written', async () => {
    const store = await makeStore('stale', { chunks: SMALL });
    const plan = await store.prepareImport(result('台账.csv', [], { hazards: ledger(11) }), bytesOf('x'), {
      kind: 'file',
      name: '台账.csv',
    });
    // Meanwhile the last record of the plan is stored by someone else.
    const last = plan.newRecords[10]!;
    await store.db.records.add({ ...last, batchId: 'other', batchSeq: 99 });
    expect(await store.commitImport(plan, new Map())).toEqual({ kind: 'stale' });
    expect(await storedRecordCount(store.db)).toBe(1);
    expect(await store.db.batches.count()).toBe(0);
  });
});

/** Records the ids of every records lookup (bulkGet) that reaches IndexedDB. */
const recordLookups = (ids: string[]) =>
  onTable('lookups', 'records', (t) => ({
    getMany: (req) => {
      for (const k of req.keys) ids.push(String(k));
      return t.getMany(req);
    },
  }));

describe('overlapping reloads', () => {
  it('an overtaken reload never sets its data after the newer one, and resolves once that one has', async () => {
    const store = await makeStore('reloads', { chunks: SMALL });
    const file = result('台账.csv', [tm('小召乡', '2024-03')], { hazards: ledger(7) });
    await store.commitImport(
      await store.prepareImport(file, bytesOf('l'), { kind: 'file', name: '台账.csv' }),
      new Map(),
    );
    let emits = 0;
    store.subscribe(() => emits++);
    const before = store.getSnapshot().version;
    const first = store.reload();
    const second = store.reload();
    await first;
    const version = store.getSnapshot().version;
    expect(version).toBe(before + 1);
    await second;
    expect(store.getSnapshot().version).toBe(version);
    expect(emits).toBe(1);
    expect(store.getSnapshot().dataset.hazards).toHaveLength(7);
  });
});

describe('lookups by kind', () => {
  it('a first ledger into a district whose monthly reports are stored looks up no hazard key', async () => {
    const store = await makeStore('first-ledger', { chunks: SMALL });
    const months = result('月报.csv', [tm('小召乡', '2024-03'), tm('城关镇', '2024-03')]);
    await store.commitImport(
      await store.prepareImport(months, bytesOf('m'), { kind: 'file', name: '月报.csv' }),
      new Map(),
    );
    const ids: string[] = [];
    await withMiddleware(store, recordLookups(ids));
    // The ledger carries one monthly report already stored (looked up, identical) and 9 hazards.
    const file = result('台账.csv', [tm('小召乡', '2024-03')], { hazards: ledger(9) });
    const plan = await store.prepareImport(file, bytesOf('l'), { kind: 'file', name: '台账.csv' });
    expect(plan.identical).toBe(1);
    expect(plan.newRecords).toHaveLength(9);
    const outcome = await store.commitImport(plan, new Map());
    expect(outcome).toMatchObject({ kind: 'committed', counts: { added: 9, identical: 1 } });
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.every((id) => id.startsWith('township_month'))).toBe(true);
    // Once hazards are stored, the same ledger's hazards are looked up again, and found identical.
    ids.length = 0;
    const again = await store.prepareImport(file, bytesOf('l2'), { kind: 'file', name: '台账2.csv' });
    expect(again.identical).toBe(10);
    expect(ids.filter((id) => id.startsWith('hazard')).length).toBe(9);
  });

  it('plans a ledger of a kind with nothing stored as all new, in file order, with one progress step', async () => {
    const store = await makeStore('all-new', { chunks: SMALL });
    const months = result('月报.csv', [tm('小召乡', '2024-03')]);
    await store.commitImport(
      await store.prepareImport(months, bytesOf('m'), { kind: 'file', name: '月报.csv' }),
      new Map(),
    );
    const ids: string[] = [];
    await withMiddleware(store, recordLookups(ids));
    const steps: string[] = [];
    const file = result('台账.csv', [], { hazards: ledger(11) });
    const plan = await store.prepareImport(
      file,
      bytesOf('l'),
      { kind: 'file', name: '台账.csv' },
      { onProgress: (p) => steps.push(`${p.step} ${p.done}/${p.total}`) },
    );
    expect(steps).toEqual(['prepare 11/11']);
    expect(plan.newRecords.map((d) => (d.record as HazardRecord).description)).toEqual(
      ledger(11).map((h) => h.description),
    );
    expect(plan.identical).toBe(0);
    expect(plan.conflicts).toEqual([]);
    expect(ids).toEqual([]);
    expect(await store.commitImport(plan, new Map())).toMatchObject({
      kind: 'committed',
      counts: { added: 11 },
    });
    expect(store.getSnapshot().dataset.hazards.map((h) => h.description)).toEqual(
      ledger(11).map((h) => h.description),
    );
  });
});

describe('a large first ledger in many chunks', () => {
  it('commits in one transaction with hundreds of chunks and nothing to look up', async () => {
    // Read chunks of 1: a thousand steps where no key of a stored kind is met. Waiting on anything
    // but IndexedDB between them lets the transaction commit early (Dexie PrematureCommitError),
    // as a 1M-row ledger did in Chromium.
    const store = await makeStore('many-chunks', { chunks: { plan: 50, read: 1, write: 100 } });
    await store.commitImport(
      await store.prepareImport(result('月报.csv', [tm('小召乡', '2024-03')]), bytesOf('m'), {
        kind: 'file',
        name: '月报.csv',
      }),
      new Map(),
    );
    const file = result('台账.csv', [], { hazards: ledger(1_000) });
    const plan = await store.prepareImport(file, bytesOf('l'), { kind: 'file', name: '台账.csv' });
    expect(plan.newRecords).toHaveLength(1_000);
    const outcome = await store.commitImport(plan, new Map());
    expect(outcome).toMatchObject({ kind: 'committed', counts: { added: 1_000 } });
    expect(store.getSnapshot().dataset.hazards).toHaveLength(1_000);
  });
});

describe('deriveDataset order', () => {
  it('orders by batch then position, ties in input order, like a stable sort', () => {
    const rec = (id: string, batchSeq: number, ordinal: number): StoredRecord => ({
      id,
      kind: 'hazard',
      batchId: `b${batchSeq}`,
      batchSeq,
      ordinal,
      record: { ...hazard('小召乡', '2024-03-01', id), description: id },
    });
    // Shuffled input, a hole (ordinal 2 of batch 1 removed), a tie after a backup restore.
    const records = [
      rec('c', 2, 1),
      rec('a', 1, 0),
      rec('t2', 2, 0),
      rec('d', 1, 3),
      rec('t1', 2, 0),
      rec('b', 1, 1),
      rec('e', 3, 0),
    ];
    const expected = [...records].sort((x, y) => x.batchSeq - y.batchSeq || x.ordinal - y.ordinal);
    const got = deriveDataset(records, [], DEFAULT_SETTINGS).hazards.map((h) => h.description);
    expect(got).toEqual(expected.map((r) => r.id));
    expect(got).toEqual(['a', 'b', 'd', 't2', 't1', 'c', 'e']);
  });

  // Blocks' records come as runs (no wrapper per record); the order must be the one a stable sort
  // of the same records gives, rows first, then runs in the order read.
  const runOf = (batchSeq: number, ordinals: number[], tag = '') => ({
    kind: 'hazard' as const,
    batchId: `b${batchSeq}`,
    batchSeq,
    ordinals: Int32Array.from(ordinals),
    records: ordinals.map((o) => ({
      ...hazard('小召乡', '2024-03-01', 'x'),
      description: `${batchSeq}/${o}${tag}`,
    })),
  });
  const reference = (rows: StoredRecord[], runs: ReturnType<typeof runOf>[]) =>
    [
      ...rows,
      ...runs.flatMap((run) =>
        run.records.map((record, i) => ({ batchSeq: run.batchSeq, ordinal: run.ordinals[i]!, record })),
      ),
    ]
      .sort((x, y) => x.batchSeq - y.batchSeq || x.ordinal - y.ordinal)
      .map((r) => (r.record as { description: string }).description);
  const derived = (rows: StoredRecord[], runs: ReturnType<typeof runOf>[]) =>
    deriveDataset({ rows, runs }, [], DEFAULT_SETTINGS).hazards.map((h) => h.description);

  it('joins the blocks of batches read out of order (b10 before b2) in commit order', () => {
    const runs = [runOf(10, [0, 1, 2]), runOf(2, [2000, 2001]), runOf(2, [0, 1, 5]), runOf(1, [7])];
    expect(derived([], runs)).toEqual(reference([], runs));
    expect(derived([], runs)[0]).toBe('1/7');
  });

  it('falls back to a record-by-record order for overlapping runs, ties and rows of the kind', () => {
    const overlapping = [runOf(1, [0, 4, 8]), runOf(1, [2, 6])];
    expect(derived([], overlapping)).toEqual(reference([], overlapping));
    const ties = [runOf(1, [0, 1], 'a'), runOf(1, [1, 2], 'b')];
    expect(derived([], ties)).toEqual(['1/0a', '1/1a', '1/1b', '1/2b']);
    const row: StoredRecord = {
      id: 'r',
      kind: 'hazard',
      batchId: 'b1',
      batchSeq: 1,
      ordinal: 3,
      record: { ...hazard('小召乡', '2024-03-01', 'x'), description: 'row' },
    };
    const runs = [runOf(1, [0, 5]), runOf(2, [0])];
    expect(derived([row], runs)).toEqual(['1/0', 'row', '1/5', '2/0']);
  });

  it('matches a stable sort on random runs and rows', () => {
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let trial = 0; trial < 200; trial++) {
      const runs = Array.from({ length: 1 + rand(5) }, (_, k) => {
        const start = rand(3) * 10;
        const step = 1 + rand(2) - (rand(8) === 0 ? 1 : 0); // now and then a tie
        return runOf(
          1 + rand(3),
          Array.from({ length: 1 + rand(4) }, (_, i) => start + i * step),
          `#${k}`,
        );
      });
      const rows: StoredRecord[] =
        rand(3) === 0
          ? [
              {
                id: 'r',
                kind: 'hazard',
                batchId: 'b1',
                batchSeq: 1 + rand(3),
                ordinal: rand(30),
                record: { ...hazard('小召乡', '2024-03-01', 'x'), description: 'row' },
              },
            ]
          : [];
      expect(derived(rows, runs)).toEqual(reference(rows, runs));
    }
  });
});
