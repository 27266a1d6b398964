/**
 * The township-month report row (one township's monthly figures): which fields it needs, its
 * cross-field rules (docs/architecture.md, "Where a rule lives"; the counting rules behind them are
 * in docs/decisions/), and how the parsed values become a {@link TownshipMonthRecord}. Each rule is
 * a small pure function over the parsed values, tested row by row in township-month.test.ts.
 */
import { dayNumber, lastDayOfPeriod } from '../../domain/month';
import {
  NUMERIC_FIELDS,
  type PeriodScope,
  type RecordFlag,
  type TownshipMonthRecord,
} from '../../domain/records';
import type { SectorCode } from '../../domain/sectors';
import { futurePeriod } from './future-period';
import type { KindRules } from './kind-rules';
import {
  error,
  monthOf,
  numberOf,
  required,
  textOf,
  warning,
  type ParsedRow,
  type RowCheck,
} from './parsed-row';

/** 其中重大隐患 is part of 排查隐患: more major hazards than hazards is a contradiction. */
export const majorExceedsFound: RowCheck = (row) => {
  const major = numberOf(row, 'hazards_major_found');
  const found = numberOf(row, 'hazards_found');
  return major !== null && found !== null && major > found
    ? error('ingest.major_exceeds_found', 'hazards_major_found', { major, found })
    : null;
};

/** Major hazards rectified cannot exceed the major hazards found. */
export const majorRectifiedExceedsMajor: RowCheck = (row) => {
  const rectified = numberOf(row, 'hazards_major_rectified');
  const major = numberOf(row, 'hazards_major_found');
  return rectified !== null && major !== null && rectified > major
    ? error('ingest.major_rectified_exceeds_major', 'hazards_major_rectified', { rectified, major })
    : null;
};

/** Deaths or injuries with 0 accidents stated is a contradiction (blank accidents is not 0). */
export const casualtiesWithoutAccident: RowCheck = (row) => {
  const deaths = numberOf(row, 'deaths');
  const injuries = numberOf(row, 'injuries');
  return numberOf(row, 'accidents') === 0 && ((deaths ?? 0) > 0 || (injuries ?? 0) > 0)
    ? error('ingest.casualties_without_accident', 'accidents', {
        deaths: deaths ?? '-',
        injuries: injuries ?? '-',
      })
    : null;
};

/**
 * More rectified than found is legitimate (older hazards closed this month) but worth a warning;
 * the record is flagged so rates treat it as a flow, not a share.
 */
export const rectifiedExceedsFound: RowCheck = (row) => {
  const rectified = numberOf(row, 'hazards_rectified');
  const found = numberOf(row, 'hazards_found');
  return rectified !== null && found !== null && rectified > found
    ? {
        ...warning('ingest.rectified_exceeds_found', 'hazards_rectified', { rectified, found }),
        flag: 'rectified_scope_flow',
      }
    : null;
};

/** A supplied 整改率 more than half a point away from rectified ÷ found. */
export const rateMismatch: RowCheck = (row) => {
  const rate = numberOf(row, 'rectification_rate');
  const rectified = numberOf(row, 'hazards_rectified');
  const found = numberOf(row, 'hazards_found');
  if (rate === null || rectified === null || found === null || found <= 0) return null;
  const computed = rectified / found;
  return Math.abs(computed - rate) > 0.005
    ? warning('ingest.rate_mismatch', 'rectification_rate', {
        supplied: `${(rate * 100).toFixed(1)}%`,
        computed: `${(computed * 100).toFixed(1)}%`,
      })
    : null;
};

/** Trainees without sessions, or an average outside 3–500 persons per session. */
export const trainingAttendance: RowCheck = (row) => {
  const sessions = numberOf(row, 'trainings_held');
  const persons = numberOf(row, 'training_person_times');
  if (sessions === null || persons === null) return null;
  if (sessions === 0) {
    return persons > 0
      ? warning('ingest.training_persons_without_sessions', 'training_person_times', { persons })
      : null;
  }
  if (sessions < 0) return null;
  const average = persons / sessions;
  return average < 3 || average > 500
    ? warning('ingest.training_average', 'training_person_times', {
        sessions,
        persons,
        average: Math.round(average * 10) / 10,
      })
    : null;
};

