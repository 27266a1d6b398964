import { describe, expect, it } from 'vitest';
import { EMPTY_DATASET } from '../domain/records';
import { buildCube, cubeOf } from './cube';
import { buildTownshipIndex, collateZh } from './township-order';
import { deriveMonthlyFromYtd } from './ytd';
import { dataset, hz, tm, township } from './test-fixtures';

describe('buildTownshipIndex', () => {
  it('keeps the official order, then unlisted townships by first appearance (not code-point order)', () => {
    const idx = buildTownshipIndex(
      dataset({
        townships: [township('小召乡'), township('城关镇'), township('东关街道')],
        townshipMonths: [tm('阿拉镇', '2024-01'), tm('东关街道', '2024-01'), tm('八里乡', '2024-01')],
      }),
    );
    expect(idx.names).toEqual(['小召乡', '城关镇', '东关街道', '阿拉镇', '八里乡']);
    expect(idx.isListed('阿拉镇')).toBe(false);
    expect(idx.isListed('城关镇')).toBe(true);
  });

  it('uses first appearance when there is no master list', () => {
    const idx = buildTownshipIndex(
      dataset({
        townshipMonths: [tm('城关镇', '2024-02'), tm('小召乡', '2024-01'), tm('城关镇', '2024-01')],
      }),
    );
    expect(idx.names).toEqual(['城关镇', '小召乡']);
  });

  it('maps an old name to the renamed township, but a master name is never taken by an alias', () => {
    const idx = buildTownshipIndex(
      dataset({
        townships: [township('新华镇', ['新华乡', '城关镇']), township('城关镇')],
        townshipMonths: [tm('新华乡', '2024-01')],
      }),
    );
    expect(idx.canonical('新华乡')).toBe('新华镇');
    expect(idx.canonical('城关镇')).toBe('城关镇');
    expect(idx.canonical('未知乡')).toBe('未知乡');
    expect(idx.names).toEqual(['新华镇', '城关镇']);
  });

  it('collates Chinese alphabetically by pinyin when asked to', () => {
    expect(['小召乡', '阿拉镇', '城关镇'].sort(collateZh.compare)).toEqual(['阿拉镇', '城关镇', '小召乡']);
  });
});

describe('deriveMonthlyFromYtd', () => {
  const rows = [
    tm('东关街道', '2024-01', { hazards_found: 5, hazards_rectified: 5 }, { scope: 'ytd' }),
    tm(
      '东关街道',
      '2024-02',
      { hazards_found: 12, hazards_rectified: 11, trainings_held: 2 },
      { scope: 'ytd' },
    ),
    tm(
      '东关街道',
      '2024-03',
      { hazards_found: 10, hazards_rectified: 12, trainings_held: 3 },
      { scope: 'ytd' },
    ),
    tm('东关街道', '2024-05', { hazards_found: 30 }, { scope: 'ytd' }),
    tm('东关街道', '2025-01', { hazards_found: 3, fines_10k_yuan: 0.3 }, { scope: 'ytd' }),
    tm('东关街道', '2025-02', { hazards_found: 3, fines_10k_yuan: 0.4 }, { scope: 'ytd' }),
  ];
  const { months, anomalies } = deriveMonthlyFromYtd(rows);
  const at = (p: string) => months.find((m) => m.period === p)!.values;

  it.each([
    ['2024-01', 'hazards_found', 5],
    ['2024-02', 'hazards_found', 7],
    ['2024-02', 'hazards_rectified', 6],
    ['2024-02', 'trainings_held', null], // January's trainings were blank: unknown, not 0
    ['2024-03', 'hazards_found', null], // 10 < 12: a decrease is never a negative flow
    ['2024-03', 'hazards_rectified', 1],
    ['2024-03', 'trainings_held', 1],
    ['2024-05', 'hazards_found', null], // April's ytd row is missing
    ['2025-01', 'hazards_found', 3], // a new year restarts the sum
    ['2025-02', 'hazards_found', 0],
    ['2025-02', 'fines_10k_yuan', 0.1], // no binary noise (0.4 - 0.3)
  ] as const)('%s %s → %s', (period, field, expected) => {
    expect(at(period)[field]).toBe(expected);
  });

  it('logs a decrease as an anomaly with both totals', () => {
    expect(anomalies).toEqual([
      {
        kind: 'ytd_decrease',
        township: '东关街道',
        period: '2024-03',
        field: 'hazards_found',
        previous: 12,
        current: 10,
      },
    ]);
  });

  it('ignores month rows and empty input', () => {
    expect(deriveMonthlyFromYtd([tm('小召乡', '2024-02', { hazards_found: 1 })]).months).toEqual([]);
    expect(deriveMonthlyFromYtd([])).toEqual({ months: [], anomalies: [] });
  });
});

