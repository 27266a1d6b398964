/**
 * Every view's content builds at 2,000 townships × 120 months without throwing (no spread of
 * data-sized arrays, no quadratic blow-up), and the 问题 model at 20k "other" statements.
 * Nothing here asserts a duration (machines differ): timings are in `npm run bench`.
 */
import { describe, expect, it } from 'vitest';
import { attentionList } from '../../src/analysis/attention';
import { overviewKpis } from '../../src/analysis/compare';
import { buildCube } from '../../src/analysis/cube';
import { EMPTY_PROBLEM_EDITS } from '../../src/analysis/problems/edits';
import { rankTownships } from '../../src/analysis/rank';
import { submissionMatrix } from '../../src/analysis/submissions';
import { trainingStreaks } from '../../src/analysis/training';
import type { ChartSpec } from '../../src/charts/chart-spec';
import { buildRankingSpec, buildScatterSpec, buildSmallMultiplesSpec } from '../../src/charts/compare-charts';
import {
  buildFoundRectifiedSpec,
  buildMajorBacklogSpec,
  buildSectorStackSpec,
} from '../../src/charts/hazard-charts';
import { buildHeatmapSpec } from '../../src/charts/heatmap';
import { buildProblemHeatmap } from '../../src/charts/problems/heatmap';
import { buildProblemTimeline } from '../../src/charts/problems/timeline';
import { buildProblemTrend } from '../../src/charts/problems/trend';
import { buildSubmissionMatrixSpec } from '../../src/charts/submission-chart';
import {
  buildActivitiesSpec,
  buildAttendanceSpec,
  buildTrainingMatrixSpec,
} from '../../src/charts/training-charts';
import { buildTrendSpec } from '../../src/charts/trend';
import { buildBulletinFacts } from '../../src/export/bulletin/bulletin-facts';
import { buildBulletinModel } from '../../src/export/bulletin/bulletin-model';
import { deriveProblemModel } from '../../src/features/problems/problem-model';
import { largeDataset } from './large-dataset';

const LONG = 300_000; // generous per-test limit: a slow shared machine is not a failure

describe('2,000 townships × 120 months', () => {
  const ds = largeDataset();
  const cube = buildCube(ds);
  const filters = { from: cube.periods[0]!, to: cube.periods.at(-1)!, townships: null, sector: null };
  const last = cube.periods.at(-1)!;
  const lang = 'zh-CN' as const;

  it('has the size it claims', () => {
    expect(cube.townships).toHaveLength(2000);
    expect(cube.periods).toHaveLength(120);
  });

  it(
    'builds every chart of 总览, 隐患, 培训, 对比 and 报送',
    () => {
      const specs: ChartSpec[] = [
        buildTrendSpec(cube, { metrics: ['hazards_found', 'rectification_rate'], filters, lang }),
        buildFoundRectifiedSpec(cube, { filters, lang }),
        buildHeatmapSpec(cube, { metric: 'hazards_found', filters, lang }),
        buildSectorStackSpec(cube, { filters, lang }),
        buildMajorBacklogSpec(cube, { filters, lang }),
        buildActivitiesSpec(cube, { filters, lang }),
        buildTrainingMatrixSpec(cube, { filters, lang }),
        buildAttendanceSpec(cube, { filters, lang }),
        buildRankingSpec(cube, { metric: 'hazards_found', filters, lang }),
        buildSmallMultiplesSpec(cube, { metric: 'hazards_found', filters, lang }),
        buildSmallMultiplesSpec(cube, { metric: 'rectification_rate', filters, lang }),
        buildScatterSpec(cube, { x: 'hazards_per_100_units', y: 'rectification_rate', filters, lang }),
        buildSubmissionMatrixSpec(cube, { filters, lang }),
      ];
      for (const s of specs) {
        expect(s.empty, s.id).toBe(false);
        expect(s.table.rows.length, s.id).toBeGreaterThan(0);
      }
      expect(overviewKpis(cube, last, filters).length).toBeGreaterThan(0);
      expect(attentionList(cube, last, filters).length).toBeGreaterThan(0);
      expect(rankTownships(cube, { metric: 'rectification_rate', filters }).rows).toHaveLength(2000);
      expect(submissionMatrix(cube, filters).rows).toHaveLength(2000);
      expect(trainingStreaks(cube, last, filters)).toHaveLength(2000);
    },
    LONG,
  );

  it(
    'builds the 通报 model',
    () => {
      const facts = buildBulletinFacts(
        ds,
        last,
        { issuingOffice: '区安委办', cutoffDate: '2025-01-05' },
        cube,
      );
      const model = buildBulletinModel(facts);
      expect(model.ranking.table.rows).toHaveLength(2000);
    },
    LONG,
  );

  it(
    'builds the 问题 model and charts at 20k "other" statements',
    () => {
      const m = deriveProblemModel(ds, EMPTY_PROBLEM_EDITS, { from: null, to: null, townships: [] });
      const others = m.visible.filter((s) => s.category === 'P99').length;
      expect(others).toBeGreaterThanOrEqual(20_000);
      expect(m.clusters.reduce((n, c) => n + c.members.length, 0)).toBe(others);
      const input = { statements: m.visible, townships: ds.townships, from: m.from!, to: m.to!, lang };
      expect(buildProblemHeatmap(input).empty).toBe(false);
      expect(buildProblemTrend(input).empty).toBe(false);
      expect(buildProblemTimeline({ ...input, township: m.townships[0]! }).empty).toBe(false);
    },
    LONG,
  );
});
