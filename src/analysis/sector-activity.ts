/**
 * Which township-months are active in a sector, by the same rule the cube's sector filter uses
 * (README "Sector filter"): the month's focus_sectors include it, or the township's itemised
 * hazard ledger has a hazard of that sector found in that month. Used where raw records are listed
 * (the data table) so it follows the global sector filter like every chart.
 */
import type { Dataset, TownshipMonthRecord } from '../domain/records';
import type { SectorCode } from '../domain/sectors';

const key = (township: string, period: string): string => `${township}\u0000${period}`;

/**
 * A predicate over township-month records for `sector`; null sector → every record passes.
 * Missing focus_sectors and no ledger entry → not in the sector (unknown is not "active").
 */
export function inSectorPredicate(
  dataset: Pick<Dataset, 'hazards'>,
  sector: SectorCode | null,
): (r: TownshipMonthRecord) => boolean {
  if (sector === null) return () => true;
  const ledger = new Set<string>();
  for (const h of dataset.hazards) if (h.sector === sector) ledger.add(key(h.township, h.period));
  return (r) => (r.focus_sectors?.includes(sector) ?? false) || ledger.has(key(r.township, r.period));
}
