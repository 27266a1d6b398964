// @vitest-environment jsdom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FileIngestResult } from '../../ingest/types';
import { createMemoryStore } from '../../store/memory-store';
import { makeRecord } from '../data-table/test-records';
import { ImportPanel } from './import-panel';
import type { IngestInput, IngestOutcome, IngestRunner, ReadProgress } from './ingest-runner';

afterEach(cleanup);

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

interface Call {
  input: IngestInput;
  progress?: (p: ReadProgress) => void;
  finish: (o: IngestOutcome) => void;
  cancelled: boolean;
}

/** A runner the test drives by hand. */
function fakeRunner(): IngestRunner & { calls: Call[] } {
  const calls: Call[] = [];
  return {
    calls,
    ingest(input, progress) {
      let finish: (o: IngestOutcome) => void = () => {};
      const promise = new Promise<IngestOutcome>((r) => (finish = r));
      const call: Call = { input, progress, finish, cancelled: false };
      calls.push(call);
      return {
        promise,
        cancel() {
          call.cancelled = true;
          finish({ status: 'cancelled' });
        },
      };
    },
  };
}

const okResult = (file: string): FileIngestResult => ({
  file,
  bytes: 10,
  encoding: 'utf-8-bom',
  format: 'csv',
  delimiter: ',',
  recordKind: 'township_month',
  headerLine: 1,
  columns: [],
  status: 'ok',
  counts: { total: 2, accepted: 1, rejected: 0, ignored: 1 },
  issues: [],
  ignored: [{ line: 1, reason: 'header', raw: '乡镇,月份' }],
  rejectedRows: [],
  townshipMonths: [makeRecord('小召乡', '2022-04', { hazards_found: 3, source: { file, line: 2 } })],
  hazards: [],
  problems: [],
  townships: [],
  district: null,
});

const csv = (name: string) => new File(['乡镇,月份\n小召乡,2022-04\n'], name, { type: 'text/csv' });

async function setup() {
  const user = userEvent.setup();
  const store = createMemoryStore();
  const runner = fakeRunner();
  render(<ImportPanel store={store} runner={runner} now={() => '2022-05-10T09:00:00+08:00'} />);
  return { user, store, runner, input: screen.getByTestId('file-input') as HTMLInputElement };
}

const waitForCalls = async (runner: { calls: Call[] }, n: number) => {
  for (let i = 0; i < 50 && runner.calls.length < n; i++)
    await act(() => new Promise((r) => setTimeout(r, 5)));
  expect(runner.calls).toHaveLength(n);
};

describe('ImportPanel', () => {
  it('names every format and encoding the importer reads, and the picker accepts them', async () => {
    const { input } = await setup();
    const hint = screen.getByTestId('dropzone').querySelector('.dropzone__hint')?.textContent ?? '';
    for (const name of [
      'CSV',
      'TSV',
      'TXT',
      'JSON Lines',
      'XLSX',
      'DOCX',
      'DOC)',
      'UTF-8',
      'GB18030',
      'UTF-16',
    ])
      expect(hint).toContain(name);
    expect(hint).not.toContain('CSV / JSON');
    // Each extension the picker offers is named in the hint, so the two cannot drift apart.
    const extensions = input.accept.split(',').filter((a) => a.startsWith('.'));
    expect(extensions).toEqual(['.csv', '.tsv', '.txt', '.json', '.jsonl', '.xlsx', '.docx', '.doc']);
  });

  it('imports several files, shows progress per file, then a report per file', async () => {
    const { user, store, runner, input } = await setup();
    await user.upload(input, [csv('小召乡.csv'), csv('城关镇.csv')]);
    await waitForCalls(runner, 2);
    expect(runner.calls.map((c) => c.input.fileName)).toEqual(['小召乡.csv', '城关镇.csv']);

    act(() => runner.calls[0]!.progress?.({ phase: 'parse', done: 5, total: 10 }));
    const bars = screen.getAllByRole('progressbar');
    expect(bars).toHaveLength(2);
    expect(bars[0]).toHaveAttribute('value', '40');
    expect(screen.getByText(/小召乡\.csv：解析 40%/)).toBeInTheDocument();
    // The records' hand-over to the page: its own step and count, still cancellable.
    act(() => runner.calls[1]!.progress?.({ phase: 'receive', done: 5_000, total: 20_000 }));
    expect(screen.getByText(/城关镇\.csv：接收记录 25%/)).toBeInTheDocument();
    expect(screen.getAllByTestId('job-counts').map((e) => e.textContent)).toContain(
      '已接收 5,000 / 20,000 条记录',
    );
    expect(screen.getAllByRole('button', { name: '取消' })).toHaveLength(2);

    await act(async () => runner.calls[0]!.finish({ status: 'done', result: okResult('小召乡.csv') }));
    expect(screen.getAllByRole('progressbar')).toHaveLength(1);
    const report = screen.getByRole('article', { name: '导入报告：小召乡.csv' });
    expect(within(report).getByTestId('encoding')).toHaveTextContent('UTF-8（带 BOM）');
    expect(store.getSnapshot().dataset.townshipMonths).toHaveLength(1);
  });

  it('cancels a running file and reports a failed one', async () => {
    const { user, runner, input } = await setup();
    await user.upload(input, [csv('a.csv'), csv('b.csv')]);
    await waitForCalls(runner, 2);
    await user.click(screen.getAllByRole('button', { name: '取消' })[0]!);
    expect(runner.calls[0]!.cancelled).toBe(true);
    expect(await screen.findByText('a.csv：已取消')).toBeInTheDocument();
    await act(async () => runner.calls[1]!.finish({ status: 'failed', message: 'worker crashed' }));
    expect(screen.getByRole('alert')).toHaveTextContent('b.csv：导入失败（worker crashed）');
  });
});
