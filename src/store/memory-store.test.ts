import { describe, expect, it, vi } from 'vitest';
import { EMPTY_DATASET, type Township, type TownshipMonthRecord } from '../domain/records';
import type { FileIngestResult } from '../ingest/types';
import { townshipMonthRecord } from '../testing/factories';
import { mergeTownships } from './district-townships';
import { createMemoryStore, differingFields, mergeImports } from './memory-store';
import type { ImportEntry } from './types';

function rec(
  township: string,
  period: string,
  values: Partial<TownshipMonthRecord>,
  file = 'a.csv',
  line = 3,
) {
  return townshipMonthRecord(township, period, {}, { source: { file, line }, ...values });
}

function entry(
  id: string,
  file: string,
  records: TownshipMonthRecord[],
  extra: Partial<FileIngestResult> = {},
): ImportEntry {
  const result: FileIngestResult = {
    file,
    bytes: 100,
    encoding: 'utf-8',
    format: 'csv',
    delimiter: ',',
    recordKind: 'township_month',
    headerLine: 1,
    columns: [],
    status: 'ok',
    counts: { total: records.length, accepted: records.length, rejected: 0, ignored: 0 },
    issues: [],
    ignored: [],
    rejectedRows: [],
    townshipMonths: records,
    hazards: [],
    problems: [],
    townships: [],
    district: null,
    ...extra,
  };
  return { id, result, importedAt: '2022-05-10T09:00:00+08:00' };
}

const tw = (name: string): Township => ({ name, type: 'xiang', code: null, aliases: [] });

describe('differingFields', () => {
  it.each([
    ['identical', {}, {}, []],
    ['null vs 0 differ', { hazards_found: null }, { hazards_found: 0 }, ['hazards_found']],
    ['value change', { hazards_found: 5 }, { hazards_found: 6 }, ['hazards_found']],
    ['approx marker', { approx: [] }, { approx: ['hazards_found'] }, ['approx']],
    ['text change', { problems_text: '甲' }, { problems_text: '乙' }, ['problems_text']],
  ] as const)('%s', (_n, a, b, expected) => {
    expect(differingFields(rec('小召乡', '2022-04', a), rec('小召乡', '2022-04', b))).toEqual(expected);
  });

  it('ignores the source (same report from another file)', () => {
    expect(
      differingFields(rec('小召乡', '2022-04', {}, 'a.csv', 3), rec('小召乡', '2022-04', {}, 'b.csv', 9)),
    ).toEqual([]);
  });
});

