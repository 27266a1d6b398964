/**
 * Report extractor: a township's monthly work-safety report (安全生产工作月报告), as a reader gives
 * it (`ReportDocument`), to the canonical township-month record with evidence for every value.
 * Pure: no I/O, no clock. Precision first (docs/architecture.md, "null means not reported"): a
 * number becomes a field value only when its phrase names the field; two different values for one
 * field give no value and a warning, never a guess. Every other number is kept as an "other fact".
 */
import { townshipMonthField } from '../../domain/fields';
import { periodMonth, periodYear } from '../../domain/month';
import { splitProblemsText } from '../../domain/problem-split';
import {
  MONEY_FIELDS,
  NUMERIC_FIELDS,
  type NumericField,
  type Township,
  type TownshipMonthRecord,
} from '../../domain/records';
import { foldWidth, scanTextQuantities, type TextQuantity } from '../cells/text-numbers';
import { makeIssue } from '../make-issue';
import { matchTownship } from '../township-match';
import type { IngestIssue } from '../types';
import {
  COUNT_RULES,
  MONTH_MARKER,
  type CountRule,
  NOT_A_VALUE_BEFORE,
  REPORT_COUNT_FIELDS,
  TOTAL_MARKER,
  YTD_MARKER,
  ZERO_RULES,
  type ReportCountField,
} from './count-rules';
import type { ReportBlock, ReportDocument } from './report-document';
import {
  blockText,
  findBodyMonth,
  findMonth,
  layoutReport,
  periodFrom,
  readDateLine,
  type ReportSection,
} from './report-parts';
import { readStatsTable } from './report-tables';

/** Where a value came from: the phrase as written and its block's line. */
export interface FieldEvidence {
  readonly field: string;
  readonly value: number | string;
  readonly approx: boolean;
  readonly phrase: string;
  readonly line: number;
  readonly source: 'text' | 'table' | 'title' | 'period_line' | 'body' | 'signature' | 'date';
}

/** Why a number in the report is not a field value. */
export type OtherFactReason =
  | 'no_field' // the phrase names no canonical field (查获烟花爆竹6挂, 12个行政村)
  | 'ytd' // year-to-date or other period (1-5月累计…)
  | 'not_a_value' // a change, an inventory, a remainder or a per-item figure (较上月增加6处)
  | 'not_this_month' // a 累计 column or row of a table
  | 'other_section'; // in 存在的问题 / 下步工作

/** A number of the report that is not a field value, kept so nothing is lost. */
export interface OtherFact {
  readonly phrase: string;
  readonly value: number;
  readonly unit: string | null;
  readonly line: number;
  readonly reason: OtherFactReason;
}

/** One problem statement, split exactly like the CSV `problems_text` column. */
export interface ReportProblem {
  readonly seq: number;
  readonly text: string;
  readonly line: number | null;
}

/** The record as far as the report states it: township and period are null when not found. */
export type ExtractedRecord = Omit<TownshipMonthRecord, 'township' | 'period'> & {
  readonly township: string | null;
  readonly period: string | null;
};

export interface ReportExtraction {
  readonly file: string;
  readonly record: ExtractedRecord;
  /** Evidence per filled field (township, period, report_date and every count), by field name. */
  readonly evidence: ReadonlyMap<string, readonly FieldEvidence[]>;
  readonly otherFacts: readonly OtherFact[];
  readonly sections: readonly ReportSection[];
  readonly problems: readonly ReportProblem[];
  readonly issues: readonly IngestIssue[];
}

export interface ExtractOptions {
  readonly fileName: string;
  /** The district's township list (official order); empty accepts the name as written. */
  readonly townships: readonly Township[];
}

interface Candidate {
  readonly field: ReportCountField;
  readonly value: number;
  readonly approx: boolean;
  readonly phrase: string;
  readonly line: number;
  readonly source: 'text' | 'table';
  /** The phrase says it is the month total (本月共…, 合计). */
  readonly total: boolean;
}

