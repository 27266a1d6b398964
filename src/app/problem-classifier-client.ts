/**
 * Runs the problem classifier in its own worker (docs/decisions/0008-classifier-in-the-app.md):
 * the model asset is fetched from the app's own origin, under the page's base URL (the app works
 * from any sub-path; no CDN). Where there is no Worker, the same session runs on the main thread.
 */
import { createClassifierSession, type ClassifierSession } from '../analysis/problems/classifier-session';
import { parseProblemModelAsset } from '../analysis/problems/problem-model';
import type { ClassifierRunner } from '../features/problems/classifier-controller';
import type { ClassifierRequest, ClassifierResponse } from '../workers/problem-classifier-protocol';

/** Where the model asset is served (public/models/, copied to dist/models/ by Vite). */
export const MODEL_ASSET_PATH = 'models/problem-classifier.json';

/** The asset's absolute URL relative to the page (Vite base './'). */
export const modelAssetUrl = (): string => new URL(MODEL_ASSET_PATH, document.baseURI).href;

interface WorkerLike {
  postMessage(message: ClassifierRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<ClassifierResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

const createWorker = (): WorkerLike =>
  new Worker(new URL('../workers/problem-classifier.worker.ts', import.meta.url), {
    type: 'module',
  }) as unknown as WorkerLike;

/** The classifier on a worker, created on the first request. */
export function createWorkerClassifierRunner(assetUrl: () => string = modelAssetUrl): ClassifierRunner {
  let worker: WorkerLike | null = null;
  let nextId = 1;
  const waiting = new Map<number, (r: ClassifierResponse) => void>();
  const ensure = (): WorkerLike => {
    if (worker) return worker;
    const w = createWorker();
    w.onmessage = (event) => {
      const done = waiting.get(event.data.id);
      waiting.delete(event.data.id);
      done?.(event.data);
    };
    w.onerror = (event) => {
      event.preventDefault();
      w.terminate();
      worker = null;
      for (const [id, done] of waiting)
        done({ type: 'failed', id, message: event.message || 'worker error' });
      waiting.clear();
    };
    worker = w;
    return w;
  };
  return {
    classify(body) {
      const id = nextId++;
      return new Promise((resolve) => {
        waiting.set(id, (r) => resolve(r.type === 'result' ? r : { failed: r.message }));
        ensure().postMessage({ ...body, id, assetUrl: assetUrl() });
      });
    },
  };
}

/** The same on the main thread, from an asset loader (no Worker, and tests). */
export function createInProcessClassifierRunner(loadAsset: () => Promise<unknown>): ClassifierRunner {
  let session: Promise<ClassifierSession> | null = null;
  return {
    async classify(body) {
      session ??= loadAsset().then((raw) => {
        const asset = parseProblemModelAsset(raw);
        if (!asset.ok) throw new Error(asset.error.slice(0, 3).join('; '));
        return createClassifierSession(asset.value);
      });
      try {
        const s = await session;
        return { ...s.run(body), loadMs: null };
      } catch (e) {
        session = null;
        return { failed: e instanceof Error ? e.message : String(e) };
      }
    },
  };
}

/** The runner for this browser: a worker when there is one. */
export function createClassifierRunner(): ClassifierRunner {
  if (typeof Worker === 'function') return createWorkerClassifierRunner();
  return createInProcessClassifierRunner(
    async () => (await fetch(modelAssetUrl())).json() as Promise<unknown>,
  );
}
