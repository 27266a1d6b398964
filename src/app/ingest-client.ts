/**
 * Promise API over the ingest Web Worker. Jobs run one at a time (ingestBytes is synchronous in
 * the worker anyway); the worker gets the File itself and reads it as a stream, so cancelling the
 * running job is `worker.terminate()` (the read, the parse and the hand-over all stop) and a
 * fresh worker for the rest of the queue. The result comes first without its records (passed on
 * to `onIngested` for the import report), then the records in chunks of columns (one short task
 * each, ingest-protocol.ts), decoded and put back together here.
 */
import type {
  IngestInput,
  IngestJob,
  IngestOutcome,
  IngestRunner,
  OnIngested,
  ReadProgress,
} from '../features/import/ingest-runner';
import type { FileIngestResult } from '../ingest/types';
import type { IngestRequest, IngestResponse, RecordListName } from '../workers/ingest-protocol';
import { decodeRecordChunk } from '../workers/record-chunks';

/** The subset of Worker the client uses (a fake in tests). */
export interface WorkerLike {
  postMessage(message: IngestRequest, transfer: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<IngestResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export interface IngestClientOptions {
  readonly createWorker: () => WorkerLike;
  /** Today as `YYYY-MM-DD` (future months are errors). */
  readonly today: () => string;
}

interface Pending {
  readonly id: number;
  readonly input: IngestInput;
  readonly onProgress: ((p: ReadProgress) => void) | undefined;
  readonly onIngested: OnIngested | undefined;
  readonly resolve: (o: IngestOutcome) => void;
  /** The result without its records, once the worker has posted it. */
  head: FileIngestResult | null;
  /** Record chunks received so far, per list. */
  readonly records: Record<RecordListName, unknown[]>;
  /** Records received so far, of how many the result announced; the percent last reported. */
  received: number;
  expected: number;
  receivedPercent: number;
}

/** The real worker. `new URL(…, import.meta.url)` lets Vite bundle the worker as its own chunk. */
export const createIngestWorker = (): WorkerLike =>
  new Worker(new URL('../workers/ingest.worker.ts', import.meta.url), {
    type: 'module',
  }) as unknown as WorkerLike;

/** Creates an ingest client. The worker is created lazily, on the first job, or by `warm()`. */
export function createIngestClient(
  options: IngestClientOptions,
): IngestRunner & { warm(): void; dispose(): void } {
  let worker: WorkerLike | null = null;
  let active: Pending | null = null;
  const queue: Pending[] = [];
  let nextId = 1;

  const finish = (outcome: IngestOutcome) => {
    const done = active;
    active = null;
    done?.resolve(outcome);
    pump();
  };

  /** Reports the records received so far, at most once per whole percent. */
  const reportReceived = (job: Pending, n: number): void => {
    job.received += n;
    const total = Math.max(job.expected, job.received);
    const percent = Math.floor((100 * job.received) / total);
    if (percent === job.receivedPercent) return;
    job.receivedPercent = percent;
    job.onProgress?.({ phase: 'receive', done: job.received, total });
  };

  const ensureWorker = (): WorkerLike => {
    if (worker) return worker;
    const w = options.createWorker();
    w.onmessage = (event) => {
      const msg = event.data;
      if (!active || msg.id !== active.id) return;
      if (msg.type === 'progress') active.onProgress?.(msg.progress);
      else if (msg.type === 'result') {
        active.head = msg.result;
        const { townshipMonths, hazards, problems } = msg.records;
        active.expected = townshipMonths + hazards + problems;
        active.onIngested?.(msg.result);
        if (active.expected > 0) active.onProgress?.({ phase: 'receive', done: 0, total: active.expected });
      } else if (msg.type === 'records') {
        const into = active.records[msg.list];
        for (const r of decodeRecordChunk(msg)) into.push(r);
        reportReceived(active, msg.n);
      } else if (msg.type === 'done') {
        const head = active.head;
        if (!head) return finish({ status: 'failed', message: 'records ended before the result' });
        const { townshipMonths, hazards, problems } = active.records;
        const result = { ...head, townshipMonths, hazards, problems } as FileIngestResult;
        finish({ status: 'done', result, sha256: msg.sha256 });
      } else finish({ status: 'failed', message: msg.message });
    };
    w.onerror = (event) => {
      // A crashed worker cannot be trusted with the next job: replace it.
      event.preventDefault();
      w.terminate();
      worker = null;
      finish({ status: 'failed', message: event.message || 'worker error' });
    };
    worker = w;
    return w;
  };

  function pump() {
    if (active) return;
    const next = queue.shift();
    if (!next) return;
    active = next;
    const { fileName, file, knownTownships } = next.input;
    const request: IngestRequest = { id: next.id, fileName, file, knownTownships, today: options.today() };
    ensureWorker().postMessage(request, []);
  }

  return {
    ingest(input, onProgress, onIngested): IngestJob {
      const id = nextId++;
      let resolveOutcome: (o: IngestOutcome) => void = () => {};
      const promise = new Promise<IngestOutcome>((resolve) => {
        resolveOutcome = resolve;
      });
      const pending: Pending = {
        id,
        input,
        onProgress,
        onIngested,
        resolve: resolveOutcome,
        head: null,
        records: { townshipMonths: [], hazards: [], problems: [] },
        received: 0,
        expected: 0,
        receivedPercent: 0,
      };
      queue.push(pending);
      pump();
      return {
        promise,
        cancel() {
          const queuedAt = queue.indexOf(pending);
          if (queuedAt >= 0) {
            queue.splice(queuedAt, 1);
            pending.resolve({ status: 'cancelled' });
          } else if (active === pending) {
            worker?.terminate();
            worker = null;
            finish({ status: 'cancelled' });
          }
        },
      };
    },
    /**
     * Starts the worker now, so its script loads and compiles while the caller is still fetching
     * the file (the first-run sample, src/app/app-store.ts beginStartup).
     */
    warm() {
      ensureWorker();
    },
    dispose() {
      worker?.terminate();
      worker = null;
      for (const p of queue.splice(0)) p.resolve({ status: 'cancelled' });
      if (active) finish({ status: 'cancelled' });
    },
  };
}
