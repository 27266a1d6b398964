/**
 * Delimiter detection (docs/input-rules.md B7–B9). PapaParse's own guess needs an average field count > 1.99 over
 * ten rows and falls back to `,` on small `;`/TAB files (docs/decisions/0002-own-delimiter-and-encoding-detection.md), so we decide:
 * the candidate whose field count is most consistent over the first non-blank records wins.
 */

/** Candidate delimiters in preference order for ties. */
export const DELIMITER_CANDIDATES = [',', '\t', ';', '|'] as const;
export type Delimiter = (typeof DELIMITER_CANDIDATES)[number];

export type DelimiterResult =
  | { readonly kind: 'found'; readonly delimiter: Delimiter }
  /** Only the full-width comma `，` separates fields (docs/input-rules.md B8): the file must be re-saved. */
  | { readonly kind: 'fullwidth_comma' }
  /** No candidate splits any record: a one-column file (or not a table at all). */
  | { readonly kind: 'none' };

/**
 * Splits the start of `text` into up to `maxRecords` non-blank logical records, honouring double
 * quotes (a quoted newline does not end a record). Expects `\n` line ends.
 */
function sampleRecords(text: string, maxRecords: number): string[] {
  const out: string[] = [];
  let inQuotes = false;
  let start = 0;
  for (let i = 0; i <= text.length && out.length < maxRecords; i++) {
    const ch = i < text.length ? text[i] : '\n';
    if (ch === '"') inQuotes = !inQuotes;
    else if (ch === '\n' && !inQuotes) {
      const rec = text.slice(start, i);
      if (rec.trim() !== '') out.push(rec);
      start = i + 1;
    }
  }
  return out;
}

/** Counts `delimiter` outside double quotes in one record. */
function countOutsideQuotes(record: string, delimiter: string): number {
  let n = 0;
  let inQuotes = false;
  for (const ch of record) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && ch === delimiter) n++;
  }
  return n;
}

/**
 * Picks the delimiter among `,` TAB `;` `|`: for each, the most common field count above 1 over
 * the first 50 non-blank records, scored by how many records have exactly that count (title rows
 * with no delimiter do not spoil it). Ties go to the earlier candidate. When no candidate splits
 * any record but the full-width `，` does in at least two records, returns `fullwidth_comma`.
 * Empty text → `none`. Expects `\n` line ends.
 */
export function detectDelimiter(text: string, sampleSize = 50): DelimiterResult {
  const records = sampleRecords(text, sampleSize);
  let best: { delimiter: Delimiter; score: number } | null = null;
  for (const delimiter of DELIMITER_CANDIDATES) {
    const freq = new Map<number, number>();
    for (const rec of records) {
      const fields = countOutsideQuotes(rec, delimiter) + 1;
      if (fields > 1) freq.set(fields, (freq.get(fields) ?? 0) + 1);
    }
    let score = 0;
    for (const n of freq.values()) score = Math.max(score, n);
    if (score > 0 && (best === null || score > best.score)) best = { delimiter, score };
  }
  if (best) return { kind: 'found', delimiter: best.delimiter };
  const fullwidth = records.filter((r) => r.includes('，')).length;
  return fullwidth >= 2 ? { kind: 'fullwidth_comma' } : { kind: 'none' };
}
