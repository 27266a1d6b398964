// @vitest-environment jsdom
/**
 * Every exported SVG must be well-formed XML (Word, WPS and browsers' <img> refuse anything else),
 * whatever the data: quotes, `<`, `&`, emoji, control characters, and names that are
 * Object.prototype keys. Each chart builder is rendered through the real export path
 * (decorateForExport → renderChartSvg) and parsed by a strict XML parser (jsdom's DOMParser).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { buildCube } from '../analysis/cube';
import { makeStatement } from '../analysis/problems/statements';
import { dataset, tm, township } from '../analysis/test-fixtures';
import type { ChartSpec } from '../charts/chart-spec';
import { buildRankingSpec, buildScatterSpec, buildSmallMultiplesSpec } from '../charts/compare-charts';
import {
  buildFoundRectifiedSpec,
  buildMajorBacklogSpec,
  buildSectorStackSpec,
} from '../charts/hazard-charts';
import { buildHeatmapSpec } from '../charts/heatmap';
import { buildProblemHeatmap } from '../charts/problems/heatmap';
import { buildProblemTimeline } from '../charts/problems/timeline';
import { buildProblemTrend } from '../charts/problems/trend';
import { buildSubmissionMatrixSpec } from '../charts/submission-chart';
import { buildActivitiesSpec, buildAttendanceSpec, buildTrainingMatrixSpec } from '../charts/training-charts';
import { buildTrendSpec } from '../charts/trend';
import { decorateForExport } from './chart-image';
import { renderChartSvg } from './download';
import { escapeXml, svgVNodeToXml } from './svg-xml';

/** The parse error of a strict XML parse, or null when the document is well-formed SVG. */
function xmlError(svg: string): string | null {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const root = doc.documentElement;
  if (root.nodeName === 'parsererror') return root.textContent;
  if (root.nodeName !== 'svg' || root.namespaceURI !== 'http://www.w3.org/2000/svg')
    return `root ${root.nodeName}`;
  return null;
}

// Names a clerk's sheet (or a hostile file) can carry; `__proto__` and `constructor` are data too.
const HOSTILE = [
  '"城关"镇',
  '<b>小召</b>&乡',
  '😀新区街道',
  "O'Brien镇",
  '__proto__',
  'constructor',
  'A\u0001B镇',
];
const PERIODS = ['2024-01', '2024-02', '2024-03'];
const rows = HOSTILE.flatMap((n, i) =>
  PERIODS.map((p, m) =>
    tm(
      n,
      p,
      {
        units_inspected: 10 + i,
        hazards_found: 5 + i + m,
        hazards_rectified: 4 + i,
        hazards_major_found: 1,
        hazards_major_rectified: m % 2,
        trainings_held: m,
        training_person_times: 20 * m,
      },
      { focus_sectors: ['fireworks', 'construction'] },
    ),
  ),
);
const cube = buildCube(dataset({ townships: HOSTILE.map((n) => township(n)), townshipMonths: rows }));
const filters = { from: '2024-01', to: '2024-03', townships: null, sector: null };
const lang = 'zh-CN' as const;
const statements = HOSTILE.flatMap((n, i) =>
  PERIODS.map((p, m) =>
    makeStatement({
      township: n,
      period: p,
      seq: 1,
      text: i % 2 ? '部分企业"安全培训"<不到位> & 台账不全 😀' : '企业主体责任落实不到位',
      source: { file: 'r.csv', line: 2 + i * 3 + m },
      fileCategory: null,
    }),
  ),
);
const problemInput = { statements, townships: [], from: '2024-01', to: '2024-03', lang };

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
  buildScatterSpec(cube, { x: 'hazards_per_100_units', y: 'rectification_rate', filters, lang }),
  buildSubmissionMatrixSpec(cube, { filters, lang }),
  buildProblemHeatmap(problemInput),
  buildProblemTrend(problemInput),
  buildProblemTimeline({ ...problemInput, township: '__proto__' }),
];

const meta = {
  title: '各乡镇"隐患" <整改> & 率 😀',
  subtitle: '2024年3月 · "全部"乡镇',
  source: '各乡镇（街道）安全生产工作月报告 <内部> & "汇总"',
  generatedAt: '2024-04-02',
};

describe('SVG export', () => {
  afterEach(() => {
    // No chart may leave anything on Object.prototype (zrender's LRU did, keyed by label text).
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect('prev' in {}).toBe(false);
  });

  it.each(specs.map((s) => [s.id, s] as const))('%s with hostile data is well-formed XML', (_id, s) => {
    expect(s.empty).toBe(false);
    const svg = renderChartSvg(decorateForExport(s.option, meta));
    expect(xmlError(svg)).toBeNull();
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"')).toBe(true);
    expect(svg).not.toContain('[object Object]');
    // The title survives, escaped, and the font stack is still the CJK one.
    expect(svg).toContain('各乡镇&quot;隐患&quot; &lt;整改&gt; &amp; 率 😀');
    expect(svg).toContain('font-family:&quot;Microsoft YaHei&quot;');
  });
});

describe('svgVNodeToXml', () => {
  it('escapes attributes and text, writes own primitive attributes only, drops XML-invalid characters', () => {
    const attrs = Object.create({ inherited: 'x' }) as Record<string, unknown>;
    Object.assign(attrs, { style: 'font-family:"A B"', 'data-x': 1, skip: false, obj: { a: 1 }, bad: NaN });
    const xml = svgVNodeToXml({
      tag: 'svg',
      attrs: { xmlns: 'http://www.w3.org/2000/svg' },
      children: [{ tag: 'text', attrs, text: 'a<b>&"c"\u0000\uD800😀' }],
    });
    expect(xml).toContain(
      '<text style="font-family:&quot;A B&quot;" data-x="1">a&lt;b&gt;&amp;&quot;c&quot;😀</text>',
    );
    expect(xmlError(xml)).toBeNull();
  });

  it('escapeXml keeps tab, newline and astral characters', () => {
    expect(escapeXml('a\tb\nc😀\u001f')).toBe('a\tb\nc😀');
  });
});
