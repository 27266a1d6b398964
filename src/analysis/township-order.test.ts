import { describe, expect, it } from 'vitest';
import { prepareLedgerTally, primeLedgerTally, tallyHazardLedger } from './hazard-tally';
import { dataset, hz, tm, township } from './test-fixtures';
import { datasetTownshipCount, recordTownshipNames } from './township-order';

describe('datasetTownshipCount (the header count, issue 13)', () => {
  it('counts the district list and townships known only from records, once each', () => {
    const ds = dataset({
      townships: [township('城关镇'), township('新华镇', ['新华乡'])],
      townshipMonths: [tm('城关镇', '2024-01'), tm('新华乡', '2024-01'), tm('外来镇', '2024-01')],
      hazards: [hz('台账镇', '2024-01-09', 'gas'), hz('城关镇', '2024-01-10', 'gas')],
    });
    // 城关镇, 新华镇 (新华乡 is its old name), 外来镇 (report only), 台账镇 (ledger only).
    expect(datasetTownshipCount(ds)).toBe(4);
    expect(ds.townships).toHaveLength(2);
  });

  it('a listed township without data still counts; an empty dataset has none', () => {
    expect(datasetTownshipCount(dataset({ townships: [township('城关镇')] }))).toBe(1);
    expect(datasetTownshipCount(dataset({}))).toBe(0);
  });
});

describe('recordTownshipNames', () => {
  // Hazards of four townships whose first appearances interleave across months, sectors and levels.
  const hazards = [
    hz('城关镇', '2024-02-03', 'gas'),
    hz('外来镇', '2024-01-09', 'fire', { level: 'major' }),
    hz('城关镇', '2024-01-10', 'gas'),
    hz('台账镇', '2024-02-01', 'gas', { status: 'rectified' }),
    hz('外来镇', '2024-01-11', 'fire', { level: 'major' }),
    hz('新华乡', '2024-03-01', 'road_traffic'),
    hz('台账镇', '2024-01-01', 'fire'),
  ];

  it('reads a ledger from its kept tally exactly as from its records', async () => {
    const walked = recordTownshipNames(dataset({ townships: [], hazards, problems: [] }));
    expect(walked).toEqual(['城关镇', '外来镇', '台账镇', '新华乡']);
    const prepared = [...hazards];
    await prepareLedgerTally(prepared, () => Promise.resolve(), 2);
    expect(recordTownshipNames(dataset({ hazards: prepared }))).toEqual(walked);
  });

  it('takes the ledger part from the kept tally, not the million records, when there is one', () => {
    const kept = [...hazards];
    // A tally kept for the array stands for its records (the store computed it from them).
    primeLedgerTally(kept, tallyHazardLedger([hazards[5]!, hazards[0]!], null));
    expect(
      recordTownshipNames(dataset({ townshipMonths: [tm('外来镇', '2024-01')], hazards: kept })),
    ).toEqual(['外来镇', '新华乡', '城关镇']);
  });
});
