/**
 * Year-to-date rows → monthly values. Some townships report "1-N月累计" (period_scope 'ytd');
 * the dashboard charts monthly flows, so those rows are differenced within the calendar year
 * (docs/domain.md#month-vs-year-to-date-scope).
 */
import { makePeriod, periodMonth, periodYear, type Period } from '../domain/month';
import { NUMERIC_FIELDS, type NumericField, type TownshipMonthRecord } from '../domain/records';

/** Numeric values of one township-month, keyed by field (keys are code, not data). */
export type FieldValues = { readonly [K in NumericField]: number | null };

/** A monthly value set derived from year-to-date rows. */
export interface DerivedMonth {
  readonly township: string;
  readonly period: Period;
  readonly values: FieldValues;
  /** The ytd row of this month (its report_date and source belong to the derived month). */
  readonly record: TownshipMonthRecord;
}

/** Why a derived monthly value was left null. */
export interface YtdAnomaly {
  readonly kind: 'ytd_decrease';
  readonly township: string;
  readonly period: Period;
  readonly field: NumericField;
  /** The year-to-date total of the previous month and of this month. */
  readonly previous: number;
  readonly current: number;
}

/** Every field null: a month reported, but no value known. */
export const NULL_VALUES: FieldValues = Object.fromEntries(
  NUMERIC_FIELDS.map((f) => [f, null]),
) as FieldValues;

/** The numeric values of a record as a plain field map. */
export function valuesOf(r: TownshipMonthRecord): FieldValues {
  return Object.fromEntries(NUMERIC_FIELDS.map((f) => [f, r[f]])) as FieldValues;
}

// Money sums like 0.3 - 0.1 leave binary noise; values are in 万元 with at most 4 decimals.
const clean = (x: number): number => Math.round(x * 1e6) / 1e6;

/**
 * Derives monthly values from ytd rows whose township is already canonical. Per township and year:
 * January = its ytd value; month m = ytd(m) − ytd(m−1) when both are known; a field stays null when
 * either side is null or the previous month's ytd row is missing; a decrease gives null plus a
 * `ytd_decrease` anomaly (a correction or a scope change, never a negative flow). Month rows are
 * ignored here (they win over derived values in the cube). Empty input → empty output.
 */
export function deriveMonthlyFromYtd(rows: readonly TownshipMonthRecord[]): {
  months: DerivedMonth[];
  anomalies: YtdAnomaly[];
} {
  const byKey = new Map<string, TownshipMonthRecord>();
  for (const r of rows) if (r.period_scope === 'ytd') byKey.set(`${r.township}\u0000${r.period}`, r);
  const months: DerivedMonth[] = [];
  const anomalies: YtdAnomaly[] = [];
  for (const r of byKey.values()) {
    const m = periodMonth(r.period);
    if (m === 1) {
      months.push({ township: r.township, period: r.period, values: valuesOf(r), record: r });
      continue;
    }
    const prev = byKey.get(`${r.township}\u0000${makePeriod(periodYear(r.period), m - 1)}`);
    if (!prev) {
      months.push({ township: r.township, period: r.period, values: NULL_VALUES, record: r });
      continue;
    }
    const values: Partial<Record<NumericField, number | null>> = {};
    for (const f of NUMERIC_FIELDS) {
      const cur = r[f];
      const before = prev[f];
      if (cur === null || before === null) values[f] = null;
      else if (cur < before) {
        values[f] = null;
        anomalies.push({
          kind: 'ytd_decrease',
          township: r.township,
          period: r.period,
          field: f,
          previous: before,
          current: cur,
        });
      } else values[f] = clean(cur - before);
    }
    months.push({ township: r.township, period: r.period, values: values as FieldValues, record: r });
  }
  return { months, anomalies };
}
