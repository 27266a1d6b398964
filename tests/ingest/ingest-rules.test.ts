import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { encodeGb18030 } from '../../scripts/generate-fixtures';
import { ingestBytes } from '../../src/ingest/ingest-file';
import type { FileIngestResult } from '../../src/ingest/types';

const utf8 = (s: string) => new TextEncoder().encode(s);
const run = (
  text: string | Uint8Array,
  knownTownships = [] as Parameters<typeof ingestBytes>[1]['knownTownships'],
) =>
  ingestBytes(typeof text === 'string' ? utf8(text) : text, {
    fileName: 't.csv',
    knownTownships,
    today: '2022-05-10',
  });
const codes = (r: FileIngestResult) => r.issues.map((i) => [i.code, i.line]);
const balanced = (r: FileIngestResult) =>
  r.counts.accepted + r.counts.rejected + r.counts.ignored === r.counts.total;
const H = '乡镇,月份,排查隐患,已整改,其中重大隐患,事故起数,死亡人数,培训（场次）,培训（人次）,报送日期\n';

describe('validation rules (docs/domain.md#validation-rules)', () => {
  it.each([
    ['major > found', '城关镇,2022-04,2,1,3,,,,,', 'ingest.major_exceeds_found', 'error'],
    ['deaths without accident', '城关镇,2022-04,2,1,0,0,1,,,', 'ingest.casualties_without_accident', 'error'],
    ['rectified > found', '城关镇,2022-04,2,3,0,,,,,', 'ingest.rectified_exceeds_found', 'warning'],
    ['training average', '城关镇,2022-04,,,,,,1,900,', 'ingest.training_average', 'warning'],
    [
      'persons without sessions',
      '城关镇,2022-04,,,,,,0,20,',
      'ingest.training_persons_without_sessions',
      'warning',
    ],
    ['report date late', '城关镇,2022-01,,,,,,,,2022-04-30', 'ingest.report_date_late', 'warning'],
    ['report date early', '城关镇,2022-04,,,,,,,,2022-03-30', 'ingest.report_date_before_period', 'warning'],
    ['future month', '城关镇,2023-04,,,,,,,,', null, 'error'],
    ['missing township', ',2022-04,1,1,0,,,,,', 'ingest.missing_required', 'error'],
  ])('%s', (_n, row, code, severity) => {
    const r = run(H + row + '\n');
    const hit = r.issues.find(
      (i) => i.line === 2 && i.severity === severity && (code === null || i.code === code),
    );
    expect(hit).toBeDefined();
    expect(r.townshipMonths.length).toBe(severity === 'error' ? 0 : 1);
    expect(balanced(r)).toBe(true);
  });

  it('D18 conflicting duplicates reject both rows citing each other', () => {
    const r = run('乡镇,月份,隐患数\n城关镇,2022-04,6\n小召乡,2022-04,1\n城关镇,2022-04,7\n');
    expect(r.rejectedRows.map((x) => x.line)).toEqual([2, 4]);
    expect(
      r.issues.filter((i) => i.code === 'ingest.duplicate_conflict').map((i) => [i.line, i.params.otherLine]),
    ).toEqual([
      [2, 4],
      [4, 2],
    ]);
    expect(r.counts).toEqual({ total: 4, accepted: 1, rejected: 2, ignored: 1 });
  });

  it('D18 identical duplicates keep one and note the other', () => {
    const r = run('乡镇,月份,隐患数\n城关镇,2022-04,6\n城关镇,2022-04,6\n');
    expect(r.townshipMonths.length).toBe(1);
    expect(r.ignored.map((i) => [i.line, i.reason])).toContainEqual([3, 'duplicate_identical']);
  });

  it('unknown township with a master list → error with suggestion', () => {
    const r = run('乡镇,月份,隐患数\n城光镇,2022-04,6\n', [
      { name: '城关镇', type: 'zhen', code: null, aliases: [] },
    ]);
    expect(r.issues.map((i) => [i.code, i.params.suggestion])).toEqual([
      ['ingest.township_unknown', '城关镇'],
    ]);
  });

  it('C3 totals row mismatch is a warning naming both figures', () => {
    const r = run('乡镇,月份,隐患数\n城关镇,2022-04,6\n小召乡,2022-04,3\n合计,,10\n');
    expect(r.issues.map((i) => [i.code, i.line, i.params.total, i.params.sum])).toEqual([
      ['ingest.totals_mismatch', 4, 10, 9],
    ]);
  });

  it.each([
    ['B10 too few fields', '乡镇,月份,隐患数,已整改\n城关镇,2022-04\n', [['ingest.row_too_few_fields', 2]]],
    ['B11 too many fields', '乡镇,月份,隐患数\n城关镇,2022-04,6,额外\n', [['ingest.row_too_many_fields', 2]]],
    ['B14 header only', '乡镇,月份,隐患数\n', [['ingest.no_data_rows', null]]],
    ['B14 BOM only', '\uFEFF', [['ingest.empty_file', null]]],
    ['E7 JSON syntax error with line:column', '[{"乡镇":"城关镇",}\n]', [['ingest.json_syntax', 1]]],
    ['E13 truncated JSON', '[{"乡镇":"城关镇"},{"乡', [['ingest.json_truncated', null]]],
    [
      'E8 overflowing number',
      '[{"乡镇":"城关镇","月份":"2022-04","隐患数":1e309}]',
      // The element's physical line is known (json-element-lines.ts), so the issue names it.
      [['ingest.json_bad_number', 1]],
    ],
  ])('%s', (_n, text, expected) => {
    const r = run(text);
    expect(codes(r)).toEqual(expected);
    expect(balanced(r)).toBe(true);
  });

  it('B12 trailing empty columns get one note; unknown columns are listed', () => {
    const r = run('乡镇,月份,隐患数,奇怪列,,\n城关镇,2022-04,6,x,,\n');
    expect(r.issues.map((i) => i.code)).toEqual(['ingest.unknown_columns', 'ingest.trailing_empty_columns']);
    expect(r.townshipMonths.length).toBe(1);
  });

  it('A8 a repeated header mid-file is ignored with a note', () => {
    const r = run('乡镇,月份,隐患数\n城关镇,2022-04,6\n\uFEFF乡镇,月份,隐患数\n小召乡,2022-04,3\n');
    expect(r.ignored.map((i) => [i.line, i.reason])).toContainEqual([3, 'repeated_header']);
    expect(r.townshipMonths.length).toBe(2);
  });

  it('E2 API envelope reads data.list and checks total', () => {
    const r = run(
      '{"code":0,"msg":"success","data":{"list":[{"乡镇":"城关镇","月份":"2022-04","隐患数":6}],"total":2}}',
    );
    expect(r.townshipMonths.length).toBe(1);
    expect(r.issues.map((i) => i.code)).toEqual(['ingest.json_total_mismatch']);
  });

  it('G: size cap refuses large files', () => {
    const r = ingestBytes(utf8(H), {
      fileName: 'x',
      knownTownships: [],
      today: '2022-05-10',
      limits: { maxBytes: 10 },
    });
    expect(codes(r)).toEqual([['ingest.file_too_large', null]]);
  });
});

