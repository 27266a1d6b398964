/**
 * Month-of-year drivers for the sample data (docs/domain.md#magnitudes-and-seasonality): seasonal factors and the focus-sector
 * rotation. Factors are indexed by calendar month 1–12 and multiply a township's base level.
 */
import type { TownshipType } from '../../src/domain/records';
import type { SectorCode } from '../../src/domain/sectors';
import type { Rng } from './prng';

const byMonth =
  (values: readonly number[]) =>
  (month: number): number =>
    values[month - 1] ?? 1;

/** Inspections and hazards: Jan–Mar and Dec high, summer lower. */
export const hazardSeason = byMonth([1.5, 1.4, 1.5, 1.2, 1.0, 1.2, 0.9, 0.85, 1.1, 1.1, 1.1, 1.4]);

/** Trainings: June (安全生产月) ×2.5; Spring Festival months lower; November (119) a little higher. */
export const trainingSeason = byMonth([0.8, 0.8, 1.2, 1, 1, 2.5, 1, 0.9, 1, 1, 1.3, 1]);

/** Publicity: June, November (119 消防宣传月), 4·15 and 5·12 higher. */
export const publicitySeason = byMonth([1.3, 1.2, 1, 1.3, 1.3, 2.5, 1, 1, 1, 1, 2, 1.2]);

/** Drills: June and November, plus 5·12 防灾减灾日. */
export const drillSeason = byMonth([0.6, 0.6, 1, 1, 1.5, 2.5, 1, 1, 1, 1, 2, 1]);

/** Quiet months in which many townships report "当月无隐患". */
export const isQuietMonth = (month: number): boolean => month === 5 || month === 7 || month === 8;

/** Campaign months (岁末年初, 复工复产, 安全生产月, year-end push) where spikes are more likely. */
export const isCampaignMonth = (month: number): boolean =>
  month === 1 || month === 3 || month === 6 || month === 12;

/** A 徐庄镇-style district rotation: one sector per calendar month (docs/domain.md#magnitudes-and-seasonality). */
const ROTATION: readonly SectorCode[] = [
  'fireworks',
  'hazchem',
  'utilities',
  'crowded_places',
  'construction',
  'special_equipment',
  'water_transport',
  'culture_sports_tourism',
  'crowded_places',
  'education',
  'industry_trade',
  'road_traffic',
];

/** Sectors a township of each type commonly adds on its own. */
const TYPE_EXTRAS: ReadonlyMap<TownshipType, readonly SectorCode[]> = new Map<
  TownshipType,
  readonly SectorCode[]
>([
  ['xiang', ['agriculture', 'road_traffic', 'fire', 'housing', 'fireworks']],
  ['zhen', ['industry_trade', 'construction', 'road_traffic', 'gas', 'fire']],
  ['jiedao', ['crowded_places', 'gas', 'housing', 'fire', 'construction']],
]);

/** Seasonal sectors: fireworks Jan–Feb and Apr, flood season Jun–Aug, fire Nov–Dec, gas in winter. */
export function seasonalSectors(month: number): SectorCode[] {
  const out: SectorCode[] = [];
  if (month === 1 || month === 2 || month === 4) out.push('fireworks');
  if (month >= 6 && month <= 8) out.push('natural_hazards');
  if (month === 11 || month === 12) out.push('fire');
  if (month === 12 || month === 1) out.push('gas');
  return out;
}

/**
 * A township's focus sectors for a month: seasonal sectors, the district rotation and one or two
 * sectors typical of its type; 2–4 distinct codes, seasonal ones first.
 */
export function focusSectors(month: number, type: TownshipType, rng: Rng): SectorCode[] {
  const out = new Set<SectorCode>(seasonalSectors(month));
  out.add(ROTATION[month - 1] ?? 'other');
  const extras = TYPE_EXTRAS.get(type) ?? TYPE_EXTRAS.get('zhen') ?? [];
  const want = rng.int(2, 4);
  for (const s of rng.shuffle(extras)) {
    if (out.size >= want) break;
    out.add(s);
  }
  return [...out].slice(0, 4);
}

/** Sectors a township's inspectors visit outside the month's focus. */
export function typicalSectors(type: TownshipType): readonly SectorCode[] {
  return type === 'jiedao'
    ? ['fire', 'gas', 'crowded_places', 'housing', 'construction']
    : ['fire', 'gas', 'industry_trade', 'road_traffic', 'crowded_places', 'agriculture'];
}
