/**
 * Record blocks (docs/decisions/0009): what the store writes must read back as the same records,
 * for every kind the ingest produces, including fields that are absent, null or nested.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestFile } from '../ingest/ingest-any-file';
import { ingestBytes } from '../ingest/ingest-file';
import type { FileIngestResult } from '../ingest/types';
import { buildDraftsInSlices, withBatch } from './import-plan';
import { DRAFT_OCCURRENCE, type StoredRecordDraft } from './persist-types';
import { decodeColumns, type Column } from '../domain/columns';
import { encodeColumns } from '../domain/columns-encode';
import { recordsOfBlock } from './record-blocks';
import { blocksOf } from './record-blocks-encode';
import { baseKeyOf, occurrenceOf, stableStringify } from './record-keys';
import { widenedBlock } from './test-support';

const sample = (name: string): FileIngestResult =>
  ingestBytes(new Uint8Array(readFileSync(`public/sample/${name}`)), {
    fileName: name,
    knownTownships: [],
    today: '2026-12-07',
  });

async function draftsOf(result: FileIngestResult): Promise<StoredRecordDraft[]> {
  const { drafts } = await buildDraftsInSlices(result, () => Promise.resolve(), 1_000);
  return drafts;
}

const roundTrip = (rows: readonly Record<string, unknown>[]) =>
  decodeColumns(encodeColumns(rows), rows.length) as Record<string, unknown>[];

describe('record blocks', () => {
  it('the sample ledger and monthly reports read back as the same records, block by block', async () => {
    for (const file of ['hazards.csv', 'township-month.csv']) {
      const result = sample(file);
      const drafts = await draftsOf(result);
      expect(drafts.length, file).toBeGreaterThan(100);
      const back = [...blocksOf(drafts, 'batch-1', 3, 50)].flatMap(({ block }) => recordsOfBlock(block));
      expect(back.map((r) => r.id)).toEqual(drafts.map((d) => d.id));
      expect(back.map((r) => r.ordinal)).toEqual(drafts.map((d) => d.ordinal));
      expect(back.every((r) => r.batchId === 'batch-1' && r.batchSeq === 3)).toBe(true);
      // As the batch stores them: with source.batchId, set on the block's columns.
      const stored = drafts.map((d) => withBatch(d.record, 'batch-1'));
      expect(drafts.every((d) => d.record.source.batchId === undefined)).toBe(true);
      expect(back.map((r) => stableStringify(r.record))).toEqual(stored.map((r) => stableStringify(r)));
      expect(back.map((r) => r.record)).toEqual(stored);
    }
  });

  it('round-trips what ingest makes of files from other tools and Word reports (fixtures not written for blocks)', async () => {
    // Excel/WPS exports in several encodings, JSON shapes, xlsx workbooks (source.sheet), and the
    // township reports (.docx, .doc, .txt) of the report corpus: every record kind ingest produces.
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (!name.endsWith('.md') && name !== 'manifest.json') files.push(path);
      }
    };
    walk('tests/fixtures/ingest');
    walk('tests/fixtures/reports');
    let records = 0;
    const kinds = new Set<string>();
    for (const path of files) {
      const result = await ingestFile(new Uint8Array(readFileSync(path)), {
        fileName: path.split('/').pop()!,
        knownTownships: [],
        today: '2026-12-07',
      });
      const drafts = await draftsOf(result);
      // The occurrence a draft carries is the one its key rebuilds from (blocks store it as is).
      expect(
        drafts.map((d) => d[DRAFT_OCCURRENCE]),
        path,
      ).toEqual(drafts.map((d) => occurrenceOf(d.id, d.kind, baseKeyOf(d.kind, d.record))));
      const back = [...blocksOf(drafts, 'b', 1, 7)].flatMap(({ block }) => recordsOfBlock(block));
      expect(
        back.map((r) => r.id),
        path,
      ).toEqual(drafts.map((d) => d.id));
      expect(
        back.map((r) => stableStringify(r.record)),
        path,
      ).toEqual(drafts.map((d) => stableStringify(withBatch(d.record, 'b'))));
      records += drafts.length;
      for (const d of drafts) kinds.add(d.kind);
    }
    expect(files.length).toBeGreaterThan(30);
    expect(records).toBeGreaterThan(100);
    expect([...kinds].sort()).toEqual(['hazard', 'problem', 'township_month']);
  });

  it('shares repeated text through a dictionary and keeps unique text as it is', async () => {
    const drafts = await draftsOf(sample('hazards.csv'));
    const block = [...blocksOf(drafts.slice(0, 200), 'b', 1)][0]!.block;
    const col = (key: string): Column => block.columns.find((c) => c.key === key)!;
    expect(col('township').type).toBe('dict');
    expect(col('sector').type).toBe('dict');
    expect(col('level').type).toBe('dict');
    expect(col('source').type).toBe('obj');
    const township = col('township');
    if (township.type !== 'dict') throw new Error('unreachable');
    expect(township.dict.length).toBeLessThan(50);
    // Every hazard names its township and there are fewer than 256: one byte a code.
    expect(township.codes).toBeInstanceOf(Uint8Array);
  });

  it('stores codes and whole numbers as narrow as they allow, and keeps what does not fit', () => {
    // 300 distinct dates (two bytes), 3 sectors (one byte), a line number (Int32), a note only some
    // records carry (absent is -1 in an Int32Array), a score with fractions and -0 (Float64).
    const rows = Array.from({ length: 1_000 }, (_, i) => ({
      date: `2025-${String((i % 300) + 1).padStart(3, '0')}`,
      sector: ['mining', 'fire', 'road'][i % 3],
      line: 70_000 + i,
      ...(i % 4 === 0 ? { note: ['补报', '迟报'][i % 2] } : {}),
      score: i === 5 ? -0 : i / 4,
      big: i === 7 ? 2 ** 31 : i,
      source: { file: '台账.csv', line: i + 2 },
    }));
    const columns = encodeColumns(rows);
    const col = (key: string, within: readonly Column[] = columns): Column =>
      within.find((c) => c.key === key)!;
    const codes = (key: string) => (col(key) as Extract<Column, { type: 'dict' }>).codes;
    const values = (key: string, within: readonly Column[] = columns) =>
      (col(key, within) as Extract<Column, { type: 'num' }>).values;
    expect(codes('date')).toBeInstanceOf(Uint16Array);
    expect(codes('sector')).toBeInstanceOf(Uint8Array);
    expect(codes('note')).toBeInstanceOf(Int32Array);
    expect(codes('note')[1]).toBe(-1);
    expect(values('line')).toBeInstanceOf(Int32Array);
    expect(values('score')).toBeInstanceOf(Float64Array);
    expect(values('big')).toBeInstanceOf(Float64Array);
    const source = col('source') as Extract<Column, { type: 'obj' }>;
    expect(values('line', source.columns)).toBeInstanceOf(Int32Array);
    const back = decodeColumns(columns, rows.length);
    expect(back).toEqual(rows);
    expect(Object.is(back[5]!.score, -0)).toBe(true);
    expect(back[7]!.big).toBe(2 ** 31);
  });

  it('stores each record with its batch in its source, in place of one it had, and without a source object', async () => {
    const drafts = await draftsOf(sample('hazards.csv'));
    const [a, b, c] = drafts as [StoredRecordDraft, StoredRecordDraft, StoredRecordDraft];
    // A record carrying another batch (a file exported from this app), and one with no source.
    const had = { ...b, record: withBatch(b.record, 'old-batch') };
    const none = { ...c, record: { ...c.record, source: undefined } as unknown as typeof c.record };
    const back = (list: readonly StoredRecordDraft[]) =>
      [...blocksOf(list, 'new-batch', 2)].flatMap(({ block }) => recordsOfBlock(block)).map((r) => r.record);
    const [ra, rb] = back([a, had]);
    expect(ra!.source).toEqual({ ...a.record.source, batchId: 'new-batch' });
    expect(Object.keys(rb!.source)).toEqual(Object.keys(had.record.source));
    expect(rb!.source.batchId).toBe('new-batch');
    const [, rc] = back([a, none]);
    expect(rc!.source).toEqual({ batchId: 'new-batch' });
    expect(stableStringify(rc)).toBe(stableStringify(withBatch(none.record, 'new-batch')));
  });

  it('keeps an Int32Array when a dictionary outgrows two bytes', () => {
    // Half the records repeat a value, so the column stays a dictionary of 65,537 entries.
    const rows = Array.from({ length: 131_074 }, (_, i) => ({ v: `v${i >> 1}` }));
    const col = encodeColumns(rows)[0]!;
    expect(col.type).toBe('dict');
    if (col.type !== 'dict') throw new Error('unreachable');
    expect(col.dict.length).toBe(65_537);
    expect(col.codes).toBeInstanceOf(Int32Array);
    expect(decodeColumns([col], rows.length)).toEqual(rows);
  });

  it('reads blocks written before the narrowing (Int32 codes, Float64 numbers) as the same records', async () => {
    const drafts = await draftsOf(sample('hazards.csv'));
    const blocks = [...blocksOf(drafts, 'batch-1', 3, 500)].map(({ block }) => block);
    const narrowed = blocks.flatMap((b) =>
      b.columns.filter((c) => c.type === 'dict' && !(c.codes instanceof Int32Array)),
    );
    expect(narrowed.length).toBeGreaterThan(blocks.length * 5);
    expect(blocks.every((b) => !(b.occurrences instanceof Int32Array))).toBe(true);
    const old = blocks.map(widenedBlock);
    expect(old[0]!.occurrences).toBeInstanceOf(Int32Array);
    const now = blocks.flatMap(recordsOfBlock);
    expect(old.flatMap(recordsOfBlock)).toEqual(now);
    expect(now.map((r) => r.id)).toEqual(drafts.map((d) => d.id));
  });

  it('keeps null, absent, nested, array and mixed values apart', () => {
    const rows = [
      { a: 1, b: null, c: 'x', d: ['p', 'q'], e: { file: 'f.xlsx', line: 3, sheet: '三月' }, m: 1 },
      { a: 2, c: 'x', d: [], e: { file: 'f.xlsx', line: null }, m: 'one' },
      { a: 3.5, b: null, c: null, e: undefined, m: null },
      { a: -0, b: 'y', d: ['p'], e: { file: 'g.csv', line: 9, batchId: 'b7' } },
    ];
    const back = roundTrip(rows);
    expect(back).toEqual(rows);
    expect(back.map(stableStringify)).toEqual(rows.map(stableStringify));
    // Absent stays absent, null stays null.
    expect('b' in back[1]!).toBe(false);
    expect(back[2]!.c).toBeNull();
    expect('e' in back[2]!).toBe(false);
    expect('sheet' in (back[1]!.e as object)).toBe(false);
    expect(Object.is(back[3]!.a, -0)).toBe(true);
  });

  it('keeps a key only later records have (records of one kind with another shape)', () => {
    const rows = [
      { township: '小召乡', source: { file: 'a.csv', line: 2 } },
      { township: '城关镇', source: { file: 'a.xlsx', line: 3, sheet: '三月' }, note: '补报' },
      { township: '城关镇', extra: undefined, source: { file: 'a.csv', line: 4 } },
    ];
    const back = roundTrip(rows);
    expect(back.map(stableStringify)).toEqual(rows.map(stableStringify));
    expect(back[1]).toEqual(rows[1]);
    expect('extra' in back[2]!).toBe(false);
  });

  it('rebuilds each key from its record, with its occurrence, and keeps a key it cannot rebuild', async () => {
    const [h] = sample('hazards.csv').hazards;
    const twice = { ...sample('hazards.csv'), hazards: [h!, h!, { ...h!, description: '另一处' }] };
    const drafts = await draftsOf(twice);
    // A key another version wrote: the planner's occurrence number (0) is not what it ends in.
    const legacy = { ...drafts[2]!, id: 'hazard\u0001旧版本的键' };
    expect(legacy[DRAFT_OCCURRENCE]).toBe(0);
    const input = [drafts[0]!, drafts[1]!, legacy];
    expect(drafts[1]!.id.endsWith('\u00011')).toBe(true);
    const { block, keys } = [...blocksOf(input, 'b', 1)][0]!;
    expect([...block.occurrences]).toEqual([0, 1, 0]);
    expect(block.oddIds).toEqual([[2, legacy.id]]);
    expect(keys.ids).toEqual(input.map((d) => d.id));
    expect(recordsOfBlock(block).map((r) => r.id)).toEqual(input.map((d) => d.id));
    // A parsed record (a backup) cannot bring a number of its own: a symbol is not JSON.
    const parsed = JSON.parse(
      JSON.stringify({ ...legacy, [DRAFT_OCCURRENCE]: 7, occurrence: 7 }),
    ) as StoredRecordDraft;
    expect([...blocksOf([parsed], 'b', 1)][0]!.block.oddIds).toEqual([[0, legacy.id]]);
  });

  it('groups a commit by kind, in file order, at most `size` records a block, ids unique', async () => {
    const months = sample('township-month.csv');
    const ledger = sample('hazards.csv');
    const mixed = { ...months, hazards: ledger.hazards.slice(0, 130) };
    const drafts = await draftsOf(mixed);
    const made = [...blocksOf(drafts, 'batch-9', 2, 60, 'r1')];
    const blocks = made.map((b) => b.block);
    expect(made.every(({ block, keys }) => block.count <= 60 && keys.ids.length === block.count)).toBe(true);
    expect(made.every(({ block, keys }) => keys.id === block.id && keys.kind === block.kind)).toBe(true);
    expect(new Set(blocks.map((b) => b.id)).size).toBe(blocks.length);
    expect(blocks.filter((b) => b.kind === 'hazard').map((b) => b.count)).toEqual([60, 60, 10]);
    for (const b of blocks) expect([...b.ordinals]).toEqual([...b.ordinals].sort((x, y) => x - y));
    expect(blocks.reduce((n, b) => n + b.count, 0)).toBe(drafts.length);
  });
});