const SENTENCE_END = /[。；;！!？?\n]/u;
const CLAUSE_SEP = /[，,：:（）()]/u;
// Money fields are stored in 万元; a report states amounts in 元 (the registry says which fields are money).
const MONEY: ReadonlySet<string> = new Set(MONEY_FIELDS);

interface Clause {
  readonly start: number;
  readonly end: number;
  readonly scope: 'month' | 'ytd';
  /** Where the clause's sentence starts. */
  readonly sentenceStart: number;
}

/** Sentences and clauses of a paragraph, with the period scope carried forward inside a sentence. */
function clausesOf(folded: string, tokens: readonly TextQuantity[]): Clause[] {
  const inToken = (i: number) => tokens.some((t) => i >= t.start && i < t.end);
  const out: Clause[] = [];
  let sentenceStart = 0;
  let clauseStart = 0;
  let scope: 'month' | 'ytd' = 'month';
  const close = (end: number) => {
    if (end > clauseStart) {
      const text = folded.slice(clauseStart, end);
      if (MONTH_MARKER.test(text)) scope = 'month';
      else if (YTD_MARKER.test(text)) scope = 'ytd';
      out.push({ start: clauseStart, end, scope, sentenceStart });
    }
    clauseStart = end + 1;
  };
  for (let i = 0; i <= folded.length; i++) {
    const ch = folded[i] ?? '\n';
    if (SENTENCE_END.test(ch)) {
      close(i);
      scope = 'month';
      sentenceStart = i + 1;
    } else if (CLAUSE_SEP.test(ch) && !inToken(i)) close(i);
  }
  return out;
}

function lastMatch(re: RegExp, text: string): { index: number; end: number } | null {
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  let best: { index: number; end: number } | null = null;
  for (const m of text.matchAll(g)) best = { index: m.index, end: m.index + m[0].length };
  return best;
}

/** What surrounds a quantity: the text since the previous number, the clause before it, the clause after it, the sentence before it. */
interface QuantityContext {
  readonly seg: string;
  readonly prefix: string;
  readonly after: string;
  readonly sentenceBefore: string;
  /** The later quantities of the clause, with their offsets in `after`. */
  readonly next: readonly { readonly offset: number; readonly unit: string }[];
}

/**
 * A number-first phrase ("对2家…和1家小旅馆依法立案处罚3起") names the field of this number only if
 * no other number stands between them, and only if the keyword does not carry its own number right
 * after it (立案处罚3起: the 3 is the count, the 2家 and 1家 are who was fined).
 */
function afterReaches(rule: CountRule, matchLength: number, next: QuantityContext['next']): boolean {
  const between = next.find((n) => n.offset < matchLength);
  if (between) return false;
  const own = next.find((n) => n.offset >= matchLength);
  return !(own && own.offset - matchLength <= 3 && rule.units.includes(own.unit));
}

/** The field a quantity belongs to, by the closest keyword before it or (number first) after it. */
function fieldOf(t: TextQuantity, ctx: QuantityContext): ReportCountField | null {
  const { seg, prefix, after } = ctx;
  let best: { field: ReportCountField; distance: number } | null = null;
  for (const rule of COUNT_RULES) {
    if (!rule.units.includes(t.unit)) continue;
    if (rule.notBefore?.test(seg)) continue;
    let distance = Infinity;
    if (rule.before && (!rule.thenAfter || rule.thenAfter.test(after))) {
      const inSeg = lastMatch(rule.before, seg);
      if (inSeg) distance = seg.length - inSeg.end;
      else {
        const inPrefix = lastMatch(rule.before, prefix);
        if (inPrefix) distance = 100 + prefix.length - inPrefix.end;
      }
    }
    if (rule.after) {
      const m = rule.after.exec(after);
      if (m && afterReaches(rule, m[0].length, ctx.next)) distance = Math.min(distance, m[0].length - 2);
    }
    if (rule.inSentence && distance === Infinity && rule.inSentence.after.test(after)) {
      const activity = lastMatch(rule.inSentence.activity, ctx.sentenceBefore);
      const word = activity ? ctx.sentenceBefore.slice(activity.index, activity.end) : '';
      if (rule.inSentence.want.test(word)) distance = 200;
    }
    if (distance < (best?.distance ?? Infinity)) best = { field: rule.field, distance };
  }
  return best?.field ?? null;
}

