/**
 * What every chart of a view shares when it is exported, and the registry behind "export all
 * charts of this view". A view (or the app shell around it) wraps its content in
 * <ChartExportScope>; every ChartFrame inside registers its current spec while mounted and reads
 * the subtitle (period and filters), file-name period, source and date from the scope. Without a
 * scope a chart still exports, without subtitle or date: the date comes from the app's clock
 * (`app/clock.ts`, through `ViewExportScope`), never read here.
 */
import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ChartSpec } from '../charts/chart-spec';
import { rangeLabel } from '../charts/chart-common';
import { isPeriod, type Period } from '../domain/month';
import { sectorByCode, type SectorCode } from '../domain/sectors';
import { translate, type Lang } from '../i18n/i18n';

/** The period an export covers: one month or a range (file names say `2024年03月` or a range). */
export type ExportPeriod = Period | { readonly from: Period; readonly to: Period };

/** Shared export metadata of a view. */
export interface ChartExportMeta {
  /** The period and filters shown, printed under the title inside the image. */
  readonly subtitle?: string;
  /** Period for file names. */
  readonly period?: ExportPeriod;
  /** Township for file names, when the view is about one township. */
  readonly township?: string;
  /** 数据来源 printed in the image footer; the scope defaults it to the monthly reports. */
  readonly source?: string;
  /** 制图日期 `YYYY-MM-DD`, today as the app's clock says; the footer omits the date without it. */
  readonly generatedAt?: string;
}

/** A registered chart: the spec it shows now and its own metadata (over the scope's). */
export interface RegisteredChart {
  readonly key: string;
  readonly spec: ChartSpec;
  readonly meta?: ChartExportMeta;
}

interface Registry {
  readonly register: (key: string, chart: RegisteredChart) => () => void;
  readonly list: () => RegisteredChart[];
}

const MetaContext = createContext<ChartExportMeta | null>(null);
// The registry object never changes, so registering (in a chart's effect) cannot loop.
const RegistryContext = createContext<Registry | null>(null);
// Bumped on every (un)registration; read only by "export all" to re-list the charts.
const RevisionContext = createContext(0);

export interface ChartExportScopeProps {
  readonly meta?: ChartExportMeta;
  readonly children: ReactNode;
}

const EMPTY_META: ChartExportMeta = {};

/**
 * Provides export metadata and the chart registry to everything inside. Nested scopes replace the
 * outer one (the bulletin's month overrides the app's filter range). Registration order is mount
 * order, which is the order charts appear in the view.
 */
export function ChartExportScope({ meta = EMPTY_META, children }: ChartExportScopeProps) {
  const [revision, setRevision] = useState(0);
  const charts = useRef(new Map<string, RegisteredChart>());
  const [registry] = useState<Registry>(() => ({
    register: (key, chart) => {
      charts.current.set(key, chart);
      setRevision((r) => r + 1);
      return () => {
        if (charts.current.get(key) === chart) charts.current.delete(key);
        setRevision((r) => r + 1);
      };
    },
    list: () => [...charts.current.values()],
  }));
  return (
    <MetaContext.Provider value={meta}>
      <RegistryContext.Provider value={registry}>
        <RevisionContext.Provider value={revision}>{children}</RevisionContext.Provider>
      </RegistryContext.Provider>
    </MetaContext.Provider>
  );
}

/** The scope's metadata, or `{}` outside any scope. */
export function useChartExportMeta(): ChartExportMeta {
  return useContext(MetaContext) ?? EMPTY_META;
}

/**
 * Registers `spec` (with its own `meta`, if any) under `key` while the caller is mounted; no-op
 * outside a scope or for a null spec. Pass a memoised `meta`: a new object re-registers.
 */
export function useRegisterChart(key: string, spec: ChartSpec | null, meta?: ChartExportMeta): void {
  const registry = useContext(RegistryContext);
  useEffect(
    () => (registry && spec ? registry.register(key, { key, spec, ...(meta ? { meta } : {}) }) : undefined),
    [registry, key, spec, meta],
  );
}

/** The charts currently registered in the scope, in mount order (empty outside a scope). */
export function useRegisteredCharts(): readonly RegisteredChart[] {
  const registry = useContext(RegistryContext);
  const revision = useContext(RevisionContext);
  // `revision` is a dependency on purpose: the list is re-read whenever a chart (un)registers.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => (registry ? registry.list() : []), [registry, revision]);
}

export interface FilterDescription {
  readonly from: Period | null;
  readonly to: Period | null;
  /** Selected townships; empty = all. */
  readonly townships: readonly string[];
  readonly sector?: SectorCode | null;
  /** The months the data covers, used when `from`/`to` are open. */
  readonly dataPeriods?: readonly Period[];
}

const MAX_NAMED_TOWNSHIPS = 3;

/**
 * Describes filters for the line under an exported chart's title, e.g.
 * `2024年1月至2024年3月 · 全部乡镇 · 建筑施工`. Open ends fall back to the data's first/last month;
 * no months at all leave the period out. More than three townships are shortened to
 * `A、B、C等5个乡镇`. Also returns the file-name period (null when unknown).
 */
export function describeFilters(
  lang: Lang,
  f: FilterDescription,
): { readonly subtitle: string; readonly period: ExportPeriod | null } {
  const data = (f.dataPeriods ?? []).filter(isPeriod);
  const from = f.from ?? data[0] ?? null;
  const to = f.to ?? data[data.length - 1] ?? null;
  const parts: string[] = [];
  let period: ExportPeriod | null = null;
  if (from !== null && to !== null && isPeriod(from) && isPeriod(to) && from <= to) {
    parts.push(rangeLabel(from === to ? [from] : [from, to], lang));
    period = from === to ? from : { from, to };
  }
  const sep = lang === 'en' ? ', ' : '、';
  const names = f.townships;
  if (names.length === 0) parts.push(translate(lang, 'exportui.filter.allTownships'));
  else if (names.length <= MAX_NAMED_TOWNSHIPS)
    parts.push(translate(lang, 'exportui.filter.townships', { names: names.join(sep) }));
  else
    parts.push(
      translate(lang, 'exportui.filter.moreTownships', {
        names: names.slice(0, MAX_NAMED_TOWNSHIPS).join(sep),
        n: lang === 'en' ? names.length - MAX_NAMED_TOWNSHIPS : names.length,
      }),
    );
  const sector = f.sector ? sectorByCode(f.sector) : undefined;
  if (sector) parts.push(lang === 'en' ? sector.en : sector.zh);
  return { subtitle: parts.join(' · '), period };
}
