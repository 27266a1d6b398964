/**
 * Which store the app runs on, and the first-run sample. IndexedDB (PersistentStore) when it opens;
 * the in-memory store otherwise (private mode, disabled storage), with the reason for the banner.
 * No React here: main.tsx opens the store once, before rendering, so StrictMode's double effects
 * never open two connections.
 */
import { EMPTY_DATASET, type Dataset } from '../domain/records';
import type { IngestRunner } from '../features/import/ingest-runner';
import { createMemoryStore, mergeImports, mergeTownships } from '../store/memory-store';
import { districtTownships } from '../store/district-townships';
import { openPersistentStore, type OpenStoreOutcome, type PersistentStore } from '../store/persistent-store';
import type { DataSnapshot, DataStore } from '../store/types';
import { loadSample, type SampleError } from './load-sample';

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
  return outcome.kind === 'persistent'
    ? { kind: 'persistent', store: outcome.store }
    : { kind: 'memory', store: createMemoryStore(), detail: outcome.detail };
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
 * (e.g. storage full) is reported as `failed` with the store's detail.
 */
export async function startSample(
  app: AppStore,
  runner: IngestRunner,
  now: () => string,
  signal: AbortSignal,
): Promise<SampleStartup> {
  if (app.kind === 'memory') {
    const outcome = await loadSample(runner, now, signal);
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
      const outcome = await loadSample(runner, now, signal);
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
 * Returns the dataset itself when the list is already the dataset's (stable memo keys).
 */
export function viewDataset(snapshot: DataSnapshot): Dataset {
  const ds = snapshot.dataset;
  const district = districtTownships(snapshot).townships;
  const merged = mergeTownships(district, [
    ...ds.townshipMonths,
    ...ds.hazards,
    ...ds.problems,
    ...(ds.hazardTallies ?? []),
  ]);
  const townships = merged.length === district.length ? district : merged;
  const same = townships === ds.townships || (townships.length === 0 && ds.townships.length === 0);
  return same ? ds : { ...ds, townships };
}
