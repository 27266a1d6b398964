// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { IngestOutcome, IngestRunner } from '../../features/import/ingest-runner';
import { createMemoryStore } from '../../store/memory-store';
import { PersistentStore } from '../../store/persistent-store';
import { counterIds, result, stepClock, tm, uniqueDbName } from '../../store/test-support';
import type { DataStore } from '../../store/types';
import { issueMessage } from '../../ingest/issue-message';
import { HistoryView, SettingsView, runnerIngestFn } from './store-routes';
import { defaultViewState } from '../url-state';
import type { ViewContext } from './route-types';

const stores: PersistentStore[] = [];
afterEach(() => {
  cleanup();
  for (const s of stores.splice(0)) s.close();
  vi.unstubAllGlobals();
});

/** A runner answering `outcome` for every file. */
const runnerAnswering = (outcome: (file: string) => IngestOutcome): IngestRunner => ({
  ingest(input) {
    return { promise: Promise.resolve(outcome(input.fileName)), cancel: () => {} };
  },
});

const OPTIONS = { fileName: '小召乡2022年4月.csv', knownTownships: [], today: '2022-05-10' };

describe('runnerIngestFn', () => {
  it('returns the worker’s result and leaves the caller’s bytes usable', async () => {
    const ok = result(OPTIONS.fileName, [tm('小召乡', '2022-04')]);
    const bytes = new TextEncoder().encode('乡镇,月份\r\n小召乡,2022-04\r\n');
    const out = await runnerIngestFn(runnerAnswering(() => ({ status: 'done', result: ok })))(bytes, OPTIONS);
    expect(out).toBe(ok);
    expect(bytes.byteLength).toBeGreaterThan(0);
  });

  it.each<[string, IngestOutcome, string, string]>([
    [
      'a crashed worker',
      { status: 'failed', message: 'worker error' },
      'store.import.ingest_failed',
      '读取文件时出错（worker error），未导入任何数据。',
    ],
    [
      'a cancelled job',
      { status: 'cancelled' },
      'store.import.ingest_cancelled',
      '读取已取消，未导入任何数据。',
    ],
  ])('turns %s into a rejected result with the reason', async (_label, outcome, code, zh) => {
    const bytes = new TextEncoder().encode('x');
    const out = await runnerIngestFn(runnerAnswering(() => outcome))(bytes, OPTIONS);
    expect(out.status).toBe('rejected');
    expect(out.bytes).toBe(1);
    expect(out.townshipMonths).toEqual([]);
    expect(out.issues.map((i) => i.code)).toEqual([code]);
    expect(issueMessage('zh-CN', out.issues[0]!)).toBe(zh);
  });
});

const ctxFor = (store: DataStore): ViewContext => ({
  snapshot: store.getSnapshot(),
  store,
  runner: runnerAnswering(() => ({ status: 'cancelled' })),
  state: defaultViewState(['data', 'history', 'settings']),
  setState: () => {},
  now: () => '2022-05-10T01:00:00.000Z',
});

async function persistentStore(): Promise<PersistentStore> {
  const store = await PersistentStore.open({
    dbName: uniqueDbName('views'),
    now: stepClock(),
    newId: counterIds('b'),
    channelName: null,
    storage: null,
    locks: null,
  });
  stores.push(store);
  return store;
}

describe('history and settings views', () => {
  it.each([
    ['history', HistoryView],
    ['settings', SettingsView],
  ] as const)('%s: on the memory fallback, says storage is unavailable', (_label, View) => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('', { status: 404 })),
    );
    render(<View {...ctxFor(createMemoryStore())} />);
    expect(screen.getByRole('alert')).toHaveTextContent('无痕/隐私模式或浏览器禁用了存储');
    expect(screen.queryByRole('heading', { name: '导入记录' })).toBeNull();
  });

  it('history: lists the stored batches, and hides network sources when none are configured', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('', { status: 404 })),
    );
    const store = await persistentStore();
    await store.addImports([
      { id: 'x', result: result('小召乡2022年4月.csv', [tm('小召乡', '2022-04')]), importedAt: 'T' },
    ]);
    render(<HistoryView {...ctxFor(store)} />);
    expect(screen.getByRole('heading', { name: '导入记录' })).toBeInTheDocument();
    expect(screen.getByRole('rowheader', { name: /小召乡2022年4月\.csv/ })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: '从网络导入' })).toBeNull();
  });

  it('history: shows the network sources when config.json names an endpoint', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(
            JSON.stringify({
              urlAllowList: ['data.example.gov.cn'],
              reportingEndpoint: { baseUrl: 'https://report.example.gov.cn/api', name: '区报送平台' },
            }),
          ),
      ),
    );
    render(<HistoryView {...ctxFor(await persistentStore())} />);
    expect(await screen.findByRole('heading', { name: '从网络导入' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: '报送平台：区报送平台' })).toBeInTheDocument();
  });

  it('settings: edits the persistent store’s settings', async () => {
    render(<SettingsView {...ctxFor(await persistentStore())} />);
    expect(screen.getByRole('heading', { name: '设置' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '保存设置' })).toBeInTheDocument();
  });
});
