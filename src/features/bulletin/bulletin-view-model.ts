/**
 * The 通报 view without React: the title-block form (month, district, issuing office, cut-off
 * date) as a headless controller, and the pure derivation of what the view shows from it — the
 * bulletin model, its three charts and each chart's export period — built by the same analysis
 * and chart builders as the dashboard, so every figure matches it.
 */
import type { Cube } from '../../analysis/cube';
import type { Filters } from '../../analysis/metrics';
import type { ChartSpec } from '../../charts/chart-spec';
import { buildRankingSpec } from '../../charts/compare-charts';
import { buildSubmissionMatrixSpec } from '../../charts/submission-chart';
import { buildTrendSpec } from '../../charts/trend';
import { describeFilters, type ChartExportMeta } from '../../components/chart-export-scope';
import { addMonths, isPeriod, type Period } from '../../domain/month';
import type { Dataset } from '../../domain/records';
import { buildBulletinFacts, type RecurringProblemFact } from '../../export/bulletin/bulletin-facts';
import { buildBulletinModel, type BulletinModel } from '../../export/bulletin/bulletin-model';
import { translate, type Lang } from '../../i18n/i18n';

/** The district settings the bulletin reads (the store's settings when persistence is on). */
export interface BulletinDefaults {
  readonly districtName: string;
  readonly issuingOffice: string;
  readonly dueDay: number;
}

/** What the user typed or picked; null = not touched (the default applies). */
export interface BulletinForm {
  readonly month: Period | null;
  readonly district: string | null;
  readonly office: string | null;
  readonly cutoff: string;
}

export interface BulletinFormController {
  getSnapshot(): BulletinForm;
  subscribe(listener: () => void): () => void;
  pickMonth(month: Period): void;
  setDistrict(district: string): void;
  setOffice(office: string): void;
  /** An emptied date input keeps the last valid day: the title block always has one. */
  setCutoff(cutoff: string): void;
}

/** Creates the form, cut-off date defaulting to `today`. */
export function createBulletinFormController(today: string): BulletinFormController {
  let form: BulletinForm = { month: null, district: null, office: null, cutoff: today };
  const listeners = new Set<() => void>();
  const set = (patch: Partial<BulletinForm>) => {
    form = { ...form, ...patch };
    for (const l of [...listeners]) l();
  };
  return {
    getSnapshot: () => form,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    pickMonth: (month) => set({ month }),
    setDistrict: (district) => set({ district }),
    setOffice: (office) => set({ office }),
    setCutoff: (cutoff) => {
      if (cutoff !== '') set({ cutoff });
    },
  };
}

/** Months of the trend chart (the bulletin month and the 11 before it) and of the submission matrix. */
const TREND_MONTHS = 12;
const MATRIX_MONTHS = 6;
const DEFAULT_DUE_DAY = 25;

/** `from`..`month` clamped to the first month of data (a range before the data is all gaps). */
function windowFilters(month: Period, months: number, first: Period | undefined): Filters {
  const start = addMonths(month, -(months - 1));
  const from = first !== undefined && first > start ? first : start;
  return { from, to: month, townships: null, sector: null };
}

/** The months a multi-month bulletin chart covers (by spec id), or null for a one-month chart. */
function chartRange(id: string, month: Period, first: Period | undefined): Filters | null {
  if (id === 'district-trend') return windowFilters(month, TREND_MONTHS, first);
  if (id === 'submission-matrix') return windowFilters(month, MATRIX_MONTHS, first);
  return null;
}

/** The bulletin's three charts for `month`, in the order they are printed and put into Word. */
export function bulletinCharts(cube: Cube, month: Period, lang: Lang, dueDay: number): ChartSpec[] {
  const first = cube.periods[0];
  const one: Filters = { from: month, to: month, townships: null, sector: null };
  return [
    buildRankingSpec(cube, { metric: 'rectification_rate', filters: one, lang, id: 'bulletin-ranking' }),
    buildTrendSpec(cube, {
      metrics: ['hazards_found', 'hazards_rectified', 'rectification_rate'],
      filters: chartRange('district-trend', month, first) ?? one,
      lang,
    }),
    buildSubmissionMatrixSpec(cube, {
      filters: chartRange('submission-matrix', month, first) ?? one,
      lang,
      dueDay,
    }),
  ];
}

