/**
 * Reads a Word 97–2003 (.doc) report into a ReportDocument with our own reader of the binary format
 * ([MS-DOC]): ./compound-file.ts opens the Compound File; we read the FIB, the piece table (CLX) for
 * the main-document text (UTF-16 and compressed cp1252 pieces), the paragraph properties (PAPX FKPs)
 * for Word list numbering, alignment and table rows, and the list tables (PlfLst/PlfLfo) to restore
 * the labels. Headers, footers, notes, comments and text boxes live after the main text and are
 * counted, not read. Why not word-extractor or cfb: docs/decisions/0006-report-readers.md. Pure TS,
 * no Node built-ins.
 */
import { readCompoundFile } from './compound-file';
import type { ReportBlock, ReportDocument } from './report-document';
import { rejectReport, type ReportReadResult } from './report-read-result';
import { nfcToFormat } from './number-format';
import { ListCounter, type ListDefinition, type ListLevel } from './word-numbering';

const CP1252_HIGH =
  '\u20ac\ufffd\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\ufffd\u017d\ufffd' +
  '\ufffd\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\ufffd\u017e\u0178';
const cp1252 = (b: number): string =>
  b >= 0x80 && b < 0xa0 ? (CP1252_HIGH[b - 0x80] ?? '\ufffd') : String.fromCharCode(b);

class Reader {
  constructor(readonly bytes: Uint8Array) {}
  u8 = (o: number): number => this.bytes[o] ?? 0;
  u16 = (o: number): number => this.u8(o) | (this.u8(o + 1) << 8);
  i16 = (o: number): number => (this.u16(o) << 16) >> 16;
  u32 = (o: number): number => (this.u16(o) + this.u16(o + 2) * 0x10000) >>> 0;
  i32 = (o: number): number => this.u32(o) | 0;
  has = (o: number, n: number): boolean => o >= 0 && o + n <= this.bytes.length;
}

class DocError extends Error {}
const need = (cond: boolean, reason: string): void => {
  if (!cond) throw new DocError(reason);
};


interface Piece {
  readonly cpStart: number;
  readonly cpEnd: number;
  readonly fc: number;
  readonly compressed: boolean;
}

/** Paragraph properties this reader uses. */
interface Para {
  ilfo: number;
  ilvl: number;
  jc: number | undefined;
  inTable: boolean;
  ttp: boolean;
  istd: number;
}

/** Operand size of a sprm ([MS-DOC] 2.2.5.1: spra bits), `at` pointing at the operand. */
function sprmOperandSize(r: Reader, sprm: number, at: number): number {
  switch (sprm >> 13) {
    case 0:
    case 1:
      return 1;
    case 2:
    case 4:
    case 5:
      return 2;
    case 3:
      return 4;
    case 7:
      return 3;
    default:
      // Variable: sprmTDefTable / sprmTDefTable10 give a 2-byte length; sprmPChgTabs may say 255.
      if (sprm === 0xd608 || sprm === 0xd606) return r.u16(at) + 1;
      return r.u8(at) + 1;
  }
}

/** Applies the sprms of a grpprl to `p`. */
function applyGrpprl(r: Reader, from: number, to: number, p: Para): void {
  let i = from;
  while (i + 2 <= to) {
    const sprm = r.u16(i);
    const at = i + 2;
    const size = sprmOperandSize(r, sprm, at);
    switch (sprm) {
      case 0x260a:
        p.ilvl = r.u8(at);
        break;
      case 0x460b:
        p.ilfo = r.i16(at);
        break;
      case 0x2403:
      case 0x2461:
        p.jc = r.u8(at);
        break;
      case 0x2416:
        p.inTable = r.u8(at) !== 0;
        break;
      case 0x2417:
        p.ttp = r.u8(at) !== 0;
        break;
      case 0x6649:
        p.inTable = r.i32(at) > 0;
        break;
      case 0x244c:
        p.ttp = r.u8(at) !== 0 || p.ttp;
        break;
      default:
        break;
    }
    i = at + size;
  }
}

