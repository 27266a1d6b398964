import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { joinLedgerTallies, tallyHazardLedger } from '../analysis/hazard-tally';
import type { HazardRecord } from '../domain/records';
import { ingestFile } from '../ingest/ingest-any-file';
import { blockLedgerTally } from './block-tally';
import { buildDraftsInSlices } from './import-plan';
import { decodeColumns } from './record-blocks';
import { blocksOf } from './record-blocks-encode';

/** The hazards ingest makes of a file, as blocks of `size`, each with its decoded records. */
async function hazardBlocks(path: string, size: number) {
  const result = await ingestFile(new Uint8Array(readFileSync(path)), {
    fileName: path.split('/').pop()!,
    knownTownships: [],
    today: '2026-12-07',
  });
  const { drafts } = await buildDraftsInSlices(result, 'b', () => Promise.resolve(), 1_000);
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

describe('blockLedgerTally', () => {
  it('counts each block on its codes as the cube counts its records', async () => {
    const blocks = await hazardBlocks('public/sample/hazards.csv', 200);
    expect(blocks.length).toBeGreaterThan(1);
    for (const { block, records } of blocks) {
      const expected = tallyHazardLedger(records, null);
      expect(blockLedgerTally(block, records)).toEqual(expected);
      // Given no records it still gives the tally: it was counted on the codes, not the records.
      expect(blockLedgerTally(block, [])).toEqual(expected);
    }
  });

  it('joined over a ledger’s blocks, equals the tally of the whole ledger, in order', async () => {
    expect(LEDGERS.length).toBeGreaterThan(2);
    for (const path of LEDGERS) {
      for (const size of [7, 2_000]) {
        const blocks = await hazardBlocks(path, size);
        const all = blocks.flatMap((b) => b.records);
        const joined = joinLedgerTallies(
          blocks.map(({ block, records }) => blockLedgerTally(block, records)),
        );
        expect(joined, `${path} in blocks of ${size}`).toEqual(tallyHazardLedger(all, null));
      }
    }
  });
});