export interface BulletinViewInput {
  readonly dataset: Dataset;
  readonly cube: Cube;
  readonly form: BulletinForm;
  readonly settings: BulletinDefaults | null;
  readonly today: string;
  readonly lang: Lang;
  readonly initialMonth: Period | null;
  readonly recurringProblems: ((month: Period) => readonly RecurringProblemFact[]) | null;
  /** Problem statements awaiting confirmation up to a month (not counted as recurring); absent → 0. */
  readonly unconfirmedProblems?: ((month: Period) => number) | null;
}

export interface BulletinView {
  /** Months with data, oldest first. */
  readonly months: readonly Period[];
  readonly month: Period;
  /** The title block's district and office as shown in the form (typed, else the default). */
  readonly district: string;
  readonly office: string;
  readonly model: BulletinModel;
  readonly charts: readonly ChartSpec[];
  /** Export metadata per multi-month chart (its own period); the ranking uses the view's. */
  readonly chartMeta: ReadonlyMap<string, ChartExportMeta>;
  /** The view's export metadata: the bulletin month and today as 制图日期. */
  readonly meta: ChartExportMeta;
}

/**
 * The month shown: the one picked (if it has data), else `initialMonth` (if valid and with data),
 * else the latest month with data; null without data.
 */
export function bulletinMonth(
  months: readonly Period[],
  picked: Period | null,
  initial: Period | null,
): Period | null {
  if (picked !== null && months.includes(picked)) return picked;
  if (initial && isPeriod(initial) && months.includes(initial)) return initial;
  return months[months.length - 1] ?? null;
}

/**
 * Derives the view; null when there is no month with data. Blank settings fall back to the
 * dataset's district and an office name derived from it.
 */
export function deriveBulletinView(input: BulletinViewInput): BulletinView | null {
  const { dataset, cube, form, settings, lang, today } = input;
  const months = cube.periods;
  const month = bulletinMonth(months, form.month, input.initialMonth);
  if (month === null) return null;
  const district = form.district ?? (settings?.districtName.trim() || dataset.district || '');
  const officeDefault =
    settings?.issuingOffice.trim() ||
    (district ? translate(lang, 'exportui.bulletin.defaultOffice', { district }) : '');
  const office = form.office ?? officeDefault;
  const dueDay = settings?.dueDay ?? DEFAULT_DUE_DAY;
  const facts = buildBulletinFacts(
    dataset,
    month,
    {
      district,
      issuingOffice: office,
      cutoffDate: form.cutoff,
      dueDay,
      recurringProblems: input.recurringProblems?.(month) ?? [],
      unconfirmedProblems: input.unconfirmedProblems?.(month) ?? 0,
    },
    cube,
  );
  const model = buildBulletinModel(facts, { lang });
  const { charts, chartMeta } = chartsFor(cube, month, lang, dueDay);
  const meta: ChartExportMeta = { subtitle: model.monthLabel, period: model.month, generatedAt: today };
  return { months, month, district, office, model, charts, chartMeta, meta };
}

type BulletinCharts = Pick<BulletinView, 'charts' | 'chartMeta'>;
const chartCache = new WeakMap<Cube, Map<string, BulletinCharts>>();

/**
 * The charts and their export periods, cached per cube, month, language and due day: typing in
 * the title block changes the bulletin text, not the charts, so they are not rebuilt (or redrawn).
 */
function chartsFor(cube: Cube, month: Period, lang: Lang, dueDay: number): BulletinCharts {
  let byKey = chartCache.get(cube);
  if (!byKey) chartCache.set(cube, (byKey = new Map()));
  const key = `${month}|${lang}|${dueDay}`;
  const cached = byKey.get(key);
  if (cached) return cached;
  const charts = bulletinCharts(cube, month, lang, dueDay);
  const chartMeta = new Map<string, ChartExportMeta>();
  for (const spec of charts) {
    const range = chartRange(spec.id, month, cube.periods[0]);
    if (!range) continue;
    const d = describeFilters(lang, { ...range, townships: [] });
    chartMeta.set(spec.id, { subtitle: d.subtitle, ...(d.period ? { period: d.period } : {}) });
  }
  const made = { charts, chartMeta };
  byKey.set(key, made);
  return made;
}
