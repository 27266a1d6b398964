/**
 * Recurring hazards (屡查屡犯) from itemised hazard records: a hazard found again at the same place
 * and sector after an earlier one there had been rectified or closed.
 */
import type { HazardRecord } from '../../domain/records';
import type { SectorCode } from '../../domain/sectors';

export interface RecurringHazard {
  readonly hazard: HazardRecord;
  /** The earlier, rectified/closed hazard at the same place (latest rectified_date before this one). */
  readonly previous: HazardRecord;
  readonly township: string;
  /** The unit name, or the village when the unit is blank (as written, trimmed). */
  readonly place: string;
  readonly placeKind: 'unit' | 'village';
  readonly sector: SectorCode;
}

// Compare places loosely: full-width/half-width and spacing differences are the same place.
const placeKey = (s: string): string => s.normalize('NFKC').replace(/\s+/gu, '');

/**
 * Flags hazards found at the same township + unit (or village when the unit is blank) + sector
 * strictly after an earlier hazard there was rectified/closed (date_found > earlier rectified_date;
 * ISO dates compare as strings). Hazards with neither unit nor village cannot be matched and are
 * never flagged. Result is in input order; `countByTownship` counts flagged hazards (townships
 * without any are absent). Empty input gives an empty result.
 */
export function findRecurringHazards(hazards: readonly HazardRecord[]): {
  items: RecurringHazard[];
  countByTownship: Map<string, number>;
} {
  const groups = new Map<string, { h: HazardRecord; i: number }[]>();
  hazards.forEach((h, i) => {
    const unit = h.unit_name?.trim() ?? '';
    const village = h.village?.trim() ?? '';
    const place =
      unit !== '' ? `u\u001f${placeKey(unit)}` : village !== '' ? `v\u001f${placeKey(village)}` : null;
    if (place === null) return;
    const k = `${h.township}\u001f${place}\u001f${h.sector}`;
    groups.set(k, [...(groups.get(k) ?? []), { h, i }]);
  });
  const flagged: { i: number; item: RecurringHazard }[] = [];
  for (const list of groups.values()) {
    for (const { h, i } of list) {
      let previous: HazardRecord | null = null;
      for (const { h: e } of list) {
        if (e === h || (e.status !== 'rectified' && e.status !== 'closed') || e.rectified_date === null)
          continue;
        if (
          h.date_found > e.rectified_date &&
          (previous === null || e.rectified_date > previous.rectified_date!)
        )
          previous = e;
      }
      if (previous === null) continue;
      const unit = h.unit_name?.trim() ?? '';
      flagged.push({
        i,
        item: {
          hazard: h,
          previous,
          township: h.township,
          place: unit !== '' ? unit : (h.village?.trim() ?? ''),
          placeKind: unit !== '' ? 'unit' : 'village',
          sector: h.sector,
        },
      });
    }
  }
  const items = flagged.sort((a, b) => a.i - b.i).map((f) => f.item);
  const countByTownship = new Map<string, number>();
  for (const r of items) countByTownship.set(r.township, (countByTownship.get(r.township) ?? 0) + 1);
  return { items, countByTownship };
}
