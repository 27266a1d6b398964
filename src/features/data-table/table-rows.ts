/**
 * Pure helpers behind the data table: which columns it shows, which records pass the filters and
 * the default order. Kept out of the component so they are tested without rendering.
 */
import { TOWNSHIP_MONTH_FIELDS, type FieldDef } from '../../domain/fields';
import type { Period } from '../../domain/month';
import type { Township, TownshipMonthRecord } from '../../domain/records';

export interface TableFilters {
  /** Empty = all townships. */
  readonly townships: readonly string[];
  readonly from: Period | null;
  readonly to: Period | null;
}

/**
 * Every stored township-month field in registry order (the template's order). `rectification_rate`
 * is only cross-checked at import and never stored, so it has no column.
 */
export const TABLE_FIELDS: readonly FieldDef[] = TOWNSHIP_MONTH_FIELDS.filter((f) => f.kind !== 'rate_check');

/**
 * Records that pass the filters. A missing bound is open; `YYYY-MM` strings compare correctly as
 * text. An empty township list keeps every township. Input order is preserved.
 */
export function filterRecords(
  records: readonly TownshipMonthRecord[],
  filters: TableFilters,
): TownshipMonthRecord[] {
  const wanted = filters.townships.length > 0 ? new Set(filters.townships) : null;
  return records.filter(
    (r) =>
      (wanted === null || wanted.has(r.township)) &&
      (filters.from === null || r.period >= filters.from) &&
      (filters.to === null || r.period <= filters.to),
  );
}

/**
 * Position of each township in the official list; names not in it come after all official ones,
 * in Chinese collation order among themselves (see compareTownshipsOfficial).
 */
export function officialIndex(townships: readonly Township[]): ReadonlyMap<string, number> {
  return new Map(townships.map((t, i) => [t.name, i]));
}

/** Chinese (pinyin) collation for township names, e.g. 城关镇 before 小召乡. */
export const zhCollator = new Intl.Collator('zh-CN');

/**
 * Compares township names in official order; unknown names sort after known ones, by collation.
 */
export function compareTownshipsOfficial(order: ReadonlyMap<string, number>, a: string, b: string): number {
  const ia = order.get(a);
  const ib = order.get(b);
  if (ia !== undefined && ib !== undefined) return ia - ib;
  if (ia !== undefined) return -1;
  if (ib !== undefined) return 1;
  return zhCollator.compare(a, b);
}

/**
 * The table's default order: townships in official order, then period ascending, monthly rows
 * before year-to-date rows. Returns a new array; stable for equal keys.
 */
export function sortDefault(
  records: readonly TownshipMonthRecord[],
  townships: readonly Township[],
): TownshipMonthRecord[] {
  const order = officialIndex(townships);
  return [...records].sort(
    (a, b) =>
      compareTownshipsOfficial(order, a.township, b.township) ||
      (a.period < b.period ? -1 : a.period > b.period ? 1 : 0) ||
      (a.period_scope === b.period_scope ? 0 : a.period_scope === 'month' ? -1 : 1),
  );
}

/** Distinct periods in the records, ascending (for the month-range pickers). Empty for no records. */
export function periodsOf(records: readonly TownshipMonthRecord[]): Period[] {
  return [...new Set(records.map((r) => r.period))].sort();
}

/** "file:line" for a record's source, or just the file when there is no line. */
export const sourceLabel = (r: TownshipMonthRecord): string =>
  r.source.line === null ? r.source.file : `${r.source.file}:${r.source.line}`;