/** 其中 opens a part of the figure just given: "召开会议3次，其中镇安委会全体会议1次" (1 is part of 3). */
const PART_OF = /^[^，,；;。]{0,2}其中/u;

/** Reads the counts and other facts of one paragraph. */
function readParagraph(
  b: ReportBlock,
  countsAllowed: boolean,
  candidates: Candidate[],
  facts: OtherFact[],
): void {
  const original = blockText(b);
  const folded = foldWidth(original);
  const tokens = scanTextQuantities(original);
  const clauses = clausesOf(folded, tokens);
  // The field of the last value read in the current sentence (for 其中 parts).
  let lastField: { sentence: number; field: ReportCountField } | null = null;
  for (const c of clauses) {
    const clauseText = folded.slice(c.start, c.end);
    const phrase = original.slice(c.start, c.end).trim();
    if (countsAllowed && c.scope === 'month') {
      for (const z of ZERO_RULES) {
        if (z.pattern.test(clauseText) && !(z.unless?.test(clauseText) ?? false)) {
          for (const field of z.fields) {
            candidates.push({
              field,
              value: 0,
              approx: false,
              phrase,
              line: b.line,
              source: 'text',
              total: false,
            });
          }
        }
      }
    }
    let prevEnd = c.start;
    const inClause = tokens.filter((t) => t.start >= c.start && t.start < c.end);
    for (const t of inClause) {
      const seg = folded.slice(prevEnd, t.start);
      const prefix = folded.slice(c.start, t.start);
      const after = folded.slice(t.end, c.end);
      const firstInClause = prevEnd === c.start;
      prevEnd = t.end;
      const fact = (reason: OtherFactReason) =>
        facts.push({ phrase, value: t.value, unit: t.unit, line: b.line, reason });
      if (!countsAllowed) {
        fact('other_section');
        continue;
      }
      if (t.unit === '%') {
        fact('no_field');
        continue;
      }
      if (c.scope === 'ytd') {
        fact('ytd');
        continue;
      }
      if (NOT_A_VALUE_BEFORE.test(seg)) {
        fact('not_a_value');
        continue;
      }
      const field = fieldOf(t, {
        seg,
        prefix,
        after,
        sentenceBefore: folded.slice(c.sentenceStart, t.start),
        next: inClause.filter((n) => n.start >= t.end).map((n) => ({ offset: n.start - t.end, unit: n.unit })),
      });
      if (field === null) {
        fact('no_field');
        continue;
      }
      const partOfLast =
        firstInClause && PART_OF.test(prefix) && lastField?.sentence === c.sentenceStart && lastField.field === field;
      lastField = { sentence: c.sentenceStart, field };
      if (partOfLast) {
        fact('not_a_value');
        continue;
      }
      const value = MONEY.has(field) ? Math.round((t.value / 10000) * 1e6) / 1e6 : t.value;
      candidates.push({
        field,
        value,
        approx: t.approx,
        phrase,
        line: b.line,
        source: 'text',
        total: TOTAL_MARKER.test(prefix),
      });
    }
  }
}

const labelOf = (field: string) => townshipMonthField(field);

