import { describe, expect, it } from 'vitest';
import type { EChartsCoreOption } from 'echarts/core';
import { buildCube } from '../analysis/cube';
import { dataset, hz, sampleDistrict, tm, township } from '../analysis/test-fixtures';
import type { ChartSpec } from './chart-spec';
import { cleanLabel, DECAL_MAX_BARS, decalIfReadable } from './chart-common';
import { buildRankingSpec, buildScatterSpec, buildSmallMultiplesSpec } from './compare-charts';
import { echarts } from './echarts-setup';
// Server-side SVG rendering of every builder needs every registration (echarts-setup.ts).
import './echarts-extras';
import { buildFoundRectifiedSpec, buildMajorBacklogSpec, buildSectorStackSpec } from './hazard-charts';
import { buildHeatmapSpec } from './heatmap';
import { buildSubmissionMatrixSpec } from './submission-chart';
import { buildActivitiesSpec, buildAttendanceSpec, buildTrainingMatrixSpec } from './training-charts';
import { buildTrendSpec } from './trend';

const cube = buildCube(sampleDistrict());
const filters = { from: '2024-01', to: '2024-04', townships: null, sector: null };
const lang = 'zh-CN' as const;

type AnyOpt = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const opt = (s: ChartSpec) => s.option as AnyOpt;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const series = (s: ChartSpec): any[] => opt(s).series;

const allSpecs = (c: typeof cube, f: typeof filters, l: 'zh-CN' | 'en' = lang): ChartSpec[] => [
  buildTrendSpec(c, { metrics: ['hazards_found', 'rectification_rate'], filters: f, lang: l }),
  buildFoundRectifiedSpec(c, { filters: f, lang: l }),
  buildHeatmapSpec(c, { metric: 'hazards_found', filters: f, lang: l }),
  buildSectorStackSpec(c, { filters: f, lang: l }),
  buildMajorBacklogSpec(c, { filters: f, lang: l }),
  buildActivitiesSpec(c, { filters: f, lang: l }),
  buildTrainingMatrixSpec(c, { filters: f, lang: l }),
  buildAttendanceSpec(c, { filters: f, lang: l }),
  buildRankingSpec(c, { metric: 'hazards_found', filters: f, lang: l }),
  buildSmallMultiplesSpec(c, { metric: 'hazards_found', filters: f, lang: l }),
  buildScatterSpec(c, { x: 'hazards_per_100_units', y: 'rectification_rate', filters: f, lang: l }),
  buildSubmissionMatrixSpec(c, { filters: f, lang: l }),
];

/** Renders an option server-side (no DOM) to prove ECharts accepts it. */
function renders(option: EChartsCoreOption): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 800, height: 500 });
  chart.setOption(option);
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

