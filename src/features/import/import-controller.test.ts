/**
 * The import workflow without React: reading with progress, cancel and failure, township-name
 * decisions with the real ingest, plan → review → commit against the persistent store, the
 * stale-plan retry and the outcome of every commit. The panel's render tests are in
 * import-panel*.test.tsx.
 */
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ingestFile } from '../../ingest/ingest-any-file';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LedgerCheck } from '../../analysis/hazard-figures';
import type { Township } from '../../domain/records';
import { ingestBytes } from '../../ingest/ingest-file';
import type { FileIngestResult } from '../../ingest/types';
import { districtTownships } from '../../store/district-townships';
import { createMemoryStore } from '../../store/memory-store';
import type { CommitOutcome, ImportPlan } from '../../store/persist-types';
import { PersistentStore, type PersistentStoreOptions } from '../../store/persistent-store';
import { bytesOf, counterIds, hazard, result, stepClock, tm, uniqueDbName } from '../../store/test-support';
import {
  createImportController,
  importReportRows,
  overallPercent,
  reportValues,
  type ImportController,
  type ImportFile,
  type ImportPlanningCore,
} from './import-controller';
import type { IngestInput, IngestOutcome, IngestRunner, ReadProgress } from './ingest-runner';

const stores: PersistentStore[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

const NOW = '2024-04-10T01:00:00.000Z';
const fileOf = (name: string, text = `乡镇,月份\n小召乡,2022-04 (${name})\n`): ImportFile => ({
  name,
  arrayBuffer: async () => bytesOf(text).slice().buffer,
});
const tick = () => new Promise((r) => setTimeout(r, 0));

interface Call {
  input: IngestInput;
  progress?: (p: ReadProgress) => void;
  finish: (o: IngestOutcome) => void;
  cancelled: boolean;
}

/** A runner the test drives by hand. */
function manualRunner(): IngestRunner & { calls: Call[] } {
  const calls: Call[] = [];
  return {
    calls,
    ingest(input, progress) {
      let finish: (o: IngestOutcome) => void = () => {};
      const promise = new Promise<IngestOutcome>((r) => (finish = r));
      const call: Call = { input, progress, finish, cancelled: false };
      calls.push(call);
      return {
        promise,
        cancel() {
          call.cancelled = true;
          finish({ status: 'cancelled' });
        },
      };
    },
  };
}

/** A runner answering from a table of results by file name; detaches its input like postMessage. */
function tableRunner(
  results: ReadonlyMap<string, FileIngestResult>,
): IngestRunner & { inputs: IngestInput[] } {
  const inputs: IngestInput[] = [];
  return {
    inputs,
    ingest(input) {
      inputs.push(input);
      const r = results.get(input.fileName);
      const outcome: IngestOutcome = r
        ? { status: 'done', result: r }
        : { status: 'failed', message: 'no fixture' };
      return { promise: Promise.resolve(outcome), cancel: () => {} };
    },
  };
}

/** The real ingest, as the worker runs it. */
function realRunner(): IngestRunner & { inputs: IngestInput[] } {
  const inputs: IngestInput[] = [];
  return {
    inputs,
    ingest(input) {
      inputs.push(input);
      const promise = input.file.arrayBuffer().then((buf): IngestOutcome => ({
        status: 'done',
        result: ingestBytes(new Uint8Array(buf), {
          fileName: input.fileName,
          knownTownships: input.knownTownships,
          today: '2024-04-10',
        }),
      }));
      return { promise, cancel: () => {} };
    },
  };
}

async function openStore(label: string, chunks?: PersistentStoreOptions['chunks']): Promise<PersistentStore> {
  const store = await PersistentStore.open({
    dbName: uniqueDbName(label),
    now: stepClock(),
    newId: counterIds('b'),
    channelName: null,
    storage: null,
    locks: null,
    ...(chunks ? { chunks } : {}),
  });
  stores.push(store);
  return store;
}

const planningOf = (
  store: ImportPlanningCore['store'],
  knownTownships: readonly Township[] = [],
  townshipSource?: ImportPlanningCore['townshipSource'],
): ImportPlanningCore => ({
  store,
  knownTownships,
  ...(townshipSource ? { townshipSource } : {}),
  formatTime: (iso) => `<${iso}>`,
});

/** Outcome lines as `tone key` for table rows. */
const lines = (c: ImportController) => c.getSnapshot().outcomes.map((o) => `${o.tone} ${o.message.key}`);

describe('overallPercent', () => {
  it.each<[ReadProgress, number]>([
    [{ phase: 'read', done: 0, total: 10 }, 0],
    [{ phase: 'decode', done: 0, total: 10 }, 10],
    [{ phase: 'decode', done: 10, total: 10 }, 20],
    [{ phase: 'parse', done: 5, total: 10 }, 40],
    [{ phase: 'validate', done: 3, total: 4 }, 90],
    [{ phase: 'validate', done: 12, total: 10 }, 100],
    [{ phase: 'parse', done: 5, total: 0 }, 20],
  ])('%j → %i', (p, percent) => expect(overallPercent(p)).toBe(percent));
});

describe('import controller: reading', () => {
  it('hands the runner the chosen File itself and shows bytes read, then rows checked', async () => {
    const runner = manualRunner();
    const c = createImportController({ store: createMemoryStore(), runner, now: () => NOW });
    const file = new File(['乡镇（街道）,月份\n'], 'ledger.csv');
    const done = c.importFiles([file]);
    await tick();
    // The File goes to the worker as it is: its bytes are not copied on the page.
    expect(runner.calls[0]!.input.file).toBe(file);
    runner.calls[0]!.progress?.({ phase: 'read', done: 4_000_000, total: 8_000_000 });
    expect(c.getSnapshot().jobs[0]).toMatchObject({
      phase: 'read',
      percent: 5,
      bytesRead: 4_000_000,
      bytesTotal: 8_000_000,
    });
    // The bar moves by characters; the rows are counted as they are checked, total not yet known.
    runner.calls[0]!.progress?.({ phase: 'validate', done: 3_000_000, total: 8_000_000, rows: 30_000 });
    // Bytes read stay on the line once reading is over; the rows checked join them.
    expect(c.getSnapshot().jobs[0]).toMatchObject({
      phase: 'validate',
      bytesRead: 4_000_000,
      rowsDone: 30_000,
    });
    expect(c.getSnapshot().jobs[0]!.rowsTotal).toBeUndefined();
    runner.calls[0]!.progress?.({ phase: 'validate', done: 30, total: 100, rows: 30, rowsTotal: 100 });
    expect(c.getSnapshot().jobs[0]).toMatchObject({ rowsDone: 30, rowsTotal: 100 });
    // Then the records cross to the page: a step of its own, with its own bar, counted in records.
    runner.calls[0]!.progress?.({ phase: 'receive', done: 250, total: 1_000 });
    expect(c.getSnapshot().jobs[0]).toMatchObject({
      phase: 'receive',
      percent: 25,
      recordsDone: 250,
      recordsTotal: 1_000,
    });
    c.cancelJob(c.getSnapshot().jobs[0]!.key);
    await done;
    expect(c.getSnapshot().jobs[0]).toMatchObject({ state: 'cancelled' });
  });

  it('a cancelled read of a persistent-store import plans and saves nothing', async () => {
    const store = await openStore('cancel');
    const before = await store.db.batches.count();
    const runner = manualRunner();
    const c = createImportController({ store, runner, now: () => NOW, planning: planningOf(store, []) });
    const done = c.importFiles([csv('x.csv', ['城关镇,2024年3月,4,4'])]);
    await tick();
    c.cancelJob(c.getSnapshot().jobs[0]!.key);
    // The worker's answer after a cancel (a late message) is never used.
    runner.calls[0]!.finish({ status: 'done', result: result('x.csv', []) });
    await done;
    expect(c.getSnapshot().outcomes).toEqual([]);
    expect(c.getSnapshot().reviews).toEqual([]);
    expect(await store.db.batches.count()).toBe(before);
  });

  it('shows a line per file with progress, cancels one, keeps a failed one, and clears both on the next batch', async () => {
    const runner = manualRunner();
    const store = createMemoryStore();
    const c = createImportController({ store, runner, now: () => NOW });
    let notified = 0;
    c.subscribe(() => notified++);
    const done = c.importFiles([fileOf('a.csv'), fileOf('b.csv')]);
    await tick();
    expect(c.getSnapshot().jobs.map((j) => [j.fileName, j.phase, j.state])).toEqual([
      ['a.csv', 'queued', 'running'],
      ['b.csv', 'queued', 'running'],
    ]);
    runner.calls[0]!.progress?.({ phase: 'parse', done: 5, total: 10 });
    expect(c.getSnapshot().jobs[0]).toMatchObject({ phase: 'parse', percent: 40 });
    c.cancelJob(c.getSnapshot().jobs[0]!.key);
    expect(runner.calls[0]!.cancelled).toBe(true);
    runner.calls[1]!.finish({ status: 'failed', message: 'worker crashed' });
    await done;
    expect(c.getSnapshot().jobs.map((j) => [j.fileName, j.state, j.message])).toEqual([
      ['a.csv', 'cancelled', undefined],
      ['b.csv', 'failed', 'worker crashed'],
    ]);
    expect(notified).toBeGreaterThan(0);
    expect(store.getSnapshot().imports).toEqual([]);
    const next = c.importFiles([fileOf('c.csv')]);
    await tick();
    expect(c.getSnapshot().jobs.map((j) => j.fileName)).toEqual(['c.csv']);
    runner.calls[2]!.finish({ status: 'done', result: result('c.csv', []) });
    await next;
  });

  it('without a persistent store, adds a read file to the store at once and opens its report', async () => {
    const store = createMemoryStore();
    const runner = tableRunner(
      new Map([['a.csv', result('a.csv', [tm('小召乡', '2022-04', { hazards_found: 3 })])]]),
    );
    const c = createImportController({ store, runner, now: () => NOW });
    await c.importFiles([fileOf('a.csv')]);
    expect(c.getSnapshot().jobs).toEqual([]);
    expect(store.getSnapshot().dataset.townshipMonths).toHaveLength(1);
    const id = store.getSnapshot().imports[0]!.id;
    expect(id).toBe(`${NOW}#1`);
    expect(c.getSnapshot().ownIds.has(id)).toBe(true);
    // No district list to check names against: the outcome says so.
    expect(lines(c)).toEqual(['info dashboard.import.towns.unchecked']);
  });

  it('checks names against the held townships without a persistent store', async () => {
    const store = createMemoryStore();
    await store.reset(
      {
        district: null,
        townships: [{ name: '小召乡', type: 'xiang', code: null, aliases: [] }],
        townshipMonths: [],
        hazards: [],
        problems: [],
      },
      [],
    );
    const runner = tableRunner(new Map([['a.csv', result('a.csv', [])]]));
    await createImportController({ store, runner, now: () => NOW }).importFiles([fileOf('a.csv')]);
    expect(runner.inputs[0]!.knownTownships.map((t) => t.name)).toEqual(['小召乡']);
  });
});

const APRIL = 'xiaozhao-2022-04.csv';
const CORRECTED = 'xiaozhao-2022-04-corrected.csv';
const BAD = 'empty.csv';
const RESULTS = new Map<string, FileIngestResult>([
  [APRIL, result(APRIL, [tm('小召乡', '2022-04', { hazards_found: 3, hazards_rectified: 2 })])],
  [CORRECTED, result(CORRECTED, [tm('小召乡', '2022-04', { hazards_found: 5, hazards_rectified: 2 })])],
  [BAD, result(BAD, [], { status: 'rejected' })],
]);

const hazardsFound = (store: PersistentStore) =>
  store.getSnapshot().dataset.townshipMonths.map((r) => [r.township, r.hazards_found]);

async function planned(known: readonly Township[] = []) {
  const store = await openStore('ctl-plan');
  const runner = tableRunner(RESULTS);
  const c = createImportController({ store, runner, now: () => NOW, planning: planningOf(store, known) });
  return { store, runner, c };
}

describe('import controller: plan, review, commit', () => {
  it('commits a new file; the same bytes again are a duplicate; the same records in other bytes are nothing new', async () => {
    const { store, c } = await planned();
    await c.importFiles([fileOf(APRIL)]);
    await c.importFiles([fileOf(APRIL)]);
    await c.importFiles([fileOf(APRIL, '乡镇,月份\r\n小召乡,2022-04\r\n')]);
    expect(
      c
        .getSnapshot()
        .outcomes.filter((o) => o.kind === 'commit')
        .map((o) => [o.tone, o.message]),
    ).toEqual([
      [
        'ok',
        {
          key: 'store.outcome.committed_with_rejected',
          params: expect.objectContaining({ added: 1, replaced: 0, rejected: 1 }),
        },
      ],
      ['info', { key: 'store.outcome.duplicate', params: { date: '<2022-05-01T08:00:00.000Z>' } }],
      // The fixture has one rejected row: named, and an error, instead of "all identical".
      ['error', { key: 'store.outcome.nothing_saved_rejected', params: { identical: 1, rejected: 1 } }],
    ]);
    expect(store.getSnapshot().batches).toHaveLength(1);
    expect(hazardsFound(store)).toEqual([['小召乡', 3]]);
    // The committed batch's report opens; the two files not stored keep theirs for the session.
    const snap = c.getSnapshot();
    expect(snap.ownIds.has(store.getSnapshot().batches[0]!.id)).toBe(true);
    expect(snap.unsaved.map((e) => e.result.file)).toEqual([APRIL, APRIL]);
  });

  it('holds a changed resubmission for review; replace stores it and keeps the old value as a revision', async () => {
    const { store, c } = await planned();
    await c.importFiles([fileOf(APRIL)]);
    await c.importFiles([fileOf(CORRECTED)]);
    const review = c.getSnapshot().reviews[0]!;
    expect(review.plan.conflicts.map((x) => x.diffs.map((d) => [d.field, d.old, d.new]))).toEqual([
      [['hazards_found', 3, 5]],
    ]);
    expect(hazardsFound(store)).toEqual([['小召乡', 3]]);
    const confirmed = c.confirmReview(review.key, new Map([[review.plan.conflicts[0]!.key, 'replace']]));
    expect(c.getSnapshot().committing).toBe(true);
    await confirmed;
    expect(c.getSnapshot()).toMatchObject({ committing: false, reviews: [] });
    expect(c.getSnapshot().outcomes.at(-1)!.message.params).toMatchObject({ replaced: 1 });
    expect(hazardsFound(store)).toEqual([['小召乡', 5]]);
    expect(await store.listRevisions()).toHaveLength(1);
  });

  it('cancelling a review saves nothing and keeps the report for the session', async () => {
    const { store, c } = await planned();
    await c.importFiles([fileOf(APRIL)]);
    await c.importFiles([fileOf(CORRECTED)]);
    c.cancelReview(c.getSnapshot().reviews[0]!.key);
    expect(c.getSnapshot().reviews).toEqual([]);
    expect(c.getSnapshot().outcomes.at(-1)).toMatchObject({
      kind: 'note',
      tone: 'info',
      message: { key: 'store.import.cancelled_review', params: { file: CORRECTED } },
    });
    expect(c.getSnapshot().unsaved.map((e) => e.result.file)).toEqual([CORRECTED]);
    expect(hazardsFound(store)).toEqual([['小召乡', 3]]);
  });

  it('keeps a rejected file’s report for the session without planning it', async () => {
    const { store, c } = await planned();
    await c.importFiles([fileOf(BAD)]);
    expect(c.getSnapshot().unsaved.map((e) => e.result.file)).toEqual([BAD]);
    expect(c.getSnapshot().outcomes).toEqual([]);
    expect(store.getSnapshot().batches).toEqual([]);
  });

  it('ingests against the planning township list and fingerprints the file’s own bytes', async () => {
    const known: Township[] = [{ name: '小召乡', type: 'xiang', code: null, aliases: ['小召'] }];
    const { store, runner, c } = await planned(known);
    const text = '乡镇,月份,排查隐患（处）\r\n小召乡,2022-04,3\r\n';
    await c.importFiles([fileOf(APRIL, text)]);
    expect(runner.inputs[0]!.knownTownships).toEqual(known);
    // The worker detached its copy; the store hashed the controller's own.
    expect(store.getSnapshot().batches[0]!.hash).toBe(
      createHash('sha256').update(text, 'utf8').digest('hex'),
    );
  });

  /** A planning store whose commit always ends with `outcome`, counting its calls. */
  function scripted(outcome: CommitOutcome, conflicts = 0) {
    const calls = { prepared: 0, committed: 0 };
    const store: ImportPlanningCore['store'] = {
      prepareImport: async (res, _bytes, source): Promise<ImportPlan> => {
        calls.prepared++;
        const conflict = { key: 'k', township: '小召乡', period: '2022-04', diffs: [] };
        return {
          batchId: 'x',
          source,
          hash: 'h',
          result: res,
          duplicateOf: null,
          newRecords: [],
          identical: 0,
          duplicateInFile: 0,
          conflicts: Array.from({ length: conflicts }, () => conflict) as unknown as ImportPlan['conflicts'],
        };
      },
      commitImport: async () => {
        calls.committed++;
        return outcome;
      },
    };
    return { store, calls };
  }

  it.each<[string, CommitOutcome, string, [number, number]]>([
    [
      'storage full',
      { kind: 'failed', reason: 'quota', detail: 'QuotaExceededError' },
      'error store.outcome.failed.quota',
      [1, 1],
    ],
    [
      'connection closed',
      { kind: 'failed', reason: 'closed', detail: 'DatabaseClosedError' },
      'error store.outcome.failed.closed',
      [1, 1],
    ],
    ['refused', { kind: 'rejected' }, 'error store.outcome.rejected', [1, 1]],
    // A stale plan is made again, three attempts in all, then reported.
    ['stale three times', { kind: 'stale' }, 'info store.outcome.stale', [3, 3]],
  ])('reports a commit that ends %s', async (_label, outcome, line, counts) => {
    const { store, calls } = scripted(outcome);
    const runner = tableRunner(RESULTS);
    const c = createImportController({
      store: createMemoryStore(),
      runner,
      now: () => NOW,
      planning: planningOf(store),
    });
    await c.importFiles([fileOf(APRIL)]);
    expect(lines(c)).toEqual(['info dashboard.import.towns.unchecked', line]);
    expect([calls.prepared, calls.committed]).toEqual(counts);
    expect(c.getSnapshot().unsaved.map((e) => e.result.file)).toEqual([APRIL]);
  });

  it('a reviewed plan that went stale is reported and planned again for a new review', async () => {
    const { store, calls } = scripted({ kind: 'stale' }, 1);
    const runner = tableRunner(RESULTS);
    const c = createImportController({
      store: createMemoryStore(),
      runner,
      now: () => NOW,
      planning: planningOf(store),
    });
    await c.importFiles([fileOf(CORRECTED)]);
    const first = c.getSnapshot().reviews[0]!;
    await c.confirmReview(first.key, new Map([['k', 'replace']]));
    expect(lines(c).at(-1)).toBe('info store.outcome.stale');
    expect(c.getSnapshot().reviews.map((r) => r.key)).toEqual([first.key]);
    expect(c.getSnapshot().reviews[0]!.plan).not.toBe(first.plan);
    // The stale line alone does not keep a session report: the file is still under review.
    expect(c.getSnapshot().unsaved).toEqual([]);
    expect([calls.prepared, calls.committed]).toEqual([2, 1]);
  });

  it('ignores review and name actions for keys it does not hold', async () => {
    const { c } = await planned();
    c.cancelReview(99);
    c.cancelNames(99);
    await c.confirmReview(99, new Map());
    await c.decideNames(99, new Map());
    expect(c.getSnapshot()).toMatchObject({ reviews: [], outcomes: [], unsaved: [], pendingNames: [] });
  });
});

// The district as the sample declares it (official order, aliases).
const DISTRICT: Township[] = [
  { name: '东关街道', type: 'jiedao', code: '419901001', aliases: ['东关办事处'] },
  { name: '城关镇', type: 'zhen', code: '419901101', aliases: ['城关'] },
  { name: '柳河镇', type: 'zhen', code: '419901103', aliases: [] },
  { name: '小召乡', type: 'xiang', code: '419901201', aliases: ['小召'] },
];

/** A store holding the sample-like batch that declared DISTRICT (no settings saved). */
async function heldStore(): Promise<PersistentStore> {
  const store = await openStore('ctl-towns');
  const sample = JSON.stringify({
    schema_version: '1',
    district: '云川区',
    townships: DISTRICT,
    township_month: DISTRICT.map((t) => ({ township: t.name, period: '2024-02', hazards_found: 2 })),
  });
  const r = ingestBytes(bytesOf(sample), {
    fileName: 'dataset.json',
    knownTownships: [],
    today: '2024-04-10',
  });
  const plan = await store.prepareImport(r, bytesOf(sample), { kind: 'sample', name: 'dataset.json' });
  await store.commitImport(plan, new Map());
  return store;
}

/** A controller wired as the app wires it: the district list from the store, kept current. */
function wired(store: PersistentStore) {
  const runner = realRunner();
  const options = () => {
    const d = districtTownships(store.getSnapshot());
    return { store, runner, now: () => NOW, planning: planningOf(store, d.townships, d.source) };
  };
  const c = createImportController(options());
  store.subscribe(() => c.setOptions(options()));
  return { c, runner };
}

const csv = (name: string, rows: string[]) =>
  fileOf(name, '乡镇（街道）,月份,排查隐患（处）,已整改（处）\n' + rows.join('\n') + '\n');

const storedMarch = (store: PersistentStore) =>
  store
    .getSnapshot()
    .dataset.townshipMonths.filter((r) => r.period === '2024-03')
    .map((r) => [r.township, r.hazards_found, r.source.line]);

describe('import controller: saving progress', () => {
  /** A ledger of 12 hazards (台账.csv) and a controller, on a store with chunks of a few records. */
  async function savingLedger(label: string) {
    const store = await openStore(label, { plan: 3, read: 4, write: 5, block: 5 });
    const hazards = Array.from({ length: 12 }, (_, i) =>
      hazard('小召乡', `2024-03-${String(i + 1).padStart(2, '0')}`, `配电箱未接地 第${i}处`),
    );
    const runner = tableRunner(new Map([['台账.csv', result('台账.csv', [], { hazards })]]));
    const c = createImportController({ store, runner, now: () => NOW, planning: planningOf(store, []) });
    return { store, hazards, c };
  }

  it('shows a saving line with records checked and written, without cancel, until the commit ends', async () => {
    const { store, hazards, c } = await savingLedger('save-progress');
    const seen: string[] = [];
    c.subscribe(() => {
      for (const j of c.getSnapshot().jobs)
        if (j.phase === 'save') {
          const line = j.save ? `${j.save.step} ${j.save.done}/${j.save.total} ${j.percent}%` : 'start';
          if (seen.at(-1) !== line) seen.push(line);
        }
    });
    await c.importFiles([fileOf('台账.csv')]);
    // Planning goes through every record (none stored: nothing to check against, so it says
    // "prepared"), then the writes in chunks.
    expect(seen[0]).toBe('start');
    expect(seen).toContain('prepare 12/12 100%');
    expect(seen.some((x) => x.startsWith('check'))).toBe(false);
    expect(seen.filter((x) => x.startsWith('write'))).toEqual([
      'write 5/12 42%',
      'write 10/12 83%',
      'write 12/12 100%',
    ]);
    expect(c.getSnapshot().jobs).toEqual([]);
    expect(lines(c).at(-1)).toMatch(/store.outcome.committed/);
    expect(store.getSnapshot().dataset.hazards).toHaveLength(12);

    // A second ledger: hazards are stored now, so planning checks against them.
    const more = hazards.map((h, i) => ({ ...h, description: `消防通道堵塞 第${i}处` }));
    c.setOptions({
      store,
      runner: tableRunner(new Map([['台账2.csv', result('台账2.csv', [], { hazards: more })]])),
      now: () => NOW,
      planning: planningOf(store, []),
    });
    seen.length = 0;
    await c.importFiles([fileOf('台账2.csv')]);
    expect(seen).toContain('check 12/12 100%');
    expect(seen.some((x) => x.startsWith('prepare'))).toBe(false);
    expect(store.getSnapshot().dataset.hazards).toHaveLength(24);
  });

  it('shows the file’s report while it is being saved, and the stored batch’s report after', async () => {
    const { store, c } = await savingLedger('save-report');
    // What the report list shows at each step of the save, with whether the batch is stored.
    const seen: string[] = [];
    c.subscribe(() => {
      const snap = c.getSnapshot();
      const step = snap.jobs.find((j) => j.phase === 'save')?.save?.step ?? 'none';
      const imports = store.getSnapshot().imports;
      const rows = importReportRows(snap, imports, []);
      const line = `${step} stored=${imports.length} ${rows.map((r) => `${r.saving}:${r.defaultOpen}`).join(',')}`;
      if (seen.at(-1) !== line) seen.push(line);
    });
    await c.importFiles([fileOf('台账.csv')]);
    // While checking and writing, the report is there, open and marked as saving, and nothing is
    // stored; once the batch is stored its own report (open) stands in: never both, never none.
    expect(seen).toContain('write stored=0 true:true');
    // (Before the save starts the file is still being read: no report yet.)
    for (const line of seen.filter((l) => !l.startsWith('none stored=0'))) {
      if (line.includes('stored=0')) expect(line).toMatch(/ true:true$/);
      else expect(line).toMatch(/stored=1 false:true$/);
    }
    expect(seen.at(-1)).toBe('none stored=1 false:true');
    expect(c.getSnapshot().saving).toEqual([]);
  });
});

describe('import controller: the report while the records are handed over', () => {
  /**
   * A runner like the worker client: it passes the result without its records on first, then
   * finishes with the whole result when the test releases it (or cancels).
   */
  function handoverRunner(whole: FileIngestResult) {
    let release: () => void = () => {};
    const runner: IngestRunner = {
      ingest(_input, _progress, onIngested) {
        let finish: (o: IngestOutcome) => void = () => {};
        const promise = new Promise<IngestOutcome>((r) => (finish = r));
        void tick().then(() => onIngested?.({ ...whole, townshipMonths: [], hazards: [], problems: [] }));
        release = () => finish({ status: 'done', result: whole });
        return { promise, cancel: () => finish({ status: 'cancelled' }) };
      },
    };
    return { runner, release: () => release() };
  }

  const ledger = (names: readonly string[]) =>
    result('台账.csv', [], {
      hazards: names.map((t, i) =>
        hazard(t, `2024-03-${String(i + 1).padStart(2, '0')}`, `配电箱未接地 第${i}处`),
      ),
    });

  it('shows the report, marked saving, before the records arrive; the save keeps it in place', async () => {
    const store = await openStore('handover-report', { plan: 3, read: 4, write: 5, block: 5 });
    const whole = ledger(Array.from({ length: 12 }, () => '小召乡'));
    const { runner, release } = handoverRunner(whole);
    const c = createImportController({ store, runner, now: () => NOW, planning: planningOf(store, []) });
    const seen: string[] = [];
    c.subscribe(() => {
      const imports = store.getSnapshot().imports;
      const rows = importReportRows(c.getSnapshot(), imports, []);
      const line = `stored=${imports.length} ${rows.map((r) => `${r.saving}:${r.entry.result.counts.accepted}`).join(',')}`;
      if (seen.at(-1) !== line) seen.push(line);
    });
    const done = c.importFiles([fileOf('台账.csv')]);
    await tick();
    await tick();
    // The records are not in yet, and the report is on screen with the file's counts.
    const early = importReportRows(c.getSnapshot(), [], []);
    expect(early.map((r) => [r.saving, r.entry.result.file, r.entry.result.counts.accepted])).toEqual([
      [true, '台账.csv', 12],
    ]);
    expect(early[0]!.entry.result.hazards).toEqual([]);
    expect(c.getSnapshot().jobs.map((j) => j.state)).toEqual(['running']);
    release();
    await done;
    // From the early report on, one report all along: saving until stored, then the stored one.
    const from = seen.indexOf('stored=0 true:12');
    expect(from).toBeGreaterThanOrEqual(0);
    expect(seen.slice(from)).toEqual(['stored=0 true:12', 'stored=1 false:12']);
    expect(store.getSnapshot().dataset.hazards).toHaveLength(12);
    expect(c.getSnapshot().saving).toEqual([]);
  });

  it('takes the early report away when the read is cancelled during the hand-over', async () => {
    const store = await openStore('handover-cancel');
    const { runner } = handoverRunner(ledger(['小召乡', '小召乡']));
    const c = createImportController({ store, runner, now: () => NOW, planning: planningOf(store, []) });
    const done = c.importFiles([fileOf('台账.csv')]);
    await tick();
    await tick();
    expect(c.getSnapshot().saving).toHaveLength(1);
    c.cancelJob(c.getSnapshot().jobs[0]!.key);
    await done;
    expect(c.getSnapshot().saving).toEqual([]);
    expect(c.getSnapshot().jobs.map((j) => j.state)).toEqual(['cancelled']);
    expect(store.getSnapshot().imports).toEqual([]);
  });

  it('shows no early report for a file that waits for township decisions', async () => {
    const store = await openStore('handover-names');
    const unknown = (name: string) =>
      ({
        code: 'ingest.township_unknown',
        value: name,
        line: 2,
        params: {},
      }) as unknown as FileIngestResult['issues'][number];
    const whole = { ...ledger(['新地镇']), issues: [unknown('新地镇')] } as FileIngestResult;
    const { runner, release } = handoverRunner(whole);
    const c = createImportController({
      store,
      runner,
      now: () => NOW,
      planning: planningOf(store, [{ name: '小召乡', aliases: [] }] as unknown as Township[]),
    });
    const seen: number[] = [];
    c.subscribe(() => seen.push(c.getSnapshot().saving.length));
    const done = c.importFiles([fileOf('台账.csv')]);
    await tick();
    await tick();
    release();
    await done;
    expect(Math.max(0, ...seen)).toBe(0);
    expect(c.getSnapshot().pendingNames.map((p) => p.unknown.map((u) => u.name))).toEqual([['新地镇']]);
  });
});

describe('import controller: township names against the district list', () => {
  it('with no saved settings, matches names against the townships already held', async () => {
    const store = await heldStore();
    const { c, runner } = wired(store);
    await c.importFiles([csv('3月.csv', ['东关办事处,2024年3月,6,5', '小召乡人民政府,2024年3月,3,3'])]);
    expect(c.getSnapshot().pendingNames).toEqual([]);
    expect(runner.inputs[0]!.knownTownships.map((t) => t.name)).toEqual(DISTRICT.map((t) => t.name));
    expect(storedMarch(store)).toEqual([
      ['东关街道', 6, 2],
      ['小召乡', 3, 3],
    ]);
  });

  it('holds unknown names; map, add and reject are applied by reading the file again, and the counts add up', async () => {
    const store = await heldStore();
    const { c, runner } = wired(store);
    await c.importFiles([
      csv('3月汇总.csv', [
        '东关街道,2024年3月,6,5',
        '城光镇,2024年3月,4,4',
        '新城镇,2024年3月,2,1',
        'constructor,2024年3月,1,1',
      ]),
    ]);
    const pending = c.getSnapshot().pendingNames[0]!;
    expect(pending.source).toBe('held');
    expect(pending.unknown.map((u) => [u.name, u.records, u.lines, u.suggestion])).toEqual([
      ['城光镇', 1, [3], '城关镇'],
      ['新城镇', 1, [4], null],
      ['constructor', 1, [5], null],
    ]);
    expect(pending.entry.result.counts.rejected).toBe(3);
    expect(storedMarch(store)).toEqual([]);

    const decided = c.decideNames(
      pending.key,
      new Map([
        ['城光镇', { kind: 'map', to: '城关镇' }],
        ['新城镇', { kind: 'new' }],
        ['constructor', { kind: 'reject' }],
      ]),
    );
    expect(c.getSnapshot().deciding).toBe(true);
    await decided;
    expect(c.getSnapshot()).toMatchObject({ deciding: false, pendingNames: [], jobs: [] });
    expect(c.getSnapshot().outcomes.map((o) => o.message)).toEqual([
      {
        key: 'store.outcome.committed_with_rejected',
        params: expect.objectContaining({ added: 3, replaced: 0, rejected: 1 }),
      },
    ]);
    expect(storedMarch(store)).toEqual([
      ['东关街道', 6, 2],
      ['城关镇', 4, 3],
      ['新城镇', 2, 4],
    ]);
    const second = runner.inputs[1]!.knownTownships;
    expect(second.find((t) => t.name === '城关镇')?.aliases).toEqual(['城关', '城光镇']);
    expect(second.at(-1)?.name).toBe('新城镇');
    const saved = store.getSnapshot().batches[0]!;
    expect(saved.counts).toEqual({ total: 5, accepted: 3, rejected: 1, ignored: 1 });
    expect(districtTownships(store.getSnapshot()).townships.map((t) => t.name)).toContain('新城镇');
  });

  it('adds a new township to a saved settings list when the import commits', async () => {
    const store = await heldStore();
    await store.saveSettings({ districtName: '云川区', townships: DISTRICT });
    const { c } = wired(store);
    await c.importFiles([csv('新城镇.csv', ['新城镇,2024年3月,2,2'])]);
    const pending = c.getSnapshot().pendingNames[0]!;
    expect(pending.source).toBe('settings');
    await c.decideNames(pending.key, new Map([['新城镇', { kind: 'new' }]]));
    expect(store.getSnapshot().settings.townships.map((t) => t.name)).toEqual([
      ...DISTRICT.map((t) => t.name),
      '新城镇',
    ]);
  });

  it.each<[string, 'cancel' | 'reject all', string, 'info' | 'error']>([
    ['cancelling', 'cancel', 'dashboard.import.towns.cancelled', 'info'],
    // Nothing read again: the file's records stay rejected and the outcome is an error to see.
    ['rejecting every name', 'reject all', 'store.outcome.nothing_saved_rejected', 'error'],
  ])('%s stores nothing and keeps the report for the session', async (_label, action, key, tone) => {
    const store = await heldStore();
    const { c, runner } = wired(store);
    await c.importFiles([csv('错名.csv', ['城光镇,2024年3月,4,4'])]);
    const pending = c.getSnapshot().pendingNames[0]!;
    if (action === 'cancel') c.cancelNames(pending.key);
    else await c.decideNames(pending.key, new Map([['城光镇', { kind: 'reject' }]]));
    expect(c.getSnapshot().pendingNames).toEqual([]);
    expect(c.getSnapshot().outcomes.map((o) => [o.tone, o.message.key])).toEqual([[tone, key]]);
    expect(c.getSnapshot().unsaved.map((e) => e.result.file)).toEqual(['错名.csv']);
    expect(runner.inputs).toHaveLength(1);
    expect(storedMarch(store)).toEqual([]);
    expect(store.getSnapshot().batches).toHaveLength(1);
  });

  it('a second read that fails leaves its line and keeps the first report', async () => {
    const store = await heldStore();
    const runner = manualRunner();
    const d = districtTownships(store.getSnapshot());
    const c = createImportController({
      store,
      runner,
      now: () => NOW,
      planning: planningOf(store, d.townships),
    });
    const first = c.importFiles([csv('x.csv', ['城光镇,2024年3月,4,4'])]);
    await tick();
    const bytes = new Uint8Array(await runner.calls[0]!.input.file.arrayBuffer());
    runner.calls[0]!.finish({
      status: 'done',
      result: ingestBytes(bytes, { fileName: 'x.csv', knownTownships: d.townships, today: '2024-04-10' }),
    });
    await first;
    const pending = c.getSnapshot().pendingNames[0]!;
    const decided = c.decideNames(pending.key, new Map([['城光镇', { kind: 'new' }]]));
    await tick();
    runner.calls[1]!.finish({ status: 'failed', message: 'worker crashed' });
    await decided;
    expect(c.getSnapshot().jobs.map((j) => [j.state, j.message])).toEqual([['failed', 'worker crashed']]);
    expect(c.getSnapshot()).toMatchObject({ deciding: false, pendingNames: [] });
    expect(c.getSnapshot().unsaved).toEqual([pending.entry]);
  });
});

describe('importReportRows', () => {
  it('lists session reports first, opens the user’s own, and gives ledger checks only to read files', () => {
    const ok = { id: 'a', importedAt: NOW, result: result('台账.csv', []) };
    const bad = { id: 'b', importedAt: NOW, result: result('坏.csv', [], { status: 'rejected' }) };
    const held = { id: 'c', importedAt: NOW, result: result('月报.csv', []) };
    const check: LedgerCheck = {
      township: '城关镇',
      period: '2024-03',
      field: 'hazards_found',
      report: 23,
      ledger: 19,
      reportSource: { file: '月报.csv', line: 2 },
      ledgerFiles: ['台账.csv'],
    };
    const other: LedgerCheck = { ...check, reportSource: { file: '别的.csv', line: 2 }, ledgerFiles: [] };
    const rows = importReportRows(
      { unsaved: [bad, ok], ownIds: new Set(['a', 'b']), saving: [] },
      [held],
      [check, other],
    );
    expect(rows.map((r) => [r.entry.id, r.defaultOpen, r.ledgerChecks])).toEqual([
      ['b', true, []],
      ['a', true, [check]],
      ['c', false, [check]],
    ]);
    // A file being saved comes first, open, with no ledger checks yet (they compare stored data).
    const saving = { id: 'd', importedAt: NOW, result: result('台账.csv', []) };
    const withSaving = importReportRows(
      { unsaved: [], ownIds: new Set(), saving: [{ entry: saving, batchId: 'e' }] },
      [held],
      [check],
    );
    expect(withSaving.map((r) => [r.entry.id, r.saving, r.defaultOpen, r.ledgerChecks])).toEqual([
      ['d', true, true, []],
      ['c', false, false, [check]],
    ]);
    // Once its batch is stored, the stored report stands in for it.
    const landed = { ...held, id: 'e' };
    expect(
      importReportRows(
        { unsaved: [], ownIds: new Set(['e']), saving: [{ entry: saving, batchId: 'e' }] },
        [landed],
        [],
      ).map((r) => [r.entry.id, r.saving, r.defaultOpen]),
    ).toEqual([['e', false, true]]);
  });
});

describe('import controller: Word/text monthly reports (issue 11)', () => {
  /** The worker's entry point itself (report path included), on real fixture bytes. */
  function workerRunner(): IngestRunner {
    return {
      ingest(input) {
        const promise = input.file
          .arrayBuffer()
          .then((buf) =>
            ingestFile(new Uint8Array(buf), {
              fileName: input.fileName,
              knownTownships: input.knownTownships,
              today: '2026-11-29',
            }),
          )
          .then((result): IngestOutcome => ({ status: 'done', result }));
        return { promise, cancel: () => {} };
      },
    };
  }
  const fixture = (path: string): ImportFile => ({
    name: path.split('/').pop() ?? path,
    arrayBuffer: async () => new Uint8Array(readFileSync(path)).slice().buffer,
  });
  const TXT = fixture('tests/fixtures/reports/txt/R1-02.txt'); // 柳河镇 2023-05, needs review
  const DOCX = fixture('tests/fixtures/reports/docx/R2-02.docx'); // 西关街道 2023-07, ready
  const NOTICE = fixture('tests/fixtures/reports/hostile/meeting-notice.docx');

  it('lists each report with its status and saves nothing until ready or confirmed ones are saved', async () => {
    const store = createMemoryStore();
    const c = createImportController({ store, runner: workerRunner(), now: () => NOW });
    await c.importFiles([TXT, DOCX, NOTICE]);
    const states = new Map(c.getSnapshot().reports.map((r) => [r.entry.result.file, r.state]));
    expect(states).toEqual(
      new Map([
        ['R1-02.txt', 'needs_review'],
        ['R2-02.docx', 'ready'],
        ['meeting-notice.docx', 'rejected'],
      ]),
    );
    // The rejected one keeps its report (why) for the session; nothing is stored yet.
    expect(c.getSnapshot().unsaved.map((e) => e.result.issues[0]?.code)).toEqual(['reportui.not_a_report']);
    expect(store.getSnapshot().dataset.townshipMonths).toEqual([]);

    await c.saveReports();
    // Only the ready report went to the store; the one needing review waits.
    expect(store.getSnapshot().dataset.townshipMonths.map((r) => [r.township, r.period])).toEqual([
      ['西关街道', '2023-07'],
    ]);
    expect(c.getSnapshot().reports.find((r) => r.entry.result.file === 'R1-02.txt')?.state).toBe(
      'needs_review',
    );
  });

  it('says saved only once the report is in the store: saving until its own commit returns', async () => {
    const base = createMemoryStore();
    // A store whose writes wait until released, like IndexedDB under load.
    const releases: (() => void)[] = [];
    const store: typeof base = {
      ...base,
      getSnapshot: () => base.getSnapshot(),
      subscribe: (l) => base.subscribe(l),
      addImports: (entries) =>
        new Promise<void>((resolve) => releases.push(() => void base.addImports(entries).then(resolve))),
    };
    const c = createImportController({ store, runner: workerRunner(), now: () => NOW });
    const ready = fixture('tests/fixtures/reports/docx/R2-01.docx');
    await c.importFiles([ready, DOCX]);
    expect(c.getSnapshot().reports.map((r) => r.state)).toEqual(['ready', 'ready']);
    const saving = c.saveReports();
    await vi.waitFor(() => expect(releases).toHaveLength(1));
    // Nothing is stored yet: neither report may say 已保存.
    expect(c.getSnapshot().reports.map((r) => r.state)).toEqual(['saving', 'saving']);
    releases[0]!();
    await vi.waitFor(() => expect(releases).toHaveLength(2));
    expect(c.getSnapshot().reports.map((r) => r.state)).toEqual(['saved', 'saving']);
    releases[1]!();
    await saving;
    expect(c.getSnapshot().reports.map((r) => r.state)).toEqual(['saved', 'saved']);
    expect(base.getSnapshot().dataset.townshipMonths).toHaveLength(2);
  });

  it('a correction is validated again, listed, kept with the record and saved once confirmed', async () => {
    const store = createMemoryStore();
    const c = createImportController({
      store,
      runner: workerRunner(),
      now: () => NOW,
      today: () => '2026-11-29',
    });
    await c.importFiles([TXT]);
    const [pending] = c.getSnapshot().reports;
    if (!pending) throw new Error('no report');
    c.openReport(pending.key);
    expect(c.getSnapshot().reviewing).toBe(pending.key);
    const values = { ...reportValues(pending.entry.result), hazards_found: 36 };
    // A month in the future is refused by the same rule as a CSV row: the report stays to review.
    await c.confirmReport(pending.key, { ...values, period: '2099-01' });
    const refused = c.getSnapshot().reports[0];
    expect(refused?.state).toBe('needs_review');
    expect(refused?.entry.result.counts).toEqual({ total: 1, accepted: 0, rejected: 1, ignored: 0 });
    expect(refused?.entry.result.issues.some((i) => i.field === 'period' && i.severity === 'error')).toBe(
      true,
    );
    await c.confirmReport(pending.key, values);
    const confirmed = c.getSnapshot().reports[0];
    expect(confirmed?.state).toBe('confirmed');
    expect(c.getSnapshot().reviewing).toBeNull();
    expect(confirmed?.entry.result.report?.corrections).toEqual([
      { field: 'hazards_found', from: 31, to: 36 },
    ]);
    await c.saveReports();
    const [record] = store.getSnapshot().dataset.townshipMonths;
    expect(record).toMatchObject({
      township: '柳河镇',
      period: '2023-05',
      hazards_found: 36,
      hazards_rectified: 26,
    });
    // Blank stays null (not 0): the report states no deaths.
    expect(record?.deaths).toBeNull();
    const stored = store.getSnapshot().imports.find((e) => e.result.file === 'R1-02.txt');
    expect(stored?.result.report?.blocks.length).toBeGreaterThan(5);
    expect(stored?.result.report?.otherFacts.length).toBeGreaterThan(0);
  });

  it('reads pasted text as a report', async () => {
    const store = createMemoryStore();
    const c = createImportController({ store, runner: workerRunner(), now: () => NOW });
    await c.importText(
      readFileSync('tests/fixtures/problems/xiaozhao-2022-04-report.txt', 'utf8'),
      '粘贴的报告 1.txt',
    );
    const [r] = c.getSnapshot().reports;
    expect(r?.state).toBe('ready');
    expect(reportValues(r!.entry.result)).toMatchObject({
      township: '小召乡',
      period: '2022-04',
      report_date: '2022-04-27',
    });
  });
});
