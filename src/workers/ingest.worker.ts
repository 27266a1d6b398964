/**
 * Thin worker around ingestFile (ingestBytes plus .xlsx workbooks) so reading, decoding and
 * parsing a large file never blocks the page (docs/input-rules.md G1). The file arrives as a
 * Blob and is read here with byte progress; the result goes back first without its records, then
 * the records in chunks of columns (see ingest-protocol.ts). One request at a time; cancel is
 * `worker.terminate()` by the client, which stops the read wherever it is.
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
import { chunkBuffers, encodeRecordChunk } from './record-chunks-encode';

// Typed view of the worker global without pulling the WebWorker lib into the DOM build.
const scope = self as unknown as {
  postMessage(message: IngestResponse, transfer?: Transferable[]): void;
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

/**
 * Reads the whole Blob into one buffer, reporting bytes read. A FileReader reads the 152 MB
 * ledger of tests/e2e/import-scale.measure.ts in about half the time of a loop over `stream()`
 * chunks in Chromium (0.6–0.9 s against 1.2–1.6 s) and still reports progress; the stream is the
 * fallback where a worker has no FileReader. Cancelling terminates the worker, which stops either.
 */
async function readAll(
  file: Blob,
  onProgress: (p: WorkerProgress) => void,
): Promise<Uint8Array<ArrayBuffer>> {
  onProgress({ phase: 'read', done: 0, total: file.size });
  if (typeof FileReader !== 'undefined') {
    const buffer = await new Promise<ArrayBuffer>((resolve, reject) => {
      const reader = new FileReader();
      reader.onprogress = (e) => onProgress({ phase: 'read', done: e.loaded, total: file.size });
      reader.onload = () => resolve(reader.result as ArrayBuffer);
      reader.onerror = () => reject(reader.error ?? new Error('file read failed'));
      reader.readAsArrayBuffer(file);
    });
    onProgress({ phase: 'read', done: buffer.byteLength, total: file.size });
    return new Uint8Array(buffer);
  }
  const out = new Uint8Array(file.size);
  const reader = file.stream().getReader();
  let at = 0;
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

/**
 * Posts the result without its records (the page shows the import report at once), then hashes
 * the bytes (half a second for 150 MB, needed only when the file is saved), then posts the
 * record lists in chunks and `done` with the hash.
 */
async function postResult(
  id: number,
  result: FileIngestResult,
  bytes: Uint8Array<ArrayBuffer> | null,
): Promise<void> {
  scope.postMessage({
    type: 'result',
    id,
    result: { ...result, townshipMonths: [], hazards: [], problems: [] },
    records: {
      townshipMonths: result.townshipMonths.length,
      hazards: result.hazards.length,
      problems: result.problems.length,
    },
  });
  const hash = bytes === null ? null : await sha256(bytes);
  const lists: RecordListName[] = ['townshipMonths', 'hazards', 'problems'];
  for (const list of lists) {
    const records = result[list] as readonly unknown[] as readonly Record<string, unknown>[];
    for (let i = 0; i < records.length; i += RECORD_CHUNK) {
      const chunk = encodeRecordChunk(records.slice(i, i + RECORD_CHUNK));
      scope.postMessage({ type: 'records', id, list, ...chunk }, chunkBuffers(chunk.columns));
    }
  }
  scope.postMessage({ type: 'done', id, sha256: hash });
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
      await postResult(id, rejectedFile(options, file.size, issue), null);
      return;
    }
    const bytes = await readAll(file, onProgress);
    // Text files up to IMPORT_MAX_BYTES; a workbook keeps the ingest default (see the protocol).
    const maxBytes =
      sniffBinaryFormat(bytes) === 'ingest.format_xlsx' ? DEFAULT_LIMITS.maxBytes : IMPORT_MAX_BYTES;
    const result = await ingestFile(bytes, { ...options, limits: { maxBytes } });
    await postResult(id, result, bytes);
  } catch (e) {
    scope.postMessage({ type: 'failure', id, message: e instanceof Error ? e.message : String(e) });
  }
}
