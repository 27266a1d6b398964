import { describe, expect, it } from 'vitest';
import { ingestFile } from './ingest-any-file';
import { ingestBytes } from './ingest-file';
import { readXlsxRows, sheetRowsToCsvRows, xlsxCellText, type XlsxCell } from './read-xlsx';

type SheetCell = null | string | { value: number | string | Date; type: unknown; format?: string };

/** Builds a workbook the way a clerk's Excel would hold it: typed cells, one sheet. */
async function workbook(rows: readonly (readonly SheetCell[])[], sheet = '汇总'): Promise<Uint8Array> {
  const { default: writeXlsxFile } = await import('write-excel-file/universal');
  const blob = await writeXlsxFile(rows as never, { sheet }).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}

const num = (value: number): SheetCell => ({ value, type: Number });
const date = (y: number, m: number, d: number): SheetCell => ({
  value: new Date(Date.UTC(y, m - 1, d)),
  type: Date,
  format: 'yyyy"年"m"月"d"日"',
});

const OPTIONS = { fileName: '云川区2022年4月汇总.xlsx', knownTownships: [], today: '2022-05-10' } as const;

describe('xlsxCellText', () => {
  it.each<[XlsxCell, string]>([
    [null, ''],
    [undefined, ''],
    ['东关街道', '东关街道'],
    ['一是…\r\n二是…', '一是…\n二是…'],
    [12, '12'],
    [1.5, '1.5'],
    [0, '0'],
    [-0, '0'],
    [Number.NaN, ''],
    [true, 'TRUE'],
    [false, 'FALSE'],
    [new Date(Date.UTC(2022, 3, 27)), '2022-04-27'],
    [new Date(Date.UTC(2022, 0, 1, 23, 30)), '2022-01-01'],
    [new Date(Number.NaN), ''],
  ])('%j → %j', (cell, text) => {
    expect(xlsxCellText(cell)).toBe(text);
  });
});

describe('sheetRowsToCsvRows', () => {
  it('numbers rows from 1 like Excel, empty rows included', () => {
    const rows = sheetRowsToCsvRows([[null, null], ['乡镇', '排查隐患（处）'], [], ['东关街道', 6]]);
    expect(rows.map((r) => r.line)).toEqual([1, 2, 3, 4]);
    expect(rows[3]?.cells).toEqual(['东关街道', '6']);
    expect(rows[2]?.cells).toEqual([]);
  });

  it('gives no rows for an empty sheet', () => {
    expect(sheetRowsToCsvRows([])).toEqual([]);
  });
});

describe('readXlsxRows', () => {
  it('reads the first sheet with typed cells as text and row numbers as lines', async () => {
    const bytes = await workbook([
      ['云川区各乡镇2022年4月安全生产月报汇总表', null, null],
      ['乡镇', '报送日期', '排查隐患（处）'],
      ['东关街道', date(2022, 4, 27), num(6)],
      [null, null, null],
      ['西关街道', date(2022, 4, 28), num(12.5)],
    ]);
    const read = await readXlsxRows(bytes);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.map((r) => r.line)).toEqual([1, 2, 3, 4, 5]);
    expect(read.value[2]?.cells).toEqual(['东关街道', '2022-04-27', '6']);
    expect(read.value[4]?.cells).toEqual(['西关街道', '2022-04-28', '12.5']);
  });

  it('returns an error value, not an exception, for a broken zip', async () => {
    const read = await readXlsxRows(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4]));
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.error.reason).not.toBe('');
  });
});

