/** Test fixtures shaped like real township-month records (shared by this feature's tests only). */
import { NUMERIC_FIELDS, type NumericField, type TownshipMonthRecord } from '../../domain/records';

const nulls = Object.fromEntries(NUMERIC_FIELDS.map((f) => [f, null])) as Record<NumericField, null>;

/** A record with every optional value "not reported" unless given. */
export function makeRecord(
  township: string,
  period: string,
  values: Partial<TownshipMonthRecord> = {},
): TownshipMonthRecord {
  return {
    ...nulls,
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
    source: { file: `${township}-${period}.csv`, line: 3 },
    ...values,
  };
}
