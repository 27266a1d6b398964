/**
 * Which store the app runs on, and the first-run sample. IndexedDB (PersistentStore) when it opens;
 * the in-memory store otherwise (private mode, disabled storage), with the reason for the banner.
 * No React here: main.tsx opens the store once, before rendering, so StrictMode's double effects
 * never open two connections. On a first run the sample's fetch and ingest start at the same time
 * as the store opens (beginStartup, docs/architecture.md "What loads when").
 */
import { EMPTY_DATASET, type Dataset, type Township } from '../domain/records';
import type { IngestRunner } from '../features/import/ingest-runner';
import { recordTownshipNames } from '../analysis/township-order';
import { districtTownships, mergeTownshipNames } from '../store/district-townships';
import { DB_NAME } from '../store/db';
import { openPersistentStore, type OpenStoreOutcome, type PersistentStore } from '../store/persistent-store';
import type { DataSnapshot, DataStore } from '../store/types';
import { loadSample, type SampleError, type SampleOutcome } from './load-sample';

export type AppStore =
  | { readonly kind: 'persistent'; readonly store: PersistentStore }
  /** IndexedDB could not be opened: data lives in this tab only. `detail` is the browser's error. */
  | { readonly kind: 'memory'; readonly store: DataStore; readonly detail: string };

/**
 * Opens the persistent store, falling back to a fresh memory store when IndexedDB is unavailable.
 * `open` is injectable for tests. Never rejects.
 */
export async function openAppStore(
  open: () => Promise<OpenStoreOutcome> = () => openPersistentStore(),
): Promise<AppStore> {
  const outcome = await open();
  if (outcome.kind === 'persistent') return { kind: 'persistent', store: outcome.store };
  // Loaded only here (private mode): the entry chunk has a size budget (issue 13, target 5).
  const { createMemoryStore } = await import('../store/memory-store');
  return { kind: 'memory', store: createMemoryStore(), detail: outcome.detail };
}

/** The part of IDBFactory the first-run probe uses; injectable for tests. */
export interface DatabaseLister {
  databases?: () => Promise<readonly { readonly name?: string }[]>;
}

/**
 * True only when this browser surely has no database of the app yet (a first run, so the sample
 * will be needed); false when it has one or cannot say (no `indexedDB.databases()`, storage
 * disabled): then the store decides once it is open, as loadSampleIfEmpty always has.
 */
export async function surelyFirstRun(
  idb: DatabaseLister | undefined = globalThis.indexedDB as DatabaseLister | undefined,
): Promise<boolean> {
  try {
    if (typeof idb?.databases !== 'function') return false;
    const names = (await idb.databases()).map((d) => d.name);
    return !names.includes(DB_NAME);
  } catch {
    return false;
  }
}

/** Loads the bundled sample for startSample; `signal` aborts this caller's wait. */
export type SampleLoader = (signal: AbortSignal) => Promise<SampleOutcome>;

export interface Startup {
  readonly app: Promise<AppStore>;
  readonly loadSample: SampleLoader;
}

export interface StartupDeps {
  readonly firstRun?: () => Promise<boolean>;
  readonly open?: () => Promise<OpenStoreOutcome>;
}

/**
 * Starts the app's data: opens the store and, when this is surely a first run, at the same time
 * starts the ingest worker and fetches and ingests the sample, so the sample is ready about when
 * the store is (issue 13: first chart < 1 s). On any other start nothing is fetched until the store
 * says the sample is needed (a returning user never pays for it). The sample goes through the same
 * worker validation as any import; the store still decides whether it is imported.
 */
export function beginStartup(
  runner: IngestRunner & { warm?(): void },
  now: () => string,
  deps: StartupDeps = {},
): Startup {
  let early: Promise<SampleOutcome> | null = null;
  const probed = (deps.firstRun ?? surelyFirstRun)().then((first) => {
    if (!first) return;
    runner.warm?.();
    // Not aborted by any one caller: StrictMode's first, cancelled effect must not cancel it.
    early = loadSample(runner, now, new AbortController().signal);
  });
  // Opened at the same time as the probe, which is asked first: should the browser answer it
  // after the open has created the database, the probe says "not sure" and the store decides, as
  // on any other start (slower, never wrong: an existing database is always listed).
  const opened = openAppStore(deps.open);
  const app = probed.then(() => opened);
  const aborted: SampleOutcome = { ok: false, error: { kind: 'aborted' } };
  return {
    app,
    loadSample: (signal) => {
      if (signal.aborted) return Promise.resolve(aborted);
      const started = early;
      // Used once (its bytes are not kept); a later caller loads afresh.
      early = null;
      if (!started) return loadSample(runner, now, signal);
      return started.then((outcome) => (signal.aborted ? aborted : outcome));
    },
  };
}