describe('cubeOf', () => {
  it('builds one cube per dataset object and a new one for a changed dataset', () => {
    const a = dataset({ hazards: [hz('小召乡', '2024-01-05', 'fire'), hz('小召乡', '2024-01-09', 'fire')] });
    expect(cubeOf(a)).toBe(cubeOf(a));
    expect(cubeOf(a).ledgerTotal('小召乡', '2024-01')?.found).toBe(2);
    const b = { ...a, hazards: a.hazards.slice(1) };
    expect(cubeOf(b)).not.toBe(cubeOf(a));
    expect(cubeOf(b).ledgerTotal('小召乡', '2024-01')?.found).toBe(1);
  });

  it('leaves out ledger rows of a malformed month, and spans only the well-formed ones', () => {
    const good = hz('小召乡', '2024-03-05', 'fire', { level: 'major' });
    const bad = { ...hz('小召乡', '2024-05-05', 'fire'), period: '2024-13' };
    const cube = buildCube(dataset({ hazards: [good, bad, good] }));
    expect(cube.periods).toEqual(['2024-03']);
    expect(cube.ledgerTotal('小召乡', '2024-03')).toMatchObject({ found: 2, majorFound: 2 });
  });
});

describe('buildCube', () => {
  it('gives an empty cube for an empty dataset', () => {
    const cube = buildCube(EMPTY_DATASET);
    expect(cube.townships).toEqual([]);
    expect(cube.periods).toEqual([]);
    expect(cube.hasItemised).toBe(false);
    expect(cube.cell('小召乡', '2024-01')).toBeUndefined();
  });

  it('spans every month from the first to the last report, with gaps as missing cells', () => {
    const cube = buildCube(dataset({ townshipMonths: [tm('小召乡', '2023-11'), tm('小召乡', '2024-02')] }));
    expect(cube.periods).toEqual(['2023-11', '2023-12', '2024-01', '2024-02']);
    expect(cube.cell('小召乡', '2023-12')).toBeUndefined();
    expect(cube.cell('小召乡', '2024-02')?.source).toBe('month');
  });

  it('merges a renamed township and keeps null distinct from 0', () => {
    const cube = buildCube(
      dataset({
        townships: [township('新华镇', ['新华乡'])],
        townshipMonths: [
          tm('新华乡', '2024-01', { hazards_found: 0 }),
          tm('新华镇', '2024-02', { hazards_found: 4 }),
        ],
      }),
    );
    expect(cube.townships).toEqual(['新华镇']);
    expect(cube.cell('新华镇', '2024-01')?.values.hazards_found).toBe(0);
    expect(cube.cell('新华镇', '2024-01')?.values.accidents).toBeNull();
    expect(cube.cell('新华镇', '2024-02')?.values.hazards_found).toBe(4);
  });

  it('lets a month row win over a ytd-derived month and keeps the later duplicate', () => {
    const cube = buildCube(
      dataset({
        townshipMonths: [
          tm('东关街道', '2024-01', { hazards_found: 5 }, { scope: 'ytd' }),
          tm('东关街道', '2024-02', { hazards_found: 9 }, { scope: 'ytd' }),
          tm('东关街道', '2024-02', { hazards_found: 3 }),
          tm('城关镇', '2024-01', { hazards_found: 1 }),
          tm('城关镇', '2024-01', { hazards_found: 2 }),
        ],
      }),
    );
    expect(cube.cell('东关街道', '2024-02')).toMatchObject({ source: 'month', values: { hazards_found: 3 } });
    expect(cube.cell('东关街道', '2024-01')).toMatchObject({ source: 'ytd', values: { hazards_found: 5 } });
    expect(cube.cell('城关镇', '2024-01')?.values.hazards_found).toBe(2);
    expect(cube.anomalies).toContainEqual({
      kind: 'duplicate_report',
      township: '城关镇',
      period: '2024-01',
    });
  });

  it('skips rows with a malformed period as an anomaly', () => {
    const cube = buildCube(dataset({ townshipMonths: [tm('小召乡', '2024-13'), tm('小召乡', '2024-01')] }));
    expect(cube.periods).toEqual(['2024-01']);
    expect(cube.anomalies).toEqual([{ kind: 'bad_period', township: '小召乡', period: '2024-13' }]);
  });

  it('tallies itemised hazards by sector within the ledger span only', () => {
    const cube = buildCube(
      dataset({
        townships: [township('城关镇', ['城关乡'])],
        townshipMonths: [tm('城关镇', '2024-01'), tm('城关镇', '2024-04')],
        hazards: [
          hz('城关乡', '2024-02-03', 'fire'),
          hz('城关镇', '2024-02-10', 'fire', { level: 'major', status: 'in_progress' }),
          hz('城关镇', '2024-02-11', 'gas', { status: 'closed' }),
          hz('城关镇', '2024-03-15', 'fire', { level: 'major', status: 'rectified' }),
        ],
      }),
    );
    expect(cube.hasItemised).toBe(true);
    expect(cube.itemised('城关镇', '2024-01')).toBeUndefined();
    expect(cube.itemised('城关镇', '2024-04')).toBeUndefined();
    expect(cube.itemised('城关镇', '2024-02')?.get('fire')).toEqual({
      found: 2,
      rectified: 1,
      majorFound: 1,
      majorRectified: 0,
    });
    expect(cube.itemised('城关镇', '2024-02')?.get('gas')?.rectified).toBe(1);
    expect(cube.itemised('城关镇', '2024-03')?.get('fire')?.majorRectified).toBe(1);
  });
});

