/**
 * Test fixtures for the store: ingest results shaped like real township submissions (小召乡 and
 * neighbours, April 2022). Only imported by *.test.ts files.
 */
import type { HazardRecord, ProblemRecordInput, TownshipMonthRecord } from '../domain/records';
import type { FileIngestResult } from '../ingest/types';
import { townshipMonthRecord, type NumericValues } from '../testing/factories';
import type { Column } from '../domain/columns';
import { ALL_TABLES, type TsdDatabase } from './db';
import type { BlockRow } from './record-blocks';
import { PersistentStore, type PersistentStoreOptions } from './persistent-store';
import { readAllStored } from './stored-records';

/** A township-month record with every numeric field null (not reported) unless given. */
export function tm(
  township: string,
  period: string,
  values: NumericValues = {},
  extra: Partial<TownshipMonthRecord> = {},
): TownshipMonthRecord {
  return townshipMonthRecord(township, period, values, {
    report_date: `${period}-27`,
    focus_sectors: ['fireworks', 'industry_trade'],
    problems_text: '企业主体责任落实不完全到位',
    source: { file: 'fixture.csv', line: 3 },
    ...extra,
  });
}

export function hazard(
  township: string,
  date: string,
  description: string,
  status: HazardRecord['status'] = 'rectified',
): HazardRecord {
  return {
    township,
    date_found: date,
    period: date.slice(0, 7),
    sector: 'fireworks',
    level: 'general',
    description,
    status,
    rectified_date: status === 'rectified' ? date : null,
    deadline: null,
    village: null,
    unit_name: '沿街商铺',
    source: { file: 'hazards.csv', line: 2 },
  };
}

export function problem(township: string, period: string, text: string): ProblemRecordInput {
  return { township, period, text, category: null, source: { file: 'problems.csv', line: 2 } };
}

/** An accepted ingest result holding the given records. */
export function result(
  file: string,
  townshipMonths: readonly TownshipMonthRecord[],
  more: { hazards?: HazardRecord[]; problems?: ProblemRecordInput[]; status?: 'ok' | 'rejected' } = {},
): FileIngestResult {
  const hazards = more.hazards ?? [];
  const problems = more.problems ?? [];
  const n = townshipMonths.length + hazards.length + problems.length;
  return {
    file,
    bytes: 512,
    encoding: 'gb18030',
    format: 'csv',
    delimiter: ',',
    recordKind: 'township_month',
    headerLine: 2,
    columns: [],
    status: more.status ?? 'ok',
    counts: { total: n + 1, accepted: n, rejected: 1, ignored: 0 },
    issues: [],
    ignored: [],
    rejectedRows: [{ line: 9, raw: ['合计', '12'], reasons: [] }],
    townshipMonths: more.status === 'rejected' ? [] : townshipMonths,
    hazards,
    problems,
    townships: [],
    district: '示例区',
  };
}

/** The bytes of a file, for hashing. */
export const bytesOf = (text: string): Uint8Array => new TextEncoder().encode(text);

/** A deterministic id source: b1, b2, … */
export function counterIds(prefix = 'id'): () => string {
  let n = 0;
  return () => `${prefix}${++n}`;
}

/** A clock that advances one minute per call, from 2022-05-01T08:00:00Z. */
export function stepClock(): () => string {
  let n = 0;
  return () => `2022-05-01T08:${String(n++).padStart(2, '0')}:00.000Z`;
}

let dbCounter = 0;
/** A database name unique within the test run. */
export const uniqueDbName = (label: string): string => `tsd-test-${label}-${++dbCounter}`;

/** How many records the database holds, in rows and blocks alike (stored-records.ts). */
export async function storedRecordCount(db: TsdDatabase): Promise<number> {
  return db.transaction('r', [...ALL_TABLES], async () => (await readAllStored(db, 1_000, 4)).length);
}

const openStores: PersistentStore[] = [];

/**
 * A persistent store on a fresh database (fake-indexeddb), with a fixed clock and ids and no tab
 * channel, storage manager or locks unless `extra` gives them. Close them with closeTestStores
 * (`afterEach(closeTestStores)`).
 */
export async function makeTestStore(
  label: string,
  extra: PersistentStoreOptions = {},
): Promise<PersistentStore> {
  const store = await PersistentStore.open({
    dbName: uniqueDbName(label),
    now: stepClock(),
    newId: counterIds(`${label}-`),
    channelName: null,
    storage: null,
    locks: null,
    ...extra,
  });
  openStores.push(store);
  return store;
}

/** Closes every store makeTestStore opened. */
export function closeTestStores(): void {
  for (const s of openStores.splice(0)) s.close();
}

/** A block as versions before the narrow codes wrote it: Int32 codes and occurrences, Float64 numbers. */
export function widenedBlock(block: BlockRow): BlockRow {
  const widen = (columns: readonly Column[]): Column[] =>
    columns.map((c) =>
      c.type === 'dict'
        ? { ...c, codes: Int32Array.from(c.codes) }
        : c.type === 'num'
          ? { ...c, values: Float64Array.from(c.values) }
          : c.type === 'obj'
            ? { ...c, columns: widen(c.columns) }
            : c,
    );
  return { ...block, occurrences: Int32Array.from(block.occurrences), columns: widen(block.columns) };
}