const VALID =
  '某某区月报\n乡镇,月份,排查隐患（处）,已整改,备注\n城关镇,2022年4月,6处,5,"整改中,\n预计5月"\n小召乡,2022-04,3,3,\n合计,,9,8,\n填表人：张三\n';

describe('properties', () => {
  it('accounting adds up and nothing throws for random mutations', () => {
    const mutation = fc.oneof(
      fc.record({ at: fc.nat(), insert: fc.constantFrom('"', ',', '\r', '\n', '\uFEFF', '，', '\t', ';') }),
      fc.record({ at: fc.nat(), del: fc.integer({ min: 1, max: 5 }) }),
      fc.record({ truncate: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.array(mutation, { maxLength: 6 }), fc.boolean(), (muts, gb) => {
        let text = VALID;
        for (const m of muts) {
          if ('truncate' in m) text = text.slice(0, m.truncate % (text.length + 1));
          else if ('insert' in m) {
            const i = m.at % (text.length + 1);
            text = text.slice(0, i) + m.insert + text.slice(i);
          } else {
            const i = m.at % (text.length + 1);
            text = text.slice(0, i) + text.slice(i + m.del);
          }
        }
        const bytes = gb ? encodeGb18030(text.replace(/\uFEFF/g, '')) : utf8(text);
        const r = run(bytes);
        expect(balanced(r)).toBe(true);
        if (r.status === 'rejected')
          expect(r.townshipMonths.length + r.hazards.length + r.problems.length).toBe(0);
        for (const t of r.townshipMonths)
          for (const v of Object.values(t)) if (typeof v === 'string') expect(v).not.toContain('\r');
      }),
      { numRuns: 150, seed: 20220427 },
    );
  });

  it('same content in UTF-8, UTF-8+BOM, GB18030, UTF-16LE and LF/CRLF/CR gives identical records and lines', () => {
    const strip = (r: FileIngestResult) => ({
      tm: r.townshipMonths.map((t) => ({ ...t, source: { line: t.source.line } })),
      ignored: r.ignored,
      counts: r.counts,
    });
    const base = strip(run(VALID));
    expect(base.tm.length).toBe(2);
    const variants = [
      new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(VALID)]),
      encodeGb18030(VALID),
      new Uint8Array([0xff, 0xfe, ...Buffer.from(VALID, 'utf16le')]),
      utf8(VALID.replace(/\n/g, '\r\n')),
      utf8(VALID.replace(/\n/g, '\r')),
    ];
    for (const v of variants) expect(strip(run(v))).toEqual(base);
  });
});
