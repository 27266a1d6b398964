/**
 * Reads a Word 2007+ (.docx, also WPS) report into a ReportDocument: the main document part's
 * paragraphs and tables in order, Word automatic numbering restored as the label a reader sees
 * (numbering.xml), text boxes read, tracked insertions kept and deletions dropped, and headers,
 * footers, page numbers, comments and notes left out but counted (docs/decisions/0006-report-readers.md).
 * Pure TS over fflate and the strict scanner in ../xml-scan.ts: no DOM, no Node built-ins.
 */
import { pushAll } from '../../domain/arrays';
import { unzipSync } from 'fflate';
import type { ReportBlock, ReportDocument } from './report-document';
import {
  DEFAULT_REPORT_LIMITS,
  rejectReport,
  type ReportReadLimits,
  type ReportReadResult,
} from './report-read-result';
import { ListCounter, type ListDefinition, type ListLevel } from './word-numbering';
import { attrLocal, child, childVal, descendants, elements, parseXmlTree, type XNode } from './xml-tree';

type Hint = ReportBlock['hint'];

/** Names of the entries of a zip (no inflating), or null when it is not a readable zip. */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  const names: string[] = [];
  try {
    unzipSync(bytes, {
      filter: (f) => {
        names.push(f.name);
        return false;
      },
    });
  } catch {
    return null;
  }
  return names;
}

/** Inflates the named parts that exist; null on a corrupt archive; 'too-big' past the part limit. */
function inflateParts(
  bytes: Uint8Array,
  wanted: (name: string) => boolean,
  maxPart: number,
): Map<string, Uint8Array> | null | 'too-big' {
  let tooBig = false;
  try {
    const files = unzipSync(bytes, {
      filter: (f) => {
        if (!wanted(f.name)) return false;
        if (f.originalSize > maxPart) {
          tooBig = true;
          return false;
        }
        return true;
      },
    });
    if (tooBig) return 'too-big';
    return new Map(Object.entries(files));
  } catch {
    return null;
  }
}

const decodeXml = (data: Uint8Array): string => {
  if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le').decode(data);
  if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder('utf-16be').decode(data);
  return new TextDecoder('utf-8').decode(data);
};

interface StyleInfo {
  readonly name: string;
  readonly basedOn?: string;
  readonly numId?: string;
  readonly ilvl?: number;
  readonly jc?: string;
  readonly outline: boolean;
}

function readStyles(root: XNode | undefined): Map<string, StyleInfo> {
  const styles = new Map<string, StyleInfo>();
  if (!root) return styles;
  for (const s of descendants(root, 'style')) {
    if (attrLocal(s, 'type') !== 'paragraph') continue;
    const id = attrLocal(s, 'styleId');
    if (id === undefined) continue;
    const pPr = child(s, 'pPr');
    const numPr = pPr ? child(pPr, 'numPr') : undefined;
    const ilvl = childVal(numPr, 'ilvl');
    styles.set(id, {
      name: (childVal(s, 'name') ?? id).toLowerCase(),
      basedOn: childVal(s, 'basedOn'),
      numId: childVal(numPr, 'numId'),
      ilvl: ilvl === undefined ? undefined : Number(ilvl),
      jc: childVal(pPr, 'jc'),
      outline: childVal(pPr, 'outlineLvl') !== undefined,
    });
  }
  return styles;
}

/** The style and the ones it is based on, nearest first (cycles cut). */
function styleChain(styles: Map<string, StyleInfo>, id: string | undefined): StyleInfo[] {
  const chain: StyleInfo[] = [];
  const seen = new Set<string>();
  let cur = id;
  while (cur !== undefined && !seen.has(cur)) {
    seen.add(cur);
    const s = styles.get(cur);
    if (!s) break;
    chain.push(s);
    cur = s.basedOn;
  }
  return chain;
}

const num = (v: string | undefined): number | undefined => {
  if (v === undefined) return undefined;
  const n = Number(v);
  return Number.isInteger(n) ? n : undefined;
};

