/**
 * Plain records as columns, and back: the layout of the store's record blocks
 * (store/record-blocks.ts, docs/decisions/0009-ledger-storage-layout.md) and of the records the
 * ingest worker hands to the page (workers/record-chunks.ts). Text repeated across the records
 * (townships, sectors, levels, dates) is one dictionary entry and a small integer per record,
 * numbers are a Float64Array, nested plain objects are columns themselves, anything else is kept
 * as it is.
 *
 * Generic over plain records: every own enumerable key whose value is not `undefined` round-trips
 * with its value and in its order; `undefined` is treated as absent. The encoder is in
 * columns-encode.ts, loaded where records are written, so the page's entry chunk carries only the
 * decoder every reload needs (issue 13, target 5).
 */

/**
 * A dictionary column's codes: narrow unsigned arrays never hold an absent value; an Int32Array
 * holds -1 where a record lacks the key.
 */
export type CodeArray = Int32Array | Uint16Array | Uint8Array;

/** A number column's values: integers in an Int32Array's range (and not -0), else Float64Array. */
export type NumberArray = Float64Array | Int32Array;

/** One column. `present[i]` is 0 where record i has no value for the key. */
export type Column =
  /** Text (or null) repeated often enough to share: codes index `dict`, -1 where absent. */
  | {
      readonly key: string;
      readonly type: 'dict';
      readonly dict: readonly (string | null)[];
      readonly codes: CodeArray;
    }
  /** A number on every record. */
  | { readonly key: string; readonly type: 'num'; readonly values: NumberArray }
  /** A nested plain object (e.g. `source`), itself in columns. */
  | {
      readonly key: string;
      readonly type: 'obj';
      readonly present: Uint8Array;
      readonly columns: readonly Column[];
    }
  /** Anything else (unique text, arrays, mixed values), as it is. */
  | {
      readonly key: string;
      readonly type: 'any';
      readonly present: Uint8Array;
      readonly values: readonly unknown[];
    };

/** Decodes `n` objects from columns; `mask` (when given) says which exist at all. */
export function decodeColumns(
  columns: readonly Column[],
  n: number,
  mask?: Uint8Array,
): (Record<string, unknown> | undefined)[] {
  const out: (Record<string, unknown> | undefined)[] = new Array<Record<string, unknown> | undefined>(n);
  for (let i = 0; i < n; i++) out[i] = mask && mask[i] === 0 ? undefined : {};
  for (const col of columns) {
    const key = col.key;
    switch (col.type) {
      case 'num':
        for (let i = 0; i < n; i++) {
          const o = out[i];
          if (o) o[key] = col.values[i];
        }
        break;
      case 'dict':
        for (let i = 0; i < n; i++) {
          const o = out[i];
          const c = col.codes[i]!;
          if (o && c >= 0) o[key] = col.dict[c];
        }
        break;
      case 'any':
        for (let i = 0; i < n; i++) {
          const o = out[i];
          if (o && col.present[i] === 1) o[key] = col.values[i];
        }
        break;
      case 'obj': {
        const inner = decodeColumns(col.columns, n, col.present);
        for (let i = 0; i < n; i++) {
          const o = out[i];
          if (o && inner[i] !== undefined) o[key] = inner[i];
        }
        break;
      }
    }
  }
  return out;
}
