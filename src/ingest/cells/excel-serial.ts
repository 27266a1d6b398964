/**
 * Excel date serials (1900 date system) by integer arithmetic: no `Date`, so no time-zone shift
 * (docs/input-rules.md#why-no-date-and-no-number: a local-epoch `Date` in Asia/Shanghai lands on the wrong day).
 */
import { dateFromDayNumber, dayNumber } from '../../domain/month';

// Serial 1 is 1900-01-01 and Excel counts a fictitious 1900-02-29 as serial 60, so from serial 61
// on, day = 1899-12-30 + serial. Serials ≤ 60 are off by one or do not exist.
const EPOCH = dayNumber('1899-12-30');

/** Last serial in Excel's 1900 leap-year bug zone. */
export const LAST_UNRELIABLE_SERIAL = 60;

/**
 * Converts a whole Excel serial to `YYYY-MM-DD`; a fractional part (time of day) is dropped.
 * Returns null for serials ≤ 60 (1900 leap-year bug), non-finite or negative input.
 * @example excelSerialToDate(44652) === '2022-04-01'
 */
export function excelSerialToDate(serial: number): string | null {
  if (!Number.isFinite(serial) || serial <= LAST_UNRELIABLE_SERIAL) return null;
  return dateFromDayNumber(EPOCH + Math.floor(serial));
}
