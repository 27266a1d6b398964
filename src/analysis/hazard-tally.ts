/**
 * The hazard tally: itemised hazards counted by township × month × sector × level. One definition
 * for the browser (the cube tallies ledgers through it) and for the scale-out aggregate
 * (`sql/hazard-tally.sql`, run by `npm run aggregate`; docs/scale-out.md), and a test holds the two
 * equal cell by cell (`scripts/aggregate.test.ts`):
 *
 * - **found**: every accepted ledger row, in the month of its date found (docs/domain.md#hazard-ledger-fields);
 * - **rectified**: status `rectified` or `closed` (销号 closes a rectified hazard, so it counts as
 *   rectified: the cube's rule since decision 0005, docs/decisions/0005-ledger-and-report-totals.md);
 * - **overdue**: status `in_progress` with a deadline (整改期限) strictly before the as-of date.
 *   `transferred` (已移交) hazards are someone else's to rectify and never overdue here; an open
 *   hazard without a deadline cannot be overdue. The as-of date is a parameter, never the clock,
 *   so an aggregate is reproducible.
 *
 * Hazard aggregates imported from agg.json (`HazardTallyRecord`) are rows of the same shape; the
 * cube adds both kinds the same way.
 */
import type { Period } from '../domain/month';
import type { HazardLevel, HazardRecord, HazardStatus, HazardTallyRecord } from '../domain/records';
import type { SectorCode } from '../domain/sectors';

/** One tally cell of one source file. */
export interface HazardTallyRow {
  readonly township: string;
  readonly period: Period;
  readonly sector: SectorCode;
  readonly level: HazardLevel;
  readonly found: number;
  readonly rectified: number;
  /** null when tallied without an as-of date (the cube does not need it). */
  readonly overdue: number | null;
  /** The file the hazards came from. */
  readonly file: string;
}

/** Rectified or closed (销号): counts as rectified. */
export const countsAsRectified = (status: HazardStatus): boolean =>
  status === 'rectified' || status === 'closed';

/** Still open with a deadline before `asOf` (`YYYY-MM-DD`; ISO dates compare as text). */
export const isOverdue = (h: Pick<HazardRecord, 'status' | 'deadline'>, asOf: string): boolean =>
  h.status === 'in_progress' && h.deadline !== null && h.deadline < asOf;

const SEP = '\u0000';

/** A tally fed one ledger row at a time (tallyHazardLedger in steps). */
interface RunningTally {
  add(h: HazardRecord): void;
  rows(): HazardTallyRow[];
}

function runningTally(
  asOf: string | null,
  canonical: (township: string) => string,
  includePeriod: (period: Period) => boolean,
): RunningTally {
  const cells = new Map<string, { row: HazardTallyRow; found: number; rectified: number; overdue: number }>();
  // A ledger repeats a few hundred township names and a handful of months: each name is made
  // canonical, and each month checked, once (the cube tallies a million rows on every reload).
  const names = new Map<string, string>();
  const periods = new Map<string, boolean>();
  return {
    add(h) {
      let ok = periods.get(h.period);
      if (ok === undefined) periods.set(h.period, (ok = includePeriod(h.period)));
      if (!ok) return;
      let township = names.get(h.township);
      if (township === undefined) names.set(h.township, (township = canonical(h.township)));
      const k = township + SEP + h.period + SEP + h.sector + SEP + h.level + SEP + h.source.file;
      let c = cells.get(k);
      if (!c) {
        const row: HazardTallyRow = {
          township,
          period: h.period,
          sector: h.sector,
          level: h.level,
          found: 0,
          rectified: 0,
          overdue: null,
          file: h.source.file,
        };
        cells.set(k, (c = { row, found: 0, rectified: 0, overdue: 0 }));
      }
      c.found++;
      if (countsAsRectified(h.status)) c.rectified++;
      if (asOf !== null && isOverdue(h, asOf)) c.overdue++;
    },
    rows: () =>
      [...cells.values()].map((c) => ({
        ...c.row,
        found: c.found,
        rectified: c.rectified,
        overdue: asOf === null ? null : c.overdue,
      })),
  };
}

