import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CellNote } from './cell-result';
import { parseCount, parseMoney, parseRate } from './parse-number';

const HAZARDS = { units: ['处', '项', '条', '个'] };
const PEOPLE = { units: ['人次', '人'] };
const COPIES = { units: ['份', '份次', '张'] };
const SESSIONS = { units: ['场', '场次', '次', '期', '场(次)'] };

describe('parseCount: values', () => {
  it.each<[string, { units: readonly string[] }, number, readonly CellNote[]]>([
    ['12', HAZARDS, 12, []],
    ['0', HAZARDS, 0, []],
    ['007', HAZARDS, 7, []],
    ['１２', HAZARDS, 12, ['fullwidth_normalised']],
    ['1,234', HAZARDS, 1234, ['thousands_separator']],
    ['1，234', HAZARDS, 1234, ['fullwidth_normalised', 'thousands_separator']],
    ['"１，２３４"'.slice(1, -1), HAZARDS, 1234, ['fullwidth_normalised', 'thousands_separator']],
    ['1 234', HAZARDS, 1234, ['thousands_separator']],
    ['1\u3000234', HAZARDS, 1234, ['fullwidth_normalised', 'thousands_separator']],
    ['12,345,678', HAZARDS, 12345678, ['thousands_separator']],
    ['6处', HAZARDS, 6, ['unit_stripped']],
    ['6 处', HAZARDS, 6, ['unit_stripped']],
    ['6（处）', HAZARDS, 6, ['fullwidth_normalised', 'unit_stripped']],
    ['120人次', PEOPLE, 120, ['unit_stripped']],
    ['3次', SESSIONS, 3, ['unit_stripped']],
    ['2场(次)', SESSIONS, 2, ['unit_stripped']],
    ['380余', HAZARDS, 380, ['approx']],
    ['1600余人', PEOPLE, 1600, ['unit_stripped', 'approx']],
    ['近200', HAZARDS, 200, ['approx']],
    ['约50', HAZARDS, 50, ['approx']],
    ['大约 50 处', HAZARDS, 50, ['unit_stripped', 'approx']],
    ['50左右', HAZARDS, 50, ['approx']],
    ['50人左右', PEOPLE, 50, ['unit_stripped', 'approx']],
    ['300多', HAZARDS, 300, ['approx']],
    ['30来人', PEOPLE, 30, ['unit_stripped', 'approx']],
    ['1000余份', COPIES, 1000, ['unit_stripped', 'approx']],
    ['1.9万余份', COPIES, 19000, ['unit_stripped', 'approx']],
    ['1.9万', COPIES, 19000, ['approx']],
    ['3千', COPIES, 3000, ['approx']],
    ['0.5万', COPIES, 5000, ['approx']],
    ['六', HAZARDS, 6, []],
    ['十二', HAZARDS, 12, []],
    ['二十七处', HAZARDS, 27, ['unit_stripped']],
    ['三次', SESSIONS, 3, ['unit_stripped']],
    ['一百零五', HAZARDS, 105, []],
    ['三百五', PEOPLE, 350, []],
    ['十余处', HAZARDS, 10, ['unit_stripped', 'approx']],
    ['三十多人', PEOPLE, 30, ['unit_stripped', 'approx']],
    ['零', HAZARDS, 0, []],
    ['无', HAZARDS, 0, ['none_as_zero']],
    ['没有', HAZARDS, 0, ['none_as_zero']],
    ['未发生', HAZARDS, 0, ['none_as_zero']],
    ['6.0', HAZARDS, 6, ['integer_from_decimal']],
    ['6.00', HAZARDS, 6, ['integer_from_decimal']],
    ['0.0', HAZARDS, 0, ['integer_from_decimal']],
    ["'123", HAZARDS, 123, ['excel_text_idiom']],
    ['="0012"', HAZARDS, 12, ['excel_text_idiom']],
    ['\uFEFF12\u200B', HAZARDS, 12, []],
    ['  12  ', HAZARDS, 12, []],
  ])('%j → %d', (raw, opts, value, notes) => {
    const r = parseCount(raw, opts);
    expect(r).toEqual({ kind: 'value', value, notes: expect.arrayContaining([...notes]) });
    if (r.kind === 'value') expect([...r.notes].sort()).toEqual([...notes].sort());
  });
});

describe('parseCount: not reported', () => {
  it.each([
    '',
    '   ',
    '\u3000',
    '/',
    '／',
    '—',
    '——',
    '–',
    '-',
    '－',
    '--',
    '无此项',
    '不适用',
    '#DIV/0!',
    '#N/A',
    '#VALUE!',
    '#REF!',
    'n/a',
    '="/"',
  ])('%j → null', (raw) => expect(parseCount(raw, HAZARDS)).toEqual({ kind: 'null' }));
});

