import { describe, expect, it } from 'vitest';
import { dataset, hz, tm, township } from './test-fixtures';
import { datasetTownshipCount } from './township-order';

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
