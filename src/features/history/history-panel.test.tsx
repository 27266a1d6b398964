// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../components/i18n-provider';
import type { Lang } from '../../i18n/i18n';
import type { ImportPlan } from '../../store/persist-types';
import { PersistentStore } from '../../store/persistent-store';
import { bytesOf, counterIds, result, stepClock, tm, uniqueDbName } from '../../store/test-support';
import { HistoryPanel } from './history-panel';
import { PlanReview } from './plan-review';

const stores: PersistentStore[] = [];
afterEach(() => {
  cleanup();
  for (const s of stores.splice(0)) s.close();
});

async function storeWithHistory(): Promise<{ store: PersistentStore; corrected: ImportPlan }> {
  const store = await PersistentStore.open({
    dbName: uniqueDbName('ui'),
    now: stepClock(),
    newId: counterIds('u'),
    channelName: null,
    storage: null,
    locks: null,
  });
  stores.push(store);
  const p1 = await store.prepareImport(
    result('四月汇总.csv', [
      tm('小召乡', '2022-04', { hazards_found: 12 }),
      tm('城关镇', '2022-04', { hazards_found: 30 }),
    ]),
    bytesOf('a'),
    { kind: 'file', name: '四月汇总.csv' },
  );
  await store.commitImport(p1, new Map());
  const p2 = await store.prepareImport(
    result('小召乡更正.csv', [tm('小召乡', '2022-04', { hazards_found: 14 })]),
    bytesOf('b'),
    { kind: 'file', name: '小召乡更正.csv' },
  );
  await store.commitImport(p2, new Map([[p2.conflicts[0]!.key, 'replace']]));
  return { store, corrected: p2 };
}

const renderIn = (ui: React.ReactElement, lang: Lang = 'zh-CN') =>
  render(<I18nProvider lang={lang}>{ui}</I18nProvider>);

// Remove, restore and backup outcomes are tested on the controller (history-controller.test.ts).
describe('HistoryPanel', () => {
  it('lists batches newest first with their counts', async () => {
    const { store } = await storeWithHistory();
    renderIn(<HistoryPanel store={store} today={() => '2024-04-11'} />);
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual([
      '小召乡更正.csv (文件)',
      '四月汇总.csv (文件)',
    ]);
    expect(rows[0]!.textContent).toContain('替换 1');
    expect(rows[1]!.textContent).toContain('新增 2');
  });

  it('inspects a batch with its rejected rows', async () => {
    const { store } = await storeWithHistory();
    const user = userEvent.setup();
    renderIn(<HistoryPanel store={store} today={() => '2024-04-11'} />, 'en');
    await user.click(screen.getAllByRole('button', { name: 'Inspect' })[1]!);
    const detail = screen.getByRole('region', { name: 'Batch details: 四月汇总.csv' });
    expect(detail.textContent).toContain('Line 9');
    expect(detail.textContent).toContain('合计, 12');
  });

  it('removes a batch only after confirmation and brings the replaced value back', async () => {
    const { store } = await storeWithHistory();
    const user = userEvent.setup();
    renderIn(<HistoryPanel store={store} today={() => '2024-04-11'} />);
    await user.click(screen.getAllByRole('button', { name: '删除' })[0]!);
    expect(store.getSnapshot().batches).toHaveLength(2);
    await user.click(screen.getByRole('button', { name: '确定删除' }));
    await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(2));
    // The table follows the store's snapshot; the message is set when removeBatch resolves, a tick later.
    expect(await screen.findByText('已删除 1 条记录，恢复旧版本 1 条。')).toBeInTheDocument();
    expect(
      store.getSnapshot().dataset.townshipMonths.find((r) => r.township === '小召乡')!.hazards_found,
    ).toBe(12);
  });

  it('exports a backup and reports an invalid backup file', async () => {
    const { store } = await storeWithHistory();
    const user = userEvent.setup();
    const onDownload = vi.fn();
    renderIn(<HistoryPanel store={store} today={() => '2024-04-11'} onDownload={onDownload} />);
    await user.click(screen.getByRole('button', { name: '导出全部数据（备份）' }));
    await waitFor(() => expect(onDownload).toHaveBeenCalledTimes(1));
    const [content, name] = onDownload.mock.calls[0] as [string, string];
    expect(JSON.parse(content)).toMatchObject({ format: 'tsd-backup', schema_version: 1 });
    expect(name).toMatch(/\.json$/);
    await user.upload(
      screen.getByLabelText('从备份恢复…'),
      new File(['{"format":"other"}'], 'x.json', { type: 'application/json' }),
    );
    expect(await screen.findByText(/备份文件无效/)).toBeInTheDocument();
    expect(store.getSnapshot().batches).toHaveLength(2);
  });

  it('explains a tampered backup in Chinese, with no English fragments', async () => {
    const { store } = await storeWithHistory();
    const backup = JSON.parse(await store.exportBackup()) as { records: { record: object }[] };
    backup.records[0]!.record = { ...backup.records[0]!.record, period: '2022-13' };
    const user = userEvent.setup();
    renderIn(<HistoryPanel store={store} today={() => '2024-04-11'} />);
    await user.upload(
      screen.getByLabelText('从备份恢复…'),
      new File([JSON.stringify(backup)], '备份.json', { type: 'application/json' }),
    );
    const notice = await screen.findByText(/备份文件无效/);
    expect(notice.textContent).toContain(
      '$.records[0].record.period：记录无效：“period”的值“2022-13”不是“年-月”（YYYY-MM）格式。',
    );
    expect(notice.textContent).not.toMatch(/is not|YYYY-MM\b(?!）)/);
  });

  it('shows the storage line, including the private-mode warning', async () => {
    const { store } = await storeWithHistory();
    renderIn(<HistoryPanel store={store} today={() => '2024-04-11'} />);
    expect(screen.getByText(/持久存储：无法确认/)).toBeInTheDocument();
  });
});

