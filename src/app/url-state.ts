/**
 * The whole view state lives in the query string so a view can be bookmarked, shared and restored
 * with back/forward. Pure: parse and serialise only; the hook in use-url-state.ts touches history.
 * Values from the URL are data typed by a stranger: every parameter is validated and an invalid one
 * is dropped (falls back to its default), never thrown on.
 */
import { isPeriod, type Period } from '../domain/month';
import { NUMERIC_FIELDS, type NumericField } from '../domain/records';
import { isSectorCode, type SectorCode } from '../domain/sectors';
import { DEFAULT_LANG, type Lang } from '../i18n/i18n';

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
  readonly metric: NumericField | null;
  readonly sort: SortState | null;
  readonly cell: SelectedCell | null;
  readonly lang: Lang;
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

const isNumericField = (v: string): v is NumericField => (NUMERIC_FIELDS as readonly string[]).includes(v);

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
  const metric = p.get('metric');
  return {
    view,
    from,
    to,
    townships: [...seen],
    sector: sector !== null && isSectorCode(sector) ? sector : null,
    metric: metric !== null && isNumericField(metric) ? metric : null,
    sort: parseSort(p.get('sort')),
    cell: parseCell(p.get('cell')),
    lang: parseLangParam(p.get('lang')),
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
  if (state.sort) p.set('sort', `${state.sort.desc ? '-' : ''}${state.sort.id}`);
  if (state.cell) p.set('cell', `${state.cell.township}~${state.cell.period}`);
  if (state.lang !== DEFAULT_LANG) p.set('lang', state.lang);
  const s = p.toString();
  return s === '' ? '' : `?${s}`;
}

/** Applies a partial change; a changed view clears the selected cell (it belongs to a chart). */
export function patchViewState(state: ViewState, patch: Partial<ViewState>): ViewState {
  const next = { ...state, ...patch };
  if (patch.view !== undefined && patch.view !== state.view && patch.cell === undefined) {
    return { ...next, cell: null };
  }
  return next;
}
