/**
 * The date grammar (docs/input-rules.md D27): found/rectified/deadline dates as clerks and Excel write
 * them, to `YYYY-MM-DD`. Anchored regexes on input capped at 64 characters; never `Date`.
 */
import { isIsoDate } from '../../domain/month';
import { cellError, cellValue, quoteValue, type CellNote, type CellResult } from './cell-result';
import { SMALL_SRC, YEAR_SRC, checkToday, readDigits, readSmall, readYear } from './date-parts';
import { excelSerialToDate } from './excel-serial';
import { isFinal, prepareCell } from './prepare-cell';

/** Longest date cell accepted. */
export const MAX_DATE_CHARS = 64;

const ISO_DATE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?)?$/;
const DIGITS8 = /^(\d{4})(\d{2})(\d{2})$/;
// A time fraction only on a five-digit serial, so `2022.4` is not read as serial 2022.
const SERIAL = /^(\d{1,5})$|^(\d{5})\.\d{1,12}$/;
const CN_DATE = new RegExp(`^${YEAR_SRC}年${SMALL_SRC}月${SMALL_SRC}[日号]?$`);
const CN_NO_YEAR = new RegExp(`^${SMALL_SRC}月${SMALL_SRC}[日号]?$`);
// `4-27` or `4/27`: Excel's own trap (it becomes a date in the current year); ask for the year.
const SHORT_NO_YEAR = /^\d{1,2}[-/.]\d{1,2}$/;

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * Parses a calendar date. Accepts `2022-04-27`, `2022/4/27`, `2022.4.27` (optionally followed by
 * a time, as Excel exports it), `2022年4月27日`/`号`, `20220427`, `二〇二二年四月二十七日`, Excel
 * serials (`44678`, note `excel_serial`) and `4月27日` when `opts.defaultYear` is given. Blank and
 * `/`-style markers → null. Errors: impossible dates (`2022-02-30`), no year, serials ≤ 60 (Excel
 * 1900 bug), before 2000-01-01, after `opts.today` (unless `opts.allowFuture`: a deadline is a plan).
 * @example parseDate('2022年4月27日', { today: '2022-05-10' }) // value '2022-04-27'
 */
export function parseDate(
  raw: string,
  opts: { today: string; defaultYear?: number; allowFuture?: boolean },
): CellResult<string> {
  const today = checkToday(opts.today);
  const prepared = prepareCell(raw, MAX_DATE_CHARS);
  if (isFinal(prepared)) return prepared;
  const value = quoteValue(raw);
  const spaced = prepared.text.replace(/\s+/g, ' ');
  const compact = prepared.text.replace(/\s+/g, '');
  const notes: CellNote[] = [...prepared.notes];
  let y: number | null = null;
  let mo: number | null = null;
  let d: number | null = null;

  let m = DIGITS8.exec(compact);
  if (m) {
    y = readDigits(m[1] ?? '');
    mo = readDigits(m[2] ?? '');
    d = readDigits(m[3] ?? '');
  } else if ((m = SERIAL.exec(compact))) {
    const date = excelSerialToDate(readDigits(m[1] ?? m[2] ?? ''));
    if (date === null) return cellError('cells.excel_serial_1900', { value });
    notes.push('excel_serial');
    y = readDigits(date.slice(0, 4));
    mo = readDigits(date.slice(5, 7));
    d = readDigits(date.slice(8, 10));
  } else if ((m = ISO_DATE.exec(spaced))) {
    y = readDigits(m[1] ?? '');
    mo = readDigits(m[2] ?? '');
    d = readDigits(m[3] ?? '');
  } else if ((m = CN_DATE.exec(compact))) {
    y = readYear(m[1] ?? '');
    mo = readSmall(m[2] ?? '');
    d = readSmall(m[3] ?? '');
  } else if ((m = CN_NO_YEAR.exec(compact))) {
    if (opts.defaultYear === undefined) return cellError('cells.date.no_year', { value });
    y = opts.defaultYear;
    mo = readSmall(m[1] ?? '');
    d = readSmall(m[2] ?? '');
  } else if (SHORT_NO_YEAR.test(compact)) {
    return cellError('cells.date.no_year', { value });
  } else {
    return cellError('cells.date.invalid', { value });
  }
  if (y === null || mo === null || d === null) return cellError('cells.date.invalid', { value });
  const iso = `${String(y).padStart(4, '0')}-${pad2(mo)}-${pad2(d)}`;
  if (mo > 99 || d > 99 || !isIsoDate(iso)) return cellError('cells.date.impossible', { value });
  if (y < 2000) return cellError('cells.date.too_early', { value });
  // ISO strings of equal length compare in calendar order.
  if (iso > today && !opts.allowFuture) return cellError('cells.date.future', { value, today });
  return cellValue(iso, notes);
}
