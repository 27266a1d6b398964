import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  MOCK_DATA_ORIGIN,
  MOCK_ENDPOINT_BASE,
  resetMockControl,
  setEndpointMode,
  type EndpointMode,
} from '../../../mocks/handlers';
import { server } from '../../../mocks/node';
import { ingestBytes } from '../../ingest/ingest-file';
import { PersistentStore } from '../persistent-store';
import { counterIds, stepClock, uniqueDbName } from '../test-support';
import { type AppConfig, parseAppConfig } from './config';
import { checkUrl, fetchFailureMessage, isHostAllowed } from './fetch-client';
import { endpointBatchSource, endpointFailureMessage, listReports, loadReport } from './reporting-endpoint';
import { candidateUrlFromQuery, loadFromUrl, urlBatchSource, type SourceDeps } from './url-source';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  resetMockControl();
});
afterAll(() => server.close());

const config: AppConfig = {
  urlAllowList: [new URL(MOCK_DATA_ORIGIN).host],
  reportingEndpoint: { baseUrl: MOCK_ENDPOINT_BASE, name: '区报送平台' },
};
const deps = (extra: Partial<SourceDeps> = {}): SourceDeps => ({
  config,
  ingest: ingestBytes,
  ingestOptions: { knownTownships: [], today: '2022-06-01' },
  timeoutMs: 200,
  maxBytes: 1024 * 1024,
  ...extra,
});

describe('URL checks', () => {
  it.each<[string, string[], string]>([
    ['https://data.example.gov.cn/a.csv', ['data.example.gov.cn'], 'ok'],
    ['https://DATA.example.gov.cn/a.csv', ['data.example.gov.cn'], 'ok'],
    ['https://x.example.gov.cn/a.csv', ['*.example.gov.cn'], 'ok'],
    ['https://example.gov.cn.evil.com/a.csv', ['*.example.gov.cn'], 'not-allowed'],
    ['https://evilexample.gov.cn/a.csv', ['*.example.gov.cn'], 'not-allowed'],
    ['https://data.example.gov.cn:8443/a.csv', ['data.example.gov.cn:8443'], 'ok'],
    ['https://data.example.gov.cn:8443/a.csv', ['data.example.gov.cn:9443'], 'not-allowed'],
    ['https://other.gov.cn/a.csv', ['data.example.gov.cn'], 'not-allowed'],
    ['http://data.example.gov.cn/a.csv', ['data.example.gov.cn'], 'not-https'],
    ['file:///C:/data/a.csv', ['data.example.gov.cn'], 'not-https'],
    ['javascript:alert(1)', ['data.example.gov.cn'], 'not-https'],
    ['not a url', ['data.example.gov.cn'], 'bad-url'],
  ])('%s with %j → %s', (url, allow, expected) => {
    const r = checkUrl(url, allow);
    expect(r.ok ? 'ok' : r.error.kind).toBe(expected);
  });

  it('an empty allow-list allows nothing', () => {
    expect(isHostAllowed(new URL('https://data.example.gov.cn/'), [])).toBe(false);
  });

  it('a source in the page query is only a candidate, never an import', () => {
    expect(candidateUrlFromQuery('?src=https%3A%2F%2Fdata.example.gov.cn%2Ffiles%2Fr-1001.csv')).toBe(
      'https://data.example.gov.cn/files/r-1001.csv',
    );
    expect(candidateUrlFromQuery('?lang=en')).toBeNull();
  });
});

describe('URL source', () => {
  it('fetches and ingests an allow-listed file, ready for confirmation', async () => {
    const r = await loadFromUrl(`${MOCK_DATA_ORIGIN}/files/r-1001.csv`, deps());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({ host: 'data.example.gov.cn', httpStatus: 200, fileName: 'r-1001.csv' });
    expect(r.value.result.status).toBe('ok');
    expect(r.value.result.townshipMonths.map((t) => [t.township, t.period, t.hazards_found])).toEqual([
      ['小召乡', '2022-04', null],
    ]);
    expect(urlBatchSource(r.value)).toEqual({
      kind: 'url',
      name: 'r-1001.csv',
      url: `${MOCK_DATA_ORIGIN}/files/r-1001.csv`,
      httpStatus: 200,
    });
  });

  it.each<[string, string, Record<string, unknown>]>([
    ['timeout.csv', 'timeout', { seconds: 0.2 }],
    ['server-error.csv', 'http', { status: 500 }],
    ['missing.csv', 'http', { status: 404 }],
    ['cors.csv', 'network', {}],
    ['login.csv', 'html', {}],
    ['login-as-csv.csv', 'html', {}],
    ['huge.csv', 'too-large', { limitBytes: 1024 * 1024 }],
    ['book.xlsx', 'xlsx', {}],
  ])('%s fails as %s', async (file, kind, extra) => {
    const r = await loadFromUrl(`${MOCK_DATA_ORIGIN}/files/${file}`, deps());
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ kind, ...extra });
    const msg = fetchFailureMessage(r.error);
    expect(msg.key.startsWith('store.source.')).toBe(true);
  });

  it.each([
    ['http://data.example.gov.cn/files/r-1001.csv', 'not-https'],
    ['https://elsewhere.example.com/files/r-1001.csv', 'not-allowed'],
  ])('refuses %s before any request (%s)', async (url, kind) => {
    // onUnhandledRequest: 'error' would fail the test if a request went out.
    const r = await loadFromUrl(url, deps());
    expect(r.ok ? 'ok' : r.error.kind).toBe(kind);
  });
});

