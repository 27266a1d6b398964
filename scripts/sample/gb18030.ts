/**
 * A small GB18030 encoder for fixtures and benchmarks, built by decoding every two-byte sequence
 * with the platform's own `TextDecoder('gb18030')` and inverting the table. Covers ASCII and the
 * two-byte range (all of GBK: CJK, full-width punctuation); four-byte characters are not needed
 * for Chinese report text and are refused.
 */

let table: Map<number, number> | null = null;

function buildTable(): Map<number, number> {
  const decoder = new TextDecoder('gb18030', { fatal: false });
  const out = new Map<number, number>();
  const pair = new Uint8Array(2);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      pair[0] = lead;
      pair[1] = trail;
      const s = decoder.decode(pair);
      const cp = s.codePointAt(0);
      // Keep the first (canonical) sequence for a character; skip undecodable pairs.
      if (cp !== undefined && cp !== 0xfffd && s.length === 1 && !out.has(cp))
        out.set(cp, (lead << 8) | trail);
    }
  }
  return out;
}

/**
 * Encodes text as GB18030 bytes. ASCII passes through; other characters use the two-byte table.
 * Throws for a character outside it (a programmer error in a fixture, never user data).
 * @example decode('gb18030', encodeGb18030('小召乡')) === '小召乡'
 */
export function encodeGb18030(text: string): Uint8Array {
  table ??= buildTable();
  const out = new Uint8Array(text.length * 2);
  let n = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x80) {
      out[n++] = cp;
      continue;
    }
    const code = table.get(cp);
    if (code === undefined) throw new Error(`encodeGb18030: no two-byte code for U+${cp.toString(16)}`);
    out[n++] = code >> 8;
    out[n++] = code & 0xff;
  }
  return out.slice(0, n);
}
