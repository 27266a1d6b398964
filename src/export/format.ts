/**
 * Number wording of the bulletin, in the register of official documents: rates to one decimal
 * computed from sums (docs/domain.md#pooled-rates), counts without grouping. Months and dates are worded by
 * the i18n layer (src/i18n/format.ts).
 */

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
