/**
 * The month grammar (docs/input-rules.md D1–D7): every way a clerk or Excel writes a
 * reporting month, to `YYYY-MM` plus the scope (`month` or year-to-date `ytd`). Explicit regexes
 * only, anchored, on input capped at 64 characters; never `Date`.
 */
import { isIsoDate, makePeriod, periodIndex } from '../../domain/month';
import { cellError, cellValue, quoteValue, type CellNote, type CellResult } from './cell-result';
import {
  RANGE_SRC,
  SMALL_SRC,
  YEAR_SRC,
  checkToday,
  readDigits,
  readEnglishMonth,
  readSmall,
  readYear,
} from './date-parts';
import { excelSerialToDate } from './excel-serial';
import { isFinal, prepareCell } from './prepare-cell';

/** Longest month cell accepted. */
export const MAX_MONTH_CHARS = 64;

/** A parsed reporting month: `period` is `YYYY-MM`; `ytd` means January up to that month. */
export interface ParsedMonth {
  readonly period: string;
  readonly scope: 'month' | 'ytd';
}

const CN_MONTH = new RegExp(`^${YEAR_SRC}年${SMALL_SRC}月份?$`);
const CN_RANGE = new RegExp(`^${YEAR_SRC}年${SMALL_SRC}月?${RANGE_SRC}${SMALL_SRC}月份?(?:累计)?$`);
const CN_DATE = new RegExp(`^${YEAR_SRC}年${SMALL_SRC}月${SMALL_SRC}[日号]?$`);
const CN_NO_YEAR = new RegExp(`^(?:${SMALL_SRC}月?${RANGE_SRC})?${SMALL_SRC}月份?(?:累计)?$`);
const NOT_MONTHLY = /季度|第[一二三四1-4]季|[一二三四1-4]季|半年|全年|年度|上旬|中旬|下旬/;
const RELATIVE = /^(?:本月|当月|上月|上个月|下月)$/;
const ISO_MONTH = /^(\d{4})[-/](\d{1,2})$/;
const DOT_MONTH = /^(\d{4})\.(\d{1,2})$/;
const ISO_DATE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?)?$/;
const DIGITS6 = /^(\d{4})(\d{2})$/;
const DIGITS8 = /^(\d{4})(\d{2})(\d{2})$/;
// Five digits: serials 10000–99999 are the years 1927–2173; shorter numbers are not months.
const SERIAL = /^(\d{5})(?:\.\d{1,12})?$/;
const SHORT_INT = /^\d{1,2}$/;
const YEAR_ONLY = /^(\d{4})年?$/;
const EN_MY = /^([a-z]{3,9})\.?[-/ ,']{0,2}(\d{2}|\d{4})$/i;
const EN_YM = /^(\d{2}|\d{4})[-/ ]([a-z]{3,9})\.?$/i;
const EN_DMY = /^(\d{1,2})[-/ ]([a-z]{3,9})\.?[-/ ,]{1,2}(\d{2}|\d{4})$/i;

/** Year/month/day as read, before range checks. */
interface Read {
  readonly y: number;
  readonly m: number;
  readonly d: number | null;
  readonly scope: 'month' | 'ytd';
  readonly notes: readonly CellNote[];
}

type Failure = {
  kind: 'error';
  code: Parameters<typeof cellError>[0];
  params: Readonly<Record<string, string | number>>;
};

/** Reads the structure of a prepared month cell; range checks happen in {@link parseMonth}. */
function readMonth(text: string, value: string): Read | Failure {
  const spaced = text.replace(/\s+/g, ' ');
  const compact = text.replace(/\s+/g, '');
  const fail = (code: Parameters<typeof cellError>[0], extra: Record<string, string | number> = {}) =>
    cellError(code, { value, ...extra });
  const ym = (y: number | null, m: number | null, d: number | null = null, notes: CellNote[] = []) =>
    y === null || m === null ? fail('cells.month.invalid') : { y, m, d, scope: 'month' as const, notes };

  // Pure digits: yyyymm, yyyymmdd, Excel serial, a bare month or a bare year.
  let m = DIGITS6.exec(compact);
  if (m) return ym(readDigits(m[1] ?? ''), readDigits(m[2] ?? ''));
  m = DIGITS8.exec(compact);
  if (m) return ym(readDigits(m[1] ?? ''), readDigits(m[2] ?? ''), readDigits(m[3] ?? ''), ['date_as_month']);
  if (SHORT_INT.test(compact)) {
    const n = readDigits(compact);
    return n >= 1 && n <= 12 ? fail('cells.month.no_year') : fail('cells.month.invalid');
  }
  m = YEAR_ONLY.exec(compact);
  if (m) return cellError('cells.month.year_only', { value: m[1] ?? value });
  m = SERIAL.exec(compact);
  if (m) {
    const date = excelSerialToDate(readDigits(m[1] ?? ''));
    if (date === null) return fail('cells.excel_serial_1900');
    return ym(readDigits(date.slice(0, 4)), readDigits(date.slice(5, 7)), null, ['excel_serial']);
  }

  // Numeric separators.
  m = DOT_MONTH.exec(compact);
  if (m) {
    // Excel stores 2022.10 typed into a General cell as the number 2022.1 (docs/input-rules.md D1).
    if (m[2] === '1') return cellError('cells.month.ambiguous_dot', { value, year: m[1] ?? '' });
    return ym(readDigits(m[1] ?? ''), readDigits(m[2] ?? ''));
  }
  m = ISO_MONTH.exec(compact);
  if (m) return ym(readDigits(m[1] ?? ''), readDigits(m[2] ?? ''));
  m = ISO_DATE.exec(spaced);
  if (m) return ym(readDigits(m[1] ?? ''), readDigits(m[2] ?? ''), readDigits(m[3] ?? ''), ['date_as_month']);

  // Chinese forms.
  if (NOT_MONTHLY.test(compact)) return fail('cells.month.not_monthly');
  if (RELATIVE.test(compact)) return fail('cells.month.no_year');
  m = CN_MONTH.exec(compact);
  if (m) return ym(readYear(m[1] ?? ''), readSmall(m[2] ?? ''));
  m = CN_RANGE.exec(compact);
  if (m) {
    const y = readYear(m[1] ?? '');
    const from = readSmall(m[2] ?? '');
    const to = readSmall(m[3] ?? '');
    if (y === null || from === null || to === null || to < from) return fail('cells.month.invalid');
    if (from === to) return ym(y, to);
    if (from !== 1) return fail('cells.month.multi_month');
    return { y, m: to, d: null, scope: 'ytd', notes: [] };
  }
  m = CN_DATE.exec(compact);
  if (m) return ym(readYear(m[1] ?? ''), readSmall(m[2] ?? ''), readSmall(m[3] ?? ''), ['date_as_month']);
  if (CN_NO_YEAR.test(compact)) return fail('cells.month.no_year');

  // English forms (Excel's mmm-yy display and written-out months).
  m = EN_MY.exec(spaced);
  if (m) return ym(readYear(m[2] ?? ''), readEnglishMonth(m[1] ?? ''));
  m = EN_YM.exec(spaced);
  if (m) return ym(readYear(m[1] ?? ''), readEnglishMonth(m[2] ?? ''));
  m = EN_DMY.exec(spaced);
  if (m) {
    return ym(readYear(m[3] ?? ''), readEnglishMonth(m[2] ?? ''), readDigits(m[1] ?? ''), ['date_as_month']);
  }
  return fail('cells.month.invalid');
}

/**
 * Parses a reporting month. Accepts `2022-04`, `2022/4`, `2022.4`, `2022年4月(份)`, `202204`,
 * `22年4月`, `二〇二二年四月`, `Apr-22`, `22-Apr`, `April 2022`; full dates (`2022-04-30`,
 * `2022/4/30`, `2022年4月30日`, `20220430`) with the note `date_as_month`; Excel serials (`44652`)
 * with `excel_serial`; year-to-date ranges `2022年1-4月` / `1—4月` / `1至4月` → scope `ytd`.
 * Blank and `/`-style markers → null. Errors: `2022.1` (ambiguous: Excel turns 2022.10 into it),
 * no year (`4月`), year only, quarters/half-years, ranges not starting in January, month 0 or 13,
 * impossible dates, serials ≤ 60, before 2000-01, after the month of `opts.today`.
 * @example parseMonth('2022年1-4月', { today: '2022-05-10' }) // value { period: '2022-04', scope: 'ytd' }
 */
export function parseMonth(raw: string, opts: { today: string }): CellResult<ParsedMonth> {
  const today = checkToday(opts.today);
  const prepared = prepareCell(raw, MAX_MONTH_CHARS);
  if (isFinal(prepared)) return prepared;
  const value = quoteValue(raw);
  const r = readMonth(prepared.text, value);
  if ('kind' in r) return r;
  if (r.m < 1 || r.m > 12) return cellError('cells.month.impossible', { value, month: r.m });
  const period = makePeriod(r.y, r.m);
  if (r.d !== null && !isIsoDate(`${period}-${String(r.d).padStart(2, '0')}`)) {
    return cellError('cells.month.impossible_date', { value });
  }
  if (r.y < 2000) return cellError('cells.month.too_early', { value });
  if (periodIndex(period) > periodIndex(today.slice(0, 7))) {
    return cellError('cells.month.future', { value, today });
  }
  return cellValue({ period, scope: r.scope }, [...prepared.notes, ...r.notes]);
}