/** Decides each field from its candidates; conflicts give null and a warning. */
function resolve(
  candidates: readonly Candidate[],
  file: string,
  issues: IngestIssue[],
): Map<ReportCountField, Candidate[]> {
  const byField = new Map<ReportCountField, Candidate[]>();
  for (const c of candidates) byField.set(c.field, [...(byField.get(c.field) ?? []), c]);
  const out = new Map<ReportCountField, Candidate[]>();
  for (const field of REPORT_COUNT_FIELDS) {
    const list = byField.get(field);
    if (!list || list.length === 0) continue;
    const values = [...new Set(list.map((c) => c.value))];
    if (values.length === 1) {
      out.set(field, list);
      continue;
    }
    const def = labelOf(field);
    const names = { label: def?.zh ?? field };
    const totals = list.filter((c) => c.total && c.source === 'text');
    const totalValues = [...new Set(totals.map((c) => c.value))];
    const fromTable = list.some((c) => c.source === 'table');
    const first = totals[0];
    if (!fromTable && totalValues.length === 1 && first) {
      const other = list.find((c) => c.value !== first.value) ?? first;
      out.set(
        field,
        list.filter((c) => c.value === first.value),
      );
      issues.push(
        makeIssue(file, {
          severity: 'warning',
          code: 'report.count_total_chosen',
          line: first.line,
          field,
          value: first.phrase,
          params: { ...names, first: first.phrase, second: other.phrase, secondLine: other.line },
        }),
      );
      continue;
    }
    const a = list[0]!;
    const b = list.find((c) => c.value !== a.value) ?? a;
    issues.push(
      makeIssue(file, {
        severity: 'warning',
        code: 'report.count_conflict',
        line: a.line,
        field,
        value: `${a.phrase} / ${b.phrase}`,
        params: { ...names, first: a.phrase, firstLine: a.line, second: b.phrase, secondLine: b.line },
      }),
    );
  }
  return out;
}

