/**
 * The registry of routes (nav tabs), in nav order. A route is one entry: an id (used in the URL),
 * a label key and a render function receiving the shared context (route-types.ts). Route files
 * import only route-types.ts from here, never this registry, so there is no import cycle.
 */
import { useMemo } from 'react';
import { inSectorPredicate } from '../../analysis/sector-activity';
import { DataTable } from '../../features/data-table/data-table';
import { ImportPanel } from '../../features/import/import-panel';
import { HistoryView, SettingsView, usePlanning } from './store-routes';
import { bulletinViewDef } from './bulletin-route';
import { OverviewWithProblems, problemsViewDef } from './problems-route';
import { DASHBOARD_VIEWS, withGlobalFilters } from './dashboard-routes';
import type { ViewContext, ViewDef } from './route-types';
import { todayLocal } from '../clock';

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
      <ImportPanel store={store} runner={runner} now={now} today={todayLocal} planning={planning} />
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
