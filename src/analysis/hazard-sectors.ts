/**
 * Hazards by sector (行业领域) for the stacked chart: itemised ledgers where townships keep them,
 * focus_sectors otherwise.
 */
import type { Period } from '../domain/month';
import { SECTOR_CODES, type SectorCode } from '../domain/sectors';
import type { Cube } from './cube';
import { filterPeriods, filterTownships, type Filters } from './metrics';

export interface SectorMonth {
  /** Itemised hazards found in the sector (townships whose ledger covers the month). */
  readonly found: number;
  readonly major: number;
  /** Township-months without a ledger whose focus_sectors include the sector. */
  readonly focusTownships: number;
}

export interface HazardsBySector {
  readonly periods: readonly Period[];
  /** Sectors with any itemised hazard or focus mention, in the sector list's order. */
  readonly sectors: readonly SectorCode[];
  /** values.get(sector)[j] = the sector's figures in periods[j]. */
  readonly values: ReadonlyMap<SectorCode, readonly SectorMonth[]>;
  /** True when any selected township-month has a ledger (the chart stacks hazard counts). */
  readonly itemised: boolean;
}

/**
 * Hazards by sector per month for the selected townships. A township-month with a ledger adds its
 * itemised counts; one without adds 1 to `focusTownships` of each focus sector (a count of
 * township-months, not hazards, since a report's total cannot be split by sector). The filter's
 * sector, if set, keeps only that sector. No data → no sectors.
 */
export function hazardsBySector(cube: Cube, filters: Filters): HazardsBySector {
  const periods = filterPeriods(filters);
  const townships = filterTownships(cube, filters);
  const acc = new Map<SectorCode, { found: number; major: number; focusTownships: number }[]>();
  const slot = (s: SectorCode, j: number) => {
    let arr = acc.get(s);
    if (!arr) acc.set(s, (arr = periods.map(() => ({ found: 0, major: 0, focusTownships: 0 }))));
    return arr[j]!;
  };
  let itemised = false;
  const columns = columnsFor(cube, townships);
  periods.forEach((p, j) => {
    let column = columns.get(p);
    if (!column) {
      column = monthColumn(cube, townships, p);
      columns.set(p, column);
    }
    if (column.itemised) itemised = true;
    for (const [s, v] of column.tallies) {
      const x = slot(s, j);
      x.found += v.found;
      x.major += v.major;
      x.focusTownships += v.focusTownships;
    }
  });
  const sectors = SECTOR_CODES.filter((s) => acc.has(s) && (filters.sector === null || s === filters.sector));
  const values = new Map<SectorCode, readonly SectorMonth[]>(sectors.map((s) => [s, acc.get(s)!]));
  return { periods, sectors, values, itemised };
}

/** One month of hazardsBySector for a township selection; sectors in first-seen order. */
interface MonthColumn {
  readonly itemised: boolean;
  readonly tallies: ReadonlyMap<SectorCode, SectorMonth>;
}

function monthColumn(cube: Cube, townships: readonly string[], p: Period): MonthColumn {
  const tallies = new Map<SectorCode, { found: number; major: number; focusTownships: number }>();
  const slot = (s: SectorCode) => {
    let x = tallies.get(s);
    if (!x) tallies.set(s, (x = { found: 0, major: 0, focusTownships: 0 }));
    return x;
  };
  let itemised = false;
  const cached = sectorCells(cube);
  const col = cached.col.get(p);
  for (const t of townships) {
    const row = cached.row.get(t);
    const at = row === undefined || col === undefined ? -1 : row * cached.nP + col;
    const ledger = at < 0 ? cube.itemised(t, p) : cached.itemised[at];
    if (ledger) {
      itemised = true;
      for (const [s, tally] of ledger) {
        const x = slot(s);
        x.found += tally.found;
        x.major += tally.majorFound;
      }
      continue;
    }
    const focus = at < 0 ? cube.cell(t, p)?.focus_sectors : cached.focus[at];
    for (const s of focus ?? []) slot(s).focusTownships++;
  }
  return { itemised, tallies };
}

/** Township selections whose month columns are kept per cube (the most recent ones). */
const KEPT_SELECTIONS = 8;
const columnCache = new WeakMap<Cube, Map<string, Map<Period, MonthColumn>>>();

/**
 * The month columns computed so far for this cube and township selection. A month's column does
 * not depend on the range, so moving 截止月份 computes one new month instead of all of them
 * (issue 13, target 3: this was the largest part of the 隐患 filter change at 300 townships).
 */
function columnsFor(cube: Cube, townships: readonly string[]): Map<Period, MonthColumn> {
  let bySelection = columnCache.get(cube);
  if (!bySelection) columnCache.set(cube, (bySelection = new Map()));
  const key = townships.join('\u0000');
  let columns = bySelection.get(key);
  if (columns) {
    // Most recently used last, so the oldest selection is the first dropped.
    bySelection.delete(key);
  } else {
    columns = new Map();
    if (bySelection.size >= KEPT_SELECTIONS) bySelection.delete(bySelection.keys().next().value!);
  }
  bySelection.set(key, columns);
  return columns;
}

/**
 * Each township-month's ledger tallies and focus sectors as dense arrays, read once per cube: the
 * chart reads every selected township-month on each filter change, and at city size the string-keyed
 * cube lookups were most of the 隐患 redraw (issue 13).
 */
interface SectorCells {
  readonly row: ReadonlyMap<string, number>;
  readonly col: ReadonlyMap<Period, number>;
  readonly nP: number;
  readonly itemised: readonly (ReturnType<Cube['itemised']> | undefined)[];
  readonly focus: readonly (readonly SectorCode[] | null | undefined)[];
}

const sectorCache = new WeakMap<Cube, SectorCells>();

function sectorCells(cube: Cube): SectorCells {
  let cells = sectorCache.get(cube);
  if (cells) return cells;
  const nP = cube.periods.length;
  const itemised: (ReturnType<Cube['itemised']> | undefined)[] = [];
  const focus: (readonly SectorCode[] | null | undefined)[] = [];
  for (const t of cube.townships)
    for (const p of cube.periods) {
      itemised.push(cube.itemised(t, p));
      focus.push(cube.cell(t, p)?.focus_sectors);
    }
  cells = {
    row: new Map(cube.townships.map((t, i) => [t, i])),
    col: new Map(cube.periods.map((p, j) => [p, j])),
    nP,
    itemised,
    focus,
  };
  sectorCache.set(cube, cells);
  return cells;
}
