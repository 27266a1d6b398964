/**
 * Which townships a chart draws when a city has hundreds of them (issue 13, views at city size):
 * rankings show the top or bottom N (or all), matrices (heatmaps, small multiples, the submission
 * matrix) show one page of townships at a time. The chart's data table always keeps the full list,
 * and the summary sentence and the exported image say what the chart shows ("前 20 名，共 300 个").
 * Pure: the views keep the choice as UI state and pass it to the builders.
 */
import type { Lang } from '../i18n/i18n';
import type { RankRow } from '../analysis/rank';
import { t } from './chart-common';
import type { RankShow } from './rank-show';

/** The choices the ranking control offers, in menu order. */
export const RANK_SHOW_CHOICES: readonly RankShow[] = [
  { kind: 'top', n: 10 },
  { kind: 'top', n: 20 },
  { kind: 'top', n: 50 },
  { kind: 'bottom', n: 10 },
  { kind: 'bottom', n: 20 },
  { kind: 'bottom', n: 50 },
  { kind: 'all' },
];

/** A ranking shows every township up to this many; above it the default is the top 20. */
export const RANK_ALL_UP_TO = 30;

/** Townships per page of a heatmap or matrix (one screen at 24 px a row). */
export const MATRIX_PAGE_SIZE = 30;
/** Townships per page of the small multiples (6 rows of 4 panels). */
export const MULTIPLES_PAGE_SIZE = 24;

/** The default: all townships of a small district, else the first 20 in the ranking's sense. */
export const defaultRankShow = (count: number, kind: 'top' | 'bottom' = 'top'): RankShow =>
  count <= RANK_ALL_UP_TO ? { kind: 'all' } : { kind, n: 20 };

/** The label of a choice in the control, e.g. 前 20 名 / Top 20. */
export const rankShowLabel = (s: RankShow, lang: Lang): string =>
  s.kind === 'all' ? t(lang, 'charts.window.all') : t(lang, `charts.window.${s.kind}`, { n: s.n });

export interface RankWindow {
  /** The rows drawn, in the ranking's display order. */
  readonly rows: readonly RankRow[];
  /** How many townships the ranking has (with and without a value). */
  readonly total: number;
  /** True when some townships are left out of the chart. */
  readonly partial: boolean;
  /** Townships drawn beyond N because they tie with the N-th (same value, same rank). */
  readonly tiedIn: number;
  /** Townships tied with the N-th but not drawn (too many ties to draw), and their rank. */
  readonly tiedOut: number;
  readonly cutRank: number | null;
}

/** Ties at the cut are drawn while the chart stays within 2N bars (at least N + 10). */
export const tieAllowance = (n: number): number => n + Math.max(n, 10);

/**
 * The rows a ranking draws under `show`. Top N = the N highest values, bottom N = the N lowest;
 * townships without a value are drawn only under "all". A township with the same value as the
 * N-th has the same rank, and leaving it out would rank it below a township it equals, so ties at
 * the cut are drawn too (up to `tieAllowance`; beyond that the N keep official order, and the note
 * says how many tied townships are only in the table). The rows keep the ranking's display order
 * (descending, ascending or official).
 */
export function rankWindow(rows: readonly RankRow[], show: RankShow): RankWindow {
  const total = rows.length;
  const none = { tiedIn: 0, tiedOut: 0, cutRank: null };
  if (show.kind === 'all') return { rows, total, partial: false, ...none };
  const valued = rows.filter((r) => r.rank !== null);
  // Best first by rank; equal ranks in display order, which is official order for ties.
  const byRank = [...valued].sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
  const n = Math.min(byRank.length, Math.max(0, Math.floor(show.n)));
  const inOrder = show.kind === 'top' ? byRank : [...byRank].reverse();
  const first = inOrder.slice(0, n);
  const cutRank = first.at(-1)?.rank ?? null;
  const tied = cutRank === null ? [] : inOrder.slice(n).filter((r) => r.rank === cutRank);
  const fits = n + tied.length <= tieAllowance(n);
  const chosen = new Set(fits ? [...first, ...tied] : first);
  const kept = rows.filter((r) => chosen.has(r));
  return {
    rows: kept,
    total,
    partial: kept.length < total,
    tiedIn: fits ? tied.length : 0,
    tiedOut: fits ? 0 : tied.length,
    cutRank: tied.length > 0 ? cutRank : null,
  };
}

