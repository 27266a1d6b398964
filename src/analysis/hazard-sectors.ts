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
  periods.forEach((p, j) => {
    for (const t of townships) {
      const ledger = cube.itemised(t, p);
      if (ledger) {
        itemised = true;
        for (const [s, tally] of ledger) {
          const x = slot(s, j);
          x.found += tally.found;
          x.major += tally.majorFound;
        }
        continue;
      }
      for (const s of cube.cell(t, p)?.focus_sectors ?? []) slot(s, j).focusTownships++;
    }
  });
  const sectors = SECTOR_CODES.filter((s) => acc.has(s) && (filters.sector === null || s === filters.sector));
  const values = new Map<SectorCode, readonly SectorMonth[]>(sectors.map((s) => [s, acc.get(s)!]));
  return { periods, sectors, values, itemised };
}
