import { describe, expect, it } from 'vitest';
import { csvCell, neutraliseFormula, toCsv } from './csv-cells';

describe('neutraliseFormula', () => {
  it.each([
    ['=SUM(A1:A3)', "'=SUM(A1:A3)"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@cmd', "'@cmd"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['\tplain', "'\tplain"],
    ['＝HYPERLINK("x")', '\'＝HYPERLINK("x")'],
    ['＋1', "'＋1"],
    ['－1', "'－1"],
    ['＠x', "'＠x"],
    ['  =1', "'  =1"],
    ['\u3000=1', "'\u3000=1"],
    ['=HYPERLINK("http://x")\n备注', '\'=HYPERLINK("http://x")\n备注'],
  ])('prefixes %j', (input, expected) => {
    expect(neutraliseFormula(input)).toBe(expected);
  });

  it.each([['小召乡'], ['2022-04'], ['a=b'], [''], ['380余']])('leaves %j alone', (input) => {
    expect(neutraliseFormula(input)).toBe(input);
  });
});

describe('csvCell / toCsv', () => {
  it.each([
    [null, ''],
    [-5, '-5'],
    [0.25, '0.25'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['两行\n文本', '"两行\n文本"'],
    ['=1,2', '"\'=1,2"'],
  ] as const)('writes %j as %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('joins rows with CRLF and ends with a line break', () => {
    expect(
      toCsv([
        ['a', 1],
        ['b', null],
      ]),
    ).toBe('a,1\r\nb,\r\n');
    expect(toCsv([])).toBe('');
  });
});
