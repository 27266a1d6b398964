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
import { openAppStore, startSample, viewDataset, type AppStore } from './app-store';

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
