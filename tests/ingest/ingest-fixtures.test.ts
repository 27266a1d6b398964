import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCube } from '../../src/analysis/cube';
import { ledgerReportChecks } from '../../src/analysis/hazard-figures';
import { ingestBytes } from '../../src/ingest/ingest-file';
import type { FileIngestResult, IngestOptions } from '../../src/ingest/types';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'ingest');
const load = (name: string) => new Uint8Array(readFileSync(join(DIR, name)));
const opts = (fileName: string): IngestOptions => ({ fileName, knownTownships: [], today: '2022-05-10' });
const ingest = (name: string) => ingestBytes(load(name), opts(name));
const balanced = (r: FileIngestResult) =>
  r.counts.accepted + r.counts.rejected + r.counts.ignored === r.counts.total;

describe('Chinese-Excel GB18030 export (integration)', () => {
  const r = ingest('excel-export-gb18030.csv');
  it('detects encoding, delimiter, header and kind', () => {
    expect([r.status, r.encoding, r.format, r.delimiter, r.recordKind, r.headerLine]).toEqual([
      'ok',
      'gb18030',
      'csv',
      ',',
      'township_month',
      4,
    ]);
    expect(r.counts).toEqual({ total: 10, accepted: 4, rejected: 0, ignored: 6 });
  });
  it('ignores title, metadata, headers, totals and footer with their lines', () => {
    expect(r.ignored.map((i) => [i.line, i.reason])).toEqual([
      [1, 'title'],
      [2, 'metadata'],
      [3, 'header'],
      [4, 'header_continuation'],
      [10, 'totals'],
      [11, 'footer_note'],
    ]);
  });
  it('produces the records with lines, units converted, approx and flags', () => {
    expect(
      r.townshipMonths.map((t) => [
        t.township,
        t.period,
        t.hazards_found,
        t.hazards_rectified,
        t.hazards_major_found,
        t.trainings_held,
        t.training_person_times,
        t.rectification_funds_10k_yuan,
        t.source.line,
      ]),
    ).toEqual([
      ['小召乡', '2022-04', 6, 6, 0, 2, 85, 2.5, 5],
      ['城关镇', '2022-04', 12, 10, 1, 3, 150, 12, 6],
      ['东关街道', '2022-04', 8, 9, 0, 1, 40, null, 8],
      ['西山镇', '2022-04', 5, 4, 0, 0, null, null, 9],
    ]);
    expect(r.townshipMonths[1]?.approx).toEqual(['training_person_times']);
    expect(r.townshipMonths[1]?.remarks).toBe('整改中,\n预计5月完成');
    expect(r.townshipMonths[2]?.flags).toEqual(['rectified_scope_flow']);
  });
  it('reports the issues with line, column and value', () => {
    expect(r.issues.map((i) => [i.severity, i.code, i.line, i.column, i.value])).toEqual([
      ['warning', 'ingest.rectified_exceeds_found', 8, '隐患排查治理/已整改（处）', '9'],
      ['warning', 'ingest.note_converted_yuan_to_10k', 5, '整改资金（元）', '25000'],
      ['warning', 'ingest.approx_values', 6, '培训/人次', '150余'],
    ]);
  });
  it.each(['excel-export-utf8.csv', 'excel-export-utf8-bom.csv', 'excel-export-utf16le-tab.txt'])(
    'the same content as %s yields identical records',
    (name) => {
      const other = ingest(name);
      const strip = (x: FileIngestResult) =>
        x.townshipMonths.map((t) => ({ ...t, source: { ...t.source, file: '' } }));
      expect(strip(other)).toEqual(strip(r));
    },
  );
});

