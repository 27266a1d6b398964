/**
 * The whole view state lives in the query string so a view can be bookmarked, shared and restored
 * with back/forward. Pure: parse and serialise only; the hook in use-url-state.ts touches history.
 * Values from the URL are data typed by a stranger: every parameter is validated and an invalid one
 * is dropped (falls back to its default), never thrown on.
 */
import { isPeriod, type Period } from '../domain/month';
import { isCategoryCode } from '../analysis/problems/category-code';
import type { CategoryCode } from '../analysis/problems/types';
import { isMetricId, type MetricId } from '../analysis/metrics';
import type { RankOrder } from '../analysis/rank';
import { isSectorCode, type SectorCode } from '../domain/sectors';
import { DEFAULT_LANG, type Lang } from '../i18n/i18n';
import { parseRankShow, rankShowKey, type RankShow } from '../charts/rank-show';

export interface SortState {
  /** A column id (internal, e.g. `township`, `hazards_found`), never header text. */
  readonly id: string;
  readonly desc: boolean;
}

export interface SelectedCell {
  readonly township: string;
  readonly period: Period;
}

export interface ViewState {
  readonly view: string;
  readonly from: Period | null;
  readonly to: Period | null;
  /** Selected townships; empty means all. */
  readonly townships: readonly string[];
  readonly sector: SectorCode | null;
  /** The metric of the current view's picker (heatmap, ranking, small multiples). */
  readonly metric: MetricId | null;
  /** The scatter's x and y metrics (对比). */
  readonly x: MetricId | null;
  readonly y: MetricId | null;
  /** Normalise summable metrics per 100 units inspected (对比). */
  readonly norm: boolean;
  /** Ranking order (对比); null = the view's default. */
  readonly order: RankOrder | null;
  /** Months without training to flag (培训); null = the default (3). */
  readonly n: number | null;
  /** Day of the month a report is due (报送); null = the default (25). */
  readonly dueDay: number | null;
  readonly sort: SortState | null;
  readonly cell: SelectedCell | null;
  readonly lang: Lang;
  /** 问题 view: the selected problem category (URL `cat`); absent = none. Optional so older states stay valid. */
  readonly cat?: CategoryCode;
  /** 问题 view: the township whose timeline is shown (URL `pt`); absent = automatic. */
  readonly pt?: string;
  /** Detail panel: the report paragraph to highlight (URL `para`, a problem statement's); absent = none. */
  readonly para?: number;
  /**
   * The current view's ranking window (URL `rank`: `top20`, `bottom10`, `all`); absent = the
   * view's default (every township of a small district, else 20). See charts/township-window.ts.
   */
  readonly rank?: RankShow;
  /**
   * The page of the current view's paged township chart, 1-based as the page picker shows it (URL
   * `page`); absent = the selected cell's township's page, else the first.
   */
  readonly page?: number;
}

/** Longest township name accepted from a URL (names are short; this bounds hostile input). */
const MAX_NAME_CHARS = 64;
/** Most townships a URL may select (districts have 10–40). */
const MAX_TOWNSHIPS = 200;
const SORT_ID_RE = /^[a-z][a-z0-9_]{0,63}$/;

/** The default state for a list of view ids: the first view, no filters, zh-CN. */
export function defaultViewState(views: readonly string[]): ViewState {
  return {
    view: views[0] ?? 'data',
    from: null,
    to: null,
    townships: [],
    sector: null,
    metric: null,
    x: null,
    y: null,
    norm: false,
    order: null,
    n: null,
    dueDay: null,
    sort: null,
    cell: null,
    lang: DEFAULT_LANG,
  };
}

// Control characters and the separators we use would make a name ambiguous when serialised.
// eslint-disable-next-line no-control-regex
const BAD_NAME_RE = /[\u0000-\u001f\u007f~,]/;

const cleanName = (raw: string): string | null => {
  const name = raw.trim();
  if (name === '' || name.length > MAX_NAME_CHARS || BAD_NAME_RE.test(name)) return null;
  return name;
};

const ORDERS: readonly RankOrder[] = ['desc', 'asc', 'official'];
const isOrder = (v: string): v is RankOrder => (ORDERS as readonly string[]).includes(v);

const parseMetric = (raw: string | null): MetricId | null => (raw !== null && isMetricId(raw) ? raw : null);

/** A small whole number within [min, max] written as plain digits (no sign, no exponent), else null. */
function parseSmallInt(raw: string | null, min: number, max: number): number | null {
  if (raw === null || !/^[0-9]{1,3}$/.test(raw)) return null;
  const n = Number.parseInt(raw, 10);
  return n >= min && n <= max ? n : null;
}

/** Longest no-training run a URL may ask about (months). */
const MAX_N_MONTHS = 36;

function parseSort(raw: string | null): SortState | null {
  if (!raw) return null;
  const desc = raw.startsWith('-');
  const id = desc ? raw.slice(1) : raw;
  return SORT_ID_RE.test(id) ? { id, desc } : null;
}

function parseCell(raw: string | null): SelectedCell | null {
  if (!raw) return null;
  // `~` cannot appear in a valid name (see BAD_NAME_RE), so splitting on the last one is unambiguous.
  const at = raw.lastIndexOf('~');
  if (at <= 0) return null;
  const township = cleanName(raw.slice(0, at));
  const period = raw.slice(at + 1);
  return township && isPeriod(period) ? { township, period } : null;
}

/** The 问题 view's parameters: a valid category code and a clean township name, else absent. */
function parseProblemParams(p: URLSearchParams): Pick<ViewState, 'cat' | 'pt'> {
  const cat = p.get('cat');
  const pt = cleanName(p.get('pt') ?? '');
  return {
    ...(cat !== null && isCategoryCode(cat) ? { cat } : {}),
    ...(pt !== null ? { pt } : {}),
  };
}