describe('mergeImports', () => {
  it('adds new keys and keeps both scopes of the same township-month apart', () => {
    const a = rec('小召乡', '2022-04', { hazards_found: 5 });
    const ytd = rec('小召乡', '2022-04', { period_scope: 'ytd', hazards_found: 20 });
    const { dataset } = mergeImports(EMPTY_DATASET, [entry('1', 'a.csv', [a, ytd])]);
    expect(dataset.townshipMonths).toEqual([a, ytd]);
  });

  it('treats an identical resubmission as a no-op without issues', () => {
    const a = rec('小召乡', '2022-04', { hazards_found: 5 });
    const first = mergeImports(EMPTY_DATASET, [entry('1', 'a.csv', [a])]);
    const again = mergeImports(first.dataset, [
      entry('2', 'a-copy.csv', [{ ...a, source: { file: 'a-copy.csv', line: 3 } }]),
    ]);
    expect(again.dataset.townshipMonths).toEqual([a]);
    expect(again.entries[0]?.result.issues).toEqual([]);
  });

  it('keeps the existing record on conflict and reports a resubmission warning in that file', () => {
    const a = rec('小召乡', '2022-04', { hazards_found: 5, trainings_held: 2 });
    const b = rec('小召乡', '2022-04', { hazards_found: 7, trainings_held: 2 }, 'b.csv', 8);
    const { dataset, entries } = mergeImports(EMPTY_DATASET, [
      entry('1', 'a.csv', [a]),
      entry('2', 'b.csv', [b]),
    ]);
    expect(dataset.townshipMonths).toEqual([a]);
    expect(entries[0]?.result.issues).toEqual([]);
    const issues = entries[1]?.result.issues ?? [];
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      severity: 'warning',
      code: 'dashboard.merge.resubmission',
      file: 'b.csv',
      line: 8,
      field: 'hazards_found',
      params: { township: '小召乡', period: '2022-04', fields: 'hazards_found', existingFile: 'a.csv' },
    });
    // Counts stay as ingest reported them: the row was valid, it is just not merged.
    expect(entries[1]?.result.counts.accepted).toBe(1);
  });

  it('ignores files that were rejected as a whole', () => {
    const a = rec('小召乡', '2022-04', { hazards_found: 5 });
    const { dataset } = mergeImports(EMPTY_DATASET, [entry('1', 'bad.csv', [a], { status: 'rejected' })]);
    expect(dataset.townshipMonths).toEqual([]);
  });

  it('uses the first declared township list as official order and appends others by first appearance', () => {
    const official = [tw('城关镇'), tw('小召乡')];
    const recs = [rec('新区街道', '2022-04', {}), rec('小召乡', '2022-04', {}), rec('东湖乡', '2022-04', {})];
    const { dataset } = mergeImports(EMPTY_DATASET, [
      entry('1', 'x.csv', recs),
      entry('2', 'dataset.json', [], { townships: official, district: '示例区', format: 'json' }),
      entry('3', 'other.json', [], { townships: [tw('别的乡')], district: '别的区' }),
    ]);
    expect(dataset.townships.map((t) => t.name)).toEqual(['城关镇', '小召乡', '新区街道', '东湖乡']);
    expect(dataset.townships[2]?.type).toBe('jiedao');
    expect(dataset.district).toBe('示例区');
  });

  it('does not add an identical hazard twice', () => {
    const h = {
      township: '小召乡',
      date_found: '2022-04-13',
      period: '2022-04',
      sector: 'fireworks',
      level: 'general',
      description: '超量存放烟花爆竹',
      status: 'rectified',
      rectified_date: '2022-04-15',
      deadline: null,
      village: null,
      unit_name: null,
      source: { file: 'h.csv', line: 2 },
    } as const;
    const { dataset } = mergeImports(EMPTY_DATASET, [
      entry('1', 'h.csv', [], { hazards: [h] }),
      entry('2', 'h2.csv', [], { hazards: [{ ...h, source: { file: 'h2.csv', line: 2 } }] }),
      entry('3', 'h3.csv', [], { hazards: [{ ...h, description: '灭火器过期' }] }),
    ]);
    expect(dataset.hazards.map((x) => x.description)).toEqual(['超量存放烟花爆竹', '灭火器过期']);
  });
});

describe('mergeTownships', () => {
  it('handles names that collide with Object.prototype keys', () => {
    const out = mergeTownships(
      [],
      [{ township: 'constructor' }, { township: '__proto__' }, { township: 'constructor' }],
    );
    expect(out.map((t) => t.name)).toEqual(['constructor', '__proto__']);
  });

  it('is empty for no input', () => {
    expect(mergeTownships([], [])).toEqual([]);
  });
});

describe('createMemoryStore', () => {
  it('notifies subscribers, bumps the version and lists imports newest first', async () => {
    const store = createMemoryStore();
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    const v0 = store.getSnapshot().version;
    await store.addImports([
      entry('1', 'a.csv', [rec('小召乡', '2022-03', {})]),
      entry('2', 'b.csv', [rec('小召乡', '2022-04', {})]),
    ]);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.getSnapshot().version).toBe(v0 + 1);
    await store.addImports([entry('3', 'c.csv', [])]);
    expect(store.getSnapshot().imports.map((e) => e.id)).toEqual(['3', '2', '1']);
    unsubscribe();
    await store.reset(EMPTY_DATASET, []);
    expect(listener).toHaveBeenCalledTimes(2);
    expect(store.getSnapshot().dataset.townshipMonths).toEqual([]);
  });

  it('keeps the same snapshot object between changes (useSyncExternalStore requirement)', async () => {
    const store = createMemoryStore();
    expect(store.getSnapshot()).toBe(store.getSnapshot());
    await store.addImports([]);
    expect(store.getSnapshot().version).toBe(0);
  });
});
