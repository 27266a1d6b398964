/**
 * The 数据 tab: the import panel and the table of township-month records under the global filters.
 */
import { useMemo } from 'react';
import { inSectorPredicate } from '../../analysis/sector-activity';
import { DataTable } from '../../features/data-table/data-table';
import { ImportPanel } from '../../features/import/import-panel';
import { usePlanning } from './store-routes';
import { todayLocal } from '../clock';
import type { ViewContext } from './route-types';

/** 数据: the import panel and the records table (loaded on demand: registry.tsx). */
export function DataView({ snapshot, store, runner, state, setState, now }: ViewContext) {
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
