/**
 * One problem-edits controller per store, shared by every view that needs the user's problem
 * edits (问题, the overview's needs-attention list, 通报), so an edit in one shows in all.
 */
import { useDeferredValue, useEffect, useMemo, useSyncExternalStore } from 'react';
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
import {
  classifierRequestFor,
  problemAttentionItems,
  unconfirmedProblemCount,
} from '../features/problems/problem-model';
import {
  createProblemClassifierController,
  type ClassifierSnapshot,
  type ProblemClassifierController,
} from '../features/problems/classifier-controller';
import { EMPTY_DATASET, type Dataset } from '../domain/records';
import { createClassifierRunner } from './problem-classifier-client';

const controllers = new WeakMap<object, ProblemEditsController>();
const classifiers = new WeakMap<object, ProblemClassifierController>();

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
 * The statistical classifier of `store` (created on first use; the model loads on the first
 * request, in a worker: docs/decisions/0008-classifier-in-the-app.md). Pass `controller` to rewire.
 */
export function problemClassifierFor(
  store: DataStore,
  controller?: ProblemClassifierController,
): ProblemClassifierController {
  let c = classifiers.get(store);
  if (!c) {
    c = controller ?? createProblemClassifierController(createClassifierRunner());
    classifiers.set(store, c);
  }
  return c;
}

/**
 * The classifier's decisions for `dataset` with the store's edits (learnt examples, keywords),
 * re-requested when either changes; waits for the saved edits to load so the first request
 * already carries what the office taught the model.
 */
export function useModelDecisions(store: DataStore, dataset: Dataset): ClassifierSnapshot {
  const edits = problemEditsControllerFor(store);
  const { edits: current, status } = useSyncExternalStore(edits.subscribe, edits.getSnapshot);
  const classifier = problemClassifierFor(store);
  const snapshot = useSyncExternalStore(classifier.subscribe, classifier.getSnapshot);
  useEffect(() => {
    if (status === 'loading') return;
    const { key, body } = classifierRequestFor(dataset, current);
    classifier.request(key, body);
  }, [classifier, dataset, current, status]);
  return snapshot;
}

export interface ProblemAttention {
  readonly items: AttentionItem[];
  /** Statements waiting for confirmation in the look-back (not counted in `items`). */
  readonly unconfirmed: number;
  readonly classifier: ClassifierSnapshot;
}

/**
 * For the overview: problems recurring 3+ months up to `month` with the model's decisions and the
 * user's edits applied (confirmed or confident statements only), and how many statements wait for
 * confirmation, updated when the data, the edits or the decisions change. `month` null → none.
 */
export function useProblemAttention(
  store: DataStore,
  snapshot: DataSnapshot,
  month: Period | null,
  townships: readonly string[] = [],
): ProblemAttention {
  const controller = problemEditsControllerFor(store);
  const { edits } = useSyncExternalStore(controller.subscribe, controller.getSnapshot);
  const classifier = useModelDecisions(store, snapshot.dataset);
  const { decisions } = classifier;
  // Splitting and classifying every statement of every month takes a noticeable while on a large
  // dataset; the overview's charts must not wait for it (issue 13: first chart under 1 s). The
  // first render works on the empty dataset, and a background render fills the list in; later
  // changes keep the previous list on screen until the new one is ready.
  const dataset = useDeferredValue(snapshot.dataset, EMPTY_DATASET);
  const items = useMemo(
    () => (month === null ? [] : problemAttentionItems(dataset, edits, month, decisions)),
    [dataset, edits, month, decisions],
  );
  const unconfirmed = useMemo(
    () => (month === null ? 0 : unconfirmedProblemCount(dataset, edits, month, decisions, townships)),
    [dataset, edits, month, decisions, townships],
  );
  return { items, unconfirmed, classifier };
}

