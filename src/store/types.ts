/**
 * The store contract the UI reads through. The store is the only owner of mutable data; the UI
 * subscribes (useSyncExternalStore) and derives everything else. An in-memory implementation
 * backs issue 2; the IndexedDB implementation (issue 6) keeps the same surface.
 */
import type { Dataset } from '../domain/records';
import type { PersistentApi } from './persistent-api';
import type { DataSnapshot, ImportEntry } from './snapshot';

export type { DataSnapshot, ImportEntry } from './snapshot';
export type { PersistentApi } from './persistent-api';

export interface DataStore {
  getSnapshot(): DataSnapshot;
  subscribe(listener: () => void): () => void;
  /** Adds ingested files to the dataset. Conflicts are reported, never silently overwritten. */
  addImports(entries: readonly ImportEntry[]): Promise<void>;
  /** Replaces everything (e.g. loading the bundled sample). */
  reset(dataset: Dataset, imports: readonly ImportEntry[]): Promise<void>;
  /**
   * The persistent store's own API (planned imports, history, revisions, settings, backup, storage
   * status) when this store keeps data in IndexedDB; null on the in-memory fallback. The one way to
   * ask "is this the persistent store": code branches on it instead of instanceof or probing for
   * methods and snapshot fields.
   */
  readonly persistent: PersistentApi | null;
}
