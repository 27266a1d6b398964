import { describe, expect, it } from 'vitest';
import { maxOf, minOf, pushAll } from './arrays';

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

  it('pushAll appends 300k items in order', () => {
    const out = [1];
    expect(pushAll(out, big)).toBe(out);
    expect(out).toHaveLength(300_001);
    expect(out[1]).toBe(big[0]);
    expect(out[300_000]).toBe(big[299_999]);
  });
});
