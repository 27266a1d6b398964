/**
 * The hazard-ledger row (隐患排查治理台账, one hazard per row): required fields, the date and status
 * rules, and how the parsed values become a {@link HazardRecord} (docs/architecture.md, "Where a
 * rule lives").
 * Status rule (docs/decisions/0005-ledger-and-report-totals.md): the status column wins; a blank
 * status with a rectification date means rectified; neither means still open.
 */
import { dayNumber, periodOfDate } from '../../domain/month';
import type { HazardLevel, HazardRecord, HazardStatus, RecordFlag } from '../../domain/records';
import type { SectorCode } from '../../domain/sectors';
import type { KindRules } from './kind-rules';
import { error, required, textOf, warning, type ParsedRow, type RowCheck } from './parsed-row';

/** The status a hazard row states, or the one its rectification date implies. */
export function hazardStatus(row: ParsedRow): HazardStatus {
  const stated = textOf(row, 'status') as HazardStatus | null;
  return stated ?? (textOf(row, 'rectified_date') ? 'rectified' : 'in_progress');
}

/** A hazard cannot be rectified before it was found. */
export const rectifiedBeforeFound: RowCheck = (row) => {
  const found = textOf(row, 'date_found');
  const rectified = textOf(row, 'rectified_date');
  return found && rectified && dayNumber(rectified) < dayNumber(found)
    ? error('ingest.rectified_before_found', 'rectified_date', { rectified, found })
    : null;
};

/** 整改中 with a rectification date: the status column wins, but the date is worth a look. */
export const openWithRectifiedDate: RowCheck = (row) => {
  const date = textOf(row, 'rectified_date');
  return textOf(row, 'status') === 'in_progress' && date
    ? warning('ingest.open_with_rectified_date', 'status', { date })
    : null;
};

/** 已整改/已销号 without a rectification date (unless the date cell was itself unreadable). */
export const rectifiedWithoutDate: RowCheck = (row) => {
  const status = hazardStatus(row);
  return (status === 'rectified' || status === 'closed') &&
    !textOf(row, 'rectified_date') &&
    !row.failed.has('rectified_date')
    ? warning('ingest.rectified_without_date', 'status')
    : null;
};

function buildHazard(
  row: ParsedRow,
  _flags: readonly RecordFlag[],
  source: HazardRecord['source'],
): HazardRecord | null {
  const found = textOf(row, 'date_found');
  if (!found) return null;
  return {
    township: textOf(row, 'township') ?? '',
    date_found: found,
    period: periodOfDate(found),
    sector: (textOf(row, 'sector') as SectorCode | null) ?? 'other',
    level: (textOf(row, 'level') as HazardLevel | null) ?? 'general',
    description: textOf(row, 'description') ?? '',
    status: hazardStatus(row),
    rectified_date: textOf(row, 'rectified_date'),
    deadline: textOf(row, 'deadline'),
    village: textOf(row, 'village'),
    unit_name: textOf(row, 'unit_name'),
    source,
  };
}

export const HAZARD_RULES: KindRules<HazardRecord> = {
  checks: [
    required('township', '乡镇'),
    required('date_found', '发现日期'),
    required('description', '隐患描述'),
    rectifiedBeforeFound,
    openWithRectifiedDate,
    rectifiedWithoutDate,
  ],
  build: buildHazard,
};
