/**
 * A small, strict XML scanner for the parts of Office Open XML packages (docx, xlsx) the ingest
 * layer reads. It yields start/end/text events in document order; it does not build a tree, resolve
 * namespaces (element names keep their prefix, `localName` drops it) or read DTDs (a DOCTYPE is
 * refused: Office parts never have one, and refusing it rules out entity-expansion attacks). Plain TS
 * with no DOM, so it runs in the ingest worker and in the CLI alike (docs/architecture.md).
 */
import type { Result } from '../domain/result';
import { err, ok } from '../domain/result';

export type XmlEvent =
  | {
      readonly type: 'start';
      readonly name: string;
      readonly local: string;
      readonly attrs: ReadonlyMap<string, string>;
      readonly selfClosing: boolean;
    }
  | { readonly type: 'end'; readonly name: string; readonly local: string }
  | { readonly type: 'text'; readonly text: string };

/** Why a part is not well-formed XML, with the character offset where the scanner stopped. */
export interface XmlError {
  readonly reason: string;
  readonly offset: number;
}

/** The name without its namespace prefix: `w:p` → `p`. */
export const localName = (name: string): string => {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
};

const NAMED: ReadonlyMap<string, string> = new Map([
  ['lt', '<'],
  ['gt', '>'],
  ['amp', '&'],
  ['quot', '"'],
  ['apos', "'"],
]);

/** Decodes the five predefined entities and numeric character references; null on an unknown one. */
export function decodeXmlEntities(raw: string): string | null {
  if (!raw.includes('&')) return raw;
  let out = '';
  let i = 0;
  while (i < raw.length) {
    const amp = raw.indexOf('&', i);
    if (amp < 0) {
      out += raw.slice(i);
      break;
    }
    out += raw.slice(i, amp);
    const semi = raw.indexOf(';', amp);
    if (semi < 0) return null;
    const ref = raw.slice(amp + 1, semi);
    let ch: string | undefined;
    if (ref.startsWith('#x') || ref.startsWith('#X')) {
      const cp = /^[0-9a-fA-F]{1,6}$/.test(ref.slice(2)) ? parseInt(ref.slice(2), 16) : NaN;
      ch = Number.isFinite(cp) && cp <= 0x10ffff ? String.fromCodePoint(cp) : undefined;
    } else if (ref.startsWith('#')) {
      const cp = /^[0-9]{1,7}$/.test(ref.slice(1)) ? parseInt(ref.slice(1), 10) : NaN;
      ch = Number.isFinite(cp) && cp <= 0x10ffff ? String.fromCodePoint(cp) : undefined;
    } else {
      ch = NAMED.get(ref);
    }
    if (ch === undefined) return null;
    out += ch;
    i = semi + 1;
  }
  return out;
}

const NAME_RE = /^[A-Za-z_][\w.\-:]*$/;
const ATTR_RE = /([^\s=]+)\s*=\s*("([^"]*)"|'([^']*)')/y;

/**
 * Scans `xml` into events. Tags must nest (an end tag must close the open element of the same name),
 * attribute values must be quoted, entities must be known; comments, processing instructions and
 * the XML declaration are skipped; CDATA becomes text. An error value, never a throw.
 */
export function scanXml(xml: string): Result<XmlEvent[], XmlError> {
  const events: XmlEvent[] = [];
  const open: string[] = [];
  let i = 0;
  const fail = (reason: string, offset = i): Result<XmlEvent[], XmlError> => err({ reason, offset });
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    if (lt < 0 || lt > i) {
      const end = lt < 0 ? xml.length : lt;
      const raw = xml.slice(i, end);
      const text = decodeXmlEntities(raw);
      if (text === null) return fail('bad entity', i);
      if (open.length > 0) events.push({ type: 'text', text });
      else if (raw.trim() !== '') return fail('text outside the root element', i);
      i = end;
      continue;
    }
    if (xml.startsWith('<!--', i)) {
      const end = xml.indexOf('-->', i + 4);
      if (end < 0) return fail('unterminated comment');
      i = end + 3;
      continue;
    }
    if (xml.startsWith('<![CDATA[', i)) {
      const end = xml.indexOf(']]>', i + 9);
      if (end < 0) return fail('unterminated CDATA');
      events.push({ type: 'text', text: xml.slice(i + 9, end) });
      i = end + 3;
      continue;
    }
    if (xml.startsWith('<?', i)) {
      const end = xml.indexOf('?>', i + 2);
      if (end < 0) return fail('unterminated processing instruction');
      i = end + 2;
      continue;
    }
    if (xml.startsWith('<!', i)) return fail('DOCTYPE or declaration not allowed');
    const gt = findTagEnd(xml, i + 1);
    if (gt < 0) return fail('unterminated tag');
    if (xml[i + 1] === '/') {
      const name = xml.slice(i + 2, gt).trim();
      const top = open.pop();
      if (top !== name) return fail(`end tag </${name}> does not close <${top ?? ''}>`);
      events.push({ type: 'end', name, local: localName(name) });
      i = gt + 1;
      continue;
    }
    const selfClosing = xml[gt - 1] === '/';
    const body = xml.slice(i + 1, selfClosing ? gt - 1 : gt);
    const nameEnd = body.search(/\s|$/);
    const name = body.slice(0, nameEnd);
    if (!NAME_RE.test(name)) return fail(`bad element name "${name}"`);
    const attrs = new Map<string, string>();
    let j = nameEnd;
    for (;;) {
      while (j < body.length && /\s/.test(body[j] ?? '')) j++;
      if (j >= body.length) break;
      ATTR_RE.lastIndex = j;
      const m = ATTR_RE.exec(body);
      if (!m) return fail(`bad attribute in <${name}>`, i + 1 + j);
      const value = decodeXmlEntities(m[3] ?? m[4] ?? '');
      if (value === null) return fail('bad entity in attribute', i + 1 + j);
      attrs.set(m[1] ?? '', value);
      j = ATTR_RE.lastIndex;
    }
    if (open.length === 0 && events.length > 0) return fail('second root element');
    events.push({ type: 'start', name, local: localName(name), attrs, selfClosing });
    if (selfClosing) events.push({ type: 'end', name, local: localName(name) });
    else open.push(name);
    i = gt + 1;
  }
  if (open.length > 0) return fail(`unclosed <${open[open.length - 1] ?? ''}>`);
  if (events.length === 0) return fail('no root element', 0);
  return ok(events);
}

/** The `>` ending a tag that starts at `from`, skipping `>` inside quoted attribute values. */
function findTagEnd(xml: string, from: number): number {
  let quote: string | null = null;
  for (let k = from; k < xml.length; k++) {
    const c = xml[k];
    if (quote !== null) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return k;
    else if (c === '<') return -1;
  }
  return -1;
}