/** A report dated before its month starts, or more than 60 days after it ends. */
export const reportDateOutsidePeriod: RowCheck = (row) => {
  const date = textOf(row, 'report_date');
  const month = monthOf(row);
  if (!date || !month) return null;
  const d = dayNumber(date);
  if (d < dayNumber(`${month.period}-01`)) {
    return warning('ingest.report_date_before_period', 'report_date', { date, period: month.period });
  }
  const days = d - dayNumber(lastDayOfPeriod(month.period));
  return days > 60
    ? warning('ingest.report_date_late', 'report_date', { date, period: month.period, days })
    : null;
};

/** More than 1000 万元 in a money column is most likely 元 typed under a 万元 header. */
export function fundsLarge(name: string): RowCheck {
  return (row) => {
    const amount = numberOf(row, name);
    return amount !== null && amount > 1000
      ? warning('ingest.funds_large', name, { amount, column: row.headers.get(name) ?? name })
      : null;
  };
}

function buildTownshipMonth(
  row: ParsedRow,
  flags: readonly RecordFlag[],
  source: TownshipMonthRecord['source'],
): TownshipMonthRecord | null {
  const month = monthOf(row);
  if (!month) return null;
  // A 累计 month cell (`1-4月`) or a 统计口径 column saying 累计 makes the row year-to-date.
  const scope: PeriodScope =
    month.scope === 'ytd' || row.values.get('period_scope') === 'ytd' ? 'ytd' : 'month';
  const sectors = row.values.get('focus_sectors');
  // One object literal with every field (the numeric ones after the others, in NUMERIC_FIELDS
  // order, the key order the record always had): a record built field by field with computed keys
  // becomes a slow dictionary-mode object, and a million of them made a township-month ingest
  // mostly garbage collection. Typed against TownshipMonthRecord, so a numeric field added to the
  // domain fails to compile here; township-month.test.ts checks the order.
  const record: TownshipMonthRecord = {
    township: textOf(row, 'township') ?? '',
    period: month.period,
    period_scope: scope,
    report_date: textOf(row, 'report_date'),
    // A copy: the parsed list may be shared by every row with the same cell (convert-row.ts caches per value).
    focus_sectors: Array.isArray(sectors) ? [...(sectors as readonly SectorCode[])] : null,
    problems_text: textOf(row, 'problems_text'),
    next_steps_text: textOf(row, 'next_steps_text'),
    remarks: textOf(row, 'remarks'),
    approx: NUMERIC_FIELDS.filter((f) => row.approx.has(f)),
    flags,
    source,
    units_inspected: numberOf(row, 'units_inspected'),
    inspector_person_times: numberOf(row, 'inspector_person_times'),
    hazards_found: numberOf(row, 'hazards_found'),
    hazards_rectified: numberOf(row, 'hazards_rectified'),
    hazards_major_found: numberOf(row, 'hazards_major_found'),
    hazards_major_rectified: numberOf(row, 'hazards_major_rectified'),
    rectification_notices: numberOf(row, 'rectification_notices'),
    penalty_cases: numberOf(row, 'penalty_cases'),
    meetings_held: numberOf(row, 'meetings_held'),
    trainings_held: numberOf(row, 'trainings_held'),
    training_person_times: numberOf(row, 'training_person_times'),
    warning_edu_sessions: numberOf(row, 'warning_edu_sessions'),
    publicity_events: numberOf(row, 'publicity_events'),
    leaflets_distributed: numberOf(row, 'leaflets_distributed'),
    drills_held: numberOf(row, 'drills_held'),
    accidents: numberOf(row, 'accidents'),
    deaths: numberOf(row, 'deaths'),
    injuries: numberOf(row, 'injuries'),
    rectification_funds_10k_yuan: numberOf(row, 'rectification_funds_10k_yuan'),
    fines_10k_yuan: numberOf(row, 'fines_10k_yuan'),
    direct_loss_10k_yuan: numberOf(row, 'direct_loss_10k_yuan'),
  };
  return record;
}

export const TOWNSHIP_MONTH_RULES: KindRules<TownshipMonthRecord> = {
  checks: [
    required('township', '乡镇'),
    required('period', '月份'),
    futurePeriod,
    majorExceedsFound,
    majorRectifiedExceedsMajor,
    casualtiesWithoutAccident,
    rectifiedExceedsFound,
    rateMismatch,
    trainingAttendance,
    reportDateOutsidePeriod,
    fundsLarge('rectification_funds_10k_yuan'),
    fundsLarge('fines_10k_yuan'),
    fundsLarge('direct_loss_10k_yuan'),
  ],
  build: buildTownshipMonth,
};
