import { describe, expect, it } from 'vitest';
import { createRng, deriveSeed, mulberry32 } from './prng';

describe('mulberry32 / createRng', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const xs = Array.from({ length: 20 }, () => a());
    expect(Array.from({ length: 20 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 20 }, () => c())).not.toEqual(xs);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });

  it('derives different sub-stream seeds per label', () => {
    expect(deriveSeed(1, 'numbers:小召乡')).not.toBe(deriveSeed(1, 'text:小召乡'));
    expect(deriveSeed(1, 'a')).toBe(deriveSeed(1, 'a'));
    expect(deriveSeed(1, 'a')).not.toBe(deriveSeed(2, 'a'));
  });

  it.each([
    [0, 0],
    [1, 6],
    [-3, 3],
  ])('int(%i, %i) stays within bounds and hits both ends', (lo, hi) => {
    const rng = createRng(7);
    const seen = new Set<number>();
    for (let i = 0; i < 500; i++) {
      const x = rng.int(lo, hi);
      expect(Number.isInteger(x) && x >= lo && x <= hi).toBe(true);
      seen.add(x);
    }
    expect(seen.has(lo) && seen.has(hi)).toBe(true);
  });

  it.each([0.5, 2, 8, 45])('poisson(%f) has roughly the requested mean', (mean) => {
    const rng = createRng(11);
    let sum = 0;
    const n = 4000;
    for (let i = 0; i < n; i++) sum += rng.poisson(mean);
    expect(sum / n).toBeGreaterThan(mean * 0.9);
    expect(sum / n).toBeLessThan(mean * 1.1 + 0.05);
  });

  it('negBinomial has the requested mean, more zeros than a Poisson, and never negative values', () => {
    const rng = createRng(5);
    const n = 4000;
    const xs = Array.from({ length: n }, () => rng.negBinomial(5, 0.8));
    const mean = xs.reduce((s, x) => s + x, 0) / n;
    expect(mean).toBeGreaterThan(4.3);
    expect(mean).toBeLessThan(5.7);
    const zeros = xs.filter((x) => x === 0).length / n;
    expect(zeros).toBeGreaterThan(0.15); // Poisson(5) would give 0.7 %
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
  });

  it('returns 0 for non-positive means and refuses to pick from an empty list', () => {
    const rng = createRng(1);
    expect(rng.poisson(0)).toBe(0);
    expect(rng.negBinomial(-1, 1)).toBe(0);
    expect(rng.gamma(0, 1)).toBe(0);
    expect(() => rng.pick([])).toThrow();
  });

  it('shuffle keeps the same elements and leaves the input alone', () => {
    const rng = createRng(3);
    const input = [1, 2, 3, 4, 5, 6, 7, 8];
    const out = rng.shuffle(input);
    expect(input).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect([...out].sort((a, b) => a - b)).toEqual(input);
  });
});
