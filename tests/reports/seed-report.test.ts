/**
 * The project's seed (tests/fixtures/reports/seed/xiaozhao-2022-04-report.txt): the real 小召乡
 * April 2022 report the report import was designed from, read as a file and as pasted text through
 * the same path the app uses (reader → extractor → problem classifier). It states no count, so every
 * count must stay null (docs/architecture.md: null means not reported), and its one number that is
 * not a field (查获烟花爆竹6挂) must be kept as an other fact.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { statementsFromTownshipMonth } from '../../src/analysis/problems/statements';
import type { Township } from '../../src/domain/records';
import { REPORT_COUNT_FIELDS } from '../../src/ingest/report/count-rules';
import { extractReport, toTownshipMonthRecord } from '../../src/ingest/report/extract-report';
import { readReportFile } from '../../src/ingest/report/read-report';
import { readPastedReport } from '../../src/ingest/report/read-text-report';
import type { ReportDocument } from '../../src/ingest/report/report-document';

const SEED = new URL('../fixtures/reports/seed/xiaozhao-2022-04-report.txt', import.meta.url);
const TOWNSHIPS: Township[] = [
  { name: '小召乡', type: 'xiang', code: null, aliases: [] },
  { name: '青石镇', type: 'zhen', code: null, aliases: [] },
  { name: '东关街道', type: 'jiedao', code: null, aliases: [] },
];

function fromFile(): ReportDocument {
  const routed = readReportFile(new Uint8Array(readFileSync(SEED)));
  if (routed.route !== 'report') throw new Error('the seed was routed to the CSV path');
  if (!routed.result.ok) throw new Error(routed.result.error.code);
  return routed.result.value;
}

function fromPaste(): ReportDocument {
  const pasted = readPastedReport(readFileSync(SEED, 'utf8'));
  if (!pasted.ok) throw new Error(pasted.error.code);
  return pasted.value;
}

describe.each([
  ['as a .txt file', fromFile],
  ['as pasted text', fromPaste],
])('the 小召乡 seed report %s', (_how, read) => {
  const x = extractReport(read(), { fileName: 'xiaozhao-2022-04-report.txt', townships: TOWNSHIPS });

  it('is 小召乡 2022-04, reported on 2022-04-27, with no error', () => {
    expect([x.record.township, x.record.period, x.record.period_scope, x.record.report_date]).toEqual([
      '小召乡',
      '2022-04',
      'month',
      '2022-04-27',
    ]);
    expect(x.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('states no count: every count field is null', () => {
    for (const f of REPORT_COUNT_FIELDS) expect(x.record[f], f).toBeNull();
    expect(x.record.approx).toEqual([]);
  });

  it('keeps 烟花爆竹6挂 among the other facts, with its phrase', () => {
    expect(x.otherFacts).toContainEqual(
      expect.objectContaining({ phrase: '共查获烟花爆竹6挂', value: 6, unit: '挂', reason: 'no_field' }),
    );
  });

  it('has three problems, classified P01, P02, P03 by the problem classifier', () => {
    const record = toTownshipMonthRecord(x);
    expect(record).not.toBeNull();
    const statements = statementsFromTownshipMonth(record!);
    expect(statements.map((s) => s.text.slice(0, 12))).toEqual([
      '企业主体责任落实不完全到',
      '个别行政村和单位重视程度',
      '乡直有关站所和行政村安全',
    ]);
    expect(statements.map((s) => s.category)).toEqual(['P01', 'P02', 'P03']);
    expect(statements.map((s) => s.period)).toEqual(['2022-04', '2022-04', '2022-04']);
  });
});
