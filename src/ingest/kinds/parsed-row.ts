/**
 * What the row checks of a record kind see: the row's parsed values by field, which fields had a
 * cell error, and the header text of each field. Row checks are small pure functions over this
 * (docs/architecture.md, "Where a rule lives"); each returns at most one finding, located at a
 * field's cell.
 */
import type { RecordFlag } from '../../domain/records';
import type { MessageKey } from '../../i18n/catalog';
import type { ParsedMonth } from '../cells/parse-month';
import type { ParsedValue } from './column-parsers';

/** Read access by field name; a `Map` is one, and so is the converter's reused per-row store. */
export interface FieldLookup<V> {
  get(name: string): V | undefined;
  has(name: string): boolean;
}

/** Membership by field name; a `Set` is one. */
export interface FieldSet {
  has(name: string): boolean;
}

export interface ParsedRow {
  /** Parsed values of the row's reported cells, by canonical field. */
  readonly values: FieldLookup<ParsedValue>;
  /** Fields whose cell was rejected by its parser (already reported; required rules stay quiet). */
  readonly failed: FieldSet;
  /** Fields whose value was marked approximate (`约5`). */
  readonly approx: FieldSet;
  /** Header text of each field present in the row, for messages. */
  readonly headers: ReadonlyMap<string, string>;
  /** Today as `YYYY-MM-DD`. */
  readonly today: string;
}

/** A rule's verdict on a row, located at the cell of `field` (when the row has that cell). */
export interface RowFinding {
  readonly severity: 'error' | 'warning';
  readonly code: MessageKey;
  readonly field: string;
  readonly params: Readonly<Record<string, string | number>>;
  /** A flag the record carries when it is kept. */
  readonly flag?: RecordFlag;
}

/** One cross-field rule. Pure. */
export type RowCheck = (row: ParsedRow) => RowFinding | null;

export const numberOf = (row: ParsedRow, name: string): number | null => {
  const v = row.values.get(name);
  return typeof v === 'number' ? v : null;
};

export const textOf = (row: ParsedRow, name: string): string | null => {
  const v = row.values.get(name);
  return typeof v === 'string' ? v : null;
};

export const monthOf = (row: ParsedRow): ParsedMonth | null => {
  const v = row.values.get('period');
  return typeof v === 'object' && v !== null && 'period' in v ? v : null;
};

export const error = (
  code: MessageKey,
  field: string,
  params: Readonly<Record<string, string | number>> = {},
): RowFinding => ({ severity: 'error', code, field, params });

export const warning = (
  code: MessageKey,
  field: string,
  params: Readonly<Record<string, string | number>> = {},
): RowFinding => ({ severity: 'warning', code, field, params });

/**
 * A required field: missing when the row has no value for it and its cell had no error of its
 * own. The message names the column as the file does, or `label` when the column is absent.
 */
export function required(name: string, label: string): RowCheck {
  return (row) =>
    row.values.has(name) || row.failed.has(name)
      ? null
      : error('ingest.missing_required', name, { label: row.headers.get(name) ?? label });
}
