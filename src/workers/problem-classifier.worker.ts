/**
 * Thin worker around the problem classifier (docs/decisions/0008-classifier-in-the-app.md): loads
 * the model asset once from the app's own origin, then classifies each request's texts with the
 * user's learnt examples, off the main thread (loading the 0.9 MB asset and building the model
 * takes a few hundred milliseconds on an office PC; the page must not freeze for it).
 */
import { createClassifierSession, type ClassifierSession } from '../analysis/problems/classifier-session';
import { parseProblemModelAsset } from '../analysis/problems/problem-model';
import type { ClassifierRequest, ClassifierResponse } from './problem-classifier-protocol';

const scope = self as unknown as {
  postMessage(message: ClassifierResponse): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ClassifierRequest>) => void): void;
};

let session: Promise<ClassifierSession> | null = null;

async function load(url: string): Promise<ClassifierSession> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`model asset: HTTP ${response.status}`);
  const asset = parseProblemModelAsset(await response.json());
  if (!asset.ok) throw new Error(`model asset: ${asset.error.slice(0, 3).join('; ')}`);
  return createClassifierSession(asset.value);
}

scope.addEventListener('message', (event) => {
  void handle(event.data);
});

async function handle(request: ClassifierRequest): Promise<void> {
  try {
    const first = session === null;
    const t0 = performance.now();
    if (!session) session = load(request.assetUrl);
    const s = await session.catch((e: unknown) => {
      session = null; // a failed load may succeed next time (e.g. the server was restarting)
      throw e;
    });
    const t1 = performance.now();
    const result = s.run(request);
    scope.postMessage({
      type: 'result',
      id: request.id,
      ...result,
      loadMs: first ? Math.round(t1 - t0) : null,
      classifyMs: Math.round(performance.now() - t1),
    });
  } catch (e) {
    scope.postMessage({
      type: 'failed',
      id: request.id,
      message: e instanceof Error ? e.message : String(e),
    });
  }
}
