/**
 * Writes the workbook fixtures into tests/fixtures/xlsx/ (run: npm run generate:fixtures, which
 * calls this too). They are made with ExcelJS — another library than the app's reader and writer —
 * the way real submissions arrive: merged titles, two-row grouped headers, formulas with and
 * without a saved value (libraries and manual calculation leave none), shared formulas, totals
 * rows, instructions sheets, hidden and empty sheets. The zip is re-packed with a fixed date so
 * the committed bytes are reproducible.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync, zipSync } from 'fflate';

const OUT = join(import.meta.dirname, '..', 'tests', 'fixtures', 'xlsx');
const FIXED_DATE = new Date(Date.UTC(2024, 4, 6, 8, 0, 0));

type Value = ExcelJS.CellValue;

function newBook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '云川区安委办';
  wb.lastModifiedBy = '云川区安委办';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  return wb;
}

function put(ws: ExcelJS.Worksheet, row: number, values: readonly Value[]): void {
  values.forEach((v, i) => {
    if (v !== null && v !== undefined) ws.getCell(row, i + 1).value = v;
  });
}

/** ExcelJS bytes re-zipped with one fixed timestamp (ExcelJS stamps entries with the current time). */
async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const buffer = new Uint8Array(await wb.xlsx.writeBuffer());
  const entries = unzipSync(buffer);
  const sorted = Object.fromEntries(Object.keys(entries).map((k) => [k, entries[k] as Uint8Array]));
  // Zip entry times are local-time fields: build them from local parts so any TZ writes the same bytes.
  return zipSync(sorted, { mtime: new Date(2024, 4, 6, 8, 0, 0), level: 6 });
}

/**
 * The district's March 2024 summary as a township office sends it: one sheet per month, a
 * 填表说明 sheet, a hidden 乡镇名单 lookup sheet and an empty Sheet3.
 */
async function districtWorkbook(): Promise<Uint8Array> {
  const wb = newBook();
  const mar = wb.addWorksheet('2024年3月');
  mar.mergeCells('A1:K1');
  put(mar, 1, ['云川区各乡镇2024年3月安全生产工作月报汇总表']);
  mar.mergeCells('A2:K2');
  put(mar, 2, ['填报单位：云川区安委办（盖章）    报送日期：2024年4月3日']);
  // Two-row grouped header: vertical merges for single columns, group cells over leaves with units.
  for (const col of ['A', 'B', 'C', 'J', 'K']) mar.mergeCells(`${col}3:${col}4`);
  mar.mergeCells('D3:G3');
  mar.mergeCells('H3:I3');
  put(mar, 3, [
    '序号',
    '乡镇（街道）',
    '月份',
    '隐患排查治理',
    null,
    null,
    null,
    '培训',
    null,
    '警示教育（场次）',
    '备注',
  ]);
  put(mar, 4, [
    null,
    null,
    null,
    '排查隐患（处）',
    '已整改（处）',
    '其中重大隐患（处）',
    '整改率',
    '培训（场次）',
    '培训（人次）',
  ]);
  // D: found = rectified + open, a shared formula (master D5, dependents D6:D8) with no saved value.
  // G: rate with a saved value in row 5 and none elsewhere (division, row arithmetic).
  const rows: Value[][] = [
    [
      1,
      '小召乡',
      '2024年3月',
      { formula: 'E5+L5', shareType: 'shared', ref: 'D5:D8' } as Value,
      6,
      0,
      { formula: 'E5/D5', result: 1 },
      2,
      85,
      1,
      null,
      0,
    ],
    [
      2,
      '城关镇',
      '2024年3月',
      { sharedFormula: 'D5' } as Value,
      10,
      1,
      { formula: 'E6/D6' },
      3,
      { formula: 'SUM(H6*50)' },
      { formula: "'2024年4月'!J6" },
      '整改中，预计4月完成',
      2,
    ],
    [
      3,
      '东关街道',
      '2024年3月',
      { sharedFormula: 'D5' } as Value,
      9,
      0,
      { formula: 'E7/D7' },
      1,
      40,
      null,
      null,
      null,
    ],
    [
      4,
      '西山镇',
      '2024年3月',
      { sharedFormula: 'D5' } as Value,
      4,
      0,
      { formula: 'E8/D8' },
      0,
      { formula: 'I7+I5' },
      0,
      null,
      1,
    ],
  ];
  rows.forEach((r, i) => put(mar, 5 + i, r));
  mar.getCell('L4').value = '未整改（处）';
  // Totals: cached sums (as Excel saves them) for some columns, an unsaved one for another.
  put(mar, 9, [
    '合计',
    null,
    null,
    { formula: 'SUM(D5:D8)' },
    { formula: 'SUM(E5:E8)', result: 29 },
    { formula: 'SUM(F5:F8)', result: 1 },
    null,
    { formula: 'SUM(H5:H8)', result: 6 },
  ]);
  put(mar, 10, ['填表人：张三    联系电话：0471-1234567']);

  const apr = wb.addWorksheet('2024年4月');
  mar.getCell('A1').alignment = { horizontal: 'center' };
  put(apr, 1, ['云川区各乡镇2024年4月安全生产工作月报汇总表']);
  apr.mergeCells('A1:H1');
  for (const col of ['A', 'B', 'C', 'D', 'E', 'H']) apr.mergeCells(`${col}2:${col}3`);
  apr.mergeCells('F2:G2');
  put(apr, 2, ['乡镇', '月份', '排查隐患（处）', '已整改（处）', '整改率', '教育培训', null, '备注']);
  put(apr, 3, [null, null, null, null, null, '场次', '人次']);
  put(apr, 4, ['小召乡', '2024-04', 5, 5, { formula: 'D4/C4', result: 1 }, 1, 30, null]);
  put(apr, 5, [
    '城关镇',
    '2024-04',
    11,
    9,
    { formula: 'D5/C5', result: 0.8182 },
    2,
    { formula: 'SUM(F5:F5)*40' },
    null,
  ]);
  put(apr, 6, ['东关街道', '2024-04', 7, 7, { formula: 'D6/C6', result: 1 }, 1, 35, '']);
  put(apr, 7, ['合计', null, { formula: 'SUM(C4:C6)', result: 23 }, { formula: 'SUM(D4:D6)', result: 21 }]);

  const notes = wb.addWorksheet('填表说明');
  put(notes, 1, ['填表说明']);
  put(notes, 2, ['1. 每月25日前报送上月数据；空白表示未填，没有发生填 0 或“无”。']);
  put(notes, 3, ['2. 排查隐患 = 已整改 + 未整改，由公式自动计算，请勿改动。']);
  put(notes, 4, ['3. 乡镇名称以“乡镇名单”为准。']);

  const list = wb.addWorksheet('乡镇名单', { state: 'hidden' });
  ['小召乡', '城关镇', '东关街道', '西山镇'].forEach((name, i) => put(list, i + 1, [name]));

  wb.addWorksheet('Sheet3');
  return bytesOf(wb);
}

