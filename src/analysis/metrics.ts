/**
 * The metric registry and the aggregation every view uses: numeric fields plus derived rates,
 * computed from the cube under a filter. Rates are always pooled (Σnumerator ÷ Σdenominator),
 * never a mean of rates (docs/domain.md#pooled-rates).
 */
import { isPeriod, periodRange, type Period } from '../domain/month';
import { townshipMonthField } from '../domain/fields';
import { MONEY_FIELDS, NUMERIC_FIELDS, type NumericField } from '../domain/records';
import type { SectorCode } from '../domain/sectors';
import { formatNumber } from '../i18n/format';
import { translate, type Lang } from '../i18n/i18n';
import type { MessageKey } from '../i18n/catalog';
import type { Cube } from './cube';
import { ledgerTallyKey, townshipMonthFigure } from './hazard-figures';

/** What every computation is restricted to. `townships: null` = all; `sector: null` = all sectors. */
export interface Filters {
  readonly from: Period;
  readonly to: Period;
  readonly townships: readonly string[] | null;
  readonly sector: SectorCode | null;
}

export const DERIVED_METRICS = [
  'rectification_rate',
  'major_open',
  'hazards_per_100_units',
  'attendance_per_training',
] as const;
export type DerivedMetricId = (typeof DERIVED_METRICS)[number];
export type MetricId = NumericField | DerivedMetricId;

export type MetricFormat = 'integer' | 'decimal' | 'percent';

export interface MetricDef {
  readonly id: MetricId;
  readonly labelKey: MessageKey;
  readonly unitKey: MessageKey;
  readonly format: MetricFormat;
  /** True when values add up across townships and months (counts, money). */
  readonly summable: boolean;
  /** field = a reported number; ratio = Σnum ÷ Σden × scale; stock = cumulative backlog at a month. */
  readonly kind: 'field' | 'ratio' | 'stock';
  readonly ratio?: { readonly num: NumericField; readonly den: NumericField; readonly scale: number };
}

/** The message key of each unit the field registry uses (its zh text is the registry's unit). */
const UNIT_KEY: ReadonlyMap<string, MessageKey> = new Map<string, MessageKey>([
  ['家次', 'charts.unit.unit_visits'],
  ['人次', 'charts.unit.person_times'],
  ['处', 'charts.unit.hazards'],
  ['份', 'charts.unit.copies'],
  ['起', 'charts.unit.cases'],
  ['次', 'charts.unit.times'],
  ['场次', 'charts.unit.sessions'],
  ['人', 'charts.unit.persons'],
  ['万元', 'charts.unit.money'],
]);

/** A numeric field's unit key, from the field registry; a unit without a message is a programmer error. */
function unitKeyOf(f: NumericField): MessageKey {
  const unit = townshipMonthField(f)?.unit;
  const key = unit ? UNIT_KEY.get(unit) : undefined;
  if (key === undefined) throw new Error(`metrics: no unit message for field ${f} (unit ${String(unit)})`);
  return key;
}

const MONEY: ReadonlySet<NumericField> = new Set(MONEY_FIELDS);

/** The metric registry in display order: numeric fields, then derived metrics. */
export const METRICS: ReadonlyMap<MetricId, MetricDef> = new Map<MetricId, MetricDef>([
  ...NUMERIC_FIELDS.map((f): [MetricId, MetricDef] => [
    f,
    {
      id: f,
      labelKey: `charts.metric.${f}`,
      unitKey: unitKeyOf(f),
      format: MONEY.has(f) ? 'decimal' : 'integer',
      summable: true,
      kind: 'field',
    },
  ]),
  [
    'rectification_rate',
    {
      id: 'rectification_rate',
      labelKey: 'charts.metric.rectification_rate',
      unitKey: 'charts.unit.percent',
      format: 'percent',
      summable: false,
      kind: 'ratio',
      ratio: { num: 'hazards_rectified', den: 'hazards_found', scale: 1 },
    },
  ],
  [
    'major_open',
    {
      id: 'major_open',
      labelKey: 'charts.metric.major_open',
      unitKey: 'charts.unit.hazards',
      format: 'integer',
      summable: false,
      kind: 'stock',
    },
  ],
  [
    'hazards_per_100_units',
    {
      id: 'hazards_per_100_units',
      labelKey: 'charts.metric.hazards_per_100_units',
      unitKey: 'charts.unit.per_100_units',
      format: 'decimal',
      summable: false,
      kind: 'ratio',
      ratio: { num: 'hazards_found', den: 'units_inspected', scale: 100 },
    },
  ],
  [
    'attendance_per_training',
    {
      id: 'attendance_per_training',
      labelKey: 'charts.metric.attendance_per_training',
      unitKey: 'charts.unit.per_session',
      format: 'decimal',
      summable: false,
      kind: 'ratio',
      ratio: { num: 'training_person_times', den: 'trainings_held', scale: 1 },
    },
  ],
]);

