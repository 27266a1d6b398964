import 'fake-indexeddb/auto';
import type { DBCore, DBCoreMutateRequest, DBCoreTable } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { Township } from '../domain/records';
import { districtTownships } from './district-townships';
import type { ConflictDecision } from './persist-types';
import { openPersistentStore, type PersistentStore } from './persistent-store';
import {
  bytesOf,
  closeTestStores,
  hazard,
  makeTestStore,
  problem,
  result,
  storedRecordCount,
  tm,
  uniqueDbName,
} from './test-support';

const makeStore = makeTestStore;
afterEach(closeTestStores);

const april = [
  tm('小召乡', '2022-04', { hazards_found: 12, hazards_rectified: 10, meetings_held: 2 }),
  tm('城关镇', '2022-04', { hazards_found: 30, hazards_rectified: 30, meetings_held: 1 }),
];
const aprilFile = '小召乡等-2022-04.csv';
const aprilBytes = bytesOf('乡镇（街道）,月份,排查隐患\n小召乡,2022-04,12\n城关镇,2022-04,30\n');

async function importFile(
  store: PersistentStore,
  file: string,
  records = april,
  bytes = aprilBytes,
  decisions = new Map<string, ConflictDecision>(),
) {
  const plan = await store.prepareImport(result(file, records), bytes, { kind: 'file', name: file });
  return { plan, outcome: await store.commitImport(plan, decisions) };
}

