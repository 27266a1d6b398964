/**
 * Holds the user's problem edits for the running app: loads them once from the repository, applies
 * a change immediately (views re-render at once) and saves it in the background, one save at a
 * time in order so the last change is the one kept. Subscribe with useSyncExternalStore.
 */
import { EMPTY_PROBLEM_EDITS, type ProblemEdits } from '../../analysis/problems/edits';
import type { ProblemEditsRepository } from './problem-edits-repository';

export type EditsStatus = 'loading' | 'ready' | 'saving' | 'saveFailed';

export interface EditsSnapshot {
  readonly edits: ProblemEdits;
  readonly status: EditsStatus;
}

export interface ProblemEditsController {
  getSnapshot(): EditsSnapshot;
  subscribe(listener: () => void): () => void;
  /** Applies `change` to the current edits now and saves the result. */
  update(change: (edits: ProblemEdits) => ProblemEdits): void;
  /** Resolves when the initial load and every save started so far have finished. */
  settled(): Promise<void>;
}

/** Creates a controller and starts loading from `repository`. */
export function createProblemEditsController(repository: ProblemEditsRepository): ProblemEditsController {
  let snapshot: EditsSnapshot = { edits: EMPTY_PROBLEM_EDITS, status: 'loading' };
  let changedBeforeLoad = false;
  const listeners = new Set<() => void>();
  const set = (next: EditsSnapshot) => {
    snapshot = next;
    for (const l of [...listeners]) l();
  };

  let queue: Promise<void> = repository.load().then(
    (edits) => {
      // A change made while loading wins: it was made on purpose, the saved value is older.
      if (!changedBeforeLoad) set({ edits, status: 'ready' });
    },
    () => {
      if (!changedBeforeLoad) set({ edits: snapshot.edits, status: 'ready' });
    },
  );

  return {
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    update(change) {
      if (snapshot.status === 'loading') changedBeforeLoad = true;
      const edits = change(snapshot.edits);
      if (edits === snapshot.edits) return;
      set({ edits, status: 'saving' });
      queue = queue
        .then(() => repository.save(edits))
        .then(
          () => {
            if (snapshot.edits === edits) set({ edits, status: 'ready' });
          },
          () => {
            if (snapshot.edits === edits) set({ edits, status: 'saveFailed' });
          },
        );
    },
    settled: () => queue,
  };
}
