/**
 * The one record → cell rule: the value a township-month record holds for a canonical field name,
 * as the data table shows it and the CSV/XLSX export writes it. `null` stays null (not reported,
 * never 0); numbers stay numbers; sectors become names joined by a separator. Callers add only
 * their own presentation (the table's badge and `*`, the export's `约` prefix).
 */
import type { NumericField, TownshipMonthRecord } from './records';
import { sectorByCode } from './sectors';

export type RecordCell = string | number | null;

export interface RecordCellOptions {
  /** Which name of a sector to write; an unknown code is kept as written. */
  readonly sectorNames: 'zh' | 'en';
  /** Between sector names: `；` in the template (what clerks type), `、` in the table. */
  readonly sectorSeparator: string;
}

/** A record's cell for a field name; a name that is not a record field gives null. */
export function recordCell(r: TownshipMonthRecord, field: string, opts: RecordCellOptions): RecordCell {
  switch (field) {
    case 'township':
      return r.township;
    case 'period':
      return r.period;
    case 'period_scope':
      return r.period_scope;
    case 'report_date':
      return r.report_date;
    case 'focus_sectors':
      return r.focus_sectors === null
        ? null
        : r.focus_sectors.map((c) => sectorByCode(c)?.[opts.sectorNames] ?? c).join(opts.sectorSeparator);
    case 'problems_text':
      return r.problems_text;
    case 'next_steps_text':
      return r.next_steps_text;
    case 'remarks':
      return r.remarks;
    default: {
      // Only the numeric fields are left; a name that is none of them (or an inherited key such as
      // `constructor`) is not a field.
      const value: unknown = Object.prototype.hasOwnProperty.call(r, field) ? r[field as NumericField] : null;
      return typeof value === 'number' ? value : null;
    }
  }
}