describe('PersistentStore batches', () => {
  it('commits a batch with provenance and derives the dataset from its records', async () => {
    const store = await makeStore('batch');
    const { plan, outcome } = await importFile(store, aprilFile);
    expect(plan.newRecords).toHaveLength(2);
    expect(outcome).toMatchObject({
      kind: 'committed',
      counts: { added: 2, identical: 0, replaced: 0, kept: 0 },
    });
    const snap = store.getSnapshot();
    expect(snap.batches).toHaveLength(1);
    const batch = snap.batches[0]!;
    expect(batch).toMatchObject({
      source: { kind: 'file', name: aprilFile },
      encoding: 'gb18030',
      format: 'csv',
      bytes: 512,
    });
    expect(batch.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(batch.rejectedRows).toHaveLength(1);
    expect(batch.result.townshipMonths).toEqual([]);
    expect(snap.dataset.townshipMonths.map((r) => r.township)).toEqual(['小召乡', '城关镇']);
    expect(snap.dataset.townshipMonths[0]!.source.batchId).toBe(batch.id);
    expect(snap.dataset.district).toBe('示例区');
    expect(snap.imports[0]!.id).toBe(batch.id);
  });

  it('keeps everything after the database is reopened (reload)', async () => {
    const name = uniqueDbName('reopen');
    const a = await makeStore('reopen-a', { dbName: name });
    await importFile(a, aprilFile);
    a.close();
    const b = await makeStore('reopen-b', { dbName: name });
    expect(b.getSnapshot().dataset.townshipMonths).toHaveLength(2);
    expect(b.getSnapshot().batches).toHaveLength(1);
  });

  it('stores nothing for a rejected file', async () => {
    const store = await makeStore('rejected');
    const plan = await store.prepareImport(result('bad.csv', april, { status: 'rejected' }), bytesOf('x'), {
      kind: 'file',
      name: 'bad.csv',
    });
    expect(await store.commitImport(plan, new Map())).toEqual({ kind: 'rejected' });
    expect(store.getSnapshot().batches).toHaveLength(0);
  });

  it('notifies subscribers and bumps the version on a commit', async () => {
    const store = await makeStore('subscribe');
    let calls = 0;
    const unsubscribe = store.subscribe(() => calls++);
    const before = store.getSnapshot().version;
    await importFile(store, aprilFile);
    expect(calls).toBeGreaterThan(0);
    expect(store.getSnapshot().version).toBeGreaterThan(before);
    unsubscribe();
  });

  it('keeps hazards and problems, including two equal lines of one ledger', async () => {
    const store = await makeStore('kinds');
    const h = hazard('小召乡', '2022-04-05', '街边商铺违规存放烟花爆竹6挂');
    const res = result('ledger.csv', [], {
      hazards: [h, h],
      problems: [problem('小召乡', '2022-04', '个别行政村重视程度不够')],
    });
    const plan = await store.prepareImport(res, bytesOf('ledger'), { kind: 'file', name: 'ledger.csv' });
    await store.commitImport(plan, new Map());
    expect(store.getSnapshot().dataset.hazards).toHaveLength(2);
    expect(store.getSnapshot().dataset.problems).toHaveLength(1);
  });
});

describe('idempotency', () => {
  it('re-importing the identical file is a no-op that says when it was imported', async () => {
    const store = await makeStore('same-file');
    const first = await importFile(store, aprilFile);
    const again = await importFile(store, 'copy of ' + aprilFile);
    expect(again.plan.duplicateOf?.batchId).toBe(first.plan.batchId);
    expect(again.outcome).toEqual({
      kind: 'duplicate',
      batchId: first.plan.batchId,
      importedAt: store.getSnapshot().batches[0]!.importedAt,
    });
    expect(store.getSnapshot().batches).toHaveLength(1);
    expect(store.getSnapshot().dataset.townshipMonths).toHaveLength(2);
  });

  it('a different file with identical values writes nothing', async () => {
    const store = await makeStore('same-values');
    await importFile(store, aprilFile);
    const resaved = april.map((r) => ({ ...r, source: { file: 'resaved.csv', line: 9 } }));
    const { plan, outcome } = await importFile(
      store,
      'resaved.csv',
      resaved,
      bytesOf('resaved with other bytes'),
    );
    expect(plan.identical).toBe(2);
    expect(plan.conflicts).toEqual([]);
    expect(outcome).toEqual({ kind: 'nothing-new', identical: 2 });
    expect(store.getSnapshot().batches).toHaveLength(1);
  });

  it('counts a township-month repeated inside one file once', async () => {
    const store = await makeStore('dup-in-file');
    const { plan } = await importFile(store, 'rep.csv', [april[0]!, april[0]!, april[1]!], bytesOf('rep'));
    expect(plan.newRecords).toHaveLength(2);
    expect(plan.duplicateInFile).toBe(1);
  });
});

describe('resubmission', () => {
  const corrected = [
    tm(
      '小召乡',
      '2022-04',
      { hazards_found: 14, hazards_rectified: 10, meetings_held: 2 },
      { report_date: '2022-04-29' },
    ),
    april[1]!,
  ];
  const correctedBytes = bytesOf('乡镇（街道）,月份,排查隐患\n小召乡,2022-04,14\n城关镇,2022-04,30\n');

  it('returns a field-level diff and changes nothing until decided', async () => {
    const store = await makeStore('diff');
    await importFile(store, aprilFile);
    const plan = await store.prepareImport(result('corrected.csv', corrected), correctedBytes, {
      kind: 'file',
      name: 'corrected.csv',
    });
    expect(plan.identical).toBe(1);
    expect(plan.conflicts).toHaveLength(1);
    const c = plan.conflicts[0]!;
    expect(c).toMatchObject({ township: '小召乡', period: '2022-04', incomingIsOlder: false });
    expect(c.diffs).toEqual(
      expect.arrayContaining([
        { field: 'hazards_found', old: 12, new: 14 },
        { field: 'report_date', old: '2022-04-27', new: '2022-04-29' },
      ]),
    );
    expect(c.diffs).toHaveLength(2);
    expect(store.getSnapshot().dataset.townshipMonths[0]!.hazards_found).toBe(12);
  });

  it.each<[ConflictDecision | undefined, number, number, number]>([
    ['replace', 14, 1, 1],
    ['keep', 12, 0, 0],
    [undefined, 12, 0, 0],
  ])(
    'decision %s → hazards_found %i, %i revisions, %i replaced',
    async (decision, value, revisions, replaced) => {
      const store = await makeStore('decide');
      await importFile(store, aprilFile);
      const plan = await store.prepareImport(result('corrected.csv', corrected), correctedBytes, {
        kind: 'file',
        name: 'corrected.csv',
      });
      const decisions = new Map<string, ConflictDecision>(
        decision ? [[plan.conflicts[0]!.key, decision]] : [],
      );
      const outcome = await store.commitImport(plan, decisions);
      const xz = store.getSnapshot().dataset.townshipMonths.find((r) => r.township === '小召乡')!;
      expect(xz.hazards_found).toBe(value);
      expect(store.getSnapshot().revisionCount).toBe(revisions);
      if (replaced) {
        expect(outcome).toMatchObject({ kind: 'committed', counts: { replaced: 1, identical: 1 } });
        // The replacement is stored as its batch's record (the plan's copy has no batch yet).
        expect(plan.conflicts[0]!.incoming.source.batchId).toBeUndefined();
        expect(xz.source.batchId).toBe(plan.batchId);
      } else expect(outcome.kind).toBe('nothing-new');
    },
  );

  it('restores a replaced revision and can restore back', async () => {
    const store = await makeStore('restore');
    await importFile(store, aprilFile);
    const plan = await store.prepareImport(result('corrected.csv', corrected), correctedBytes, {
      kind: 'file',
      name: 'corrected.csv',
    });
    await store.commitImport(plan, new Map([[plan.conflicts[0]!.key, 'replace']]));
    const [rev] = await store.listRevisions(plan.conflicts[0]!.key);
    expect(rev!.record).toMatchObject({ hazards_found: 12 });
    expect(await store.restoreRevision(rev!.id)).toBe(true);
    const value = () =>
      store.getSnapshot().dataset.townshipMonths.find((r) => r.township === '小召乡')!.hazards_found;
    expect(value()).toBe(12);
    const [back] = await store.listRevisions(plan.conflicts[0]!.key);
    expect(back!.record).toMatchObject({ hazards_found: 14 });
    expect(back!.replacedBy).toBe('restore');
    await store.restoreRevision(back!.id);
    expect(value()).toBe(14);
    expect(await store.restoreRevision('no-such-revision')).toBe(false);
  });

  it('flags an incoming report dated earlier than the stored one', async () => {
    const store = await makeStore('older');
    await importFile(
      store,
      'late.csv',
      [tm('小召乡', '2022-04', { hazards_found: 14 }, { report_date: '2022-04-29' })],
      bytesOf('late'),
    );
    const plan = await store.prepareImport(
      result('early.csv', [tm('小召乡', '2022-04', { hazards_found: 12 }, { report_date: '2022-04-20' })]),
      bytesOf('early'),
      { kind: 'file', name: 'early.csv' },
    );
    expect(plan.conflicts[0]!.incomingIsOlder).toBe(true);
  });

  it('a plan made stale by another writer commits nothing', async () => {
    const store = await makeStore('stale');
    const plan = await store.prepareImport(result(aprilFile, april), aprilBytes, {
      kind: 'file',
      name: aprilFile,
    });
    // Meanwhile another import writes the same keys with other values.
    await importFile(store, 'other.csv', [tm('小召乡', '2022-04', { hazards_found: 99 })], bytesOf('other'));
    expect(await store.commitImport(plan, new Map())).toEqual({ kind: 'stale' });
    expect(store.getSnapshot().batches).toHaveLength(1);
    expect(store.getSnapshot().dataset.townshipMonths).toHaveLength(1);
  });
});

describe('removing a batch', () => {
  it('removes its records from the dataset and brings replaced values back', async () => {
    const store = await makeStore('remove');
    const first = await importFile(store, aprilFile);
    const may = [tm('小召乡', '2022-05', { hazards_found: 8 })];
    const corrected = [tm('小召乡', '2022-04', { hazards_found: 14 }), ...may];
    const plan = await store.prepareImport(result('corr.csv', corrected), bytesOf('corr'), {
      kind: 'file',
      name: 'corr.csv',
    });
    await store.commitImport(plan, new Map([[plan.conflicts[0]!.key, 'replace']]));
    expect(store.getSnapshot().dataset.townshipMonths).toHaveLength(3);
    const outcome = await store.removeBatch(plan.batchId);
    expect(outcome).toEqual({ removed: 2, restoredFromRevisions: 1 });
    const snap = store.getSnapshot();
    expect(snap.batches.map((b) => b.id)).toEqual([first.plan.batchId]);
    expect(snap.dataset.townshipMonths.map((r) => [r.period, r.hazards_found])).toEqual([
      ['2022-04', 12],
      ['2022-04', 30],
    ]);
    expect(snap.revisionCount).toBe(0);
  });

  it('removing the older batch drops revisions that held its values', async () => {
    const store = await makeStore('remove-old');
    const first = await importFile(store, aprilFile);
    const plan = await store.prepareImport(
      result('corr.csv', [tm('小召乡', '2022-04', { hazards_found: 14 })]),
      bytesOf('corr'),
      { kind: 'file', name: 'corr.csv' },
    );
    await store.commitImport(plan, new Map([[plan.conflicts[0]!.key, 'replace']]));
    await store.removeBatch(first.plan.batchId);
    const snap = store.getSnapshot();
    expect(snap.revisionCount).toBe(0);
    expect(snap.dataset.townshipMonths.map((r) => r.hazards_found)).toEqual([14]);
  });

  it('an unknown batch id removes nothing', async () => {
    const store = await makeStore('remove-none');
    await importFile(store, aprilFile);
    expect(await store.removeBatch('nope')).toEqual({ removed: 0, restoredFromRevisions: 0 });
    expect(store.getSnapshot().dataset.townshipMonths).toHaveLength(2);
  });
});

/** Dexie middleware that fails the Nth mutation with a QuotaExceededError, like a full disk. */
function quotaMiddleware(failAt: { table: string; n: number }) {
  let count = 0;
  return {
    stack: 'dbcore' as const,
    name: 'quota-fault',
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (name: string): DBCoreTable => {
        const t = down.table(name);
        return {
          ...t,
          mutate: (req: DBCoreMutateRequest) => {
            if (name === failAt.table && ++count === failAt.n) {
              return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
            }
            return t.mutate(req);
          },
        };
      },
    }),
  };
}

