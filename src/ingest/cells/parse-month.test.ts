import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makePeriod, periodFromIndex, periodIndex } from '../../domain/month';
import type { CellNote } from './cell-result';
import { parseMonth } from './parse-month';

const TODAY = { today: '2022-05-10' };

describe('parseMonth: accepted forms (D1–D3)', () => {
  it.each<[string, string, 'month' | 'ytd', readonly CellNote[]]>([
    ['2022-04', '2022-04', 'month', []],
    ['2022/04', '2022-04', 'month', []],
    ['2022/4', '2022-04', 'month', []],
    ['2022-4', '2022-04', 'month', []],
    ['2022.4', '2022-04', 'month', []],
    ['2022.04', '2022-04', 'month', []],
    ['2021.10', '2021-10', 'month', []],
    ['2021.01', '2021-01', 'month', []],
    ['2022年4月', '2022-04', 'month', []],
    ['2022年04月', '2022-04', 'month', []],
    ['2022年4月份', '2022-04', 'month', []],
    ['2022 年 4 月', '2022-04', 'month', []],
    ['２０２２年４月', '2022-04', 'month', ['fullwidth_normalised']],
    ['202204', '2022-04', 'month', []],
    ['22年4月', '2022-04', 'month', []],
    ['二〇二二年四月', '2022-04', 'month', []],
    ['二零二二年四月份', '2022-04', 'month', []],
    ['二○二一年十二月', '2021-12', 'month', []],
    ['二O二一年十一月', '2021-11', 'month', []],
    ['Apr-22', '2022-04', 'month', []],
    ['22-Apr', '2022-04', 'month', []],
    ['April 2022', '2022-04', 'month', []],
    ['apr 2022', '2022-04', 'month', []],
    ['Sept. 2021', '2021-09', 'month', []],
    ['2022-04-30', '2022-04', 'month', ['date_as_month']],
    ['2022/4/30', '2022-04', 'month', ['date_as_month']],
    ['2022/4/1 0:00', '2022-04', 'month', ['date_as_month']],
    ['2022-04-01 00:00:00', '2022-04', 'month', ['date_as_month']],
    ['2022年4月30日', '2022-04', 'month', ['date_as_month']],
    ['20220430', '2022-04', 'month', ['date_as_month']],
    ['30-Apr-2022', '2022-04', 'month', ['date_as_month']],
    ['44652', '2022-04', 'month', ['excel_serial']],
    ['44681', '2022-04', 'month', ['excel_serial']],
    ['44682', '2022-05', 'month', ['excel_serial']],
    ['44652.5', '2022-04', 'month', ['excel_serial']],
    ['2022年1-4月', '2022-04', 'ytd', []],
    ['2022年1—4月', '2022-04', 'ytd', []],
    ['2022年1——4月', '2022-04', 'ytd', []],
    ['2022年1～4月', '2022-04', 'ytd', ['fullwidth_normalised']],
    ['2022年1至4月', '2022-04', 'ytd', []],
    ['2022年1月-4月', '2022-04', 'ytd', []],
    ['2022年1-4月份', '2022-04', 'ytd', []],
    ['2022年1-4月累计', '2022-04', 'ytd', []],
    ['二〇二二年一至四月', '2022-04', 'ytd', []],
    ['="2022-04"', '2022-04', 'month', ['excel_text_idiom']],
    ["'2022-04", '2022-04', 'month', ['excel_text_idiom']],
    ['2000-01', '2000-01', 'month', []],
    ['2022-05', '2022-05', 'month', []],
  ])('%j → %s (%s)', (raw, period, scope, notes) => {
    const r = parseMonth(raw, TODAY);
    expect(r).toEqual({ kind: 'value', value: { period, scope }, notes });
  });

  it.each(['', '  ', '/', '—', '-', '#N/A'])('%j → null', (raw) => {
    expect(parseMonth(raw, TODAY)).toEqual({ kind: 'null' });
  });
});

