/**
 * Holds the statistical classifier's decisions for the running app (one per store, shared by the
 * 问题 view, the overview and the 通报). `request` states what should be classified (texts,
 * learnt examples, rules); a request equal to the last one is a no-op, and only the answer to the
 * latest request is kept, so a burst of confirmations ends in the decisions of the last state.
 * Until the first answer the snapshot has no decisions ('loading'): the views then show the rule
 * decisions marked provisional (docs/decisions/0008-classifier-in-the-app.md).
 */
import type { ClassifierRequestBody, ClassifierResult } from '../../analysis/problems/classifier-session';
import type { ModelDecision, ModelDecisions } from '../../analysis/problems/model-decisions';

export type ClassifierStatus = 'loading' | 'ready' | 'updating' | 'failed';

export interface ClassifierSnapshot {
  readonly status: ClassifierStatus;
  /** null until the model has answered once. */
  readonly decisions: ModelDecisions | null;
  /** Examples the model had learnt from when it made `decisions`. */
  readonly learnt: number;
  /** Time to load the model (first answer), for the record; null before or when unknown. */
  readonly loadMs: number | null;
}

/** What runs the model: a worker client in the app, a fake or an in-process session in tests. */
export interface ClassifierRunner {
  classify(
    body: ClassifierRequestBody,
  ): Promise<(ClassifierResult & { readonly loadMs: number | null }) | { readonly failed: string }>;
}

export interface ProblemClassifierController {
  getSnapshot(): ClassifierSnapshot;
  subscribe(listener: () => void): () => void;
  /** Classifies `body` unless `key` equals the last request's key. */
  request(key: string, body: ClassifierRequestBody): void;
  /** Resolves when the latest request has been answered. */
  settled(): Promise<void>;
}

export function createProblemClassifierController(runner: ClassifierRunner): ProblemClassifierController {
  let snapshot: ClassifierSnapshot = { status: 'loading', decisions: null, learnt: 0, loadMs: null };
  let lastKey: string | null = null;
  let latest = 0;
  let pending: Promise<void> = Promise.resolve();
  const listeners = new Set<() => void>();
  const set = (next: ClassifierSnapshot) => {
    snapshot = next;
    for (const l of [...listeners]) l();
  };
  return {
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    request(key, body) {
      if (key === lastKey) return;
      lastKey = key;
      const id = ++latest;
      if (snapshot.decisions !== null && snapshot.status !== 'updating')
        set({ ...snapshot, status: 'updating' });
      pending = runner.classify(body).then(
        (r) => {
          if (id !== latest) return;
          if ('failed' in r) {
            set({ ...snapshot, status: 'failed' });
            return;
          }
          set({
            status: 'ready',
            decisions: new Map<string, ModelDecision>(r.decisions),
            learnt: r.learnt,
            loadMs: r.loadMs ?? snapshot.loadMs,
          });
        },
        () => {
          if (id === latest) set({ ...snapshot, status: 'failed' });
        },
      );
    },
    settled: () => pending,
  };
}
