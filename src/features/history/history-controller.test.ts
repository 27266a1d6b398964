/**
 * The history actions without React: remove after confirmation, revisions that follow the store,
 * restore a revision, export a backup and restore one (valid, invalid, not writable).
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { ValidationIssue } from '../../store/json-guard';
import { PersistentStore } from '../../store/persistent-store';
import { bytesOf, counterIds, result, stepClock, tm, uniqueDbName } from '../../store/test-support';
import { backupFileName, createHistoryController, type HistoryStore } from './history-controller';

const stores: PersistentStore[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

/** Two batches; the second replaced 小召乡's April value (12 → 14), keeping 12 as a revision. */
async function storeWithHistory(): Promise<PersistentStore> {
  const store = await PersistentStore.open({
    dbName: uniqueDbName('hist-ctl'),
    now: stepClock(),
    newId: counterIds('u'),
    channelName: null,
    storage: null,
    locks: null,
  });
  stores.push(store);
  const p1 = await store.prepareImport(
    result('四月汇总.csv', [
      tm('小召乡', '2022-04', { hazards_found: 12 }),
      tm('城关镇', '2022-04', { hazards_found: 30 }),
    ]),
    bytesOf('a'),
    { kind: 'file', name: '四月汇总.csv' },
  );
  await store.commitImport(p1, new Map());
  const p2 = await store.prepareImport(
    result('小召乡更正.csv', [tm('小召乡', '2022-04', { hazards_found: 14 })]),
    bytesOf('b'),
    { kind: 'file', name: '小召乡更正.csv' },
  );
  await store.commitImport(p2, new Map([[p2.conflicts[0]!.key, 'replace']]));
  return store;
}

/** A revision's stored figure (revisions here are all township-month records). */
const found = (r: { record: object }) => (r.record as { hazards_found?: number | null }).hazards_found;
const settle = () => new Promise((r) => setTimeout(r, 20));
const xiaozhao = (store: PersistentStore) =>
  store.getSnapshot().dataset.townshipMonths.find((r) => r.township === '小召乡')!.hazards_found;

async function setup() {
  const store = await storeWithHistory();
  const downloads: [string, string][] = [];
  const c = createHistoryController({
    store,
    onDownload: (content, name) => downloads.push([content, name]),
    // 07:30 on 11 April in Beijing is still 10 April in UTC: the name follows the office's day.
    today: () => '2024-04-11',
  });
  const off = c.subscribe(() => {});
  await settle();
  return { store, c, downloads, off };
}

describe('history controller', () => {
  it('lists revisions once subscribed, and again whenever the store changes', async () => {
    const store = await storeWithHistory();
    const c = createHistoryController({ store, onDownload: () => {}, today: () => '2024-04-11' });
    await settle();
    expect(c.getSnapshot().revisions).toEqual([]);
    const off = c.subscribe(() => {});
    await settle();
    expect(c.getSnapshot().revisions.map((r) => [r.record.township, found(r)])).toEqual([['小召乡', 12]]);
    await c.restoreRevision(c.getSnapshot().revisions[0]!.id);
    await settle();
    expect(c.getSnapshot().notice).toEqual({ kind: 'revision-restored' });
    expect(xiaozhao(store)).toBe(12);
    // The restored value's replacement (14) is now the earlier version.
    expect(c.getSnapshot().revisions.map(found)).toEqual([14]);
    off();
  });

  it('removes a batch only after confirmation, closes its details, and brings the replaced value back', async () => {
    const { store, c } = await setup();
    const newest = store.getSnapshot().batches[0]!.id;
    c.inspect(newest);
    c.askRemove(newest);
    expect(c.getSnapshot()).toMatchObject({ inspected: newest, confirmRemove: newest });
    expect(store.getSnapshot().batches).toHaveLength(2);
    c.askRemove(null);
    expect(c.getSnapshot().confirmRemove).toBeNull();
    c.askRemove(newest);
    await c.remove(newest);
    expect(c.getSnapshot()).toMatchObject({
      inspected: null,
      confirmRemove: null,
      notice: { kind: 'removed', removed: 1, restored: 1 },
    });
    expect(store.getSnapshot().batches).toHaveLength(1);
    expect(xiaozhao(store)).toBe(12);
  });

  it("exports a backup named after the office's local day, not the UTC day", async () => {
    const { c, downloads } = await setup();
    await c.exportBackup();
    expect(downloads).toHaveLength(1);
    expect(JSON.parse(downloads[0]![0])).toMatchObject({ format: 'tsd-backup', schema_version: 1 });
    expect(downloads[0]![1]).toBe('安全生产月报看板备份-2024-04-11.json');
    expect(backupFileName('2024-04-10')).toBe('安全生产月报看板备份-2024-04-10.json');
  });

  it.each<['keep' | 'replace', number]>([
    ['keep', 99],
    ['replace', 14],
  ])('restores a backup with conflicts resolved by %s', async (decision, value) => {
    const { store, c } = await setup();
    const backup = await store.exportBackup();
    // Change the stored value after the backup, so the backup's record conflicts.
    const p = await store.prepareImport(
      result('再更正.csv', [tm('小召乡', '2022-04', { hazards_found: 99 })]),
      bytesOf('c'),
      {
        kind: 'file',
        name: '再更正.csv',
      },
    );
    await store.commitImport(p, new Map([[p.conflicts[0]!.key, 'replace']]));
    c.setOnConflict(decision);
    await c.restoreBackup(backup);
    const notice = c.getSnapshot().notice;
    expect(notice).toMatchObject({
      kind: 'backup-restored',
      resolution: decision,
      counts: { resolution: decision },
    });
    expect(xiaozhao(store)).toBe(value);
  });

  it.each<[string, string, string]>([
    ['another format', '{"format":"other"}', 'backup-invalid'],
    ['not JSON', '备份', 'backup-invalid'],
  ])('reports a backup file in %s as invalid, with every issue', async (_label, text, kind) => {
    const { store, c } = await setup();
    await c.restoreBackup(text);
    const notice = c.getSnapshot().notice;
    expect(notice?.kind).toBe(kind);
    expect(notice?.kind === 'backup-invalid' && notice.issues.length).toBeGreaterThan(0);
    expect(store.getSnapshot().batches).toHaveLength(2);
  });

  it('a backup that cannot be written says so, not "invalid file"', async () => {
    const store = await storeWithHistory();
    const issue: ValidationIssue = {
      path: '$',
      code: 'store.outcome.failed.quota',
      params: { detail: 'QuotaExceededError' },
    } as ValidationIssue;
    const full: HistoryStore = { ...bind(store), restoreBackup: async () => ({ ok: false, error: [issue] }) };
    const c = createHistoryController({ store: full, onDownload: () => {}, today: () => '2024-04-11' });
    await c.restoreBackup('{}');
    expect(c.getSnapshot().notice).toEqual({ kind: 'backup-write-failed', issue });
  });
});

/** The store's methods bound, so one can be replaced in a stand-in. */
const bind = (s: PersistentStore): HistoryStore => ({
  getSnapshot: s.getSnapshot,
  subscribe: s.subscribe,
  removeBatch: (id) => s.removeBatch(id),
  listRevisions: (id) => s.listRevisions(id),
  restoreRevision: (id) => s.restoreRevision(id),
  exportBackup: () => s.exportBackup(),
  restoreBackup: (text, d) => s.restoreBackup(text, d),
});