describe('atomicity', () => {
  it('a quota failure mid-transaction leaves the database unchanged and says what to do', async () => {
    const store = await makeStore('quota');
    await importFile(store, aprilFile);
    // The backup minus its export time is a full picture of the database.
    const contents = async () => ({ ...JSON.parse(await store.exportBackup()), exported_at: null });
    const before = await contents();
    // The batch row is written first, then the records' blocks: fail on that write.
    // Middleware applies from the next open, as after an app start.
    store.db.close();
    store.db.use(quotaMiddleware({ table: 'blocks', n: 1 }));
    await store.db.open();
    const plan = await store.prepareImport(
      result('may.csv', [
        tm('小召乡', '2022-05', { hazards_found: 8 }),
        tm('城关镇', '2022-05', { hazards_found: 5 }),
      ]),
      bytesOf('may'),
      { kind: 'file', name: 'may.csv' },
    );
    const outcome = await store.commitImport(plan, new Map());
    expect(outcome).toMatchObject({ kind: 'failed', reason: 'quota' });
    expect(await contents()).toEqual(before);
    expect(await store.db.batches.count()).toBe(1);
    expect(await storedRecordCount(store.db)).toBe(2);
  });

  it('serialises commits through the lock manager when one exists', async () => {
    const names: string[] = [];
    const locks = {
      request: <T>(name: string, cb: () => Promise<T>) => {
        names.push(name);
        return cb();
      },
    };
    const store = await makeStore('locks', { locks });
    await importFile(store, aprilFile);
    expect(names).toEqual(['tsd-import']);
  });
});

