// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useSyncExternalStore } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { I18nProvider } from '../../components/i18n-provider';
import type { Township } from '../../domain/records';
import { ingestBytes } from '../../ingest/ingest-file';
import { districtTownships } from '../../store/district-townships';
import { PersistentStore } from '../../store/persistent-store';
import { bytesOf, counterIds, stepClock, uniqueDbName } from '../../store/test-support';
import { ImportPanel, type PlanReviewSlotProps } from './import-panel';
import type { IngestInput, IngestOutcome, IngestRunner } from './ingest-runner';

const stores: PersistentStore[] = [];
afterEach(() => {
  cleanup();
  for (const s of stores.splice(0)) s.close();
});

beforeAll(() => {
  // jsdom's File has no arrayBuffer(); browsers do.
  if (!('arrayBuffer' in File.prototype)) {
    Object.defineProperty(File.prototype, 'arrayBuffer', {
      value(this: File) {
        return new Promise<ArrayBuffer>((resolve) => {
          const reader = new FileReader();
          reader.onload = () => resolve(reader.result as ArrayBuffer);
          reader.readAsArrayBuffer(this);
        });
      },
    });
  }
});

/** The real ingest, as the worker runs it, recording the township list of every call. */
function realRunner(): IngestRunner & { inputs: IngestInput[] } {
  const inputs: IngestInput[] = [];
  return {
    inputs,
    ingest(input) {
      inputs.push(input);
      const promise = input.file.arrayBuffer().then((buf): IngestOutcome => ({
        status: 'done',
        result: ingestBytes(new Uint8Array(buf), {
          fileName: input.fileName,
          knownTownships: input.knownTownships,
          today: '2024-04-10',
        }),
      }));
      return { promise, cancel: () => {} };
    },
  };
}

const NoReview = (_: PlanReviewSlotProps) => null;

// The district as the sample declares it (official order, aliases).
const DISTRICT: Township[] = [
  { name: '东关街道', type: 'jiedao', code: '419901001', aliases: ['东关办事处'] },
  { name: '城关镇', type: 'zhen', code: '419901101', aliases: ['城关'] },
  { name: '柳河镇', type: 'zhen', code: '419901103', aliases: [] },
  { name: '小召乡', type: 'xiang', code: '419901201', aliases: ['小召'] },
];

/** A store holding the sample-like batch that declared DISTRICT (no settings saved). */
async function heldStore(): Promise<PersistentStore> {
  const store = await PersistentStore.open({
    dbName: uniqueDbName('panel-towns'),
    now: stepClock(),
    newId: counterIds('b'),
    channelName: null,
    storage: null,
    locks: null,
  });
  stores.push(store);
  const sample = JSON.stringify({
    schema_version: '1',
    district: '云川区',
    townships: DISTRICT,
    township_month: DISTRICT.map((t) => ({ township: t.name, period: '2024-02', hazards_found: 2 })),
  });
  const result = ingestBytes(bytesOf(sample), {
    fileName: 'dataset.json',
    knownTownships: [],
    today: '2024-04-10',
  });
  expect(result.counts.accepted).toBe(4);
  const plan = await store.prepareImport(result, bytesOf(sample), { kind: 'sample', name: 'dataset.json' });
  await store.commitImport(plan, new Map());
  return store;
}

/** The panel wired as the app wires it (src/app/routes/store-routes.tsx usePlanning). */
function Panel({ store, runner }: { store: PersistentStore; runner: IngestRunner }) {
  const snap = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const d = districtTownships(snap);
  return (
    <ImportPanel
      store={store}
      runner={runner}
      now={() => '2024-04-10T01:00:00.000Z'}
      planning={{
        store,
        Review: NoReview,
        knownTownships: d.townships,
        townshipSource: d.source,
        formatTime: (iso) => iso,
      }}
    />
  );
}

function setup(store: PersistentStore) {
  const runner = realRunner();
  render(
    <I18nProvider lang="zh-CN">
      <Panel store={store} runner={runner} />
    </I18nProvider>,
  );
  return { user: userEvent.setup(), runner, input: screen.getByTestId('file-input') as HTMLInputElement };
}

const csv = (name: string, rows: string[]) =>
  new File(['乡镇（街道）,月份,排查隐患（处）,已整改（处）\n' + rows.join('\n') + '\n'], name, {
    type: 'text/csv',
  });

const storedMarch = (store: PersistentStore) =>
  store
    .getSnapshot()
    .dataset.townshipMonths.filter((r) => r.period === '2024-03')
    .map((r) => [r.township, r.hazards_found, r.source.line]);

