/**
 * The registry of views (nav tabs). Adding 总览/隐患/培训/对比/报送/问题 later is one entry each:
 * an id (used in the URL), a label key and a render function receiving the shared context.
 */
import { useMemo, type ReactNode } from 'react';
import type { MessageKey } from '../i18n/catalog';
import type { DataSnapshot, DataStore } from '../store/types';
import { inSectorPredicate } from '../analysis/sector-activity';
import { DataTable } from '../features/data-table/data-table';
import { ImportPanel } from '../features/import/import-panel';
import type { IngestRunner } from '../features/import/ingest-runner';
import { HistoryView, SettingsView, usePlanning } from './store-views';
import { bulletinViewDef } from './bulletin-view';
import { OverviewWithProblems, problemsViewDef } from './problems-view';
import { DASHBOARD_VIEWS, withGlobalFilters } from './dashboard-views';
import type { SetViewState } from './use-url-state';
import type { ViewState } from './url-state';

/** Everything a view may use. Views get data and callbacks; they never touch the URL themselves. */
export interface ViewContext {
  readonly snapshot: DataSnapshot;
  readonly store: DataStore;
  readonly runner: IngestRunner;
  readonly state: ViewState;
  readonly setState: SetViewState;
  readonly now: () => string;
}

export interface ViewDef {
  readonly id: string;
  readonly labelKey: MessageKey;
  readonly render: (ctx: ViewContext) => ReactNode;
  /**
   * The view renders its own h2 naming it (导入记录, 设置). Otherwise the shell adds a visually
   * hidden h2 with the tab label, so heading navigation finds the view and the chart titles (h3)
   * do not skip a level.
   */
  readonly ownHeading?: boolean;
}

function DataView({ snapshot, store, runner, state, setState, now }: ViewContext) {
  const { townships, from, to } = state;
  // Stable filters object: a new one every render would recompute rows and reset the page.
  const filters = useMemo(() => ({ townships, from, to }), [townships, from, to]);
  // The global sector filter applies here too, with the charts' rule (analysis/sector-activity.ts).
  const rowFilter = useMemo(
    () => (state.sector === null ? undefined : inSectorPredicate(snapshot.dataset, state.sector)),
    [snapshot.dataset, state.sector],
  );
  const planning = usePlanning(store);
  return (
    <>
      <ImportPanel store={store} runner={runner} now={now} planning={planning} />
      <DataTable
        records={snapshot.dataset.townshipMonths}
        townships={snapshot.dataset.townships}
        filters={filters}
        onFiltersChange={(patch) => setState(patch)}
        showFilterControls={false}
        rowFilter={rowFilter}
        sort={state.sort}
        onSortChange={(sort) => setState({ sort })}
      />
    </>
  );
}

/** The views in nav order; the first is the default. */
export const VIEWS: readonly ViewDef[] = [
  // 总览's needs-attention list also names problems recurring 3+ months (issue 4).
  ...DASHBOARD_VIEWS.map((v) =>
    v.id === 'overview' ? { ...v, render: (ctx: ViewContext) => <OverviewWithProblems {...ctx} /> } : v,
  ),
  problemsViewDef,
  { id: 'data', labelKey: 'dashboard.nav.data', render: withGlobalFilters((ctx) => <DataView {...ctx} />) },
  bulletinViewDef,
  {
    id: 'history',
    labelKey: 'store.nav.history',
    render: (ctx) => <HistoryView {...ctx} />,
    ownHeading: true,
  },
  {
    id: 'settings',
    labelKey: 'store.nav.settings',
    render: (ctx) => <SettingsView {...ctx} />,
    ownHeading: true,
  },
];

/** View ids, for URL validation. */
export const VIEW_IDS: readonly string[] = VIEWS.map((v) => v.id);
