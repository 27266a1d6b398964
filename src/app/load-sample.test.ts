import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FileIngestResult } from '../ingest/types';
import type { IngestRunner } from '../features/import/ingest-runner';
import { datasetPathFromManifest, loadSample } from './load-sample';

const enc = (s: string) => new TextEncoder().encode(s).buffer as ArrayBuffer;

describe('datasetPathFromManifest', () => {
  it.each([
    ['{"files":[{"path":"dataset.json","kind":"dataset"}]}', 'dataset.json'],
    [
      '{"files":[{"path":"h.csv","kind":"hazards"},{"path":"yunchuan-2026.json","kind":"dataset"}]}',
      'yunchuan-2026.json',
    ],
    ['{"files":[{"path":"../../etc/passwd.json","kind":"dataset"}]}', 'dataset.json'],
    ['{"files":[{"path":"https://evil.example/x.json","kind":"dataset"}]}', 'dataset.json'],
    ['{"files":"nope"}', 'dataset.json'],
    ['null', 'dataset.json'],
    ['not json', 'dataset.json'],
  ])('%s → %s', (manifest, expected) => {
    expect(datasetPathFromManifest(enc(manifest))).toBe(expected);
  });
});

describe('loadSample', () => {
  afterEach(() => vi.unstubAllGlobals());

  const okRunner = (status: 'ok' | 'rejected'): IngestRunner => ({
    ingest: (input) => ({
      promise: Promise.resolve({
        status: 'done',
        result: {
          file: input.fileName,
          status,
          bytes: input.file.size,
        } as unknown as FileIngestResult,
      }),
      cancel: () => {},
    }),
  });

  const stubFetch = (routes: Record<string, number | string>) =>
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        const r = routes[url];
        if (r === undefined) throw new TypeError('Failed to fetch');
        return typeof r === 'number' ? new Response('', { status: r }) : new Response(r, { status: 200 });
      }),
    );

  it('fetches the manifest, then the dataset it names, and ingests it', async () => {
    stubFetch({
      './sample/manifest.json': '{"files":[{"path":"d.json","kind":"dataset"}]}',
      './sample/d.json': '{"schema_version":"1"}',
    });
    const out = await loadSample(okRunner('ok'), () => 'T', new AbortController().signal);
    expect(out).toEqual({
      ok: true,
      entry: { id: 'sample', importedAt: 'T', result: { file: 'd.json', status: 'ok', bytes: 22 } },
      bytes: new TextEncoder().encode('{"schema_version":"1"}'),
    });
  });

  it.each([
    [
      'manifest 404',
      { './sample/manifest.json': 404 },
      { kind: 'http', url: './sample/manifest.json', status: 404 },
    ],
    [
      'dataset unreachable',
      { './sample/manifest.json': '{}' },
      { kind: 'network', url: './sample/dataset.json' },
    ],
  ] as const)('reports %s', async (_n, routes, error) => {
    stubFetch(routes);
    expect(await loadSample(okRunner('ok'), () => 'T', new AbortController().signal)).toEqual({
      ok: false,
      error,
    });
  });

  it('requests the default dataset while the manifest is still on its way', async () => {
    let answerManifest = (_: Response) => {};
    const signals = new Map<string, AbortSignal | undefined>();
    const fetchMock = vi.fn((url: string, init?: RequestInit) => {
      signals.set(url, init?.signal ?? undefined);
      if (url === './sample/manifest.json')
        return new Promise<Response>((resolve) => {
          answerManifest = resolve;
        });
      return Promise.resolve(new Response('{"schema_version":"1"}'));
    });
    vi.stubGlobal('fetch', fetchMock);
    const out = loadSample(okRunner('ok'), () => 'T', new AbortController().signal);
    await vi.waitUntil(() => fetchMock.mock.calls.length === 2);
    expect(fetchMock.mock.calls.map((c) => c[0]).sort()).toEqual([
      './sample/dataset.json',
      './sample/manifest.json',
    ]);
    answerManifest(new Response('{"files":[{"path":"dataset.json","kind":"dataset"}]}'));
    expect((await out).ok).toBe(true);
    // Nothing fetched twice.
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(signals.get('./sample/dataset.json')?.aborted).toBe(false);
  });

  it('cancels that early request when the manifest names another file', async () => {
    const signals = new Map<string, AbortSignal | undefined>();
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        signals.set(url, init?.signal ?? undefined);
        if (url === './sample/manifest.json')
          return new Response('{"files":[{"path":"d.json","kind":"dataset"}]}');
        return new Response(url === './sample/d.json' ? '{"schema_version":"1"}' : 'other');
      }),
    );
    const out = await loadSample(okRunner('ok'), () => 'T', new AbortController().signal);
    expect(out.ok && out.entry.result.file).toBe('d.json');
    expect(signals.get('./sample/dataset.json')?.aborted).toBe(true);
    expect(signals.get('./sample/d.json')?.aborted).toBe(false);
  });

  it('reports a sample that failed validation, with its report', async () => {
    stubFetch({ './sample/manifest.json': '{}', './sample/dataset.json': '[]' });
    const out = await loadSample(okRunner('rejected'), () => 'T', new AbortController().signal);
    expect(out.ok).toBe(false);
    expect(!out.ok && out.error.kind).toBe('rejected');
  });
});
