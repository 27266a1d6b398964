/**
 * Canonical record types. Field names are English snake_case (docs/domain.md#field-glossary). Every optional value
 * is nullable and `null` means "not reported", never 0.
 */
import { townshipMonthFieldNames, type TownshipMonthFieldName } from './fields';
import type { Period } from './month';
import type { ProblemCategoryCode } from './problem-categories';
import type { SectorCode } from './sectors';

/** Where a record came from: the file name and the 1-based physical line a user sees in an editor. */
export interface SourceRef {
  readonly file: string;
  /** 1-based physical line; null where none applies (e.g. a JSON document without line info). */
  readonly line: number | null;
  /** Import batch id once persisted (issue 6); absent for in-memory imports. */
  readonly batchId?: string;
  /** Workbook sheet the row came from (xlsx only); `line` is the row number in that sheet. */
  readonly sheet?: string;
}

export type PeriodScope = 'month' | 'ytd';

/** Integer count fields of a township-month report, in registry order (derived from fields.ts). */
export const COUNT_FIELDS: readonly CountField[] = townshipMonthFieldNames('count');

/** Decimal amounts in 万元 (10 000 CNY), in registry order (derived from fields.ts). */
export const MONEY_FIELDS: readonly MoneyField[] = townshipMonthFieldNames('money');

export type CountField = TownshipMonthFieldName<'count'>;
export type MoneyField = TownshipMonthFieldName<'money'>;
/** Every numeric field of a township-month record. */
export type NumericField = CountField | MoneyField;
export const NUMERIC_FIELDS: readonly NumericField[] = [...COUNT_FIELDS, ...MONEY_FIELDS];

/** Flags the importer attaches to a kept record (warnings that change how a value is read). */
export type RecordFlag =
  /** rectified > found: probably a flow count including backlog (docs/domain.md#township-month-fields); kept, flagged. */
  'rectified_scope_flow';

/** One township's report for one month (or a year-to-date row when period_scope = 'ytd'). */
export type TownshipMonthRecord = {
  readonly township: string;
  readonly period: Period;
  readonly period_scope: PeriodScope;
  /** `YYYY-MM-DD` */
  readonly report_date: string | null;
  readonly focus_sectors: readonly SectorCode[] | null;
  readonly problems_text: string | null;
  readonly next_steps_text: string | null;
  readonly remarks: string | null;
  /** Numeric fields whose cell carried an approximation marker (余/多/约/近/左右). */
  readonly approx: readonly NumericField[];
  readonly flags: readonly RecordFlag[];
  readonly source: SourceRef;
} & { readonly [K in NumericField]: number | null };

export type HazardLevel = 'general' | 'major';
export type HazardStatus = 'rectified' | 'closed' | 'in_progress' | 'transferred';

/** One itemised hazard from a ledger (隐患台账). */
export interface HazardRecord {
  readonly township: string;
  /** `YYYY-MM-DD` */
  readonly date_found: string;
  /** Derived: the month of date_found. */
  readonly period: Period;
  readonly sector: SectorCode;
  readonly level: HazardLevel;
  readonly description: string;
  readonly status: HazardStatus;
  readonly rectified_date: string | null;
  readonly deadline: string | null;
  readonly village: string | null;
  readonly unit_name: string | null;
  readonly source: SourceRef;
}

/**
 * Counted hazards of one township, month, sector and level: a hazard aggregate (agg.json, made by
 * `npm run aggregate` from ledgers too big for a browser; docs/scale-out.md). It stands for
 * `found` itemised hazards the app never sees one by one, so the cube tallies it exactly as it
 * tallies ledger rows (src/analysis/hazard-tally.ts) and lists of individual hazards say the data
 * is aggregated.
 */
export interface HazardTallyRecord {
  readonly township: string;
  readonly period: Period;
  readonly sector: SectorCode;
  readonly level: HazardLevel;
  /** Hazards found that month (by date found). */
  readonly found: number;
  /** Of those, rectified or closed (销号). */
  readonly rectified: number;
  /** Of those, still open (整改中) with a deadline before `as_of`. */
  readonly overdue: number;
  /** The as-of date (`YYYY-MM-DD`) `overdue` was counted at. */
  readonly as_of: string;
  readonly source: SourceRef;
}

/** An itemised problem statement imported directly (issue 4), before or after classification. */
export interface ProblemRecordInput {
  readonly township: string;
  readonly period: Period;
  readonly text: string;
  /** A category the file supplied (code), or null to let the classifier decide. */
  readonly category: ProblemCategoryCode | null;
  readonly source: SourceRef;
}

export type TownshipType = 'xiang' | 'zhen' | 'jiedao' | 'diqu' | 'park' | 'other';

/** A township in the district's master list, in official order. */
export interface Township {
  readonly name: string;
  readonly type: TownshipType;
  /** 统计用区划代码, 9 or 12 digits; null when unknown. */
  readonly code: string | null;
  readonly aliases: readonly string[];
}

/** Everything the dashboard works on: the district's townships and its records. */
export interface Dataset {
  readonly district: string | null;
  /** Official order. Empty means "order of first appearance". */
  readonly townships: readonly Township[];
  readonly townshipMonths: readonly TownshipMonthRecord[];
  readonly hazards: readonly HazardRecord[];
  readonly problems: readonly ProblemRecordInput[];
  /** Hazard aggregates (agg.json); absent or empty when none was imported. */
  readonly hazardTallies?: readonly HazardTallyRecord[];
}

export const EMPTY_DATASET: Dataset = {
  district: null,
  townships: [],
  townshipMonths: [],
  hazards: [],
  problems: [],
};

/** Key of a township-month record: township, period and scope. */
export const townshipMonthKey = (r: {
  township: string;
  period: string;
  period_scope: PeriodScope;
}): string => `${r.township}\u0000${r.period}\u0000${r.period_scope}`;