describe('fixtures by family', () => {
  it.each([
    ['semicolon.csv', ';', 1],
    ['pipe.csv', '|', 2],
    ['tab.tsv', '\t', 1],
    ['unicode-text-utf16le.txt', '\t', 2],
  ])('%s → delimiter %j, %i records', (name, delimiter, n) => {
    const r = ingest(name);
    expect([r.status, r.delimiter, r.townshipMonths.length]).toEqual(['ok', delimiter, n]);
    expect(balanced(r)).toBe(true);
  });

  it.each([
    ['fullwidth-comma.csv', 'ingest.fullwidth_comma', null],
    ['unterminated-quote.csv', 'ingest.unterminated_quote', 3],
    ['truncated-gb18030.csv', 'ingest.truncated_char', null],
    ['xlsx-magic.csv', 'ingest.format_xlsx', null],
    ['html-as-xls.xls', 'ingest.format_html', null],
    ['proto.json', 'ingest.json_forbidden_key', 1],
    ['error-envelope.json', 'ingest.json_error_envelope', null],
  ])('%s is rejected as a whole with %s', (name, code, line) => {
    const r = ingest(name);
    expect(r.status).toBe('rejected');
    expect(r.issues.map((i) => [i.code, i.line])).toEqual([[code, line]]);
    expect([r.townshipMonths.length, r.hazards.length, r.problems.length]).toEqual([0, 0, 0]);
    expect(balanced(r)).toBe(true);
  });

  it('E3 shows the envelope message as text', () => {
    expect(ingest('error-envelope.json').issues[0]?.params.msg).toBe('系统异常');
  });

  it('canonical JSON reads all sections, the district and the master list', () => {
    const r = ingest('canonical.json');
    expect([r.recordKind, r.district, r.townships.map((t) => t.name)]).toEqual([
      'mixed',
      '示例区',
      ['小召乡', '城关镇'],
    ]);
    expect([r.townshipMonths.length, r.hazards.length, r.problems.length]).toEqual([2, 1, 1]);
    expect(r.townshipMonths[0]?.focus_sectors).toEqual(['fireworks', 'industry_trade', 'construction']);
    expect(r.townshipMonths[0]?.hazards_found).toBeNull();
    expect(r.issues.map((i) => [i.code, i.params.columns])).toEqual([
      ['ingest.unknown_columns', 'illegal_cases'],
    ]);
  });

  it('E1/E5 array with Chinese keys behind a BOM', () => {
    const r = ingest('array-chinese-keys.json');
    expect(r.townshipMonths.map((t) => [t.township, t.period, t.hazards_found, t.hazards_rectified])).toEqual(
      [
        ['城关镇', '2022-04', 6, 6],
        ['小召乡', '2022-04', 3, 2],
      ],
    );
  });

  it('E12 JSON Lines: line numbers, blank lines ignored, bad rows rejected', () => {
    const r = ingest('lines.jsonl');
    expect(r.format).toBe('jsonl');
    expect(r.counts).toEqual({ total: 4, accepted: 2, rejected: 1, ignored: 1 });
    expect(r.rejectedRows.map((x) => x.line)).toEqual([4]);
  });

  it('hazard ledger and problem list', () => {
    const h = ingest('hazard-ledger.csv');
    expect([h.recordKind, h.hazards.length, h.rejectedRows.map((x) => x.line)]).toEqual(['hazard', 2, [4]]);
    expect(h.issues.map((i) => i.code)).toEqual(['ingest.rectified_before_found']);
    const p = ingest('problems.csv');
    expect(p.problems.map((x) => [x.period, x.category])).toEqual([
      ['2022-04', 'P01'],
      ['2022-04', null],
    ]);
  });
});

describe('ledgerReportChecks (the ledger-vs-report cross-check, docs/decisions/0005-ledger-and-report-totals.md)', () => {
  it('warns when the ledger and the summary differ, naming both figures', () => {
    const tm = ingest('excel-export-utf8.csv').townshipMonths;
    const hz = ingest('hazard-ledger.csv').hazards;
    const dataset = { district: null, townships: [], townshipMonths: tm, hazards: hz, problems: [] };
    const checks = ledgerReportChecks(buildCube(dataset));
    // 城关镇 reports 12 found / 10 rectified; the ledger has 1 item, none rectified. 小召乡 6/6 vs 1/1.
    expect(checks.map((c) => [c.township, c.field, c.report, c.ledger])).toEqual([
      ['小召乡', 'hazards_found', 6, 1],
      ['小召乡', 'hazards_rectified', 6, 1],
      ['城关镇', 'hazards_found', 12, 1],
      ['城关镇', 'hazards_rectified', 10, 0],
    ]);
    expect(ledgerReportChecks(buildCube({ ...dataset, townshipMonths: [] }))).toEqual([]);
  });
});
