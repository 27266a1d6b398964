/**
 * Thin worker around ingestFile (ingestBytes plus .xlsx workbooks) so decoding and parsing a large file never blocks the page
 * (docs/input-rules.md G1). One request at a time; cancel is `worker.terminate()` by the client.
 */
import { ingestFile } from '../ingest/ingest-any-file';
import type { IngestProgress } from '../ingest/types';
import type { IngestRequest, IngestResponse } from './ingest-protocol';

// Typed view of the worker global without pulling the WebWorker lib into the DOM build.
const scope = self as unknown as {
  postMessage(message: IngestResponse): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<IngestRequest>) => void): void;
};

/** Progress is posted at most once per whole percent per phase, so a big file does not flood the UI. */
function throttledProgress(id: number): (p: IngestProgress) => void {
  let lastPhase = '';
  let lastPercent = -1;
  return (p) => {
    const percent = p.total > 0 ? Math.floor((p.done / p.total) * 100) : 0;
    if (p.phase === lastPhase && percent === lastPercent) return;
    lastPhase = p.phase;
    lastPercent = percent;
    scope.postMessage({ type: 'progress', id, progress: p });
  };
}

scope.addEventListener('message', (event) => {
  void handle(event.data);
});

async function handle({ id, fileName, bytes, knownTownships, today }: IngestRequest): Promise<void> {
  try {
    const result = await ingestFile(new Uint8Array(bytes), {
      fileName,
      knownTownships,
      today,
      onProgress: throttledProgress(id),
    });
    scope.postMessage({ type: 'result', id, result });
  } catch (e) {
    scope.postMessage({ type: 'failure', id, message: e instanceof Error ? e.message : String(e) });
  }
}
