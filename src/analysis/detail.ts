/**
 * Drill-down detail of one township-month: the records behind a number, with source file and line.
 */
import type { Period } from '../domain/month';
import type {
  Dataset,
  HazardRecord,
  HazardTallyRecord,
  SourceRef,
  TownshipMonthRecord,
} from '../domain/records';
import { buildTownshipIndex } from './township-order';

export interface TownshipMonthDetail {
  /** Canonical township name (an old name resolves to the renamed township). */
  readonly township: string;
  readonly period: Period;
  /** Month rows and ytd rows for this month, under any alias, in dataset order. */
  readonly records: readonly TownshipMonthRecord[];
  /** Itemised hazards found in this month. */
  readonly hazards: readonly HazardRecord[];
  /**
   * Hazard aggregate rows (agg.json) of this month: counts without individual hazards, so a list
   * of hazards here must say part of the month is aggregated (docs/scale-out.md).
   */
  readonly tallies: readonly HazardTallyRecord[];
  /** Distinct sources (file + line) of the above, in order of appearance. */
  readonly sources: readonly SourceRef[];
}

/**
 * Everything recorded for a township in a month. The township may be given under any alias.
 * Nothing recorded → empty arrays (the UI shows "未报送"), never an error.
 */
export function townshipMonthDetail(dataset: Dataset, township: string, period: Period): TownshipMonthDetail {
  const index = buildTownshipIndex(dataset);
  const name = index.canonical(township);
  const mine = (t: string) => index.canonical(t) === name;
  const records = dataset.townshipMonths.filter((r) => r.period === period && mine(r.township));
  const hazards = dataset.hazards.filter((h) => h.period === period && mine(h.township));
  const tallies = (dataset.hazardTallies ?? []).filter((h) => h.period === period && mine(h.township));
  const seen = new Set<string>();
  const sources: SourceRef[] = [];
  for (const s of [
    ...records.map((r) => r.source),
    ...hazards.map((h) => h.source),
    ...tallies.map((h) => h.source),
  ]) {
    const k = `${s.file}\u0000${s.line ?? ''}`;
    if (!seen.has(k)) {
      seen.add(k);
      sources.push(s);
    }
  }
  return { township: name, period, records, hazards, tallies, sources };
}