/** The FIB fields this reader uses. */
interface Fib {
  readonly encrypted: boolean;
  readonly whichTable: '0Table' | '1Table';
  readonly ccpText: number;
  readonly ccpFtn: number;
  readonly ccpHdd: number;
  readonly ccpAtn: number;
  readonly ccpEdn: number;
  readonly ccpTxbx: number;
  fcLcb(index: number): { fc: number; lcb: number };
}

const FC_STSHF = 1;
const FC_PLCF_BTE_PAPX = 13;
const FC_CLX = 33;
const FC_PLF_LST = 73;
const FC_PLF_LFO = 74;

function readFib(w: Reader): Fib {
  need(w.has(0, 154) && w.u16(0) === 0xa5ec, 'no Word file information block');
  const flags = w.u16(0x0a);
  const cslw = w.u16(62);
  const lw = 64;
  const afterLw = lw + cslw * 4;
  const cbRgFcLcb = w.u16(afterLw);
  const fcBase = afterLw + 2;
  return {
    encrypted: (flags & 0x0100) !== 0,
    whichTable: (flags & 0x0200) !== 0 ? '1Table' : '0Table',
    ccpText: w.i32(lw + 12),
    ccpFtn: w.i32(lw + 16),
    ccpHdd: w.i32(lw + 20),
    ccpAtn: w.i32(lw + 28),
    ccpEdn: w.i32(lw + 32),
    ccpTxbx: w.i32(lw + 36),
    fcLcb: (index) =>
      index < cbRgFcLcb ? { fc: w.u32(fcBase + index * 8), lcb: w.u32(fcBase + index * 8 + 4) } : { fc: 0, lcb: 0 },
  };
}

function readPieces(t: Reader, fib: Fib): Piece[] {
  const { fc, lcb } = fib.fcLcb(FC_CLX);
  need(lcb > 0 && t.has(fc, lcb), 'no piece table');
  let i = fc;
  const end = fc + lcb;
  while (i < end && t.u8(i) === 0x01) i += 3 + t.i16(i + 1); // Prc: grpprl of piece properties
  need(t.u8(i) === 0x02, 'bad piece table');
  const size = t.u32(i + 1);
  const plc = i + 5;
  need(t.has(plc, size), 'piece table past the end');
  const n = (size - 4) / 12;
  need(Number.isInteger(n) && n > 0, 'bad piece count');
  const pieces: Piece[] = [];
  for (let k = 0; k < n; k++) {
    const raw = t.u32(plc + (n + 1) * 4 + k * 8 + 2);
    const compressed = (raw & 0x40000000) !== 0;
    const fcv = raw & 0x3fffffff;
    pieces.push({
      cpStart: t.u32(plc + k * 4),
      cpEnd: t.u32(plc + (k + 1) * 4),
      fc: compressed ? fcv / 2 : fcv,
      compressed,
    });
  }
  return pieces;
}

/** Characters of CPs [0, ccp) with, for each, its byte offset in the WordDocument stream. */
function readText(w: Reader, pieces: Piece[], ccp: number): { chars: string[]; fcs: number[] } {
  const chars: string[] = [];
  const fcs: number[] = [];
  for (const p of pieces) {
    for (let cp = p.cpStart; cp < p.cpEnd && cp < ccp; cp++) {
      const off = p.fc + (cp - p.cpStart) * (p.compressed ? 1 : 2);
      need(w.has(off, p.compressed ? 1 : 2), 'text past the end of the stream');
      chars[cp] = p.compressed ? cp1252(w.u8(off)) : String.fromCharCode(w.u16(off));
      fcs[cp] = off;
    }
  }
  for (let cp = 0; cp < ccp; cp++) if (chars[cp] === undefined) chars[cp] = '';
  return { chars, fcs };
}

