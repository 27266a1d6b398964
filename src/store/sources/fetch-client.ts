/**
 * The one fetch client for network data (docs/input-rules.md F13–F14): https only, host allow-list,
 * `credentials: 'omit'`, a time-out (AbortController), a byte cap counted while reading the body
 * stream (Content-Length may be absent or lie), and content sniffing for HTML login pages and
 * XLSX. Failures are values with enough detail for a message that says what to do.
 */
import type { Result } from '../../domain/result';
import { err, ok } from '../../domain/result';
import type { MessageKey } from '../../i18n/catalog';
import { formatByteSize } from '../../i18n/format';

export type FetchFailure =
  | { readonly kind: 'bad-url'; readonly url: string }
  | { readonly kind: 'not-https'; readonly url: string }
  | { readonly kind: 'not-allowed'; readonly host: string }
  | { readonly kind: 'timeout'; readonly host: string; readonly seconds: number }
  /** fetch() rejected with a TypeError: offline, DNS, TLS, or (most often) missing CORS headers. */
  | { readonly kind: 'network'; readonly host: string; readonly detail: string }
  | { readonly kind: 'http'; readonly host: string; readonly status: number }
  | { readonly kind: 'too-large'; readonly host: string; readonly limitBytes: number }
  | { readonly kind: 'html'; readonly host: string }
  | { readonly kind: 'xlsx'; readonly host: string };

export interface FetchedBytes {
  /** The final URL after redirects. */
  readonly url: string;
  readonly host: string;
  readonly status: number;
  readonly contentType: string | null;
  readonly bytes: Uint8Array;
}

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface FetchOptions {
  /** Hosts allowed (exact, or `*.example.gov.cn` for subdomains). */
  readonly allowList: readonly string[];
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly fetchImpl?: FetchLike;
  readonly accept?: string;
}

export const DEFAULT_TIMEOUT_MS = 20_000;
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

/** True when `host` (lower-case, may include a port) matches an allow-list entry. */
export function isHostAllowed(url: URL, allowList: readonly string[]): boolean {
  const hostname = url.hostname.toLowerCase();
  const host = url.host.toLowerCase();
  return allowList.some((raw) => {
    const entry = raw.trim().toLowerCase();
    if (entry === '') return false;
    if (entry.startsWith('*.'))
      return hostname.endsWith(entry.slice(1)) && hostname.length > entry.length - 1;
    return entry.includes(':') ? host === entry : hostname === entry;
  });
}

/**
 * Checks a URL before any request: it must parse, use `https:`, and name an allow-listed host.
 * Whitespace around the text is ignored; anything else (http:, file:, data:, javascript:) fails.
 */
export function checkUrl(raw: string, allowList: readonly string[]): Result<URL, FetchFailure> {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return err({ kind: 'bad-url', url: raw });
  }
  if (url.protocol !== 'https:') return err({ kind: 'not-https', url: url.href });
  if (!isHostAllowed(url, allowList)) return err({ kind: 'not-allowed', host: url.host });
  return ok(url);
}

/** `<html`/`<!doctype` at the start (after BOM and whitespace): a login or error page, not data. */
function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8', { fatal: false })
    .decode(bytes.subarray(0, 512))
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  return (
    head.startsWith('<!doctype html') ||
    head.startsWith('<html') ||
    (head.startsWith('<') && head.includes('<body'))
  );
}

/**
 * Drops a body we will not read. Not awaited: cancel() can wait for the producer (it never settles
 * on some stream implementations), and aborting is what actually frees the connection.
 */
function discard(response: Response): void {
  void response.body?.cancel().catch(() => undefined);
}

const isZip = (b: Uint8Array): boolean =>
  b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/**
 * GETs `rawUrl` under the checks above and returns the body bytes (never decoded here: ingest
 * detects the encoding itself). An HTML body is refused even with HTTP 200 (login pages). A body
 * over `maxBytes` is cancelled as soon as the running count passes the cap.
 */
