/**
 * The export menu every chart carries (PNG 2×/4×, SVG, CSV, XLSX of the chart's table) and the
 * "export all charts of this view" ZIP button. Images are decorated with the title, the period and
 * filters, the data source and the date (decorateForExport), so a pasted chart explains itself.
 * File names say what the file is (`2024年03月_各乡镇隐患整改率.png`) and are sanitised.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { ChartSpec } from '../charts/chart-spec';
import { decorateForExport } from '../export/chart-image';
import { csvBytes, toCsv } from '../export/csv';
import { downloadBytes, renderChartPng, renderChartSvg } from '../export/download';
import { exportFileName } from '../export/file-names';
import { toXlsx, XLSX_MIME } from '../export/xlsx';
import { zipFiles, type ZipEntry } from '../export/zip';
import { translate, type Lang } from '../i18n/i18n';
import {
  useChartExportMeta,
  useRegisteredCharts,
  type ChartExportMeta,
  type RegisteredChart,
} from './chart-export-scope';
import { useLang, useT } from './i18n-provider';
import './export-menu.css';

/** What the menu can produce. */
export type ChartExportKind = 'png2' | 'png4' | 'svg' | 'csv' | 'xlsx';

export const CHART_EXPORT_KINDS: readonly ChartExportKind[] = ['png2', 'png4', 'svg', 'csv', 'xlsx'];

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

const save = (f: ExportedFile) => downloadBytes(f.bytes, f.name, f.mime);

export interface ExportMenuProps {
  readonly spec: ChartSpec;
  /** Overrides the scope's metadata for this chart (e.g. a one-township chart). */
  readonly meta?: ChartExportMeta;
}

/** The per-chart export menu: a button opening a menu of formats. */
export function ExportMenu({ spec, meta: own }: ExportMenuProps) {
  const t = useT();
  const lang = useLang();
  const scopeMeta = useChartExportMeta();
  const meta = own ? { ...scopeMeta, ...own } : scopeMeta;
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const menuId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  // Close on a click outside or Escape, like any menu.
  useEffect(() => {
    if (!open) return undefined;
    const onDown = (e: MouseEvent) => {
      if (rootRef.current && !rootRef.current.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const run = async (kind: ChartExportKind) => {
    setOpen(false);
    setBusy(true);
    setError(null);
    try {
      save(await exportChart(kind, spec, meta, lang));
    } catch (e) {
      setError(t('exportui.menu.failed', { reason: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };

  const kinds = spec.empty
    ? CHART_EXPORT_KINDS.filter((k) => k === 'csv' || k === 'xlsx')
    : CHART_EXPORT_KINDS;
  return (
    <div className="export-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="btn btn--small"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={t('exportui.menu.label', { title: spec.title })}
        disabled={busy}
        onClick={() => setOpen((v) => !v)}
      >
        {busy ? t('exportui.menu.working') : t('exportui.menu.button')}
      </button>
      {open ? (
        <ul id={menuId} role="menu" className="export-menu__list" aria-label={t('exportui.menu.button')}>
          {kinds.map((kind) => (
            <li key={kind} role="none">
              <button
                type="button"
                role="menuitem"
                className="export-menu__item"
                onClick={() => void run(kind)}
              >
                {t(`exportui.menu.${kind}`)}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {error ? (
        <p role="alert" className="export-menu__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export interface ExportAllButtonProps {
  /** The view's name for the ZIP file name, e.g. `隐患`. */
  readonly viewTitle: string;
}

/** "Export all charts of this view" as one ZIP; disabled while no chart is registered. */
export function ExportAllButton({ viewTitle }: ExportAllButtonProps) {
  const t = useT();
  const lang = useLang();
  const meta = useChartExportMeta();
  const charts = useRegisteredCharts();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = () => {
    setError(null);
    setProgress({ done: 0, total: charts.length });
    // Next tick, so the "packing" state paints before the synchronous rendering starts.
    setTimeout(() => {
      try {
        const zip = buildChartsZip(charts, meta, lang, (done, total) => setProgress({ done, total }));
        const title = t('exportui.all.fileTitle', { view: viewTitle });
        downloadBytes(
          zip,
          exportFileName({
            title,
            ext: 'zip',
            ...(meta.period === undefined ? {} : { period: meta.period }),
          }),
          'application/zip',
        );
      } catch (e) {
        setError(t('exportui.menu.failed', { reason: e instanceof Error ? e.message : String(e) }));
      } finally {
        setProgress(null);
      }
    }, 0);
  };

  return (
    <div className="export-all">
      <button
        type="button"
        className="btn btn--small"
        disabled={charts.length === 0 || progress !== null}
        title={charts.length === 0 ? t('exportui.all.none') : undefined}
        onClick={run}
      >
        {progress
          ? t('exportui.all.working', { done: progress.done, total: progress.total })
          : t('exportui.all.button')}
      </button>
      {error ? (
        <p role="alert" className="export-menu__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