const OFFICE_PREFIX = /^(?:关于|中共)/u;
const TITLE_CUT =
  /关于|[0-9０-９]|[〇○零一二三四五六七八九十]{1,4}(?:年|月)|安全生产|安全|月份|工作|本月|（|\(/u;

/** The township part of a title: 关于白马镇12月份… → 白马镇; 清水镇人民政府关于… → 清水镇人民政府. */
function titleTownshipText(title: string): string {
  const t = foldWidth(title).replace(/\s+/gu, '').replace(OFFICE_PREFIX, '');
  const cut = TITLE_CUT.exec(t);
  return cut ? t.slice(0, cut.index) : t;
}

/** Signature parts: 中共柳河镇委员会 柳河镇人民政府 → [柳河镇, 柳河镇人民政府]. */
function signatureParts(text: string): string[] {
  return foldWidth(text)
    .split(/\s+/u)
    .map((p) => p.replace(/^中共(.+?)委员会$/u, '$1'))
    .filter((p) => p !== '');
}

type Found =
  { name: string; line: number; raw: string } | { unknown: string; suggestion: string | null; line: number };

function findTownship(raw: string, line: number, known: readonly Township[]): Found | null {
  if (raw === '') return null;
  const m = matchTownship(raw, known);
  if (m.kind === 'match') return { name: m.name, line, raw };
  if (m.kind === 'unknown') {
    if (known.length === 0) return { name: m.normalised, line, raw };
    return { unknown: m.normalised, suggestion: m.suggestion, line };
  }
  return null;
}

/**
 * Extracts a township-month record from a report. Township: the title, else the signature
 * (matched to `townships`). Period: the title, the period line, the title's month with the year
 * of the period line or date, else the body (现将5月份…) with the year of the date. Report date:
 * the date under the signature. Counts: phrases and statistics tables of the body outside
 * 存在的问题 and 下步工作. Problems: the 存在的问题 section, split by the same grammar as the CSV
 * column (`splitProblemsText`).
 */
export function extractReport(doc: ReportDocument, opts: ExtractOptions): ReportExtraction {
  const file = opts.fileName;
  const issues: IngestIssue[] = [];
  const evidence = new Map<string, FieldEvidence[]>();
  const layout = layoutReport(doc.blocks);

  // Township.
  let township: string | null = null;
  const fromTitle = layout.title
    ? findTownship(titleTownshipText(layout.title.text), layout.title.line, opts.townships)
    : null;
  let fromSignature: Found | null = null;
  for (const b of layout.signature) {
    for (const part of signatureParts(b.text)) {
      fromSignature = findTownship(part, b.line, opts.townships);
      if (fromSignature && 'name' in fromSignature) break;
    }
    if (fromSignature && 'name' in fromSignature) break;
  }
  const chosen =
    fromTitle && 'name' in fromTitle
      ? fromTitle
      : fromSignature && 'name' in fromSignature
        ? fromSignature
        : null;
  if (chosen) {
    township = chosen.name;
    const source = chosen === fromTitle ? 'title' : 'signature';
    const block = source === 'title' ? layout.title : layout.signature.find((s) => s.line === chosen.line);
    evidence.set('township', [
      {
        field: 'township',
        value: chosen.name,
        approx: false,
        phrase: block?.text.trim() ?? chosen.raw,
        line: chosen.line,
        source,
      },
    ]);
    if (
      source === 'title' &&
      fromSignature &&
      'name' in fromSignature &&
      fromSignature.name !== chosen.name
    ) {
      issues.push(
        makeIssue(file, {
          severity: 'warning',
          code: 'report.township_mismatch',
          line: fromSignature.line,
          field: 'township',
          value: fromSignature.raw,
          params: { title: chosen.name, signature: fromSignature.name },
        }),
      );
    }
  } else {
    const unknown = [fromTitle, fromSignature].find(
      (f): f is Extract<Found, { unknown: string }> => f !== null && 'unknown' in f,
    );
    if (unknown) {
      issues.push(
        makeIssue(file, {
          severity: 'error',
          code: 'report.township_unknown',
          line: unknown.line,
          field: 'township',
          value: unknown.unknown,
          params: { suggestion: unknown.suggestion ?? '—' },
        }),
      );
    } else {
      issues.push(makeIssue(file, { severity: 'error', code: 'report.township_missing', field: 'township' }));
    }
  }

  // Report date.
  const reportDate = layout.date ? readDateLine(layout.date.text) : null;
  if (reportDate && layout.date) {
    evidence.set('report_date', [
      {
        field: 'report_date',
        value: reportDate,
        approx: false,
        phrase: layout.date.text.trim(),
        line: layout.date.line,
        source: 'date',
      },
    ]);
  } else
    issues.push(makeIssue(file, { severity: 'warning', code: 'report.date_missing', field: 'report_date' }));
  const dateYear = reportDate ? periodYear(reportDate.slice(0, 7)) : null;
  const dateMonth = reportDate ? periodMonth(reportDate.slice(0, 7)) : null;

  // Period.
  let period: string | null = null;
  const setPeriod = (p: string | null, b: ReportBlock, source: FieldEvidence['source']) => {
    if (p === null || period !== null) return;
    period = p;
    evidence.set('period', [
      { field: 'period', value: p, approx: false, phrase: blockText(b), line: b.line, source },
    ]);
  };
  const titleMonth = layout.title ? findMonth(layout.title.text, true) : null;
  const lineMonth = layout.periodLine ? findMonth(layout.periodLine.text, false) : null;
  if (titleMonth?.year != null && layout.title)
    setPeriod(periodFrom(titleMonth, null, null), layout.title, 'title');
  if (lineMonth && layout.periodLine) {
    if (titleMonth && titleMonth.year === null && layout.title) {
      setPeriod(periodFrom(titleMonth, lineMonth.year, null), layout.title, 'title');
    }
    setPeriod(periodFrom(lineMonth, null, null), layout.periodLine, 'period_line');
  }
  if (titleMonth && layout.title)
    setPeriod(periodFrom(titleMonth, dateYear, dateMonth), layout.title, 'title');
  if (period === null) {
    for (const s of layout.sections.slice(0, 2)) {
      for (const b of s.blocks) {
        if (b.kind !== 'paragraph') continue;
        const m = findBodyMonth(blockText(b));
        if (!m) continue;
        const p = periodFrom(m, dateYear, dateMonth);
        setPeriod(p, b, 'body');
        if (p !== null) {
          issues.push(
            makeIssue(file, {
              severity: 'warning',
              code: 'report.period_from_body',
              line: b.line,
              field: 'period',
              value: blockText(b).slice(0, 60),
              params: { period: p },
            }),
          );
        }
        break;
      }
      if (period !== null) break;
    }
  }
  if (period === null)
    issues.push(makeIssue(file, { severity: 'error', code: 'report.period_missing', field: 'period' }));
  const month = period !== null ? periodMonth(period) : null;

  // Counts and other facts.
  const candidates: Candidate[] = [];
  const facts: OtherFact[] = [];
  for (const s of layout.sections) {
    const countsAllowed = s.kind === 'preamble' || s.kind === 'work';
    for (const b of s.blocks) {
      if (b.kind === 'table') {
        const t = readStatsTable(b.rows ?? [], month);
        for (const v of t.values) {
          if (!countsAllowed) {
            facts.push({
              phrase: v.phrase,
              value: v.value,
              unit: null,
              line: b.line,
              reason: 'other_section',
            });
            continue;
          }
          candidates.push({ ...v, line: b.line, source: 'table', total: false });
        }
        for (const o of t.others)
          facts.push({ phrase: o.phrase, value: o.value, unit: o.unit, line: b.line, reason: o.reason });
      } else readParagraph(b, countsAllowed, candidates, facts);
    }
  }
  const resolved = resolve(candidates, file, issues);
  const numeric = new Map<NumericField, number>();
  const approx: NumericField[] = [];
  for (const [field, list] of resolved) {
    const first = list[0];
    if (!first) continue;
    numeric.set(field, first.value);
    if (list.some((c) => c.approx)) approx.push(field);
    evidence.set(
      field,
      list.map((c) => ({
        field,
        value: c.value,
        approx: c.approx,
        phrase: c.phrase,
        line: c.line,
        source: c.source,
      })),
    );
  }

  // Sections: problems and next steps.
  const textOf = (kind: ReportSection['kind']) => {
    const blocks = layout.sections.filter((s) => s.kind === kind).flatMap((s) => s.blocks);
    return { blocks, text: blocks.length > 0 ? blocks.map((b) => blockText(b)).join('\n') : null };
  };
  const problemsPart = textOf('problems');
  const next = textOf('next_steps');
  if (!layout.sections.some((s) => s.kind === 'problems')) {
    issues.push(
      makeIssue(file, { severity: 'warning', code: 'report.problems_missing', field: 'problems_text' }),
    );
  }
  const squash = (s: string) => foldWidth(s).replace(/[\s\p{P}\p{S}]+/gu, '');
  const problems: ReportProblem[] = splitProblemsText(problemsPart.text).map((st) => {
    const head = squash(st.text).slice(0, 12);
    const block = problemsPart.blocks.find((b) => squash(blockText(b)).includes(head));
    return { seq: st.seq, text: st.text, line: block?.line ?? null };
  });

  const record: ExtractedRecord = {
    township,
    period,
    period_scope: 'month',
    report_date: reportDate,
    focus_sectors: null,
    problems_text: problemsPart.text,
    next_steps_text: next.text,
    remarks: null,
    approx,
    flags: [],
    source: { file, line: layout.title?.line ?? null },
    ...nullNumbers(numeric),
  };
  return { file, record, evidence, otherFacts: facts, sections: layout.sections, problems, issues };
}

function nullNumbers(values: ReadonlyMap<NumericField, number>): { [K in NumericField]: number | null } {
  const out = {} as { [K in NumericField]: number | null };
  for (const f of NUMERIC_FIELDS) out[f] = values.get(f) ?? null;
  return out;
}

/** The extracted record as a TownshipMonthRecord, or null while township or period is missing. */
export function toTownshipMonthRecord(x: ReportExtraction): TownshipMonthRecord | null {
  const { township, period } = x.record;
  if (township === null || period === null) return null;
  return { ...x.record, township, period };
}
