import { describe, expect, it } from 'vitest';
import type { FileIngestResult } from '../ingest/types';
import { encodeRecordChunk } from '../workers/record-chunks-encode';
import type { IngestRequest, IngestResponse, RecordListName } from '../workers/ingest-protocol';
import { createIngestClient, type WorkerLike } from './ingest-client';

/** A fake worker that records requests; the test answers them by hand. */
class FakeWorker implements WorkerLike {
  static all: FakeWorker[] = [];
  requests: IngestRequest[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent<IngestResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  constructor() {
    FakeWorker.all.push(this);
  }
  postMessage(message: IngestRequest) {
    this.requests.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  reply(msg: IngestResponse) {
    this.onmessage?.({ data: msg } as MessageEvent<IngestResponse>);
  }
}

/** A records message as the worker posts it: the chunk in columns. */
const chunk = (id: number, list: RecordListName, records: Record<string, unknown>[]): IngestResponse => ({
  type: 'records',
  id,
  list,
  ...encodeRecordChunk(records),
});

/** A result message's record counts when no records follow. */
const NONE = { townshipMonths: 0, hazards: 0, problems: 0 };

const result = (file: string) =>
  ({ file, status: 'ok', townshipMonths: [], hazards: [], problems: [] }) as unknown as FileIngestResult;
const input = (name: string) => ({ fileName: name, file: new Blob(['abcd']), knownTownships: [] });
const done = (file: string, sha256: string | null = null) => ({
  status: 'done',
  result: result(file),
  sha256,
});

function setup() {
  FakeWorker.all = [];
  return createIngestClient({ createWorker: () => new FakeWorker(), today: () => '2022-05-10' });
}

describe('createIngestClient', () => {
  it('runs jobs one at a time, passes today and relays progress', async () => {
    const client = setup();
    const seen: number[] = [];
    const a = client.ingest(input('a.csv'), (p) => seen.push(p.done));
    const b = client.ingest(input('b.csv'));
    const w = FakeWorker.all[0]!;
    expect(w.requests.map((r) => [r.fileName, r.today])).toEqual([['a.csv', '2022-05-10']]);
    w.reply({ type: 'progress', id: w.requests[0]!.id, progress: { phase: 'parse', done: 3, total: 10 } });
    w.reply({ type: 'result', id: w.requests[0]!.id, result: result('a.csv'), records: NONE });
    w.reply({ type: 'done', id: w.requests[0]!.id, sha256: 'ab12' });
    expect(await a.promise).toEqual(done('a.csv', 'ab12'));
    expect(seen).toEqual([3]);
    expect(w.requests.map((r) => r.fileName)).toEqual(['a.csv', 'b.csv']);
    w.reply({ type: 'failure', id: w.requests[1]!.id, message: 'bug' });
    expect(await b.promise).toEqual({ status: 'failed', message: 'bug' });
  });

  it('cancels the running job by terminating the worker and continues on a new one', async () => {
    const client = setup();
    const a = client.ingest(input('a.csv'));
    const b = client.ingest(input('b.csv'));
    a.cancel();
    expect(await a.promise).toEqual({ status: 'cancelled' });
    expect(FakeWorker.all[0]!.terminated).toBe(true);
    const w2 = FakeWorker.all[1]!;
    expect(w2.requests.map((r) => r.fileName)).toEqual(['b.csv']);
    w2.reply({ type: 'result', id: w2.requests[0]!.id, result: result('b.csv'), records: NONE });
    w2.reply({ type: 'done', id: w2.requests[0]!.id, sha256: null });
    expect((await b.promise).status).toBe('done');
  });

  it('cancels a queued job without touching the worker and ignores stale messages', async () => {
    const client = setup();
    const a = client.ingest(input('a.csv'));
    const b = client.ingest(input('b.csv'));
    b.cancel();
    expect(await b.promise).toEqual({ status: 'cancelled' });
    const w = FakeWorker.all[0]!;
    expect(w.terminated).toBe(false);
    w.reply(chunk(999, 'hazards', [{ township: 'stale' }]));
    w.reply({ type: 'result', id: 999, result: result('stale'), records: NONE });
    w.reply({ type: 'done', id: 999, sha256: null });
    w.reply({ type: 'result', id: w.requests[0]!.id, result: result('a.csv'), records: NONE });
    w.reply({ type: 'done', id: w.requests[0]!.id, sha256: null });
    expect(await a.promise).toEqual(done('a.csv'));
    expect(w.requests).toHaveLength(1);
  });

  it('hands the worker the File itself and puts record chunks back together in order', async () => {
    const client = setup();
    const file = new Blob(['乡镇,月份\n']);
    const heads: FileIngestResult[] = [];
    const progress: string[] = [];
    const a = client.ingest(
      { fileName: 'a.csv', file, knownTownships: [] },
      (p) => progress.push(`${p.phase} ${p.done}/${p.total}`),
      (r) => heads.push(r),
    );
    const w = FakeWorker.all[0]!;
    // The Blob is passed as it is (structured clone shares it): nothing read on the page.
    expect(w.requests[0]!.file).toBe(file);
    const id = w.requests[0]!.id;
    w.reply({
      type: 'result',
      id,
      result: result('a.csv'),
      records: { townshipMonths: 1, hazards: 3, problems: 0 },
    });
    // The result without its records is passed on at once, for the import report.
    expect(heads.map((r) => [r.file, r.hazards.length])).toEqual([['a.csv', 0]]);
    expect(progress).toEqual(['receive 0/4']);
    let settled = false;
    void a.promise.then(() => (settled = true));
    w.reply(chunk(id, 'hazards', [{ n: 1 }, { n: 2 }]));
    w.reply(chunk(id, 'townshipMonths', [{ n: 9 }]));
    w.reply(chunk(id, 'hazards', [{ n: 3 }]));
    await Promise.resolve();
    expect(settled).toBe(false);
    w.reply({ type: 'done', id, sha256: 'ff' });
    const out = await a.promise;
    expect(heads).toHaveLength(1);
    expect(out.status === 'done' && out.result.hazards).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect(out.status === 'done' && out.result.townshipMonths).toEqual([{ n: 9 }]);
    expect(out.status === 'done' && out.result.problems).toEqual([]);
    expect(out.status === 'done' && out.sha256).toBe('ff');
    // The records' hand-over is a progress step of its own, counted in records.
    expect(progress).toEqual(['receive 0/4', 'receive 2/4', 'receive 3/4', 'receive 4/4']);
  });

  it('a cancelled job drops the chunks it had received; the next job starts empty', async () => {
    const client = setup();
    const a = client.ingest(input('a.csv'));
    const b = client.ingest(input('b.csv'));
    const w = FakeWorker.all[0]!;
    w.reply(chunk(w.requests[0]!.id, 'hazards', [{ n: 1 }]));
    a.cancel();
    expect(await a.promise).toEqual({ status: 'cancelled' });
    const w2 = FakeWorker.all[1]!;
    w2.reply({ type: 'result', id: w2.requests[0]!.id, result: result('b.csv'), records: NONE });
    w2.reply({ type: 'done', id: w2.requests[0]!.id, sha256: null });
    expect(await b.promise).toEqual(done('b.csv'));
  });

  it('fails a job whose records end without a result, rather than returning an empty one', async () => {
    const client = setup();
    const a = client.ingest(input('a.csv'));
    const w = FakeWorker.all[0]!;
    w.reply(chunk(w.requests[0]!.id, 'hazards', [{ n: 1 }]));
    w.reply({ type: 'done', id: w.requests[0]!.id, sha256: null });
    expect(await a.promise).toEqual({ status: 'failed', message: 'records ended before the result' });
  });
});