/** numId → list definition (abstract levels + startOverride), from numbering.xml. */
function readNumbering(root: XNode | undefined): Map<string, ListDefinition> {
  const lists = new Map<string, ListDefinition>();
  if (!root) return lists;
  const abstracts = new Map<string, (ListLevel | undefined)[]>();
  for (const a of elements(root).filter((e) => e.local === 'abstractNum')) {
    const id = attrLocal(a, 'abstractNumId');
    if (id === undefined) continue;
    const levels: (ListLevel | undefined)[] = [];
    for (const l of elements(a).filter((e) => e.local === 'lvl')) {
      const ilvl = num(attrLocal(l, 'ilvl'));
      if (ilvl === undefined || ilvl < 0 || ilvl > 8) continue;
      levels[ilvl] = readLevel(l);
    }
    abstracts.set(id, levels);
  }
  for (const n of elements(root).filter((e) => e.local === 'num')) {
    const numId = attrLocal(n, 'numId');
    const abstractId = childVal(n, 'abstractNumId');
    if (numId === undefined || abstractId === undefined) continue;
    const base = abstracts.get(abstractId);
    if (!base) continue;
    const levels = [...base];
    const startOverrides = new Map<number, number>();
    for (const o of elements(n).filter((e) => e.local === 'lvlOverride')) {
      const ilvl = num(attrLocal(o, 'ilvl'));
      if (ilvl === undefined) continue;
      const start = num(childVal(o, 'startOverride'));
      if (start !== undefined) startOverrides.set(ilvl, start);
      const lvl = child(o, 'lvl');
      if (lvl) levels[ilvl] = readLevel(lvl);
    }
    lists.set(numId, { abstractId, levels, startOverrides });
  }
  return lists;
}

function readLevel(l: XNode): ListLevel {
  const restart = num(childVal(l, 'lvlRestart'));
  const isLgl = child(l, 'isLgl');
  return {
    start: num(childVal(l, 'start')) ?? 0,
    format: childVal(l, 'numFmt') ?? 'decimal',
    text: childVal(l, 'lvlText') ?? '',
    ...(restart !== undefined ? { restartAfter: restart } : {}),
    ...(isLgl && attrLocal(isLgl, 'val') !== '0' && attrLocal(isLgl, 'val') !== 'false'
      ? { legal: true }
      : {}),
  };
}

interface Ctx {
  readonly styles: Map<string, StyleInfo>;
  readonly lists: Map<string, ListDefinition>;
  readonly counter: ListCounter;
  deleted: number;
  /** Text-box paragraphs met inside the paragraph being read, emitted after it. */
  boxes: ReportBlock[];
}

/** Text of a paragraph's runs (and nested inline containers); text boxes go to ctx.boxes. */
function runText(node: XNode, ctx: Ctx, line: number, field: { inInstr: boolean }): string {
  let out = '';
  for (const c of node.children) {
    if (typeof c === 'string') continue;
    switch (c.local) {
      case 't':
        if (!field.inInstr) out += c.children.filter((x): x is string => typeof x === 'string').join('');
        break;
      case 'tab':
      case 'ptab':
        out += '\t';
        break;
      case 'br':
      case 'cr':
        out += '\n';
        break;
      case 'noBreakHyphen':
        out += '-';
        break;
      case 'fldChar': {
        const t = attrLocal(c, 'fldCharType');
        if (t === 'begin') field.inInstr = true;
        else if (t === 'separate' || t === 'end') field.inInstr = false;
        break;
      }
      case 'del':
      case 'moveFrom':
        ctx.deleted++;
        break;
      case 'pPr':
      case 'rPr':
      case 'delText':
      case 'instrText':
      case 'Fallback':
        break;
      case 'txbxContent':
        for (const p of elements(c)) readBlock(p, ctx, line, ctx.boxes);
        break;
      default:
        // r, ins, moveTo, hyperlink, smartTag, fldSimple, sdt, sdtContent, customXml, drawing, pict,
        // AlternateContent/Choice, anchor, graphic… : read what they contain.
        out += runText(c, ctx, line, field);
    }
  }
  return out;
}

const trimText = (s: string): string => s.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');