/**
 * Tallies ledger rows per township, month, sector, level and file, in first-seen order. Township
 * names go through `canonical` (the cube joins an old name to the renamed township). `asOf` null
 * leaves `overdue` null. Rows of a month `includePeriod` refuses are left out.
 */
export function tallyHazardLedger(
  hazards: readonly HazardRecord[],
  asOf: string | null,
  canonical: (township: string) => string = (t) => t,
  includePeriod: (period: Period) => boolean = () => true,
): HazardTallyRow[] {
  const tally = runningTally(asOf, canonical, includePeriod);
  for (const h of hazards) tally.add(h);
  return tally.rows();
}

// The tally of a hazards array as written (names as in the file, every month, no as-of date),
// kept per array object. Arrays are never changed in place (a changed dataset is a new object
// with new arrays), so a kept tally always matches its array.
const asWritten = new WeakMap<readonly HazardRecord[], readonly HazardTallyRow[]>();

/**
 * The as-written tally of `hazards`: the one prepared for this array, or tallied now and kept.
 * The cube reads it and makes names canonical on its rows, which are far fewer than the hazards.
 */
export function ledgerTallyOf(hazards: readonly HazardRecord[]): readonly HazardTallyRow[] {
  let rows = asWritten.get(hazards);
  if (!rows) asWritten.set(hazards, (rows = tallyHazardLedger(hazards, null)));
  return rows;
}

/** The as-written tally of `hazards` when one is already kept for the array; never tallies. */
export const keptLedgerTally = (hazards: readonly HazardRecord[]): readonly HazardTallyRow[] | undefined =>
  asWritten.get(hazards);

/**
 * Gives `hazards` its as-written tally, computed elsewhere from the same records in the same order
 * (the store counts a reload's blocks on their codes: store/block-tally.ts).
 */
export function primeLedgerTally(hazards: readonly HazardRecord[], rows: readonly HazardTallyRow[]): void {
  asWritten.set(hazards, rows);
}

/**
 * Prepares `ledgerTallyOf(hazards)` a slice at a time, calling `pause` between slices, so a city's
 * ledger (a million rows) is tallied without one long main-thread task: the store does this after
 * reading its records back, before it hands the dataset to the views (src/store/persistent-store.ts).
 */
export async function prepareLedgerTally(
  hazards: readonly HazardRecord[],
  pause: () => Promise<void>,
  slice = 50_000,
): Promise<void> {
  if (asWritten.has(hazards)) return;
  const tally = runningTally(null, (t) => t, () => true);
  for (let i = 0; i < hazards.length; i += slice) {
    const end = Math.min(hazards.length, i + slice);
    for (let j = i; j < end; j++) tally.add(hazards[j]!);
    if (end < hazards.length) await pause();
  }
  asWritten.set(hazards, tally.rows());
}

/** An imported aggregate row as a tally row (the same shape the ledger gives). */
export const tallyRowOfRecord = (r: HazardTallyRecord, canonical: (t: string) => string): HazardTallyRow => ({
  township: canonical(r.township),
  period: r.period,
  sector: r.sector,
  level: r.level,
  found: r.found,
  rectified: r.rectified,
  overdue: r.overdue,
  file: r.source.file,
});

/**
 * Sums tally rows over files into one row per township, month, sector and level, sorted by those
 * keys (code-unit order): the form the scale-out aggregate writes and the equality test compares.
 */
export function mergeTallyRows(rows: readonly HazardTallyRow[]): Omit<HazardTallyRow, 'file'>[] {
  const out = new Map<string, { -readonly [K in keyof Omit<HazardTallyRow, 'file'>]: HazardTallyRow[K] }>();
  for (const r of rows) {
    const k = [r.township, r.period, r.sector, r.level].join(SEP);
    const c = out.get(k);
    if (!c) {
      out.set(k, {
        township: r.township,
        period: r.period,
        sector: r.sector,
        level: r.level,
        found: r.found,
        rectified: r.rectified,
        overdue: r.overdue,
      });
    } else {
      c.found += r.found;
      c.rectified += r.rectified;
      c.overdue = c.overdue === null || r.overdue === null ? null : c.overdue + r.overdue;
    }
  }
  return [...out.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
}
