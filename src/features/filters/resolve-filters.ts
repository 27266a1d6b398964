/**
 * From the URL's filter values (data typed by a stranger, possibly outside the data) to the
 * analysis Filters every view computes with.
 */
import type { Cube } from '../../analysis/cube';
import type { Filters } from '../../analysis/metrics';
import type { Period } from '../../domain/month';
import type { Dataset, TownshipType } from '../../domain/records';
import type { SectorCode } from '../../domain/sectors';
import { inferTownshipType } from '../../domain/townships';

/** The filter part of the view state, as it comes from the URL (null = default). */
export interface RawFilters {
  readonly from: Period | null;
  readonly to: Period | null;
  /** Empty = every township. */
  readonly townships: readonly string[];
  readonly sector: SectorCode | null;
}

const clamp = (p: Period, first: Period, last: Period): Period => (p < first ? first : p > last ? last : p);

/**
 * Resolves URL filters against the cube: `to` defaults to the latest month with data and `from`
 * to the first; months outside the data are clamped into it (a bookmark from last year still
 * shows something); a range reversed by clamping collapses to the `to` month. An empty township
 * list means all (`null`). A cube without months gives `from = to = ''` (every view shows its
 * empty state).
 */
export function resolveFilters(cube: Cube, raw: RawFilters): Filters {
  const first = cube.periods[0];
  const last = cube.periods[cube.periods.length - 1];
  const townships = raw.townships.length > 0 ? raw.townships : null;
  if (first === undefined || last === undefined) return { from: '', to: '', townships, sector: raw.sector };
  const to = raw.to === null ? last : clamp(raw.to, first, last);
  let from = raw.from === null ? first : clamp(raw.from, first, last);
  if (from > to) from = to;
  return { from, to, townships, sector: raw.sector };
}

/** A township as the filter bar lists it. */
export interface TownshipOption {
  readonly name: string;
  readonly type: TownshipType;
}

/**
 * The cube's townships in official order with their type (乡/镇/街道…): the master list's type
 * when the dataset has one for the name, else inferred from the name's suffix.
 */
export function townshipOptions(cube: Cube, dataset: Pick<Dataset, 'townships'>): TownshipOption[] {
  const typeOf = new Map(dataset.townships.map((t) => [t.name, t.type]));
  return cube.townships.map((name) => ({ name, type: typeOf.get(name) ?? inferTownshipType(name) }));
}
