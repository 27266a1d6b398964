/**
 * Where a township-month's hazard figures come from when both a monthly report and an itemised
 * ledger (隐患台账) exist, and the ledger-vs-report cross-check. One rule for every view (charts,
 * overview KPIs, compare, bulletin, sector filter, detail panel, import report, CLI):
 * docs/decisions/0005-ledger-and-report-totals.md.
 */
import type { Period } from '../domain/month';
import type { NumericField, SourceRef } from '../domain/records';
import { translate, type Lang } from '../i18n/i18n';
import type { Cube, SectorTally } from './cube';

/** The report fields a ledger can count. */
export const LEDGER_FIELDS = [
  'hazards_found',
  'hazards_rectified',
  'hazards_major_found',
  'hazards_major_rectified',
] as const;
export type LedgerField = (typeof LEDGER_FIELDS)[number];

const TALLY_OF: ReadonlyMap<NumericField, keyof SectorTally> = new Map<NumericField, keyof SectorTally>([
  ['hazards_found', 'found'],
  ['hazards_rectified', 'rectified'],
  ['hazards_major_found', 'majorFound'],
  ['hazards_major_rectified', 'majorRectified'],
]);

/** The tally key of a ledger-countable field, or undefined for every other field. */
export const ledgerTallyKey = (field: NumericField): keyof SectorTally | undefined => TALLY_OF.get(field);

/** report = the month's report; ytd = derived from year-to-date reports; ledger = counted items. */
export type FigureSource = 'report' | 'ytd' | 'ledger';

export interface Figure {
  /** null = not reported and no ledger covering the month (never 0). */
  readonly value: number | null;
  readonly source: FigureSource | null;
}

const NONE: Figure = { value: null, source: null };

/**
 * One figure of a township-month, all sectors (decision 0005): the report's value when the report
 * gives one (a monthly row, else a month derived from year-to-date rows); otherwise, for the four
 * hazard counts, the ledger's count when the township's ledger covers the month (0 when it lists
 * nothing that month); otherwise null.
 */
export function townshipMonthFigure(
  cube: Cube,
  township: string,
  period: Period,
  field: NumericField,
): Figure {
  const cell = cube.cell(township, period);
  const reported = cell ? cell.values[field] : null;
  if (cell && reported !== null) return { value: reported, source: cell.source === 'ytd' ? 'ytd' : 'report' };
  const tallyKey = TALLY_OF.get(field);
  const ledger = tallyKey ? cube.ledgerTotal(township, period) : undefined;
  if (tallyKey && ledger) return { value: ledger[tallyKey], source: 'ledger' };
  return NONE;
}

/** Report vs ledger for one township-month and one figure (a warning, never a rejection). */
export interface LedgerCheck {
  readonly township: string;
  readonly period: Period;
  readonly field: 'hazards_found' | 'hazards_rectified';
  /** The monthly report's figure. */
  readonly report: number;
  /** Items in the ledger that month (found), and of those the ones rectified or closed (销号). */
  readonly ledger: number;
  /** The report row (file and line). */
  readonly reportSource: SourceRef;
  /** The ledger files behind the count. */
  readonly ledgerFiles: readonly string[];
}

const CHECKED: readonly LedgerCheck['field'][] = ['hazards_found', 'hazards_rectified'];

/**
 * Every township-month where a monthly report (not a year-to-date derivation: like with like) and
 * a ledger covering that month disagree on hazards found or rectified. A blank report figure is
 * not compared (unknown is not 0). Optionally restricted to one township-month. Township order
 * is official, then month, then found before rectified.
 */
export function ledgerReportChecks(cube: Cube, only?: { township: string; period: Period }): LedgerCheck[] {
  const out: LedgerCheck[] = [];
  const townships = only ? [cube.index.canonical(only.township)] : cube.townships;
  const periods = only ? [only.period] : cube.periods;
  for (const township of townships)
    for (const period of periods) {
      const cell = cube.cell(township, period);
      const ledger = cube.ledgerTotal(township, period);
      if (!cell || cell.source !== 'month' || !ledger) continue;
      for (const field of CHECKED) {
        const report = cell.values[field];
        const counted = ledger[TALLY_OF.get(field) ?? 'found'];
        if (report === null || report === counted) continue;
        out.push({
          township,
          period,
          field,
          report,
          ledger: counted,
          reportSource: cell.record.source,
          ledgerFiles: cube.ledgerFiles(township, period),
        });
      }
    }
  return out;
}

/** The checks that involve a file (as the report's file or one of the ledger's files). */
export const ledgerChecksForFile = (checks: readonly LedgerCheck[], file: string): LedgerCheck[] =>
  checks.filter((c) => c.reportSource.file === file || c.ledgerFiles.includes(file));

/** The check as one sentence ("… 月报中排查隐患 23 处，但隐患台账中该月共 19 条。两者均保留，请核对。"). */
export function ledgerCheckMessage(lang: Lang, c: LedgerCheck): string {
  return translate(
    lang,
    c.field === 'hazards_found' ? 'ingest.crosscheck_hazards_found' : 'ingest.crosscheck_hazards_rectified',
    {
      file: c.reportSource.file,
      line: c.reportSource.line ?? '-',
      township: c.township,
      period: c.period,
      summary: c.report,
      itemised: c.ledger,
    },
  );
}
