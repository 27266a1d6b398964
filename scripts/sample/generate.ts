/**
 * The seeded sample-data generator: township-month reports, problem statements and an itemised
 * hazard ledger for a district, following the magnitudes and seasonality of docs/domain.md#magnitudes-and-seasonality.
 * Pure and deterministic: the same options give the same dataset (no clock, no Math.random).
 */
import {
  addMonths,
  dateFromDayNumber,
  dayNumber,
  lastDayOfPeriod,
  periodMonth,
  periodRange,
  type Period,
} from '../../src/domain/month';
import type { ProblemCategoryCode } from '../../src/domain/problem-categories';
import {
  NUMERIC_FIELDS,
  type HazardLevel,
  type HazardRecord,
  type HazardStatus,
  type NumericField,
  type Township,
  type TownshipMonthRecord,
  type TownshipType,
} from '../../src/domain/records';
import { sectorByCode, type SectorCode } from '../../src/domain/sectors';
import {
  CATEGORY_WEIGHTS,
  COMMUNITY_STEMS,
  HAZARD_DESCRIPTIONS,
  NEXT_STEP_OPENINGS,
  PROBLEM_BANK,
  REMARKS,
  UNIT_BRANDS,
  UNIT_KINDS,
  VILLAGE_STEMS,
  XIAOZHAO_2022_CATEGORIES,
  XIAOZHAO_2022_PROBLEMS,
} from './banks';
import type { EnumerationStyle, TownshipProfile } from './district';
import { createRng, deriveSeed, type Rng } from './prng';
import {
  drillSeason,
  focusSectors,
  hazardSeason,
  isCampaignMonth,
  isQuietMonth,
  publicitySeason,
  trainingSeason,
  typicalSectors,
} from './seasonality';

/** A township-month row as the sample writes it: the canonical record without importer metadata. */
export type SampleTownshipMonth = Omit<TownshipMonthRecord, 'approx' | 'flags' | 'source'>;

/** A ledger row as the sample writes it. */
export type SampleHazard = Omit<HazardRecord, 'source'>;

/** One problem statement with the category the generator meant (ground truth for tests). */
export interface SampleStatement {
  readonly township: string;
  readonly period: Period;
  readonly category: ProblemCategoryCode;
  readonly text: string;
}

/** A township-month picked for a deliberate oddity. */
export interface TownshipPeriod {
  readonly township: string;
  readonly period: Period;
}

/** Deliberate oddities so the dashboard's checks find something. */
export interface SampleScenario {
  /** Rows whose every count is 0 (a suspicious "nothing happened" report). */
  readonly allZero: readonly TownshipPeriod[];
  /** Rows whose numbers copy the previous month exactly. */
  readonly copyPrevious: readonly TownshipPeriod[];
  /** A ledger township-month with one item fewer than the summary's hazards_found. */
  readonly ledgerMismatch: TownshipPeriod | null;
  /** Reuse 小召乡's real 2022 problems text in its April reports. */
  readonly xiaozhaoAprils: boolean;
}

/** No deliberate oddities (benchmarks and synthetic districts). */
export const NO_SCENARIO: SampleScenario = {
  allZero: [],
  copyPrevious: [],
  ledgerMismatch: null,
  xiaozhaoAprils: false,
};

/** What to generate: a seed, the townships with their traits, a month range and the oddities. */
export interface GenerateOptions {
  readonly seed: number;
  readonly district: string | null;
  readonly profiles: readonly TownshipProfile[];
  readonly from: Period;
  readonly to: Period;
  readonly scenario: SampleScenario;
  /** Skip problem texts, next steps and the ledger (fast numeric rows for benchmarks). */
  readonly numbersOnly?: boolean;
}

/** A generated district; `statements` is the ground truth behind each problems_text. */
export interface SampleDataset {
  readonly district: string | null;
  readonly townships: readonly Township[];
  /** Ordered by period, then official township order. */
  readonly townshipMonths: readonly SampleTownshipMonth[];
  /** Ordered by township (official order), then date found. */
  readonly hazards: readonly SampleHazard[];
  readonly statements: readonly SampleStatement[];
}

