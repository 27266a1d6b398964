/**
 * Makes a chart option self-explanatory when pasted into Word or a slide: title, period/filter line
 * and a footer "数据来源：… 制图日期：…" drawn inside the image, white background, room for them in
 * the grid margins, a CJK font stack, and no animation (a capture mid-animation is half-drawn).
 * Pure: returns a new option; rendering happens in the browser (see download.ts).
 */
import type { EChartsCoreOption } from 'echarts/core';
import type { Lang } from '../i18n/i18n';
import { DEFAULT_LANG, translate } from '../i18n/i18n';
import { formatDate } from '../i18n/format';

/** Font stack for exported charts: Windows (YaHei), macOS (PingFang), Linux (Noto/Source Han), then SimSun. */
export const CJK_FONT_FAMILY =
  '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", SimSun, sans-serif';

/** Default export size in CSS pixels (16:9, fits a slide and an A4 text column at pixel ratio 2). */
export const EXPORT_SIZE = { width: 1200, height: 675 } as const;

export interface ExportMeta {
  /** Chart title, e.g. `各乡镇隐患整改率`. */
  readonly title: string;
  /** The period and filters shown, e.g. `2024年3月 · 全部乡镇 · 建筑施工`; omitted when empty. */
  readonly subtitle?: string;
  /** 数据来源, e.g. `各乡镇（街道）安全生产工作月报告`; the footer shows only the date when omitted. */
  readonly source?: string;
  /** Date the chart is made, `YYYY-MM-DD`, passed in (pure code never reads the clock); no date when omitted. */
  readonly generatedAt?: string;
  readonly lang?: Lang;
}

const TITLE_TOP = 14;
const TITLE_SIZE = 20;
const SUBTITLE_SIZE = 13;
const FOOTER_SIZE = 12;
const FOOTER_BOTTOM = 10;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const asList = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/**
 * The footer line: `数据来源：X 制图日期：2024年4月2日` (full-width space), or the part that is
 * given alone (source or date); empty when neither is.
 */
export function exportFooter(meta: Pick<ExportMeta, 'source' | 'generatedAt' | 'lang'>): string {
  const lang = meta.lang ?? DEFAULT_LANG;
  const date = meta.generatedAt === undefined ? undefined : formatDate(lang, meta.generatedAt);
  const source = meta.source?.trim();
  if (date === undefined) return source ? translate(lang, 'export.image.footerSourceOnly', { source }) : '';
  return source
    ? translate(lang, 'export.image.footer', { source, date })
    : translate(lang, 'export.image.footerDateOnly', { date });
}

/**
 * Returns a copy of `option` decorated for export (see module doc). Existing titles are replaced
 * by the export title; existing `graphic` elements are kept and the footer is added; each grid's
 * `top`/`bottom` is raised to clear the header and footer (larger numeric margins are kept);
 * legends placed at the top are moved below the header; no toolbox component is registered, so none is drawn. The input is not
 * mutated. Pie/radar charts without a grid are not re-centred.
 */
export function decorateForExport(option: EChartsCoreOption, meta: ExportMeta): EChartsCoreOption {
  const subtitle = meta.subtitle?.trim() ?? '';
  const headerHeight = TITLE_TOP + TITLE_SIZE + 8 + (subtitle ? SUBTITLE_SIZE + 10 : 0);
  const legends = asList(option.legend);
  const hasTopLegend = legends.some((l) => isObj(l) && l.show !== false && l.bottom === undefined);
  const legendTop = headerHeight + 6;
  const gridTop = headerHeight + (hasTopLegend ? 40 : 20);
  const gridBottom = FOOTER_BOTTOM + FOOTER_SIZE + 44;

  const raise = (v: unknown, min: number): unknown => (typeof v === 'number' && v > min ? v : min);
  const grids =
    option.grid === undefined
      ? undefined
      : asList(option.grid).map((g) =>
          isObj(g) ? { ...g, top: raise(g.top, gridTop), bottom: raise(g.bottom, gridBottom) } : g,
        );
  const legend =
    option.legend === undefined
      ? undefined
      : legends.map((l) => (isObj(l) && l.bottom === undefined ? { ...l, top: legendTop } : l));
  const textStyle = isObj(option.textStyle) ? option.textStyle : {};

  return {
    ...option,
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { ...textStyle, fontFamily: CJK_FONT_FAMILY },
    title: [
      {
        text: meta.title,
        subtext: subtitle,
        left: 'center',
        top: TITLE_TOP,
        itemGap: 8,
        textStyle: {
          fontSize: TITLE_SIZE,
          fontWeight: 'bold',
          color: '#1f1f1f',
          fontFamily: CJK_FONT_FAMILY,
        },
        subtextStyle: { fontSize: SUBTITLE_SIZE, color: '#555555', fontFamily: CJK_FONT_FAMILY },
      },
    ],
    ...(grids === undefined ? {} : { grid: grids }),
    ...(legend === undefined ? {} : { legend }),
    graphic: withFooter(option.graphic, {
      type: 'text',
      left: 16,
      bottom: FOOTER_BOTTOM,
      silent: true,
      style: {
        text: exportFooter(meta),
        fill: '#666666',
        fontSize: FOOTER_SIZE,
        fontFamily: CJK_FONT_FAMILY,
      },
    }),
  };
}

/** Adds the footer element to either `graphic` form: `{ elements: [...] }` or a (list of) element(s). */
function withFooter(graphic: unknown, footer: Obj): unknown {
  if (isObj(graphic) && Array.isArray(graphic.elements))
    return { ...graphic, elements: [...(graphic.elements as unknown[]), footer] };
  return [...asList(graphic), footer];
}
