/**
 * Text helpers for problem statements: normalisation for similarity, a stable hash and
 * character n-gram similarity. Pure; no Date, no randomness.
 */

// Punctuation, symbols and whitespace carry no meaning for "same wording" checks; a clerk who
// swaps `，` for `,` or adds a space has still copied the paragraph.
const STRIP_RE = /[\p{P}\p{S}\s]+/gu;

/**
 * Normalises a statement for similarity and hashing: NFKC (full-width → half-width), lower case,
 * punctuation/symbols/whitespace removed. Empty input gives ''.
 * @example normaliseStatementText('（一）企业 责任，不到位。') === '一企业责任不到位'
 */
export function normaliseStatementText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(STRIP_RE, '');
}

/**
 * FNV-1a 32-bit hash of a string as 8 lower-case hex digits. Stable across runs and platforms
 * (works on UTF-16 code units). Empty string hashes to '811c9dc5'.
 */
export function fnv1aHex(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * The set of character n-grams of a (normalised) string. A string shorter than n yields itself
 * as its only gram (so two identical one-character strings still compare equal); '' yields none.
 */
export function charNgrams(text: string, n: number): Set<string> {
  const chars = Array.from(text);
  const out = new Set<string>();
  if (chars.length === 0) return out;
  if (chars.length < n) {
    out.add(chars.join(''));
    return out;
  }
  for (let i = 0; i + n <= chars.length; i++) out.add(chars.slice(i, i + n).join(''));
  return out;
}

/** Jaccard index of two sets: |A∩B| / |A∪B|; 1 when both are empty (two blanks are the same). */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let inter = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const g of small) if (large.has(g)) inter++;
  return inter / (a.size + b.size - inter);
}

/**
 * Similarity of two normalised statements: Jaccard over character bigrams, in [0, 1].
 * Bigrams suit Chinese, where most words are two characters. Two empty strings give 1.
 */
export function textSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  return jaccard(charNgrams(a, 2), charNgrams(b, 2));
}
