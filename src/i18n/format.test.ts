import { describe, expect, it, vi } from 'vitest';
import {
  formatByteSize,
  formatDate,
  formatMonthDay,
  formatNumber,
  formatPercent,
  formatPeriod,
  intlLocale,
} from './format';

describe('i18n formatters', () => {
  it('maps each UI language to one Intl locale', () => {
    expect(intlLocale('zh-CN')).toBe('zh-CN');
    expect(intlLocale('en')).toBe('en-GB');
  });

  it.each([
    ['zh-CN', 1234.5678, undefined, '1,234.568'],
    ['en', 1234.5678, 2, '1,234.57'],
    ['en', 412, 0, '412'],
    ['zh-CN', 0, undefined, '0'],
  ] as const)('formatNumber(%s, %s, %s) → %s', (lang, n, digits, want) => {
    expect(formatNumber(lang, n, digits)).toBe(want);
  });

  it('formats ratios as percentages', () => {
    expect(formatPercent('en', 0.1234)).toBe('12.3%');
    expect(formatPercent('zh-CN', 0.5)).toBe('50%');
  });

  // Building a formatter per figure (toLocaleString with a locale) was a visible part of a filter
  // change on a large district (issue 13, target 3): one formatter per language, style and digits.
  it('formats with a kept Intl.NumberFormat, not a new formatter per figure', () => {
    const toLocale = vi.spyOn(Number.prototype, 'toLocaleString');
    try {
      const figures = Array.from({ length: 200 }, (_, i) => formatNumber('zh-CN', i * 1000.5, 1));
      expect(figures[3]).toBe('3,001.5');
      for (let i = 0; i < 50; i++) formatPercent('en', i / 50);
      expect(toLocale).not.toHaveBeenCalled();
    } finally {
      toLocale.mockRestore();
    }
  });

  // The two formatters it replaces: charts' periodLabel (UI: 2024-03 in English) and the
  // bulletin's formatPeriod (prose: Mar 2024). Chinese reads the same in both.
  it.each([
    ['zh-CN', '2024-03', 'numeric', '2024年3月'],
    ['zh-CN', '2024-11', 'text', '2024年11月'],
    ['en', '2024-03', 'numeric', '2024-03'],
    ['en', '2024-03', 'text', 'Mar 2024'],
    ['en', '2024-13', 'text', '2024-13'],
    ['zh-CN', '三月', 'numeric', '三月'],
  ] as const)('formatPeriod(%s, %s, %s) → %s', (lang, p, style, want) => {
    expect(formatPeriod(lang, p, style)).toBe(want);
  });

  it('writes dates the way official documents do and leaves bad text visible', () => {
    expect(formatDate('zh-CN', '2024-04-02')).toBe('2024年4月2日');
    expect(formatDate('en', '2024-04-02')).toBe('2 Apr 2024');
    expect(formatDate('zh-CN', '2024-02-30')).toBe('2024-02-30');
    expect(formatMonthDay('zh-CN', '2024-04-02')).toBe('4月2日');
    expect(formatMonthDay('en', '2024-04-02')).toBe('2 Apr');
  });
});

describe('formatByteSize', () => {
  // One rule for the history's file sizes and the URL source's size limit (they had one each).
  it.each([
    [512, '512 B'],
    [1536, '1.5 KB'],
    [1024, '1 KB'],
    [20 * 1024 * 1024, '20 MB'],
    [2.34 * 1024 * 1024, '2.3 MB'],
  ])('%d → %s', (n, want) => {
    expect(formatByteSize(n)).toBe(want);
  });
});

describe('formatNumber / formatPercent (one cached Intl.NumberFormat per language and precision)', () => {
  const values = [0, -0, 1, -1, 0.5, 2.345678, 1234.5, -98765.4321, 1e21, 0.000123, NaN, Infinity];
  it.each(['zh-CN', 'en'] as const)('read exactly as toLocaleString does (%s)', (lang) => {
    const locale = lang === 'en' ? 'en-GB' : 'zh-CN';
    for (const digits of [0, 1, 2, 3]) {
      for (const v of values) {
        expect(formatNumber(lang, v, digits)).toBe(
          v.toLocaleString(locale, { maximumFractionDigits: digits }),
        );
        expect(formatPercent(lang, v, digits)).toBe(
          v.toLocaleString(locale, { style: 'percent', maximumFractionDigits: digits }),
        );
      }
    }
    // Defaults, and the same formatter after the language switches back and forth.
    expect(formatNumber(lang, 1234.56789)).toBe(
      (1234.56789).toLocaleString(locale, { maximumFractionDigits: 3 }),
    );
    expect(formatPercent(lang, 0.12345)).toBe(
      (0.12345).toLocaleString(locale, { style: 'percent', maximumFractionDigits: 1 }),
    );
  });
});
