/**
 * The analysis cube: township × month (× sector) cells computed once per dataset. Filters and
 * metric changes re-aggregate these cells, never the raw rows.
 */
import { pushAll } from '../domain/arrays';
import { isPeriod, periodFromIndex, periodIndex, periodRange, type Period } from '../domain/month';
import type { Dataset, HazardRecord, HazardTallyRecord, TownshipMonthRecord } from '../domain/records';
import type { SectorCode } from '../domain/sectors';
import { ledgerTallyOf, tallyRowOfRecord, type HazardTallyRow } from './hazard-tally';
import { buildTownshipIndex, type TownshipIndex } from './township-order';
import { deriveMonthlyFromYtd, valuesOf, type FieldValues, type YtdAnomaly } from './ytd';

/** Itemised hazards of one township-month and sector (from hazard ledgers). */
export interface SectorTally {
  readonly found: number;
  /** Status rectified or closed (销号). */
  readonly rectified: number;
  readonly majorFound: number;
  readonly majorRectified: number;
}

/** One township's report for one month. Only months with a report have a cell. */
export interface CubeCell {
  readonly township: string;
  readonly period: Period;
  /** 'month' = a monthly row; 'ytd' = derived from year-to-date rows (a month row always wins). */
  readonly source: 'month' | 'ytd';
  /** Numeric fields; null = not reported (or not derivable), distinct from 0. */
  readonly values: FieldValues;
  readonly report_date: string | null;
  readonly focus_sectors: readonly SectorCode[] | null;
  /** The record the cell came from (the ytd row for a derived month), for provenance. */
  readonly record: TownshipMonthRecord;
}

/** Data quirks met while building the cube; the UI may list them next to the charts. */
export type CubeAnomaly =
  | YtdAnomaly
  | { readonly kind: 'duplicate_report'; readonly township: string; readonly period: Period }
  | { readonly kind: 'bad_period'; readonly township: string; readonly period: string };

export interface Cube {
  /** Canonical townships in official order (see buildTownshipIndex). */
  readonly townships: readonly string[];
  /** Every month from the first to the last month with any report or itemised hazard; empty when none. */
  readonly periods: readonly Period[];
  readonly index: TownshipIndex;
  /** The report cell, or undefined when the township did not report that month. */
  cell(township: string, period: Period): CubeCell | undefined;
  /**
   * Itemised hazards by sector, or undefined when the township keeps no ledger covering that
   * month (outside its first..last ledger month). Inside the span a month without hazards is an
   * empty map: a ledger that lists nothing means zero.
   */
  itemised(township: string, period: Period): ReadonlyMap<SectorCode, SectorTally> | undefined;
  /**
   * The ledger's totals over all sectors (same coverage as `itemised`): undefined outside the
   * township's ledger span, zeros for a covered month without items.
   */
  ledgerTotal(township: string, period: Period): SectorTally | undefined;
  /** Files of the township's ledger items in that month, or of its whole ledger when it lists none then. */
  ledgerFiles(township: string, period: Period): readonly string[];
  /** True when any township has itemised hazard records (ledger rows or imported hazard aggregates). */
  readonly hasItemised: boolean;
  readonly anomalies: readonly CubeAnomaly[];
}

const key = (township: string, period: Period): string => `${township}\u0000${period}`;
const EMPTY_TALLY: SectorTally = { found: 0, rectified: 0, majorFound: 0, majorRectified: 0 };

const addTally = (a: SectorTally, b: SectorTally): SectorTally => ({
  found: a.found + b.found,
  rectified: a.rectified + b.rectified,
  majorFound: a.majorFound + b.majorFound,
  majorRectified: a.majorRectified + b.majorRectified,
});

/**
 * The ledger tally per township-month and sector: ledger rows and imported hazard aggregates
 * (agg.json) both become tally rows through src/analysis/hazard-tally.ts (one definition of found
 * and rectified, shared with the scale-out SQL, docs/scale-out.md) and are added here the same way.
 */
