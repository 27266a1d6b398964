import { describe, expect, it } from 'vitest';
import type { HazardRecord } from '../domain/records';
import { buildCube } from './cube';
import { ledgerTallyOf, mergeTallyRows, prepareLedgerTally, tallyHazardLedger } from './hazard-tally';
import { dataset, hz, township } from './test-fixtures';

/** A ledger of `n` rows over three townships (one under an old name), two months and two files. */
const ledger = (n: number): HazardRecord[] =>
  Array.from({ length: n }, (_, i) => {
    const h = hz(
      ['小召乡', '城关镇', '新华乡'][i % 3]!,
      `2024-0${1 + (i % 2)}-1${i % 9}`,
      i % 4 ? 'fire' : 'mining',
      {
        level: i % 7 ? 'general' : 'major',
        status: i % 3 ? 'rectified' : 'in_progress',
      },
    );
    return { ...h, source: { file: i < n / 2 ? '一月台账.csv' : '二月台账.csv', line: i + 2 } };
  });

describe('the ledger tally prepared a slice at a time', () => {
  it('equals the tally of the whole ledger, pausing between slices', async () => {
    const hazards = ledger(1_000);
    let pauses = 0;
    await prepareLedgerTally(hazards, async () => void pauses++, 128);
    expect(pauses).toBe(7); // 8 slices of ≤ 128 rows, a pause between each two
    expect(mergeTallyRows(ledgerTallyOf(hazards))).toEqual(mergeTallyRows(tallyHazardLedger(hazards, null)));
    // Kept per array: the cube reads the prepared rows, not a fresh tally.
    expect(ledgerTallyOf(hazards)).toBe(ledgerTallyOf(hazards));
  });

  it('gives the cube the same figures as tallying with canonical names (a renamed township)', async () => {
    const hazards = ledger(300);
    const ds = dataset({ townships: [township('新华镇', ['新华乡'])], hazards });
    const fresh = buildCube({ ...ds, hazards: [...hazards] });
    await prepareLedgerTally(hazards, async () => {}, 50);
    const prepared = buildCube(ds);
    for (const t of ['小召乡', '城关镇', '新华镇'])
      for (const p of ['2024-01', '2024-02']) {
        expect(prepared.ledgerTotal(t, p)).toEqual(fresh.ledgerTotal(t, p));
        expect(prepared.ledgerFiles(t, p)).toEqual(fresh.ledgerFiles(t, p));
      }
    expect(prepared.ledgerTotal('新华镇', '2024-01')?.found).toBeGreaterThan(0);
  });
});