/** Paragraph-property runs from the PAPX FKPs: [fcStart, fcEnd) → properties. */
function readPapx(w: Reader, t: Reader, fib: Fib): { start: number; end: number; para: Para }[] {
  const { fc, lcb } = fib.fcLcb(FC_PLCF_BTE_PAPX);
  if (lcb === 0 || !t.has(fc, lcb)) return [];
  const n = (lcb - 4) / 8;
  const runs: { start: number; end: number; para: Para }[] = [];
  for (let k = 0; k < n; k++) {
    const pn = t.u32(fc + (n + 1) * 4 + k * 4) & 0x3fffff;
    const page = pn * 512;
    if (!w.has(page, 512)) continue;
    const crun = w.u8(page + 511);
    for (let j = 0; j < crun; j++) {
      const para: Para = { ilfo: 0, ilvl: 0, jc: undefined, inTable: false, ttp: false, istd: 0 };
      const bOffset = w.u8(page + (crun + 1) * 4 + j * 13) * 2;
      if (bOffset !== 0) {
        const at = page + bOffset;
        let cb = w.u8(at);
        let start = at + 1;
        let len: number;
        if (cb === 0) {
          cb = w.u8(at + 1);
          start = at + 2;
          len = cb * 2;
        } else len = cb * 2 - 1;
        para.istd = w.u16(start);
        applyGrpprl(w, start + 2, Math.min(start + len, page + 511), para);
      }
      runs.push({ start: w.u32(page + j * 4), end: w.u32(page + (j + 1) * 4), para });
    }
  }
  return runs;
}

/** Lists (PlfLst) by lsid and list instances (PlfLfo, 1-based ilfo) with their start overrides. */
function readLists(t: Reader, fib: Fib): Map<number, ListDefinition> {
  const lists = new Map<number, ListDefinition>();
  const lst = fib.fcLcb(FC_PLF_LST);
  const lfo = fib.fcLcb(FC_PLF_LFO);
  if (lst.lcb === 0 || lfo.lcb === 0 || !t.has(lst.fc, lst.lcb) || !t.has(lfo.fc, lfo.lcb)) return lists;
  const byLsid = new Map<number, (ListLevel | undefined)[]>();
  const cLst = t.i16(lst.fc);
  let at = lst.fc + 2 + cLst * 28;
  const readLvl = (): ListLevel => {
    const start = t.i32(at);
    const nfc = t.u8(at + 4);
    const flags = t.u8(at + 5);
    const cbChpx = t.u8(at + 24);
    const cbPapx = t.u8(at + 25);
    const restartLim = t.u8(at + 26);
    at += 28 + cbPapx + cbChpx;
    const cch = t.u16(at);
    let text = '';
    for (let k = 0; k < cch; k++) {
      const c = t.u16(at + 2 + k * 2);
      text += c < 9 ? `%${c + 1}` : String.fromCharCode(c);
    }
    at += 2 + cch * 2;
    return {
      start,
      format: nfcToFormat(nfc),
      text,
      ...((flags & 0x08) !== 0 ? { restartAfter: restartLim } : {}),
      ...((flags & 0x04) !== 0 ? { legal: true } : {}),
    };
  };
  for (let k = 0; k < cLst; k++) {
    const base = lst.fc + 2 + k * 28;
    const lsid = t.i32(base);
    const simple = (t.u8(base + 26) & 0x01) !== 0;
    const levels: ListLevel[] = [];
    for (let l = 0; l < (simple ? 1 : 9); l++) {
      need(t.has(at, 30), 'list table past the end');
      levels.push(readLvl());
    }
    byLsid.set(lsid, levels);
  }
  const lfoMac = t.i32(lfo.fc);
  const lfos: { lsid: number; clfolvl: number }[] = [];
  for (let k = 0; k < lfoMac; k++) {
    const base = lfo.fc + 4 + k * 16;
    lfos.push({ lsid: t.i32(base), clfolvl: t.u8(base + 12) });
  }
  at = lfo.fc + 4 + lfoMac * 16;
  lfos.forEach((l, k) => {
    const levels = [...(byLsid.get(l.lsid) ?? [])];
    const startOverrides = new Map<number, number>();
    at += 4; // cp
    for (let j = 0; j < l.clfolvl; j++) {
      const iStartAt = t.i32(at);
      const flags = t.u32(at + 4);
      at += 8;
      const ilvl = flags & 0x0f;
      if ((flags & 0x20) !== 0) levels[ilvl] = readLvl();
      if ((flags & 0x10) !== 0) startOverrides.set(ilvl, iStartAt);
    }
    if (levels.length > 0) lists.set(k + 1, { abstractId: String(l.lsid), levels, startOverrides });
  });
  return lists;
}

