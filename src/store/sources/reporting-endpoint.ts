/**
 * Client of the district reporting endpoint (docs/reporting-endpoint.md): list the reports
 * townships submitted there, then fetch the selected ones and run them through the same ingest,
 * plan and commit as any file. The endpoint wraps answers in `{ code, msg, data }` and may report
 * errors with HTTP 200, so the envelope is checked on every response.
 */
import { isPeriod } from '../../domain/month';
import type { Result } from '../../domain/result';
import { err, ok } from '../../domain/result';
import type { MessageKey } from '../../i18n/catalog';
import { findHostileKey, isObject, own, tryParseJson } from '../json-guard';
import type { BatchSource } from '../persist-types';
import type { ReportingEndpointConfig } from './config';
import {
  DEFAULT_MAX_BYTES,
  DEFAULT_TIMEOUT_MS,
  type FetchFailure,
  fetchBytes,
  fetchFailureMessage,
} from './fetch-client';
import type { LoadedSource, SourceDeps } from './url-source';

/** One report submitted to the endpoint. */
export interface ReportListing {
  readonly id: string;
  readonly township: string;
  readonly period: string;
  /** ISO timestamp as the endpoint gives it. */
  readonly submittedAt: string;
  readonly format: 'csv' | 'json';
}

export type EndpointFailure =
  | FetchFailure
  | { readonly kind: 'no-endpoint' }
  | { readonly kind: 'malformed'; readonly host: string }
  | { readonly kind: 'endpoint-error'; readonly code: number; readonly msg: string };

const LIST_MAX_BYTES = 2 * 1024 * 1024;

function endpointOf(deps: SourceDeps): ReportingEndpointConfig | null {
  return deps.config.reportingEndpoint;
}

/** The endpoint host is always allowed: the administrator named it in config.json. */
function allowListFor(deps: SourceDeps, ep: ReportingEndpointConfig): string[] {
  return [...deps.config.urlAllowList, new URL(ep.baseUrl).host];
}

/** An error envelope `{ code: non-zero, msg }`, or null when the text is not one. */
function errorEnvelope(value: unknown): { code: number; msg: string } | null {
  if (!isObject(value)) return null;
  const code = own(value, 'code');
  const msg = own(value, 'msg');
  if (typeof code === 'number' && code !== 0)
    return { code, msg: typeof msg === 'string' ? msg.slice(0, 200) : '' };
  return null;
}

function readListing(v: unknown): ReportListing | null {
  if (!isObject(v)) return null;
  const id = own(v, 'id');
  const township = own(v, 'township');
  const period = own(v, 'period');
  const submittedAt = own(v, 'submitted_at');
  const format = own(v, 'format');
  const idText = typeof id === 'number' && Number.isInteger(id) ? String(id) : id;
  if (typeof idText !== 'string' || idText === '' || typeof township !== 'string' || township.trim() === '')
    return null;
  if (typeof period !== 'string' || !isPeriod(period) || typeof submittedAt !== 'string') return null;
  if (format !== 'csv' && format !== 'json') return null;
  return { id: idText, township: township.trim(), period, submittedAt, format };
}

/**
 * Lists reports (`GET {base}/reports?since=`), newest submission first. `since` is a `YYYY-MM`
 * period or omitted. A non-zero envelope code is an `endpoint-error`; a body that is not the
 * agreed shape (or contains hostile keys) is `malformed`; an empty list is a success.
 */
export async function listReports(
  deps: SourceDeps,
  since?: string,
): Promise<Result<ReportListing[], EndpointFailure>> {
  const ep = endpointOf(deps);
  if (!ep) return err({ kind: 'no-endpoint' });
  const url = `${ep.baseUrl}/reports${since ? `?since=${encodeURIComponent(since)}` : ''}`;
  const fetched = await fetchBytes(url, {
    allowList: allowListFor(deps, ep),
    timeoutMs: deps.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxBytes: Math.min(deps.maxBytes ?? LIST_MAX_BYTES, LIST_MAX_BYTES),
    accept: 'application/json',
    ...(deps.fetchImpl ? { fetchImpl: deps.fetchImpl } : {}),
  });
  if (!fetched.ok) return err(fetched.error);
  const host = fetched.value.host;
  const parsed = tryParseJson(new TextDecoder('utf-8').decode(fetched.value.bytes));
  if (!parsed.ok || findHostileKey(parsed.value)) return err({ kind: 'malformed', host });
  const envelopeError = errorEnvelope(parsed.value);
  if (envelopeError) return err({ kind: 'endpoint-error', ...envelopeError });
  const data =
    isObject(parsed.value) && own(parsed.value, 'code') === 0 ? own(parsed.value, 'data') : undefined;
  const reports = isObject(data) ? own(data, 'reports') : undefined;
  if (!Array.isArray(reports)) return err({ kind: 'malformed', host });
  const listings = reports.map(readListing);
  if (listings.some((l) => l === null)) return err({ kind: 'malformed', host });
  return ok(
    (listings as ReportListing[]).sort((a, b) =>
      a.submittedAt < b.submittedAt ? 1 : a.submittedAt > b.submittedAt ? -1 : 0,
    ),
  );
}

/**
 * Fetches one report's bytes (`GET {base}/reports/{id}/content`) and ingests them. A JSON error
 * envelope served in place of the file is an `endpoint-error`, never data.
 */
export async function loadReport(
  deps: SourceDeps,
  listing: ReportListing,
): Promise<Result<LoadedSource, EndpointFailure>> {
  const ep = endpointOf(deps);
  if (!ep) return err({ kind: 'no-endpoint' });
  const url = `${ep.baseUrl}/reports/${encodeURIComponent(listing.id)}/content`;
  const fetched = await fetchBytes(url, {
    allowList: allowListFor(deps, ep),
    timeoutMs: deps.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxBytes: deps.maxBytes ?? DEFAULT_MAX_BYTES,
    ...(deps.fetchImpl ? { fetchImpl: deps.fetchImpl } : {}),
  });
  if (!fetched.ok) return err(fetched.error);
  const bytes = fetched.value.bytes;
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 64)).trimStart();
  if (head.startsWith('{') && bytes.length < 64 * 1024) {
    const parsed = tryParseJson(new TextDecoder('utf-8').decode(bytes));
    const envelopeError = parsed.ok ? errorEnvelope(parsed.value) : null;
    if (envelopeError) return err({ kind: 'endpoint-error', ...envelopeError });
  }
  const fileName = `${listing.township}-${listing.period}.${listing.format}`;
  const result = await deps.ingest(bytes, { ...deps.ingestOptions, fileName });
  return ok({
    url: fetched.value.url,
    host: fetched.value.host,
    httpStatus: fetched.value.status,
    bytes,
    fileName,
    result,
  });
}

/** The batch provenance of an endpoint report. */
export const endpointBatchSource = (l: LoadedSource, listing: ReportListing): BatchSource => ({
  kind: 'endpoint',
  name: l.fileName,
  url: l.url,
  httpStatus: l.httpStatus,
  reportId: listing.id,
});

/** The message (key + params) for an endpoint failure. */
export function endpointFailureMessage(f: EndpointFailure): {
  key: MessageKey;
  params: Record<string, string | number>;
} {
  switch (f.kind) {
    case 'no-endpoint':
      return { key: 'store.source.no_endpoint', params: {} };
    case 'malformed':
      return { key: 'store.source.malformed', params: { host: f.host } };
    case 'endpoint-error':
      return { key: 'store.source.endpoint_error', params: { code: f.code, msg: f.msg } };
    default:
      return fetchFailureMessage(f);
  }
}
