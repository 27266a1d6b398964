/**
 * One problem-edits controller per store, shared by every view that needs the user's problem
 * edits (问题, the overview's needs-attention list, 通报), so an edit in one shows in all.
 */
import { useMemo, useSyncExternalStore } from 'react';
import type { AttentionItem } from '../analysis/problems/recurrence';
import type { Period } from '../domain/month';
import type { DataSnapshot, DataStore } from '../store/types';
import {
  createProblemEditsController,
  type ProblemEditsController,
} from '../features/problems/problem-edits-controller';
import {
  chooseProblemEditsRepository,
  createStoreEditsRepository,
  type ProblemEditsRepository,
  type StorageLike,
} from '../features/problems/problem-edits-repository';
import { problemAttentionItems } from '../features/problems/problem-model';

const controllers = new WeakMap<object, ProblemEditsController>();

function browserStorage(): StorageLike | null {
  try {
    // Throws in some privacy modes; the edits then live for the session only.
    return window.localStorage;
  } catch {
    return null;
  }
}

/**
 * The edits controller for `store` (created on first use). Uses the store's IndexedDB edits API
 * when it has one, else localStorage; pass `repository` to rewire (first call per store wins).
 */
export function problemEditsControllerFor(
  store: DataStore,
  repository?: ProblemEditsRepository,
): ProblemEditsController {
  let c = controllers.get(store);
  if (!c) {
    // The persistent store keeps the edits with the dataset; otherwise localStorage, else memory.
    const chosen = store.persistent
      ? createStoreEditsRepository(store.persistent)
      : chooseProblemEditsRepository(null, browserStorage());
    c = createProblemEditsController(repository ?? chosen);
    controllers.set(store, c);
  }
  return c;
}

/**
 * For the overview: problems recurring 3+ months up to `month` with the user's edits applied,
 * updated when the data or the edits change. `month` null → [].
 */
export function useProblemAttentionItems(
  store: DataStore,
  snapshot: DataSnapshot,
  month: Period | null,
): AttentionItem[] {
  const controller = problemEditsControllerFor(store);
  const { edits } = useSyncExternalStore(controller.subscribe, controller.getSnapshot);
  return useMemo(
    () => (month === null ? [] : problemAttentionItems(snapshot.dataset, edits, month)),
    [snapshot.dataset, edits, month],
  );
}
