/**
 * The data table's state and rows without React. TanStack Table's headless core sorts and pages;
 * the state it works on lives here, not in the component: sorting is the URL's (one column,
 * translated both ways), pagination is a small controller (subscribe/getSnapshot), and the rows
 * it is given (filtered, in the default order) and the filter choices are a pure derivation.
 */
import type { PaginationState, SortingState, Updater } from '@tanstack/react-table';
import type { Period } from '../../domain/month';
import type { Township, TownshipMonthRecord } from '../../domain/records';
import { filterRecords, periodsOf, sortDefault, type TableFilters } from './table-rows';

/** Sort state as the URL keeps it (one column). */
export interface TableSort {
  readonly id: string;
  readonly desc: boolean;
}

export interface TableRowsInput {
  readonly records: readonly TownshipMonthRecord[];
  readonly townships: readonly Township[];
  readonly filters: TableFilters;
  /** An extra row filter from the global filters (e.g. the sector), applied with the others. */
  readonly rowFilter?: ((r: TownshipMonthRecord) => boolean) | undefined;
}

export interface TableRows {
  /** Records that pass the filters, in the default order (official township order, month, scope). */
  readonly rows: readonly TownshipMonthRecord[];
  /** Months with data, for the month-range selects. */
  readonly periods: readonly Period[];
  /** Official townships, then any others with records, for the township select. */
  readonly townshipNames: readonly string[];
  /** The township select's value: the only filtered township, else '' (all). */
  readonly selectedTownship: string;
  readonly hasFilters: boolean;
}

/** The rows and filter choices for the filters. Pure. */
export function deriveTableRows({ records, townships, filters, rowFilter }: TableRowsInput): TableRows {
  const ordered = sortDefault(records, townships);
  const filtered = filterRecords(ordered, filters);
  const names = new Set(townships.map((x) => x.name));
  for (const r of ordered) names.add(r.township);
  return {
    rows: rowFilter ? filtered.filter(rowFilter) : filtered,
    periods: periodsOf(records),
    townshipNames: [...names],
    selectedTownship: filters.townships.length === 1 ? (filters.townships[0] ?? '') : '',
    hasFilters: filters.townships.length > 0 || filters.from !== null || filters.to !== null,
  };
}

/** TanStack sorting state for the URL's sort; a sort id that names no column is ignored. */
export function sortingOf(sort: TableSort | null, columnIds: readonly string[]): SortingState {
  return sort && columnIds.includes(sort.id) ? [{ id: sort.id, desc: sort.desc }] : [];
}

/** The URL sort after TanStack asks to change `current` (a header click). */
export function nextSort(updater: Updater<SortingState>, current: SortingState): TableSort | null {
  const next = typeof updater === 'function' ? updater(current) : updater;
  const first = next[0];
  return first ? { id: first.id, desc: first.desc } : null;
}

export interface TablePager {
  getSnapshot(): PaginationState;
  subscribe(listener: () => void): () => void;
  /** TanStack's onPaginationChange: next/previous page, and its reset to page 1 when the rows change. */
  onPaginationChange(updater: Updater<PaginationState>): void;
}

/** The table's page state, starting on the first page of `pageSize` rows. */
export function createTablePager(pageSize: number): TablePager {
  let state: PaginationState = { pageIndex: 0, pageSize };
  const listeners = new Set<() => void>();
  return {
    getSnapshot: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onPaginationChange(updater) {
      const next = typeof updater === 'function' ? updater(state) : updater;
      if (next.pageIndex === state.pageIndex && next.pageSize === state.pageSize) return;
      state = next;
      for (const l of [...listeners]) l();
    },
  };
}
