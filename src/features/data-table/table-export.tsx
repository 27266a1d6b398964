/**
 * CSV / XLSX export of the data table's filtered rows in the import template's format (same
 * columns and Chinese headers as the downloadable template), so the file can be edited and
 * imported again: importing it unchanged adds nothing.
 */
import { useState } from 'react';
import { useT } from '../../components/i18n-provider';
import type { ExportPeriod } from '../../components/chart-export-scope';
import type { TownshipMonthRecord } from '../../domain/records';
import { csvBytes, recordsToTemplateCsv, recordsToTemplateTable } from '../../export/csv';
import { downloadBytes } from '../../export/download';
import { exportFileName } from '../../export/file-names';
import { toXlsx, XLSX_MIME } from '../../export/xlsx';
import type { TableFilters } from './table-rows';

export type TableExportKind = 'csv' | 'xlsx';

/**
 * File name of a table export: the filtered month range (or the rows' own range when open, none
 * when there are no rows), the township when exactly one is selected, and the title.
 */
export function tableExportFileName(
  title: string,
  rows: readonly TownshipMonthRecord[],
  filters: TableFilters,
  ext: TableExportKind,
): string {
  let first: string | null = null;
  let last: string | null = null;
  for (const r of rows) {
    if (first === null || r.period < first) first = r.period;
    if (last === null || r.period > last) last = r.period;
  }
  const from = filters.from ?? first;
  const to = filters.to ?? last;
  const period: ExportPeriod | undefined = from !== null && to !== null ? { from, to } : undefined;
  const township = filters.townships.length === 1 ? filters.townships[0] : undefined;
  return exportFileName({
    title,
    ext,
    ...(period ? { period } : {}),
    ...(township === undefined ? {} : { township }),
  });
}

/** Builds the file of the rows: template CSV with a BOM, or a template XLSX (sheet `sheetName`). */
export async function tableExportBytes(
  kind: TableExportKind,
  rows: readonly TownshipMonthRecord[],
  sheetName: string,
): Promise<{ bytes: Uint8Array; mime: string }> {
  if (kind === 'csv') return { bytes: csvBytes(recordsToTemplateCsv(rows)), mime: 'text/csv;charset=utf-8' };
  return { bytes: await toXlsx(recordsToTemplateTable(rows), { sheetName }), mime: XLSX_MIME };
}

export interface TableExportProps {
  /** The filtered rows, in the table's default (official) order. */
  readonly rows: readonly TownshipMonthRecord[];
  readonly filters: TableFilters;
}

/** Two buttons: export the filtered rows as CSV or XLSX. */
export function TableExport({ rows, filters }: TableExportProps) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (kind: TableExportKind) => {
    setBusy(true);
    setError(null);
    try {
      const { bytes, mime } = await tableExportBytes(kind, rows, t('exportui.table.sheetName'));
      downloadBytes(bytes, tableExportFileName(t('exportui.table.fileTitle'), rows, filters, kind), mime);
    } catch (e) {
      setError(t('exportui.menu.failed', { reason: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="table-export" role="group" aria-label={t('exportui.table.group')}>
      <button type="button" className="btn btn--small" disabled={busy} onClick={() => void run('csv')}>
        {t('exportui.table.csv')}
      </button>
      <button type="button" className="btn btn--small" disabled={busy} onClick={() => void run('xlsx')}>
        {t('exportui.table.xlsx')}
      </button>
      {error ? (
        <span role="alert" className="notice notice--error">
          {error}
        </span>
      ) : null}
    </span>
  );
}