interface TypeParams {
  readonly units: readonly [number, number];
  readonly hazardsMean: number;
  readonly dispersion: number;
  readonly hazardsCap: number;
  readonly rect: readonly [number, number];
  readonly majorP: number;
  readonly fundsZeroP: number;
  readonly funds: readonly [number, number];
  readonly meetings: readonly [number, number];
  readonly trainMean: number;
  readonly perSession: readonly [number, number];
  readonly publicityMean: number;
  readonly drillMean: number;
  readonly drillCap: number;
  readonly accidentP: number;
  readonly nullP: number;
}

// docs/domain.md#magnitudes-and-seasonality, per 乡 / 镇 / 街道. Means are a little above the quoted medians because the
// negative binomial is right-skewed.
const TYPE_PARAMS: ReadonlyMap<TownshipType, TypeParams> = new Map<TownshipType, TypeParams>([
  [
    'xiang',
    {
      units: [8, 40],
      hazardsMean: 5,
      dispersion: 0.8,
      hazardsCap: 25,
      rect: [0.85, 1],
      majorP: 0.02,
      fundsZeroP: 0.72,
      funds: [0.1, 5],
      meetings: [1, 3],
      trainMean: 1.5,
      perSession: [20, 120],
      publicityMean: 1,
      drillMean: 0.25,
      drillCap: 1,
      accidentP: 0.03,
      nullP: 0.05,
    },
  ],
  [
    'zhen',
    {
      units: [15, 80],
      hazardsMean: 10,
      dispersion: 0.75,
      hazardsCap: 50,
      rect: [0.85, 1],
      majorP: 0.03,
      fundsZeroP: 0.68,
      funds: [0.1, 20],
      meetings: [1, 3],
      trainMean: 2,
      perSession: [30, 150],
      publicityMean: 1.4,
      drillMean: 0.3,
      drillCap: 1,
      accidentP: 0.045,
      nullP: 0.03,
    },
  ],
  [
    'jiedao',
    {
      units: [30, 200],
      hazardsMean: 24,
      dispersion: 0.7,
      hazardsCap: 150,
      rect: [0.8, 1],
      majorP: 0.035,
      fundsZeroP: 0.65,
      funds: [0.5, 50],
      meetings: [1, 4],
      trainMean: 3,
      perSession: [30, 200],
      publicityMean: 2.2,
      drillMean: 0.5,
      drillCap: 2,
      accidentP: 0.06,
      nullP: 0.02,
    },
  ],
]);

const paramsFor = (type: TownshipType): TypeParams =>
  TYPE_PARAMS.get(type) ?? (TYPE_PARAMS.get('zhen') as TypeParams);

const round2 = (x: number): number => Math.round(x * 100) / 100;
const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));
const tpKey = (township: string, period: Period): string => `${township}\u0000${period}`;

type Numbers = Record<NumericField, number | null>;