/** The definition of a metric id (every MetricId is registered). */
export function metricDef(id: MetricId): MetricDef {
  const d = METRICS.get(id);
  if (!d) throw new Error(`Unknown metric ${id}`); // programmer error: MetricId is a closed union
  return d;
}

/** True when `value` is a registered metric id (for ids arriving from the URL). */
export const isMetricId = (value: string): value is MetricId => METRICS.has(value as MetricId);

/** The metric's label in a language, e.g. 排查隐患 / Hazards found. */
export const metricLabel = (id: MetricId, lang: Lang): string => translate(lang, metricDef(id).labelKey);

/** The metric's unit in a language, e.g. 处 / items. */
export const metricUnit = (id: MetricId, lang: Lang): string => translate(lang, metricDef(id).unitKey);

/**
 * Formats a metric value for text (tooltips, tables, summaries): integers with grouping, decimals
 * to 2 places, rates (fractions) as percent with one decimal (the official forms' precision).
 * null → null, so the caller decides how "not reported" reads.
 */
export function formatMetricValue(id: MetricId, value: number | null, lang: Lang): string | null {
  if (value === null || !Number.isFinite(value)) return null;
  switch (metricDef(id).format) {
    case 'integer':
      return formatNumber(lang, value, 0);
    case 'decimal':
      return formatNumber(lang, value, 2);
    case 'percent':
      return `${(value * 100).toFixed(1)}%`;
  }
}

/** The months a filter covers, ascending; empty when from/to are malformed or reversed. */
export function filterPeriods(filters: Pick<Filters, 'from' | 'to'>): Period[] {
  if (!isPeriod(filters.from) || !isPeriod(filters.to)) return [];
  return periodRange(filters.from, filters.to);
}

/**
 * The townships a filter selects, in official order. Names are canonicalised (an old name selects
 * the renamed township); names unknown to the cube are ignored. `null` → every township.
 */
export function filterTownships(cube: Cube, filters: Pick<Filters, 'townships'>): string[] {
  if (filters.townships === null) return [...cube.townships];
  const wanted = new Set(filters.townships.map((t) => cube.index.canonical(t)));
  return cube.townships.filter((t) => wanted.has(t));
}

/** Filters covering the whole cube: all months with data, all townships, all sectors. */
export function defaultFilters(cube: Cube): Filters {
  const first = cube.periods[0] ?? '';
  const last = cube.periods[cube.periods.length - 1] ?? '';
  return { from: first, to: last, townships: null, sector: null };
}

/**
 * One field of one township-month under a sector filter. Every view reads figures through here,
 * so they all follow docs/decisions/0005-ledger-and-report-totals.md. No sector → the report's
 * value, or, for hazard counts of a month the report leaves blank or that has no report, the
 * ledger's count when the township's ledger covers the month (`townshipMonthFigure`).
 * With a sector, hazard counts (found/rectified/major) come from the township's itemised ledger
 * when it covers that month (0 when the ledger lists none in the sector, even without a report);
 * otherwise, and for every other field, the whole reported value counts when the month's
 * focus_sectors (or its itemised hazards) include the sector, and null otherwise: a township-month
 * not working on the sector says nothing about it. Focus-sector values are attributed, not
 * apportioned, so sector totals need not add up to the district total. Missing report → null.
 */
export function cellFieldValue(
  cube: Cube,
  township: string,
  period: Period,
  field: NumericField,
  sector: SectorCode | null,
): number | null {
  if (sector === null) return townshipMonthFigure(cube, township, period, field).value;
  const cell = cube.cell(township, period);
  const itemised = cube.itemised(township, period);
  const tallyKey = ledgerTallyKey(field);
  if (tallyKey && itemised) return itemised.get(sector)?.[tallyKey] ?? 0;
  if (!cell) return null;
  const inSector = (cell.focus_sectors?.includes(sector) ?? false) || (itemised?.get(sector)?.found ?? 0) > 0;
  return inSector ? cell.values[field] : null;
}

/** An aggregate with its coverage, so the UI can warn "本月有2个乡镇未报送". */
export interface Aggregate {
  /** null when nothing was reported (or a rate's denominator is 0 / unknown). */
  readonly value: number | null;
  /** Townships with at least one report in the months. */
  readonly reporting: number;
  /** Townships whose data entered the value (non-null field, or both sides of a ratio). */
  readonly contributing: number;
  /** Townships asked for. */
  readonly expected: number;
}

export interface AggregateOptions {
  /** Divide by units inspected ×100 (summable metrics only; rates and the backlog ignore it). */
  readonly normalise?: boolean;
}

const backlogCache = new WeakMap<Cube, Map<string, ReadonlyMap<Period, number | null>>>();

