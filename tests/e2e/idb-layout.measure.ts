/**
 * How the layout of stored hazards decides import and reload time (issue 13, target 2). Not a
 * test: the `.measure.ts` name keeps it out of the default run, and it asserts nothing. In the
 * built app's origin, with plain IndexedDB in Debian Chromium, it writes and reads back N hazards
 * (the shape the store keeps: a record with its key, kind, batch and position) three ways, each in
 * one strict-durability transaction as the store commits:
 *   - rows:     one IndexedDB row per hazard, written 1,000 per bulk step (today's layout);
 *   - packed:   one row per block of 2,000 hazards, the block an array of the same objects;
 *   - columnar: one row per block of 2,000 hazards, one array per field, repeated text as
 *               dictionary indices in typed arrays (Uint32Array);
 *   - narrow:   columnar with each field's indices as narrow as its dictionary allows (Uint8Array
 *               up to 256 entries, Uint16Array up to 65,536), as the store writes them now.
 * and prints write time, read-all time and the longest main-thread task of each.
 *
 *   npx vite build && MEASURE_ROWS=100000 DASHBOARD_E2E_PORT=4332 \
 *     npx playwright test -c tests/e2e/dashboard.config.ts idb-layout.measure.ts
 */
import { test } from '@playwright/test';
import { LEDGER_TODAY, ledgerCsv } from '../../scripts/sample/ledger';
import { ingestBytes } from '../../src/ingest/ingest-file';

const ROWS = Number(process.env.MEASURE_ROWS ?? 100_000);

test('stored hazard layouts: write and read-all', async ({ page }) => {
  test.setTimeout(1_800_000);
  const ingest = ingestBytes(new TextEncoder().encode(ledgerCsv(ROWS)), {
    fileName: '台账.csv',
    today: LEDGER_TODAY,
    knownTownships: [],
  });
  await page.goto('/?view=data');
  await page.getByTestId('row-count').waitFor();
  // The records go to the page in slices (one evaluate of 100k objects is one message).
  await page.evaluate(() => ((window as unknown as { __h: unknown[] }).__h = []));
  for (let i = 0; i < ingest.hazards.length; i += 20_000) {
    await page.evaluate(
      (part) => {
        (window as unknown as { __h: unknown[] }).__h.push(...part);
      },
      ingest.hazards.slice(i, i + 20_000),
    );
  }
  const out = await page.evaluate(async () => {
    const hazards = (window as unknown as { __h: Record<string, unknown>[] }).__h;
    let longest = 0;
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) longest = Math.max(longest, e.duration);
    }).observe({ type: 'longtask' });
    const req = <T>(r: IDBRequest<T>) =>
      new Promise<T>((res, rej) => {
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
    const open = (name: string) =>
      new Promise<IDBDatabase>((res, rej) => {
        const r = indexedDB.open(name, 1);
        r.onupgradeneeded = () => r.result.createObjectStore('records', { keyPath: 'id' });
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
    const done = (tx: IDBTransaction) =>
      new Promise<void>((res, rej) => {
        tx.oncomplete = () => res();
        tx.onerror = () => rej(tx.error);
      });
    const pause = () => new Promise((r) => setTimeout(r, 0));
    const stored = hazards.map((record, i) => ({
      id: `hazard\u0001${String(record.township)}\u0001${String(record.date_found)}\u0001${String(record.description)}\u0001${i}`,
      kind: 'hazard',
      batchId: 'b1',
      batchSeq: 1,
      ordinal: i,
      record,
    }));
    const FIELDS = [
      'township',
      'date_found',
      'period',
      'sector',
      'level',
      'description',
      'status',
      'rectified_date',
      'deadline',
      'village',
      'unit_name',
    ] as const;
    const columnar = (part: typeof stored, narrow = false) => {
      const cols: Record<string, unknown> = { ids: part.map((s) => s.id) };
      for (const f of FIELDS) {
        const dict = new Map<unknown, number>();
        const idx = new Uint32Array(part.length);
        part.forEach((s, i) => {
          const v = s.record[f];
          let k = dict.get(v);
          if (k === undefined) dict.set(v, (k = dict.size));
          idx[i] = k;
        });
        // narrow: one byte a code up to 256 entries, two up to 65,536 (src/domain/columns.ts).
        const codes = !narrow
          ? idx
          : dict.size <= 256
            ? Uint8Array.from(idx)
            : dict.size <= 65_536
              ? Uint16Array.from(idx)
              : idx;
        cols[f] =
          dict.size < part.length / 2 ? { dict: [...dict.keys()], idx: codes } : part.map((s) => s.record[f]);
      }
      cols.line = Int32Array.from(part, (s) => (s.record.source as { line: number }).line);
      return cols;
    };
    const results: Record<string, string> = {};
    for (const layout of ['rows', 'packed', 'columnar', 'narrow'] as const) {
      const db = await open(`layout-${layout}-${Date.now()}`);
      await pause();
      longest = 0;
      let t = performance.now();
      const tx = db.transaction('records', 'readwrite', { durability: 'strict' });
      const os = tx.objectStore('records');
      if (layout === 'rows') {
        for (let i = 0; i < stored.length; i += 1000) {
          const part = stored.slice(i, i + 1000);
          await Promise.all(part.map((s) => req(os.add(s))));
        }
      } else {
        for (let i = 0, n = 0; i < stored.length; i += 2000, n++) {
          const part = stored.slice(i, i + 2000);
          const value = layout === 'packed' ? { records: part } : columnar(part, layout === 'narrow');
          await req(os.add({ id: `block\u0001b1\u0001${String(n).padStart(6, '0')}`, ...value }));
        }
      }
      await done(tx);
      const write = performance.now() - t;
      const writeTask = longest;
      await new Promise((r) => setTimeout(r, 500));
      longest = 0;
      t = performance.now();
      const rtx = db.transaction('records', 'readonly');
      const all = await req(rtx.objectStore('records').getAll());
      const read = performance.now() - t;
      results[layout] =
        `write ${write.toFixed(0)} ms (longest task ${writeTask.toFixed(0)} ms), ` +
        `read all ${read.toFixed(0)} ms (longest task ${longest.toFixed(0)} ms), ${all.length} rows`;
      db.close();
    }
    return results;
  });
  console.log(`${ROWS} hazards (${ingest.hazards.length} accepted):`);
  for (const [k, v] of Object.entries(out)) console.log(`  ${k.padEnd(9)} ${v}`);
});
