/**
 * The data view's table: every canonical township-month column, sortable, filtered by township and
 * month range, 50 rows a page. Column ids are the canonical field names (internal ids, read with
 * accessorFn — a dotted accessorKey would be treated as a deep path). Filter and sort state is
 * owned by the caller (the URL), so the table is a pure view of its props.
 */
import {
  createPaginatedRowModel,
  createSortedRowModel,
  rowPaginationFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnDef,
  type SortingState,
  type Updater,
} from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { recordCell } from '../../domain/record-cell';
import type { FieldDef } from '../../domain/fields';
import type { NumericField, Township, TownshipMonthRecord } from '../../domain/records';
import type { Lang } from '../../i18n/i18n';
import { EmptyState } from '../../components/empty-state';
import { useLang, useT } from '../../components/i18n-provider';
import {
  compareTownshipsOfficial,
  filterRecords,
  officialIndex,
  periodsOf,
  sortDefault,
  sourceLabel,
  TABLE_FIELDS,
  zhCollator,
  type TableFilters,
} from './table-rows';
import { TableExport } from './table-export';
import { TableScroll } from '../../components/table-scroll';

/** Sort state as the URL keeps it (one column). */
export interface TableSort {
  readonly id: string;
  readonly desc: boolean;
}

export interface DataTableProps {
  readonly records: readonly TownshipMonthRecord[];
  readonly townships: readonly Township[];
  readonly filters: TableFilters;
  readonly onFiltersChange: (patch: Partial<TableFilters>) => void;
  /**
   * Show the table's own township/month selects. Off when the app's global filter bar sits above
   * the table (same URL state), so the page never shows two sets of the same filters.
   */
  readonly showFilterControls?: boolean;
  /** An extra row filter from the global filters (e.g. the sector), applied with the others. */
  readonly rowFilter?: (r: TownshipMonthRecord) => boolean;
  readonly sort: TableSort | null;
  readonly onSortChange: (sort: TableSort | null) => void;
  readonly pageSize?: number;
}

const features = tableFeatures({
  rowSortingFeature,
  rowPaginationFeature,
  sortedRowModel: createSortedRowModel(),
  paginatedRowModel: createPaginatedRowModel(),
});

type Row = TownshipMonthRecord;
type Col = ColumnDef<typeof features, Row, unknown>;

const numberFormat = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 4 });

const isNumericKind = (f: FieldDef) => f.kind === 'count' || f.kind === 'money';

function headerText(f: FieldDef, lang: Lang): string {
  // Units are Chinese in both languages (they are what the forms say); only the brackets follow the language.
  if (!f.unit) return lang === 'en' ? f.en : f.zh;
  return lang === 'en' ? `${f.en} (${f.unit})` : `${f.zh}（${f.unit}）`;
}

/** Visible text of a text-like cell, or null when not reported (the shared record → cell rule). */
function textValue(r: Row, f: FieldDef, lang: Lang): string | null {
  const v = recordCell(r, f.name, { sectorNames: lang === 'en' ? 'en' : 'zh', sectorSeparator: '、' });
  return v === null ? null : String(v);
}

function NullBadge() {
  const t = useT();
  return <span className="badge-null">{t('common.notReported')}</span>;
}

function NumberCell({ row, field }: { row: Row; field: NumericField }) {
  const t = useT();
  const v = row[field];
  if (v === null) return <NullBadge />;
  const approx = row.approx.includes(field);
  return approx ? (
    <span className="approx" title={t('common.approx')}>
      {numberFormat.format(v)}*
    </span>
  ) : (
    <>{numberFormat.format(v)}</>
  );
}