/** Style names by istd (STSH), to tell title and heading paragraphs. */
function readStyleNames(t: Reader, fib: Fib): Map<number, string> {
  const names = new Map<number, string>();
  const { fc, lcb } = fib.fcLcb(FC_STSHF);
  if (lcb === 0 || !t.has(fc, lcb)) return names;
  const cbStshi = t.u16(fc);
  const cstd = t.u16(fc + 2);
  const cbSTDBaseInFile = t.u16(fc + 4);
  let at = fc + 2 + cbStshi;
  for (let istd = 0; istd < cstd && at < fc + lcb; istd++) {
    const cbStd = t.u16(at);
    if (cbStd > 0) {
      const nameAt = at + 2 + cbSTDBaseInFile;
      const cch = t.u16(nameAt);
      let name = '';
      for (let k = 0; k < cch && nameAt + 2 + k * 2 < at + 2 + cbStd; k++) name += String.fromCharCode(t.u16(nameAt + 2 + k * 2));
      names.set(istd, name.toLowerCase());
    }
    at += 2 + cbStd;
  }
  return names;
}

/**
 * Visible text of a paragraph's characters: field codes dropped (\x13 code \x14 result \x15 keeps
 * the result), special characters (pictures, note and comment marks) dropped, a line break (\x0b) and
 * tabs kept as whitespace, a non-breaking hyphen as '-'.
 */
function visibleText(chars: readonly string[]): string {
  let out = '';
  const fields: boolean[] = []; // per open field: true while in its code part
  for (const ch of chars) {
    const c = ch.charCodeAt(0);
    if (c === 0x13) {
      fields.push(true);
      continue;
    }
    if (c === 0x14) {
      if (fields.length > 0) fields[fields.length - 1] = false;
      continue;
    }
    if (c === 0x15) {
      fields.pop();
      continue;
    }
    if (fields.some((inCode) => inCode)) continue;
    if (c === 0x0b) out += '\n';
    else if (c === 0x09) out += '\t';
    else if (c === 0x1e) out += '-';
    else if (c === 0xa0) out += ' ';
    else if (c < 0x20 || c === 0x1f) continue;
    else out += ch;
  }
  return out;
}

const trimText = (s: string): string => s.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');

/**
 * Reads .doc bytes (a Compound File). Encrypted documents, files without a WordDocument stream and
 * damaged structures are rejections; never throws.
 */
