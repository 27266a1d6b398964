/**
 * The export menu every chart carries (PNG 2×/4×, SVG, CSV, XLSX of the chart's table) and the
 * "export all charts of this view" ZIP button. Images are decorated with the title, the period and
 * filters, the data source and the date (decorateForExport), so a pasted chart explains itself.
 * File names say what the file is (`2024年03月_各乡镇隐患整改率.png`) and are sanitised.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { ChartSpec } from '../charts/chart-spec';
import { exportFileName } from '../export/file-names';
import { useChartExportMeta, useRegisteredCharts, type ChartExportMeta } from './chart-export-scope';
import { useLang, useT } from './i18n-provider';
import './export-menu.css';

/** What the menu can produce. */
export type ChartExportKind = 'png2' | 'png4' | 'svg' | 'csv' | 'xlsx';

export const CHART_EXPORT_KINDS: readonly ChartExportKind[] = ['png2', 'png4', 'svg', 'csv', 'xlsx'];

// The export code (renderers, XLSX and ZIP writers) loads on the first export (issue 13).
const loadChartExport = () => import('./chart-export');

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
      const { exportChart, save } = await loadChartExport();
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

  const run = async () => {
    setError(null);
    setProgress({ done: 0, total: charts.length });
    try {
      const { buildChartsZip, downloadBytes } = await loadChartExport();
      // Next tick, so the "packing" state paints before the synchronous rendering starts.
      await new Promise((resolve) => setTimeout(resolve, 0));
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