describe('several tabs', () => {
  it('an import in one tab reaches the other through the BroadcastChannel', async () => {
    const dbName = uniqueDbName('tabs');
    const channelName = `tsd-data-${dbName}`;
    const a = await makeStore('tab-a', { dbName, channelName });
    const b = await makeStore('tab-b', { dbName, channelName });
    const changed = new Promise<void>((resolve) => {
      const off = b.subscribe(() => {
        if (b.getSnapshot().batches.length === 1) {
          off();
          resolve();
        }
      });
    });
    await importFile(a, aprilFile);
    await changed;
    expect(b.getSnapshot().dataset.townshipMonths).toHaveLength(2);
  });

  it('two tabs committing the same file at once store it once', async () => {
    const dbName = uniqueDbName('race');
    const a = await makeStore('race-a', { dbName });
    const b = await makeStore('race-b', { dbName });
    const [pa, pb] = await Promise.all([
      a.prepareImport(result(aprilFile, april), aprilBytes, { kind: 'file', name: aprilFile }),
      b.prepareImport(result(aprilFile, april), aprilBytes, { kind: 'file', name: aprilFile }),
    ]);
    const outcomes = await Promise.all([a.commitImport(pa, new Map()), b.commitImport(pb, new Map())]);
    expect(outcomes.map((o) => o.kind).sort()).toEqual(['committed', 'duplicate']);
    expect(await a.db.batches.count()).toBe(1);
    expect(await storedRecordCount(a.db)).toBe(2);
  });

  it('two tabs committing different files with the same records: the second sees it is stale', async () => {
    const dbName = uniqueDbName('race2');
    const a = await makeStore('race2-a', { dbName });
    const b = await makeStore('race2-b', { dbName });
    const pa = await a.prepareImport(result('a.csv', april), bytesOf('a'), { kind: 'file', name: 'a.csv' });
    const pb = await b.prepareImport(
      result('b.csv', [tm('小召乡', '2022-04', { hazards_found: 13 })]),
      bytesOf('b'),
      { kind: 'file', name: 'b.csv' },
    );
    const outcomes = await Promise.all([a.commitImport(pa, new Map()), b.commitImport(pb, new Map())]);
    expect(outcomes.map((o) => o.kind)).toEqual(['committed', 'stale']);
    expect(await storedRecordCount(a.db)).toBe(2);
  });

  it('a newer schema opened elsewhere closes this connection and asks for a reload', async () => {
    const dbName = uniqueDbName('upgrade');
    const store = await makeStore('upgrade', { dbName });
    const { Dexie } = await import('dexie');
    const newer = new Dexie(dbName);
    newer.version(3).stores({
      batches: 'id, &seq, hash',
      records: 'id, batchId',
      revisions: 'id, recordId, batchId, &order',
      kv: 'key',
      blocks: 'id, batchId, kind',
      blockKeys: 'id, batchId, kind',
      extra: 'id',
    });
    await newer.open();
    expect(store.getSnapshot().storage.mode).toBe('version-changed');
    const plan = await store
      .prepareImport(result(aprilFile, april), aprilBytes, { kind: 'file', name: aprilFile })
      .catch((e: Error) => e);
    expect(plan).toBeInstanceOf(Error);
    newer.close();
  });
});

