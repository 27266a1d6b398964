import { describe, expect, it } from 'vitest';
import { detectDelimiter } from './detect-delimiter';

describe('detectDelimiter', () => {
  it.each([
    ['comma', '乡镇,月份,隐患数\n城关镇,2022-04,6\n', ','],
    ['B7 small semicolon file with trailing newline', '乡镇;隐患数\n城关镇;6\n', ';'],
    ['B7 TAB with one row', '乡镇\t隐患数\n城关镇\t6\n', '\t'],
    ['B9 pipe', '乡镇|月份|隐患数\n城关镇|2022-04|6\n', '|'],
    [
      'title row without delimiters does not spoil it',
      '某某区月报表\n乡镇;月份;隐患数\n城关镇;2022-04;6\n',
      ';',
    ],
    ['commas inside quotes are not counted', '乡镇;备注\n城关镇;"a,b,c,d"\n小召乡;"e,f,g"\n', ';'],
    ['TAB file whose remarks contain commas', '乡镇\t备注\n城关镇\ta,b\n小召乡\tc\n', '\t'],
    ['quoted newline keeps one record', '乡镇,备注\n城关镇,"第一行\n第二行"\n', ','],
  ])('%s', (_name, text, delimiter) => {
    expect(detectDelimiter(text)).toEqual({ kind: 'found', delimiter });
  });

  it('B8 full-width comma only → fullwidth_comma', () => {
    expect(detectDelimiter('乡镇，月份，隐患数\n城关镇，2022-04，6\n').kind).toBe('fullwidth_comma');
  });

  it.each([[''], ['只有一列\n没有分隔符\n']])('no delimiter in %j → none', (text) => {
    expect(detectDelimiter(text).kind).toBe('none');
  });
});
