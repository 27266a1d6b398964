/**
 * agg.json, the hazard aggregate (docs/scale-out.md#aggjson): written by `npm run aggregate`
 * (scripts/hazard-aggregate.ts, sql/hazard-tally.sql) and imported by the app like any dataset
 * (src/ingest/read-hazard-aggregate.ts). Versioned; the accounting of the rows it was made from
 * travels with it.
 */

export const HAZARD_AGGREGATE_FORMAT = 'township-safety-dashboard/hazard-aggregate';
export const HAZARD_AGGREGATE_VERSION = 1;

/** The order of each tally tuple's values. */
export const TALLY_COLUMNS = [
  'township',
  'period',
  'sector',
  'level',
  'found',
  'rectified',
  'overdue',
] as const;

/** township, period (YYYY-MM), sector code, level, found, rectified, overdue. */
export type TallyTuple = readonly [string, string, string, string, number, number, number];

/** An example row: `row` is the 1-based data row (line = row + header lines when no cell spans lines and no line before it was set aside by the CSV reader); `line` a physical line. */
export interface AggregateSample {
  readonly file: string;
  readonly row?: number;
  readonly line?: number;
  /** The township cell as written, to help find the row. */
  readonly township?: string;
}

/** One rejection (or ignore) reason with its count and a few example rows. */
export interface AggregateReason {
  readonly kind: 'rejected' | 'ignored';
  /** The app's message code (`cells.date.future`, `ingest.missing_required` …), or `csv.*` for lines the CSV reader could not split, or `ignored.blank`. */
  readonly reason: string;
  /** The ledger field at fault, or null. */
  readonly field: string | null;
  readonly count: number;
  readonly samples: readonly AggregateSample[];
}

export interface AggregateAccounting {
  /** rows_read = aggregated + rejected + ignored. */
  readonly rows_read: number;
  readonly aggregated: number;
  readonly rejected: number;
  readonly ignored: number;
  readonly reasons: readonly AggregateReason[];
}

export interface AggregateInput {
  readonly file: string;
  readonly format: 'csv' | 'parquet';
  /** CSV: the 1-based line of the header (lines above it, a title, are not data). */
  readonly header_line?: number;
  /** Every column of the file and the ledger field it was read as (null: not used). */
  readonly columns: readonly { readonly header: string; readonly field: string | null }[];
  readonly rows_read: number;
  readonly aggregated: number;
  readonly rejected: number;
  readonly ignored: number;
  /** Present when the file could not be aggregated at all (a hard failure). */
  readonly error?: string;
}

export interface HazardAggregateDoc {
  readonly format: typeof HAZARD_AGGREGATE_FORMAT;
  readonly version: number;
  /** `YYYY-MM-DD`: the date `overdue` was counted at. */
  readonly as_of: string;
  readonly generator: string;
  readonly inputs: readonly AggregateInput[];
  readonly accounting: AggregateAccounting;
  readonly columns: typeof TALLY_COLUMNS;
  readonly tallies: readonly TallyTuple[];
}
