/**
 * Thin worker around ingestFile (ingestBytes plus .xlsx workbooks) so reading, decoding and
 * parsing a large file never blocks the page (docs/input-rules.md G1). The file arrives as a
 * Blob and is read here as a stream with byte progress; the result goes back with its records in
 * chunks (see ingest-protocol.ts). One request at a time; cancel is `worker.terminate()` by the
 * client, which stops the read wherever it is.
 */
import { sniffBinaryFormat } from '../ingest/decode-bytes';
import { ingestFile } from '../ingest/ingest-any-file';
import { rejectedFile } from '../ingest/file-result';
import { makeIssue } from '../ingest/make-issue';
import { DEFAULT_LIMITS, type FileIngestResult, type IngestOptions } from '../ingest/types';
import { IMPORT_MAX_BYTES } from '../ingest/supported-formats';
import {
  RECORD_CHUNK,
  type IngestRequest,
  type IngestResponse,
  type RecordListName,
  type WorkerProgress,
} from './ingest-protocol';

// Typed view of the worker global without pulling the WebWorker lib into the DOM build.
const scope = self as unknown as {
  postMessage(message: IngestResponse): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<IngestRequest>) => void): void;
};

/** Progress is posted at most once per whole percent per phase, so a big file does not flood the UI. */
function throttledProgress(id: number): (p: WorkerProgress) => void {
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

/** Reads the whole Blob through its stream into one buffer, reporting bytes read. */
async function readAll(
  file: Blob,
  onProgress: (p: WorkerProgress) => void,
): Promise<Uint8Array<ArrayBuffer>> {
  const out = new Uint8Array(file.size);
  const reader = file.stream().getReader();
  let at = 0;
  onProgress({ phase: 'read', done: 0, total: file.size });
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    out.set(value, at);
    at += value.byteLength;
    onProgress({ phase: 'read', done: at, total: file.size });
  }
  return at === out.length ? out : out.subarray(0, at);
}

async function sha256(bytes: Uint8Array<ArrayBuffer>): Promise<string | null> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null;
  const digest = new Uint8Array(await subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Posts the record lists in chunks, then the result without them. */
function postResult(id: number, result: FileIngestResult, hash: string | null): void {
  const lists: RecordListName[] = ['townshipMonths', 'hazards', 'problems'];
  for (const list of lists) {
    const records: readonly unknown[] = result[list];
    for (let i = 0; i < records.length; i += RECORD_CHUNK)
      scope.postMessage({ type: 'records', id, list, records: records.slice(i, i + RECORD_CHUNK) });
  }
  scope.postMessage({
    type: 'result',
    id,
    result: { ...result, townshipMonths: [], hazards: [], problems: [] },
    sha256: hash,
  });
}

async function handle({ id, fileName, file, knownTownships, today }: IngestRequest): Promise<void> {
  try {
    const onProgress = throttledProgress(id);
    const options: IngestOptions = { fileName, knownTownships, today, onProgress };
    if (file.size > IMPORT_MAX_BYTES) {
      // Refused before reading a byte: the report says the size and the limit.
      const issue = makeIssue(fileName, {
        severity: 'error',
        code: 'ingest.file_too_large',
        line: null,
        params: { size: file.size, max: IMPORT_MAX_BYTES },
      });
      postResult(id, rejectedFile(options, file.size, issue), null);
      return;
    }
    const bytes = await readAll(file, onProgress);
    const hash = await sha256(bytes);
    // Text files up to IMPORT_MAX_BYTES; a workbook keeps the ingest default (see the protocol).
    const maxBytes =
      sniffBinaryFormat(bytes) === 'ingest.format_xlsx' ? DEFAULT_LIMITS.maxBytes : IMPORT_MAX_BYTES;
    const result = await ingestFile(bytes, { ...options, limits: { maxBytes } });
    postResult(id, result, hash);
  } catch (e) {
    scope.postMessage({ type: 'failure', id, message: e instanceof Error ? e.message : String(e) });
  }
}
