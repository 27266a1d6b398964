/**
 * Integer-keyed index of the model's character n-grams (problem-model.ts), so scoring a statement
 * reads its n-grams straight from the normalised text instead of building a string per n-gram
 * and hashing it into a Map (README.md in this folder, "Speed").
 *
 * An n-gram of 1–3 UTF-16 units, none a surrogate, packs into two 32-bit integers: `hi` holds
 * the length and the first unit, `lo` the second and third (0 when absent; the length keeps
 * "a" and "a\0" apart). Longer n-grams and those with astral characters stay string-only: the
 * model scores such a text through the string path, which gives the same result.
 * Open addressing with linear probing; the table doubles before it is half full. Pure.
 */

/** Longest n-gram the index can hold. */
export const GRAM_INDEX_MAX_N = 3;

const SURROGATE_RE = /[\uD800-\uDFFF]/u;

/** True when every n-gram of `normalised` (up to GRAM_INDEX_MAX_N) can be looked up by key. */
export function indexableText(normalised: string): boolean {
  return !SURROGATE_RE.test(normalised);
}

/** `hi` of the n-gram of `n` units starting at `i`. */
export const gramHi = (text: string, i: number, n: number): number => (n << 16) | text.charCodeAt(i);

/** `lo` of the n-gram of `n` units starting at `i`. */
export const gramLo = (text: string, i: number, n: number): number =>
  n < 2 ? 0 : (text.charCodeAt(i + 1) << 16) | (n < 3 ? 0 : text.charCodeAt(i + 2));

/** True when a model token is an n-gram the index can hold (not a rule token, no surrogate). */
export function indexableToken(token: string, ruleTokenPrefix: string): boolean {
  return (
    token.length >= 1 &&
    token.length <= GRAM_INDEX_MAX_N &&
    !token.startsWith(ruleTokenPrefix) &&
    !SURROGATE_RE.test(token)
  );
}

const hash = (hi: number, lo: number): number => {
  let h = Math.imul(hi, 0x9e3779b1) ^ Math.imul(lo ^ (lo >>> 16), 0x85ebca77);
  h ^= h >>> 15;
  return Math.imul(h, 0x2c1b3c6d) ^ (h >>> 13);
};

/** Int32s per slot: hi, lo, row (-1 = empty), stamp. One slot is one 16-byte read. */
const SLOT = 4;

export class GramIndex {
  /** Interleaved slots, so a lookup and its "already counted" stamp share a cache line. */
  private slots: Int32Array;
  private mask: number;
  private count = 0;

  constructor(expected = 0) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.slots = GramIndex.emptySlots(capacity);
    this.mask = capacity - 1;
  }

  private static emptySlots(capacity: number): Int32Array {
    const slots = new Int32Array(capacity * SLOT);
    for (let i = 2; i < slots.length; i += SLOT) slots[i] = -1;
    return slots;
  }

  /** The row of an n-gram, or -1. */
  get(hi: number, lo: number): number {
    const slots = this.slots;
    for (let i = hash(hi, lo) & this.mask; ; i = (i + 1) & this.mask) {
      const at = i * SLOT;
      const r = slots[at + 2]!;
      if (r < 0 || (slots[at] === hi && slots[at + 1] === lo)) return r;
    }
  }

  /**
   * The row of an n-gram the first time it is visited with `stamp` (a per-statement counter,
   * never 0), else -1; also -1 for an unknown n-gram. Replaces a Set of seen tokens.
   */
  visit(hi: number, lo: number, stamp: number): number {
    const slots = this.slots;
    for (let i = hash(hi, lo) & this.mask; ; i = (i + 1) & this.mask) {
      const at = i * SLOT;
      const r = slots[at + 2]!;
      if (r < 0) return -1;
      if (slots[at] === hi && slots[at + 1] === lo) {
        if (slots[at + 3] === stamp) return -1;
        slots[at + 3] = stamp;
        return r;
      }
    }
  }

  /** Forgets every stamp (when the caller's counter wraps around). */
  clearStamps(): void {
    for (let i = 3; i < this.slots.length; i += SLOT) this.slots[i] = 0;
  }

  /** Adds (or re-points) an n-gram token (see indexableToken) to a row. */
  setToken(token: string, row: number): void {
    this.set(gramHi(token, 0, token.length), gramLo(token, 0, token.length), row);
  }

  private set(hi: number, lo: number, row: number): void {
    if ((this.count + 1) * 2 > this.slots.length / SLOT) this.resize((this.slots.length / SLOT) * 2);
    const slots = this.slots;
    for (let i = hash(hi, lo) & this.mask; ; i = (i + 1) & this.mask) {
      const at = i * SLOT;
      if (slots[at + 2]! < 0) {
        slots[at] = hi;
        slots[at + 1] = lo;
        slots[at + 2] = row;
        this.count++;
        return;
      }
      if (slots[at] === hi && slots[at + 1] === lo) {
        slots[at + 2] = row;
        return;
      }
    }
  }

  private resize(capacity: number): void {
    const old = this.slots;
    this.slots = GramIndex.emptySlots(capacity);
    this.mask = capacity - 1;
    this.count = 0;
    for (let at = 0; at < old.length; at += SLOT)
      if (old[at + 2]! >= 0) this.set(old[at]!, old[at + 1]!, old[at + 2]!);
  }
}
