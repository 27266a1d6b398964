/**
 * The data view's table: every canonical township-month column, sortable, filtered by township and
 * month range, 50 rows a page. Column ids are the canonical field names (internal ids, read with
 * accessorFn — a dotted accessorKey would be treated as a deep path). Filter and sort state is
 * owned by the caller (the URL), page state by a pager, rows and filter choices are derived
 * (table-controller.ts); TanStack Table's headless core sorts and pages, this file renders.
 */
import {
  createPaginatedRowModel,
  createSortedRowModel,
  rowPaginationFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  flexRender,
  type ColumnDef,
  type Table,
} from '@tanstack/react-table';
import { useMemo, useState, useSyncExternalStore } from 'react';
import { recordCell } from '../../domain/record-cell';
import type { FieldDef } from '../../domain/fields';
import type { NumericField, Township, TownshipMonthRecord } from '../../domain/records';
import type { Lang } from '../../i18n/i18n';
import { EmptyState } from '../../components/empty-state';
import { useLang, useT } from '../../components/i18n-provider';
import { formatNumber } from '../../i18n/format';
import {
  compareTownshipsOfficial,
  officialIndex,
  sourceLabel,
  TABLE_FIELDS,
  zhCollator,
  type TableFilters,
} from './table-rows';
import { TableExport } from './table-export';
import { TableScroll } from '../../components/table-scroll';
import {
  createTablePager,
  deriveTableRows,
  nextSort,
  sortingOf,
  type TableRows,
  type TableSort,
} from './table-controller';

export type { TableSort } from './table-controller';

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
  const lang = useLang();
  const v = row[field];
  if (v === null) return <NullBadge />;
  const approx = row.approx.includes(field);
  return approx ? (
    <span className="approx" title={t('common.approx')}>
      {formatNumber(lang, v, 4)}*
    </span>
  ) : (
    <>{formatNumber(lang, v, 4)}</>
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

interface FilterControlsProps {
  readonly view: TableRows;
  readonly filters: TableFilters;
  readonly onFiltersChange: (patch: Partial<TableFilters>) => void;
}

/** The table's own township and month-range selects, and "clear filters". */
function FilterControls({ view, filters, onFiltersChange }: FilterControlsProps) {
  const t = useT();
  const range = (bound: 'from' | 'to', label: string) => (
    <label className="field">
      <span>{label}</span>
      <select
        value={filters[bound] ?? ''}
        onChange={(e) => onFiltersChange({ [bound]: e.target.value || null })}
      >
        <option value="">{t('common.all')}</option>
        {view.periods.map((p) => (
          <option
            key={p}
            value={p}
            disabled={
              bound === 'from'
                ? filters.to !== null && p > filters.to
                : filters.from !== null && p < filters.from
            }
          >
            {p}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <>
      <label className="field">
        <span>{t('dashboard.table.township')}</span>
        <select
          value={view.selectedTownship}
          onChange={(e) => onFiltersChange({ townships: e.target.value ? [e.target.value] : [] })}
        >
          <option value="">{t('dashboard.table.allTownships')}</option>
          {view.townshipNames.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      {range('from', t('common.from'))}
      {range('to', t('common.to'))}
      {view.hasFilters ? (
        <button
          type="button"
          className="btn btn--link"
          onClick={() => onFiltersChange({ townships: [], from: null, to: null })}
        >
          {t('dashboard.table.clearFilters')}
        </button>
      ) : null}
    </>
  );
}

type RecordsTable = Table<typeof features, Row>;

const sortIcon = (sorted: false | 'asc' | 'desc') => (sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕');

/** The header row: sortable columns are buttons, aria-sort says the current order. */
function HeaderRows({ table }: { table: RecordsTable }) {
  return table.getHeaderGroups().map((group) => (
    <tr key={group.id}>
      {group.headers.map((header) => {
        const sorted = header.column.getIsSorted();
        const label = flexRender(header.column.columnDef.header, header.getContext());
        return (
          <th
            key={header.id}
            scope="col"
            aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
            className={header.column.id === 'township' ? 'sticky-col' : undefined}
          >
            {header.column.getCanSort() ? (
              <button type="button" className="th-sort" onClick={header.column.getToggleSortingHandler()}>
                {label}
                <span className="th-sort__icon" aria-hidden="true">
                  {sortIcon(sorted)}
                </span>
              </button>
            ) : (
              label
            )}
          </th>
        );
      })}
    </tr>
  ));
}

const cellClass = (id: string, meta: unknown): string | undefined =>
  id === 'township' ? 'sticky-col' : (meta as { numeric?: boolean } | undefined)?.numeric ? 'num' : undefined;

/** The page of rows and the pager under it. */
function TableBody({ table, pageIndex }: { table: RecordsTable; pageIndex: number }) {
  const t = useT();
  const pageCount = Math.max(1, table.getPageCount());
  return (
    <>
      {/* Height-limited so the sticky header and township column stay in view while scrolling. */}
      <TableScroll className="table-scroll--tall" label={t('dashboard.table.title')}>
        <table className="data-table data-table--records">
          <thead>
            <HeaderRows table={table} />
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id}>
                {row.getAllCells().map((cell) => (
                  <td key={cell.id} className={cellClass(cell.column.id, cell.column.columnDef.meta)}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
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
          <span>{t('common.page', { page: pageIndex + 1, pages: pageCount })}</span>
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
  );
}

/** The township-month data table. */
export function DataTable(props: DataTableProps) {
  const { records, townships, filters, rowFilter, sort, onSortChange } = props;
  const t = useT();
  const lang = useLang();
  const order = useMemo(() => officialIndex(townships), [townships]);
  const columns = useMemo(() => buildColumns(lang, order, t), [lang, order, t]);
  const view = useMemo(
    () => deriveTableRows({ records, townships, filters, rowFilter }),
    [records, townships, filters, rowFilter],
  );
  const sorting = useMemo(
    () =>
      sortingOf(
        sort,
        columns.map((c) => c.id ?? ''),
      ),
    [sort, columns],
  );
  const [pager] = useState(() => createTablePager(props.pageSize ?? 50));
  const pagination = useSyncExternalStore(pager.subscribe, pager.getSnapshot);
  const table = useTable({
    features,
    columns,
    data: view.rows as Row[],
    state: { sorting, pagination },
    onSortingChange: (updater) => onSortChange(nextSort(updater, sorting)),
    onPaginationChange: pager.onPaginationChange,
    enableMultiSort: false,
  });

  return (
    <section className="panel" aria-labelledby="data-table-title">
      <h2 id="data-table-title" className="panel__title">
        {t('dashboard.table.title')}
      </h2>
      <div className="toolbar" role="group" aria-label={t('dashboard.table.title')}>
        {props.showFilterControls !== false ? (
          <FilterControls view={view} filters={filters} onFiltersChange={props.onFiltersChange} />
        ) : null}
        <span className="toolbar__spacer" />
        <TableExport rows={view.rows} filters={filters} />
        <span className="row-count" data-testid="row-count">
          {t('common.rowsShown', { shown: view.rows.length, total: records.length })}
        </span>
      </div>
      {view.rows.length === 0 ? (
        <EmptyState message={t('dashboard.table.empty')} />
      ) : (
        <TableBody table={table} pageIndex={pagination.pageIndex} />
      )}
    </section>
  );
}
