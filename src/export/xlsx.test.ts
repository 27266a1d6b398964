import { readSheet } from 'read-excel-file/node';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { columnWidths, displayWidth, sanitizeSheetName, toXlsx } from './xlsx';

describe('sanitizeSheetName', () => {
  it.each([
    ['各乡镇隐患整改率', '各乡镇隐患整改率'],
    ['a[b]c:d*e?f/g\\h', 'a_b_c_d_e_f_g_h'],
    ["'引号'", '引号'],
    ['', 'Sheet1'],
    ['History', 'Sheet1'],
    ['隐'.repeat(40), '隐'.repeat(31)],
  ])('%j → %j', (input, expected) => {
    expect(sanitizeSheetName(input)).toBe(expected);
  });
});

describe('displayWidth / columnWidths', () => {
  it.each([
    ['', 0],
    ['abc', 3],
    ['小召乡', 6],
    ['（处）', 6],
    ['a小', 3],
    ['短\n更长的一行', 10],
  ])('%j is %i wide', (text, width) => {
    expect(displayWidth(text)).toBe(width);
  });

  it('takes the widest cell, pads and clamps', () => {
    const widths = columnWidths({
      columns: [
        { key: 'a', label: '乡镇' },
        { key: 'b', label: 'n' },
        { key: 'c', label: '备注' },
      ],
      rows: [['东关街道办事处', 5, 'x'.repeat(500)]],
    });
    expect(widths).toEqual([16, 6, 60]);
  });
});

describe('toXlsx', () => {
  const table = {
    columns: [
      { key: 'township', label: '乡镇（街道）' },
      { key: 'found', label: '排查隐患（处）' },
      { key: 'rate', label: '整改率（%）' },
      { key: 'note', label: '备注' },
    ],
    rows: [
      ['小召乡', 12, 83.3, '=HYPERLINK("http://x","点击")'],
      ['城关镇', null, null, '-5'],
      ['东关街道', -5, 0, '第一行\n第二行'],
    ],
  } as const;

  it('reads back with typed cells: numbers as numbers, text as text, null as empty', async () => {
    const bytes = await toXlsx(table, { sheetName: '2024年03月/隐患' });
    const rows = await readSheet(Buffer.from(bytes));
    expect(rows).toEqual([
      ['乡镇（街道）', '排查隐患（处）', '整改率（%）', '备注'],
      ['小召乡', 12, 83.3, '=HYPERLINK("http://x","点击")'],
      ['城关镇', null, null, '-5'],
      ['东关街道', -5, 0, '第一行\n第二行'],
    ]);
    expect(typeof rows[1]?.[1]).toBe('number');
    expect(typeof rows[2]?.[3]).toBe('string');
  });

  it('writes no formula, freezes the header row, names the sheet safely, sets widths', async () => {
    const files = unzipSync(await toXlsx(table, { sheetName: '2024年03月/隐患' }));
    const sheetPath = Object.keys(files).find((k) => /^xl\/worksheets\/sheet\d+\.xml$/.test(k)) ?? '';
    const sheet = strFromU8(files[sheetPath] ?? new Uint8Array());
    expect(sheet).not.toMatch(/<f[ >]/);
    expect(sheet).toMatch(/<pane[^>]*ySplit="1"[^>]*state="frozen"/);
    expect(sheet).toMatch(/<col [^>]*width="16"/);
    const workbook = strFromU8(files['xl/workbook.xml'] ?? new Uint8Array());
    expect(workbook).toContain('name="2024年03月_隐患"');
  });

  it('writes formula-like text as a plain string cell: no apostrophe, no formula', async () => {
    // An XLSX string cell is never evaluated, so the CSV formula guard must not add a visible `'`.
    const texts = ['=1+1', '-5', '+86 0471', '@SUM(A1)', '＝合计', "'引号开头"];
    const files = unzipSync(
      await toXlsx({ columns: [{ key: 'a', label: '备注' }], rows: texts.map((x) => [x]) }),
    );
    const sheetPath = Object.keys(files).find((k) => /^xl\/worksheets\/sheet\d+\.xml$/.test(k)) ?? '';
    const sheet = strFromU8(files[sheetPath] ?? new Uint8Array());
    const shared = strFromU8(files['xl/sharedStrings.xml'] ?? new Uint8Array());
    // Every body cell is typed as a string (shared or inline), none carries a formula element.
    const cells = [...sheet.matchAll(/<c r="A(\d+)"([^>]*)>/g)].filter((m) => m[1] !== '1');
    expect(cells).toHaveLength(texts.length);
    for (const m of cells) expect(m[2]).toMatch(/t="(s|inlineStr|str)"/);
    expect(sheet).not.toMatch(/<f[ >]/);
    expect(shared + sheet).not.toContain("'=1+1");
    const rows = await readSheet(
      Buffer.from(await toXlsx({ columns: [{ key: 'a', label: '备注' }], rows: texts.map((x) => [x]) })),
    );
    expect(rows.slice(1).map((r) => r[0])).toEqual(texts);
    for (const r of rows.slice(1)) expect(typeof r[0]).toBe('string');
  });

  it('writes a header-only sheet for an empty table', async () => {
    const rows = await readSheet(Buffer.from(await toXlsx({ columns: table.columns, rows: [] })));
    expect(rows).toEqual([['乡镇（街道）', '排查隐患（处）', '整改率（%）', '备注']]);
  });
});
