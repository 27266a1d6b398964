/**
 * Where the user's problem edits are kept. The persistent store keeps them with the dataset in
 * IndexedDB (an opaque JSON value); while the app runs on the in-memory store they go to
 * localStorage instead, so a reassignment still survives a reload. The lead can rewire this by
 * passing another ProblemEditsRepository.
 */
import {
  EMPTY_PROBLEM_EDITS,
  parseEdits,
  serialiseEdits,
  type ProblemEdits,
} from '../../analysis/problems/edits';

/** Loads and saves the user's problem edits. */
export interface ProblemEditsRepository {
  /** The saved edits; EMPTY_PROBLEM_EDITS when none are saved or the saved value is invalid. */
  load(): Promise<ProblemEdits>;
  save(e: ProblemEdits): Promise<void>;
}

/** The part of PersistentStore used (getProblemCategoryEdits / setProblemCategoryEdits). */
export interface ProblemEditsStoreLike {
  getProblemCategoryEdits(): Promise<unknown>;
  setProblemCategoryEdits(value: unknown): Promise<void>;
}

/** The part of the Web Storage API used. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** localStorage key of the fallback. */
export const PROBLEM_EDITS_STORAGE_KEY = 'tsd.problemEdits.v1';

/** Parses a saved value: a serialised-edits string; anything else (null, junk) → no edits. */
export function editsFromSaved(value: unknown): ProblemEdits {
  if (typeof value !== 'string') return EMPTY_PROBLEM_EDITS;
  const parsed = parseEdits(value);
  // A damaged value must not block the view: start over rather than show nothing.
  return parsed.ok ? parsed.value : EMPTY_PROBLEM_EDITS;
}

/** True when `store` offers the persistent store's problem-edits API. */
export function hasProblemEditsApi(store: unknown): store is ProblemEditsStoreLike {
  const s = store as Partial<ProblemEditsStoreLike> | null;
  return (
    s !== null &&
    typeof s === 'object' &&
    typeof s.getProblemCategoryEdits === 'function' &&
    typeof s.setProblemCategoryEdits === 'function'
  );
}

/** Keeps edits in the persistent store (as the serialised JSON string). */
export function createStoreEditsRepository(store: ProblemEditsStoreLike): ProblemEditsRepository {
  return {
    load: async () => editsFromSaved(await store.getProblemCategoryEdits()),
    save: (e) => store.setProblemCategoryEdits(serialiseEdits(e)),
  };
}

/** Keeps edits in Web Storage under PROBLEM_EDITS_STORAGE_KEY. A storage error rejects `save`. */
export function createStorageEditsRepository(
  storage: StorageLike,
  key = PROBLEM_EDITS_STORAGE_KEY,
): ProblemEditsRepository {
  return {
    load: async () => {
      try {
        return editsFromSaved(storage.getItem(key));
      } catch {
        return EMPTY_PROBLEM_EDITS;
      }
    },
    save: async (e) => storage.setItem(key, serialiseEdits(e)),
  };
}

/** Keeps edits for this session only (no storage available, and tests). */
export function createMemoryEditsRepository(
  initial: ProblemEdits = EMPTY_PROBLEM_EDITS,
): ProblemEditsRepository {
  let saved = serialiseEdits(initial);
  return {
    load: async () => editsFromSaved(saved),
    save: async (e) => {
      saved = serialiseEdits(e);
    },
  };
}

/**
 * The repository for a store: the store's own API when it has one (IndexedDB, kept with the
 * dataset), else `storage` (localStorage), else memory.
 */
export function chooseProblemEditsRepository(
  store: unknown,
  storage: StorageLike | null,
): ProblemEditsRepository {
  if (hasProblemEditsApi(store)) return createStoreEditsRepository(store);
  if (storage) return createStorageEditsRepository(storage);
  return createMemoryEditsRepository();
}