function buildColumns(lang: Lang, order: ReadonlyMap<string, number>, t: ReturnType<typeof useT>): Col[] {
  const cols: Col[] = TABLE_FIELDS.map((f): Col => {
    if (isNumericKind(f)) {
      const name = f.name as NumericField;
      return {
        id: name,
        header: headerText(f, lang),
        // undefined (not null) so sortUndefined can keep unreported values last in both directions.
        accessorFn: (r) => r[name] ?? undefined,
        sortUndefined: 'last',
        sortDescFirst: true,
        cell: ({ row }) => <NumberCell row={row.original} field={name} />,
        meta: { numeric: true },
      };
    }
    if (f.name === 'township') {
      return {
        id: 'township',
        header: headerText(f, lang),
        accessorFn: (r) => r.township,
        // Sorting the township column is alphabetical (pinyin); the unsorted table is official order.
        sortFn: (a, b) =>
          zhCollator.compare(a.original.township, b.original.township) ||
          compareTownshipsOfficial(order, a.original.township, b.original.township),
        cell: ({ row }) => row.original.township,
      };
    }
    if (f.name === 'period_scope') {
      return {
        id: 'period_scope',
        header: headerText(f, lang),
        accessorFn: (r) => r.period_scope,
        cell: ({ row }) =>
          row.original.period_scope === 'ytd'
            ? t('dashboard.table.scope.ytd')
            : t('dashboard.table.scope.month'),
      };
    }
    const long = f.kind === 'text';
    return {
      id: f.name,
      header: headerText(f, lang),
      accessorFn: (r) => textValue(r, f, lang) ?? undefined,
      sortUndefined: 'last',
      sortFn: (a, b, id) => zhCollator.compare(String(a.getValue(id)), String(b.getValue(id))),
      enableSorting: !long,
      cell: ({ row }) => {
        const v = textValue(row.original, f, lang);
        if (v === null) return <NullBadge />;
        return long ? (
          <span className="cell-text" title={v}>
            {v}
          </span>
        ) : (
          v
        );
      },
    };
  });
  cols.push({
    id: 'source',
    header: t('dashboard.table.source'),
    accessorFn: (r) => sourceLabel(r),
    enableSorting: false,
    cell: ({ row }) => <span className="cell-source">{sourceLabel(row.original)}</span>,
  });
  return cols;
}

const toSorting = (sort: TableSort | null): SortingState => (sort ? [{ id: sort.id, desc: sort.desc }] : []);

