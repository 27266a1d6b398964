/**
 * Serialises an SVG virtual-node tree (the shape zrender's SVG painter builds) to a well-formed XML
 * document. zrender's own `renderToSVGString` writes attribute values unescaped — the export font
 * stack's `"Microsoft YaHei"` inside `style="font-family:…"` ends the attribute early — and walks
 * attributes with `for…in`, so anything on `Object.prototype` became an attribute
 * (`prev="[object Object]"`). Word, WPS and `<img>` refuse such a file. Pure: no DOM.
 */

/** The node shape of zrender's SVG painter (`renderToVNode`). */
export interface SvgVNode {
  readonly tag: string;
  readonly attrs?: Readonly<Record<string, unknown>> | null;
  readonly children?: readonly SvgVNode[] | null;
  readonly text?: string | null;
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="no"?>';

// Characters XML 1.0 forbids even as references (C0 controls but tab/LF/CR, U+FFFE/U+FFFF) and
// unpaired surrogates: data can carry them (a pasted control character in a township name).
const XML_INVALID =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Text safe inside an XML attribute value (double-quoted) or element content. */
export function escapeXml(text: string): string {
  return text.replace(XML_INVALID, '').replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

// An XML name (ASCII subset: what SVG uses); anything else is not written as an attribute.
const ATTR_NAME = /^[A-Za-z_][A-Za-z0-9_.:-]*$/;

function attributes(attrs: SvgVNode['attrs']): string {
  if (!attrs) return '';
  let out = '';
  // Own keys only: an inherited property is never an attribute.
  for (const key of Object.keys(attrs)) {
    const value = attrs[key];
    if (value === false || value === null || value === undefined || !ATTR_NAME.test(key)) continue;
    if (value === true) {
      out += ` ${key}="${escapeXml(key)}"`; // XML has no bare boolean attributes
      continue;
    }
    if (typeof value !== 'string' && typeof value !== 'number') continue; // objects are not attribute values
    if (typeof value === 'number' && !Number.isFinite(value)) continue;
    out += ` ${key}="${escapeXml(String(value))}"`;
  }
  return out;
}

/** The CSS of a `<style>` node without zrender's CDATA wrapper (it is escaped like any text). */
const styleText = (text: string): string => text.replace(/^\s*<!\[CDATA\[/, '').replace(/\]\]>\s*$/, '');

function node(n: SvgVNode, out: string[]): void {
  out.push(`<${n.tag}${attributes(n.attrs)}`);
  const text = n.text ?? '';
  const children = n.children ?? [];
  if (!text && children.length === 0) {
    out.push('/>');
    return;
  }
  out.push('>');
  if (text) out.push(escapeXml(n.tag === 'style' ? styleText(text) : text));
  for (const c of children) {
    out.push('\n');
    node(c, out);
  }
  if (children.length) out.push('\n');
  out.push(`</${n.tag}>`);
}

/** The whole document: XML declaration, then the tree. */
export function svgVNodeToXml(root: SvgVNode): string {
  const out: string[] = [XML_DECLARATION, '\n'];
  node(root, out);
  out.push('\n');
  return out.join('');
}
