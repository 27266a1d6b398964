import { describe, expect, it } from 'vitest';
import { foldWidth, scanTextQuantities } from './text-numbers';

const one = (text: string) =>
  scanTextQuantities(text).map((q) => ({ value: q.value, unit: q.unit, approx: q.approx }));

describe('scanTextQuantities', () => {
  it.each([
    ['排查隐患23处', 23, '处', false],
    ['排查隐患２３处', 23, '处', false],
    ['排查各类安全隐患二十三处', 23, '处', false],
    ['开展培训两场次', 2, '场次', false],
    ['共检查单位一百二十六家（次）', 126, '家(次)', false],
    ['检查单位一百零二家', 102, '家', false],
    ['培训170余人次', 170, '人次', true],
    ['出动检查人员近300人次', 300, '人次', true],
    ['出动检查人员约二百人次', 200, '人次', true],
    ['发放宣传资料一千二百余份', 1200, '份', true],
    ['发放宣传资料1,200份', 1200, '份', false],
    ['罚款1.2万元', 12000, '元', false],
    ['罚款共计二万三千元', 23000, '元', false],
    ['罚款5000元', 5000, '元', false],
    ['参训人员50人左右', 50, '人', true],
    ['整改率83.9%', 83.9, '%', false],
  ])('%s → %d %s', (text, value, unit, approx) => {
    expect(one(text)).toEqual([{ value, unit, approx }]);
  });

  it.each([
    ['dates', '5月12日召开会议'],
    ['years', '签订2023年度责任书'],
    ['national days', '在4·15国家安全日'],
    ['document numbers', '小政〔2023〕8号'],
    ['month ranges', '1—2月累计'],
    ['ordinals', '全国第23个安全生产月'],
    ['phone numbers', '联系电话：5832216'],
    ['words that contain numerals', '一是压实责任，一岗双责，“三合一”，十防九空'],
    ['Chinese years', '二〇二三年十二月二十六日'],
  ])('finds no quantity in %s', (_what, text) => {
    expect(scanTextQuantities(text)).toEqual([]);
  });

  it('keeps offsets into the original text when folding full-width digits', () => {
    const text = '发现安全隐患２７处，已整改';
    const [q] = scanTextQuantities(text);
    expect(text.slice(q!.start, q!.end)).toBe('２７处');
    expect(foldWidth(text)).toHaveLength(text.length);
  });
});
