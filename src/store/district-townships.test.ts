import { describe, expect, it } from 'vitest';
import { EMPTY_DATASET, type Dataset, type Township } from '../domain/records';
import { recordTownshipNames } from '../analysis/township-order';
import { districtTownships, mergeTownshipNames } from './district-townships';
import { createMemoryStore } from './memory-store';
import type { BatchRow, PersistentSnapshot } from './persist-types';
import { DEFAULT_SETTINGS } from './settings';
import { hazard, result, tm } from './test-support';

const DECLARED: Township[] = [
  { name: '东关街道', type: 'jiedao', code: '419901001', aliases: ['东关办事处'] },
  { name: '城关镇', type: 'zhen', code: null, aliases: ['城关'] },
  { name: '小召乡', type: 'xiang', code: null, aliases: ['小召'] },
];

const batch = (seq: number, townships: Township[]): BatchRow =>
  ({ id: `b${seq}`, seq, result: { ...result('f.csv', []), townships } }) as unknown as BatchRow;

/** A persistent snapshot: settings list, batches newest first, and the held records' townships. */
const snap = (
  settings: Township[],
  newestFirst: BatchRow[],
  recordTownships: string[],
): PersistentSnapshot => ({
  dataset: {
    district: null,
    townships: settings,
    townshipMonths: recordTownships.map((t) => tm(t, '2024-03')),
    hazards: [],
    problems: [],
  },
  imports: [],
  version: 1,
  batches: newestFirst,
  revisionCount: 0,
  settings: { ...DEFAULT_SETTINGS, townships: settings },
  storage: { mode: 'persistent', persisted: null, usageBytes: null, quotaBytes: null },
});

describe('districtTownships', () => {
  it('is the settings list when one is saved', () => {
    const own: Township[] = [{ name: '新区街道', type: 'jiedao', code: null, aliases: [] }];
    const s = snap(own, [batch(1, DECLARED)], ['东关街道']);
    expect(districtTownships(s)).toEqual({ townships: own, source: 'settings' });
  });

  it('without settings: the declared list, then names held only in records (aliases are not new)', () => {
    const s = snap([], [batch(2, []), batch(1, DECLARED)], ['小召乡', '城关', '新城镇', '新城镇']);
    const got = districtTownships(s);
    expect(got.source).toBe('held');
    expect(got.townships.map((t) => t.name)).toEqual(['东关街道', '城关镇', '小召乡', '新城镇']);
    expect(got.townships[3]).toEqual({ name: '新城镇', type: 'zhen', code: null, aliases: [] });
    // Same snapshot → same list object (memo keys, matcher index cache).
    expect(districtTownships(s).townships).toBe(got.townships);
  });

  it('without settings or a declared list: the townships of the held records', () => {
    const s = snap([], [batch(1, [])], ['小召乡', '东关街道']);
    expect(districtTownships(s).townships.map((t) => t.name)).toEqual(['小召乡', '东关街道']);
  });

  it('nothing held: no list', () => {
    expect(districtTownships(snap([], [], []))).toEqual({ townships: [], source: 'none' });
    expect(districtTownships(createMemoryStore().getSnapshot()).source).toBe('none');
  });

  it('memory store: its merged dataset list', async () => {
    const store = createMemoryStore();
    await store.addImports([
      {
        id: 'a',
        importedAt: '2024-04-01T00:00:00Z',
        result: { ...result('a.csv', [tm('小召乡', '2024-03')]), townships: DECLARED },
      },
    ]);
    expect(districtTownships(store.getSnapshot()).townships.map((t) => t.name)).toEqual([
      '东关街道',
      '城关镇',
      '小召乡',
    ]);
  });
});

describe('recordTownshipNames', () => {
  it('lists each name once, in first appearance across reports, hazards, problems and tallies', () => {
    const ds = {
      ...EMPTY_DATASET,
      townshipMonths: [tm('城关镇', '2024-03'), tm('小召乡', '2024-03'), tm('城关镇', '2024-04')],
      hazards: [hazard('新城镇', '2024-03-02', '配电箱未接地'), hazard('小召乡', '2024-03-03', '通道堵塞')],
      problems: [{ township: '北泉镇' }],
      hazardTallies: [{ township: '新城镇' }, { township: '台账镇' }],
    } as unknown as Dataset;
    const names = recordTownshipNames(ds);
    expect(names).toEqual(['城关镇', '小召乡', '新城镇', '北泉镇', '台账镇']);
    // Found once per dataset: the second reader gets the same list.
    expect(recordTownshipNames(ds)).toBe(names);
    expect(mergeTownshipNames(DECLARED, names).map((t) => t.name)).toEqual([
      '东关街道',
      '城关镇',
      '小召乡',
      '新城镇',
      '北泉镇',
      '台账镇',
    ]);
  });
});
