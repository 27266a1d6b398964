import 'fake-indexeddb/auto';
import { validationIssueText } from './validation-text';
import { afterEach, describe, expect, it } from 'vitest';
import { parseBackup } from './backup';
import type { PersistentStore } from './persistent-store';
import { bytesOf, closeTestStores, hazard, makeTestStore, problem, result, tm } from './test-support';

const makeStore = makeTestStore;
afterEach(closeTestStores);

/** A store with two batches, one replaced value (a revision), settings and category edits. */
async function populated(label: string): Promise<PersistentStore> {
  const store = await makeStore(label);
  const first = result(
    '四月.csv',
    [tm('小召乡', '2022-04', { hazards_found: 12 }), tm('城关镇', '2022-04', { hazards_found: 30 })],
    {
      hazards: [hazard('小召乡', '2022-04-05', '街边商铺违规存放烟花爆竹6挂')],
      problems: [problem('小召乡', '2022-04', '企业主体责任落实不完全到位')],
    },
  );
  const p1 = await store.prepareImport(first, bytesOf('april'), { kind: 'file', name: '四月.csv' });
  await store.commitImport(p1, new Map());
  const p2 = await store.prepareImport(
    result('四月更正.csv', [tm('小召乡', '2022-04', { hazards_found: 14 })]),
    bytesOf('fix'),
    {
      kind: 'url',
      name: '四月更正.csv',
      url: 'https://data.example.gov.cn/fix.csv',
      httpStatus: 200,
    },
  );
  await store.commitImport(p2, new Map([[p2.conflicts[0]!.key, 'replace']]));
  await store.saveSettings({
    districtName: '示例区',
    issuingOffice: '区安委会办公室',
    dueDay: 25,
    townships: [{ name: '小召乡', type: 'xiang', code: null, aliases: ['小召'] }],
  });
  await store.setProblemCategoryEdits({ rules: [{ keyword: '主体责任', category: 'P01' }] });
  return store;
}

const counts = (s: PersistentStore) => ({
  batches: s.getSnapshot().batches.length,
  tm: s.getSnapshot().dataset.townshipMonths.length,
  hazards: s.getSnapshot().dataset.hazards.length,
  problems: s.getSnapshot().dataset.problems.length,
  revisions: s.getSnapshot().revisionCount,
});

