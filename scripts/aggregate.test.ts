/**
 * One rule for the hazard tally (docs/scale-out.md): the DuckDB aggregate (sql/hazard-tally.sql via
 * scripts/hazard-aggregate.ts) equals, cell by cell, the in-browser tally
 * (src/analysis/hazard-tally.ts) of the app's own ingest of the same ledger, with the same
 * accounting; and an agg.json imported into the app (ingest → store → dataset → cube) gives the
 * same hazard figures as importing the ledger itself.
 */
import 'fake-indexeddb/auto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCube, type Cube } from '../src/analysis/cube';
import { LEDGER_FIELDS, townshipMonthFigure } from '../src/analysis/hazard-figures';
import { mergeTallyRows, tallyHazardLedger } from '../src/analysis/hazard-tally';
import type { Dataset, Township } from '../src/domain/records';
import { SECTOR_CODES } from '../src/domain/sectors';
import { ingestAnyBytes } from '../src/ingest/ingest-any-file';
import type { FileIngestResult } from '../src/ingest/types';
import { PersistentStore } from '../src/store/persistent-store';
import { counterIds, stepClock, uniqueDbName } from '../src/store/test-support';
import { aggregateLedgers, formatAggregate } from './hazard-aggregate';
import { ledgerCsv, LEDGER_TODAY } from './sample/ledger';

const SAMPLE = 'public/sample/hazards.csv';
const TSX = 'node_modules/.bin/tsx';
const AS_OF = '2026-11-30';
const TOWNSHIPS = (
  JSON.parse(readFileSync('public/sample/dataset.json', 'utf8')) as { townships: Township[] }
).townships;
const dir = mkdtempSync(join(tmpdir(), 'tsd-aggregate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ingest = (path: string, today: string, knownTownships: readonly Township[] = []): FileIngestResult =>
  ingestAnyBytes(readFileSync(path), { fileName: path.split('/').pop() ?? path, knownTownships, today });

/** The in-browser aggregate of the app's ingest, as tuples like agg.json's. */
const browserTallies = (r: FileIngestResult, asOf: string) =>
  mergeTallyRows(tallyHazardLedger(r.hazards, asOf)).map((t) => [
    t.township,
    t.period,
    t.sector,
    t.level,
    t.found,
    t.rectified,
    t.overdue,
  ]);

describe('DuckDB aggregate = in-browser aggregate', () => {
  it('on the sample ledger (public/sample/hazards.csv), cell by cell, with the accounting', async () => {
    const app = ingest(SAMPLE, AS_OF);
    const doc = await aggregateLedgers([SAMPLE], { asOf: AS_OF });
    expect(doc.tallies.length).toBeGreaterThan(400);
    expect(doc.tallies).toEqual(browserTallies(app, AS_OF));
    expect(doc.accounting).toMatchObject({ aggregated: app.counts.accepted, rejected: 0, ignored: 0 });
    // The app counts the header line as an ignored record too.
    expect(doc.accounting.rows_read + (doc.inputs[0]?.header_line ?? 0)).toBe(app.counts.total);
    const overdue = (tallies: readonly (readonly unknown[])[]) =>
      tallies.reduce((n, t) => n + Number(t[6]), 0);
    expect(overdue(doc.tallies)).toBeGreaterThan(0);
    // Overdue depends only on the as-of date: on an earlier one fewer open hazards are past their
    // deadline (and later finds are future dates, rejected by both).
    const early = await aggregateLedgers([SAMPLE], { asOf: '2026-09-20' });
    const earlyApp = browserTallies(ingest(SAMPLE, '2026-09-20'), '2026-09-20');
    expect(early.tallies).toEqual(earlyApp);
    expect(overdue(early.tallies)).toBeLessThan(overdue(doc.tallies));
  });

  it('on a generated ledger with odd cells and rows (scripts/sample/ledger.ts)', async () => {
    const path = join(dir, 'odd-ledger.csv');
    writeFileSync(path, `\uFEFF${ledgerCsv(1500, { plantEvery: 7 })}`);
    const app = ingest(path, LEDGER_TODAY);
    const doc = await aggregateLedgers([path], { asOf: LEDGER_TODAY });
    expect(doc.tallies).toEqual(browserTallies(app, LEDGER_TODAY));
    const a = doc.accounting;
    expect(a.rows_read).toBe(a.aggregated + a.rejected + a.ignored);
    expect(a.aggregated).toBe(app.counts.accepted);
    expect(a.rejected).toBe(app.counts.rejected);
    // The app also counts the title and header lines as ignored records; the aggregate starts at the header.
    expect(a.ignored + (doc.inputs[0]?.header_line ?? 0)).toBe(app.counts.ignored);
    expect(a.rejected).toBeGreaterThan(50);
    // Every reason the app gave for a rejected row is a reason in the aggregate, with the same count.
    const appReasons = new Map<string, number>();
    for (const row of app.rejectedRows) {
      const code = row.reasons[0]?.code ?? '';
      appReasons.set(code, (appReasons.get(code) ?? 0) + 1);
    }
    const duckReasons = new Map<string, number>();
    for (const r of a.reasons.filter((x) => x.kind === 'rejected')) {
      const code = r.reason
        .replace('csv.missing_columns', 'ingest.row_too_few_fields')
        .replace('csv.too_many_columns', 'ingest.row_too_many_fields');
      duckReasons.set(code, (duckReasons.get(code) ?? 0) + r.count);
    }
    expect(Object.fromEntries(duckReasons)).toEqual(Object.fromEntries(appReasons));
    // Example rows name the rows the app rejected (data row n is line n + header line, before the first multi-line cell).
    const impossible = a.reasons.find((r) => r.reason === 'cells.date.impossible');
    const first = impossible?.samples[0]?.row ?? 0;
    const headerLine = doc.inputs[0]?.header_line ?? 0;
    expect(app.rejectedRows.some((r) => r.line === first + headerLine)).toBe(true);
  });

  it('reads Parquet with the canonical columns the same way as CSV', async () => {
    const parquet = join(dir, 'sample.parquet');
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const db = await DuckDBInstance.create(':memory:');
    const con = await db.connect();
    await con.run(
      `COPY (SELECT "乡镇（街道）" AS township, CAST("发现日期" AS DATE) AS date_found, "行业领域" AS sector,
              "隐患等级" AS level, "隐患描述" AS description, "整改情况" AS status,
              CAST("整改完成日期" AS DATE) AS rectified_date, CAST("整改期限" AS DATE) AS deadline
            FROM read_csv('${SAMPLE}', all_varchar = true)) TO '${parquet}' (FORMAT parquet)`,
    );
    con.closeSync();
    db.closeSync();
    const fromCsv = await aggregateLedgers([SAMPLE], { asOf: AS_OF });
    const fromParquet = await aggregateLedgers([parquet], { asOf: AS_OF });
    expect(fromParquet.tallies).toEqual(fromCsv.tallies);
    expect(fromParquet.accounting.rows_read).toBe(fromCsv.accounting.rows_read);
  });

  it('the CLI prints the accounting, writes agg.json, and exits non-zero on a file it cannot read', () => {
    const out = join(dir, 'agg.json');
    const ok = execFileSync(TSX, ['scripts/aggregate.ts', '--as-of', AS_OF, SAMPLE, '--out', out], {
      encoding: 'utf8',
    });
    expect(ok).toMatch(/1387 rows read = 1387 aggregated \+ 0 rejected \+ 0 ignored/);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ version: 1, as_of: AS_OF });
    const gbk = join(dir, 'gbk.csv');
    writeFileSync(gbk, Buffer.from([0xd5, 0xf2, 0x2c, 0x0a])); // 镇, in GB18030: not UTF-8
    let status = 0;
    let stdout = '';
    try {
      execFileSync(TSX, ['scripts/aggregate.ts', '--as-of', AS_OF, gbk, '--out', join(dir, 'x.json')], {
        encoding: 'utf8',
        stdio: 'pipe',
      });
    } catch (e) {
      status = (e as { status: number }).status;
      stdout = String((e as { stdout: string }).stdout);
    }
    expect(status).toBe(1);
    expect(stdout).toMatch(/gbk\.csv: FAILED: not UTF-8/);
  });
});

