import { describe, expect, it } from 'vitest';
import { concatAll, maxOf, minOf, pushAll } from './arrays';

describe('array helpers for data-sized arrays', () => {
  // 300k elements: a spread of this many arguments overflows the call stack in V8.
  const big = Array.from({ length: 300_000 }, (_, i) => (i * 7919) % 100_003);

  it('maxOf/minOf handle 300k values, empty input and NaN', () => {
    expect(maxOf(big)).toBe(100_002);
    expect(minOf(big)).toBe(0);
    expect(maxOf([], 0)).toBe(0);
    expect(minOf([], 5)).toBe(5);
    expect(maxOf([3, NaN, 4], 0)).toBe(4);
    expect(maxOf([-2, -1])).toBe(-1);
  });

  it('concatAll joins many lists in order, more lists than one concat call takes, and none', () => {
    const lists = Array.from({ length: 10_000 }, (_, i) => [i * 2, i * 2 + 1]);
    const joined = concatAll(lists);
    expect(joined).toHaveLength(20_000);
    expect(joined.every((v, i) => v === i)).toBe(true);
    // Nested arrays stay items (concat spreads only the lists themselves).
    expect(concatAll([[[1], [2]], [], [[3]]])).toEqual([[1], [2], [3]]);
    expect(concatAll([])).toEqual([]);
    const one = [1, 2, 3];
    expect(concatAll([one])).toEqual(one);
    expect(concatAll([one])).not.toBe(one);
  });

  it('pushAll appends 300k items in order', () => {
    const out = [1];
    expect(pushAll(out, big)).toBe(out);
    expect(out).toHaveLength(300_001);
    expect(out[1]).toBe(big[0]);
    expect(out[300_000]).toBe(big[299_999]);
  });
});
