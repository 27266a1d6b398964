/**
 * One data row (cells already assigned to fields) → a typed record plus issues. Every cell goes
 * through the cell grammar of its field kind; every bad field of the row is reported at once, and
 * any error rejects the row. Record-level rules (docs/domain.md#validation-rules) run on the typed values.
 */
import { type FieldDef, type RecordKind } from '../domain/fields';
import { dayNumber, lastDayOfPeriod, periodIndex, periodOfDate, type Period } from '../domain/month';
import {
  NUMERIC_FIELDS,
  type HazardLevel,
  type HazardRecord,
  type HazardStatus,
  type NumericField,
  type PeriodScope,
  type ProblemRecordInput,
  type RecordFlag,
  type Township,
  type TownshipMonthRecord,
} from '../domain/records';
import type { ProblemCategoryCode } from '../domain/problem-categories';
import type { SectorCode } from '../domain/sectors';
import type { CellNote, CellResult } from './cells/cell-result';
import { parseDate } from './cells/parse-date';
import {
  parseCategoryCode,
  parseHazardLevel,
  parseHazardStatus,
  parsePeriodScope,
  parseSector,
  parseSectorList,
} from './cells/parse-enums';
import { parseMonth } from './cells/parse-month';
import { parseCount, parseMoney, parseRate } from './cells/parse-number';
import { parseText } from './cells/parse-text';
import { makeIssue } from './make-issue';
import { matchTownship } from './township-match';
import type { IngestIssue } from './types';

/** One cell as read from the file, assigned to a canonical field. */
export interface FieldCell {
  readonly def: FieldDef;
  /** Header text as in the file, for messages. */
  readonly column: string;
  readonly unit: string | null;
  readonly raw: string;
}

/** A data row ready for conversion. */
export interface RowInput {
  readonly line: number | null;
  /** JSON path of the element this row came from (JSON documents only). */
  readonly path?: string;
  readonly cells: readonly FieldCell[];
}

export interface ConvertContext {
  readonly file: string;
  readonly today: string;
  readonly knownTownships: readonly Township[];
  readonly maxFieldChars: number;
}

/** A cleanup note from a cell grammar, kept for aggregation into one warning per column. */
export interface RowNote {
  readonly note: CellNote;
  readonly column: string;
  readonly field: string;
  readonly line: number | null;
  readonly path?: string;
  readonly raw: string;
}

export type AnyRecord =
  | { readonly kind: 'township_month'; readonly record: TownshipMonthRecord }
  | { readonly kind: 'hazard'; readonly record: HazardRecord }
  | { readonly kind: 'problem'; readonly record: ProblemRecordInput };

export interface ConvertedRow {
  /** Null when an error rejected the row. */
  readonly result: AnyRecord | null;
  readonly issues: readonly IngestIssue[];
  readonly notes: readonly RowNote[];
}

type Parsed = string | number | { period: Period; scope: PeriodScope } | readonly SectorCode[];

function parseCell(cell: FieldCell, ctx: ConvertContext): CellResult<Parsed> {
  const raw = cell.raw;
  switch (cell.def.kind) {
    case 'township':
      return { kind: 'value', value: raw, notes: [] }; // matched separately (needs the master list)
    case 'period':
      return parseMonth(raw, { today: ctx.today });
    case 'period_scope':
      return parsePeriodScope(raw);
    case 'date':
      // A hazard's 整改期限 lies ahead of the day it is recorded; every other date is a fact.
      return parseDate(raw, { today: ctx.today, allowFuture: cell.def.name === 'deadline' });
    case 'count':
      return parseCount(raw, { units: cell.def.units });
    case 'money':
      return parseMoney(raw, { headerUnit: cell.unit });
    case 'rate_check':
      return parseRate(raw);
    // An unknown sector word is kept as 其他 with a warning, never a rejection
    // (docs/decisions/0005-ledger-and-report-totals.md).
    case 'sectors':
      return parseSectorList(raw, { unknown: 'other' });
    case 'sector':
      return parseSector(raw, { unknown: 'other' });
    case 'hazard_level':
      return parseHazardLevel(raw);
    case 'hazard_status':
      return parseHazardStatus(raw);
    case 'category':
      return parseCategoryCode(raw);
    case 'text':
      return parseText(raw, { maxChars: ctx.maxFieldChars });
  }
}

/**
 * Converts one row of `kind`. Township goes through `matchTownship`: a known name becomes the
 * canonical name; an unknown one is an error with a suggestion, unless the master list is empty,
 * in which case the normalised name is accepted. Null cells stay null (never 0). Returns the
 * issues (errors reject the row; warnings keep it) and the grammar notes.
 */