/** Every hazard figure a view reads: the four ledger fields per township-month, and per sector. */
function hazardFigures(cube: Cube): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (const t of cube.townships)
    for (const p of cube.periods) {
      for (const f of LEDGER_FIELDS) out.set(`${t}|${p}|${f}`, townshipMonthFigure(cube, t, p, f).value);
      const items = cube.itemised(t, p);
      for (const s of SECTOR_CODES) {
        const tally = items?.get(s);
        if (tally) out.set(`${t}|${p}|${s}`, tally.found * 1000 + tally.rectified);
      }
    }
  return out;
}

async function importedDataset(path: string, today: string): Promise<Dataset> {
  const store = await PersistentStore.open({
    dbName: uniqueDbName('aggregate'),
    now: stepClock(),
    newId: counterIds('agg-'),
    channelName: null,
    storage: null,
    locks: null,
  });
  try {
    const result = ingest(path, today, TOWNSHIPS);
    expect(result.status).toBe('ok');
    const plan = await store.prepareImport(result, readFileSync(path), { kind: 'file', name: result.file });
    const outcome = await store.commitImport(plan, new Map());
    expect(outcome.kind).toBe('committed');
    return { ...store.getSnapshot().dataset, townships: TOWNSHIPS };
  } finally {
    store.close();
  }
}

describe('importing agg.json = importing the ledger', () => {
  it('gives the same hazard figures in every township, month and sector', async () => {
    const agg = join(dir, 'sample-agg.json');
    writeFileSync(agg, formatAggregate(await aggregateLedgers([SAMPLE], { asOf: AS_OF })));
    const fromLedger = await importedDataset(SAMPLE, AS_OF);
    const fromAggregate = await importedDataset(agg, AS_OF);
    expect(fromLedger.hazards.length).toBe(1387);
    expect(fromAggregate.hazards).toEqual([]);
    expect(fromAggregate.hazardTallies?.reduce((s, t) => s + t.found, 0)).toBe(1387);
    const a = buildCube(fromLedger);
    const b = buildCube(fromAggregate);
    expect(b.periods).toEqual(a.periods);
    expect(b.hasItemised).toBe(true);
    const figures = hazardFigures(a);
    expect(figures.size).toBeGreaterThan(1000);
    expect(hazardFigures(b)).toEqual(figures);
  });
});
