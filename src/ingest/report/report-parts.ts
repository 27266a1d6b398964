/**
 * The parts of a monthly report around its body: title, period line, addressee, signature, date,
 * contact line, document number; and the body's sections (work done, 存在的问题, 下步工作). Pure.
 */
import { isIsoDate, makePeriod } from '../../domain/month';
import { SMALL_SRC, YEAR_SRC, readSmall, readYear } from '../cells/date-parts';
import { foldWidth } from '../cells/text-numbers';
import type { ReportBlock } from './report-document';

export type SectionKind = 'preamble' | 'work' | 'problems' | 'next_steps' | 'closing';

/** A run of body blocks under one top-level heading. */
export interface ReportSection {
  readonly kind: SectionKind;
  /** The heading as written (with its label), or null for the preamble. */
  readonly heading: string | null;
  readonly line: number | null;
  readonly blocks: readonly ReportBlock[];
}

export interface ReportLayout {
  readonly title: ReportBlock | null;
  readonly periodLine: ReportBlock | null;
  readonly signature: readonly ReportBlock[];
  readonly date: ReportBlock | null;
  readonly sections: readonly ReportSection[];
}

/** Block text as a reader sees it: the numbering label (when not already typed) plus the text. */
export function blockText(b: ReportBlock): string {
  const t = b.text.trim();
  const label = b.label?.trim();
  if (label && !t.startsWith(label)) return `${label}${t}`;
  return t;
}

const compact = (s: string): string => foldWidth(s).replace(/\s+/gu, '');

