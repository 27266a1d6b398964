/**
 * A small GB18030 encoder for test fixtures, built by decoding every two-byte sequence with the
 * platform's decoder (so it cannot disagree with what the browser decodes). Covers all CJK and
 * full-width characters a township report uses; throws on anything it cannot encode.
 */
let table: Map<string, readonly [number, number]> | null = null;

function buildTable(): Map<string, readonly [number, number]> {
  const map = new Map<string, readonly [number, number]>();
  const decoder = new TextDecoder('gb18030');
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== '\uFFFD' && !map.has(ch)) map.set(ch, [lead, trail]);
    }
  }
  return map;
}

/** Encodes text as GB18030 (ASCII + two-byte range). */
export function encodeGb18030(text: string): Buffer {
  table ??= buildTable();
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) {
      out.push(code);
      continue;
    }
    const bytes = table.get(ch);
    if (!bytes) throw new Error(`cannot encode ${JSON.stringify(ch)} as two-byte GB18030`);
    out.push(...bytes);
  }
  return Buffer.from(out);
}
