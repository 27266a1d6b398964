import { describe, expect, it } from 'vitest';
import { normaliseLineEnds, readCsvTable } from './read-csv-table';

const read = (text: string) => readCsvTable(normaliseLineEnds(text), ',');

describe('readCsvTable', () => {
  it('B4 embedded newlines keep later line numbers right', () => {
    const r = read('a,b\n1,"x\ny\nz"\n2,3\n');
    expect(r.ok && r.rows.map((row) => row.line)).toEqual([1, 2, 5]);
    expect(r.ok && r.rows[1]?.cells).toEqual(['1', 'x\ny\nz']);
  });

  it.each([
    ['LF', 'a,b\n1,2\n3,4\n'],
    ['CRLF', 'a,b\r\n1,2\r\n3,4\r\n'],
    ['B6 CR only', 'a,b\r1,2\r3,4\r'],
    ['B5 mixed', 'a,b\r\n1,2\n3,4\r\n'],
    ['no final newline', 'a,b\n1,2\n3,4'],
  ])('%s line ends give the same rows and no \\r', (_name, text) => {
    const r = read(text);
    expect(r.ok && r.rows).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', '2'] },
      { line: 3, cells: ['3', '4'] },
    ]);
  });

  it('keeps blank and comma-only lines as records (they are counted, not dropped)', () => {
    const r = read('a,b\n\n,\n1,2\n');
    expect(r.ok && r.rows.map((x) => x.cells)).toEqual([['a', 'b'], [''], ['', ''], ['1', '2']]);
  });

  it.each([
    ['B1 unterminated quote', 'a,b\n1,2\n3,"4\n5,6\n', 3],
    ['B3 junk after a closing quote', 'a,b\n"1"x,2\n', 2],
    ['quote opened after a multi-line cell', 'a,b\n1,"x\ny"\n2,"z\n', 4],
  ])('%s → rejected at the quote line', (_name, text, line) => {
    expect(read(text)).toEqual({ ok: false, quoteLine: line });
  });

  it('empty text → no rows', () => {
    expect(read('')).toEqual({ ok: true, rows: [] });
  });
});