describe('parseMonth: rejected (D4–D7, F9)', () => {
  it.each<[string, string, Record<string, string | number>?]>([
    ['2022.1', 'cells.month.ambiguous_dot', { value: '2022.1', year: '2022' }],
    ['4月', 'cells.month.no_year', { value: '4月' }],
    ['4月份', 'cells.month.no_year'],
    ['四月份', 'cells.month.no_year'],
    ['1-4月', 'cells.month.no_year'],
    ['4', 'cells.month.no_year'],
    ['本月', 'cells.month.no_year'],
    ['2022', 'cells.month.year_only', { value: '2022' }],
    ['2022年', 'cells.month.year_only', { value: '2022' }],
    ['一季度', 'cells.month.not_monthly'],
    ['第一季度', 'cells.month.not_monthly'],
    ['2022年第二季度', 'cells.month.not_monthly'],
    ['2022年上半年', 'cells.month.not_monthly'],
    ['2022年度', 'cells.month.not_monthly'],
    ['2022年4-5月', 'cells.month.multi_month', { value: '2022年4-5月' }],
    ['2022年2至4月', 'cells.month.multi_month'],
    ['2022年4-1月', 'cells.month.invalid'],
    ['2022年13月', 'cells.month.impossible', { value: '2022年13月', month: 13 }],
    ['2022-00', 'cells.month.impossible', { value: '2022-00', month: 0 }],
    ['202213', 'cells.month.impossible'],
    ['2022-02-30', 'cells.month.impossible_date'],
    ['2022年2月30日', 'cells.month.impossible_date'],
    ['1999-12', 'cells.month.too_early', { value: '1999-12' }],
    ['99年12月', 'cells.month.future'],
    ['2022-06', 'cells.month.future', { value: '2022-06', today: '2022-05-10' }],
    ['2030-04', 'cells.month.future'],
    ['2202-04', 'cells.month.future'],
    ['二〇二二年十二月', 'cells.month.future'],
    ['44713', 'cells.month.future'],
    ['30', 'cells.month.invalid'],
    ['123', 'cells.month.invalid'],
    ['Foo-22', 'cells.month.invalid'],
    ['2022-04-31x', 'cells.month.invalid'],
    ['abc', 'cells.month.invalid'],
    ['2022年4月\u202E', 'cells.control_chars'],
    [`2022年${'0'.repeat(50_000)}`, 'cells.too_long'],
    [`${'1'.repeat(100_000)}x`, 'cells.too_long'],
  ])('%j → %s', (raw, code, params) => {
    const r = parseMonth(raw, TODAY);
    expect(r).toMatchObject({ kind: 'error', code });
    if (params && r.kind === 'error') expect(r.params).toEqual(params);
  });

  it('throws on a malformed today (a programmer error, not bad data)', () => {
    expect(() => parseMonth('2022-04', { today: '2022-13-01' })).toThrow(/today/);
  });

  it('never reads the clock: the same input gives the same answer for the same today', () => {
    expect(parseMonth('2022-05', { today: '2022-05-01' }).kind).toBe('value');
    expect(parseMonth('2022-05', { today: '2022-04-30' }).kind).toBe('error');
  });
});

describe('parseMonth: properties', () => {
  const CN = '〇一二三四五六七八九';
  const cnYear = (y: number) => [...String(y)].map((d) => CN[d.charCodeAt(0) - 48]).join('');
  const cnMonth = (m: number) => (m <= 10 ? (m === 10 ? '十' : CN[m]) : `十${CN[m - 10]}`);
  const formats: [string, (y: number, m: number) => string][] = [
    ['YYYY-MM', (y, m) => makePeriod(y, m)],
    ['YYYY/M', (y, m) => `${y}/${m}`],
    ['YYYY年M月', (y, m) => `${y}年${m}月`],
    ['YYYYMM', (y, m) => makePeriod(y, m).replace('-', '')],
    ['Chinese numerals', (y, m) => `${cnYear(y)}年${cnMonth(m)}月份`],
    [
      'Mon-YY',
      (y, m) =>
        `${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1]}-${String(y).slice(2)}`,
    ],
  ];

  it.each(formats)('every period 2000-01…2030-12 written as %s parses back', (_name, write) => {
    const today = { today: '2030-12-31' };
    for (let i = periodIndex('2000-01'); i <= periodIndex('2030-12'); i++) {
      const p = periodFromIndex(i);
      const y = Number(p.slice(0, 4));
      const m = Number(p.slice(5));
      const r = parseMonth(write(y, m), today);
      expect(r.kind === 'value' && r.value, write(y, m)).toEqual({ period: p, scope: 'month' });
    }
  });

  it('every year-to-date range 1-N月 parses to month N with scope ytd', () => {
    for (let n = 2; n <= 12; n++) {
      expect(parseMonth(`2021年1-${n}月`, TODAY)).toMatchObject({
        kind: 'value',
        value: { period: makePeriod(2021, n), scope: 'ytd' },
      });
    }
  });

  it('Excel serials agree with the date they encode, for every day of 2020–2022', () => {
    // 43831 is 2020-01-01 in the 1900 date system.
    let serial = 43831;
    for (let y = 2020; y <= 2022; y++) {
      for (let m = 1; m <= 12; m++) {
        const days = new Date(Date.UTC(y, m, 0)).getUTCDate(); // test-only oracle, UTC so no TZ shift
        for (let d = 1; d <= days; d++, serial++) {
          expect(parseMonth(String(serial), { today: '2030-01-01' })).toMatchObject({
            value: { period: makePeriod(y, m) },
          });
        }
      }
    }
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (s) => {
        const r = parseMonth(s, TODAY);
        if (r.kind === 'value') expect(r.value.period).toMatch(/^20\d\d-(0[1-9]|1[0-2])$/);
      }),
    );
  });
});
