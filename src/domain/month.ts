/**
 * Month arithmetic on `YYYY-MM` strings. Never uses `Date`: `new Date('2022-02-30')` rolls over
 * and local-time parsing shifts months (docs/input-rules.md#why-no-date-and-no-number). A period index is year*12 + month-1.
 */

/** A reporting month, always `YYYY-MM`. */
export type Period = string;

const PERIOD_RE = /^(\d{4})-(\d{2})$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a well-formed `YYYY-MM` with month 01–12. */
export function isPeriod(value: string): boolean {
  const m = PERIOD_RE.exec(value);
  if (!m) return false;
  const month = Number(m[2]);
  return month >= 1 && month <= 12;
}

/** Builds a period from a year and a 1-based month; no range check beyond formatting. */
export function makePeriod(year: number, month: number): Period {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** The year of a period. */
export const periodYear = (p: Period): number => Number(p.slice(0, 4));

/** The 1-based month of a period. */
export const periodMonth = (p: Period): number => Number(p.slice(5, 7));

/** Monotonic index of a period (year*12 + month-1), for differences and ordering. */
export const periodIndex = (p: Period): number => periodYear(p) * 12 + periodMonth(p) - 1;

/** Inverse of {@link periodIndex}. */
export function periodFromIndex(index: number): Period {
  return makePeriod(Math.floor(index / 12), (index % 12) + 1);
}

/** Adds `n` months (n may be negative). @example addMonths('2022-01', -1) === '2021-12' */
export const addMonths = (p: Period, n: number): Period => periodFromIndex(periodIndex(p) + n);

/** The previous month (for month-on-month). */
export const previousPeriod = (p: Period): Period => addMonths(p, -1);

/** The same month a year earlier (for year-on-year). */
export const sameMonthLastYear = (p: Period): Period => addMonths(p, -12);

/** Whole months from `a` to `b` (b − a). */
export const monthsBetween = (a: Period, b: Period): number => periodIndex(b) - periodIndex(a);

/** Every period from `from` to `to` inclusive, ascending; empty when `to` is before `from`. */
export function periodRange(from: Period, to: Period): Period[] {
  const out: Period[] = [];
  for (let i = periodIndex(from); i <= periodIndex(to); i++) out.push(periodFromIndex(i));
  return out;
}

/** Days in a month, Gregorian. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True for a real calendar date `YYYY-MM-DD` (rejects 2022-02-30). */
export function isIsoDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** The period a `YYYY-MM-DD` date falls in. */
export const periodOfDate = (date: string): Period => date.slice(0, 7);

/** Days since 1970-01-01 for a `YYYY-MM-DD` date, by integer arithmetic (no time zone involved). */
export function dayNumber(date: string): number {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  // Days-from-civil (H. Hinnant), exact for the proleptic Gregorian calendar.
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of {@link dayNumber}. */
export function dateFromDayNumber(days: number): string {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Last day of a period as `YYYY-MM-DD`. */
export function lastDayOfPeriod(p: Period): string {
  return `${p}-${String(daysInMonth(periodYear(p), periodMonth(p))).padStart(2, '0')}`;
}