/** Draws one month's numbers for a township (before scenario overrides). */
function drawNumbers(rng: Rng, p: TownshipProfile, period: Period, isLast: boolean): Numbers {
  const type = p.township.type;
  const t = paramsFor(type);
  const month = periodMonth(period);
  const season = hazardSeason(month);

  const unitsInspected = Math.max(1, Math.round(rng.int(t.units[0], t.units[1]) * season * p.scale));
  let found: number;
  if (isQuietMonth(month) && rng.chance(0.12)) found = 0;
  else {
    const mean = t.hazardsMean * season * p.scale;
    found = Math.min(rng.negBinomial(mean, t.dispersion), Math.round(t.hazardsCap * p.scale));
  }
  // Campaign spikes (大排查大整治): ×3–10, likelier in campaign months.
  if (found > 0 && rng.chance(isCampaignMonth(month) ? 0.08 : 0.02)) {
    found = Math.round(found * rng.uniform(3, 10));
  }
  let major = found > 0 && rng.chance(t.majorP) ? Math.min(found, rng.chance(0.85) ? 1 : 2) : 0;
  let majorRect = major > 0 && rng.chance(0.35) ? major : 0;
  let rectified = found > 0 ? rng.binomial(found, rng.uniform(t.rect[0], t.rect[1])) : 0;

  if (isLast && p.lowRateInLastMonth) {
    // One township clearly lags in the latest month (≈45–55 %).
    if (found < 12) found = rng.int(14, 22);
    major = 0;
    majorRect = 0;
    rectified = Math.round(found * rng.uniform(0.45, 0.55));
  } else if (isLast) {
    // Everyone else stays at ≥ 80 % so the laggard is unambiguous.
    if (major > majorRect) majorRect = major;
    rectified = Math.max(rectified, Math.ceil(found * 0.8));
  }
  // Cohort rule: unrectified majors are not in `rectified`; rectified majors are.
  rectified = clamp(rectified, majorRect, found - (major - majorRect));

  const onSite = Math.round(rectified * rng.uniform(0.4, 0.8));
  const notices = Math.round(rng.uniform(0.3, 0.7) * (found - onSite));
  const funds = rng.chance(t.fundsZeroP)
    ? 0
    : round2(Math.exp(rng.uniform(Math.log(t.funds[0]), Math.log(t.funds[1]))));

  let trainings = rng.poisson(t.trainMean * trainingSeason(month));
  if (p.noTrainingFrom !== null && period >= p.noTrainingFrom) trainings = 0;
  let trainees = 0;
  for (let i = 0; i < trainings; i++) {
    trainees += Math.round(clamp(rng.logNormal(Math.log(55), 0.4), t.perSession[0], t.perSession[1]));
  }
  const publicity = Math.min(6, rng.poisson(t.publicityMean * publicitySeason(month)));
  let leaflets = 0;
  for (let i = 0; i < publicity; i++) leaflets += Math.round(rng.uniform(200, 3000) / 50) * 50;
  const accidents = rng.chance(t.accidentP) ? (rng.chance(0.85) ? 1 : 2) : 0;

  const n: Numbers = {
    units_inspected: unitsInspected,
    inspector_person_times: Math.round(unitsInspected * rng.uniform(1.2, 2.5)),
    hazards_found: found,
    hazards_rectified: rectified,
    hazards_major_found: major,
    hazards_major_rectified: majorRect,
    rectification_notices: notices,
    // Not collected by the Chinese template (enforcement mostly sits at district level), so the
    // JSON and the CSV stay equivalent: null = not reported.
    penalty_cases: null,
    fines_10k_yuan: null,
    meetings_held: rng.int(t.meetings[0], t.meetings[1]),
    trainings_held: trainings,
    training_person_times: trainees,
    warning_edu_sessions: Math.min(2, rng.poisson(0.6)),
    publicity_events: publicity,
    leaflets_distributed: leaflets,
    drills_held: Math.min(t.drillCap, rng.poisson(t.drillMean * drillSeason(month))),
    accidents,
    deaths: accidents > 0 && rng.chance(0.2) ? 1 : 0,
    injuries: accidents > 0 ? rng.int(0, 2) : 0,
    rectification_funds_10k_yuan: funds,
    direct_loss_10k_yuan: accidents > 0 ? round2(rng.uniform(0.2, 50)) : 0,
  };
  // Clerks leave a few secondary cells blank: not reported, never 0.
  for (const f of [
    'inspector_person_times',
    'warning_edu_sessions',
    'leaflets_distributed',
    'rectification_funds_10k_yuan',
    'direct_loss_10k_yuan',
  ] as const) {
    if (rng.chance(t.nullP)) n[f] = null;
  }
  return n;
}

/**
 * A report date: 18th–25th of the month (on time for the default due day, the 25th), or 1st–10th
 * of the next month when late. One draw either way, so the rest of the seeded stream is unchanged.
 */
