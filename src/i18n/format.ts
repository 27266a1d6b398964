/**
 * Numbers, months and dates in the UI language: the one place a `Lang` becomes an Intl locale, so
 * every figure, period and date follows the language switch (no component hard-codes `zh-CN`).
 * Pure: periods and dates are `YYYY-MM` / `YYYY-MM-DD` text (domain/month.ts), parsed without
 * `Date`; only {@link formatTimestamp} reads a stored ISO instant, for display.
 */
import { isIsoDate, isPeriod, periodMonth, periodYear, type Period } from '../domain/month';
import type { Lang } from './i18n';

/** The Intl locale of a UI language (en-GB: day-first dates, the same digits as en-US). */
export const intlLocale = (lang: Lang): string => (lang === 'en' ? 'en-GB' : 'zh-CN');

// One Intl.NumberFormat per language, style and precision: `n.toLocaleString(locale, options)`
// builds a new formatter on every call, and the landing view formats a few thousand figures
// before its first chart and chart summaries format hundreds on every filter change (issue 13).
// Output is the same: toLocaleString is specified
// as `new Intl.NumberFormat(locales, options).format(n)`.
const NUMBER_FORMATS = new Map<string, Intl.NumberFormat>();
function numberFormat(
  lang: Lang,
  style: 'decimal' | 'percent',
  maximumFractionDigits: number,
): Intl.NumberFormat {
  const key = `${lang}|${style}|${maximumFractionDigits}`;
  let f = NUMBER_FORMATS.get(key);
  if (!f) {
    f = new Intl.NumberFormat(intlLocale(lang), { style, maximumFractionDigits });
    NUMBER_FORMATS.set(key, f);
  }
  return f;
}

/** A number with grouping, e.g. 1,234.5; at most `maximumFractionDigits` decimals (Intl's default 3). */
export const formatNumber = (lang: Lang, n: number, maximumFractionDigits = 3): string =>
  numberFormat(lang, 'decimal', maximumFractionDigits).format(n);

/** A ratio as a percentage, e.g. 0.123 → 12.3%. */
export const formatPercent = (lang: Lang, ratio: number, maximumFractionDigits = 1): string =>
  numberFormat(lang, 'percent', maximumFractionDigits).format(ratio);

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * How a period reads in English: `numeric` (2024-03) where space is short (axes, tables, pickers),
 * `text` (Mar 2024) in prose such as the bulletin. Chinese is 2024年3月 in both.
 */
export type PeriodStyle = 'numeric' | 'text';

/** The one period formatter: `2024-03` → `2024年3月` / `2024-03` / `Mar 2024`; invalid text unchanged. */
export function formatPeriod(lang: Lang, p: Period, style: PeriodStyle = 'numeric'): string {
  if (!isPeriod(p)) return p;
  const y = periodYear(p);
  const m = periodMonth(p);
  if (lang !== 'en') return `${y}年${m}月`;
  return style === 'text' ? `${MONTHS_EN[m - 1] ?? ''} ${y}` : p;
}

/**
 * `2024-04-02` → `2024年4月2日` (zh, Arabic numerals as GB/T 9704-2012 writes dates) or `2 Apr 2024`
 * (en). Text that is not a valid date is returned unchanged so a bad value stays visible instead
 * of turning into a plausible wrong date.
 */
export function formatDate(lang: Lang, iso: string): string {
  if (!isIsoDate(iso)) return iso;
  const [y, m, d] = [Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))];
  return lang === 'en' ? `${d} ${MONTHS_EN[m - 1] ?? ''} ${y}` : `${y}年${m}月${d}日`;
}

/** `2024-04-02` → `4月2日` (zh) or `2 Apr` (en); invalid text unchanged. */
export function formatMonthDay(lang: Lang, iso: string): string {
  if (!isIsoDate(iso)) return iso;
  const [m, d] = [Number(iso.slice(5, 7)), Number(iso.slice(8, 10))];
  return lang === 'en' ? `${d} ${MONTHS_EN[m - 1] ?? ''}` : `${m}月${d}日`;
}

/** An ISO timestamp as local date and time, e.g. 2022/5/1 16:00. Invalid input is shown as-is. */
export function formatTimestamp(lang: Lang, iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(lang), { dateStyle: 'short', timeStyle: 'short' }).format(d);
}

/** A byte count for people: 512 B, 1.5 KB, 20 MB (one decimal, none when it is .0). */
export function formatByteSize(n: number): string {
  const oneDecimal = (x: number) => String(Math.round(x * 10) / 10);
  if (n >= 1024 * 1024) return `${oneDecimal(n / (1024 * 1024))} MB`;
  if (n >= 1024) return `${oneDecimal(n / 1024)} KB`;
  return `${n} B`;
}