const DATE_RE = new RegExp(`^${YEAR_SRC}年${SMALL_SRC}月${SMALL_SRC}[日号]$`, 'u');
const ISO_DATE_RE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/u;
const DOC_NUMBER_RE = /〔\d{4}〕|\[\d{4}\]|【\d{4}】/u;
const CONTACT_RE = /^[(（]?(?:联系人|联系电话|电话|报送人|填报人|审核人|签发人)/u;
const CLOSING_RE = /^(?:特此|专此)(?:报告|汇报|报送)|^以上报告|^妥否|^请审阅|^报告完毕/u;
const ADDRESSEE_RE = /(?:办公室|安委办|安委会|办)[:：]$/u;
const PERIOD_LINE_RE = /^[(（].*(?:\d{4}|[〇○零一二三四五六七八九]{4})年.*月.*[)）]$/u;

/** Reads a date written as a whole paragraph (2023年5月28日, 二〇二三年六月二十八日, 2023-05-28). */
export function readDateLine(text: string): string | null {
  const c = compact(text).replace(/^(?:日期|报送日期|时间)[:：]/u, '');
  let y: number | null = null;
  let m: number | null = null;
  let d: number | null = null;
  const cn = DATE_RE.exec(c);
  if (cn) {
    y = readYear(cn[1] ?? '');
    m = readSmall(cn[2] ?? '');
    d = readSmall(cn[3] ?? '');
  } else {
    const iso = ISO_DATE_RE.exec(c);
    if (!iso) return null;
    y = readYear(iso[1] ?? '');
    m = readSmall(iso[2] ?? '');
    d = readSmall(iso[3] ?? '');
  }
  if (y === null || m === null || d === null || y < 2000) return null;
  const date = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return isIsoDate(date) ? date : null;
}

/** A year and month found in text; `year` null when the text names the month only. */
export interface MonthMention {
  readonly year: number | null;
  readonly month: number;
}

const YEAR_MONTH_RE = new RegExp(`${YEAR_SRC}年${SMALL_SRC}月`, 'u');
const MONTH_ONLY_RE = new RegExp(`(?<![0-9年〇○零一二三四五六七八九十-])${SMALL_SRC}月(?:份)?`, 'u');

/** The first 2023年5月 (or, with `monthOnly`, 5月份) in `text`. */
export function findMonth(text: string, monthOnly: boolean): MonthMention | null {
  const c = compact(text);
  const ym = YEAR_MONTH_RE.exec(c);
  if (ym) {
    const y = readYear(ym[1] ?? '');
    const m = readSmall(ym[2] ?? '');
    if (y !== null && m !== null && m >= 1 && m <= 12 && y >= 2000) return { year: y, month: m };
  }
  if (!monthOnly) return null;
  const mo = MONTH_ONLY_RE.exec(c);
  if (mo) {
    const m = readSmall(mo[1] ?? '');
    if (m !== null && m >= 1 && m <= 12) return { year: null, month: m };
  }
  return null;
}

/** The month a body sentence reports on: 现将5月份工作情况汇报如下 / 5月份以来，… */
export function findBodyMonth(text: string): MonthMention | null {
  const c = compact(text);
  const report =
    /现将.{0,20}?((?:(?:\d{4}|[〇○零一二三四五六七八九]{4})年)?(?:\d{1,2}|[一二三四五六七八九十]{1,3})月)份?.{0,20}?(?:情况|工作)/u.exec(
      c,
    );
  if (report) return findMonth(report[1] ?? '', true);
  const lead =
    /^((?:(?:\d{4}|[〇○零一二三四五六七八九]{4})年)?(?:\d{1,2}|[一二三四五六七八九十]{1,3})月)(?:份)?(?:以来)?[,，]/u.exec(
      c,
    );
  if (lead) return findMonth(lead[1] ?? '', true);
  return null;
}

/** Completes a month-only mention with a year: the report date's year, one less for a December report signed in January. */
export function periodFrom(m: MonthMention, year: number | null, dateMonth: number | null): string | null {
  if (m.year !== null) return makePeriod(m.year, m.month);
  if (year === null) return null;
  const y = dateMonth !== null && m.month > dateMonth + 1 ? year - 1 : year;
  return makePeriod(y, m.month);
}

type HeadingKind = 'work' | 'problems' | 'next_steps';

const TOP_LABEL_RE = /^(?:[一二三四五六七八九十]{1,2}[、.．]|第[一二三四五六七八九十]部分)\s*/u;
const PROBLEMS_HEADING_RE =
  /存在(?:的)?(?:主要)?(?:问题|不足|困难|短板)|(?:问题|困难)(?:及|和|与)?(?:短板|不足|困难|问题)?$|不足之处|薄弱环节|^问题$/u;
const NEXT_HEADING_RE = /下(?:一)?步|下月|今后|工作(?:打算|计划|安排|思路|重点)$|^(?:工作)?打算$/u;

/** Classifies a heading (label already stripped); null when it is not a section heading. */
export function headingKind(text: string): HeadingKind {
  const t = compact(text).replace(/[:：]$/u, '');
  if (PROBLEMS_HEADING_RE.test(t)) return 'problems';
  if (NEXT_HEADING_RE.test(t)) return 'next_steps';
  return 'work';
}

/**
 * True for a top-level section heading: short, no sentence punctuation, and either labelled 一、/
 * 二、… (typed or Word numbering), or marked as a heading by the reader without a sub-level label,
 * or (plain text) an unlabelled line that names a section.
 */
function isTopHeading(b: ReportBlock): boolean {
  if (b.kind !== 'paragraph') return false;
  const full = blockText(b);
  const c = compact(full);
  const body = c.replace(TOP_LABEL_RE, '');
  if (body === '' || body.length > 24 || /[。；;，,]/u.test(body)) return false;
  const topLabel = TOP_LABEL_RE.test(c);
  const subLabel = /^[(（]?[0-9一二三四五六七八九十]{1,2}[)）.、．]/u.test(c) && !topLabel;
  if (subLabel) return false;
  if (topLabel) return true;
  const named =
    PROBLEMS_HEADING_RE.test(body) ||
    NEXT_HEADING_RE.test(body) ||
    /(?:主要工作|工作开展|开展情况|工作措施|基本情况|工作情况|工作开展情况)$/u.test(body);
  return named && (b.hint === 'heading' || body.length <= 14);
}

const isTitleLike = (c: string): boolean => /报告|月报|汇报|情况|报表/u.test(c) && !/[:：。]$/u.test(c);

/** Splits a report into its parts. Blocks are expected in document order. */
export function layoutReport(blocks: readonly ReportBlock[]): ReportLayout {
  const paras = blocks.filter((b) => b.kind === 'table' || compact(b.text) !== '');
  // Title: the reader's title hint, else the first paragraph that reads like a title.
  let titleIdx = paras.findIndex((b) => b.kind === 'paragraph' && b.hint === 'title');
  if (titleIdx < 0) {
    titleIdx = paras.findIndex(
      (b, i) =>
        i < 6 && b.kind === 'paragraph' && !DOC_NUMBER_RE.test(b.text) && isTitleLike(compact(b.text)),
    );
  }
  const title = titleIdx >= 0 ? (paras[titleIdx] ?? null) : null;
  let bodyStart = titleIdx + 1;
  let periodLine: ReportBlock | null = null;
  const next = paras[bodyStart];
  if (next && next.kind === 'paragraph' && PERIOD_LINE_RE.test(compact(next.text))) {
    periodLine = next;
    bodyStart++;
  }
  // Addressee: within the next few paragraphs.
  for (let i = bodyStart; i < Math.min(paras.length, bodyStart + 3); i++) {
    const b = paras[i];
    if (b && b.kind === 'paragraph' && ADDRESSEE_RE.test(compact(b.text)) && compact(b.text).length <= 30) {
      bodyStart = i + 1;
      break;
    }
  }
  // Tail: the date, the signature just above it; contact lines and closing sentences.
  let dateIdx = -1;
  for (let i = paras.length - 1; i >= bodyStart && i >= paras.length - 8; i--) {
    const b = paras[i];
    if (b && b.kind === 'paragraph' && readDateLine(b.text) !== null) {
      dateIdx = i;
      break;
    }
  }
  const signature: ReportBlock[] = [];
  let bodyEnd = dateIdx >= 0 ? dateIdx : paras.length;
  for (let i = bodyEnd - 1; i >= bodyStart && signature.length < 3; i--) {
    const b = paras[i];
    if (!b || b.kind !== 'paragraph') break;
    const c = compact(b.text);
    if (CONTACT_RE.test(c)) {
      bodyEnd = i;
      continue;
    }
    if (c.length > 40 || /[。；;！？]$/u.test(c) || CLOSING_RE.test(c)) break;
    if (!/(?:乡|镇|街道|办事处|政府|委员会|办公室|管委会)$/u.test(c)) break;
    signature.unshift(b);
    bodyEnd = i;
  }
  const body = paras.slice(Math.max(0, bodyStart), bodyEnd).filter((b) => {
    const c = compact(b.text);
    return b.kind === 'table' || !(CONTACT_RE.test(c) || (DOC_NUMBER_RE.test(c) && c.length <= 24));
  });
  const sections = sectionsOf(body);
  // A statistics table attached after the signature (附表) still belongs to the work done.
  const appendix = dateIdx >= 0 ? paras.slice(dateIdx + 1).filter((b) => b.kind === 'table') : [];
  if (appendix.length > 0)
    sections.push({ kind: 'work', heading: null, line: appendix[0]?.line ?? null, blocks: appendix });
  return { title, periodLine, signature, date: dateIdx >= 0 ? (paras[dateIdx] ?? null) : null, sections };
}

function sectionsOf(body: readonly ReportBlock[]): ReportSection[] {
  const out: ReportSection[] = [];
  let cur: { kind: SectionKind; heading: string | null; line: number | null; blocks: ReportBlock[] } = {
    kind: 'preamble',
    heading: null,
    line: null,
    blocks: [],
  };
  const push = () => {
    if (cur.heading !== null || cur.blocks.length > 0) out.push(cur);
  };
  for (const b of body) {
    if (isTopHeading(b)) {
      const text = blockText(b);
      const name = compact(text).replace(TOP_LABEL_RE, '');
      const kind = headingKind(name);
      // Short items labelled 一、二、 inside 存在的问题 are problems, not a new work section.
      const inList = cur.kind === 'problems' || cur.kind === 'next_steps';
      if (!inList || kind !== 'work' || /工作|情况|措施|成效|做法/u.test(name)) {
        push();
        cur = { kind, heading: text, line: b.line, blocks: [] };
        continue;
      }
    }
    if (b.kind === 'paragraph' && CLOSING_RE.test(compact(b.text))) {
      push();
      cur = { kind: 'closing', heading: null, line: b.line, blocks: [b] };
      continue;
    }
    cur.blocks.push(b);
  }
  push();
  return out;
}
