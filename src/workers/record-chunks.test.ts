/**
 * The records the worker hands to the page come back as they were ingested: every field, value
 * and key order, on real files (the sample's reports and ledger, ledger and township-month
 * exports among the ingest fixtures), through a structured clone that moves the typed arrays, as
 * postMessage does.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingestFile } from '../ingest/ingest-any-file';
import { ledgerCsv } from '../../scripts/sample/ledger';
import { RECORD_CHUNK, type RecordListName } from './ingest-protocol';
import { decodeRecordChunk } from './record-chunks';
import { chunkBuffers, encodeRecordChunk } from './record-chunks-encode';

const FILES = [
  'public/sample/dataset.json',
  'public/sample/hazards.csv',
  'public/sample/township-month.csv',
  'tests/fixtures/ingest/hazard-ledger-2024-03.csv',
  'tests/fixtures/ingest/excel-export-gb18030.csv',
  'tests/fixtures/ingest/canonical.json',
  'tests/fixtures/ingest/problems.csv',
];
const LISTS: readonly RecordListName[] = ['townshipMonths', 'hazards', 'problems'];

/** Every chunk of `records` encoded, cloned with its buffers moved, decoded, and joined. */
function handOver(records: readonly Record<string, unknown>[], size: number): unknown[] {
  const out: unknown[] = [];
  for (let i = 0; i < records.length; i += size) {
    const chunk = encodeRecordChunk(records.slice(i, i + size));
    const transfer = chunkBuffers(chunk.columns);
    const moved = structuredClone(chunk, { transfer });
    // Moved, not copied: the worker's buffers are detached.
    for (const b of transfer) expect(b.byteLength).toBe(0);
    out.push(...decodeRecordChunk(moved));
  }
  return out;
}

async function ingest(bytes: Uint8Array, fileName: string) {
  return ingestFile(bytes, { fileName, knownTownships: [], today: '2026-11-30' });
}

describe('record chunks', () => {
  it.each(FILES)('hands over %s record for record, keys in order', async (path) => {
    const r = await ingest(new Uint8Array(readFileSync(path)), path.split('/').pop()!);
    let total = 0;
    for (const list of LISTS) {
      const records = r[list] as unknown as Record<string, unknown>[];
      total += records.length;
      // Chunks of 7 as well as the real size: chunk edges in the middle of the file.
      for (const size of [7, RECORD_CHUNK]) {
        const back = handOver(records, size);
        expect(back).toStrictEqual(records);
        expect(back.map((x) => JSON.stringify(x))).toEqual(records.map((x) => JSON.stringify(x)));
      }
    }
    expect(total).toBeGreaterThan(0);
  });

  it('hands over a generated ledger with planted bad rows, in chunks of 5,000', async () => {
    const r = await ingest(new TextEncoder().encode(ledgerCsv(12_000, { plantEvery: 97 })), 'ledger.csv');
    const hazards = r.hazards as unknown as Record<string, unknown>[];
    expect(hazards.length).toBeGreaterThan(11_000);
    expect(handOver(hazards, RECORD_CHUNK)).toStrictEqual(hazards);
  });

  it('lists each buffer once, so the transfer list is valid', () => {
    const records = [
      { township: '小召乡', period: '2024-03', n: 1, source: { file: 'a.csv', line: 2 } },
      { township: '小召乡', period: '2024-04', n: 2, source: { file: 'a.csv', line: 3 } },
    ];
    const { columns } = encodeRecordChunk(records);
    const buffers = chunkBuffers(columns);
    expect(new Set(buffers).size).toBe(buffers.length);
    expect(buffers.length).toBeGreaterThan(0);
  });
});
