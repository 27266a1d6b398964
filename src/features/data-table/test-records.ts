/** Test fixtures shaped like real township-month records (shared by this feature's tests only). */
import type { TownshipMonthRecord } from '../../domain/records';
import { townshipMonthRecord } from '../../testing/factories';

/** A record with every optional value "not reported" unless given. */
export function makeRecord(
  township: string,
  period: string,
  values: Partial<TownshipMonthRecord> = {},
): TownshipMonthRecord {
  return townshipMonthRecord(
    township,
    period,
    {},
    { source: { file: `${township}-${period}.csv`, line: 3 }, ...values },
  );
}
