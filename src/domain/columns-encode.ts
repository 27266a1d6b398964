/**
 * Encoding plain records into columns (columns.ts has the layout and the decoder).
 */
import type { CodeArray, Column, NumberArray } from './columns';

/**
 * `codes` in the narrowest unsigned array that holds `size` distinct codes, when none is absent
 * (-1); otherwise as they are (see CodeArray in columns.ts).
 */
export function narrowCodes(codes: Int32Array, size: number): CodeArray {
  if (size > 65_536) return codes;
  for (let i = 0; i < codes.length; i++) if (codes[i]! < 0) return codes;
  return size <= 256 ? Uint8Array.from(codes) : Uint16Array.from(codes);
}

/** Numbers as an Int32Array when each is an integer in its range and not -0, else Float64Array. */
function numberArray(values: readonly number[]): NumberArray {
  for (const v of values) if ((v | 0) !== v || Object.is(v, -0)) return Float64Array.from(values);
  return Int32Array.from(values);
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
export function encodeColumns(rows: readonly (Record<string, unknown> | undefined)[]): Column[] {
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
): Column {
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
  if (allNumbers && absent === 0) return { key, type: 'num', values: numberArray(values as number[]) };
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
    if (i === n && dict.length <= most)
      return { key, type: 'dict', dict, codes: absent === 0 ? narrowCodes(codes, dict.length) : codes };
  }
  return { key, type: 'any', present, values };
}
