/**
 * A small, strict scanner for the SpreadsheetML parts of an .xlsx (workbook, relationships, shared
 * strings, styles, worksheets). Pure string code, so the same reader runs in the ingest worker (no
 * DOMParser there), the CLI and tests. It is not a general XML parser: it refuses a DOCTYPE (no
 * entity expansion, no external entities), decodes only the five predefined entities and numeric
 * character references, and drops namespace prefixes (`x:c` → `c`, `r:id` → `id`) because writers
 * differ in the prefixes they use. See docs/decisions/0003-xlsx-libraries.md.
 */

export interface XmlHandlers {
  readonly open?: (name: string, attrs: ReadonlyMap<string, string>, selfClosing: boolean) => void;
  readonly close?: (name: string) => void;
  readonly text?: (text: string) => void;
}

/** Thrown (and caught by the workbook reader) for XML the scanner will not read. */
export class XlsxXmlError extends Error {}

const localName = (qname: string): string => {
  const i = qname.indexOf(':');
  return i < 0 ? qname : qname.slice(i + 1);
};

const ENTITIES: ReadonlyMap<string, string> = new Map([
  ['lt', '<'],
  ['gt', '>'],
  ['amp', '&'],
  ['quot', '"'],
  ['apos', "'"],
]);

/** Decodes the predefined entities and `&#…;` references; an unknown entity is kept as written. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES.get(body) ?? whole;
  });
}

/** Excel escapes some characters in strings as `_xHHHH_` (`_x000D_` is a CR, `_x005F_` an underscore). */
export const unescapeXlsxText = (s: string): string =>
  s.includes('_x')
    ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : s;

const ATTR_RE = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function parseAttrs(src: string): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const m of src.matchAll(ATTR_RE)) {
    const name = m[1] ?? '';
    if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
    attrs.set(localName(name), decodeEntities(m[2] ?? m[3] ?? ''));
  }
  return attrs;
}

/** Index of the `>` closing the tag that starts before `from`, skipping quoted attribute values; -1 when none. */
function tagEnd(xml: string, from: number): number {
  let quote = '';
  for (let j = from; j < xml.length; j++) {
    const ch = xml[j];
    if (quote !== '') {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '>') return j;
  }
  return -1;
}

/** Scans `xml`, calling the handlers in document order. Throws {@link XlsxXmlError} on a DOCTYPE or an unclosed tag. */
export function scanXml(xml: string, h: XmlHandlers): void {
  let i = 0;
  const n = xml.length;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      if (h.text) h.text(decodeEntities(xml.slice(i)));
      return;
    }
    if (lt > i && h.text) h.text(decodeEntities(xml.slice(i, lt)));
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      if (end < 0) throw new XlsxXmlError('unclosed comment');
      i = end + 3;
    } else if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9);
      if (end < 0) throw new XlsxXmlError('unclosed CDATA');
      if (h.text) h.text(xml.slice(lt + 9, end));
      i = end + 3;
    } else if (xml.startsWith('<!', lt)) {
      throw new XlsxXmlError('DOCTYPE is not allowed');
    } else if (xml.startsWith('<?', lt)) {
      const end = xml.indexOf('?>', lt + 2);
      if (end < 0) throw new XlsxXmlError('unclosed processing instruction');
      i = end + 2;
    } else {
      const gt = tagEnd(xml, lt + 1);
      if (gt < 0) throw new XlsxXmlError('unclosed tag');
      const body = xml.slice(lt + 1, gt);
      if (body.startsWith('/')) {
        h.close?.(localName(body.slice(1).trim()));
      } else {
        const selfClosing = body.endsWith('/');
        const inner = selfClosing ? body.slice(0, -1) : body;
        const sp = inner.search(/\s/);
        const name = localName(sp < 0 ? inner : inner.slice(0, sp));
        h.open?.(name, sp < 0 ? new Map() : parseAttrs(inner.slice(sp)), selfClosing);
        if (selfClosing) h.close?.(name);
      }
      i = gt + 1;
    }
  }
}