function drawReportDate(rng: Rng, p: TownshipProfile, period: Period): string | null {
  if (rng.chance(0.01)) return null;
  if (rng.chance(p.lateRate)) {
    const next = addMonths(period, 1);
    return `${next}-${String(rng.int(1, 10)).padStart(2, '0')}`;
  }
  return `${period}-${String(rng.int(18, 25))}`;
}

function weightedCategory(rng: Rng, exclude: ReadonlySet<ProblemCategoryCode>): ProblemCategoryCode {
  const entries = [...CATEGORY_WEIGHTS].filter(([c]) => !exclude.has(c));
  const total = entries.reduce((s, [, w]) => s + w, 0);
  let r = rng.uniform(0, total);
  for (const [c, w] of entries) {
    r -= w;
    if (r < 0) return c;
  }
  return entries[entries.length - 1]?.[0] ?? 'P99';
}

function phrasing(rng: Rng, category: ProblemCategoryCode, avoid: string | null): string {
  const bank = PROBLEM_BANK.get(category) ?? [];
  const options = bank.filter((t) => t !== avoid);
  return rng.pick(options.length > 0 ? options : bank);
}

interface Statement {
  readonly category: ProblemCategoryCode;
  readonly text: string;
}

/**
 * This month's statements from last month's: ~30 % copy the wording, another ~30 % keep the
 * category with new wording, the rest are fresh; a chronic category is always first.
 */
function drawStatements(
  rng: Rng,
  prev: readonly Statement[],
  chronic: ProblemCategoryCode | null,
): Statement[] {
  const count = rng.int(2, 4);
  const out: Statement[] = [];
  const used = new Set<ProblemCategoryCode>();
  const add = (s: Statement) => {
    out.push(s);
    used.add(s.category);
  };
  if (chronic !== null) {
    const before = prev.find((s) => s.category === chronic);
    add(
      before && rng.chance(0.5)
        ? before
        : { category: chronic, text: phrasing(rng, chronic, before?.text ?? null) },
    );
  }
  for (let i = out.length; i < count; i++) {
    const last = prev[i];
    const r = rng.next();
    if (last && !used.has(last.category) && r < 0.3) add(last);
    else if (last && !used.has(last.category) && r < 0.6)
      add({ category: last.category, text: phrasing(rng, last.category, last.text) });
    else {
      const category = weightedCategory(rng, used);
      add({ category, text: phrasing(rng, category, null) });
    }
  }
  return out;
}

const CN_ORDINALS = ['一', '二', '三', '四', '五', '六'];

/** Joins statements the way reports enumerate them. */
export function formatStatements(
  texts: readonly string[],
  style: EnumerationStyle,
  leadIn: string | null,
): string {
  const ord = (i: number) => CN_ORDINALS[i] ?? String(i + 1);
  let body: string;
  switch (style) {
    case 'yishi':
      body = texts.map((t, i) => `${ord(i)}是${t}`).join('；') + '。';
      break;
    case 'paren':
      body = texts.map((t, i) => `（${ord(i)}）${t}。`).join('');
      break;
    case 'paren-lines':
      body = texts.map((t, i) => `（${ord(i)}）${t}。`).join('\n');
      break;
    case 'arabic':
      body = texts.map((t, i) => `${i + 1}、${t}。`).join('');
      break;
  }
  return leadIn ? `${leadIn}${style === 'paren-lines' ? '\n' : ''}${body}` : body;
}

const sectorNames = (codes: readonly SectorCode[]): string =>
  codes.map((c) => (sectorByCode(c)?.zh ?? c).replace(/（.*）$/, '')).join('、');

interface LedgerUnit {
  readonly name: string;
  readonly village: string;
}

interface LedgerState {
  readonly villages: readonly string[];
  readonly units: Map<SectorCode, LedgerUnit[]>;
  /** Earlier rectified hazards with a unit, for 屡查屡犯 repeats. */
  readonly closed: { unit: LedgerUnit; sector: SectorCode; description: string; rectifiedDay: number }[];
}