/**
 * Cumulative open major hazards of a township at the end of each month of the cube:
 * Σ(major found − major rectified) over every earlier and current month where both are known,
 * starting at the cube's first month (a stock, so it ignores the filter's `from`). null until the
 * township has reported both major fields at least once; missing months add nothing.
 */
export function townshipBacklog(
  cube: Cube,
  township: string,
  sector: SectorCode | null,
): ReadonlyMap<Period, number | null> {
  let perCube = backlogCache.get(cube);
  if (!perCube) backlogCache.set(cube, (perCube = new Map()));
  const k = `${township}\u0000${sector ?? ''}`;
  const cached = perCube.get(k);
  if (cached) return cached;
  const out = new Map<Period, number | null>();
  let running: number | null = null;
  for (const p of cube.periods) {
    const f = cellFieldValue(cube, township, p, 'hazards_major_found', sector);
    const r = cellFieldValue(cube, township, p, 'hazards_major_rectified', sector);
    if (f !== null && r !== null) running = (running ?? 0) + f - r;
    out.set(p, running);
  }
  perCube.set(k, out);
  return out;
}

const clean = (x: number): number => Math.round(x * 1e6) / 1e6;

/**
 * A pooled rate Σnum ÷ Σden (× `scale`), the ONE formula of every rate the product shows (the
 * dashboard through aggregateMetric, the 通报 per township and for the district): null when
 * Σden ≤ 0 (undefined, never 0), rounded like every aggregate (docs/decisions/0004-counting-rules.md).
 */
export function pooledRatio(num: number, den: number, scale = 1): number | null {
  return den > 0 ? clean((num / den) * scale) : null;
}

/**
 * Aggregates a metric over townships × months under a sector. Fields: Σ of non-null values
 * (null when none). Ratios: Σnum ÷ Σden × scale over township-months where both are known (null
 * when Σden = 0 or nothing known). Backlog: Σ of township backlogs at the last month. With
 * `normalise`, a summable field becomes Σfield ÷ Σunits_inspected × 100 over township-months where
 * both are known. Empty township or month list → value null, counts 0.
 */
export function aggregateMetric(
  cube: Cube,
  metric: MetricId,
  townships: readonly string[],
  periods: readonly Period[],
  sector: SectorCode | null,
  options: AggregateOptions = {},
): Aggregate {
  const def = metricDef(metric);
  const grid = gridOf(cube);
  const { nP } = grid;
  // Row offsets of the townships (-1: not in the cube) and columns of the months (-1: outside).
  const rows = townships.map((t) => {
    const r = grid.row.get(t);
    return r === undefined ? -1 : r * nP;
  });
  const cols = periods.map((p) => grid.col.get(p) ?? -1);
  let reporting = 0;
  let contributing = 0;
  for (const r of rows) {
    if (r < 0) continue;
    for (const c of cols)
      if (c >= 0 && grid.reported[r + c] === 1) {
        reporting++;
        break;
      }
  }
  const base = { reporting, expected: townships.length };

  if (def.kind === 'stock') {
    const last = periods[periods.length - 1];
    const c = last === undefined ? -1 : (grid.col.get(last) ?? -1);
    const backlogs = c < 0 ? null : backlogGrid(cube, grid, sector);
    let sum: number | null = null;
    if (backlogs)
      for (const r of rows) {
        const v = r < 0 ? Number.NaN : backlogs[r + c]!;
        if (v === v) {
          sum = (sum ?? 0) + v;
          contributing++;
        }
      }
    return { ...base, value: sum, contributing };
  }

  const ratio =
    def.kind === 'ratio'
      ? def.ratio
      : options.normalise
        ? { num: metric as NumericField, den: 'units_inspected' as const, scale: 100 }
        : undefined;
  if (ratio) {
    const nums = fieldGrid(cube, grid, ratio.num, sector);
    const dens = fieldGrid(cube, grid, ratio.den, sector);
    let num = 0;
    let den = 0;
    let any = false;
    for (const r of rows) {
      if (r < 0) continue;
      let counted = false;
      for (const c of cols) {
        if (c < 0) continue;
        const n = nums[r + c]!;
        const d = dens[r + c]!;
        // NaN marks a null (not reported); NaN !== NaN.
        if (n !== n || d !== d) continue;
        num += n;
        den += d;
        any = true;
        counted = true;
      }
      if (counted) contributing++;
    }
    return { ...base, value: any ? pooledRatio(num, den, ratio.scale) : null, contributing };
  }

  const values = fieldGrid(cube, grid, metric as NumericField, sector);
  let sum: number | null = null;
  for (const r of rows) {
    if (r < 0) continue;
    let counted = false;
    for (const c of cols) {
      if (c < 0) continue;
      const v = values[r + c]!;
      if (v !== v) continue;
      sum = (sum ?? 0) + v;
      counted = true;
    }
    if (counted) contributing++;
  }
  return { ...base, value: sum === null ? null : clean(sum), contributing };
}

