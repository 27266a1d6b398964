/**
 * Gives every view an export scope: the subtitle and file-name period of exported charts come
 * from the URL filters (months, townships, sector), and a "export all charts of this view" button
 * appears above the view as soon as it shows a chart.
 */
import { useMemo, type ReactNode } from 'react';
import {
  ChartExportScope,
  describeFilters,
  useRegisteredCharts,
  type ChartExportMeta,
} from '../components/chart-export-scope';
import { ExportAllButton } from '../components/export-menu';
import { useLang } from '../components/i18n-provider';
import type { Dataset } from '../domain/records';
import { todayLocal } from './clock';
import type { ViewState } from './url-state';

export interface ViewExportScopeProps {
  readonly state: ViewState;
  readonly dataset: Dataset;
  /** The view's tab label, for the ZIP's name. */
  readonly viewTitle: string;
  readonly children: ReactNode;
}

function ExportAllBar({ viewTitle }: { readonly viewTitle: string }) {
  const charts = useRegisteredCharts();
  if (charts.length === 0) return null;
  return (
    <div className="view-export-bar" style={{ display: 'flex', justifyContent: 'flex-end', marginBottom: 8 }}>
      <ExportAllButton viewTitle={viewTitle} />
    </div>
  );
}

/** Wraps a view's content; see the module doc. */
export function ViewExportScope({ state, dataset, viewTitle, children }: ViewExportScopeProps) {
  const lang = useLang();
  const { from, to, townships, sector } = state;
  const records = dataset.townshipMonths;
  // The data's month range depends on the records only: a filter change must not rescan them
  // (35k records at 300 townships × 120 months, about 9 ms a change; issue 13, target 3).
  const dataPeriods = useMemo((): readonly string[] => {
    let first: string | undefined;
    let last: string | undefined;
    for (const r of records) {
      if (first === undefined || r.period < first) first = r.period;
      if (last === undefined || r.period > last) last = r.period;
    }
    return first && last ? [first, last] : [];
  }, [records]);
  const meta = useMemo((): ChartExportMeta => {
    const d = describeFilters(lang, {
      from,
      to,
      townships,
      sector,
      dataPeriods,
    });
    return {
      subtitle: d.subtitle,
      generatedAt: todayLocal(),
      ...(d.period ? { period: d.period } : {}),
      ...(townships.length === 1 && townships[0] !== undefined ? { township: townships[0] } : {}),
    };
  }, [lang, from, to, townships, sector, dataPeriods]);
  return (
    <ChartExportScope meta={meta}>
      <ExportAllBar viewTitle={viewTitle} />
      {children}
    </ChartExportScope>
  );
}
