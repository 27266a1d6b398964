import { describe, expect, it } from 'vitest';
import { NUMERIC_FIELDS } from '../domain/records';
import { buildCube } from './cube';
import {
  aggregateMetric,
  cellFieldValue,
  cellMetricValues,
  defaultFilters,
  filterPeriods,
  filterTownships,
  formatMetricValue,
  isMetricId,
  metricDef,
  metricLabel,
  METRICS,
  townshipBacklog,
} from './metrics';
import { dataset, hz, sampleDistrict, tm, township } from './test-fixtures';

const cube = buildCube(sampleDistrict());
const ALL = cube.townships;

describe('metric registry', () => {
  it('registers every numeric field and the derived metrics with zh/en labels', () => {
    for (const f of NUMERIC_FIELDS) expect(METRICS.has(f)).toBe(true);
    for (const id of METRICS.keys()) {
      expect(metricLabel(id, 'zh-CN')).not.toMatch(/^charts\./);
      expect(metricLabel(id, 'en')).not.toBe(metricLabel(id, 'zh-CN'));
    }
    expect(metricDef('rectification_rate')).toMatchObject({
      summable: false,
      kind: 'ratio',
      format: 'percent',
    });
    expect(metricDef('hazards_found').summable).toBe(true);
    expect(isMetricId('major_open')).toBe(true);
    expect(isMetricId('__proto__')).toBe(false);
  });

  it('takes units and number formats from the field registry, as the hand-written map had them', () => {
    // The UNIT_OF map and MONEY set that metrics.ts wrote out before issue 10.
    const before: Record<string, string> = {
      units_inspected: 'charts.unit.unit_visits',
      inspector_person_times: 'charts.unit.person_times',
      hazards_found: 'charts.unit.hazards',
      hazards_rectified: 'charts.unit.hazards',
      hazards_major_found: 'charts.unit.hazards',
      hazards_major_rectified: 'charts.unit.hazards',
      rectification_notices: 'charts.unit.copies',
      penalty_cases: 'charts.unit.cases',
      meetings_held: 'charts.unit.times',
      trainings_held: 'charts.unit.sessions',
      training_person_times: 'charts.unit.person_times',
      warning_edu_sessions: 'charts.unit.sessions',
      publicity_events: 'charts.unit.times',
      leaflets_distributed: 'charts.unit.copies',
      drills_held: 'charts.unit.times',
      accidents: 'charts.unit.cases',
      deaths: 'charts.unit.persons',
      injuries: 'charts.unit.persons',
      rectification_funds_10k_yuan: 'charts.unit.money',
      fines_10k_yuan: 'charts.unit.money',
      direct_loss_10k_yuan: 'charts.unit.money',
    };
    const money = new Set(['rectification_funds_10k_yuan', 'fines_10k_yuan', 'direct_loss_10k_yuan']);
    for (const f of NUMERIC_FIELDS) {
      expect(metricDef(f).unitKey).toBe(before[f]);
      expect(metricDef(f).format).toBe(money.has(f) ? 'decimal' : 'integer');
    }
    expect(Object.keys(before)).toHaveLength(NUMERIC_FIELDS.length);
  });

  it.each([
    ['hazards_found', 1234, 'zh-CN', '1,234'],
    ['rectification_rate', 31 / 33, 'zh-CN', '93.9%'],
    ['fines_10k_yuan', 0.125, 'en', '0.13'],
    ['hazards_found', null, 'zh-CN', null],
  ] as const)('formats %s %s', (id, v, lang, out) => {
    expect(formatMetricValue(id, v, lang)).toBe(out);
  });
});

describe('filters', () => {
  it('lists months and canonicalises township names in official order', () => {
    expect(filterPeriods({ from: '2024-03', to: '2024-01' })).toEqual([]);
    expect(filterPeriods({ from: '', to: '' })).toEqual([]);
    expect(filterTownships(cube, { townships: ['新华乡', '小召乡', '不存在乡'] })).toEqual([
      '小召乡',
      '新华镇',
    ]);
    expect(defaultFilters(cube)).toEqual({ from: '2023-03', to: '2024-04', townships: null, sector: null });
    expect(defaultFilters(buildCube(dataset({})))).toMatchObject({ from: '', to: '' });
  });
});