describe('ingestFile', () => {
  const SHEET: SheetCell[][] = [
    ['云川区各乡镇2022年4月安全生产月报汇总表', null, null, null, null, null],
    ['乡镇', '月份', '报送日期', '排查隐患（处）', '已整改（处）', '培训（人次）'],
    ['东关街道', '2022-04', date(2022, 4, 27), num(6), num(6), num(85)],
    ['西关街道', '2022-04', date(2022, 4, 28), num(12), num(10), null],
    ['北门街道', '2022-13', date(2022, 4, 28), num(5), num(4), num(3)],
    ['合计', null, null, num(23), num(20), num(88)],
  ];

  it('runs a workbook through the table pipeline with row numbers as lines', async () => {
    const result = await ingestFile(await workbook(SHEET), OPTIONS);
    expect(result.status).toBe('ok');
    expect(result.format).toBe('xlsx');
    expect(result.encoding).toBeNull();
    expect(result.headerLine).toBe(2);
    expect(result.counts).toEqual({ total: 6, accepted: 2, rejected: 1, ignored: 3 });
    expect(result.townshipMonths.map((r) => [r.township, r.period, r.report_date, r.hazards_found])).toEqual([
      ['东关街道', '2022-04', '2022-04-27', 6],
      ['西关街道', '2022-04', '2022-04-28', 12],
    ]);
    // An empty cell is "not reported", never 0.
    expect(result.townshipMonths[1]?.training_person_times).toBeNull();
    expect(result.rejectedRows.map((r) => r.line)).toEqual([5]);
    expect(result.townshipMonths[0]?.source).toMatchObject({ file: OPTIONS.fileName, line: 3 });
  });

  it('gives the same records as the same table saved as CSV', async () => {
    const csv = [
      '云川区各乡镇2022年4月安全生产月报汇总表,,,,,',
      '乡镇,月份,报送日期,排查隐患（处）,已整改（处）,培训（人次）',
      '东关街道,2022-04,2022-04-27,6,6,85',
      '西关街道,2022-04,2022-04-28,12,10,',
      '北门街道,2022-13,2022-04-28,5,4,3',
      '合计,,,23,20,88',
    ].join('\r\n');
    const fromCsv = ingestBytes(new TextEncoder().encode(csv), { ...OPTIONS, fileName: 'a.csv' });
    const fromXlsx = await ingestFile(await workbook(SHEET), { ...OPTIONS, fileName: 'a.csv' });
    // Same records; a workbook's source also names its sheet.
    expect(fromXlsx.townshipMonths.map((r) => r.source.sheet)).toEqual(['汇总', '汇总']);
    expect(
      fromXlsx.townshipMonths.map(({ source: { sheet: _sheet, ...source }, ...r }) => ({ ...r, source })),
    ).toEqual(fromCsv.townshipMonths);
    expect(fromXlsx.counts).toEqual(fromCsv.counts);
    expect(fromXlsx.issues.map((i) => [i.code, i.line])).toEqual(fromCsv.issues.map((i) => [i.code, i.line]));
  });

  it('rejects a zip that is not a workbook with the reader reason', async () => {
    const result = await ingestFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 9, 9, 9, 9]), OPTIONS);
    expect(result.status).toBe('rejected');
    expect(result.format).toBe('xlsx');
    expect(result.issues.map((i) => i.code)).toEqual(['exportui.ingest.xlsxUnreadable']);
    expect(String(result.issues[0]?.params.reason)).not.toBe('');
  });

  it('rejects a workbook whose first sheet is empty', async () => {
    const result = await ingestFile(await workbook([[null]]), OPTIONS);
    expect(result.status).toBe('rejected');
    expect(result.issues.map((i) => i.code)).toEqual(['exportui.ingest.xlsxEmpty']);
  });

  it('applies the size cap before reading the workbook', async () => {
    const bytes = await workbook(SHEET);
    const result = await ingestFile(bytes, { ...OPTIONS, limits: { maxBytes: 100 } });
    expect(result.issues.map((i) => i.code)).toEqual(['ingest.file_too_large']);
  });

  it('leaves CSV files to ingestBytes', async () => {
    const bytes = new TextEncoder().encode('乡镇,月份,排查隐患（处）\n东关街道,2022-04,6\n');
    const result = await ingestFile(bytes, OPTIONS);
    expect(result).toEqual(ingestBytes(bytes, OPTIONS));
    expect(result.format).toBe('csv');
  });
});
