/**
 * Ledger rows reach the township × month figures, and the ledger-vs-report cross-check, on a
 * realistic ledger (隐患台账) plus monthly reports. Rule: docs/decisions/0005-ledger-and-report-totals.md.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { overviewKpis } from '../../src/analysis/compare';
import { buildCube } from '../../src/analysis/cube';
import { ledgerReportChecks, townshipMonthFigure } from '../../src/analysis/hazard-figures';
import { aggregateMetric, defaultFilters } from '../../src/analysis/metrics';
import { rankTownships } from '../../src/analysis/rank';
import { townshipSeries } from '../../src/analysis/series';
import type { Dataset } from '../../src/domain/records';
import { buildBulletinFacts } from '../../src/export/bulletin/bulletin-facts';
import { buildBulletinModel } from '../../src/export/bulletin/bulletin-model';
import { ingestBytes } from '../../src/ingest/ingest-file';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'ingest');
const read = (name: string) =>
  ingestBytes(new Uint8Array(readFileSync(join(DIR, name))), {
    fileName: name,
    knownTownships: [],
    today: '2024-04-15',
  });
const ledger = read('hazard-ledger-2024-03.csv');
const report = read('monthly-report-2024-03.csv');
const dataset: Dataset = {
  district: '云川区',
  townships: [],
  townshipMonths: report.townshipMonths,
  hazards: ledger.hazards,
  problems: [],
};
const cube = buildCube(dataset);

describe('hazard figures: report first, ledger where there is no report', () => {
  it('takes the report where there is one and the ledger count where there is none', () => {
    const fig = (t: string, f: 'hazards_found' | 'hazards_rectified' | 'hazards_major_found') =>
      townshipMonthFigure(cube, t, '2024-03', f);
    expect(fig('城关镇', 'hazards_found')).toEqual({ value: 23, source: 'report' });
    // 河口镇 sent no March report; its ledger lists 3 items, 2 rectified.
    expect(fig('河口镇', 'hazards_found')).toEqual({ value: 3, source: 'ledger' });
    expect(fig('河口镇', 'hazards_rectified')).toEqual({ value: 2, source: 'ledger' });
    expect(fig('河口镇', 'hazards_major_found')).toEqual({ value: 0, source: 'ledger' });
    // February: before the ledger starts, and 河口镇 reported.
    expect(townshipMonthFigure(cube, '河口镇', '2024-02', 'hazards_found')).toEqual({
      value: 6,
      source: 'report',
    });
  });

  it('the heatmap matrix, KPIs, ranking and bulletin all count 河口镇 from its ledger', () => {
    const filters = { ...defaultFilters(cube), from: '2024-03', to: '2024-03' };
    const rows = townshipSeries(cube, 'hazards_found', filters).rows;
    expect(rows.map((r) => [r.township, r.values[0]])).toEqual([
      ['城关镇', 23],
      ['小召乡', 4],
      ['河口镇', 3],
    ]);
    const kpi = overviewKpis(cube, '2024-03', { townships: null, sector: null });
    expect(kpi.find((k) => k.id === 'hazards_found')?.value).toBe(30);
    expect(kpi.find((k) => k.id === 'hazards_rectified')?.value).toBe(25);
    // A ledger is not a report: the reports card still says 2 of 3.
    expect(kpi.find((k) => k.id === 'reports')?.value).toBe(2);
    const rank = rankTownships(cube, { metric: 'hazards_found', filters });
    expect(rank.rows.find((r) => r.township === '河口镇')).toMatchObject({ value: 3, status: 'ok' });
    expect(aggregateMetric(cube, 'rectification_rate', cube.townships, ['2024-03'], null).value).toBeCloseTo(
      25 / 30,
      6,
    );
    const facts = buildBulletinFacts(
      dataset,
      '2024-03',
      { issuingOffice: '办公室', cutoffDate: '2024-04-15' },
      cube,
    );
    const hekou = facts.townships.find((x) => x.township === '河口镇');
    expect([hekou?.status, hekou?.current?.hazardsFound, hekou?.current?.trainingsHeld]).toEqual([
      'missing',
      3,
      null,
    ]);
    const text = buildBulletinModel(facts)
      .sections.flatMap((s) => s.paragraphs)
      .join('');
    expect(text).toContain('全区共排查隐患30处');
    expect(text).toContain('已整改25处');
  });

  it('a report that leaves a hazard figure blank falls back to the ledger for that figure only', () => {
    const blank = ingestBytes(new TextEncoder().encode('乡镇,月份,排查隐患,已整改\n河口镇,2024-03,,\n'), {
      fileName: 'blank.csv',
      knownTownships: [],
      today: '2024-04-15',
    });
    const c = buildCube({ ...dataset, townshipMonths: [...report.townshipMonths, ...blank.townshipMonths] });
    expect(townshipMonthFigure(c, '河口镇', '2024-03', 'hazards_found')).toEqual({
      value: 3,
      source: 'ledger',
    });
    expect(townshipMonthFigure(c, '河口镇', '2024-03', 'trainings_held')).toEqual({
      value: null,
      source: null,
    });
  });
});

describe('ledgerReportChecks', () => {
  it('compares like with like: same township and month, found and rectified; warns, keeps both', () => {
    const checks = ledgerReportChecks(cube);
    expect(checks.map((c) => [c.township, c.period, c.field, c.report, c.ledger])).toEqual([
      ['城关镇', '2024-03', 'hazards_found', 23, 19],
      ['城关镇', '2024-03', 'hazards_rectified', 20, 15],
    ]);
    expect(checks[0]?.reportSource).toEqual({ file: 'monthly-report-2024-03.csv', line: 5 });
    expect(checks[0]?.ledgerFiles).toEqual(['hazard-ledger-2024-03.csv']);
    // 小召乡 agrees (4/3); 河口镇 has no March report; February is outside the ledger.
    expect(ledgerReportChecks(cube, { township: '小召乡', period: '2024-03' })).toEqual([]);
    expect(ledgerReportChecks(cube, { township: '城关镇', period: '2024-02' })).toEqual([]);
  });
});
