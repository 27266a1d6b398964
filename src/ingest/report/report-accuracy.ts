/**
 * Scores the report extractor against the labelled corpus (tests/fixtures/reports/corpus/): each
 * entry has an answer `key` and a Word-like `doc` (blocks with `numbering` labels that are NOT in
 * the text, header/footer). Pure: the caller reads the files. Used by `npm run reports:accuracy`
 * and by the corpus test.
 */
import type { Township } from '../../domain/records';
import { REPORT_COUNT_FIELDS, type ReportCountField } from './count-rules';
import type { ReportBlock, ReportDocument } from './report-document';
import { extractReport, type ReportExtraction } from './extract-report';

/** One corpus file as written by a corpus writer. */
export interface CorpusEntry {
  readonly id: string;
  readonly key: {
    readonly township: string;
    readonly period: string;
    readonly report_date: string | null;
    readonly counts: Readonly<Record<string, number>>;
    readonly approx?: readonly string[];
    readonly problems: readonly string[];
  };
  readonly doc: {
    readonly header?: string | null;
    readonly footer?: string | null;
    readonly blocks: readonly {
      readonly type: 'para' | 'heading' | 'table';
      readonly text?: string;
      readonly numbering?: string;
      readonly style?: string;
      readonly align?: string;
      readonly rows?: readonly (readonly string[])[];
    }[];
  };
}

/** Builds the ReportDocument a .docx reader would give for a corpus entry (label + text, header/footer skipped). */
export function corpusDocument(entry: CorpusEntry): ReportDocument {
  const blocks: ReportBlock[] = entry.doc.blocks.map((b, i) => {
    const line = i + 1;
    if (b.type === 'table') {
      const rows = (b.rows ?? []).map((r) => r.map((c) => c.trim()));
      return { kind: 'table', text: rows.map((r) => r.join('\t')).join('\n'), rows, line };
    }
    const label = b.numbering;
    const text = `${label ?? ''}${b.text ?? ''}`;
    const hint =
      b.style === 'title'
        ? 'title'
        : b.type === 'heading'
          ? 'heading'
          : b.align === 'center' || b.align === 'right'
            ? b.align
            : undefined;
    return { kind: 'paragraph', text, line, ...(label ? { label } : {}), ...(hint ? { hint } : {}) };
  });
  const skipped = [
    { what: 'header', count: entry.doc.header ? 1 : 0 },
    { what: 'footer', count: entry.doc.footer ? 1 : 0 },
  ].filter((s) => s.count > 0);
  return { format: 'docx', blocks, skipped };
}

/** Whitespace and final punctuation do not make a problem statement different. */
export const normaliseProblem = (s: string): string =>
  s
    .normalize('NFKC')
    .replace(/\s+/gu, '')
    .replace(/[。；;，,.!！?？]+$/u, '');

export interface WriterScore {
  readonly writer: string;
  readonly reports: number;
  readonly township: number;
  readonly period: number;
  readonly reportDate: number;
  /** Extracted counts that match the key (field, value and approx flag). */
  readonly countsCorrect: number;
  readonly countsExtracted: number;
  readonly countsInKey: number;
  readonly problemsFound: number;
  readonly problemsInKey: number;
  /** Per report: what went wrong (for the script's listing). */
  readonly misses: readonly string[];
}

const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b);

export const precision = (s: WriterScore): number => ratio(s.countsCorrect, s.countsExtracted);
export const recall = (s: WriterScore): number => ratio(s.countsCorrect, s.countsInKey);
export const problemRecall = (s: WriterScore): number => ratio(s.problemsFound, s.problemsInKey);

/** Scores one writer's entries. */
export function scoreEntries(
  writer: string,
  entries: readonly CorpusEntry[],
  townships: readonly Township[],
): WriterScore {
  let township = 0;
  let period = 0;
  let reportDate = 0;
  let countsCorrect = 0;
  let countsExtracted = 0;
  let countsInKey = 0;
  let problemsFound = 0;
  let problemsInKey = 0;
  const misses: string[] = [];
  for (const e of entries) {
    const x: ReportExtraction = extractReport(corpusDocument(e), { fileName: `${e.id}.docx`, townships });
    const r = x.record;
    if (r.township === e.key.township) township++;
    else misses.push(`${e.id} township ${String(r.township)} ≠ ${e.key.township}`);
    if (r.period === e.key.period) period++;
    else misses.push(`${e.id} period ${String(r.period)} ≠ ${e.key.period}`);
    if (r.report_date === e.key.report_date) reportDate++;
    else misses.push(`${e.id} report_date ${String(r.report_date)} ≠ ${String(e.key.report_date)}`);
    const keyApprox = new Set(e.key.approx ?? []);
    for (const f of REPORT_COUNT_FIELDS as readonly ReportCountField[]) {
      const got = r[f];
      const want = e.key.counts[f];
      if (want !== undefined) countsInKey++;
      if (got !== null) countsExtracted++;
      if (got === null && want === undefined) continue;
      const approxOk = r.approx.includes(f) === keyApprox.has(f);
      if (got !== null && want !== undefined && Math.abs(got - want) < 1e-9 && approxOk) countsCorrect++;
      else {
        const ev = x.evidence.get(f)?.[0];
        misses.push(
          `${e.id} ${f}: got ${String(got)}${r.approx.includes(f) ? '~' : ''} want ${String(want)}${keyApprox.has(f) ? '~' : ''}${ev ? ` «${ev.phrase}»` : ''}`,
        );
      }
    }
    const found = new Set(x.problems.map((p) => normaliseProblem(p.text)));
    for (const p of e.key.problems) {
      problemsInKey++;
      if (found.has(normaliseProblem(p))) problemsFound++;
      else misses.push(`${e.id} problem not split: ${p}`);
    }
  }
  return {
    writer,
    reports: entries.length,
    township,
    period,
    reportDate,
    countsCorrect,
    countsExtracted,
    countsInKey,
    problemsFound,
    problemsInKey,
    misses,
  };
}

/** The corpus district (云川区), in the writing brief's order. */
export const CORPUS_TOWNSHIP_NAMES: readonly string[] = [
  '东关街道',
  '西关街道',
  '城南街道',
  '北门街道',
  '云川街道',
  '城关镇',
  '青石镇',
  '柳河镇',
  '白马镇',
  '龙泉镇',
  '清水镇',
  '黄岗镇',
  '高桥镇',
  '小召乡',
  '杏林乡',
  '石门乡',
  '马坊乡',
  '梨园乡',
];