describe('buildCube: ledger files and spans', () => {
  const from = (file: string, h: ReturnType<typeof hz>) => ({ ...h, source: { file, line: h.source.line } });

  it("lists a month's files and a township's files in first-seen order, and spans out-of-order months", () => {
    const cube = buildCube(
      dataset({
        townships: [township('小召乡'), township('城关镇')],
        hazards: [
          from('三月.xlsx', hz('小召乡', '2024-03-02', 'fire')),
          from('一月.xlsx', hz('小召乡', '2024-01-09', 'gas')),
          from('三月.xlsx', hz('城关镇', '2024-03-04', 'fire')),
          from('补报.csv', hz('小召乡', '2024-03-20', 'fire', { level: 'major' })),
          from('三月.xlsx', hz('小召乡', '2024-03-21', 'fire')),
          from('五月.xlsx', hz('小召乡', '2024-05-01', 'road_traffic')),
        ],
      }),
    );
    expect(cube.ledgerFiles('小召乡', '2024-03')).toEqual(['三月.xlsx', '补报.csv']);
    expect(cube.ledgerFiles('小召乡', '2024-01')).toEqual(['一月.xlsx']);
    // A month inside the span that lists nothing: the township's files, first seen first.
    expect(cube.ledgerFiles('小召乡', '2024-04')).toEqual([
      '三月.xlsx',
      '一月.xlsx',
      '补报.csv',
      '五月.xlsx',
    ]);
    expect(cube.ledgerFiles('城关镇', '2024-03')).toEqual(['三月.xlsx']);
    expect(cube.ledgerTotal('小召乡', '2024-04')).toEqual({
      found: 0,
      rectified: 0,
      majorFound: 0,
      majorRectified: 0,
    });
    // January came second: the span still starts there, and February inside it counts zero.
    expect(cube.ledgerTotal('小召乡', '2024-01')).toEqual({
      found: 1,
      rectified: 1,
      majorFound: 0,
      majorRectified: 0,
    });
    expect(cube.ledgerTotal('小召乡', '2024-02')?.found).toBe(0);
    expect(cube.ledgerTotal('小召乡', '2023-12')).toBeUndefined();
    expect(cube.ledgerTotal('小召乡', '2024-06')).toBeUndefined();
    expect(cube.ledgerTotal('城关镇', '2024-02')).toBeUndefined();
    expect(cube.ledgerTotal('小召乡', '2024-03')).toEqual({
      found: 3,
      rectified: 3,
      majorFound: 1,
      majorRectified: 1,
    });
    expect([...(cube.itemised('小召乡', '2024-03')?.keys() ?? [])]).toEqual(['fire']);
    expect(cube.periods).toEqual(['2024-01', '2024-02', '2024-03', '2024-04', '2024-05']);
  });
});

describe('buildCube: hazard aggregates (agg.json) are tallied like ledger rows', () => {
  const ledger = [
    hz('小召乡', '2024-01-05', 'fire'),
    hz('小召乡', '2024-01-09', 'fire', { status: 'closed' }),
    hz('小召乡', '2024-01-12', 'fire', { level: 'major', status: 'in_progress' }),
    hz('小召乡', '2024-03-02', 'gas', { level: 'major', status: 'transferred' }),
  ];
  const tally = (
    period: string,
    sector: 'fire' | 'gas',
    level: 'general' | 'major',
    found: number,
    rectified: number,
  ) => ({
    township: '小召乡',
    period,
    sector,
    level,
    found,
    rectified,
    overdue: 0,
    as_of: '2024-03-31',
    source: { file: 'agg.json', line: 24 },
  });
  const fromLedger = buildCube(dataset({ townships: [township('小召乡')], hazards: ledger }));
  const fromTallies = buildCube(
    dataset({
      townships: [township('小召乡')],
      hazardTallies: [
        tally('2024-01', 'fire', 'general', 2, 2),
        tally('2024-01', 'fire', 'major', 1, 0),
        tally('2024-03', 'gas', 'major', 1, 0),
      ],
    }),
  );

  it('gives the same totals, sectors, span and periods', () => {
    expect(fromTallies.periods).toEqual(fromLedger.periods);
    expect(fromTallies.hasItemised).toBe(true);
    for (const p of fromLedger.periods) {
      expect(fromTallies.ledgerTotal('小召乡', p)).toEqual(fromLedger.ledgerTotal('小召乡', p));
      expect(fromTallies.itemised('小召乡', p)).toEqual(fromLedger.itemised('小召乡', p));
    }
    expect(fromTallies.ledgerTotal('小召乡', '2024-01')).toEqual({
      found: 3,
      rectified: 2,
      majorFound: 1,
      majorRectified: 0,
    });
    // February lies inside the span: covered, zero, exactly as a ledger that lists nothing then.
    expect(fromTallies.ledgerTotal('小召乡', '2024-02')).toEqual(fromLedger.ledgerTotal('小召乡', '2024-02'));
    expect(fromTallies.ledgerFiles('小召乡', '2024-01')).toEqual(['agg.json']);
  });
});
