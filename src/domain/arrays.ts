/**
 * Array helpers for data-sized arrays. Spreading an array into a call (`Math.max(...values)`,
 * `out.push(...rows)`) passes every element as a separate argument: past roughly 100k elements
 * the engine throws "Maximum call stack size exceeded" (2,000 townships × 120 months is 240k
 * values). The lint rule in eslint.config.js bans spread arguments in src/; use these instead.
 */

/** Appends every item to `target` (in place, in order) and returns `target`. */
export function pushAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const x of items) target.push(x);
  return target;
}

/** Lists per `concat` call in concatAll: far below the engine's limit on arguments. */
const CONCAT_LISTS = 4_096;

/**
 * The lists joined in order into one new array: `concat`, which sizes the result once (a million
 * records pushed one by one grew and copied the array a score of times), called on at most
 * CONCAT_LISTS lists at a time.
 */
export function concatAll<T>(lists: readonly (readonly T[])[]): T[] {
  const parts: T[][] = [];
  for (let i = 0; i < lists.length; i += CONCAT_LISTS)
    parts.push(Array.prototype.concat.apply([], lists.slice(i, i + CONCAT_LISTS) as T[][]) as T[]);
  return parts.length === 1 ? parts[0]! : (Array.prototype.concat.apply([], parts) as T[]);
}

/** The largest of `values` and `floor` (`floor` when there are none); NaN is skipped. */
export function maxOf(values: Iterable<number>, floor = -Infinity): number {
  let m = floor;
  for (const v of values) if (v > m) m = v;
  return m;
}

/** The smallest of `values` and `ceiling` (`ceiling` when there are none); NaN is skipped. */
export function minOf(values: Iterable<number>, ceiling = Infinity): number {
  let m = ceiling;
  for (const v of values) if (v < m) m = v;
  return m;
}
