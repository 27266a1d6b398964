/**
 * The ONE DOM-using module of the export layer: saving bytes as a file, and rendering a chart
 * option to PNG/SVG with an offscreen ECharts instance. Everything else in src/export is pure.
 */
import type { EChartsCoreOption } from 'echarts/core';
import { echarts } from '../charts/echarts-setup';
// Exports draw any chart, with the SVG renderer: every registration, not only the landing view's.
import '../charts/echarts-extras';
import { THEME_NAME } from '../charts/theme';
import { EXPORT_SIZE } from './chart-image';
import { sanitizeFileNamePart } from './file-names';
import { svgVNodeToXml, type SvgVNode } from './svg-xml';

/**
 * Saves bytes (or text) as a download. The name is sanitised once more (it may come from data).
 * The object URL is revoked on the next tick, after the browser has started the download.
 */
export function downloadBytes(content: Uint8Array | string, fileName: string, mimeType: string): void {
  const dot = fileName.lastIndexOf('.');
  const safe =
    dot > 0
      ? `${sanitizeFileNamePart(fileName.slice(0, dot))}.${sanitizeFileNamePart(fileName.slice(dot + 1), 8)}`
      : sanitizeFileNamePart(fileName);
  const blob = new Blob([content as BlobPart], { type: mimeType });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = safe;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export interface RenderSize {
  readonly width?: number;
  readonly height?: number;
}

/**
 * Renders an option (already passed through decorateForExport) to PNG bytes with a detached
 * canvas instance at `pixelRatio` (2 for documents, 4 for print), white background. The instance
 * is disposed afterwards, also on error.
 */
export function renderChartPng(
  option: EChartsCoreOption,
  size: RenderSize & { pixelRatio?: number } = {},
): Uint8Array {
  const width = size.width ?? EXPORT_SIZE.width;
  const height = size.height ?? EXPORT_SIZE.height;
  const pixelRatio = size.pixelRatio ?? 2;
  const el = document.createElement('div');
  el.style.width = `${width}px`;
  el.style.height = `${height}px`;
  const chart = echarts.init(el, THEME_NAME, {
    renderer: 'canvas',
    width,
    height,
    devicePixelRatio: pixelRatio,
  });
  try {
    chart.setOption({ ...option, animation: false }, { notMerge: true });
    const url = chart.getDataURL({ type: 'png', pixelRatio, backgroundColor: '#fff' });
    const base64 = url.slice(url.indexOf(',') + 1);
    const bin = atob(base64);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  } finally {
    chart.dispose();
  }
}

/**
 * Renders an option to an SVG document string (ECharts server-side mode; no DOM needed). The tree
 * comes from the SVG painter and is written by our own serialiser (svg-xml.ts): zrender's string
 * output leaves attribute values unescaped, which made exports invalid XML. No CSS animation or
 * hover styles: an exported chart is a still picture.
 */
export function renderChartSvg(option: EChartsCoreOption, size: RenderSize = {}): string {
  const width = size.width ?? EXPORT_SIZE.width;
  const height = size.height ?? EXPORT_SIZE.height;
  const chart = echarts.init(null, THEME_NAME, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ ...option, animation: false }, { notMerge: true });
    const painter = chart.getZr().painter as unknown as SvgPainter;
    return svgVNodeToXml(
      painter.renderToVNode({
        animation: false,
        emphasis: false,
        willUpdate: false,
        compress: true,
        useViewBox: true,
      }),
    );
  } finally {
    chart.dispose();
  }
}

/** The part of zrender's SVG painter used here (`chart.getZr().painter` with the SVG renderer). */
interface SvgPainter {
  renderToVNode(opts: {
    animation: boolean;
    emphasis: boolean;
    willUpdate: boolean;
    compress: boolean;
    useViewBox: boolean;
  }): SvgVNode;
}