function tallyHazards(
  hazards: readonly HazardRecord[],
  tallies: readonly HazardTallyRecord[],
  canonical: (n: string) => string,
) {
  // Mutable while counting (one object per cell and sector, not one per tally row): a city's
  // ledger gives tens of thousands of tally rows on every reload.
  type Counting = { -readonly [K in keyof SectorTally]: SectorTally[K] };
  // The ledger's tally as written (prepared off the critical path by the store for a large
  // ledger), then names made canonical and malformed months left out, on the tally's rows.
  const names = new Map<string, string>();
  const periodOk = new Map<string, boolean>();
  const rows: HazardTallyRow[] = [];
  for (const r of ledgerTallyOf(hazards)) {
    let ok = periodOk.get(r.period);
    if (ok === undefined) periodOk.set(r.period, (ok = isPeriod(r.period)));
    if (!ok) continue;
    let township = names.get(r.township);
    if (township === undefined) names.set(r.township, (township = canonical(r.township)));
    rows.push(township === r.township ? r : { ...r, township });
  }
  for (const r of tallies) if (isPeriod(r.period)) rows.push(tallyRowOfRecord(r, canonical));
  // Counted per township and month index, with the text keys made once per cell at the end: a
  // city's ledger is some 90,000 tally rows but a few thousand township-months, and a key string,
  // two map lookups and two Set adds per row were most of the cube's build (issue 13, the
  // redraw after a 1M import). Files are added only when a row's file differs from the last one
  // seen there (rows of one file are the rule). Maps keep first-seen order, as before.
  interface CellCount {
    readonly key: string;
    readonly sectors: Map<SectorCode, Counting>;
    readonly files: Set<string>;
    lastFile: string;
  }
  interface TownshipCount {
    readonly cells: Map<number, CellCount>;
    readonly files: Set<string>;
    lastFile: string;
    from: number;
    to: number;
  }
  const townships = new Map<string, TownshipCount>();
  const indexOf = new Map<Period, number>();
  const cellOrder: CellCount[] = [];
  for (const r of rows) {
    const t = r.township;
    let i = indexOf.get(r.period);
    if (i === undefined) indexOf.set(r.period, (i = periodIndex(r.period)));
    let tc = townships.get(t);
    if (!tc) {
      tc = { cells: new Map(), files: new Set([r.file]), lastFile: r.file, from: i, to: i };
      townships.set(t, tc);
    } else {
      if (i < tc.from) tc.from = i;
      else if (i > tc.to) tc.to = i;
      if (r.file !== tc.lastFile) tc.files.add((tc.lastFile = r.file));
    }
    let cell = tc.cells.get(i);
    if (!cell) {
      cell = { key: key(t, r.period), sectors: new Map(), files: new Set([r.file]), lastFile: r.file };
      tc.cells.set(i, cell);
      cellOrder.push(cell);
    } else if (r.file !== cell.lastFile) cell.files.add((cell.lastFile = r.file));
    let c = cell.sectors.get(r.sector);
    if (!c) cell.sectors.set(r.sector, (c = { ...EMPTY_TALLY }));
    c.found += r.found;
    c.rectified += r.rectified;
    if (r.level === 'major') {
      c.majorFound += r.found;
      c.majorRectified += r.rectified;
    }
  }
  const byCell = new Map<string, Map<SectorCode, Counting>>();
  const cellFiles = new Map<string, Set<string>>();
  for (const cell of cellOrder) {
    byCell.set(cell.key, cell.sectors);
    cellFiles.set(cell.key, cell.files);
  }
  const span = new Map<string, { from: number; to: number }>();
  const townshipFiles = new Map<string, Set<string>>();
  for (const [t, tc] of townships) {
    span.set(t, { from: tc.from, to: tc.to });
    townshipFiles.set(t, tc.files);
  }
  const periods = new Set<Period>(indexOf.keys());
  return { byCell, span, cellFiles, townshipFiles, periods };
}

// One cube per dataset object, shared by every view, the import panel's ledger checks and the
// detail panel: the store hands out a new dataset object on every change, so identity is the
// version, and a city's ledger is tallied once per change instead of once per consumer.
const cubes = new WeakMap<Dataset, Cube>();

