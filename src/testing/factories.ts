/**
 * Test data generators: the one place tests build domain records (in the manner of
 * bulletproof-react's `testing/data-generators`). Imported by tests only, never by shipped code.
 * Defaults look like a sparse clerk's row: every figure null ("not reported", never 0), a monthly
 * report with no date, sectors or text; tests state what they rely on through the arguments.
 */
import type { Period } from '../domain/month';
import { NUMERIC_FIELDS, type NumericField, type TownshipMonthRecord } from '../domain/records';

/** Figures of a township-month record; a field left out is null. */
export type NumericValues = Partial<Record<NumericField, number | null>>;

/** Every numeric field set to one value (null: nothing reported). */
export const allNumeric = (value: number | null): Record<NumericField, number | null> =>
  Object.fromEntries(NUMERIC_FIELDS.map((f) => [f, value])) as Record<NumericField, number | null>;

/**
 * A township-month record for `township` and `period` with the given figures (others null) and
 * any other field overridden by `over` (applied last, so it may also replace figures).
 */
export function townshipMonthRecord(
  township: string,
  period: Period,
  values: NumericValues = {},
  over: Partial<TownshipMonthRecord> = {},
): TownshipMonthRecord {
  return {
    ...allNumeric(null),
    ...values,
    township,
    period,
    period_scope: 'month',
    report_date: null,
    focus_sectors: null,
    problems_text: null,
    next_steps_text: null,
    remarks: null,
    approx: [],
    flags: [],
    source: { file: '月报.csv', line: 2 },
    ...over,
  };
}