describe('parseCount: errors', () => {
  it.each<[string, { units: readonly string[] }, string, Record<string, string | number>?]>([
    ['1.234', HAZARDS, 'cells.count.dot_separator', { value: '1.234', suggestion: '1234' }],
    ['12.345', HAZARDS, 'cells.count.dot_separator', { value: '12.345', suggestion: '12345' }],
    [
      '6人次',
      HAZARDS,
      'cells.count.wrong_unit',
      { value: '6人次', unit: '人次', expected: '处、项、条、个' },
    ],
    ['6处', PEOPLE, 'cells.count.wrong_unit', { value: '6处', unit: '处', expected: '人次、人' }],
    ['6处', { units: [] }, 'cells.count.wrong_unit'],
    ['3.5', HAZARDS, 'cells.count.fraction', { value: '3.5' }],
    ['0.5', HAZARDS, 'cells.count.fraction'],
    ['1.23456万', COPIES, 'cells.count.fraction'],
    ['-3', HAZARDS, 'cells.number.negative', { value: '-3' }],
    ['－3', HAZARDS, 'cells.number.negative'],
    ['−3', HAZARDS, 'cells.number.negative'],
    ['- 3', HAZARDS, 'cells.number.negative'],
    ['1e3', HAZARDS, 'cells.number.scientific'],
    ['1.5E+04', HAZARDS, 'cells.number.scientific'],
    ['0x1A', HAZARDS, 'cells.number.scientific'],
    ['0b101', HAZARDS, 'cells.number.scientific'],
    ['Infinity', HAZARDS, 'cells.number.not_finite'],
    ['-Infinity', HAZARDS, 'cells.number.not_finite'],
    ['NaN', HAZARDS, 'cells.number.not_finite'],
    ['∞', HAZARDS, 'cells.number.not_finite'],
    ['abc', HAZARDS, 'cells.count.invalid'],
    ['已全部整改', HAZARDS, 'cells.count.invalid'],
    ['+5', HAZARDS, 'cells.count.invalid'],
    ['1,23', HAZARDS, 'cells.count.invalid'],
    ['1,2345', HAZARDS, 'cells.count.invalid'],
    ['6（其中重大1处）', HAZARDS, 'cells.count.invalid'],
    ['二三', HAZARDS, 'cells.count.invalid'],
    ['.5', HAZARDS, 'cells.count.invalid'],
    ['5.', HAZARDS, 'cells.count.invalid'],
    ['12345678901234567890', HAZARDS, 'cells.number.too_large'],
    ['1'.repeat(65), HAZARDS, 'cells.too_long'],
    ['12\u0000', HAZARDS, 'cells.control_chars'],
    ['12\u202E', HAZARDS, 'cells.control_chars'],
  ])('%j → %s', (raw, opts, code, params) => {
    const r = parseCount(raw, opts);
    expect(r.kind).toBe('error');
    if (r.kind === 'error') {
      expect(r.code).toBe(code);
      if (params) expect(r.params).toEqual(params);
    }
  });

  it('rejects a 100 000-character cell without scanning it (docs/input-rules.md F9)', () => {
    const r = parseCount(`${'1'.repeat(100_000)}x`, HAZARDS);
    expect(r).toMatchObject({ kind: 'error', code: 'cells.too_long', params: { max: 64 } });
  });
});

describe('parseCount: properties', () => {
  it('reads back String(n) for every n in 0..1e7', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (n) => {
        expect(parseCount(String(n), HAZARDS)).toEqual({ kind: 'value', value: n, notes: [] });
      }),
    );
  });

  it('reads back n with thousands separators (comma, full-width comma, space)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 100_000_000 }), fc.constantFrom(',', '，', ' '), (n, sep) => {
        const text = String(n).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
        const r = parseCount(text, HAZARDS);
        expect(r.kind === 'value' && r.value).toBe(n);
        expect(r.kind === 'value' && r.notes).toContain('thousands_separator');
      }),
    );
  });

  it('reads back full-width digits and a unit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (n) => {
        const full = [...String(n)].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');
        const r = parseCount(`${full}处`, HAZARDS);
        expect(r.kind === 'value' && r.value).toBe(n);
      }),
    );
  });

  it('never throws and never returns a negative, fractional or non-finite count', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (s) => {
        const r = parseCount(s, HAZARDS);
        if (r.kind === 'value') {
          expect(Number.isSafeInteger(r.value)).toBe(true);
          expect(r.value).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });
});