describe('aggregateMetric', () => {
  it.each([
    // metric, months, value, reporting, contributing
    ['hazards_found', ['2024-01'], 33, 4, 4],
    ['hazards_found', ['2024-03'], 32, 3, 2], // 小召乡 missing, 东关街道's ytd decrease → null
    ['hazards_found', ['2023-12'], null, 0, 0], // nobody reported: a gap, not 0
    ['rectification_rate', ['2024-01'], 31 / 33, 4, 4],
    ['rectification_rate', ['2024-03'], 22 / 32, 3, 2],
    ['hazards_per_100_units', ['2024-01'], (33 / 60) * 100, 4, 4],
    ['attendance_per_training', ['2024-01'], 170 / 4, 4, 4],
    ['major_open', ['2024-02'], 1, 4, 2],
    ['major_open', ['2023-03'], null, 2, 0],
  ] as const)('%s over %j', (metric, months, value, reporting, contributing) => {
    const a = aggregateMetric(cube, metric, ALL, months, null);
    if (value === null) expect(a.value).toBeNull();
    else expect(a.value).toBeCloseTo(value, 6);
    expect(a).toMatchObject({ reporting, contributing, expected: 4 });
  });

  it('pools rates from sums, never averaging township rates', () => {
    const months = ['2024-01', '2024-02', '2024-03', '2024-04'];
    const pooled = aggregateMetric(cube, 'rectification_rate', ALL, months, null).value;
    expect(pooled).toBeCloseTo(95 / 116, 6);
    const meanOfRates = (17 / 18 + 56 / 72 + 18 / 22 + 4 / 4) / 4;
    expect(pooled).not.toBeCloseTo(meanOfRates, 3);
  });

  it('gives a null rate when nothing was found, not 0 or NaN', () => {
    expect(aggregateMetric(cube, 'rectification_rate', ['新华镇'], ['2024-01'], null).value).toBeNull();
  });

  it('normalises counts per 100 units inspected over township-months with both values', () => {
    const a = aggregateMetric(
      cube,
      'hazards_found',
      ['东关街道'],
      ['2024-01', '2024-02', '2024-03', '2024-04'],
      null,
      {
        normalise: true,
      },
    );
    expect(a.value).toBeCloseTo((22 / 90) * 100, 6);
  });

  it('returns null with zero counts for an empty selection', () => {
    expect(aggregateMetric(cube, 'hazards_found', [], ['2024-01'], null)).toEqual({
      value: null,
      reporting: 0,
      contributing: 0,
      expected: 0,
    });
  });
});

describe('townshipBacklog', () => {
  it('accumulates major found − rectified, carrying over missing months', () => {
    const b = townshipBacklog(cube, '小召乡', null);
    expect(['2023-03', '2024-01', '2024-02', '2024-03', '2024-04'].map((p) => b.get(p))).toEqual([
      null,
      0,
      1,
      1,
      0,
    ]);
    expect(townshipBacklog(cube, '城关镇', null).get('2024-01')).toBe(1);
  });
});

describe('sector filter', () => {
  const sectorCube = buildCube(
    dataset({
      townships: [township('小召乡'), township('城关镇')],
      townshipMonths: [
        tm('小召乡', '2024-01', { hazards_found: 8, trainings_held: 1 }, { focus_sectors: ['fireworks'] }),
        tm('小召乡', '2024-02', { hazards_found: 6, trainings_held: 2 }, { focus_sectors: ['fire'] }),
        tm(
          '城关镇',
          '2024-01',
          { hazards_found: 20, trainings_held: 3 },
          { focus_sectors: ['construction'] },
        ),
        tm('城关镇', '2024-02', { hazards_found: 10, trainings_held: 4 }),
      ],
      hazards: [
        hz('城关镇', '2024-01-09', 'fireworks'),
        hz('城关镇', '2024-01-10', 'fireworks', { status: 'in_progress' }),
        hz('城关镇', '2024-02-03', 'gas'),
      ],
    }),
  );

  it.each([
    // township, month, field, sector, expected
    ['小召乡', '2024-01', 'hazards_found', 'fireworks', 8], // focus sector: whole value attributed
    ['小召乡', '2024-02', 'hazards_found', 'fireworks', null], // not its focus: unknown for the sector
    ['小召乡', '2024-01', 'trainings_held', 'fireworks', 1],
    ['城关镇', '2024-01', 'hazards_found', 'fireworks', 2], // itemised ledger wins over the report total
    ['城关镇', '2024-01', 'hazards_rectified', 'fireworks', 1],
    ['城关镇', '2024-02', 'hazards_found', 'fireworks', 0], // ledger covers Feb and lists none
    ['城关镇', '2024-01', 'trainings_held', 'fireworks', 3], // active in the sector via its ledger
    ['城关镇', '2024-02', 'trainings_held', 'fireworks', null],
    ['城关镇', '2024-02', 'hazards_found', null, 10],
  ] as const)('%s %s %s [%s] → %s', (t, p, field, sector, expected) => {
    expect(cellFieldValue(sectorCube, t, p, field, sector)).toBe(expected);
  });

  it('aggregates the district under a sector', () => {
    const a = aggregateMetric(
      sectorCube,
      'hazards_found',
      sectorCube.townships,
      ['2024-01', '2024-02'],
      'fireworks',
    );
    expect(a.value).toBe(8 + 2 + 0);
  });
});

describe('cellMetricValues (the dense read of the cube, issue 13)', () => {
  // A district with reports, a ledger-only township, a renamed township, a month outside the
  // cube and a township the cube does not know: every cell must equal the aggregate of that cell.
  const d = sampleDistrict();
  const mixed = buildCube({
    ...d,
    hazards: [
      hz('城关镇', '2024-01-09', 'fireworks'),
      hz('城关镇', '2024-02-03', 'gas', { status: 'in_progress' }),
      hz('台账镇', '2024-03-03', 'gas'),
    ],
  });
  const periods = ['2023-12', ...mixed.periods, '2099-01'];
  const townships = [...mixed.townships, '不存在镇'];

  it.each([...METRICS.keys()])(
    '%s equals aggregateMetric cell by cell, with and without a sector',
    (metric) => {
      for (const sector of [null, 'gas', 'fireworks'] as const)
        for (const normalise of [false, true]) {
          const values = cellMetricValues(mixed, metric, townships, periods, sector, { normalise });
          townships.forEach((t, i) =>
            periods.forEach((p, j) =>
              expect(values[i]![j], `${t} ${p} ${sector} ${normalise}`).toBe(
                aggregateMetric(mixed, metric, [t], [p], sector, { normalise }).value,
              ),
            ),
          );
        }
    },
  );
});