describe('every builder', () => {
  const specs = allSpecs(cube, filters);

  it.each(specs.map((s) => [s.id, s] as const))(
    '%s: richText tooltip, no NaN, table and summary',
    (_id, s) => {
      expect(s.empty).toBe(false);
      expect(opt(s).tooltip.renderMode).toBe('richText');
      expect(opt(s).tooltip.extraCssText).toBeUndefined();
      expect(JSON.stringify(s.option)).not.toMatch(/NaN|Infinity/);
      expect(s.table.rows.length).toBeGreaterThan(0);
      for (const row of s.table.rows) expect(row).toHaveLength(s.table.columns.length);
      expect(s.summary).toMatch(/。$/);
      expect(s.summary).not.toMatch(/null|undefined|NaN|\{/);
      for (const x of series(s)) if (x.type === 'line') expect(x.connectNulls).toBe(false);
      expect(renders(s.option)).toContain('<svg');
    },
  );

  it.each(allSpecs(cube, filters, 'en').map((s) => [s.id, s] as const))('%s in English', (_id, s) => {
    expect(s.summary).toMatch(/\.$/);
    expect(s.title).not.toMatch(/[\u4e00-\u9fff]{2}/);
  });

  it.each(
    allSpecs(buildCube(dataset({})), { from: '', to: '', townships: null, sector: null }).map(
      (s) => [s.id, s] as const,
    ),
  )('%s: empty dataset gives an empty spec with a 暂无数据 graphic', (_id, s) => {
    expect(s.empty).toBe(true);
    expect(s.table.rows).toEqual([]);
    expect(JSON.stringify(s.option)).toContain('暂无数据');
    expect(renders(s.option)).toContain('<svg');
  });

  it.each(
    allSpecs(
      buildCube(
        dataset({
          townshipMonths: [
            tm(
              '小召乡',
              '2022-04',
              {
                hazards_found: 3,
                hazards_rectified: 3,
                units_inspected: 6,
                trainings_held: 1,
                training_person_times: 25,
                hazards_major_found: 0,
                hazards_major_rectified: 0,
              },
              { focus_sectors: ['fireworks'] },
            ),
          ],
        }),
      ),
      {
        from: '2022-04',
        to: '2022-04',
        townships: null,
        sector: null,
      },
    ).map((s) => [s.id, s] as const),
  )('%s: one township, one month still draws', (_id, s) => {
    expect(s.empty).toBe(false);
    expect(JSON.stringify(s.option)).not.toMatch(/NaN/);
    expect(renders(s.option)).toContain('<svg');
  });
});

describe('trend', () => {
  const s = buildTrendSpec(cube, {
    metrics: ['hazards_found', 'rectification_rate'],
    filters: { ...filters, from: '2023-12' },
    lang,
  });

  it('keeps missing months as null gaps and puts rates on a percent axis', () => {
    expect(series(s)[0].data).toEqual([null, 33, 25, 32, 26]);
    expect(series(s)[1]).toMatchObject({ yAxisIndex: 1 });
    expect(series(s)[1].data[1]).toBeCloseTo(93.9, 1);
    expect(series(s)[0].symbol).not.toBe(series(s)[1].symbol);
    expect(opt(s).xAxis.data[0]).toBe('2023年12月');
  });

  it('summarises the last month like for like and states coverage', () => {
    // April: 26; matched MoM over 城关镇 (12 vs 30) and 东关街道 (10 vs null → excluded): 12 vs 30.
    expect(s.summary).toBe(
      '2024年4月全区排查隐患26处，环比下降60%（按1个两期均报送的乡镇比较），本月有1个乡镇未报送。',
    );
    expect(s.table.rows[0]).toEqual(['2023年12月', null, null, 0]);
  });
});

describe('heatmap', () => {
  const s = buildHeatmapSpec(cube, { metric: 'hazards_found', filters, lang });

  it('lists townships in official order with gaps in a separate 未报送 layer', () => {
    expect(opt(s).yAxis.data).toEqual(['小召乡', '城关镇', '东关街道', '新华镇']);
    expect(opt(s).yAxis.inverse).toBe(true);
    const [values, gaps] = series(s);
    expect(values.data).toContainEqual([0, 1, 20]);
    expect(values.data).not.toContainEqual([2, 0, 0]);
    expect(gaps.name).toBe('未报送');
    expect(gaps.data).toEqual(
      expect.arrayContaining([
        [2, 0, 0],
        [2, 2, 0],
        [3, 3, 0],
      ]),
    );
    expect(opt(s).visualMap.map((v: AnyOpt) => v.seriesIndex)).toEqual([0, 1]);
  });

  it('labels a missing cell 未报送 and a blank field differently in the tooltip', () => {
    const fmt = opt(s).tooltip.formatter as (p: unknown) => string;
    expect(fmt({ value: [2, 0, 0] })).toBe('小召乡 2024年3月\n排查隐患: 未报送');
    expect(fmt({ value: [2, 2, 0] })).toBe('东关街道 2024年3月\n排查隐患: 无法计算');
    expect(fmt({ value: [0, 1, 20] })).toBe('城关镇 2024年1月\n排查隐患: 20');
    expect(s.summary).toBe(
      '2024年1月至2024年4月排查隐患：乡镇×月份，最高为城关镇 2024年3月（30处），2个乡镇·月未报送。',
    );
  });

  it('strips rich-text control characters from township names', () => {
    const c = buildCube(dataset({ townshipMonths: [tm('{a|x}镇', '2024-01', { hazards_found: 1 })] }));
    const h = buildHeatmapSpec(c, { metric: 'hazards_found', filters: { ...filters, to: '2024-01' }, lang });
    expect(opt(h).yAxis.data).toEqual(['ax镇']);
    expect(cleanLabel(' {b}|c ')).toBe('bc');
  });

  it('switches animation off for a large dataset (40 townships × 120 months) without error', () => {
    const names = Array.from({ length: 40 }, (_, i) => `第${i + 1}镇`);
    const rows = names
      .flatMap((n, i) =>
        Array.from({ length: 120 }, (_, m) => {
          const period = `${2015 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
          // Every 17th township-month is missing, as real data has gaps.
          return (i * 120 + m) % 17 === 0
            ? null
            : tm(n, period, { hazards_found: (i * 7 + m * 3) % 23, hazards_rectified: (i * 7 + m * 3) % 19 });
        }),
      )
      .filter((r) => r !== null);
    const big = buildCube(dataset({ townships: names.map((n) => township(n)), townshipMonths: rows }));
    expect(big.periods).toHaveLength(120);
    const h = buildHeatmapSpec(big, {
      metric: 'hazards_found',
      filters: { from: '2015-01', to: '2024-12', townships: null, sector: null },
      lang,
    });
    expect(h.table.rows).toHaveLength(40);
    expect(opt(h).animation).toBe(false);
    expect(series(h)[1].data.length).toBe(40 * 120 - rows.length);
  });
});

describe('found vs rectified, sectors, backlog', () => {
  it('draws bars and a rate line with the rate in the summary', () => {
    const s = buildFoundRectifiedSpec(cube, { filters: { ...filters, townships: ['城关镇'] }, lang });
    expect(series(s).map((x) => x.type)).toEqual(['bar', 'bar', 'line']);
    expect(series(s)[0].data).toEqual([20, 10, 30, 12]);
    expect(series(s)[2].data).toEqual([90, 60, 66.7, 100]);
    expect(s.summary).toBe('2024年4月城关镇排查隐患12处，环比下降60%；整改率100.0%。');
  });

  it('stacks itemised hazards by sector, with gaps for months without data', () => {
    const c = buildCube(
      dataset({
        townshipMonths: [tm('城关镇', '2024-01'), tm('城关镇', '2024-03')],
        hazards: [
          hz('城关镇', '2024-01-03', 'fire'),
          hz('城关镇', '2024-01-04', 'gas'),
          hz('城关镇', '2024-03-04', 'fire'),
        ],
      }),
    );
    const s = buildSectorStackSpec(c, { filters: { ...filters, to: '2024-04' }, lang });
    expect(series(s).map((x) => [x.name, x.stack, x.data])).toEqual([
      ['消防', 'sector', [1, 0, 1, null]],
      ['燃气', 'sector', [1, 0, 0, null]],
    ]);
    expect(s.summary).toBe('2024年1月至2024年4月隐患最多的行业领域为消防（2处）。');
  });

  it('shows the major backlog as a cumulative line', () => {
    const s = buildMajorBacklogSpec(cube, { filters, lang });
    expect(series(s)[0].data).toEqual([1, 1, 1, 0]);
    expect(s.summary).toBe('截至2024年4月全区重大隐患未整改0处。');
  });
});

describe('training', () => {
  it('puts the four activities side by side with gaps', () => {
    const s = buildActivitiesSpec(cube, { filters, lang });
    expect(series(s).map((x) => x.name)).toEqual(['培训场次', '警示教育', '宣传活动', '应急演练']);
    expect(series(s)[0].data).toEqual([4, 2, 0, 1]);
    expect(series(s)[1].data).toEqual([null, null, null, null]);
    // Warning education etc. were never reported: the totals sentence falls back to trainings only.
    expect(s.summary).toBe('2024年1月至2024年4月培训场次 7。');
  });

  it('shows attendance per session in official order with the pooled district line', () => {
    const s = buildAttendanceSpec(cube, { filters, lang });
    expect(opt(s).yAxis.data).toEqual(['小召乡', '城关镇', '东关街道', '新华镇']);
    expect(series(s)[0].data).toEqual([40, 50, 37.5, null]);
    expect(series(s)[0].markLine.data[0].xAxis).toBeCloseTo(290 / 7, 5); // pooled, not the mean of 40, 50, 37.5
  });
});

describe('compare', () => {
  it('ranks with a district-average markLine and labels nulls', () => {
    const c = buildCube(
      dataset({
        townshipMonths: [
          tm('甲镇', '2024-01', { accidents: 2 }),
          tm('乙乡', '2024-01', { hazards_found: 1 }),
        ],
      }),
    );
    const s = buildRankingSpec(c, { metric: 'accidents', filters: { ...filters, to: '2024-01' }, lang });
    expect(opt(s).yAxis.data).toEqual(['甲镇', '乙乡']);
    expect(series(s)[0].data).toEqual([2, null]);
    const label = series(s)[0].label.formatter as (p: unknown) => string;
    expect(label({ dataIndex: 1 })).toBe('无法计算');
    expect(s.summary).toBe('2024年1月事故起数（起），最高为甲镇（2起），全区平均2起。');
  });

  it('normalises per 100 units on request', () => {
    const s = buildRankingSpec(cube, { metric: 'hazards_found', filters, lang, normalise: true });
    expect(series(s)[0].data[0]).toBe(80);
    expect(s.title).toBe('排查隐患排名');
    expect(s.table.columns[2]!.label).toBe('排查隐患（每百家次）');
  });

  it('draws small multiples on a shared y maximum', () => {
    const s = buildSmallMultiplesSpec(cube, { metric: 'hazards_found', filters, lang, columns: 2 });
    expect(opt(s).grid).toHaveLength(4);
    expect((opt(s).yAxis as AnyOpt[]).map((y) => y.max)).toEqual([30, 30, 30, 30]);
    expect(series(s)[0].data).toEqual([8, 6, null, 4]);
  });

  it('scatters townships with both metrics, labelled', () => {
    const s = buildScatterSpec(cube, { x: 'hazards_per_100_units', y: 'rectification_rate', filters, lang });
    const pts = series(s)[0].data as { value: number[]; name: string }[];
    expect(pts.map((p) => p.name)).toEqual(['小召乡', '城关镇', '东关街道', '新华镇']);
    expect(pts[1]!.value).toEqual([80, 77.8]);
    expect(s.summary).toBe('2024年1月至2024年4月共4个乡镇同时有每百家次隐患数与隐患整改率数据。');
  });

  it('keeps township labels from overlapping: labelLayout on the option, and ECharts applies it', () => {
    // Twelve townships with nearly the same figures: their labels would print on top of each other.
    const names = Array.from({ length: 12 }, (_, i) => `第${i + 1}测试镇`);
    const crowded = buildCube(
      dataset({
        townships: names.map((n) => township(n)),
        townshipMonths: names.map((n, i) =>
          tm(n, '2024-03', { units_inspected: 100, hazards_found: 20 + (i % 2), hazards_rectified: 18 }),
        ),
      }),
    );
    const s = buildScatterSpec(crowded, {
      x: 'hazards_per_100_units',
      y: 'rectification_rate',
      filters: { ...filters, from: '2024-03', to: '2024-03' },
      lang,
    });
    expect(series(s)[0].labelLayout).toEqual({ moveOverlap: 'shiftY', hideOverlap: true });
    const svg = renders(s.option);
    const shown = names.filter((n) => svg.includes(`>${n}<`)).length;
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(names.length);
  });
});

describe('submission matrix', () => {
  it('colours statuses with a legend and counts', () => {
    const s = buildSubmissionMatrixSpec(cube, { filters, lang });
    expect(opt(s).visualMap.pieces.map((p: AnyOpt) => p.label)).toEqual([
      '按时报送',
      '报送日期不详',
      '逾期报送',
      '数据存疑',
      '未报送',
    ]);
    expect(s.table.rows[0]).toEqual(['小召乡', '按时报送', '逾期报送', '未报送', '逾期报送', 1]);
    expect(s.summary).toBe('2024年1月至2024年4月应报16份，按时10份，逾期2份，未报送2份，存疑2份。');
    const fmt = opt(s).tooltip.formatter as (p: unknown) => string;
    expect(fmt({ value: [1, 0, 2] })).toBe('小召乡 2024年2月\n逾期报送\n2024-02-26');
  });
});

describe('interaction maps', () => {
  const sel = (s: ChartSpec, seriesIndex: number, dataIndex: number) =>
    s.interactions?.byDataIndex(seriesIndex, dataIndex) ?? null;

  it.each(allSpecs(cube, filters).map((s) => [s.id, s] as const))(
    '%s: every drawn item has a selection',
    (_id, s) => {
      series(s).forEach((x, si) =>
        (x.data as unknown[]).forEach((_d, di) => expect(sel(s, si, di)).not.toBeNull()),
      );
      expect(sel(s, 0, 10_000)).toBeNull();
    },
  );

  it('heatmap: a value cell and a 未报送 cell map to their township-month; row labels to townships', () => {
    const s = buildHeatmapSpec(cube, { metric: 'hazards_found', filters, lang });
    const [values, gaps] = series(s);
    const at = (si: number, cell: number[]) =>
      sel(
        s,
        si,
        (si === 0 ? values : gaps).data.findIndex((d: number[]) => d[0] === cell[0] && d[1] === cell[1]),
      );
    expect(at(0, [0, 1])).toEqual({ township: '城关镇', period: '2024-01' });
    expect(at(1, [2, 0])).toEqual({ township: '小召乡', period: '2024-03' });
    expect(s.interactions?.yAxis).toEqual(opt(s).yAxis.data.map((township: string) => ({ township })));
    expect(s.interactions?.xAxis).toBeUndefined();
  });

  it('maps a township by its name, not its cleaned label', () => {
    const c = buildCube(
      dataset({
        townshipMonths: [
          tm('{a|x}镇', '2024-01', { hazards_found: 1 }),
          tm('ax镇', '2024-01', { hazards_found: 2 }),
        ],
      }),
    );
    const f = { ...filters, to: '2024-01' };
    const h = buildHeatmapSpec(c, { metric: 'hazards_found', filters: f, lang });
    expect(opt(h).yAxis.data).toEqual(['ax镇', 'ax镇']);
    expect(h.interactions?.yAxis?.map((x) => x.township).sort()).toEqual(['ax镇', '{a|x}镇']);
    const r = buildRankingSpec(c, { metric: 'hazards_found', filters: f, lang });
    expect([0, 1].map((i) => sel(r, 0, i)?.township)).toEqual(r.table.rows.map((row) => row[1]));
  });

  it('small multiples: series i is township i, data index the month; scatter follows plotted points', () => {
    const m = buildSmallMultiplesSpec(cube, { metric: 'hazards_found', filters, lang });
    expect(sel(m, 1, 2)).toEqual({ township: '城关镇', period: '2024-03' });
    const sc = buildScatterSpec(cube, { x: 'hazards_per_100_units', y: 'rectification_rate', filters, lang });
    series(sc)[0].data.forEach((d: { name: string }, i: number) =>
      expect(cleanLabel(sel(sc, 0, i)!.township!)).toBe(d.name),
    );
  });

  it('submission matrix: row-major cells and township row labels; monthly charts map to months', () => {
    const s = buildSubmissionMatrixSpec(cube, { filters, lang });
    const d = series(s)[0].data as number[][];
    const i = d.findIndex(([x, y]) => x === 3 && y === 2);
    expect(sel(s, 0, i)).toEqual({ township: '东关街道', period: '2024-04' });
    expect(s.interactions?.yAxis?.[3]).toEqual({ township: '新华镇' });
    const trend = buildTrendSpec(cube, { metrics: ['hazards_found'], filters, lang });
    expect(sel(trend, 0, 1)).toEqual({ period: '2024-02' });
    expect(sel(buildActivitiesSpec(cube, { filters, lang }), 3, 0)).toEqual({ period: '2024-01' });
  });
});

describe('redraw cost (issue 13, target 3)', () => {
  /** One township reporting every month from 2020-01 for `months` months. */
  const monthsCube = (months: number) => {
    const rows = Array.from({ length: months }, (_, m) => {
      const period = `${2020 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
      return tm('城关镇', period, {
        hazards_found: 5 + (m % 7),
        hazards_rectified: 4 + (m % 5),
        trainings_held: 1 + (m % 3),
        warning_edu_sessions: m % 2,
        publicity_events: 1,
        drills_held: m % 4 === 0 ? 1 : 0,
      });
    });
    return buildCube(dataset({ townships: [township('城关镇')], townshipMonths: rows }));
  };
  const range = (months: number) => ({
    from: '2020-01',
    to: `${2020 + Math.floor((months - 1) / 12)}-${String(((months - 1) % 12) + 1).padStart(2, '0')}`,
    townships: null,
    sector: null,
  });
  const decals = (s: ChartSpec): unknown[] =>
    series(s).map((x: { itemStyle?: { decal?: unknown } }) => x.itemStyle?.decal ?? null);

  it('redraws on a filter change without an update animation, in every builder', () => {
    for (const s of allSpecs(cube, filters)) expect(opt(s).animationDurationUpdate, s.id).toBe(0);
  });

  it('keeps decals while the bars are wide enough to show them', () => {
    expect(decalIfReadable(DECAL_MAX_BARS, { symbol: 'circle' })).toEqual({ symbol: 'circle' });
    expect(decalIfReadable(DECAL_MAX_BARS + 1, { symbol: 'circle' })).toBeUndefined();
    // 36 months × 2 bars = 72: the rectified bars keep their pattern.
    const c36 = monthsCube(36);
    expect(decals(buildFoundRectifiedSpec(c36, { filters: range(36), lang }))[1]).toMatchObject({
      symbol: 'rect',
    });
    // 12 months × 4 activities = 48 bars: three patterned series.
    const c12 = monthsCube(12);
    expect(decals(buildActivitiesSpec(c12, { filters: range(12), lang })).filter(Boolean)).toHaveLength(3);
  });

  it('drops decals when 120 months of bars leave them no room (they would show as a tint)', () => {
    const c120 = monthsCube(120);
    const f = range(120);
    expect(decals(buildFoundRectifiedSpec(c120, { filters: f, lang }))).toEqual([null, null, null]);
    expect(decals(buildActivitiesSpec(c120, { filters: f, lang }))).toEqual([null, null, null, null]);
    // 37 months × 2 bars = 74 > 72.
    expect(decals(buildFoundRectifiedSpec(monthsCube(37), { filters: range(37), lang }))).toEqual([
      null,
      null,
      null,
    ]);
  });
});
