/**
 * Startup: fetch the bundled sample (relative URLs: the build may be served from any sub-path) and
 * validate it through the same worker pipeline as any import. Failures are values for the UI.
 */
import type { IngestRunner } from '../features/import/ingest-runner';
import type { ImportEntry } from '../store/types';

export type SampleError =
  | { readonly kind: 'http'; readonly url: string; readonly status: number }
  | { readonly kind: 'network'; readonly url: string }
  /** The sample failed validation; its report explains why. */
  | { readonly kind: 'rejected'; readonly entry: ImportEntry }
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'aborted' };

export type SampleOutcome =
  | {
      readonly ok: true;
      readonly entry: ImportEntry;
      /** A copy of the file's bytes (the original goes to the worker), for the store's file hash. */
      readonly bytes: Uint8Array;
    }
  | { readonly ok: false; readonly error: SampleError };

export const SAMPLE_MANIFEST_URL = './sample/manifest.json';
const SAMPLE_DIR = './sample/';
const DEFAULT_DATASET = 'dataset.json';
// A bare file name only: the manifest is data and must not steer fetches elsewhere.
const SAFE_FILE_RE = /^[A-Za-z0-9_-][A-Za-z0-9_.-]{0,99}\.json$/;

/**
 * The dataset file the manifest names (`files[].kind === 'dataset'`), or `dataset.json` when the
 * manifest is not JSON, names none, or names anything but a plain `.json` file name.
 */
export function datasetPathFromManifest(bytes: ArrayBuffer): string {
  let manifest: unknown;
  try {
    manifest = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return DEFAULT_DATASET;
  }
  const files = (manifest as { files?: unknown } | null)?.files;
  if (!Array.isArray(files)) return DEFAULT_DATASET;
  for (const f of files as unknown[]) {
    const { kind, path } = (f ?? {}) as { kind?: unknown; path?: unknown };
    if (kind === 'dataset' && typeof path === 'string' && SAFE_FILE_RE.test(path)) return path;
  }
  return DEFAULT_DATASET;
}

async function fetchBytes(url: string, signal: AbortSignal): Promise<ArrayBuffer | SampleError> {
  let res: Response;
  try {
    res = await fetch(url, { signal, credentials: 'omit', cache: 'no-cache' });
  } catch {
    return signal.aborted ? { kind: 'aborted' } : { kind: 'network', url };
  }
  if (!res.ok) return { kind: 'http', url, status: res.status };
  return res.arrayBuffer();
}

/**
 * Loads the sample: the manifest (it must be reachable: a missing one means a broken deployment),
 * then the dataset it names, ingested by `runner`. `now` stamps the import. The outcome carries a
 * copy of the bytes so the store can fingerprint the file. The default dataset is requested
 * together with the manifest (one round trip less on the first run, issue 13) and used only when
 * the manifest names it; otherwise that request is cancelled and the named file fetched.
 */
export async function loadSample(
  runner: IngestRunner,
  now: () => string,
  signal: AbortSignal,
): Promise<SampleOutcome> {
  const early = new AbortController();
  const stopEarly = () => early.abort();
  signal.addEventListener('abort', stopEarly);
  const guess = fetchBytes(SAMPLE_DIR + DEFAULT_DATASET, early.signal);
  // Not awaited when the manifest fails or names another file: never an unhandled rejection.
  guess.catch(() => undefined);
  const manifest = await fetchBytes(SAMPLE_MANIFEST_URL, signal);
  if (!(manifest instanceof ArrayBuffer)) {
    stopEarly();
    return { ok: false, error: manifest };
  }
  const fileName = datasetPathFromManifest(manifest);
  if (fileName !== DEFAULT_DATASET) stopEarly();
  const bytes = await (fileName === DEFAULT_DATASET ? guess : fetchBytes(SAMPLE_DIR + fileName, signal));
  signal.removeEventListener('abort', stopEarly);
  if (!(bytes instanceof ArrayBuffer)) return { ok: false, error: bytes };
  if (signal.aborted) return { ok: false, error: { kind: 'aborted' } };
  // The worker reads the Blob (no transfer): the bytes stay here for hashing.
  const copy = new Uint8Array(bytes);
  const job = runner.ingest({ fileName, file: new Blob([bytes]), knownTownships: [] });
  const onAbort = () => job.cancel();
  signal.addEventListener('abort', onAbort);
  const outcome = await job.promise;
  signal.removeEventListener('abort', onAbort);
  if (outcome.status === 'cancelled') return { ok: false, error: { kind: 'aborted' } };
  if (outcome.status === 'failed') return { ok: false, error: { kind: 'failed', message: outcome.message } };
  const entry: ImportEntry = { id: 'sample', result: outcome.result, importedAt: now() };
  return outcome.result.status === 'ok'
    ? { ok: true, entry, bytes: copy }
    : { ok: false, error: { kind: 'rejected', entry } };
}