describe('parseMoney', () => {
  it.each<[string, string | null, number, readonly CellNote[]]>([
    ['1.2万元', null, 1.2, ['unit_stripped']],
    ['1.2万', null, 1.2, ['unit_stripped']],
    ['1.2万元', '元', 1.2, ['unit_stripped']],
    ['25000元', null, 2.5, ['unit_stripped', 'converted_yuan_to_10k']],
    ['25,000元', '万元', 2.5, ['thousands_separator', 'unit_stripped', 'converted_yuan_to_10k']],
    ['3千元', null, 0.3, ['unit_stripped', 'converted_yuan_to_10k']],
    ['25000', '元', 2.5, ['converted_yuan_to_10k']],
    ['25000', '千元', 2500, ['converted_yuan_to_10k']],
    ['2.5', '万元', 2.5, []],
    ['2.5', null, 2.5, []],
    ['0.1', null, 0.1, []],
    ['1234.5678', null, 1234.5678, []],
    ['12345', '元', 1.2345, ['converted_yuan_to_10k']],
    ['1', '元', 0.0001, ['converted_yuan_to_10k']],
    ['0.5', '元', 0.00005, ['converted_yuan_to_10k']],
    ['20余万元', null, 20, ['approx', 'unit_stripped']],
    ['约3万元', null, 3, ['approx', 'unit_stripped']],
    ['¥1,000', '元', 0.1, ['thousands_separator', 'converted_yuan_to_10k']],
    ['￥1000元', null, 0.1, ['fullwidth_normalised', 'unit_stripped', 'converted_yuan_to_10k']],
    ['１．５万元', null, 1.5, ['fullwidth_normalised', 'unit_stripped']],
    ['两万元', null, 2, ['unit_stripped', 'converted_yuan_to_10k']],
    ['无', null, 0, ['none_as_zero']],
    ['0', '元', 0, ['converted_yuan_to_10k']],
  ])('%j (header %j) → %d 万元', (raw, headerUnit, value, notes) => {
    const r = parseMoney(raw, { headerUnit });
    expect(r.kind).toBe('value');
    if (r.kind === 'value') {
      expect(r.value).toBe(value);
      expect([...r.notes].sort()).toEqual([...notes].sort());
    }
  });

  it.each(['', '/', '—', '#DIV/0!'])('%j → null', (raw) =>
    expect(parseMoney(raw, { headerUnit: '元' })).toEqual({ kind: 'null' }),
  );

  it.each<[string, string]>([
    ['-1.2', 'cells.number.negative'],
    ['3处', 'cells.money.wrong_unit'],
    ['1e4', 'cells.number.scientific'],
    ['NaN', 'cells.number.not_finite'],
    ['5.', 'cells.money.invalid'],
    ['abc', 'cells.money.invalid'],
    ['1.2.3', 'cells.money.invalid'],
  ])('%j → %s', (raw, code) => {
    expect(parseMoney(raw, { headerUnit: null })).toMatchObject({ kind: 'error', code });
  });

  it('has no float drift: ten 0.1 万元 cells sum to exactly 1 after rounding each', () => {
    const cells = Array.from({ length: 10 }, () => parseMoney('1000', { headerUnit: '元' }));
    const values = cells.map((c) => (c.kind === 'value' ? c.value : NaN));
    expect(values.every((v) => v === 0.1)).toBe(true);
  });

  it('reads back yuan amounts with at most 2 decimals to within 6 decimals of 万元', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), (cents) => {
        const text = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
        const r = parseMoney(text, { headerUnit: '元' });
        expect(r.kind).toBe('value');
        if (r.kind === 'value') expect(Math.abs(r.value - cents / 1_000_000)).toBeLessThan(1e-6);
      }),
    );
  });
});

describe('parseRate', () => {
  it.each<[string, number]>([
    ['85%', 0.85],
    ['８５％', 0.85],
    ['0.85', 0.85],
    ['85', 0.85],
    ['97.3%', 0.973],
    ['97.3', 0.973],
    ['0.973', 0.973],
    ['100%', 1],
    ['100', 1],
    ['1', 1],
    ['0', 0],
    ['0%', 0],
    ['120%', 1.2],
    ['约90%', 0.9],
  ])('%j → %d', (raw, value) => {
    expect(parseRate(raw)).toMatchObject({ kind: 'value', value });
  });

  it.each(['', '/', '—', '#DIV/0!', '无'])('%j → null', (raw) =>
    expect(parseRate(raw)).toEqual({ kind: 'null' }),
  );

  it.each<[string, string]>([
    ['-5%', 'cells.number.negative'],
    ['85处', 'cells.rate.invalid'],
    ['八十五', 'cells.rate.invalid'],
    ['1,000%', 'cells.rate.invalid'],
    ['1e2%', 'cells.number.scientific'],
    ['Infinity', 'cells.number.not_finite'],
  ])('%j → %s', (raw, code) => {
    expect(parseRate(raw)).toMatchObject({ kind: 'error', code });
  });

  it('reads every whole percentage 0..200 the same written as 85% and 85', () => {
    for (let p = 2; p <= 200; p++) {
      const a = parseRate(`${p}%`);
      const b = parseRate(String(p));
      expect(a).toMatchObject({ kind: 'value', value: p / 100 });
      expect(b).toMatchObject({ kind: 'value', value: p / 100 });
    }
  });
});