export function convertRow(kind: RecordKind, row: RowInput, ctx: ConvertContext): ConvertedRow {
  const issues: IngestIssue[] = [];
  const notes: RowNote[] = [];
  const values = new Map<string, Parsed>();
  const columns = new Map<string, string>();
  const issue = (
    severity: 'error' | 'warning',
    code: Parameters<typeof makeIssue>[1]['code'],
    cell: FieldCell | null,
    params: Record<string, string | number> = {},
  ): void => {
    issues.push(
      makeIssue(ctx.file, {
        severity,
        code,
        line: row.line,
        path: row.path ?? null,
        column: cell?.column ?? null,
        field: cell?.def.name ?? null,
        value: cell?.raw ?? null,
        params,
      }),
    );
  };

  for (const cell of row.cells) {
    columns.set(cell.def.name, cell.column);
    if (cell.raw.length > ctx.maxFieldChars) {
      issue('error', 'ingest.field_too_long', cell, { length: cell.raw.length, max: ctx.maxFieldChars });
      continue;
    }
    if (cell.def.kind === 'township') {
      if (cell.raw.trim() === '') continue;
      const m = matchTownship(cell.raw, ctx.knownTownships);
      if (m.kind === 'match') values.set('township', m.name);
      else if (m.kind === 'invalid') issue('error', m.code, cell, { ...m.params });
      else if (ctx.knownTownships.length === 0) values.set('township', m.normalised);
      else if (m.suggestion) issue('error', 'ingest.township_unknown', cell, { suggestion: m.suggestion });
      else issue('error', 'ingest.township_unknown_no_suggestion', cell);
      continue;
    }
    const r = parseCell(cell, ctx);
    if (r.kind === 'error') issue('error', r.code, cell, { ...r.params });
    else if (r.kind === 'value') {
      values.set(cell.def.name, r.value);
      if (r.notes.includes('sector_unknown_as_other'))
        issue('warning', 'ingest.sector_unknown_as_other', cell);
      for (const note of r.notes) {
        notes.push({
          note,
          column: cell.column,
          field: cell.def.name,
          line: row.line,
          ...(row.path ? { path: row.path } : {}),
          raw: cell.raw,
        });
      }
    }
  }

  const cellOf = (name: string): FieldCell | null => row.cells.find((c) => c.def.name === name) ?? null;
  const labelOf = (name: string, fallback: string): string => cellOf(name)?.column ?? fallback;
  const requireField = (name: string, label: string): void => {
    const cell = cellOf(name);
    // A cell with its own error has been reported already.
    if (values.has(name) || issues.some((i) => i.field === name && i.severity === 'error')) return;
    issue('error', 'ingest.missing_required', cell, { label: cell?.column ?? label });
  };
  const num = (name: string): number | null => {
    const v = values.get(name);
    return typeof v === 'number' ? v : null;
  };
  const str = (name: string): string | null => {
    const v = values.get(name);
    return typeof v === 'string' ? v : null;
  };

  const source = { file: ctx.file, line: row.line };
  const approx = new Set<string>(notes.filter((n) => n.note === 'approx').map((n) => n.field));

  if (kind === 'hazard') {
    requireField('township', '乡镇');
    requireField('date_found', '发现日期');
    requireField('description', '隐患描述');
    const found = str('date_found');
    const fixed = str('rectified_date');
    if (found && fixed && dayNumber(fixed) < dayNumber(found)) {
      issue('error', 'ingest.rectified_before_found', cellOf('rectified_date'), { rectified: fixed, found });
    }
    // Status rule (docs/decisions/0005-ledger-and-report-totals.md): the status column wins; a
    // blank status with a rectification date means rectified; neither means still open.
    const stated = str('status') as HazardStatus | null;
    const status: HazardStatus = stated ?? (fixed ? 'rectified' : 'in_progress');
    if (stated === 'in_progress' && fixed) {
      issue('warning', 'ingest.open_with_rectified_date', cellOf('status'), { date: fixed });
    }
    if (
      (status === 'rectified' || status === 'closed') &&
      !fixed &&
      !issues.some((i) => i.field === 'rectified_date')
    ) {
      issue('warning', 'ingest.rectified_without_date', cellOf('status'));
    }
    if (issues.some((i) => i.severity === 'error') || !found) return { result: null, issues, notes };
    const record: HazardRecord = {
      township: str('township') ?? '',
      date_found: found,
      period: periodOfDate(found),
      sector: (str('sector') as SectorCode | null) ?? 'other',
      level: (str('level') as HazardLevel | null) ?? 'general',
      description: str('description') ?? '',
      status,
      rectified_date: fixed,
      deadline: str('deadline'),
      village: str('village'),
      unit_name: str('unit_name'),
      source,
    };
    return { result: { kind: 'hazard', record }, issues, notes };
  }

  requireField('township', '乡镇');
  requireField('period', '月份');
  const month = values.get('period');
  const periodValue = typeof month === 'object' && month !== null && 'period' in month ? month : null;
  if (periodValue && periodIndex(periodValue.period) > periodIndex(ctx.today.slice(0, 7))) {
    issue('error', 'ingest.future_period', cellOf('period'), {
      period: periodValue.period,
      today: ctx.today.slice(0, 7),
    });
  }

  if (kind === 'problem') {
    requireField('text', '问题');
    if (issues.some((i) => i.severity === 'error') || !periodValue) return { result: null, issues, notes };
    const record: ProblemRecordInput = {
      township: str('township') ?? '',
      period: periodValue.period,
      text: str('text') ?? '',
      category: (str('category') as ProblemCategoryCode | null) ?? null,
      source,
    };
    return { result: { kind: 'problem', record }, issues, notes };
  }

  // township_month: record-level rules (docs/domain.md#validation-rules).
  const found = num('hazards_found');
  const rectified = num('hazards_rectified');
  const major = num('hazards_major_found');
  const majorFixed = num('hazards_major_rectified');
  if (major !== null && found !== null && major > found) {
    issue('error', 'ingest.major_exceeds_found', cellOf('hazards_major_found'), { major, found });
  }
  if (majorFixed !== null && major !== null && majorFixed > major) {
    issue('error', 'ingest.major_rectified_exceeds_major', cellOf('hazards_major_rectified'), {
      rectified: majorFixed,
      major,
    });
  }
  const accidents = num('accidents');
  const deaths = num('deaths');
  const injuries = num('injuries');
  if (accidents === 0 && ((deaths ?? 0) > 0 || (injuries ?? 0) > 0)) {
    issue('error', 'ingest.casualties_without_accident', cellOf('accidents'), {
      deaths: deaths ?? '-',
      injuries: injuries ?? '-',
    });
  }
  const flags: RecordFlag[] = [];
  if (rectified !== null && found !== null && rectified > found) {
    flags.push('rectified_scope_flow');
    issue('warning', 'ingest.rectified_exceeds_found', cellOf('hazards_rectified'), { rectified, found });
  }
  const rate = num('rectification_rate');
  if (rate !== null && rectified !== null && found !== null && found > 0) {
    const computed = rectified / found;
    if (Math.abs(computed - rate) > 0.005) {
      issue('warning', 'ingest.rate_mismatch', cellOf('rectification_rate'), {
        supplied: `${(rate * 100).toFixed(1)}%`,
        computed: `${(computed * 100).toFixed(1)}%`,
      });
    }
  }
  const sessions = num('trainings_held');
  const persons = num('training_person_times');
  if (sessions !== null && persons !== null) {
    if (sessions === 0 && persons > 0) {
      issue('warning', 'ingest.training_persons_without_sessions', cellOf('training_person_times'), {
        persons,
      });
    } else if (sessions > 0) {
      const average = persons / sessions;
      if (average < 3 || average > 500) {
        issue('warning', 'ingest.training_average', cellOf('training_person_times'), {
          sessions,
          persons,
          average: Math.round(average * 10) / 10,
        });
      }
    }
  }
  const reportDate = str('report_date');
  if (reportDate && periodValue) {
    const start = dayNumber(`${periodValue.period}-01`);
    const end = dayNumber(lastDayOfPeriod(periodValue.period));
    const d = dayNumber(reportDate);
    if (d < start) {
      issue('warning', 'ingest.report_date_before_period', cellOf('report_date'), {
        date: reportDate,
        period: periodValue.period,
      });
    } else if (d - end > 60) {
      issue('warning', 'ingest.report_date_late', cellOf('report_date'), {
        date: reportDate,
        period: periodValue.period,
        days: d - end,
      });
    }
  }
  for (const name of ['rectification_funds_10k_yuan', 'fines_10k_yuan', 'direct_loss_10k_yuan']) {
    const amount = num(name);
    if (amount !== null && amount > 1000) {
      issue('warning', 'ingest.funds_large', cellOf(name), { amount, column: labelOf(name, name) });
    }
  }
  if (issues.some((i) => i.severity === 'error') || !periodValue) return { result: null, issues, notes };

  const scopeCell = values.get('period_scope');
  const scope: PeriodScope = periodValue.scope === 'ytd' ? 'ytd' : scopeCell === 'ytd' ? 'ytd' : 'month';
  const numeric = {} as Record<NumericField, number | null>;
  for (const f of NUMERIC_FIELDS) numeric[f] = num(f);
  const sectors = values.get('focus_sectors');
  const record: TownshipMonthRecord = {
    township: str('township') ?? '',
    period: periodValue.period,
    period_scope: scope,
    report_date: reportDate,
    focus_sectors: Array.isArray(sectors) ? (sectors as readonly SectorCode[]) : null,
    problems_text: str('problems_text'),
    next_steps_text: str('next_steps_text'),
    remarks: str('remarks'),
    approx: NUMERIC_FIELDS.filter((f) => approx.has(f)),
    flags,
    source,
    ...numeric,
  };
  return { result: { kind: 'township_month', record }, issues, notes };
}