/** The ranking window and the page: valid values, else absent (the view's default). */
function parseWindowParams(p: URLSearchParams): Pick<ViewState, 'rank' | 'page'> {
  const rank = parseRankShow(p.get('rank') ?? '');
  const page = p.get('page');
  return {
    ...(rank !== null ? { rank } : {}),
    // A page past the last is clamped by the chart (the township list depends on the data).
    ...(page !== null && /^[1-9]\d{0,4}$/.test(page) ? { page: Number(page) } : {}),
  };
}

/** A paragraph number: a positive integer of at most 6 digits, else absent. */
function parsePara(raw: string | null): Pick<ViewState, 'para'> {
  return raw !== null && /^[1-9]\d{0,5}$/.test(raw) ? { para: Number(raw) } : {};
}

function parseLangParam(raw: string | null): Lang {
  // Only the two exact values are accepted: `lang=fr` keeps the default rather than guessing.
  if (raw === 'en') return 'en';
  return DEFAULT_LANG;
}

/**
 * Parses a query string (with or without the leading `?`) into a view state. Unknown parameters
 * are ignored; an invalid value falls back to that field's default; `from` after `to` drops both
 * (an empty range would hide all data without saying why); duplicate townships are removed.
 * @example parseViewState('?view=data&from=2022-01&lang=en', ['data']).from === '2022-01'
 */
export function parseViewState(search: string, views: readonly string[]): ViewState {
  const p = new URLSearchParams(search);
  const base = defaultViewState(views);
  const viewParam = p.get('view');
  const view = viewParam !== null && views.includes(viewParam) ? viewParam : base.view;
  let from = p.get('from');
  let to = p.get('to');
  from = from !== null && isPeriod(from) ? from : null;
  to = to !== null && isPeriod(to) ? to : null;
  if (from !== null && to !== null && from > to) {
    from = null;
    to = null;
  }
  const seen = new Set<string>();
  for (const raw of (p.get('townships') ?? '').split(',')) {
    const name = cleanName(raw);
    if (name !== null && seen.size < MAX_TOWNSHIPS) seen.add(name);
  }
  const sector = p.get('sector');
  return {
    view,
    from,
    to,
    townships: [...seen],
    sector: sector !== null && isSectorCode(sector) ? sector : null,
    metric: parseMetric(p.get('metric')),
    x: parseMetric(p.get('x')),
    y: parseMetric(p.get('y')),
    // Only the exact value `1` turns normalisation on; anything else is the default (off).
    norm: p.get('norm') === '1',
    order: ((o) => (o !== null && isOrder(o) ? o : null))(p.get('order')),
    n: parseSmallInt(p.get('n'), 1, MAX_N_MONTHS),
    dueDay: parseSmallInt(p.get('due'), 1, 31),
    sort: parseSort(p.get('sort')),
    cell: parseCell(p.get('cell')),
    ...parsePara(p.get('para')),
    lang: parseLangParam(p.get('lang')),
    ...parseProblemParams(p),
    ...parseWindowParams(p),
  };
}

/**
 * Serialises a view state to a query string starting with `?`, or `''` when everything is at its
 * default. Default values are omitted so URLs stay short; the parameter order is fixed so equal
 * states give equal URLs.
 */
export function serializeViewState(state: ViewState, views: readonly string[]): string {
  const base = defaultViewState(views);
  const p = new URLSearchParams();
  if (state.view !== base.view) p.set('view', state.view);
  if (state.from) p.set('from', state.from);
  if (state.to) p.set('to', state.to);
  if (state.townships.length > 0) p.set('townships', state.townships.join(','));
  if (state.sector) p.set('sector', state.sector);
  if (state.metric) p.set('metric', state.metric);
  if (state.x) p.set('x', state.x);
  if (state.y) p.set('y', state.y);
  if (state.norm) p.set('norm', '1');
  if (state.order) p.set('order', state.order);
  if (state.n !== null) p.set('n', String(state.n));
  if (state.dueDay !== null) p.set('due', String(state.dueDay));
  if (state.sort) p.set('sort', `${state.sort.desc ? '-' : ''}${state.sort.id}`);
  if (state.cell) p.set('cell', `${state.cell.township}~${state.cell.period}`);
  if (state.lang !== DEFAULT_LANG) p.set('lang', state.lang);
  if (state.cat) p.set('cat', state.cat);
  if (state.pt) p.set('pt', state.pt);
  if (state.cell && state.para !== undefined) p.set('para', String(state.para));
  if (state.rank) p.set('rank', rankShowKey(state.rank));
  if (state.page !== undefined) p.set('page', String(state.page));
  const s = p.toString();
  return s === '' ? '' : `?${s}`;
}

/**
 * Applies a partial change. A changed view clears the selected cell, the ranking window and the
 * page (they belong to that view's charts). A changed township filter clears the page (the list
 * it counted is gone), and so does selecting a cell of another township: the paged charts then
 * turn to that township's page (components/use-township-page.ts).
 */
export function patchViewState(state: ViewState, patch: Partial<ViewState>): ViewState {
  const next: { -readonly [K in keyof ViewState]: ViewState[K] } = { ...state, ...patch };
  if (patch.view !== undefined && patch.view !== state.view) {
    if (patch.cell === undefined) next.cell = null;
    if (!('rank' in patch)) delete next.rank;
    if (!('page' in patch)) delete next.page;
  }
  const townshipsChanged =
    patch.townships !== undefined && patch.townships.join('\u0000') !== state.townships.join('\u0000');
  const cellMoved = patch.cell != null && patch.cell.township !== state.cell?.township;
  if ((townshipsChanged || cellMoved) && !('page' in patch)) delete next.page;
  return next;
}
