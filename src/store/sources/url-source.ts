/**
 * Loading a CSV/JSON file from an allow-listed https URL. The flow is always fetch → ingest →
 * show the plan → the user confirms → commit: this module does the first two steps and returns
 * what the confirmation shows (host, size, row counts). Nothing here writes to the store, so a
 * link carrying a source can never import by itself (docs/input-rules.md F13–F14).
 */
import type { Result } from '../../domain/result';
import { err, ok } from '../../domain/result';
import type { FileIngestResult, IngestOptions } from '../../ingest/types';
import type { BatchSource } from '../persist-types';
import type { AppConfig } from './config';
import {
  DEFAULT_MAX_BYTES,
  DEFAULT_TIMEOUT_MS,
  type FetchFailure,
  type FetchLike,
  fetchBytes,
} from './fetch-client';

/** The ingest pipeline (ingestBytes from src/ingest/ingest-file.ts, or the worker wrapper). */
export type IngestFn = (
  bytes: Uint8Array,
  options: IngestOptions,
) => Promise<FileIngestResult> | FileIngestResult;

export interface SourceDeps {
  readonly config: AppConfig;
  readonly ingest: IngestFn;
  /** Ingest options except the file name (knownTownships from settings, today, limits). */
  readonly ingestOptions: Omit<IngestOptions, 'fileName'>;
  readonly fetchImpl?: FetchLike;
  readonly timeoutMs?: number;
  readonly maxBytes?: number;
}

/** A fetched and ingested file awaiting the user's confirmation. */
export interface LoadedSource {
  readonly url: string;
  readonly host: string;
  readonly httpStatus: number;
  readonly bytes: Uint8Array;
  readonly fileName: string;
  readonly result: FileIngestResult;
}

/** The file name shown for a URL: its last path segment, decoded, else the host. */
export function fileNameOfUrl(url: string): string {
  try {
    const u = new URL(url);
    const last = u.pathname.split('/').filter(Boolean).pop();
    if (!last) return u.host;
    try {
      return decodeURIComponent(last);
    } catch {
      return last;
    }
  } catch {
    return url;
  }
}

/**
 * Fetches `url` (https, allow-listed, time-out, byte cap) and runs it through ingest. Fails with a
 * FetchFailure value; never throws for network or data problems.
 */
export async function loadFromUrl(
  url: string,
  deps: SourceDeps,
): Promise<Result<LoadedSource, FetchFailure>> {
  const fetched = await fetchBytes(url, {
    allowList: deps.config.urlAllowList,
    timeoutMs: deps.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxBytes: deps.maxBytes ?? DEFAULT_MAX_BYTES,
    ...(deps.fetchImpl ? { fetchImpl: deps.fetchImpl } : {}),
  });
  if (!fetched.ok) return err(fetched.error);
  const fileName = fileNameOfUrl(fetched.value.url);
  const result = await deps.ingest(fetched.value.bytes, { ...deps.ingestOptions, fileName });
  return ok({
    url: fetched.value.url,
    host: fetched.value.host,
    httpStatus: fetched.value.status,
    bytes: fetched.value.bytes,
    fileName,
    result,
  });
}

/** The batch provenance of a URL load (kept with the batch). */
export const urlBatchSource = (l: LoadedSource): BatchSource => ({
  kind: 'url',
  name: l.fileName,
  url: l.url,
  httpStatus: l.httpStatus,
});

/**
 * Reads a `src` query parameter as a *candidate* URL to pre-fill the URL dialog. It is only a
 * suggestion: the user must still press load and then confirm the plan. Returns null if absent.
 */
export function candidateUrlFromQuery(search: string): string | null {
  const v = new URLSearchParams(search).get('src');
  return v && v.trim() !== '' ? v.trim() : null;
}
