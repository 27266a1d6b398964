/**
 * The 通报 and the dashboard use one ranking rule and one rate formula (rank.ts competitionRanks,
 * metrics.ts pooledRatio, compare.ts compareValues; docs/decisions/0004-counting-rules.md): the
 * bulletin's ranking table gives every township the rank and the rate the 对比 view's ranking gives
 * it, for every month of the bundled sample and for rates that print alike but differ.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCube, type Cube } from '../../analysis/cube';
import { aggregateMetric } from '../../analysis/metrics';
import { rankTownships } from '../../analysis/rank';
import { dataset, tm, township } from '../../analysis/test-fixtures';
import type { Period } from '../../domain/month';
import type { Dataset } from '../../domain/records';
import { ingestBytes } from '../../ingest/ingest-file';
import { buildBulletinFacts } from './bulletin-facts';
import { buildBulletinModel } from './bulletin-model';

function sampleDataset(): Dataset {
  const bytes = readFileSync(join(process.cwd(), 'public/sample/dataset.json'));
  const r = ingestBytes(new Uint8Array(bytes), {
    fileName: 'dataset.json',
    knownTownships: [],
    today: '2099-01-01',
  });
  expect(r.status).toBe('ok');
  return {
    district: r.district,
    townships: r.townships,
    townshipMonths: r.townshipMonths,
    hazards: r.hazards,
    problems: r.problems,
  };
}

/** [township, rank, rate in % with one decimal] of the bulletin's ranked rows, in table order. */
function bulletinRanks(ds: Dataset, cube: Cube, month: Period) {
  const facts = buildBulletinFacts(ds, month, { issuingOffice: '区安委办', cutoffDate: '2099-01-01' }, cube);
  return buildBulletinModel(facts)
    .ranking.table.rows.filter((row) => row[0] !== null)
    .map((row) => [row[1], row[0], row[5]]);
}

/** The same triples from the dashboard's ranking (the 对比 view) for that one month. */
function dashboardRanks(cube: Cube, month: Period) {
  const filters = { from: month, to: month, townships: null, sector: null };
  return rankTownships(cube, { metric: 'rectification_rate', filters })
    .rows.filter((r) => r.rank !== null)
    .map((r) => [r.township, r.rank, Math.round(r.value! * 1000 + 1e-9) / 10]);
}

describe('bulletin and dashboard agree', () => {
  const ds = sampleDataset();
  const cube = buildCube(ds);

  it.each(cube.periods.map((p) => [p]))('%s: same ranks and rates for every township', (month) => {
    const bulletin = bulletinRanks(ds, cube, month);
    expect(bulletin).toEqual(dashboardRanks(cube, month));
  });

  it('the sample has ranked months, so the comparison above is not vacuous', () => {
    expect(cube.periods.length).toBeGreaterThan(12);
    expect(bulletinRanks(ds, cube, cube.periods.at(-1)!).length).toBeGreaterThan(10);
  });

  it('the district rate in the text is the dashboard KPI', () => {
    const month = cube.periods.at(-1)!;
    const facts = buildBulletinFacts(
      ds,
      month,
      { issuingOffice: '区安委办', cutoffDate: '2099-01-01' },
      cube,
    );
    const text = buildBulletinModel(facts).sections.find((s) => s.id === 'hazards')!.paragraphs[0]!;
    const kpi = aggregateMetric(cube, 'rectification_rate', cube.townships, [month], null).value!;
    expect(text).toContain(`${(kpi * 100).toFixed(1)}%`);
  });

  it('two rates that print alike (93.0%) but differ rank as on the dashboard: 80/86 first, 93/100 second', () => {
    const small = dataset({
      townships: [township('小召乡'), township('城关镇')],
      townshipMonths: [
        tm('小召乡', '2024-03', { hazards_found: 100, hazards_rectified: 93 }),
        tm('城关镇', '2024-03', { hazards_found: 86, hazards_rectified: 80 }),
      ],
    });
    const c = buildCube(small);
    const expected = [
      ['城关镇', 1, 93],
      ['小召乡', 2, 93],
    ];
    expect(dashboardRanks(c, '2024-03')).toEqual(expected);
    expect(bulletinRanks(small, c, '2024-03')).toEqual(expected);
  });
});