describe('backup', () => {
  it('round-trips into an empty database', async () => {
    const source = await populated('src');
    const text = await source.exportBackup();
    const target = await makeStore('empty');
    const restored = await target.restoreBackup(text);
    expect(restored).toEqual({
      ok: true,
      value: {
        restored: 4,
        identical: 0,
        conflicting: 0,
        batchesAdded: 2,
        settingsAdopted: true,
        resolution: 'keep',
      },
    });
    expect(counts(target)).toEqual(counts(source));
    expect(target.getSnapshot().dataset).toEqual(source.getSnapshot().dataset);
    expect(target.getSnapshot().batches.map((b) => b.source)).toEqual(
      source.getSnapshot().batches.map((b) => b.source),
    );
    expect(await target.getProblemCategoryEdits()).toEqual({
      rules: [{ keyword: '主体责任', category: 'P01' }],
    });
    // The restored revision still restores.
    const [rev] = await target.listRevisions();
    expect(await target.restoreRevision(rev!.id)).toBe(true);
    expect(
      target.getSnapshot().dataset.townshipMonths.find((r) => r.township === '小召乡')!.hazards_found,
    ).toBe(12);
  });

  it('keeps the sheet of a workbook row and of its issues through a backup', async () => {
    const source = await makeStore('sheets');
    const row = tm(
      '小召乡',
      '2024-03',
      { hazards_found: 6 },
      { source: { file: '汇总.xlsx', line: 5, sheet: '2024年3月' } },
    );
    const base = result('汇总.xlsx', [row]);
    const issue = {
      ...base.issues[0],
      severity: 'warning',
      code: 'ingest.approx_values',
      file: '汇总.xlsx',
      line: 5,
      column: null,
      field: null,
      value: null,
      params: {},
      sheet: '2024年3月',
      cell: 'D5',
    } as const;
    const plan = await source.prepareImport({ ...base, issues: [issue] }, bytesOf('sheets'), {
      kind: 'file',
      name: '汇总.xlsx',
    });
    await source.commitImport(plan, new Map());
    const target = await makeStore('sheets-target');
    expect((await target.restoreBackup(await source.exportBackup())).ok).toBe(true);
    expect(target.getSnapshot().dataset.townshipMonths[0]?.source).toMatchObject({
      line: 5,
      sheet: '2024年3月',
    });
    expect(target.getSnapshot().batches[0]?.issues[0]).toMatchObject({ sheet: '2024年3月', cell: 'D5' });
  });

  it('round-trips two identical ledger lines of one file (occurrence ids 0 and 1)', async () => {
    const source = await makeStore('twins');
    const line = hazard('小召乡', '2022-04-05', '灭火器过期未更换');
    const plan = await source.prepareImport(
      result('台账.csv', [], { hazards: [line, line] }),
      bytesOf('twins'),
      {
        kind: 'file',
        name: '台账.csv',
      },
    );
    await source.commitImport(plan, new Map());
    expect(source.getSnapshot().dataset.hazards).toHaveLength(2);
    const target = await makeStore('twins-target');
    const restored = await target.restoreBackup(await source.exportBackup());
    expect(restored.ok).toBe(true);
    expect(target.getSnapshot().dataset.hazards).toHaveLength(2);
  });

  it('restoring into the same database twice changes nothing', async () => {
    const store = await populated('same');
    const text = await store.exportBackup();
    const before = counts(store);
    const res = await store.restoreBackup(text);
    expect(res).toEqual({
      ok: true,
      value: {
        restored: 0,
        identical: 4,
        conflicting: 0,
        batchesAdded: 0,
        settingsAdopted: false,
        resolution: 'keep',
      },
    });
    expect(counts(store)).toEqual(before);
  });

  it.each([
    ['keep', 31, 0],
    ['replace', 30, 1],
  ] as const)('into an existing database with a conflict (%s → %i)', async (resolution, value, revisions) => {
    const source = await populated('src2');
    const text = await source.exportBackup();
    const target = await makeStore('existing');
    const p = await target.prepareImport(
      result('本地.csv', [
        tm('城关镇', '2022-04', { hazards_found: 31 }),
        tm('城关镇', '2022-05', { hazards_found: 3 }),
      ]),
      bytesOf('local'),
      { kind: 'file', name: '本地.csv' },
    );
    await target.commitImport(p, new Map());
    const res = await target.restoreBackup(text, resolution);
    expect(res.ok && res.value).toMatchObject({ restored: 3, identical: 0, conflicting: 1, batchesAdded: 2 });
    const cg = target
      .getSnapshot()
      .dataset.townshipMonths.filter((r) => r.township === '城关镇' && r.period === '2022-04');
    expect(cg).toHaveLength(1);
    expect(cg[0]!.hazards_found).toBe(value);
    expect(target.getSnapshot().revisionCount).toBe(1 + revisions);
  });

  const valid = async () =>
    JSON.parse(await (await populated('v')).exportBackup()) as Record<string, unknown>;

  it.each<[string, (b: Record<string, unknown>) => unknown, string]>([
    ['malformed JSON', () => '{"format":', 'store.validation.bad_json'],
    ['foreign format', (b) => ({ ...b, format: 'excel' }), 'store.validation.wrong_format'],
    ['newer schema', (b) => ({ ...b, schema_version: 99 }), 'store.validation.schema_version'],
    [
      '__proto__ key',
      (b) =>
        JSON.parse(
          JSON.stringify(b).replace('"township":"小召乡"', '"__proto__":{"polluted":1},"township":"小召乡"'),
        ),
      'store.validation.hostile_key',
    ],
    [
      'text in a count',
      (b) => ({
        ...b,
        records: (b.records as Record<string, unknown>[]).map((r) => ({
          ...r,
          record: { ...(r.record as object), hazards_found: '12' },
        })),
      }),
      'store.validation.bad_record',
    ],
    [
      'bad period',
      (b) => ({
        ...b,
        records: (b.records as Record<string, unknown>[]).map((r) => ({
          ...r,
          record: { ...(r.record as object), period: '2022-13' },
        })),
      }),
      'store.validation.bad_record',
    ],
    [
      'forged record id',
      (b) => ({
        ...b,
        records: (b.records as Record<string, unknown>[]).map((r) => ({ ...r, id: 'township_month\u0001x' })),
      }),
      'store.validation.bad_record',
    ],
    ['record of a missing batch', (b) => ({ ...b, batches: [] }), 'store.validation.bad_record'],
    ['bad settings', (b) => ({ ...b, settings: { dueDay: 0 } }), 'store.validation.due_day'],
    [
      'unknown issue code',
      (b) => ({
        ...b,
        batches: (b.batches as Record<string, unknown>[]).map((x) => ({
          ...x,
          issues: [{ severity: 'error', code: 'evil.key', params: {} }],
        })),
      }),
      'store.validation.bad_batch',
    ],
  ])('refuses %s and leaves the database unchanged', async (_label, mutate, code) => {
    const base = await valid();
    const mutated = mutate(base);
    const text = typeof mutated === 'string' ? mutated : JSON.stringify(mutated);
    expect(parseBackup(text).ok).toBe(false);
    const target = await makeStore('refuse');
    const res = await target.restoreBackup(text);
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.map((i) => i.code)).toContain(code);
    // The Chinese message carries no English fragment (field names in quotes are data, not prose).
    if (!res.ok)
      for (const issue of res.error)
        expect(validationIssueText('zh-CN', issue)).not.toMatch(
          /\b(is not|not an?|unknown|missing|does not|malformed|duplicate|invalid)\b/i,
        );
    expect(counts(target)).toEqual({ batches: 0, tm: 0, hazards: 0, problems: 0, revisions: 0 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