describe('sample, persistence and settings', () => {
  it('loads the bundled sample only on the first run', async () => {
    const store = await makeStore('sample');
    const load = () => Promise.resolve({ result: result('sample.json', april), bytes: bytesOf('sample') });
    expect(await store.loadSampleIfEmpty(load)).toMatchObject({ kind: 'committed' });
    expect(store.getSnapshot().batches[0]!.source.kind).toBe('sample');
    await store.removeBatch(store.getSnapshot().batches[0]!.id);
    expect(await store.loadSampleIfEmpty(load)).toBeNull();
    expect(store.getSnapshot().batches).toHaveLength(0);
  });

  /**
   * A store whose first-run save waits for the test (`release`) after the sample was shown
   * (`shown` resolves): the moment between the sample on screen and its save (issue 13).
   */
  async function heldStore(label: string) {
    let release = () => {};
    let markShown = () => {};
    const shown = new Promise<'shown'>((resolve) => {
      markShown = () => resolve('shown');
    });
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const store = await makeStore(label, {
      afterPaint: () => {
        markShown();
        return gate;
      },
    });
    return { store, shown, release };
  }

  const DECLARED: Township[] = [
    { name: '城关镇', type: 'zhen', code: '419901100', aliases: ['城关'] },
    { name: '小召乡', type: 'xiang', code: null, aliases: [] },
  ];
  const sampleLoad = () =>
    Promise.resolve({
      result: { ...result('dataset.json', april), townships: DECLARED, district: '云川区' },
      bytes: bytesOf('sample'),
    });

  it('shows the first-run sample before its save lands, and keeps that dataset once saved', async () => {
    const { store, shown, release } = await heldStore('sample-early');
    const datasets: unknown[] = [];
    store.subscribe(() => datasets.push(store.getSnapshot().dataset));
    const done = store.loadSampleIfEmpty(sampleLoad);
    // Whichever comes first: the old store saved before showing anything.
    expect(await Promise.race([shown, done.then(() => 'saved')])).toBe('shown');
    const early = store.getSnapshot();
    expect(early.dataset.townshipMonths.map((r) => r.township)).toEqual(['小召乡', '城关镇']);
    expect(early.dataset.district).toBe('云川区');
    // Nothing is stored yet: the history lists no batch, and the database holds no record.
    expect(early.batches).toEqual([]);
    expect(await storedRecordCount(store.db)).toBe(0);
    // The district's list is the declared one already (the header and the chart order).
    expect(districtTownships(early).townships).toEqual(DECLARED);

    release();
    expect(await done).toMatchObject({ kind: 'committed' });
    const saved = store.getSnapshot();
    expect(saved.batches.map((b) => b.source.kind)).toEqual(['sample']);
    // The same object: the views have nothing to redraw when the save lands.
    expect(saved.dataset).toBe(early.dataset);
    expect(new Set(datasets)).toEqual(new Set([early.dataset]));
    expect(saved.savingTownships).toBeUndefined();
    expect(districtTownships(saved).townships).toEqual(DECLARED);
    // A second start finds the stored sample.
    expect(await store.loadSampleIfEmpty(sampleLoad)).toBeNull();
  });

  it('a tab that finds the sample saved by another tab after its first read shows it before it is ready', async () => {
    // Two tabs on one database, no tab messages: the second tab read the store while the first
    // tab's save was in flight, so its snapshot is empty; its startup must not end on that.
    const name = uniqueDbName('two-tabs');
    const other = await makeStore('two-tabs-b', { dbName: name });
    expect(other.getSnapshot().batches).toEqual([]);
    const first = await makeStore('two-tabs-a', { dbName: name });
    expect(await first.loadSampleIfEmpty(sampleLoad)).toMatchObject({ kind: 'committed' });
    expect(await other.loadSampleIfEmpty(sampleLoad)).toBeNull();
    expect(other.getSnapshot().batches.map((b) => b.source.kind)).toEqual(['sample']);
    expect(other.getSnapshot().dataset.townshipMonths).toHaveLength(2);
  });

  it('a tab whose own sample turns out saved by another tab meanwhile shows the stored one', async () => {
    const name = uniqueDbName('two-tabs-race');
    const other = await makeStore('race-b', { dbName: name });
    const first = await makeStore('race-a', { dbName: name });
    // The other tab saves the sample while this one fetches it: this tab's plan finds a duplicate.
    const outcome = await other.loadSampleIfEmpty(async () => {
      await first.loadSampleIfEmpty(sampleLoad);
      return sampleLoad();
    });
    expect(outcome).toMatchObject({ kind: 'duplicate' });
    expect(other.getSnapshot().batches.map((b) => b.source.kind)).toEqual(['sample']);
    expect(other.getSnapshot().dataset.townshipMonths).toHaveLength(2);
  });

  it('a first-run sample whose save fails leaves the screen, and the failure is returned', async () => {
    const { store, shown, release } = await heldStore('sample-quota');
    store.db.close();
    store.db.use(quotaMiddleware({ table: 'blocks', n: 1 }));
    await store.db.open();
    const done = store.loadSampleIfEmpty(sampleLoad);
    expect(await Promise.race([shown, done.then(() => 'settled')])).toBe('shown');
    expect(store.getSnapshot().dataset.townshipMonths).toHaveLength(2);
    release();
    expect(await done).toMatchObject({ kind: 'failed', reason: 'quota' });
    const after = store.getSnapshot();
    expect(after.dataset.townshipMonths).toEqual([]);
    expect(after.batches).toEqual([]);
    expect(after.savingTownships).toBeUndefined();
    expect(districtTownships(after).townships).toEqual([]);
  });

  it('asks for persistent storage after the first import and reports usage', async () => {
    let asked = 0;
    const storage = {
      persist: () => {
        asked++;
        return Promise.resolve(true);
      },
      persisted: () => Promise.resolve(asked > 0),
      estimate: () => Promise.resolve({ usage: 2048, quota: 1_000_000 }),
    };
    const store = await makeStore('persist', { storage });
    expect(store.getSnapshot().storage.persisted).toBe(false);
    await importFile(store, aprilFile);
    await importFile(store, 'may.csv', [tm('小召乡', '2022-05')], bytesOf('may'));
    expect(asked).toBe(1);
    expect(store.getSnapshot().storage).toEqual({
      mode: 'persistent',
      persisted: true,
      usageBytes: 2048,
      quotaBytes: 1_000_000,
    });
  });

  it('orders the dataset townships by the settings list and rejects invalid settings', async () => {
    const store = await makeStore('settings');
    const good = {
      districtName: '示例区',
      issuingOffice: '区安委会办公室',
      dueDay: 5,
      townships: [
        { name: '城关镇', type: 'zhen', code: '110101001', aliases: ['城关'] },
        { name: '小召乡', type: 'xiang', code: null, aliases: ['小召'] },
      ],
    };
    expect((await store.saveSettings(good)).ok).toBe(true);
    expect(store.getSnapshot().dataset.townships.map((t) => t.name)).toEqual(['城关镇', '小召乡']);
    expect(store.getSnapshot().settings.dueDay).toBe(5);
    const bad = await store.saveSettings({ ...good, dueDay: 40 });
    expect(bad.ok).toBe(false);
    expect(store.getSnapshot().settings.dueDay).toBe(5);
  });

  it('reset replaces everything with one sample batch', async () => {
    const store = await makeStore('reset');
    await importFile(store, aprilFile);
    await store.reset(
      { district: null, townships: [], townshipMonths: [april[0]!], hazards: [], problems: [] },
      [],
    );
    expect(store.getSnapshot().batches).toHaveLength(1);
    expect(store.getSnapshot().dataset.townshipMonths).toHaveLength(1);
  });

  it('openPersistentStore reports unavailable storage instead of throwing', async () => {
    const broken = {
      open: () => {
        throw new DOMException(
          'A mutation operation was attempted on a database that did not allow mutations.',
          'InvalidStateError',
        );
      },
    } as unknown as IDBFactory;
    const outcome = await openPersistentStore({
      dbName: uniqueDbName('broken'),
      dexieOptions: { indexedDB: broken },
      channelName: null,
      storage: null,
      locks: null,
    });
    expect(outcome.kind).toBe('unavailable');
  });
});