function readParagraph(p: XNode, ctx: Ctx, line: number, out: ReportBlock[]): void {
  const pPr = child(p, 'pPr');
  const chain = styleChain(ctx.styles, childVal(pPr, 'pStyle'));
  const numPr = pPr ? child(pPr, 'numPr') : undefined;
  let numId = childVal(numPr, 'numId');
  let ilvl = num(childVal(numPr, 'ilvl'));
  if (numId === undefined) {
    const styled = chain.find((s) => s.numId !== undefined);
    numId = styled?.numId;
    ilvl ??= chain.find((s) => s.ilvl !== undefined)?.ilvl;
  }
  const outerBoxes = ctx.boxes;
  ctx.boxes = [];
  const text = trimText(runText(p, ctx, line, { inInstr: false }));
  const boxes = ctx.boxes;
  ctx.boxes = outerBoxes;
  const list = numId !== undefined && numId !== '0' ? ctx.lists.get(numId) : undefined;
  const label = list && numId !== undefined ? ctx.counter.next(numId, list, ilvl ?? 0) : '';
  if (text !== '') {
    const hint = paragraphHint(chain, childVal(pPr, 'jc'));
    out.push({
      kind: 'paragraph',
      text: label + text,
      ...(label !== '' ? { label } : {}),
      line,
      ...(hint ? { hint } : {}),
    });
  }
  pushAll(out, boxes);
}

function paragraphHint(chain: StyleInfo[], jc: string | undefined): Hint {
  if (chain.some((s) => s.name === 'title' || s.name === '标题')) return 'title';
  if (chain.some((s) => /^(heading|标题)\s*\d$/.test(s.name) || s.outline)) return 'heading';
  const align = jc ?? chain.find((s) => s.jc !== undefined)?.jc;
  if (align === 'center') return 'center';
  if (align === 'right' || align === 'end') return 'right';
  return undefined;
}

function readTable(tbl: XNode, ctx: Ctx, line: number, out: ReportBlock[]): void {
  const rows: string[][] = [];
  for (const tr of descendantsOutsideTables(tbl, 'tr')) {
    const cells: string[] = [];
    for (const tc of descendantsOutsideTables(tr, 'tc')) {
      const vMerge = child(child(tc, 'tcPr') ?? tc, 'vMerge');
      const cont = vMerge !== undefined && (attrLocal(vMerge, 'val') ?? 'continue') === 'continue';
      const inner: ReportBlock[] = [];
      for (const e of elements(tc)) readBlock(e, ctx, line, inner);
      // A cell shows its paragraphs on separate lines; the table text keeps \t and \n for its grid.
      const text = inner
        .map((b) => b.text.replace(/\s+/g, ' '))
        .join(' ')
        .trim();
      cells.push(cont ? '' : text);
    }
    rows.push(cells);
  }
  if (rows.some((r) => r.some((c) => c !== ''))) {
    out.push({ kind: 'table', text: rows.map((r) => r.join('\t')).join('\n'), rows, line });
  }
}

/** Descendants named `local` that belong to this table level (not to a table nested in a cell). */
function descendantsOutsideTables(node: XNode, local: string, out: XNode[] = []): XNode[] {
  for (const c of elements(node)) {
    if (c.local === local) out.push(c);
    else if (c.local !== 'tbl') descendantsOutsideTables(c, local, out);
  }
  return out;
}

function readBlock(e: XNode, ctx: Ctx, line: number, out: ReportBlock[]): void {
  if (e.local === 'p') readParagraph(e, ctx, line, out);
  else if (e.local === 'tbl') readTable(e, ctx, line, out);
  else if (
    e.local === 'sdt' ||
    e.local === 'sdtContent' ||
    e.local === 'customXml' ||
    e.local === 'ins' ||
    e.local === 'moveTo'
  )
    for (const c of elements(e)) readBlock(c, ctx, line, out);
  else if (e.local === 'del' || e.local === 'moveFrom') ctx.deleted++;
}

/** Top-level blocks of the body, flattening content controls, so each gets its own line number. */
function bodyBlocks(body: XNode, out: XNode[] = []): XNode[] {
  for (const e of elements(body)) {
    if (e.local === 'p' || e.local === 'tbl') out.push(e);
    else if (e.local === 'sdt' || e.local === 'sdtContent' || e.local === 'customXml') bodyBlocks(e, out);
  }
  return out;
}

const textOf = (n: XNode): string =>
  descendants(n, 't')
    .map((t) => t.children.filter((x): x is string => typeof x === 'string').join(''))
    .join('')
    .trim();

const isPageField = (instr: string): boolean => /^\s*(PAGE|NUMPAGES|SECTIONPAGES)\b/i.test(instr);

