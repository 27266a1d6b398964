import { describe, expect, it } from 'vitest';
import { normaliseLineEnds, readCsvTable, readWithPapa } from './read-csv-table';

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

  // The char-code reader takes the common case and leaves the rest to PapaParse: on any text,
  // with any delimiter, it must give exactly Papa's rows, lines and quote errors.
  it('reads any text exactly as PapaParse does (random CSV-like texts)', () => {
    let seed = 12345;
    const rand = () => {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      return seed / 2 ** 32;
    };
    const atoms = [
      'a',
      '12',
      '中文',
      ',',
      ';',
      '\t',
      '\n',
      '"',
      '""',
      ' ',
      '"x,y"',
      '"p\nq"',
      '\uFEFF',
      '\r',
    ];
    let fastOk = 0;
    for (let n = 0; n < 4000; n++) {
      const parts: string[] = [];
      const len = 1 + Math.floor(rand() * 14);
      for (let i = 0; i < len; i++) parts.push(atoms[Math.floor(rand() * atoms.length)] ?? '');
      const text = normaliseLineEnds(parts.join(''));
      if (text === '') continue;
      for (const delimiter of [',', ';', '\t']) {
        const got = readCsvTable(text, delimiter);
        expect(got, JSON.stringify({ text, delimiter })).toEqual(readWithPapa(text, delimiter));
        if (got.ok) fastOk++;
      }
    }
    expect(fastOk).toBeGreaterThan(1000);
  });

  it('reads quoted cells with delimiters, doubled quotes and line breaks as PapaParse does', () => {
    const text = 'a,b,c\n"x, y","say ""hi""","l1\nl2"\n"",,"\n"\n3,4,5\n';
    expect(readCsvTable(text, ',')).toEqual(readWithPapa(text, ','));
    expect(readCsvTable(text, ',')).toEqual({
      ok: true,
      rows: [
        { line: 1, cells: ['a', 'b', 'c'] },
        { line: 2, cells: ['x, y', 'say "hi"', 'l1\nl2'] },
        { line: 4, cells: ['', '', '\n'] },
        { line: 6, cells: ['3', '4', '5'] },
      ],
    });
  });
});