export async function fetchBytes(
  rawUrl: string,
  options: FetchOptions,
): Promise<Result<FetchedBytes, FetchFailure>> {
  const checked = checkUrl(rawUrl, options.allowList);
  if (!checked.ok) return checked;
  const url = checked.value;
  const host = url.host;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  const seconds = Math.round(options.timeoutMs / 100) / 10;
  const doFetch: FetchLike = options.fetchImpl ?? ((i, init) => fetch(i, init));
  // A thrown fetch or body read: our own timeout, else the network's error as the browser names it.
  const failure = (e: unknown) =>
    timedOut
      ? err({ kind: 'timeout' as const, host, seconds })
      : err({
          kind: 'network' as const,
          host,
          detail: e instanceof Error ? `${e.name}: ${e.message}` : String(e),
        });
  try {
    let response: Response;
    try {
      response = await doFetch(url.href, {
        method: 'GET',
        credentials: 'omit',
        cache: 'no-store',
        redirect: 'follow',
        referrerPolicy: 'no-referrer',
        signal: controller.signal,
        headers: { Accept: options.accept ?? 'text/csv, application/json, text/plain;q=0.8, */*;q=0.1' },
      });
    } catch (e) {
      return failure(e);
    }
    // A redirect may land on another host (an SSO login): that host must be allowed too.
    if (response.url) {
      const finalUrl = new URL(response.url);
      if (finalUrl.protocol !== 'https:' || !isHostAllowed(finalUrl, options.allowList)) {
        discard(response);
        return err({ kind: 'not-allowed', host: finalUrl.host });
      }
    }
    if (!response.ok) {
      discard(response);
      return err({ kind: 'http', host, status: response.status });
    }
    const declared = response.headers.get('content-length');
    if (declared !== null && /^\d+$/.test(declared) && Number(declared) > options.maxBytes) {
      discard(response);
      return err({ kind: 'too-large', host, limitBytes: options.maxBytes });
    }
    const chunks: Uint8Array[] = [];
    let total = 0;
    if (response.body) {
      const reader = response.body.getReader();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          total += value.byteLength;
          if (total > options.maxBytes) {
            void reader.cancel().catch(() => undefined);
            controller.abort();
            return err({ kind: 'too-large', host, limitBytes: options.maxBytes });
          }
          chunks.push(value);
        }
      } catch (e) {
        return failure(e);
      }
    }
    const bytes = new Uint8Array(total);
    let off = 0;
    for (const c of chunks) {
      bytes.set(c, off);
      off += c.byteLength;
    }
    const contentType = response.headers.get('content-type');
    if (isZip(bytes)) return err({ kind: 'xlsx', host });
    if ((contentType ?? '').toLowerCase().includes('text/html') || looksLikeHtml(bytes))
      return err({ kind: 'html', host });
    return ok({ url: response.url || url.href, host, status: response.status, contentType, bytes });
  } finally {
    clearTimeout(timer);
  }
}

/** The message (key + params) telling the user what went wrong and what to do. */
export function fetchFailureMessage(f: FetchFailure): {
  key: MessageKey;
  params: Record<string, string | number>;
} {
  switch (f.kind) {
    case 'bad-url':
      return { key: 'store.source.bad_url', params: { url: f.url } };
    case 'not-https':
      return { key: 'store.source.not_https', params: { url: f.url } };
    case 'not-allowed':
      return { key: 'store.source.not_allowed', params: { host: f.host } };
    case 'timeout':
      return { key: 'store.source.timeout', params: { host: f.host, seconds: f.seconds } };
    case 'network':
      return { key: 'store.source.network', params: { host: f.host } };
    case 'http':
      return { key: 'store.source.http', params: { host: f.host, status: f.status } };
    case 'too-large':
      return { key: 'store.source.too_large', params: { host: f.host, limit: formatByteSize(f.limitBytes) } };
    case 'html':
      return { key: 'store.source.html', params: { host: f.host } };
    case 'xlsx':
      return { key: 'store.source.xlsx', params: { host: f.host } };
  }
}