/**
 * "图中为前 20 名，共 300 个乡镇" for the summary and the export (with the ties drawn, or the ties
 * left to the table), or null when all are drawn.
 */
export function rankWindowNote(w: RankWindow, show: RankShow, lang: Lang): string | null {
  if (!w.partial || show.kind === 'all') return null;
  const n = w.rows.length - w.tiedIn;
  if (w.tiedIn > 0)
    return t(lang, `charts.window.${show.kind}_of_ties`, { n, shown: w.rows.length, total: w.total });
  const note = t(lang, `charts.window.${show.kind}_of`, { n, total: w.total });
  if (w.tiedOut === 0) return note;
  return `${note}${t(lang, 'charts.window.ties_out', { rank: w.cutRank ?? 0, m: w.tiedOut })}`;
}

export interface RankLookup {
  readonly township: string;
  /** Competition rank, or null when the township has no value. */
  readonly rank: number | null;
  readonly value: number | null;
  readonly status: RankRow['status'];
  /** Townships with a rank (the denominator of "第 123 名，共 280 个"). */
  readonly ranked: number;
  /** True when the chart draws this township. */
  readonly shown: boolean;
}

/**
 * Finds townships of a ranking by name: an exact name first, else every name containing the query
 * (trimmed; case-insensitive for Latin letters), at most `limit`, in display order. Empty query →
 * none.
 */
export function findInRanking(
  rows: readonly RankRow[],
  shown: readonly RankRow[],
  query: string,
  limit = 5,
): RankLookup[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [];
  const drawn = new Set(shown.map((r) => r.township));
  const ranked = rows.filter((r) => r.rank !== null).length;
  const exact = rows.filter((r) => r.township.toLowerCase() === q);
  const hits = exact.length > 0 ? exact : rows.filter((r) => r.township.toLowerCase().includes(q));
  return hits.slice(0, limit).map((r) => ({
    township: r.township,
    rank: r.rank,
    value: r.value,
    status: r.status,
    ranked,
    shown: drawn.has(r.township),
  }));
}

export interface PageWindow {
  /** The page shown, 0-based, clamped to the pages there are. */
  readonly index: number;
  readonly pages: number;
  readonly size: number;
  /** First (inclusive) and last (exclusive) item index of the page. */
  readonly start: number;
  readonly end: number;
  readonly total: number;
}

/** Page `index` of `total` items in pages of `size`; an index out of range is clamped. */
export function pageWindow(total: number, size: number, index: number): PageWindow {
  const s = Math.max(1, Math.floor(size));
  const pages = Math.max(1, Math.ceil(total / s));
  const i = Math.min(pages - 1, Math.max(0, Math.floor(Number.isFinite(index) ? index : 0)));
  return { index: i, pages, size: s, start: i * s, end: Math.min(total, (i + 1) * s), total };
}

/** The page holding `township` in `townships`, or null when it is not in the list. */
export function pageOfTownship(townships: readonly string[], township: string, size: number): number | null {
  const i = townships.indexOf(township);
  return i < 0 ? null : Math.floor(i / Math.max(1, Math.floor(size)));
}

/** "第 2/10 页（第 31–60 个，共 300 个乡镇）", or null when everything fits on one page. */
export function pageNote(p: PageWindow, lang: Lang): string | null {
  if (p.pages <= 1) return null;
  return t(lang, 'charts.window.page_of', {
    page: p.index + 1,
    pages: p.pages,
    from: p.start + 1,
    to: p.end,
    total: p.total,
  });
}

/** No chart is drawn taller than this (about two screens of an office PC). */
export const MAX_CHART_HEIGHT = 1600;

/** Height of a horizontal bar chart of `bars` bars: 22 px a bar, between 320 px and the cap. */
export const barChartHeight = (bars: number): number =>
  Math.min(MAX_CHART_HEIGHT, Math.max(320, 80 + bars * 22));

/** Height of a township × month matrix of `rows` rows: 24 px a row, between 320 px and the cap. */
export const matrixHeight = (rows: number): number =>
  Math.min(MAX_CHART_HEIGHT, Math.max(320, 120 + rows * 24));