/** The township-month data table. */
export function DataTable({
  records,
  townships,
  filters,
  onFiltersChange,
  showFilterControls = true,
  rowFilter,
  sort,
  onSortChange,
  pageSize = 50,
}: DataTableProps) {
  const t = useT();
  const lang = useLang();
  const order = useMemo(() => officialIndex(townships), [townships]);
  const columns = useMemo(() => buildColumns(lang, order, t), [lang, order, t]);
  const ordered = useMemo(() => sortDefault(records, townships), [records, townships]);
  const data = useMemo(() => {
    const rows = filterRecords(ordered, filters);
    return rowFilter ? rows.filter(rowFilter) : rows;
  }, [ordered, filters, rowFilter]);
  const periods = useMemo(() => periodsOf(records), [records]);
  const townshipNames = useMemo(() => {
    const names = new Set(townships.map((x) => x.name));
    for (const r of ordered) names.add(r.township);
    return [...names];
  }, [townships, ordered]);

  // A sort id from the URL that names no column is ignored rather than breaking the table.
  const sorting = useMemo(
    () => toSorting(sort && columns.some((c) => c.id === sort.id) ? sort : null),
    [sort, columns],
  );
  const [pagination, setPagination] = useState({ pageIndex: 0, pageSize });

  const table = useTable({
    features,
    columns,
    data,
    state: { sorting, pagination },
    onSortingChange: (updater: Updater<SortingState>) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      const first = next[0];
      onSortChange(first ? { id: first.id, desc: first.desc } : null);
    },
    onPaginationChange: setPagination,
    enableMultiSort: false,
  });

  const rows = table.getRowModel().rows;
  const pageCount = Math.max(1, table.getPageCount());
  const selectedTownship = filters.townships.length === 1 ? (filters.townships[0] ?? '') : '';
  const hasFilters = filters.townships.length > 0 || filters.from !== null || filters.to !== null;

  return (
    <section className="panel" aria-labelledby="data-table-title">
      <h2 id="data-table-title" className="panel__title">
        {t('dashboard.table.title')}
      </h2>
      <div className="toolbar" role="group" aria-label={t('dashboard.table.title')}>
        {showFilterControls ? (
          <>
            <label className="field">
              <span>{t('dashboard.table.township')}</span>
              <select
                value={selectedTownship}
                onChange={(e) => onFiltersChange({ townships: e.target.value ? [e.target.value] : [] })}
              >
                <option value="">{t('dashboard.table.allTownships')}</option>
                {townshipNames.map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>{t('common.from')}</span>
              <select
                value={filters.from ?? ''}
                onChange={(e) => onFiltersChange({ from: e.target.value || null })}
              >
                <option value="">{t('common.all')}</option>
                {periods.map((p) => (
                  <option key={p} value={p} disabled={filters.to !== null && p > filters.to}>
                    {p}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>{t('common.to')}</span>
              <select
                value={filters.to ?? ''}
                onChange={(e) => onFiltersChange({ to: e.target.value || null })}
              >
                <option value="">{t('common.all')}</option>
                {periods.map((p) => (
                  <option key={p} value={p} disabled={filters.from !== null && p < filters.from}>
                    {p}
                  </option>
                ))}
              </select>
            </label>
            {hasFilters ? (
              <button
                type="button"
                className="btn btn--link"
                onClick={() => onFiltersChange({ townships: [], from: null, to: null })}
              >
                {t('dashboard.table.clearFilters')}
              </button>
            ) : null}
          </>
        ) : null}
        <span className="toolbar__spacer" />
        <TableExport rows={data} filters={filters} />
        <span className="row-count" data-testid="row-count">
          {t('common.rowsShown', { shown: data.length, total: records.length })}
        </span>
      </div>

      {data.length === 0 ? (
        <EmptyState message={t('dashboard.table.empty')} />
      ) : (
        <>
          {/* Height-limited so the sticky header and township column stay in view while scrolling. */}
          <TableScroll className="table-scroll--tall" label={t('dashboard.table.title')}>
            <table className="data-table data-table--records">
              <thead>
                {table.getHeaderGroups().map((group) => (
                  <tr key={group.id}>
                    {group.headers.map((header) => {
                      const sorted = header.column.getIsSorted();
                      const canSort = header.column.getCanSort();
                      const label = <table.FlexRender header={header} />;
                      return (
                        <th
                          key={header.id}
                          scope="col"
                          aria-sort={
                            sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined
                          }
                          className={header.column.id === 'township' ? 'sticky-col' : undefined}
                        >
                          {canSort ? (
                            <button
                              type="button"
                              className="th-sort"
                              onClick={header.column.getToggleSortingHandler()}
                            >
                              {label}
                              <span className="th-sort__icon" aria-hidden="true">
                                {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
                              </span>
                            </button>
                          ) : (
                            label
                          )}
                        </th>
                      );
                    })}
                  </tr>
                ))}
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.id}>
                    {row.getAllCells().map((cell) => (
                      <td
                        key={cell.id}
                        className={
                          cell.column.id === 'township'
                            ? 'sticky-col'
                            : (cell.column.columnDef.meta as { numeric?: boolean } | undefined)?.numeric
                              ? 'num'
                              : undefined
                        }
                      >
                        <table.FlexRender cell={cell} />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {pageCount > 1 ? (
            <nav className="pager" aria-label={t('dashboard.table.title')}>
              <button
                type="button"
                className="btn btn--small"
                onClick={() => table.previousPage()}
                disabled={!table.getCanPreviousPage()}
              >
                {t('common.previous')}
              </button>
              <span>{t('common.page', { page: pagination.pageIndex + 1, pages: pageCount })}</span>
              <button
                type="button"
                className="btn btn--small"
                onClick={() => table.nextPage()}
                disabled={!table.getCanNextPage()}
              >
                {t('common.next')}
              </button>
            </nav>
          ) : null}
        </>
      )}
    </section>
  );
}