// The decisions' effect on what is read and stored is tested on the controller
// (import-controller.test.ts); these check the decision form the panel renders and its wiring.
describe('ImportPanel: township names against the district list', () => {
  it('holds unknown names for a decision per name; map, add and reject, and the counts add up', async () => {
    const store = await heldStore();
    const { user, runner, input } = setup(store);
    await user.upload(
      input,
      csv('3月汇总.csv', [
        '东关街道,2024年3月,6,5',
        '城光镇,2024年3月,4,4',
        '新城镇,2024年3月,2,1',
        'constructor,2024年3月,1,1',
      ]),
    );
    const report = await screen.findByRole('article', { name: '导入报告：3月汇总.csv' });
    expect(within(report).getByRole('heading', { name: /3 个名称不在本区乡镇名单中/ })).toBeInTheDocument();
    // Before deciding: counted as rejected, nothing stored.
    expect(within(report).getByTestId('count-rejected')).toHaveTextContent('3');
    expect(storedMarch(store)).toEqual([]);

    const typo = within(report).getByRole('group', { name: /“城光镇”：1 条记录（第 3 行）/ });
    // The closest district township is proposed.
    expect(within(typo).getByRole('combobox')).toHaveValue('城关镇');
    await user.click(within(typo).getByRole('radio', { name: /是本区的/ }));
    const fresh = within(report).getByRole('group', { name: /“新城镇”/ });
    await user.click(within(fresh).getByRole('radio', { name: /作为新乡镇“新城镇”加入本区名单/ }));
    const confirm = within(report).getByRole('button', { name: '确认并导入' });
    expect(confirm).toBeDisabled();
    const odd = within(report).getByRole('group', { name: /“constructor”/ });
    await user.click(within(odd).getByRole('radio', { name: /拒绝这些记录/ }));
    expect(within(report).getByTestId('township-tally')).toHaveTextContent(
      '确认后：1 条改为本区乡镇，1 条作为新乡镇，1 条拒绝；尚未选择 0 条。',
    );
    await user.click(confirm);

    expect(await screen.findByText(/新增 3 条.*另有 1 条记录被拒绝/)).toBeInTheDocument();
    expect(storedMarch(store)).toEqual([
      ['东关街道', 6, 2],
      ['城关镇', 4, 3],
      ['新城镇', 2, 4],
    ]);
    // Read again with the decisions: the typo as an alias, the new township appended.
    const second = runner.inputs[1]!.knownTownships;
    expect(second.find((t) => t.name === '城关镇')?.aliases).toEqual(['城关', '城光镇']);
    expect(second.at(-1)?.name).toBe('新城镇');
    // The stored report counts every row: 4 data rows + header = 3 accepted + 1 rejected + 1 ignored.
    const saved = store.getSnapshot().batches[0]!;
    expect(saved.counts).toEqual({ total: 5, accepted: 3, rejected: 1, ignored: 1 });
    expect(saved.rejectedRows.map((r) => r.line)).toEqual([5]);
    // The new township is now the district's: the next file with it needs no decision.
    expect(districtTownships(store.getSnapshot()).townships.map((t) => t.name)).toContain('新城镇');
  });

  it('against a one-township list, a valid file is never "0 identical": its report lists every row', async () => {
    const store = await heldStore();
    // What the old settings form produced: the district replaced by the one township added.
    await store.saveSettings({ townships: [{ name: '新区街道', type: 'jiedao', code: null, aliases: [] }] });
    const { user, input } = setup(store);
    await user.upload(input, csv('3月.csv', ['东关街道,2024年3月,6,5', '小召乡,2024年3月,3,3']));
    const report = await screen.findByRole('article', { name: '导入报告：3月.csv' });
    expect(within(report).getByTestId('count-total')).toHaveTextContent('3');
    expect(within(report).getByTestId('count-rejected')).toHaveTextContent('2');
    expect([...report.querySelectorAll('fieldset > legend')].map((l) => l.textContent)).toEqual([
      '“东关街道”：1 条记录（第 2 行）',
      '“小召乡”：1 条记录（第 3 行）',
    ]);
    // Cancelling saves nothing and keeps the report, with an outcome line.
    await user.click(within(report).getByRole('button', { name: '取消导入' }));
    expect(await screen.findByText('3月.csv：已取消，未保存任何数据。')).toBeInTheDocument();
    expect(screen.getByRole('article', { name: '导入报告：3月.csv' })).toBeInTheDocument();
    expect(screen.queryByText(/与已有数据完全相同/)).toBeNull();
    expect(storedMarch(store)).toEqual([]);
  });
});
