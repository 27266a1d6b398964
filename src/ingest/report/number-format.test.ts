import { describe, expect, it } from 'vitest';
import { chineseCounting, formatListNumber } from './number-format';

describe('formatListNumber', () => {
  it('writes Chinese counting as a clerk reads it', () => {
    expect([1, 2, 9, 10, 11, 19, 20, 21, 99, 100, 105, 110].map((n) => chineseCounting(n))).toEqual([
      '一', '二', '九', '十', '十一', '十九', '二十', '二十一', '九十九', '一百', '一百零五', '一百一十',
    ]);
  });
  it('covers the formats Word offers for Chinese lists', () => {
    expect(formatListNumber(3, 'chineseCountingThousand')).toBe('三');
    expect(formatListNumber(10, 'ideographDigital')).toBe('一〇');
    expect(formatListNumber(3, 'decimalEnclosedCircle')).toBe('③');
    expect(formatListNumber(21, 'decimalEnclosedCircle')).toBe('㉑');
    expect(formatListNumber(12, 'chineseLegalSimplified')).toBe('拾贰');
    expect(formatListNumber(4, 'upperRoman')).toBe('IV');
    expect(formatListNumber(27, 'lowerLetter')).toBe('aa');
    expect(formatListNumber(7, 'decimalFullWidth')).toBe('７');
    expect(formatListNumber(5, 'bullet')).toBe('');
  });
});
