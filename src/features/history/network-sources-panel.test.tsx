// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MOCK_DATA_ORIGIN, MOCK_ENDPOINT_BASE, resetMockControl } from '../../../mocks/handlers';
import { server } from '../../../mocks/node';
import { I18nProvider } from '../../components/i18n-provider';
import { ingestBytes } from '../../ingest/ingest-file';
import { PersistentStore } from '../../store/persistent-store';
import type { AppConfig } from '../../store/sources/config';
import { counterIds, stepClock, uniqueDbName } from '../../store/test-support';
import { NetworkSourcesPanel } from './network-sources-panel';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
const stores: PersistentStore[] = [];
afterEach(() => {
  cleanup();
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
    dbName: uniqueDbName('net-ui'),
    now: stepClock(),
    newId: counterIds('n'),
    channelName: null,
    storage: null,
    locks: null,
  });
  stores.push(store);
  render(
    <I18nProvider lang="zh-CN">
      <NetworkSourcesPanel
        store={store}
        config={config}
        ingest={ingestBytes}
        ingestOptions={{ knownTownships: [], today: '2022-06-01' }}
        candidateUrl={candidateUrl}
        timeoutMs={300}
      />
    </I18nProvider>,
  );
  return store;
}

// Failures, cancel and the queue are tested on the controller (network-sources-controller.test.ts).
describe('NetworkSourcesPanel', () => {
  it('a URL from the page link is only pre-filled; importing needs load and confirm', async () => {
    const store = await setup(`${MOCK_DATA_ORIGIN}/files/r-1002.csv`);
    const user = userEvent.setup();
    expect(screen.getByRole('textbox', { name: /数据文件地址/ })).toHaveValue(
      `${MOCK_DATA_ORIGIN}/files/r-1002.csv`,
    );
    expect(store.getSnapshot().batches).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: '读取' }));
    expect(await screen.findByText(/来自 data\.example\.gov\.cn：.*1 行数据/)).toBeInTheDocument();
    expect(store.getSnapshot().batches).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: '确认导入' }));
    await waitFor(() => expect(store.getSnapshot().batches).toHaveLength(1));
    expect(screen.getByRole('status').textContent).toContain('新增 1 条');
  });

  it('shows what to do when a URL serves a login page', async () => {
    await setup(`${MOCK_DATA_ORIGIN}/files/login.csv`);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: '读取' }));
    expect((await screen.findByRole('status')).textContent).toContain('登录页');
  });

  it('lists endpoint reports and imports the selected ones one plan at a time', async () => {
    const store = await setup();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: '获取已报送的报告' }));
    await user.click(await screen.findByRole('checkbox', { name: '小召乡 2022-04' }));
    await user.click(screen.getByRole('checkbox', { name: '城关镇 2022-04' }));
    await user.click(screen.getByRole('button', { name: '导入所选（2 份）' }));
    expect(await screen.findByText('第 1 份，共 2 份')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '确认导入' }));
    expect(await screen.findByText('第 2 份，共 2 份')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '确认导入' }));
    await waitFor(() => expect(store.getSnapshot().batches).toHaveLength(2));
    expect(store.getSnapshot().batches.every((b) => b.source.kind === 'endpoint')).toBe(true);
  });
});
