/**
 * A small seeded pseudo-random generator (mulberry32) and the distributions the sample generator
 * needs. Deterministic by construction: the same seed gives the same sequence on every platform,
 * because it uses only 32-bit integer maths and Math.imul (never Math.random).
 */

/** A seeded random source with the distributions used to fake township reports. */
export interface Rng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [lo, hi], both inclusive; returns lo when hi < lo. */
  int(lo: number, hi: number): number;
  /** Uniform float in [lo, hi). */
  uniform(lo: number, hi: number): number;
  /** True with probability p (p ≤ 0 never, p ≥ 1 always). */
  chance(p: number): boolean;
  /** One element of a non-empty array; throws on an empty array (a programmer error). */
  pick<T>(items: readonly T[]): T;
  /** Standard normal variate (Box–Muller). */
  normal(): number;
  /** Poisson count with the given mean; 0 for mean ≤ 0; normal approximation above 30. */
  poisson(mean: number): number;
  /** Gamma variate (Marsaglia–Tsang) with shape k > 0 and scale θ; 0 for non-positive input. */
  gamma(shape: number, scale: number): number;
  /**
   * Negative-binomial count as a gamma–Poisson mixture with the given mean and dispersion r
   * (smaller r = more zeros and a longer tail). 0 for mean ≤ 0.
   */
  negBinomial(mean: number, dispersion: number): number;
  /** Binomial count of n trials with probability p (n is small here, so trials are summed). */
  binomial(n: number, p: number): number;
  /** Log-normal variate whose logarithm has mean mu and standard deviation sigma. */
  logNormal(mu: number, sigma: number): number;
  /** A new array with the items in random order (Fisher–Yates); the input is not changed. */
  shuffle<T>(items: readonly T[]): T[];
}

/** The mulberry32 step function: a uniform float in [0, 1) per call, seeded by a 32-bit integer. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Derives an independent 32-bit seed for a named sub-stream (FNV-1a over the label, mixed with the
 * seed), so that changing how one part of the data is drawn does not shift every other part.
 * @example deriveSeed(20240601, 'ledger')
 */
export function deriveSeed(seed: number, label: string): number {
  let h = 0x811c9dc5 ^ (seed >>> 0);
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Creates a seeded {@link Rng}; equal seeds give equal sequences. */
export function createRng(seed: number): Rng {
  const next = mulberry32(seed);
  const rng: Rng = {
    next,
    int: (lo, hi) => (hi < lo ? lo : lo + Math.floor(next() * (hi - lo + 1))),
    uniform: (lo, hi) => lo + next() * (hi - lo),
    chance: (p) => next() < p,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new Error('pick() from an empty list');
      return items[Math.floor(next() * items.length)] as T;
    },
    normal() {
      // 1 - next() is in (0, 1], so the logarithm is finite.
      const u = 1 - next();
      const v = next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    poisson(mean) {
      if (!(mean > 0)) return 0;
      if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * rng.normal()));
      // Knuth: multiply uniforms until the product falls below e^-mean.
      const limit = Math.exp(-mean);
      let k = 0;
      let p = next();
      while (p > limit) {
        k++;
        p *= next();
      }
      return k;
    },
    gamma(shape, scale) {
      if (!(shape > 0) || !(scale > 0)) return 0;
      if (shape < 1) {
        // Boost: Gamma(k) = Gamma(k + 1) · U^(1/k).
        const u = 1 - next();
        return rng.gamma(shape + 1, scale) * Math.pow(u, 1 / shape);
      }
      const d = shape - 1 / 3;
      const c = 1 / Math.sqrt(9 * d);
      for (;;) {
        let x: number;
        let v: number;
        do {
          x = rng.normal();
          v = 1 + c * x;
        } while (v <= 0);
        v = v * v * v;
        const u = 1 - next();
        if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v * scale;
      }
    },
    negBinomial(mean, dispersion) {
      if (!(mean > 0)) return 0;
      return rng.poisson(rng.gamma(dispersion, mean / dispersion));
    },
    binomial(n, p) {
      let k = 0;
      for (let i = 0; i < n; i++) if (next() < p) k++;
      return k;
    },
    logNormal: (mu, sigma) => Math.exp(mu + sigma * rng.normal()),
    shuffle<T>(items: readonly T[]): T[] {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        const tmp = out[i] as T;
        out[i] = out[j] as T;
        out[j] = tmp;
      }
      return out;
    },
  };
  return rng;
}
