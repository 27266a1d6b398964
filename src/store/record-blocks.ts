/**
 * Record blocks: the records an import adds, stored many to one IndexedDB row, column by column
 * (docs/decisions/0009-ledger-storage-layout.md). IndexedDB's cost is per row, not per byte: a
 * million hazards written one row each took minutes to save and most of a minute to read back,
 * the same data in blocks of 2,000 a few seconds. Columns make each block small and quick to
 * clone: repeated text (townships, sectors, levels, dates) is one dictionary entry and a small
 * integer per record, numbers are a Float64Array.
 *
 * Pure: no Dexie, no DOM. The store (persistent-store.ts) decides which records go into blocks
 * (every record a commit adds) and which stay one row each (a replacement, a restored revision,
 * which override a block's copy of the same key).
 *
 * The codec is generic over plain records: every own enumerable key whose value is not
 * `undefined` round-trips (stableStringify-equal, docs/architecture.md "Storage"); `undefined` is
 * treated as absent, as stableStringify and the diff already treat it.
 */
import type {
  AnyRecord,
  DerivableRecord,
  StoredKind,
  StoredRecord,
  StoredRecordDraft,
} from './persist-types';
import { baseKeyOf, makeRecordId, occurrenceOf } from './record-keys';

/** Records per block: large enough that rows are few, small enough that one block decodes fast. */
export const BLOCK_SIZE = 2_000;

/** One column of a block. `present[i]` is 0 where record i has no value for the key. */
export type BlockColumn =
  /** Text (or null) repeated often enough to share: codes index `dict`, -1 where absent. */
  | {
      readonly key: string;
      readonly type: 'dict';
      readonly dict: readonly (string | null)[];
      readonly codes: Int32Array;
    }
  /** A number on every record. */
  | { readonly key: string; readonly type: 'num'; readonly values: Float64Array }
  /** A nested plain object (e.g. `source`), itself in columns. */
  | {
      readonly key: string;
      readonly type: 'obj';
      readonly present: Uint8Array;
      readonly columns: readonly BlockColumn[];
    }
  /** Anything else (unique text, arrays, mixed values), as it is. */
  | {
      readonly key: string;
      readonly type: 'any';
      readonly present: Uint8Array;
      readonly values: readonly unknown[];
    };

/** The IndexedDB row of a block: one batch's records of one kind, in file order. */
export interface BlockRow {
  /** batch id, kind, tag and block number, joined by U+0001 (blocksOf). */
  readonly id: string;
  readonly batchId: string;
  readonly batchSeq: number;
  readonly kind: StoredKind;
  readonly count: number;
  /**
   * The records' keys, as the occurrence number each key carries: a key is rebuilt from its record
   * (record-keys.ts makeRecordId), so the block does not store a million long key strings that
   * the blockKeys table holds anyway. `oddIds` keeps, by position, any key that cannot be rebuilt
   * (written by an older version of the key rules, e.g. restored from an old backup).
   */
  readonly occurrences: Int32Array;
  readonly oddIds: readonly (readonly [number, string])[];
  readonly ordinals: Int32Array;
  readonly columns: readonly BlockColumn[];
}

/** A block's keys alone (the blockKeys table): what planning reads to find a stored key. */
export interface BlockKeysRow {
  readonly id: string;
  readonly batchId: string;
  readonly kind: StoredKind;
  readonly ids: readonly string[];
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

/** The union of the records' keys with a value, in first-seen order. */
function keysOf(rows: readonly (Record<string, unknown> | undefined)[]): string[] {
  const seen = new Set<string>();
  for (const r of rows) {
    if (r === undefined) continue;
    for (const k in r) if (r[k] !== undefined) seen.add(k);
  }
  return [...seen];
}

/** The first present record's keys with a value: every record's, when they share one shape. */
function firstKeys(rows: readonly (Record<string, unknown> | undefined)[]): string[] {
  const first = rows.find((r) => r !== undefined);
  const keys: string[] = [];
  if (first) for (const k in first) if (first[k] !== undefined) keys.push(k);
  return keys;
}

/**
 * Encodes plain objects (undefined where a parent object is absent) into columns. Records of one
 * kind share their keys, so the columns are first built from the first record's keys, and a
 * record is checked for others only when it has more keys than values found (a key counted
 * without a Set per key: a million records times a dozen keys was a second and a half of Set
 * work on the page).
 */
export function encodeColumns(rows: readonly (Record<string, unknown> | undefined)[]): BlockColumn[] {
  const keys = firstKeys(rows);
  const found = new Int32Array(rows.length);
  const columns = keys.map((key) => encodeColumn(rows, key, found));
  const known = new Set(keys);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (r === undefined) continue;
    let n = 0;
    for (const _k in r) n++;
    if (n === found[i]) continue;
    for (const k in r)
      if (r[k] !== undefined && !known.has(k)) return keysOf(rows).map((key) => encodeColumn(rows, key));
  }
  return columns;
}