function newLedgerState(rng: Rng, type: TownshipType): LedgerState {
  const villages =
    type === 'jiedao'
      ? rng
          .shuffle(COMMUNITY_STEMS)
          .slice(0, rng.int(6, 9))
          .map((s) => `${s}社区`)
      : rng
          .shuffle(VILLAGE_STEMS)
          .slice(0, rng.int(8, 14))
          .map((s) => `${s}村`);
  return { villages, units: new Map(), closed: [] };
}

function unitFor(rng: Rng, st: LedgerState, sector: SectorCode): LedgerUnit | null {
  const kinds = UNIT_KINDS.get(sector) ?? [];
  if (kinds.length === 0) return null;
  let pool = st.units.get(sector);
  if (!pool) {
    pool = [];
    const taken = new Set<string>();
    const size = rng.int(20, 40);
    for (let i = 0; i < size * 4 && pool.length < size; i++) {
      const village = rng.pick(st.villages);
      const kind = rng.pick(kinds);
      // 村-level premises carry the village name, as ledgers write them (王庄村顺发超市).
      const name = `${rng.chance(0.4) ? village : ''}${rng.pick(UNIT_BRANDS)}${kind}`;
      if (taken.has(name)) continue;
      taken.add(name);
      pool.push({ name, village });
    }
    st.units.set(sector, pool);
  }
  return rng.pick(pool);
}

/** Items of one township-month ledger, consistent with that month's summary numbers. */
function drawLedger(
  rng: Rng,
  st: LedgerState,
  p: TownshipProfile,
  row: SampleTownshipMonth,
  asOfDay: number,
  recentFrom: Period,
  dropOne: boolean,
): SampleHazard[] {
  const found = row.hazards_found ?? 0;
  if (found === 0) return [];
  const major = row.hazards_major_found ?? 0;
  const majorRect = row.hazards_major_rectified ?? 0;
  const rectified = row.hazards_rectified ?? 0;
  // Item plan in order: rectified majors, rectified generals, open generals, open majors.
  const plan: { level: HazardLevel; fixed: boolean }[] = [];
  for (let i = 0; i < majorRect; i++) plan.push({ level: 'major', fixed: true });
  for (let i = 0; i < rectified - majorRect; i++) plan.push({ level: 'general', fixed: true });
  for (let i = 0; i < found - major - (rectified - majorRect); i++)
    plan.push({ level: 'general', fixed: false });
  for (let i = 0; i < major - majorRect; i++) plan.push({ level: 'major', fixed: false });
  if (dropOne) plan.pop();

  const period = row.period;
  const first = dayNumber(`${period}-01`);
  const report = row.report_date;
  const reportDay = report === null ? dayNumber(`${period}-25`) : dayNumber(report);
  const lastFound = Math.min(reportDay - 1, dayNumber(lastDayOfPeriod(period)));
  const focus = row.focus_sectors ?? [];
  const items: SampleHazard[] = [];
  for (const item of plan) {
    const foundDay = rng.int(first, Math.max(first, lastFound));
    let sector: SectorCode;
    let unit: LedgerUnit | null;
    let description: string | null = null;
    // 屡查屡犯: the same unit and sector found again 1–4 months after it was rectified.
    const repeatable = st.closed.filter(
      (c) => foundDay - c.rectifiedDay >= 30 && foundDay - c.rectifiedDay <= 120,
    );
    if (repeatable.length > 0 && rng.chance(0.03)) {
      const prior = rng.pick(repeatable);
      sector = prior.sector;
      unit = prior.unit;
      if (rng.chance(0.5)) description = prior.description;
    } else {
      sector =
        focus.length > 0 && rng.chance(0.8) ? rng.pick(focus) : rng.pick(typicalSectors(p.township.type));
      unit = unitFor(rng, st, sector);
    }
    description ??= rng.pick(HAZARD_DESCRIPTIONS.get(sector) ?? ['其他安全隐患']);
    const village = unit?.village ?? rng.pick(st.villages);

    let status: HazardStatus;
    let rectifiedDay: number | null;
    if (item.fixed) {
      rectifiedDay = rng.chance(0.5) ? foundDay : rng.int(foundDay, Math.max(foundDay, reportDay));
      status = rng.chance(0.4) ? 'closed' : 'rectified';
    } else if (period < recentFrom) {
      // Fixed after the report date (so the summary's cohort count still holds), or handed over.
      if (rng.chance(0.1)) {
        status = 'transferred';
        rectifiedDay = null;
      } else {
        rectifiedDay = reportDay + (item.level === 'major' ? rng.int(30, 150) : rng.int(3, 45));
        status = 'rectified';
        if (rectifiedDay > asOfDay) {
          rectifiedDay = null;
          status = 'in_progress';
        }
      }
    } else {
      status = 'in_progress';
      rectifiedDay = null;
    }
    const onSite = rectifiedDay === foundDay;
    const deadlineDay = onSite
      ? null
      : foundDay + (item.level === 'major' ? rng.int(60, 90) : rng.int(7, 30));
    if (rectifiedDay !== null && unit !== null) st.closed.push({ unit, sector, description, rectifiedDay });
    const dateFound = dateFromDayNumber(foundDay);
    items.push({
      township: row.township,
      date_found: dateFound,
      period: dateFound.slice(0, 7),
      sector,
      level: item.level,
      description,
      status,
      rectified_date: rectifiedDay === null ? null : dateFromDayNumber(rectifiedDay),
      deadline: deadlineDay === null ? null : dateFromDayNumber(deadlineDay),
      village,
      unit_name: unit?.name ?? null,
    });
  }
  return items.sort((a, b) => (a.date_found < b.date_found ? -1 : a.date_found > b.date_found ? 1 : 0));
}

