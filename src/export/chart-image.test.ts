import { describe, expect, it } from 'vitest';
import { CJK_FONT_FAMILY, decorateForExport, exportFooter } from './chart-image';

const base = {
  animation: true,
  title: { text: '旧标题' },
  legend: { data: ['排查隐患', '已整改'] },
  grid: { left: 48, right: 24, top: 30, bottom: '10%' },
  xAxis: { type: 'category', data: ['小召乡', '城关镇'] },
  yAxis: { type: 'value' },
  series: [{ type: 'bar', name: '排查隐患', data: [12, 30] }],
  tooltip: { renderMode: 'richText' },
};

const meta = {
  title: '各乡镇隐患整改率',
  subtitle: '2024年3月 · 全部乡镇',
  source: '各乡镇（街道）安全生产工作月报告',
  generatedAt: '2024-04-02',
};

type Obj = Record<string, unknown>;

describe('exportFooter', () => {
  it.each([
    [{ source: '月报', generatedAt: '2024-04-02' }, '数据来源：月报　制图日期：2024年4月2日'],
    [{ source: '  ', generatedAt: '2024-04-02' }, '制图日期：2024年4月2日'],
    [{ generatedAt: '2024-04-02' }, '制图日期：2024年4月2日'],
    [
      { source: 'Monthly reports', generatedAt: '2024-04-02', lang: 'en' as const },
      'Source: Monthly reports   Chart date: 2 Apr 2024',
    ],
    // Outside the app's export scope nothing passes a date, and this module never reads the clock.
    [{ source: '月报' }, '数据来源：月报'],
    [{}, ''],
  ])('%j → %s', (m, expected) => {
    expect(exportFooter(m)).toBe(expected);
  });
});

describe('decorateForExport', () => {
  const out = decorateForExport(base, meta) as Obj;

  it('adds title and subtitle, white background, CJK fonts and no animation', () => {
    const [title] = out.title as Obj[];
    expect(title?.text).toBe('各乡镇隐患整改率');
    expect(title?.subtext).toBe('2024年3月 · 全部乡镇');
    expect((out.title as Obj[]).length).toBe(1);
    expect(out.backgroundColor).toBe('#ffffff');
    expect(out.animation).toBe(false);
    expect((out.textStyle as Obj).fontFamily).toBe(CJK_FONT_FAMILY);
    // No toolbox key: the component is not registered and ECharts warns about unknown components.
    expect(out.toolbox).toBeUndefined();
  });

  it('draws the source/date footer as a graphic text element', () => {
    const graphics = out.graphic as Obj[];
    const footer = graphics.at(-1) as Obj;
    expect(footer.type).toBe('text');
    expect((footer.style as Obj).text).toBe(
      '数据来源：各乡镇（街道）安全生产工作月报告　制图日期：2024年4月2日',
    );
  });

  it('moves the legend below the header and clears the grid of header and footer', () => {
    const [title] = out.title as Obj[];
    const [legend] = out.legend as Obj[];
    const [grid] = out.grid as Obj[];
    expect(legend?.top).toEqual(expect.any(Number));
    expect(legend?.top as number).toBeGreaterThan((title?.top as number) + 20);
    expect(grid?.top as number).toBeGreaterThan(legend?.top as number);
    expect(grid?.bottom as number).toBeGreaterThanOrEqual(40);
    expect(grid?.left).toBe(48);
  });

  it('keeps larger numeric margins, other graphics and the series; does not mutate the input', () => {
    const withBig = decorateForExport(
      { ...base, grid: [{ top: 300, bottom: 200 }], graphic: { elements: [{ type: 'rect' }] } },
      meta,
    ) as Obj;
    expect(withBig.grid).toEqual([{ top: 300, bottom: 200 }]);
    expect(((withBig.graphic as Obj).elements as Obj[]).map((e) => e.type)).toEqual(['rect', 'text']);
    expect(withBig.series).toBe(base.series);
    expect(base.title).toEqual({ text: '旧标题' });
    expect(base.animation).toBe(true);
  });

  it('leaves a chart without grid or legend without them (pie)', () => {
    const pie = decorateForExport(
      { series: [{ type: 'pie', data: [] }] },
      { ...meta, subtitle: undefined },
    ) as Obj;
    expect(pie.grid).toBeUndefined();
    expect(pie.legend).toBeUndefined();
    expect((pie.title as Obj[])[0]?.subtext).toBe('');
  });
});