/** One table per case of formula without a saved value, plus sheets the reader must set aside. */
async function formulasWorkbook(): Promise<Uint8Array> {
  const wb = newBook();
  const ws = wb.addWorksheet('公式');
  put(ws, 1, [
    '乡镇',
    '月份',
    '一般（处）',
    '较大（处）',
    '其他（处）',
    '排查隐患（处）',
    '已整改（处）',
    '培训（场次）',
  ]);
  // C..E are unknown columns (listed, not imported); F is computed from them where it can be.
  put(ws, 2, ['甲乡', '2024-03', 3, 2, 1, { formula: 'SUM(C2:E2)' }, { formula: 'C2+D2' }, 1]);
  put(ws, 3, ['乙镇', '2024-03', 4, 0, 0, { formula: 'SUM(C3:E3)', result: 4 }, 4, { formula: '参考!B2' }]);
  put(ws, 4, ['丙街道', '2024-03', 2, null, 1, { formula: 'SUM(C4:E4)' }, { formula: 'F3' }, 2]);
  put(ws, 5, [
    '丁镇',
    '2024-03',
    5,
    1,
    0,
    { formula: 'C5+D5', shareType: 'shared', ref: 'F5:G5' } as Value,
    { sharedFormula: 'F5' } as Value,
    { formula: 'VLOOKUP(A5,参考!A:B,2,0)' },
  ]);
  put(ws, 6, ['戊乡', '2024-03', 1, 1, 1, { formula: 'C6*2+(D6-E6)/1' }, { formula: 'C6/(D6-E6)' }, 0]);
  const ref = wb.addWorksheet('参考');
  put(ref, 1, ['名称', '场次']);
  put(ref, 2, ['乙镇', 3]);
  const hidden = wb.addWorksheet('上月（旧）', { state: 'hidden' });
  put(hidden, 1, ['乡镇', '月份', '排查隐患（处）']);
  put(hidden, 2, ['甲乡', '2024-02', 9]);
  wb.addWorksheet('空表');
  const header = wb.addWorksheet('模板');
  put(header, 1, ['乡镇', '月份', '排查隐患（处）']);
  return bytesOf(wb);
}

const BUILDERS: Record<string, () => Promise<Uint8Array>> = {
  'district-2024-03-exceljs.xlsx': districtWorkbook,
  'formulas-exceljs.xlsx': formulasWorkbook,
};

/** Writes every workbook fixture; returns the file names. */
export async function writeXlsxFixtures(dir = OUT): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  for (const [name, build] of Object.entries(BUILDERS)) writeFileSync(join(dir, name), await build());
  return Object.keys(BUILDERS);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '')) {
  console.log(`wrote ${(await writeXlsxFixtures()).length} workbooks to ${OUT}`);
}
