// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FileIngestResult } from '../../ingest/types';
import type { CommitOutcome, ImportPlan } from '../../store/persist-types';
import { PersistentStore } from '../../store/persistent-store';
import { counterIds, result, stepClock, tm, uniqueDbName } from '../../store/test-support';
import { ImportPanel, type ImportPlanning, type PlanReviewSlotProps } from './import-panel';
import type { IngestInput, IngestRunner } from './ingest-runner';

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

/** A runner that answers from a table of results by file name, recording its inputs. */
function tableRunner(
  results: ReadonlyMap<string, FileIngestResult>,
): IngestRunner & { inputs: IngestInput[] } {
  const inputs: IngestInput[] = [];
  return {
    inputs,
    ingest(input) {
      inputs.push(input);
      const r = results.get(input.fileName);
      return {
        promise: Promise.resolve(
          r ? { status: 'done', result: r } : { status: 'failed', message: 'no fixture' },
        ),
        cancel: () => {},
      };
    },
  };
}

/** Stand-in for the history feature's PlanReview: lists the conflicts, replaces all or cancels. */
function FakeReview({ plan, onConfirm, onCancel }: PlanReviewSlotProps) {
  return (
    <section aria-label="review">
      <ul>
        {plan.conflicts.map((c) => (
          <li key={c.key}>
            {c.township} {c.period}:{' '}
            {c.diffs.map((d) => `${d.field} ${String(d.old)}→${String(d.new)}`).join('; ')}
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => onConfirm(new Map(plan.conflicts.map((c) => [c.key, 'replace'])))}>
        replace all
      </button>
      <button type="button" onClick={onCancel}>
        cancel review
      </button>
    </section>
  );
}

const APRIL = 'xiaozhao-2022-04.csv';
const CORRECTED = 'xiaozhao-2022-04-corrected.csv';
const RESULTS = new Map<string, FileIngestResult>([
  [APRIL, result(APRIL, [tm('小召乡', '2022-04', { hazards_found: 3, hazards_rectified: 2 })])],
  [CORRECTED, result(CORRECTED, [tm('小召乡', '2022-04', { hazards_found: 5, hazards_rectified: 2 })])],
]);

const fileOf = (name: string, text = `乡镇,月份\n小召乡,2022-04 (${name})\n`) =>
  new File([text], name, { type: 'text/csv' });

async function setup(options: { store?: ImportPlanning['store'] } = {}) {
  const store = await PersistentStore.open({
    dbName: uniqueDbName('panel'),
    now: stepClock(),
    newId: counterIds('b'),
    channelName: null,
    storage: null,
    locks: null,
  });
  stores.push(store);
  const runner = tableRunner(RESULTS);
  const planning: ImportPlanning = {
    store: options.store ?? store,
    Review: FakeReview,
    knownTownships: [],
    formatTime: (iso) => `<${iso}>`,
  };
  render(
    <ImportPanel store={store} runner={runner} now={() => '2022-05-10T01:00:00.000Z'} planning={planning} />,
  );
  const input = screen.getByTestId('file-input') as HTMLInputElement;
  return { user: userEvent.setup(), store, runner, input };
}

const hazardsFound = (store: PersistentStore) =>
  store.getSnapshot().dataset.townshipMonths.map((r) => [r.township, r.hazards_found]);

// The workflow itself (duplicates, nothing new, cancel, stale retries, township lists) is tested
// on the controller in import-controller.test.ts; these check what the panel renders of it.
describe('ImportPanel with the persistent store', () => {
  it('commits a new file, and a second import of the same bytes changes nothing and says when', async () => {
    const { user, store, input } = await setup();
    await user.upload(input, fileOf(APRIL));
    expect(await screen.findByText(/已保存：新增 1 条/)).toBeInTheDocument();
    expect(hazardsFound(store)).toEqual([['小召乡', 3]]);
    // The committed batch's report is listed (from the store) and open.
    expect(screen.getByRole('article', { name: `导入报告：${APRIL}` })).toBeInTheDocument();

    await user.upload(input, fileOf(APRIL));
    expect(await screen.findByText(/该文件已于 <2022-05-01T08:00:00.000Z> 导入/)).toBeInTheDocument();
    expect(store.getSnapshot().batches).toHaveLength(1);
    expect(hazardsFound(store)).toEqual([['小召乡', 3]]);
  });

  it('holds a changed resubmission for review; replace stores the new value and keeps the old as a revision', async () => {
    const { user, store, input } = await setup();
    await user.upload(input, fileOf(APRIL));
    await screen.findByText(/已保存/);
    await user.upload(input, fileOf(CORRECTED));
    const review = await screen.findByRole('region', { name: 'review' });
    expect(screen.getByText(`${CORRECTED} 与已有数据有 1 处不同，请逐条选择后确认。`)).toBeInTheDocument();
    expect(within(review).getByRole('listitem')).toHaveTextContent('小召乡 2022-04: hazards_found 3→5');
    // Nothing is written while the user decides.
    expect(hazardsFound(store)).toEqual([['小召乡', 3]]);

    await user.click(within(review).getByRole('button', { name: 'replace all' }));
    expect(await screen.findByText(/替换 1 条/)).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'review' })).toBeNull();
    expect(hazardsFound(store)).toEqual([['小召乡', 5]]);
    expect(await store.listRevisions()).toHaveLength(1);
  });

  it.each<[string, CommitOutcome, RegExp, 'alert' | null]>([
    [
      'storage full',
      { kind: 'failed', reason: 'quota', detail: 'QuotaExceededError' },
      /存储空间不足.*导出全部数据（备份）/,
      'alert',
    ],
    ['stale three times', { kind: 'stale' }, /另一窗口刚刚修改了相同的数据/, null],
  ])('reports a commit that ends %s', async (_label, outcome, text, role) => {
    let prepared = 0;
    let committed = 0;
    const failing: ImportPlanning['store'] = {
      prepareImport: async (res, _bytes, source): Promise<ImportPlan> => {
        prepared++;
        return {
          batchId: 'x',
          source,
          hash: 'h',
          result: res,
          duplicateOf: null,
          newRecords: [],
          identical: 0,
          duplicateInFile: 0,
          conflicts: [],
        };
      },
      commitImport: async () => {
        committed++;
        return outcome;
      },
    };
    const { user, input } = await setup({ store: failing });
    await user.upload(input, fileOf(APRIL));
    const line = await screen.findByText(text);
    expect(line.getAttribute('role')).toBe(role);
    // A stale plan is made again (bounded); other failures are not retried.
    expect([prepared, committed]).toEqual(outcome.kind === 'stale' ? [3, 3] : [1, 1]);
    await act(async () => {});
  });
});