/**
 * The metric of each township in each month, rows[i][j] = aggregateMetric(cube, metric,
 * [townships[i]], [periods[j]], sector, options).value, computed in one pass over the cube's
 * arrays (the heatmap and small multiples need a value per cell; one aggregate call per cell was
 * most of a redraw at city size).
 */
export function cellMetricValues(
  cube: Cube,
  metric: MetricId,
  townships: readonly string[],
  periods: readonly Period[],
  sector: SectorCode | null,
  options: AggregateOptions = {},
): (number | null)[][] {
  const def = metricDef(metric);
  const grid = gridOf(cube);
  const cols = periods.map((p) => grid.col.get(p) ?? -1);
  if (def.kind === 'stock')
    return townships.map((t) => {
      const backlog = townshipBacklog(cube, t, sector);
      return periods.map((p) => backlog.get(p) ?? null);
    });
  const ratio =
    def.kind === 'ratio'
      ? def.ratio
      : options.normalise
        ? { num: metric as NumericField, den: 'units_inspected' as const, scale: 100 }
        : undefined;
  const nums = fieldGrid(cube, grid, ratio ? ratio.num : (metric as NumericField), sector);
  const dens = ratio ? fieldGrid(cube, grid, ratio.den, sector) : null;
  return townships.map((t) => {
    const r = grid.row.get(t);
    if (r === undefined) return periods.map(() => null);
    const base = r * grid.nP;
    return cols.map((c) => {
      if (c < 0) return null;
      const n = nums[base + c]!;
      if (n !== n) return null;
      if (!dens || !ratio) return clean(n);
      const d = dens[base + c]!;
      return d !== d ? null : pooledRatio(n, d, ratio.scale);
    });
  });
}

/**
 * The cube as dense township × month arrays, built once per cube (docs/architecture.md: filters
 * re-aggregate the cube, not the rows). At city size (300 townships × 120 months) a filter change
 * aggregates hundreds of thousands of township-months; reading them through string-keyed map
 * lookups and a new object per value made every redraw slow (issue 13). Each field's values come
 * from cellFieldValue, so the counting rules stay in one place; NaN marks null (not reported).
 */
interface CubeGrid {
  /** Township → row; month → column; months per row. */
  readonly row: ReadonlyMap<string, number>;
  readonly col: ReadonlyMap<Period, number>;
  readonly nP: number;
  /** 1 where the township has a report that month (cube.cell defined). */
  readonly reported: Uint8Array;
  /** `${field}\u0000${sector}` → values, filled on first use. */
  readonly fields: Map<string, Float64Array>;
}

const grids = new WeakMap<Cube, CubeGrid>();

function gridOf(cube: Cube): CubeGrid {
  let grid = grids.get(cube);
  if (grid) return grid;
  const nP = cube.periods.length;
  const row = new Map(cube.townships.map((t, i) => [t, i]));
  const col = new Map(cube.periods.map((p, j) => [p, j]));
  const reported = new Uint8Array(cube.townships.length * nP);
  cube.townships.forEach((t, i) =>
    cube.periods.forEach((p, j) => {
      if (cube.cell(t, p)) reported[i * nP + j] = 1;
    }),
  );
  grid = { row, col, nP, reported, fields: new Map() };
  grids.set(cube, grid);
  return grid;
}

/** townshipBacklog of every township and month as one array (NaN = null), per sector. */
function backlogGrid(cube: Cube, grid: CubeGrid, sector: SectorCode | null): Float64Array {
  const k = `major_open\u0000${sector ?? ''}`;
  let values = grid.fields.get(k);
  if (values) return values;
  const { nP } = grid;
  values = new Float64Array(cube.townships.length * nP);
  cube.townships.forEach((t, i) => {
    const backlog = townshipBacklog(cube, t, sector);
    cube.periods.forEach((p, j) => {
      values![i * nP + j] = backlog.get(p) ?? Number.NaN;
    });
  });
  grid.fields.set(k, values);
  return values;
}

function fieldGrid(cube: Cube, grid: CubeGrid, field: NumericField, sector: SectorCode | null): Float64Array {
  const k = `${field}\u0000${sector ?? ''}`;
  let values = grid.fields.get(k);
  if (values) return values;
  const { nP } = grid;
  values = new Float64Array(cube.townships.length * nP);
  cube.townships.forEach((t, i) =>
    cube.periods.forEach((p, j) => {
      values![i * nP + j] = cellFieldValue(cube, t, p, field, sector) ?? Number.NaN;
    }),
  );
  grid.fields.set(k, values);
  return values;
}
