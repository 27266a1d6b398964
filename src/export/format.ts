/**
 * Number and date wording shared by the chart-image footer and the bulletin, in the register of
 * official documents: dates in Arabic numerals (GB/T 9704-2012, "2024年4月2日"), rates to one
 * decimal computed from sums (docs/domain.md#pooled-rates). Never uses `Date`.
 */
import type { Lang } from '../i18n/i18n';
import { isIsoDate, isPeriod, periodMonth, periodYear, type Period } from '../domain/month';

/**
 * `2024-04-02` → `2024年4月2日` (zh) or `2 Apr 2024` (en). Text that is not a valid date is returned
 * unchanged so a bad value stays visible instead of turning into a plausible wrong date.
 */
export function formatDate(lang: Lang, iso: string): string {
  if (!isIsoDate(iso)) return iso;
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  return lang === 'en' ? `${d} ${MONTHS_EN[m - 1] ?? ''} ${y}` : `${y}年${m}月${d}日`;
}

/** `2024-04-02` → `4月2日` (zh) or `2 Apr` (en); invalid text unchanged. */
export function formatMonthDay(lang: Lang, iso: string): string {
  if (!isIsoDate(iso)) return iso;
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  return lang === 'en' ? `${d} ${MONTHS_EN[m - 1] ?? ''}` : `${m}月${d}日`;
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2024-03` → `2024年3月` (zh) or `Mar 2024` (en); invalid text unchanged. */
export function formatPeriod(lang: Lang, p: Period): string {
  if (!isPeriod(p)) return p;
  return lang === 'en'
    ? `${MONTHS_EN[periodMonth(p) - 1] ?? ''} ${periodYear(p)}`
    : `${periodYear(p)}年${periodMonth(p)}月`;
}

/**
 * A ratio as a percentage with one decimal, rounded half away from zero on the decimal digits
 * (0.9444 → `94.4`, 0.99951 → `100.0`); no `%` sign. Avoids `toFixed` binary-rounding surprises
 * such as (1.005).toFixed(2) by rounding an integer of tenths.
 */
export function percentText(ratio: number): string {
  const tenths = Math.round(Math.abs(ratio) * 1000 + 1e-9) * Math.sign(ratio);
  const sign = tenths < 0 ? '-' : '';
  const a = Math.abs(tenths);
  return `${sign}${Math.floor(a / 10)}.${a % 10}`;
}

/** A count as plain digits (no grouping: official documents write 1600, not 1,600). */
export const countText = (n: number): string => (Object.is(n, -0) ? '0' : String(n));