/** The cube of `dataset`, built on first use and kept while the dataset object lives. */
export function cubeOf(dataset: Dataset): Cube {
  let cube = cubes.get(dataset);
  if (!cube) cubes.set(dataset, (cube = buildCube(dataset)));
  return cube;
}

/**
 * Builds the cube of a dataset. Township names are canonicalised through the master list's aliases
 * (a renamed township's old rows join the new name). Month rows win over ytd-derived months; two
 * month rows for one township-month keep the later one in dataset order and log a
 * `duplicate_report` anomaly. Rows with a malformed period are skipped (`bad_period`). An empty
 * dataset gives a cube with no periods and no cells.
 */
export function buildCube(dataset: Dataset): Cube {
  const index = buildTownshipIndex(dataset);
  const anomalies: CubeAnomaly[] = [];
  const cells = new Map<string, CubeCell>();
  const ytdRows: TownshipMonthRecord[] = [];
  let minI = Infinity;
  let maxI = -Infinity;
  const see = (p: Period): void => {
    const i = periodIndex(p);
    if (i < minI) minI = i;
    if (i > maxI) maxI = i;
  };

  for (const r of dataset.townshipMonths) {
    const township = index.canonical(r.township);
    if (!isPeriod(r.period)) {
      anomalies.push({ kind: 'bad_period', township, period: r.period });
      continue;
    }
    if (r.period_scope === 'ytd') {
      ytdRows.push(township === r.township ? r : { ...r, township });
      continue;
    }
    const k = key(township, r.period);
    if (cells.has(k)) anomalies.push({ kind: 'duplicate_report', township, period: r.period });
    cells.set(k, {
      township,
      period: r.period,
      source: 'month',
      values: valuesOf(r),
      report_date: r.report_date,
      focus_sectors: r.focus_sectors,
      record: r,
    });
    see(r.period);
  }

  const derived = deriveMonthlyFromYtd(ytdRows);
  for (const d of derived.months) {
    const k = key(d.township, d.period);
    if (cells.has(k)) continue; // a month row wins over a derived one
    cells.set(k, {
      township: d.township,
      period: d.period,
      source: 'ytd',
      values: d.values,
      report_date: d.record.report_date,
      focus_sectors: d.record.focus_sectors,
      record: d.record,
    });
    see(d.period);
  }
  pushAll(anomalies, derived.anomalies);

  const tallies = dataset.hazardTallies ?? [];
  const hazardTally = tallyHazards(dataset.hazards, tallies, index.canonical);
  const { byCell, span, cellFiles, townshipFiles } = hazardTally;
  const totals = new Map<string, SectorTally>();
  for (const [k, sectors] of byCell) {
    let sum = EMPTY_TALLY;
    for (const tally of sectors.values()) sum = addTally(sum, tally);
    totals.set(k, sum);
  }
  // Every well-formed month of a ledger row or an aggregate row (the tally holds those only).
  for (const p of hazardTally.periods) see(p);

  const periods = minI === Infinity ? [] : periodRange(periodFromIndex(minI), periodFromIndex(maxI));
  const emptyTallies: ReadonlyMap<SectorCode, SectorTally> = new Map();
  const covers = (township: string, period: Period): boolean => {
    const s = span.get(township);
    if (!s || !isPeriod(period)) return false;
    const i = periodIndex(period);
    return i >= s.from && i <= s.to;
  };
  return {
    townships: index.names,
    periods,
    index,
    cell: (township, period) => cells.get(key(township, period)),
    itemised: (township, period) =>
      covers(township, period) ? (byCell.get(key(township, period)) ?? emptyTallies) : undefined,
    ledgerTotal: (township, period) =>
      covers(township, period) ? (totals.get(key(township, period)) ?? EMPTY_TALLY) : undefined,
    ledgerFiles: (township, period) => [
      ...(cellFiles.get(key(township, period)) ?? townshipFiles.get(township) ?? []),
    ],
    hasItemised: span.size > 0,
    anomalies,
  };
}
