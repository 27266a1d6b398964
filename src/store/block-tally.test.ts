import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tallyHazardLedger } from '../analysis/hazard-tally';
import type { HazardRecord } from '../domain/records';
import { ingestFile } from '../ingest/ingest-any-file';
import { ledgerTallyOfBlocks } from './block-tally';
import { buildDraftsInSlices } from './import-plan';
import { decodeColumns } from '../domain/columns';
import { blocksOf } from './record-blocks-encode';
import { widenedBlock } from './test-support';

/** The hazards ingest makes of a file, as blocks of `size`, each with its decoded records. */
async function hazardBlocks(path: string, size: number) {
  const result = await ingestFile(new Uint8Array(readFileSync(path)), {
    fileName: path.split('/').pop()!,
    knownTownships: [],
    today: '2026-12-07',
  });
  const { drafts } = await buildDraftsInSlices(result, () => Promise.resolve(), 1_000);
  return [...blocksOf(drafts, 'b', 1, size)]
    .map(({ block }) => block)
    .filter((b) => b.kind === 'hazard')
    .map((block) => ({
      block,
      records: decodeColumns(block.columns, block.count) as unknown as HazardRecord[],
    }));
}

// Every ledger among the fixtures: the sample's, and the exports of other tools.
const LEDGERS = [
  'public/sample/hazards.csv',
  ...readdirSync('tests/fixtures/ingest')
    .filter((n) => /hazard|ledger|台账|隐患/i.test(n) && !n.endsWith('.md'))
    .map((n) => join('tests/fixtures/ingest', n)),
];

describe('ledgerTallyOfBlocks', () => {
  it('counts blocks on their codes as the cube counts their records', async () => {
    const blocks = await hazardBlocks('public/sample/hazards.csv', 200);
    expect(blocks.length).toBeGreaterThan(1);
    const expected = tallyHazardLedger(
      blocks.flatMap((b) => b.records),
      null,
    );
    expect(await ledgerTallyOfBlocks(blocks)).toEqual(expected);
    // Given no records it still gives the tally: every block was counted on its codes.
    expect(await ledgerTallyOfBlocks(blocks.map(({ block }) => ({ block, records: [] })))).toEqual(expected);
  });

  it('equals the tally of the whole ledger, in first-seen order, for every ledger fixture and block size', async () => {
    expect(LEDGERS.length).toBeGreaterThan(2);
    for (const path of LEDGERS) {
      // Blocks of 7 are mostly counted from their records (too few repeats for dictionaries).
      for (const size of [7, 2_000]) {
        const blocks = await hazardBlocks(path, size);
        const all = blocks.flatMap((b) => b.records);
        expect(await ledgerTallyOfBlocks(blocks), `${path} in blocks of ${size}`).toEqual(
          tallyHazardLedger(all, null),
        );
      }
    }
  });

  it('counts the same in the dense arrays as in the cell map', async () => {
    for (const path of LEDGERS) {
      const blocks = await hazardBlocks(path, 2_000);
      const byMap = await ledgerTallyOfBlocks(blocks, undefined, 0);
      expect(byMap, path).not.toBeNull();
      expect(await ledgerTallyOfBlocks(blocks), path).toEqual(byMap);
    }
  });

  it('counts blocks written before the narrow codes (Int32 codes) the same, both ways', async () => {
    for (const path of LEDGERS) {
      const blocks = await hazardBlocks(path, 2_000);
      const old = blocks.map((b) => ({ ...b, block: widenedBlock(b.block) }));
      const expected = tallyHazardLedger(
        blocks.flatMap((b) => b.records),
        null,
      );
      expect(await ledgerTallyOfBlocks(old), path).toEqual(expected);
      expect(await ledgerTallyOfBlocks(old, undefined, 0), path).toEqual(expected);
    }
  });

  it('pauses between slices of a large ledger, and counts it whole', async () => {
    const blocks = await hazardBlocks('public/sample/hazards.csv', 200);
    const per = blocks.reduce((n, b) => n + b.block.count, 0);
    const times = Math.ceil(120_000 / per);
    const many = Array.from({ length: times }, () => blocks).flat();
    let pauses = 0;
    const tally = await ledgerTallyOfBlocks(many, () => {
      pauses++;
      return Promise.resolve();
    });
    expect(pauses).toBeGreaterThanOrEqual(2);
    expect(tally).toEqual(
      tallyHazardLedger(
        many.flatMap((b) => b.records),
        null,
      ),
    );
  });

  it('gives null when a record lacks a field of the tally (the caller tallies the records)', async () => {
    const [first] = await hazardBlocks('public/sample/hazards.csv', 7);
    const broken = first!.records.map((h, i) =>
      i === 2 ? ({ ...h, sector: undefined } as unknown as typeof h) : h,
    );
    // A block of 7 is counted from its records: the missing sector cannot be numbered.
    expect(
      await ledgerTallyOfBlocks([{ block: { ...first!.block, columns: [] }, records: broken }]),
    ).toBeNull();
  });
});