/** One key's column; counts each record's values found into `found`. */
function encodeColumn(
  rows: readonly (Record<string, unknown> | undefined)[],
  key: string,
  found?: Int32Array,
): BlockColumn {
  const n = rows.length;
  const values: unknown[] = new Array<unknown>(n);
  const present = new Uint8Array(n);
  let allNumbers = true;
  let allObjects = true;
  let allText = true;
  let absent = 0;
  for (let i = 0; i < n; i++) {
    const v = rows[i]?.[key];
    if (v === undefined) {
      absent++;
      continue;
    }
    if (found) found[i]!++;
    present[i] = 1;
    values[i] = v;
    const t = typeof v;
    if (t === 'string' || v === null) {
      allNumbers = false;
      allObjects = false;
    } else if (t === 'number') {
      allObjects = false;
      allText = false;
    } else {
      allNumbers = false;
      allText = false;
      if (allObjects && !isPlainObject(v)) allObjects = false;
    }
  }
  if (allNumbers && absent === 0) return { key, type: 'num', values: Float64Array.from(values as number[]) };
  if (allObjects)
    return {
      key,
      type: 'obj',
      present,
      columns: encodeColumns(values as (Record<string, unknown> | undefined)[]),
    };
  if (allText) {
    const index = new Map<string | null, number>();
    const dict: (string | null)[] = [];
    const codes = new Int32Array(n);
    // Mostly distinct text (descriptions) gains nothing from a dictionary: stop building one.
    const most = n / 2;
    let i = 0;
    for (; i < n && dict.length <= most; i++) {
      if (present[i] === 0) {
        codes[i] = -1;
        continue;
      }
      const v = values[i] as string | null;
      let code = index.get(v);
      if (code === undefined) {
        code = dict.length;
        index.set(v, code);
        dict.push(v);
      }
      codes[i] = code;
    }
    if (i === n && dict.length <= most) return { key, type: 'dict', dict, codes };
  }
  return { key, type: 'any', present, values };
}

/** Decodes `n` objects from columns; `mask` (when given) says which exist at all. */
export function decodeColumns(
  columns: readonly BlockColumn[],
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

/**
 * The blocks of one commit's new records: one batch, grouped by kind, in the drafts' order,
 * `size` records each, each with its keys row (same id). Lazy: a block is encoded when it is
 * asked for, so a writer can encode and write a few at a time and never spend a long task
 * encoding a million records at once.
 */
export function* blocksOf(
  drafts: readonly StoredRecordDraft[],
  batchId: string,
  batchSeq: number,
  size = BLOCK_SIZE,
  /** Distinguishes blocks added to a batch later (a backup restored into it). */
  tag = '',
): Generator<{ readonly block: BlockRow; readonly keys: BlockKeysRow }> {
  const byKind = new Map<StoredKind, StoredRecordDraft[]>();
  for (const d of drafts) {
    let list = byKind.get(d.kind);
    if (!list) byKind.set(d.kind, (list = []));
    list.push(d);
  }
  for (const [kind, list] of byKind) {
    for (let at = 0, n = 0; at < list.length; at += size, n++) {
      const part = list.slice(at, at + size);
      const id = [batchId, kind, tag, n].join('\u0001');
      const ids = part.map((d) => d.id);
      const occurrences = new Int32Array(part.length);
      const oddIds: [number, string][] = [];
      part.forEach((d, i) => {
        const n = occurrenceOf(d.id, kind, baseKeyOf(kind, d.record));
        if (n === null) oddIds.push([i, d.id]);
        else occurrences[i] = n;
      });
      const block: BlockRow = {
        id,
        batchId,
        batchSeq,
        kind,
        count: part.length,
        occurrences,
        oddIds,
        ordinals: Int32Array.from(part, (d) => d.ordinal),
        columns: encodeColumns(part.map((d) => d.record as unknown as Record<string, unknown>)),
      };
      yield { block, keys: { id, batchId, kind, ids } };
    }
  }
}

/**
 * A block's records without their keys, in its order: what a reload derives the dataset from.
 * Rebuilding a million keys (long strings) on every reload only to drop them was most of the
 * reload's garbage.
 */
export function derivableOfBlock(block: BlockRow): DerivableRecord[] {
  const values = decodeColumns(block.columns, block.count);
  const out: DerivableRecord[] = new Array<DerivableRecord>(block.count);
  for (let i = 0; i < block.count; i++) {
    out[i] = {
      kind: block.kind,
      batchId: block.batchId,
      batchSeq: block.batchSeq,
      ordinal: block.ordinals[i]!,
      record: values[i] as unknown as AnyRecord,
    };
  }
  return out;
}

/** A block's key of each record, in its order (the records decoded `records`, or decoded now). */
export function idsOfBlock(block: BlockRow, records?: readonly { readonly record: AnyRecord }[]): string[] {
  const list = records ?? derivableOfBlock(block);
  const odd = block.oddIds.length > 0 ? new Map(block.oddIds) : null;
  return list.map(
    (r, i) => odd?.get(i) ?? makeRecordId(block.kind, baseKeyOf(block.kind, r.record), block.occurrences[i]),
  );
}

/** A block's records as stored records, in its order. */
export function recordsOfBlock(block: BlockRow): StoredRecord[] {
  const records = derivableOfBlock(block);
  const ids = idsOfBlock(block, records);
  return records.map((r, i) => ({ id: ids[i]!, ...r }));
}