describe('reporting endpoint', () => {
  it('lists reports newest first and filters by since', async () => {
    const all = await listReports(deps());
    expect(all.ok && all.value.map((r) => r.id)).toEqual(['r-1003', 'r-1004', 'r-1001', 'r-1002']);
    const may = await listReports(deps(), '2022-05');
    expect(may.ok && may.value.map((r) => r.period)).toEqual(['2022-05', '2022-05']);
  });

  it('imports a selected report through the same plan and commit, once', async () => {
    const store = await PersistentStore.open({
      dbName: uniqueDbName('endpoint'),
      now: stepClock(),
      newId: counterIds('e'),
      channelName: null,
      storage: null,
      locks: null,
    });
    try {
      const list = await listReports(deps());
      if (!list.ok) throw new Error('listing failed');
      for (const listing of list.value.filter((l) => l.format === 'csv')) {
        const loaded = await loadReport(deps(), listing);
        if (!loaded.ok) throw new Error(loaded.error.kind);
        const plan = await store.prepareImport(
          loaded.value.result,
          loaded.value.bytes,
          endpointBatchSource(loaded.value, listing),
        );
        expect(await store.commitImport(plan, new Map())).toMatchObject({ kind: 'committed' });
      }
      expect(store.getSnapshot().dataset.townshipMonths).toHaveLength(3);
      expect(
        store
          .getSnapshot()
          .batches.map((b) => b.source.kind === 'endpoint' && b.source.reportId)
          .sort(),
      ).toEqual(['r-1001', 'r-1002', 'r-1003']);
      // Importing the same report again is recognised by its hash.
      const again = await loadReport(
        deps(),
        list.value.find((l) => l.id === 'r-1001')!,
      );
      if (!again.ok) throw new Error('reload failed');
      const plan = await store.prepareImport(again.value.result, again.value.bytes, {
        kind: 'file',
        name: 'x',
      });
      expect(plan.duplicateOf).not.toBeNull();
    } finally {
      store.close();
    }
  });

  it.each<[EndpointMode, string]>([
    ['http-500', 'http'],
    ['timeout', 'timeout'],
    ['malformed', 'malformed'],
    ['error-envelope', 'endpoint-error'],
  ])('listing in mode %s fails as %s', async (mode, kind) => {
    setEndpointMode(mode);
    const r = await listReports(deps());
    expect(r.ok ? 'ok' : r.error.kind).toBe(kind);
    if (!r.ok) expect(endpointFailureMessage(r.error).key.startsWith('store.source.')).toBe(true);
  });

  it.each<[EndpointMode, string]>([
    ['http-500', 'http'],
    ['timeout', 'timeout'],
    ['error-envelope', 'endpoint-error'],
  ])('content in mode %s fails as %s', async (mode, kind) => {
    const list = await listReports(deps());
    if (!list.ok) throw new Error('listing failed');
    setEndpointMode(mode);
    const r = await loadReport(deps(), list.value[0]!);
    expect(r.ok ? 'ok' : r.error.kind).toBe(kind);
  });

  it('carries the envelope message of an error served with HTTP 200', async () => {
    setEndpointMode('error-envelope');
    const r = await listReports(deps());
    expect(r.ok ? null : r.error).toEqual({
      kind: 'endpoint-error',
      code: 1001,
      msg: '令牌已过期，请重新登录',
    });
  });

  it('a slow answer within the time-out succeeds, beyond it times out', async () => {
    setEndpointMode('slow', 50);
    expect((await listReports(deps({ timeoutMs: 1000 }))).ok).toBe(true);
    setEndpointMode('slow', 400);
    const r = await listReports(deps({ timeoutMs: 100 }));
    expect(r.ok ? 'ok' : r.error.kind).toBe('timeout');
  });

  it('no configured endpoint is a failure value', async () => {
    const r = await listReports(deps({ config: { urlAllowList: [], reportingEndpoint: null } }));
    expect(r.ok ? 'ok' : r.error.kind).toBe('no-endpoint');
  });
});

describe('config.json', () => {
  it.each<[unknown, boolean]>([
    [{ urlAllowList: ['data.example.gov.cn', '*.example.gov.cn'], reportingEndpoint: null }, true],
    [
      {
        urlAllowList: [],
        reportingEndpoint: { baseUrl: 'https://report.example.gov.cn/api/', name: '平台' },
      },
      true,
    ],
    [{}, true],
    [{ urlAllowList: 'data.example.gov.cn' }, false],
    [{ urlAllowList: ['https://data.example.gov.cn/'] }, false],
    [{ reportingEndpoint: { baseUrl: 'http://report.example.gov.cn', name: '平台' } }, false],
    [JSON.parse('{"__proto__":{"urlAllowList":["evil.com"]}}'), false],
  ])('%j valid: %s', (value, valid) => {
    expect(parseAppConfig(value).ok).toBe(valid);
  });

  it('strips the trailing slash of the endpoint base', () => {
    const r = parseAppConfig({
      reportingEndpoint: { baseUrl: 'https://report.example.gov.cn/api/', name: '平台' },
    });
    expect(r.ok && r.value.reportingEndpoint?.baseUrl).toBe('https://report.example.gov.cn/api');
  });
});
