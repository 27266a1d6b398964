/**
 * The result of reading one cell: a value (with notes on what was tidied), "not reported"
 * (`null`), or an error whose `code` is a `cells.*` message key. Bad data is a value here,
 * never an exception (docs/architecture.md#invariants).
 */
import type { MessageKey } from '../../i18n/catalog';
import { maskControlChars } from '../normalise-text';

/** What a grammar tidied on the way to a value; the pipeline turns notes into cleanup warnings. */
export type CellNote =
  | 'approx'
  | 'thousands_separator'
  | 'unit_stripped'
  | 'fullwidth_normalised'
  | 'excel_text_idiom'
  | 'none_as_zero'
  | 'integer_from_decimal'
  | 'converted_yuan_to_10k'
  | 'date_as_month'
  | 'excel_serial'
  | 'formula_quote_stripped'
  /** A sector word not in the registry, kept as `other` (the row warns, see parse-enums). */
  | 'sector_unknown_as_other';

/** A parsed cell. `null` means "not reported" and must never be turned into 0 downstream. */
export type CellResult<T> =
  | { kind: 'value'; value: T; notes: readonly CellNote[] }
  | { kind: 'null' }
  | { kind: 'error'; code: MessageKey; params: Readonly<Record<string, string | number>> };

/** Builds a value result; `notes` are de-duplicated, order of first appearance kept. */
export function cellValue<T>(value: T, notes: readonly CellNote[] = []): CellResult<T> {
  return { kind: 'value', value, notes: notes.length > 1 ? [...new Set(notes)] : notes };
}

/** The "not reported" result (blank, `/`, `—`, `#DIV/0!` …). */
export const CELL_NULL: { readonly kind: 'null' } = { kind: 'null' };

/** Builds an error result with a `cells.*` message key and its parameters. */
export function cellError(
  code: MessageKey,
  params: Readonly<Record<string, string | number>> = {},
): { kind: 'error'; code: MessageKey; params: Readonly<Record<string, string | number>> } {
  return { kind: 'error', code, params };
}

/** Longest raw value quoted back in a message; longer values are cut with an ellipsis. */
export const MAX_QUOTED_CHARS = 40;

/**
 * Shortens a raw value for quoting in a message (first 40 UTF-16 units + `…`) and shows control
 * and bidi characters as `�`. Messages are rendered as text, so no HTML escaping is done here.
 */
export function quoteValue(raw: string): string {
  const cut = raw.length > MAX_QUOTED_CHARS ? `${raw.slice(0, MAX_QUOTED_CHARS)}…` : raw;
  // A bidi override quoted back would reorder the message itself: show control characters as �.
  return maskControlChars(cut);
}