describe('PlanReview', () => {
  it('shows the diff and defaults every conflict to keep', async () => {
    const { store } = await storeWithHistory();
    const plan = await store.prepareImport(
      result('再次更正.csv', [tm('小召乡', '2022-04', { hazards_found: 16 })]),
      bytesOf('c'),
      { kind: 'file', name: '再次更正.csv' },
    );
    const user = userEvent.setup();
    const onConfirm = vi.fn();
    renderIn(<PlanReview plan={plan} onConfirm={onConfirm} onCancel={() => undefined} />);
    const diffRow = screen.getByRole('row', { name: /排查隐患/ });
    expect(
      within(diffRow)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['14', '16']);
    await user.click(screen.getByRole('button', { name: '确认导入' }));
    expect(onConfirm.mock.calls[0]![0]).toEqual(new Map());
    await user.click(screen.getByRole('radio', { name: /用新值替换/ }));
    await user.click(screen.getByRole('button', { name: '确认导入' }));
    expect(onConfirm.mock.calls[1]![0]).toEqual(new Map([[plan.conflicts[0]!.key, 'replace']]));
  });

  it('shows sector labels, not sector codes, in the diff', async () => {
    const { store } = await storeWithHistory();
    const plan = await store.prepareImport(
      result('重点领域更正.csv', [
        tm('小召乡', '2022-04', { hazards_found: 14 }, { focus_sectors: ['education', 'fire'] }),
      ]),
      bytesOf('sectors'),
      { kind: 'file', name: '重点领域更正.csv' },
    );
    renderIn(<PlanReview plan={plan} onConfirm={() => undefined} onCancel={() => undefined} />);
    const row = screen.getByRole('row', { name: /重点行业领域/ });
    const cells = within(row)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(cells).toEqual(['烟花爆竹、工贸', '教育（校园）、消防']);
    expect(row.textContent).not.toMatch(/education|fire/);
  });

  it('keeps or replaces all of 300 differing records at once, with a count', async () => {
    const store = await PersistentStore.open({
      dbName: uniqueDbName('bulk'),
      now: stepClock(),
      newId: counterIds('b'),
      channelName: null,
      storage: null,
      locks: null,
    });
    stores.push(store);
    const towns = Array.from({ length: 30 }, (_, i) => `第${i + 1}镇`);
    const months = Array.from({ length: 10 }, (_, i) => `2023-${String(i + 1).padStart(2, '0')}`);
    const rows = (found: number) =>
      towns.flatMap((tw) => months.map((m) => tm(tw, m, { hazards_found: found })));
    const first = await store.prepareImport(result('全年汇总.csv', rows(10)), bytesOf('y1'), {
      kind: 'file',
      name: '全年汇总.csv',
    });
    await store.commitImport(first, new Map());
    const plan = await store.prepareImport(result('全年汇总（重报）.csv', rows(11)), bytesOf('y2'), {
      kind: 'file',
      name: '全年汇总（重报）.csv',
    });
    expect(plan.conflicts).toHaveLength(300);
    const onConfirm = vi.fn();
    renderIn(<PlanReview plan={plan} onConfirm={onConfirm} onCancel={() => undefined} />);
    // Text queries, not role queries: computing accessible names over 300 diffs is slow in jsdom.
    const button = (text: string) => screen.getByText(text, { selector: 'button' });
    const count = screen.getByTestId('plan-decision-count');
    expect(count).toHaveTextContent('共 300 条记录内容不同：将替换 0 条，保留原值 300 条。');
    expect(screen.getAllByText(/已有数据，本次内容不同/, { selector: 'legend' })).toHaveLength(300);
    fireEvent.click(button('全部用新值替换（原值保留为历史版本）'));
    expect(count).toHaveTextContent('将替换 300 条，保留原值 0 条');
    const keepRadios = document.querySelectorAll<HTMLInputElement>('fieldset input[type="radio"]');
    fireEvent.click(keepRadios[14]!); // the 8th conflict's "keep"
    expect(count).toHaveTextContent('将替换 299 条，保留原值 1 条');
    fireEvent.click(button('确认导入'));
    const decided = onConfirm.mock.calls[0]![0] as ReadonlyMap<string, string>;
    expect([...decided.values()].filter((d) => d === 'replace')).toHaveLength(299);
    fireEvent.click(button('全部保留原值'));
    expect(count).toHaveTextContent('将替换 0 条，保留原值 300 条');
    fireEvent.click(button('确认导入'));
    const kept = onConfirm.mock.calls[1]![0] as ReadonlyMap<string, string>;
    expect([...kept.values()].filter((d) => d === 'replace')).toHaveLength(0);
    // jsdom re-checks 600 radios on a bulk change: slow there (seconds), instant in a browser.
  }, 60_000);

  it('offers no import for a file imported before', async () => {
    const { store } = await storeWithHistory();
    const plan = await store.prepareImport(result('四月汇总.csv', []), bytesOf('a'), {
      kind: 'file',
      name: '四月汇总.csv',
    });
    renderIn(<PlanReview plan={plan} onConfirm={() => undefined} onCancel={() => undefined} />, 'en');
    expect(screen.getByRole('status').textContent).toMatch(/already imported on/);
    expect(screen.queryByRole('button', { name: 'Import' })).toBeNull();
  });
});
