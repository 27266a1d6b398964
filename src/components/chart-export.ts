/**
 * The chart exports themselves (PNG 2×/4×, SVG, CSV, XLSX of a chart's table; the ZIP of a view's
 * charts). Kept out of export-menu.tsx so their code — the off-screen renderers, the SVG renderer,
 * the XLSX and ZIP writers — loads on the first export, not with the landing view (issue 13).
 */
import type { ChartSpec } from '../charts/chart-spec';
import { decorateForExport } from '../export/chart-image';
import { csvBytes, toCsv } from '../export/csv';
import { downloadBytes, renderChartPng, renderChartSvg } from '../export/download';
import { exportFileName } from '../export/file-names';
import { toXlsx, XLSX_MIME } from '../export/xlsx';
import { zipFiles, type ZipEntry } from '../export/zip';
import { translate, type Lang } from '../i18n/i18n';
import type { ChartExportMeta, RegisteredChart } from './chart-export-scope';
import type { ChartExportKind } from './export-menu';

const EXT: Readonly<Record<ChartExportKind, string>> = {
  png2: 'png',
  png4: 'png',
  svg: 'svg',
  csv: 'csv',
  xlsx: 'xlsx',
};

/** A file ready to save. */
export interface ExportedFile {
  readonly name: string;
  readonly bytes: Uint8Array | string;
  readonly mime: string;
}

/** The download name of a chart export, e.g. `2024年03月_各乡镇隐患整改率.png`. */
export function chartFileName(spec: ChartSpec, meta: ChartExportMeta, ext: string): string {
  return exportFileName({
    title: spec.title,
    ext,
    ...(meta.period === undefined ? {} : { period: meta.period }),
    ...(meta.township === undefined ? {} : { township: meta.township }),
  });
}

/** The chart option with title, subtitle, source and date drawn in (see decorateForExport). */
export function decoratedOption(spec: ChartSpec, meta: ChartExportMeta, lang: Lang) {
  // A chart drawing part of its data says so under the title (e.g. 图中为前 20 名，共 300 个乡镇).
  const subtitle = [meta.subtitle, spec.scope].filter((p) => p !== undefined && p !== '').join(' · ');
  return decorateForExport(spec.option, {
    title: spec.title,
    ...(meta.generatedAt === undefined ? {} : { generatedAt: meta.generatedAt }),
    lang,
    source: meta.source ?? translate(lang, 'exportui.source'),
    ...(subtitle === '' ? {} : { subtitle }),
  });
}

/**
 * Produces one export of a chart: PNG at pixel ratio 2 or 4 (white background), SVG, or the
 * chart's table as CSV (UTF-8 with BOM, formula-neutralised, numbers as numbers) or XLSX (typed
 * cells, frozen header; the writer is loaded on first use). An empty chart still exports its
 * table (header only).
 */
export async function exportChart(
  kind: ChartExportKind,
  spec: ChartSpec,
  meta: ChartExportMeta,
  lang: Lang,
): Promise<ExportedFile> {
  const name = chartFileName(spec, meta, EXT[kind]);
  switch (kind) {
    case 'png2':
    case 'png4':
      return {
        name,
        bytes: renderChartPng(decoratedOption(spec, meta, lang), { pixelRatio: kind === 'png2' ? 2 : 4 }),
        mime: 'image/png',
      };
    case 'svg':
      return { name, bytes: renderChartSvg(decoratedOption(spec, meta, lang)), mime: 'image/svg+xml' };
    case 'csv':
      return { name, bytes: csvBytes(toCsv(spec.table)), mime: 'text/csv;charset=utf-8' };
    case 'xlsx':
      return { name, bytes: await toXlsx(spec.table, { sheetName: spec.title }), mime: XLSX_MIME };
  }
}

/**
 * The ZIP of a view's charts: for each chart a PNG (2×, decorated) unless it is empty, and a CSV
 * of its table; each chart's own metadata overrides `meta` (the scope's). Names come from each chart's title (duplicates numbered by zipFiles). `onProgress`
 * is called after each chart. No charts → an empty archive.
 */
export function buildChartsZip(
  charts: readonly RegisteredChart[],
  meta: ChartExportMeta,
  lang: Lang,
  onProgress?: (done: number, total: number) => void,
): Uint8Array {
  const entries: ZipEntry[] = [];
  charts.forEach(({ spec, meta: own }, i) => {
    const m = own ? { ...meta, ...own } : meta;
    if (!spec.empty)
      entries.push({
        name: chartFileName(spec, m, 'png'),
        bytes: renderChartPng(decoratedOption(spec, m, lang), { pixelRatio: 2 }),
      });
    entries.push({ name: chartFileName(spec, m, 'csv'), bytes: csvBytes(toCsv(spec.table)) });
    onProgress?.(i + 1, charts.length);
  });
  return zipFiles(entries);
}

/** Saves an exported file through the browser's download. */
export const save = (f: ExportedFile) => downloadBytes(f.bytes, f.name, f.mime);

export { downloadBytes };
