/**
 * The fictional district 云川区 used for the bundled sample: 18 townships (5 街道, 8 镇, 5 乡) in
 * official order, each with the traits that make the sample exercise the dashboard (chronic late
 * or missing reports, a training gap, a chronic problem, an itemised hazard ledger).
 */
import type { Period } from '../../src/domain/month';
import type { ProblemCategoryCode } from '../../src/domain/problem-categories';
import type { Township, TownshipType } from '../../src/domain/records';
import { inferTownshipType } from '../../src/domain/townships';

/** How a township enumerates its problem statements. `paren-lines` puts each on its own line. */
export type EnumerationStyle = 'yishi' | 'paren' | 'paren-lines' | 'arabic';

/** A township and the behaviour the generator gives it. */
export interface TownshipProfile {
  readonly township: Township;
  /** Multiplies the type's base magnitudes (a busy town vs a quiet one). */
  readonly scale: number;
  /** Probability that a month's report is missing altogether. */
  readonly missRate: number;
  /** Probability that a report arrives in the next month (1st–10th). */
  readonly lateRate: number;
  /** Months with no report, whatever the dice say. */
  readonly forcedMissing: readonly Period[];
  /** From this month on the township holds no training (null = never). */
  readonly noTrainingFrom: Period | null;
  /** In the last month this township has a clearly lowest rectification rate. */
  readonly lowRateInLastMonth: boolean;
  /** A problem category the township repeats every month from `from` on. */
  readonly chronic: { readonly category: ProblemCategoryCode; readonly from: Period } | null;
  /** The township also submits an itemised hazard ledger. */
  readonly ledger: boolean;
  readonly style: EnumerationStyle;
}

/** The sample district's name. */
export const SAMPLE_DISTRICT = '云川区';

/** A fictional 6-digit county code (99 is not a real prefecture number in 41). */
const COUNTY_CODE = '419901';

const base = (name: string, seq: number, aliases: readonly string[]): Township => ({
  name,
  type: inferTownshipType(name),
  code: `${COUNTY_CODE}${String(seq).padStart(3, '0')}`,
  aliases,
});

const profile = (
  t: Township,
  scale: number,
  style: EnumerationStyle,
  extra: Partial<Omit<TownshipProfile, 'township' | 'scale' | 'style'>> = {},
): TownshipProfile => ({
  township: t,
  scale,
  style,
  missRate: 0.05,
  lateRate: 0.06,
  forcedMissing: [],
  noTrainingFrom: null,
  lowRateInLastMonth: false,
  chronic: null,
  ledger: false,
  ...extra,
});

/** The 18 townships of 云川区 in official order (街道, then 镇, then 乡), with their traits. */
export const SAMPLE_PROFILES: readonly TownshipProfile[] = [
  profile(base('东关街道', 1, ['东关街道办事处', '东关办事处']), 1.1, 'paren'),
  profile(base('西关街道', 2, ['西关街道办事处', '西关办事处']), 0.9, 'yishi'),
  profile(base('城南街道', 3, ['城南街道办事处', '城南办']), 1.0, 'arabic'),
  profile(base('北门街道', 4, ['北门街道办事处']), 0.8, 'paren', {
    chronic: { category: 'P09', from: '2026-01' },
  }),
  profile(base('云川街道', 5, ['云川街道办事处', '云川办事处']), 1.2, 'yishi'),
  profile(base('城关镇', 101, ['城关', '城关镇人民政府']), 1.2, 'yishi', { ledger: true }),
  profile(base('青石镇', 102, ['青石', '青石镇人民政府']), 1.0, 'paren-lines', {
    chronic: { category: 'P04', from: '2025-11' },
  }),
  profile(base('柳河镇', 103, ['柳河', '柳河镇政府']), 0.9, 'arabic', { ledger: true }),
  profile(base('白马镇', 104, ['白马', '白马镇人民政府']), 0.8, 'yishi', { noTrainingFrom: '2026-07' }),
  profile(base('龙泉镇', 105, ['龙泉', '龙泉镇人民政府']), 1.1, 'paren'),
  profile(base('清水镇', 106, ['清水', '清水镇人民政府']), 0.9, 'yishi'),
  profile(base('黄岗镇', 107, ['黄岗', '黄岗镇人民政府']), 1.0, 'arabic', { lowRateInLastMonth: true }),
  profile(base('高桥镇', 108, ['高桥', '高桥镇人民政府']), 0.8, 'yishi'),
  profile(base('小召乡', 201, ['小召', '小召乡人民政府']), 0.9, 'paren', { ledger: true }),
  profile(base('杏林乡', 202, ['杏林', '杏林乡人民政府']), 0.8, 'yishi', {
    ledger: true,
    chronic: { category: 'P03', from: '2026-01' },
  }),
  profile(base('石门乡', 203, ['石门', '石门乡人民政府']), 0.7, 'arabic', {
    missRate: 0.1,
    lateRate: 0.2,
    forcedMissing: ['2025-07', '2025-08', '2025-09'],
  }),
  profile(base('马坊乡', 204, ['马坊', '马坊乡人民政府']), 0.7, 'paren', {
    ledger: true,
    noTrainingFrom: '2026-08',
  }),
  profile(base('梨园乡', 205, ['梨园', '梨园乡人民政府']), 0.8, 'yishi', { missRate: 0.12, lateRate: 0.25 }),
];

/** The sample's first and last months (36 months). */
export const SAMPLE_FROM: Period = '2023-11';
/** The sample's last month. */
export const SAMPLE_TO: Period = '2026-10';

/** The default seed of the committed sample. */
export const SAMPLE_SEED = 20231101;

const STEM_A = '东西南北上下前后大小新老高低长平安永太宁丰和';
const STEM_B = '河山岗湾桥庄集店坡营寨楼塘沟坊林泉门城园台水';
const STEM_C = '源阳溪川岭堡口屯埠铺垣头洼滩峪关堤梁湖洲田井';
const SUFFIX: readonly string[] = ['镇', '乡', '街道'];

/**
 * `n` synthetic townships with unique invented names (for the benchmark's large files), in a
 * stable order; ordinary traits, no ledger. Names are three stems + 镇/乡/街道, unique for the
 * first 22³ = 10 648; beyond that a number is appended.
 */
export function syntheticProfiles(n: number): TownshipProfile[] {
  const out: TownshipProfile[] = [];
  const k = STEM_A.length;
  for (let i = 0; i < n; i++) {
    const a = STEM_A[i % k] ?? '东';
    const b = STEM_B[Math.floor(i / k) % k] ?? '河';
    const c = STEM_C[Math.floor(i / (k * k)) % k] ?? '源';
    const round = Math.floor(i / (k * k * k));
    const suffix = SUFFIX[i % 3] ?? '镇';
    const name = `${a}${b}${c}${round > 0 ? String(round) : ''}${suffix}`;
    const type: TownshipType = inferTownshipType(name);
    out.push(
      profile(
        { name, type, code: null, aliases: [] },
        0.7 + ((i * 37) % 60) / 100,
        i % 2 ? 'yishi' : 'arabic',
      ),
    );
  }
  return out;
}
