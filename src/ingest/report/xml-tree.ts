/** A light element tree over the events of ../xml-scan.ts, for the Word readers' small walks. */
import type { Result } from '../../domain/result';
import { err, ok } from '../../domain/result';
import { scanXml, type XmlError } from '../xml-scan';

export interface XNode {
  readonly name: string;
  readonly local: string;
  readonly attrs: ReadonlyMap<string, string>;
  readonly children: (XNode | string)[];
}

export function parseXmlTree(xml: string): Result<XNode, XmlError> {
  const scanned = scanXml(xml);
  if (!scanned.ok) return scanned;
  const root: XNode = { name: '#root', local: '#root', attrs: new Map(), children: [] };
  const stack: XNode[] = [root];
  for (const e of scanned.value) {
    const top = stack[stack.length - 1] ?? root;
    if (e.type === 'text') top.children.push(e.text);
    else if (e.type === 'start') {
      const node: XNode = { name: e.name, local: e.local, attrs: e.attrs, children: [] };
      top.children.push(node);
      stack.push(node);
    } else stack.pop();
  }
  const first = root.children.find((c): c is XNode => typeof c !== 'string');
  return first ? ok(first) : err({ reason: 'no root element', offset: 0 });
}

export const elements = (node: XNode): XNode[] => node.children.filter((c): c is XNode => typeof c !== 'string');

export const child = (node: XNode, local: string): XNode | undefined =>
  elements(node).find((c) => c.local === local);

/** Every descendant element with this local name, in document order. */
export function descendants(node: XNode, local: string, out: XNode[] = []): XNode[] {
  for (const c of elements(node)) {
    if (c.local === local) out.push(c);
    descendants(c, local, out);
  }
  return out;
}

/** w:val (any prefix) of the child element `local`, if present. */
export function childVal(node: XNode | undefined, local: string): string | undefined {
  const c = node ? child(node, local) : undefined;
  if (!c) return undefined;
  for (const [k, v] of c.attrs) if (k === 'val' || k.endsWith(':val')) return v;
  return undefined;
}

export function attrLocal(node: XNode, local: string): string | undefined {
  for (const [k, v] of node.attrs) if (k === local || k.endsWith(`:${local}`)) return v;
  return undefined;
}
