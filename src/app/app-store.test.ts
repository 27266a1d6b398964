import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Township } from '../domain/records';
import type { IngestRunner } from '../features/import/ingest-runner';
import type { FileIngestResult } from '../ingest/types';
import { createMemoryStore } from '../store/memory-store';
import type { BatchRow, PersistentSnapshot } from '../store/persist-types';
import { PersistentStore } from '../store/persistent-store';
import { DEFAULT_SETTINGS } from '../store/settings';
import { counterIds, result, stepClock, tm, uniqueDbName } from '../store/test-support';
import { DB_NAME } from '../store/db';
import {
  beginStartup,
  openAppStore,
  startSample,
  surelyFirstRun,
  viewDataset,
  type AppStore,
} from './app-store';

const open: PersistentStore[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
  vi.unstubAllGlobals();
});

async function persistent(label: string): Promise<AppStore> {
  const store = await PersistentStore.open({
    dbName: uniqueDbName(label),
    now: stepClock(),
    newId: counterIds('b'),
    channelName: null,
    storage: null,
    locks: null,
  });
  open.push(store);
  return { kind: 'persistent', store };
}

const SAMPLE_TOWNSHIPS: Township[] = [
  { name: '东关街道', type: 'jiedao', code: '419901001', aliases: ['东关办事处'] },
  { name: '小召乡', type: 'xiang', code: null, aliases: [] },
];

/** The sample as ingest returns it: two townships, a declared master list and district. */
const sampleResult = (file: string): FileIngestResult => ({
  ...result(file, [
    tm('小召乡', '2022-04', { hazards_found: 3 }),
    tm('东关街道', '2022-04', { hazards_found: 0 }),
  ]),
  townships: SAMPLE_TOWNSHIPS,
  district: '云川区',
});

/** A runner answering every job with `make(fileName)`, counting the jobs. */
function runnerOf(make: (file: string) => FileIngestResult): IngestRunner & { jobs: string[] } {
  const jobs: string[] = [];
  return {
    jobs,
    ingest: (input) => {
      jobs.push(input.fileName);
      return { promise: Promise.resolve({ status: 'done', result: make(input.fileName) }), cancel: () => {} };
    },
  };
}

