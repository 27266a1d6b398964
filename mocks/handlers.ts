/**
 * MSW handlers for the reporting endpoint (docs/reporting-endpoint.md) and for the URL source,
 * with switchable failure modes so the UI and tests can see every error path.
 * Shared by `npm run dev:mock` (browser.ts) and the tests (node.ts).
 */
import { HttpResponse, delay, http } from 'msw';
import { MOCK_REPORTS } from './data';

/** Base URL of the mock reporting endpoint (put the same in public/config.json for dev:mock). */
export const MOCK_ENDPOINT_BASE = 'https://report.example.gov.cn/api';
/** An allow-listed data host serving files for the URL source. */
export const MOCK_DATA_ORIGIN = 'https://data.example.gov.cn';

export type EndpointMode =
  | 'ok'
  /** HTTP 500 on every call. */
  | 'http-500'
  /** Never answers (the client's time-out must fire). */
  | 'timeout'
  /** HTTP 200 with a body that is not the agreed JSON. */
  | 'malformed'
  /** HTTP 200 with `{ code: 1001, msg }`. */
  | 'error-envelope'
  /** Answers correctly after `slowMs`. */
  | 'slow';

/** Mutable switches; tests reset them with resetMockControl() in afterEach. */
export const mockControl: { mode: EndpointMode; slowMs: number } = { mode: 'ok', slowMs: 1500 };

/** Sets the endpoint's failure mode. */
export function setEndpointMode(mode: EndpointMode, slowMs = 1500): void {
  mockControl.mode = mode;
  mockControl.slowMs = slowMs;
}

/** Back to a healthy endpoint. */
export function resetMockControl(): void {
  setEndpointMode('ok');
}

/** Applies the current failure mode; returns a response to send instead, or null to go on. */
async function failureFor(): Promise<Response | null> {
  switch (mockControl.mode) {
    case 'ok':
      return null;
    case 'http-500':
      return HttpResponse.text('Internal Server Error', { status: 500 });
    case 'timeout':
      await delay('infinite');
      return null;
    case 'malformed':
      return HttpResponse.text('{"code":0,"data":{"reports":[{"id":', {
        headers: { 'Content-Type': 'application/json' },
      });
    case 'error-envelope':
      return HttpResponse.json({ code: 1001, msg: '令牌已过期，请重新登录' });
    case 'slow':
      await delay(mockControl.slowMs);
      return null;
  }
}

const CORS = { 'Access-Control-Allow-Origin': '*' };

export const endpointHandlers = [
  http.get(`${MOCK_ENDPOINT_BASE}/reports`, async ({ request }) => {
    const failure = await failureFor();
    if (failure) return failure;
    const since = new URL(request.url).searchParams.get('since');
    const reports = MOCK_REPORTS.filter((r) => !since || r.period >= since).map(({ content: _c, ...r }) => ({
      ...r,
      url: `${MOCK_ENDPOINT_BASE}/reports/${r.id}/content`,
    }));
    return HttpResponse.json({ code: 0, msg: 'ok', data: { reports } }, { headers: CORS });
  }),
  http.get(`${MOCK_ENDPOINT_BASE}/reports/:id/content`, async ({ params }) => {
    const failure = await failureFor();
    if (failure) return failure;
    const report = MOCK_REPORTS.find((r) => r.id === params.id);
    if (!report) return HttpResponse.json({ code: 404, msg: '报告不存在' }, { headers: CORS });
    const type = report.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json';
    return new HttpResponse(new TextEncoder().encode(report.content), {
      headers: { ...CORS, 'Content-Type': type },
    });
  }),
];

/** A body stream of `total` bytes in 64 KB chunks, without Content-Length (so only counting catches it). */
function endlessCsv(total: number): ReadableStream<Uint8Array> {
  const line = new TextEncoder().encode('小召乡,2022-04,1\n'.repeat(2000));
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= total) controller.close();
      else {
        controller.enqueue(line);
        sent += line.byteLength;
      }
    },
  });
}

export const urlSourceHandlers = [
  http.get(`${MOCK_DATA_ORIGIN}/files/:name`, async ({ params }) => {
    const name = String(params.name);
    switch (name) {
      case 'timeout.csv':
        await delay('infinite');
        return HttpResponse.text('');
      case 'server-error.csv':
        return HttpResponse.text('Internal Server Error', { status: 500 });
      case 'missing.csv':
        return HttpResponse.text('Not Found', { status: 404 });
      case 'cors.csv':
        // What a missing Access-Control-Allow-Origin looks like to fetch(): a TypeError.
        return HttpResponse.error();
      case 'login.csv':
        return HttpResponse.text(
          '<!DOCTYPE html><html><head><title>统一身份认证</title></head><body>请登录</body></html>',
          {
            headers: { 'Content-Type': 'text/html; charset=utf-8' },
          },
        );
      case 'login-as-csv.csv':
        return HttpResponse.text('\n  <html><body><form action="/login">用户名</form></body></html>', {
          headers: { 'Content-Type': 'text/csv' },
        });
      case 'huge.csv':
        return new HttpResponse(endlessCsv(3 * 1024 * 1024), { headers: { 'Content-Type': 'text/csv' } });
      case 'book.xlsx':
        return new HttpResponse(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), {
          headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
        });
      default: {
        const report = MOCK_REPORTS.find((r) => `${r.id}.${r.format}` === name);
        if (!report) return HttpResponse.text('Not Found', { status: 404 });
        return new HttpResponse(new TextEncoder().encode(report.content), {
          headers: { ...CORS, 'Content-Type': 'text/csv' },
        });
      }
    }
  }),
];

/** Every mock handler. */
export const handlers = [...endpointHandlers, ...urlSourceHandlers];