/** Counts page-number fields (simple and complex) in a header/footer part. */
function pageFields(root: XNode): number {
  const simple = descendants(root, 'fldSimple').filter((f) =>
    isPageField(attrLocal(f, 'instr') ?? ''),
  ).length;
  const complex = descendants(root, 'instrText').filter((t) =>
    isPageField(t.children.filter((x): x is string => typeof x === 'string').join('')),
  ).length;
  return simple + complex;
}

/** The main document part's path, from the package relationships (WPS and Word both use word/document.xml). */
function mainPartName(parts: Map<string, Uint8Array>): string {
  const rels = parts.get('_rels/.rels');
  if (rels) {
    const tree = parseXmlTree(decodeXml(rels));
    if (tree.ok) {
      const main = descendants(tree.value, 'Relationship').find((r) =>
        (attrLocal(r, 'Type') ?? '').endsWith('/officeDocument'),
      );
      const target = main ? attrLocal(main, 'Target') : undefined;
      if (target) return target.replace(/^\//, '');
    }
  }
  return 'word/document.xml';
}

/**
 * Reads .docx bytes. A corrupt archive, a package without a main document part or malformed XML is
 * a rejection; a docx with no text is read as a document without blocks (the extractor decides).
 */
export function readDocx(
  bytes: Uint8Array,
  limits: ReportReadLimits = DEFAULT_REPORT_LIMITS,
): ReportReadResult {
  const parts = inflateParts(
    bytes,
    (n) =>
      n === '_rels/.rels' ||
      (/^[^/]+\/[^/]+\.xml$/.test(n) && !n.startsWith('customXml/') && !n.startsWith('docProps/')),
    limits.maxPartBytes,
  );
  if (parts === null) return rejectReport('ingest.report_corrupt_zip');
  if (parts === 'too-big') return rejectReport('ingest.report_part_too_large', { max: limits.maxPartBytes });
  const mainName = mainPartName(parts);
  const main = parts.get(mainName);
  if (!main) return rejectReport('ingest.report_not_docx');
  const tree = parseXmlTree(decodeXml(main));
  if (!tree.ok) return rejectReport('ingest.report_bad_xml', { part: mainName, reason: tree.error.reason });
  const dir = mainName.includes('/') ? mainName.slice(0, mainName.lastIndexOf('/') + 1) : '';
  const part = (n: string): XNode | undefined => {
    const data = parts.get(dir + n);
    if (!data) return undefined;
    const t = parseXmlTree(decodeXml(data));
    return t.ok ? t.value : undefined;
  };
  const ctx: Ctx = {
    styles: readStyles(part('styles.xml')),
    lists: readNumbering(part('numbering.xml')),
    counter: new ListCounter(),
    deleted: 0,
    boxes: [],
  };
  const body = descendants(tree.value, 'body')[0];
  const blocks: ReportBlock[] = [];
  if (body) bodyBlocks(body).forEach((e, i) => readBlock(e, ctx, i + 1, blocks));

  let headers = 0;
  let footers = 0;
  let pageNumbers = 0;
  for (const name of parts.keys()) {
    const m = name.slice(dir.length).match(/^(header|footer)\d*\.xml$/);
    if (!name.startsWith(dir) || !m) continue;
    const root = part(name.slice(dir.length));
    if (!root) continue;
    const pages = pageFields(root);
    pageNumbers += pages;
    if (textOf(root) === '' && pages === 0) continue;
    if (m[1] === 'header') headers++;
    else footers++;
  }
  const notes = (n: string, item: string): number => {
    const root = part(n);
    if (!root) return 0;
    return descendants(root, item).filter((e) => {
      const type = attrLocal(e, 'type');
      return type === undefined || type === 'normal';
    }).length;
  };
  const skipped = [
    { what: 'header', count: headers },
    { what: 'footer', count: footers },
    { what: 'page-number', count: pageNumbers },
    { what: 'comment', count: notes('comments.xml', 'comment') },
    { what: 'footnote', count: notes('footnotes.xml', 'footnote') },
    { what: 'endnote', count: notes('endnotes.xml', 'endnote') },
    { what: 'deleted-revision', count: ctx.deleted },
  ].filter((s) => s.count > 0);
  const doc: ReportDocument = { format: 'docx', blocks, skipped };
  return { ok: true, value: doc };
}