/** fetch serving the sample manifest and dataset, or a status for the manifest. */
function stubSample(manifestStatus = 200): ReturnType<typeof vi.fn> {
  const fetchMock = vi.fn(async (url: string) => {
    if (url === './sample/manifest.json')
      return manifestStatus === 200
        ? new Response('{"files":[{"path":"dataset.json","kind":"dataset"}]}')
        : new Response('', { status: manifestStatus });
    if (url === './sample/dataset.json') return new Response('{"schema_version":"1","township_month":[]}');
    throw new TypeError('Failed to fetch');
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const signal = () => new AbortController().signal;

describe('openAppStore', () => {
  it('falls back to a memory store with the browser error when IndexedDB cannot open', async () => {
    const app = await openAppStore(async () => ({
      kind: 'unavailable',
      detail: 'InvalidStateError: private',
    }));
    expect(app.kind).toBe('memory');
    expect(app.kind === 'memory' && app.detail).toBe('InvalidStateError: private');
    expect(app.store.getSnapshot().dataset.townshipMonths).toEqual([]);
  });
});

describe('startSample (persistent)', () => {
  it('loads the sample as one batch on the first run only', async () => {
    const app = await persistent('first-run');
    const fetchMock = stubSample();
    const runner = runnerOf(sampleResult);

    expect(await startSample(app, runner, () => 'T', signal())).toEqual({ ok: true, loaded: true });
    const snap = app.store.getSnapshot() as PersistentSnapshot;
    expect(snap.batches.map((b) => [b.source.kind, b.source.name])).toEqual([['sample', 'dataset.json']]);
    expect(snap.dataset.townshipMonths.map((r) => r.township)).toEqual(['小召乡', '东关街道']);

    // A reload: the store has data, so nothing is fetched or ingested again.
    fetchMock.mockClear();
    expect(await startSample(app, runner, () => 'T', signal())).toEqual({ ok: true, loaded: false });
    expect(fetchMock).not.toHaveBeenCalled();
    expect(runner.jobs).toHaveLength(1);
  });

  it('does not bring a removed sample back', async () => {
    const app = await persistent('removed');
    stubSample();
    await startSample(app, runnerOf(sampleResult), () => 'T', signal());
    const store = app.store as PersistentStore;
    await store.removeBatch(store.getSnapshot().batches[0]!.id);
    expect(await startSample(app, runnerOf(sampleResult), () => 'T', signal())).toEqual({
      ok: true,
      loaded: false,
    });
    expect(store.getSnapshot().dataset.townshipMonths).toEqual([]);
  });

  it('reports an unreachable sample and stores nothing, so the next start tries again', async () => {
    const app = await persistent('404');
    stubSample(404);
    expect(await startSample(app, runnerOf(sampleResult), () => 'T', signal())).toEqual({
      ok: false,
      error: { kind: 'http', url: './sample/manifest.json', status: 404 },
    });
    expect((app.store.getSnapshot() as PersistentSnapshot).batches).toEqual([]);
    stubSample();
    expect(await startSample(app, runnerOf(sampleResult), () => 'T', signal())).toEqual({
      ok: true,
      loaded: true,
    });
  });

  it('reports a sample that failed validation', async () => {
    const app = await persistent('rejected');
    stubSample();
    const runner = runnerOf((f) => result(f, [], { status: 'rejected' }));
    const out = await startSample(app, runner, () => 'T', signal());
    expect(out.ok === false && out.error.kind).toBe('rejected');
    expect((app.store.getSnapshot() as PersistentSnapshot).batches).toEqual([]);
  });
});

describe('startSample (persistent): the sample on screen before its save', () => {
  it('is shown once, as one view dataset, before and after the save lands', async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let shown = false;
    const store = await PersistentStore.open({
      dbName: uniqueDbName('early-view'),
      now: stepClock(),
      newId: counterIds('b'),
      channelName: null,
      storage: null,
      locks: null,
      afterPaint: () => {
        shown = true;
        return gate;
      },
    });
    open.push(store);
    stubSample();
    const done = startSample({ kind: 'persistent', store }, runnerOf(sampleResult), () => 'T', signal());
    await vi.waitUntil(() => shown);
    const early = viewDataset(store.getSnapshot());
    expect(early.townshipMonths).toHaveLength(2);
    // The sample's declared list, in its order, before anything is stored.
    expect(early.townships).toEqual(SAMPLE_TOWNSHIPS);
    expect(store.getSnapshot().batches).toEqual([]);
    release();
    expect(await done).toEqual({ ok: true, loaded: true });
    // The stored snapshot gives the very same view dataset: no second render of other data.
    expect(viewDataset(store.getSnapshot())).toBe(early);
  });

  it('a save that fails is still reported as the startup failure', async () => {
    const app = await persistent('early-fail');
    const store = app.store as PersistentStore;
    stubSample();
    // The database goes away between the plan and the commit (another tab upgraded it).
    const commit = store.commitImport.bind(store);
    vi.spyOn(store, 'commitImport').mockImplementation((plan, decisions) => {
      store.db.close();
      return commit(plan, decisions);
    });
    const out = await startSample(app, runnerOf(sampleResult), () => 'T', signal());
    expect(out.ok === false && out.error.kind).toBe('failed');
    expect(store.getSnapshot().dataset.townshipMonths).toEqual([]);
  });
});

describe('beginStartup', () => {
  /** An ingest client that also counts warm() calls. */
  const warmRunner = () => Object.assign(runnerOf(sampleResult), { warmed: 0, warm() {} });

  it('on a first run fetches and ingests the sample while the store is still opening', async () => {
    const fetchMock = stubSample();
    const runner = warmRunner();
    runner.warm = () => void runner.warmed++;
    let opened = (_: PersistentStore) => {};
    const store = await PersistentStore.open({
      dbName: uniqueDbName('startup-first'),
      channelName: null,
      storage: null,
      locks: null,
    });
    open.push(store);
    const startup = beginStartup(runner, () => 'T', {
      firstRun: () => Promise.resolve(true),
      open: () =>
        new Promise((resolve) => {
          opened = (s) => resolve({ kind: 'persistent', store: s });
        }),
    });
    // The store has not opened, and the sample is already on its way.
    await vi.waitUntil(() => runner.jobs.length === 1);
    expect(runner.warmed).toBe(1);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    opened(store);
    const app = await startup.app;
    expect(await startSample(app, runner, () => 'T', signal(), startup.loadSample)).toEqual({
      ok: true,
      loaded: true,
    });
    // The early load was used: nothing fetched or ingested twice.
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(runner.jobs).toHaveLength(1);
  });

  it('a caller cancelled before it asks (StrictMode) leaves the early sample to the next one', async () => {
    stubSample();
    const runner = warmRunner();
    const startup = beginStartup(runner, () => 'T', {
      firstRun: () => Promise.resolve(true),
      open: () => Promise.resolve({ kind: 'unavailable', detail: 'x' }),
    });
    await startup.app;
    const cancelled = new AbortController();
    cancelled.abort();
    expect(await startup.loadSample(cancelled.signal)).toEqual({ ok: false, error: { kind: 'aborted' } });
    expect((await startup.loadSample(signal())).ok).toBe(true);
    expect(runner.jobs).toHaveLength(1);
  });

  it('otherwise fetches nothing until the store asks for the sample', async () => {
    const fetchMock = stubSample();
    const runner = warmRunner();
    const app = await persistent('startup-returning');
    const startup = beginStartup(runner, () => 'T', {
      firstRun: () => Promise.resolve(false),
      open: () => Promise.resolve({ kind: 'persistent', store: app.store as PersistentStore }),
    });
    await startup.app;
    expect(fetchMock).not.toHaveBeenCalled();
    expect(runner.jobs).toEqual([]);
    expect(await startSample(app, runner, () => 'T', signal(), startup.loadSample)).toEqual({
      ok: true,
      loaded: true,
    });
    expect(runner.jobs).toHaveLength(1);
  });
});

describe('surelyFirstRun', () => {
  it.each([
    ['no database of the app', { databases: () => Promise.resolve([{ name: 'other' }]) }, true],
    ['the app has a database', { databases: () => Promise.resolve([{ name: DB_NAME }]) }, false],
    ['the browser cannot list databases', {}, false],
    ['listing fails', { databases: () => Promise.reject(new Error('denied')) }, false],
  ] as const)('%s', async (_label, idb, expected) => {
    expect(await surelyFirstRun(idb)).toBe(expected);
  });
});

describe('startSample (memory)', () => {
  it('loads the sample every start, keeping its declared township list', async () => {
    const app: AppStore = { kind: 'memory', store: createMemoryStore(), detail: 'x' };
    stubSample();
    expect(await startSample(app, runnerOf(sampleResult), () => 'T', signal())).toEqual({
      ok: true,
      loaded: true,
    });
    expect(app.store.getSnapshot().dataset.townships.map((t) => t.name)).toEqual(['东关街道', '小召乡']);
  });
});

describe('viewDataset', () => {
  const batch = (seq: number, townships: Township[]): BatchRow =>
    ({ id: `b${seq}`, seq, result: { ...result('f.csv', []), townships } }) as unknown as BatchRow;
  const snap = (settingsTownships: Township[], newestFirst: BatchRow[]): PersistentSnapshot => ({
    dataset: {
      district: null,
      townships: settingsTownships,
      townshipMonths: [],
      hazards: [],
      problems: [],
    },
    imports: [],
    version: 1,
    batches: newestFirst,
    revisionCount: 0,
    settings: { ...DEFAULT_SETTINGS, townships: settingsTownships },
    storage: { mode: 'persistent', persisted: null, usageBytes: null, quotaBytes: null },
  });
  const OTHER: Township[] = [{ name: '城关镇', type: 'zhen', code: null, aliases: [] }];

  it.each([
    [
      'the settings list wins over declared lists',
      OTHER,
      [batch(2, []), batch(1, SAMPLE_TOWNSHIPS)],
      ['城关镇'],
    ],
    [
      'no settings list: the earliest declared list',
      [],
      [batch(3, OTHER), batch(2, []), batch(1, SAMPLE_TOWNSHIPS)],
      ['东关街道', '小召乡'],
    ],
    ['nothing declared: empty (first appearance applies)', [], [batch(1, [])], []],
    ['no batches: empty', [], [], []],
  ] as const)('%s', (_label, settings, batches, expected) => {
    const s = snap([...settings], [...batches]);
    expect(viewDataset(s).townships.map((t) => t.name)).toEqual(expected);
  });

  it('appends townships held in records but missing from a saved list (header = charts)', () => {
    const s = snap(OTHER, [batch(1, SAMPLE_TOWNSHIPS)]);
    const withRecords = {
      ...s,
      dataset: {
        ...s.dataset,
        townshipMonths: [tm('城关镇', '2022-04'), tm('新城镇', '2022-04'), tm('城关镇', '2022-05')],
      },
    };
    expect(viewDataset(withRecords).townships.map((t) => t.name)).toEqual(['城关镇', '新城镇']);
  });

  it('returns the dataset itself when nothing changes (stable memo keys)', () => {
    const s = snap(OTHER, []);
    expect(viewDataset(s)).toBe(s.dataset);
    const memory = createMemoryStore().getSnapshot();
    expect(viewDataset(memory)).toBe(memory.dataset);
  });
});
