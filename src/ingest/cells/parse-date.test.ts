import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateFromDayNumber, dayNumber } from '../../domain/month';
import type { CellNote } from './cell-result';
import { excelSerialToDate } from './excel-serial';
import { parseDate } from './parse-date';

const TODAY = { today: '2022-05-10' };

describe('parseDate: accepted forms', () => {
  it.each<[string, { today: string; defaultYear?: number }, string, readonly CellNote[]]>([
    ['2022-04-27', TODAY, '2022-04-27', []],
    ['2022/4/27', TODAY, '2022-04-27', []],
    ['2022.4.27', TODAY, '2022-04-27', []],
    ['2022-4-7', TODAY, '2022-04-07', []],
    ['2022/4/27 8:30', TODAY, '2022-04-27', []],
    ['2022-04-27T08:30:00', TODAY, '2022-04-27', []],
    ['2022年4月27日', TODAY, '2022-04-27', []],
    ['2022年4月27号', TODAY, '2022-04-27', []],
    ['2022 年 4 月 27 日', TODAY, '2022-04-27', []],
    ['22年4月27日', TODAY, '2022-04-27', []],
    ['20220427', TODAY, '2022-04-27', []],
    ['二〇二二年四月二十七日', TODAY, '2022-04-27', []],
    ['二〇二二年四月十日', TODAY, '2022-04-10', []],
    ['二〇二二年三月三十一日', TODAY, '2022-03-31', []],
    ['44678', TODAY, '2022-04-27', ['excel_serial']],
    ['44678.75', TODAY, '2022-04-27', ['excel_serial']],
    ['4月27日', { ...TODAY, defaultYear: 2022 }, '2022-04-27', []],
    ['四月二十七日', { ...TODAY, defaultYear: 2022 }, '2022-04-27', []],
    ['2020-02-29', TODAY, '2020-02-29', []],
    ['2022-05-10', TODAY, '2022-05-10', []],
    ['２０２２－０４－２７', TODAY, '2022-04-27', ['fullwidth_normalised']],
    ['="2022-04-27"', TODAY, '2022-04-27', ['excel_text_idiom']],
  ])('%j → %s', (raw, opts, value, notes) => {
    expect(parseDate(raw, opts)).toEqual({ kind: 'value', value, notes });
  });

  it.each(['', '/', '—', '#VALUE!'])('%j → null', (raw) =>
    expect(parseDate(raw, TODAY)).toEqual({ kind: 'null' }),
  );
});

describe('parseDate: rejected', () => {
  it.each<[string, { today: string; defaultYear?: number }, string]>([
    ['2022-02-30', TODAY, 'cells.date.impossible'],
    ['2021-02-29', TODAY, 'cells.date.impossible'],
    ['2022-04-31', TODAY, 'cells.date.impossible'],
    ['2022-13-01', TODAY, 'cells.date.impossible'],
    ['2022年4月三十一日', TODAY, 'cells.date.impossible'],
    ['20221301', TODAY, 'cells.date.impossible'],
    ['4月27日', TODAY, 'cells.date.no_year'],
    ['4-27', TODAY, 'cells.date.no_year'],
    ['4-27', { ...TODAY, defaultYear: 2022 }, 'cells.date.no_year'],
    ['2022-05-11', TODAY, 'cells.date.future'],
    ['4月27日', { ...TODAY, defaultYear: 2023 }, 'cells.date.future'],
    ['1999-12-31', TODAY, 'cells.date.too_early'],
    ['45', TODAY, 'cells.excel_serial_1900'],
    ['60', TODAY, 'cells.excel_serial_1900'],
    ['1000', TODAY, 'cells.date.too_early'],
    ['2022.4', TODAY, 'cells.date.invalid'],
    ['abc', TODAY, 'cells.date.invalid'],
    ['2022-04', TODAY, 'cells.date.invalid'],
    ['2022-04-27\u0000', TODAY, 'cells.control_chars'],
    [`${'1'.repeat(100_000)}x`, TODAY, 'cells.too_long'],
  ])('%j → %s', (raw, opts, code) => {
    expect(parseDate(raw, opts)).toMatchObject({ kind: 'error', code });
  });
});

describe('Excel serials (1900 system, integer arithmetic)', () => {
  it.each<[number, string | null]>([
    [44652, '2022-04-01'],
    [44678, '2022-04-27'],
    [61, '1900-03-01'],
    [36526, '2000-01-01'],
    [60, null],
    [1, null],
    [0, null],
    [-5, null],
    [Number.NaN, null],
  ])('%d → %s', (serial, date) => expect(excelSerialToDate(serial)).toBe(date));

  it('every serial from 2000 to 2040 is one day after the previous one (no TZ drift)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 36526, max: 51000 }), (s) => {
        const a = excelSerialToDate(s);
        const b = excelSerialToDate(s + 1);
        expect(a && b && dayNumber(b) - dayNumber(a)).toBe(1);
      }),
    );
  });

  it('any real date 2000…today parses back from ISO, slash, Chinese and yyyymmdd forms', () => {
    const lo = dayNumber('2000-01-01');
    const hi = dayNumber('2022-05-10');
    fc.assert(
      fc.property(fc.integer({ min: lo, max: hi }), (n) => {
        const iso = dateFromDayNumber(n);
        const [y, m, d] = [iso.slice(0, 4), Number(iso.slice(5, 7)), Number(iso.slice(8))];
        for (const text of [iso, `${y}/${m}/${d}`, `${y}年${m}月${d}日`, iso.replace(/-/g, '')]) {
          expect(parseDate(text, TODAY)).toMatchObject({ kind: 'value', value: iso });
        }
      }),
    );
  });
});