/**
 * Generates a district dataset. Each township is drawn from its own sub-streams (numbers, text,
 * ledger), so adding a township or changing the text bank does not move anyone else's numbers.
 * Missing months produce no row at all; forced-missing months win over everything else.
 */
export function generateDataset(opts: GenerateOptions): SampleDataset {
  const periods = periodRange(opts.from, opts.to);
  const lastPeriod = opts.to;
  const asOfDay = dayNumber(lastDayOfPeriod(lastPeriod)) + 25;
  const recentFrom = addMonths(lastPeriod, -1);
  const sc = opts.scenario;
  const allZero = new Set(sc.allZero.map((x) => tpKey(x.township, x.period)));
  const copyPrev = new Set(sc.copyPrevious.map((x) => tpKey(x.township, x.period)));
  // Rows a scenario depends on must exist (and so must the month a copy is taken from).
  const mustReport = new Set<string>([...allZero, ...copyPrev]);
  for (const x of sc.copyPrevious) mustReport.add(tpKey(x.township, addMonths(x.period, -1)));
  if (sc.ledgerMismatch) mustReport.add(tpKey(sc.ledgerMismatch.township, sc.ledgerMismatch.period));

  const rowsByTownship: SampleTownshipMonth[][] = [];
  const hazards: SampleHazard[] = [];
  const statements: SampleStatement[] = [];

  for (const p of opts.profiles) {
    const name = p.township.name;
    const numRng = createRng(deriveSeed(opts.seed, `numbers:${name}`));
    const textRng = createRng(deriveSeed(opts.seed, `text:${name}`));
    const ledgerRng = createRng(deriveSeed(opts.seed, `ledger:${name}`));
    const ledgerState = p.ledger && !opts.numbersOnly ? newLedgerState(ledgerRng, p.township.type) : null;
    const forcedMissing = new Set(p.forcedMissing);
    const rows: SampleTownshipMonth[] = [];
    let prevStatements: Statement[] = [];
    let prevNumbers: Numbers | null = null;

    for (const period of periods) {
      const key = tpKey(name, period);
      const isLast = period === lastPeriod;
      // Draw everything before deciding on a gap so the dice stay aligned month to month.
      let numbers = drawNumbers(numRng, p, period, isLast);
      const reportDate = drawReportDate(numRng, p, period);
      const missRoll = numRng.next();
      const focus = focusSectors(periodMonth(period), p.township.type, textRng);

      const protectedMonth =
        mustReport.has(key) ||
        (isLast && p.lowRateInLastMonth) ||
        (p.noTrainingFrom !== null && period >= p.noTrainingFrom) ||
        (p.chronic !== null && period >= p.chronic.from);
      const missing = forcedMissing.has(period) || (!protectedMonth && missRoll < p.missRate);
      if (missing) continue;

      if (allZero.has(key)) {
        numbers = { ...numbers };
        for (const f of NUMERIC_FIELDS) if (numbers[f] !== null) numbers[f] = 0;
      } else if (copyPrev.has(key) && prevNumbers) {
        numbers = { ...prevNumbers };
      }
      if (sc.ledgerMismatch && key === tpKey(sc.ledgerMismatch.township, sc.ledgerMismatch.period)) {
        if ((numbers.hazards_found ?? 0) < 3) {
          numbers = { ...numbers, hazards_found: 6, hazards_rectified: 6 };
          numbers.hazards_major_found = 0;
          numbers.hazards_major_rectified = 0;
        }
      }
      prevNumbers = numbers;

      let problemsText: string | null = null;
      let nextSteps: string | null = null;
      let remarks: string | null = null;
      if (!opts.numbersOnly) {
        const chronic = p.chronic !== null && period >= p.chronic.from ? p.chronic.category : null;
        let current: Statement[];
        if (sc.xiaozhaoAprils && name === '小召乡' && periodMonth(period) === 4) {
          current = XIAOZHAO_2022_CATEGORIES.map((category) => ({ category, text: '' }));
          problemsText = XIAOZHAO_2022_PROBLEMS;
          statements.push(
            ...XIAOZHAO_2022_CATEGORIES.map((category) => ({ township: name, period, category, text: '' })),
          );
        } else {
          current = drawStatements(textRng, prevStatements, chronic);
          const leadIn = textRng.chance(0.2) ? '主要存在以下问题：' : null;
          problemsText = formatStatements(
            current.map((s) => s.text),
            p.style,
            leadIn,
          );
          for (const s of current)
            statements.push({ township: name, period, category: s.category, text: s.text });
        }
        // The real 2022 wording is not in the bank; next month draws fresh wording from its categories.
        prevStatements = current.map((s) =>
          s.text === '' ? { category: s.category, text: phrasing(textRng, s.category, null) } : s,
        );
        if (textRng.chance(0.4)) {
          const opening = textRng.pick(NEXT_STEP_OPENINGS);
          nextSteps = `${opening.replace('{sectors}', sectorNames(focus.slice(0, 3)))}。`;
        }
        const late = reportDate !== null && reportDate.slice(0, 7) !== period;
        if (textRng.chance(late ? 0.25 : 0.025)) remarks = textRng.pick(REMARKS);
      }

      const row: SampleTownshipMonth = {
        township: name,
        period,
        period_scope: 'month',
        report_date: reportDate,
        ...numbers,
        focus_sectors: focus,
        problems_text: problemsText,
        next_steps_text: nextSteps,
        remarks,
      };
      rows.push(row);
      if (ledgerState) {
        const drop =
          sc.ledgerMismatch !== null && key === tpKey(sc.ledgerMismatch.township, sc.ledgerMismatch.period);
        hazards.push(...drawLedger(ledgerRng, ledgerState, p, row, asOfDay, recentFrom, drop));
      }
    }
    rowsByTownship.push(rows);
  }

  // Period-major order, official township order within a month.
  const townshipMonths: SampleTownshipMonth[] = [];
  const cursors = rowsByTownship.map(() => 0);
  for (const period of periods) {
    rowsByTownship.forEach((rows, i) => {
      const c = cursors[i] ?? 0;
      const row = rows[c];
      if (row && row.period === period) {
        townshipMonths.push(row);
        cursors[i] = c + 1;
      }
    });
  }
  return {
    district: opts.district,
    townships: opts.profiles.map((p) => p.township),
    townshipMonths,
    hazards,
    statements,
  };
}
