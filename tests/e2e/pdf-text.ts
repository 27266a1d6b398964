/**
 * A tiny text extractor for the PDFs Chromium prints (enough to check what a bulletin says, not a
 * general PDF parser): inflates FlateDecode streams with node:zlib, reads each font's ToUnicode
 * CMap, and decodes the `Tj`/`TJ` strings of every page's content stream in order.
 */
import { inflateSync } from 'node:zlib';

interface PdfObject {
  readonly dict: string;
  readonly stream: Buffer | null;
}

function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const out = new Map<number, PdfObject>();
  const re = /(\d+) 0 obj\s*([\s\S]*?)endobj/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const body = m[2] ?? '';
    const at = body.indexOf('stream');
    if (at < 0) {
      out.set(Number(m[1]), { dict: body, stream: null });
      continue;
    }
    const dict = body.slice(0, at);
    let start = at + 'stream'.length;
    if (body[start] === '\r') start++;
    if (body[start] === '\n') start++;
    const end = body.lastIndexOf('endstream');
    let raw = Buffer.from(body.slice(start, end), 'latin1');
    if (/\/FlateDecode/.test(dict)) {
      try {
        raw = inflateSync(raw);
      } catch {
        // A stream we cannot inflate (an image with another filter) holds no text we need.
      }
    }
    out.set(Number(m[1]), { dict, stream: raw });
  }
  return out;
}

/** Code (hex, as in the content stream) → text, from a ToUnicode CMap. */
function readCMap(cmap: string): Map<string, string> {
  const map = new Map<string, string>();
  const utf16 = (hex: string) => {
    const units: number[] = [];
    for (let i = 0; i + 4 <= hex.length; i += 4) units.push(parseInt(hex.slice(i, i + 4), 16));
    return String.fromCharCode(...units);
  };
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const m of (block[1] ?? '').matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g))
      map.set(m[1]!.toUpperCase(), utf16(m[2]!));
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of (block[1] ?? '').matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      const width = m[1]!.length;
      const lo = parseInt(m[1]!, 16);
      const hi = parseInt(m[2]!, 16);
      const dst = parseInt(m[3]!, 16);
      for (let c = lo; c <= hi && c - lo < 65536; c++)
        map.set(c.toString(16).toUpperCase().padStart(width, '0'), String.fromCharCode(dst + c - lo));
    }
  }
  return map;
}

function decode(hex: string, cmap: Map<string, string> | undefined): string {
  if (!cmap) return '';
  const width = cmap.keys().next().value?.length ?? 2;
  let s = '';
  const h = hex.toUpperCase();
  for (let i = 0; i + width <= h.length; i += width) s += cmap.get(h.slice(i, i + width)) ?? '';
  return s;
}

/** The text of each page, in page order, NFKC-normalised; glyphs without a Unicode mapping are dropped. */
export function pdfPageTexts(pdf: Buffer): string[] {
  const objects = readObjects(pdf);
  const cmaps = new Map<number, Map<string, string>>();
  for (const [n, o] of objects) {
    const ref = /\/ToUnicode (\d+) 0 R/.exec(o.dict);
    const stream = ref ? objects.get(Number(ref[1]))?.stream : null;
    if (/\/Type\s*\/Font\b/.test(o.dict) && stream) cmaps.set(n, readCMap(stream.toString('latin1')));
  }
  const pagesRoot = [...objects.values()].find(
    (o) => /\/Type\s*\/Pages\b/.test(o.dict) && /\/Kids/.test(o.dict),
  );
  const kids = [
    ...(/\/Kids\s*\[([^\]]*)\]/.exec(pagesRoot?.dict ?? '')?.[1] ?? '').matchAll(/(\d+) 0 R/g),
  ].map((m) => Number(m[1]));
  return kids.map((pageNo) => {
    const page = objects.get(pageNo)?.dict ?? '';
    const fonts = new Map<string, number>();
    const fontDict = /\/Font\s*<<([^>]*)>>/.exec(page)?.[1] ?? '';
    for (const m of fontDict.matchAll(/\/([A-Za-z0-9]+) (\d+) 0 R/g)) fonts.set(m[1]!, Number(m[2]));
    const contents = /\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/.exec(page)?.[1] ?? '';
    let text = '';
    for (const ref of contents.matchAll(/(\d+) 0 R/g)) {
      const ops = objects.get(Number(ref[1]))?.stream?.toString('latin1') ?? '';
      let font: Map<string, string> | undefined;
      const re = /\/([A-Za-z0-9]+)\s+[-\d.]+\s+Tf|<([0-9A-Fa-f]*)>\s*Tj|\[([^\]]*)\]\s*TJ/g;
      for (let m = re.exec(ops); m; m = re.exec(ops)) {
        if (m[1] !== undefined) font = cmaps.get(fonts.get(m[1]) ?? -1);
        else if (m[2] !== undefined) text += decode(m[2], font);
        else for (const part of (m[3] ?? '').matchAll(/<([0-9A-Fa-f]*)>/g)) text += decode(part[1]!, font);
      }
    }
    // Chromium's CJK fonts map some glyphs to Kangxi radicals (⽉ U+2F49 for 月): NFKC folds them.
    return text.normalize('NFKC');
  });
}

/** Number of pages (leaf `/Type /Page` objects). */
export const pdfPageCount = (pdf: Buffer): number =>
  (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