export function readDoc(bytes: Uint8Array): ReportReadResult {
  const container = readCompoundFile(bytes);
  if (!container.ok) return rejectReport('ingest.report_corrupt_doc', { reason: container.error });
  const stream = (name: string): Uint8Array | null => container.value.get(name) ?? null;
  if (stream('EncryptionInfo') !== null || stream('EncryptedPackage') !== null) return rejectReport('ingest.report_encrypted');
  const wordBytes = stream('WordDocument');
  if (wordBytes === null) return rejectReport('ingest.report_other_cfb');
  try {
    const w = new Reader(wordBytes);
    const fib = readFib(w);
    if (fib.encrypted) return rejectReport('ingest.report_encrypted');
    const tableBytes = stream(fib.whichTable);
    need(tableBytes !== null, `no ${fib.whichTable} stream`);
    const t = new Reader(tableBytes ?? new Uint8Array(0));
    const pieces = readPieces(t, fib);
    need(fib.ccpText >= 0, 'bad text length');
    const { chars, fcs } = readText(w, pieces, fib.ccpText);
    const papx = readPapx(w, t, fib);
    const lists = readLists(t, fib);
    const styles = readStyleNames(t, fib);
    const paraAt = (fc: number | undefined): Para | undefined =>
      fc === undefined ? undefined : papx.find((r) => fc >= r.start && fc < r.end)?.para;
    const counter = new ListCounter();
    const blocks: ReportBlock[] = [];
    let line = 0;
    let start = 0;
    let row: string[] = [];
    let rows: string[][] = [];
    let tableLine = 0;
    const flushTable = (): void => {
      if (rows.length > 0 && rows.some((r) => r.some((c) => c !== ''))) {
        blocks.push({ kind: 'table', text: rows.map((r) => r.join('\t')).join('\n'), rows, line: tableLine });
      }
      rows = [];
    };
    for (let cp = 0; cp < chars.length; cp++) {
      const ch = chars[cp];
      if (ch !== '\r' && ch !== '\x07' && ch !== '\x0c') continue;
      const para = paraAt(fcs[cp]) ?? { ilfo: 0, ilvl: 0, jc: undefined, inTable: false, ttp: false, istd: 0 };
      const raw = chars.slice(start, cp);
      start = cp + 1;
      const list = para.ilfo > 0 ? lists.get(para.ilfo) : undefined;
      const label = list ? counter.next(String(para.ilfo), list, para.ilvl) : '';
      const text = trimText(visibleText(raw));
      if (ch === '\x07' || para.inTable) {
        if (rows.length === 0 && row.length === 0) tableLine = ++line;
        // The row-end mark: sprmPFTtp says so; LibreOffice's .doc export gives it no properties
        // at all, so a cell mark outside a table paragraph is a row end too.
        if (para.ttp || (ch === '\x07' && !para.inTable)) {
          rows.push(row);
          row = [];
        } else if (ch === '\x07') row.push((label + text).replace(/\s+/g, ' ').trim());
        // A paragraph inside a cell before its end mark: joined into the cell.
        else if (text !== '') row.push((label + text).replace(/\s+/g, ' '));
        continue;
      }
      flushTable();
      line++;
      if (text === '') continue;
      const style = styles.get(para.istd) ?? '';
      const hint: ReportBlock['hint'] =
        style === 'title' || style === '标题'
          ? 'title'
          : /^(heading|标题)\s*\d$/.test(style)
            ? 'heading'
            : para.jc === 1
              ? 'center'
              : para.jc === 2
                ? 'right'
                : undefined;
      blocks.push({
        kind: 'paragraph',
        text: label + text,
        ...(label !== '' ? { label } : {}),
        line,
        ...(hint ? { hint } : {}),
      });
    }
    flushTable();
    const skipped = [
      { what: 'header-footer-text', count: fib.ccpHdd > 0 ? 1 : 0 },
      { what: 'footnote', count: fib.ccpFtn > 0 ? 1 : 0 },
      { what: 'comment', count: fib.ccpAtn > 0 ? 1 : 0 },
      { what: 'endnote', count: fib.ccpEdn > 0 ? 1 : 0 },
      { what: 'text-box', count: fib.ccpTxbx > 0 ? 1 : 0 },
    ].filter((s) => s.count > 0);
    const doc: ReportDocument = { format: 'doc', blocks, skipped };
    return { ok: true, value: doc };
  } catch (e) {
    if (e instanceof DocError) return rejectReport('ingest.report_corrupt_doc', { reason: e.message });
    return rejectReport('ingest.report_corrupt_doc', { reason: e instanceof Error ? e.message : String(e) });
  }
}