/** What the startup sample load came to; `loaded` is false when the store already had data. */
export type SampleStartup =
  { readonly ok: true; readonly loaded: boolean } | { readonly ok: false; readonly error: SampleError };

class SampleFailure extends Error {
  constructor(readonly error: SampleError) {
    super('sample failed');
    this.name = 'SampleFailure';
  }
}

/**
 * Loads the bundled sample. Persistent store: only on the very first run (no batches, sample never
 * loaded), as its own batch, so a reload or a removed sample never brings it back. Memory store:
 * every start (nothing survives anyway); a rejected sample still shows its report. A failed write
 * (e.g. storage full) is reported as `failed` with the store's detail. `load` is the startup's
 * loader (beginStartup: the sample may already be on its way); by default it loads it now.
 */
export async function startSample(
  app: AppStore,
  runner: IngestRunner,
  now: () => string,
  signal: AbortSignal,
  load: SampleLoader = (s) => loadSample(runner, now, s),
): Promise<SampleStartup> {
  if (app.kind === 'memory') {
    const [outcome, { mergeImports }] = await Promise.all([load(signal), import('../store/memory-store')]);
    if (signal.aborted) return { ok: false, error: { kind: 'aborted' } };
    if (outcome.ok) {
      await app.store.reset(mergeImports(EMPTY_DATASET, [outcome.entry]).dataset, [outcome.entry]);
      return { ok: true, loaded: true };
    }
    if (outcome.error.kind === 'rejected') await app.store.reset(EMPTY_DATASET, [outcome.error.entry]);
    return { ok: false, error: outcome.error };
  }
  try {
    const committed = await app.store.loadSampleIfEmpty(async () => {
      const outcome = await load(signal);
      if (!outcome.ok) throw new SampleFailure(outcome.error);
      return { result: outcome.entry.result, bytes: outcome.bytes };
    });
    if (committed === null) return { ok: true, loaded: false };
    if (committed.kind === 'failed')
      return { ok: false, error: { kind: 'failed', message: committed.detail } };
    return { ok: true, loaded: committed.kind === 'committed' };
  } catch (e) {
    if (e instanceof SampleFailure) return { ok: false, error: e.error };
    return { ok: false, error: { kind: 'failed', message: e instanceof Error ? e.message : String(e) } };
  }
}

/**
 * The dataset the views read, with the district's township list (src/store/district-townships.ts):
 * the settings' master list; while it is empty, the townships already held (the earliest declared
 * list, e.g. the sample's official one, then names found only in records), so the header's count
 * and the charts' order come from the same list the importer checks names against. Townships held
 * in records but missing from a saved list (imported before it was saved) are appended, as the
 * analysis cube appends them, so the header never counts fewer townships than the charts show.
 * Returns the dataset itself when the list is already the dataset's, and the same view as before
 * when the dataset and its list have not changed (stable memo keys: the first-run sample keeps its
 * dataset object when its save lands, and the views must not redraw for it).
 */
export function viewDataset(snapshot: DataSnapshot): Dataset {
  const ds = snapshot.dataset;
  const district = districtTownships(snapshot).townships;
  const merged = mergeTownshipNames(district, recordTownshipNames(ds));
  const townships = merged.length === district.length ? district : merged;
  const same = townships === ds.townships || (townships.length === 0 && ds.townships.length === 0);
  if (same) return ds;
  const before = VIEWS.get(ds);
  if (before && sameTownships(before.townships, townships)) return before;
  const view = { ...ds, townships };
  VIEWS.set(ds, view);
  return view;
}

/** The last view of each dataset object (viewDataset). */
const VIEWS = new WeakMap<Dataset, Dataset>();

const sameTownships = (a: readonly Township[], b: readonly Township[]): boolean =>
  a === b ||
  (a.length === b.length &&
    a.every((t, i) => {
      const u = b[i]!;
      return (
        t.name === u.name &&
        t.type === u.type &&
        t.code === u.code &&
        t.aliases.length === u.aliases.length &&
        t.aliases.every((x, j) => x === u.aliases[j])
      );
    }));
