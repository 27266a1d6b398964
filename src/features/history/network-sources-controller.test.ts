/**
 * The URL and reporting-endpoint workflow without React, against the MSW mocks (mocks/): load →
 * plan → confirm/cancel → commit, failures as messages, and the queue of selected reports.
 */
import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  MOCK_DATA_ORIGIN,
  MOCK_ENDPOINT_BASE,
  resetMockControl,
  setEndpointMode,
} from '../../../mocks/handlers';
import { server } from '../../../mocks/node';
import { ingestBytes } from '../../ingest/ingest-file';
import { PersistentStore } from '../../store/persistent-store';
import type { AppConfig } from '../../store/sources/config';
import { counterIds, stepClock, uniqueDbName } from '../../store/test-support';
import { createNetworkSourcesController, type NetworkSourcesController } from './network-sources-controller';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
const stores: PersistentStore[] = [];
afterEach(() => {
  server.resetHandlers();
  resetMockControl();
  for (const s of stores.splice(0)) s.close();
});
afterAll(() => server.close());

const config: AppConfig = {
  urlAllowList: [new URL(MOCK_DATA_ORIGIN).host],
  reportingEndpoint: { baseUrl: MOCK_ENDPOINT_BASE, name: '区报送平台' },
};

async function setup(candidateUrl: string | null = null) {
  const store = await PersistentStore.open({
    dbName: uniqueDbName('net-ctl'),
    now: stepClock(),
    newId: counterIds('n'),
    channelName: null,
    storage: null,
    locks: null,
  });
  stores.push(store);
  const c = createNetworkSourcesController(
    {
      store,
      config,
      ingest: ingestBytes,
      ingestOptions: { knownTownships: [], today: '2022-06-01' },
      timeoutMs: 300,
    },
    candidateUrl,
  );
  return { store, c };
}

const noticeKey = (c: NetworkSourcesController) => {
  const n = c.getSnapshot().notice;
  return n === null ? null : n.kind === 'message' ? n.message.key : n.outcome.kind;
};

describe('network sources controller: URL', () => {
  it('pre-fills a link’s URL, loads it only when asked, and stores it only when confirmed', async () => {
    const { store, c } = await setup(`${MOCK_DATA_ORIGIN}/files/r-1002.csv`);
    expect(c.getSnapshot()).toMatchObject({ url: `${MOCK_DATA_ORIGIN}/files/r-1002.csv`, pending: null });
    const loading = c.loadUrl();
    expect(c.getSnapshot().busy).toBe(true);
    await loading;
    const pending = c.getSnapshot().pending!;
    expect([pending.host, pending.plan.result.counts.accepted, c.getSnapshot().busy]).toEqual([
      'data.example.gov.cn',
      1,
      false,
    ]);
    expect(store.getSnapshot().batches).toHaveLength(0);
    await c.finish(new Map());
    expect(store.getSnapshot().batches.map((b) => b.source.kind)).toEqual(['url']);
    expect(c.getSnapshot().notice).toMatchObject({ kind: 'commit', outcome: { kind: 'committed' } });
    expect(c.getSnapshot().pending).toBeNull();
  });

  it('cancelling a loaded plan stores nothing and says nothing', async () => {
    const { store, c } = await setup(`${MOCK_DATA_ORIGIN}/files/r-1002.csv`);
    await c.loadUrl();
    await c.finish(null);
    expect(c.getSnapshot()).toMatchObject({ pending: null, notice: null });
    expect(store.getSnapshot().batches).toHaveLength(0);
  });

  it.each<[string, string]>([
    ['login.csv', 'store.source.html'],
    ['missing.csv', 'store.source.http'],
    ['timeout.csv', 'store.source.timeout'],
  ])('a URL serving %s ends with %s and no plan', async (name, key) => {
    const { c } = await setup(`${MOCK_DATA_ORIGIN}/files/${name}`);
    await c.loadUrl();
    expect(noticeKey(c)).toBe(key);
    expect(c.getSnapshot()).toMatchObject({ pending: null, busy: false });
  });

  it('refuses a host that is not on the allow-list without fetching', async () => {
    const { c } = await setup('https://elsewhere.example.com/a.csv');
    await c.loadUrl();
    expect(noticeKey(c)).toBe('store.source.not_allowed');
  });
});

describe('network sources controller: reporting endpoint', () => {
  it('imports the selected reports one plan at a time', async () => {
    const { store, c } = await setup();
    await c.listReports();
    const reports = c.getSnapshot().reports!;
    const pick = reports.filter((r) => r.period === '2022-04').slice(0, 2);
    expect(pick).toHaveLength(2);
    for (const r of pick) c.toggle(r.id, true);
    c.toggle(reports.find((r) => !pick.includes(r))?.id ?? 'none', true);
    c.toggle(reports.find((r) => !pick.includes(r))?.id ?? 'none', false);
    expect([...c.getSnapshot().selected]).toEqual(pick.map((r) => r.id));
    await c.importSelected();
    expect(c.getSnapshot()).toMatchObject({ queueTotal: 2, queue: [pick[1]] });
    expect(c.getSnapshot().pending).not.toBeNull();
    await c.finish(new Map());
    expect(c.getSnapshot()).toMatchObject({ queue: [] });
    expect(c.getSnapshot().pending).not.toBeNull();
    await c.finish(new Map());
    expect(c.getSnapshot().pending).toBeNull();
    expect(store.getSnapshot().batches.map((b) => b.source.kind)).toEqual(['endpoint', 'endpoint']);
  });

  it('a failed load stops the queue', async () => {
    const { store, c } = await setup();
    await c.listReports();
    for (const r of c.getSnapshot().reports!.slice(0, 2)) c.toggle(r.id, true);
    setEndpointMode('http-500');
    await c.importSelected();
    expect(noticeKey(c)).toBe('store.source.http');
    expect(c.getSnapshot()).toMatchObject({ queue: [], pending: null, busy: false });
    expect(store.getSnapshot().batches).toHaveLength(0);
  });

  it.each<[Parameters<typeof setEndpointMode>[0], string]>([
    ['error-envelope', 'store.source.endpoint_error'],
    ['malformed', 'store.source.malformed'],
    ['http-500', 'store.source.http'],
  ])('a listing that ends %s says %s', async (mode, key) => {
    const { c } = await setup();
    setEndpointMode(mode);
    await c.listReports();
    expect(noticeKey(c)).toBe(key);
    expect(c.getSnapshot().reports).toBeNull();
  });
});
