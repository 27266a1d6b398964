/**
 * The controls of a chart that draws part of a long township list (issue 13, views at city size;
 * the choices and their wording are in `charts/township-window.ts`): a ranking's "show top/bottom N
 * or all" picker with a township search that tells a township's rank even when its bar is not
 * drawn, and a matrix's page controls with a search that jumps to a township's page. Native
 * buttons, selects and inputs, so the keyboard and screen readers work as everywhere else.
 */
import { useId, useState, type KeyboardEvent } from 'react';
import type { RankingView } from '../charts/compare-charts';
import { formatMetricValue } from '../analysis/metrics';
import type { Lang } from '../i18n/i18n';
import {
  findInRanking,
  RANK_ALL_UP_TO,
  pageOfTownship,
  RANK_SHOW_CHOICES,
  rankShowLabel,
  type PageWindow,
  type RankLookup,
} from '../charts/township-window';
import { parseRankShow, rankShowKey, type RankShow } from '../charts/rank-show';
import { useLang, useT } from './i18n-provider';

export interface RankControlsProps {
  readonly show: RankShow;
  readonly onShowChange: (show: RankShow) => void;
  /** Every township of the ranking, for the search's suggestions. */
  readonly townships: readonly string[];
  /** The townships whose names match a query, with their rank (findInRanking). */
  readonly find: (query: string) => readonly RankLookup[];
  /** A township's value as the chart prints it (with unit), or its status text. */
  readonly valueText: (hit: RankLookup) => string;
  readonly statusText: (hit: RankLookup) => string;
}

/** "Show: top 20 ▾" and "Find township: [    ]" with the rank of what was found. */
export function RankControls({
  show,
  onShowChange,
  townships,
  find,
  valueText,
  statusText,
}: RankControlsProps) {
  const t = useT();
  const lang = useLang();
  const id = useId();
  const [query, setQuery] = useState('');
  const hits = query.trim() === '' ? [] : find(query);
  const choices = RANK_SHOW_CHOICES.some((c) => rankShowKey(c) === rankShowKey(show))
    ? RANK_SHOW_CHOICES
    : [...RANK_SHOW_CHOICES, show];
  return (
    <div className="chart-controls" data-testid="rank-controls">
      <div className="field">
        <label htmlFor={`${id}-show`}>{t('views.window.show')}</label>
        <select
          id={`${id}-show`}
          value={rankShowKey(show)}
          onChange={(e) => {
            const picked = parseRankShow(e.target.value);
            if (picked) onShowChange(picked);
          }}
        >
          {choices.map((c) => (
            <option key={rankShowKey(c)} value={rankShowKey(c)}>
              {rankShowLabel(c, lang)}
            </option>
          ))}
        </select>
      </div>
      <TownshipSearch id={`${id}-find`} query={query} onQuery={setQuery} townships={townships} />
      <p className="chart-controls__result" role="status" aria-live="polite">
        {query.trim() === ''
          ? null
          : hits.length === 0
            ? t('views.window.noMatch', { query: query.trim() })
            : hits
                .map(
                  (h) =>
                    (h.rank === null
                      ? t('views.window.noRank', { township: h.township, status: statusText(h) })
                      : t('views.window.rank', {
                          township: h.township,
                          rank: h.rank,
                          ranked: h.ranked,
                          value: valueText(h),
                        })) + (h.shown ? '' : t('views.window.notShown')),
                )
                .join(lang === 'en' ? '; ' : '；')}
      </p>
    </div>
  );
}

/**
 * RankControls for a ranking chart (buildRankingView): shown when the ranking has more townships
 * than a small district (RANK_ALL_UP_TO), where every bar fits anyway.
 */
export function RankingControls({
  view,
  show,
  onShowChange,
  lang,
}: {
  view: RankingView;
  show: RankShow;
  onShowChange: (show: RankShow) => void;
  lang: Lang;
}) {
  const t = useT();
  const { ranking, window: win } = view;
  if (ranking.rows.length <= RANK_ALL_UP_TO && show.kind === 'all') return null;
  return (
    <RankControls
      show={show}
      onShowChange={onShowChange}
      townships={ranking.rows.map((r) => r.township)}
      find={(q) => findInRanking(ranking.rows, win.rows, q)}
      valueText={(h) =>
        (ranking.normalised ? h.value?.toFixed(1) : formatMetricValue(ranking.metric, h.value, lang)) ?? ''
      }
      statusText={(h) => t(h.status === 'not_reported' ? 'charts.not_reported' : 'charts.no_value')}
    />
  );
}

export interface PageControlsProps {
  readonly page: PageWindow;
  readonly onPageChange: (index: number) => void;
  /** The townships of the matrix in row order (the page of a found township is computed from it). */
  readonly townships: readonly string[];
}

/** "‹ 上一页 [第 2 页 (31–60) ▾] 下一页 › 共 10 页" and a search that jumps to a township's page. */
export function PageControls({ page, onPageChange, townships }: PageControlsProps) {
  const t = useT();
  const id = useId();
  const [query, setQuery] = useState('');
  const [missed, setMissed] = useState(false);
  const jump = (q: string, exactOnly: boolean) => {
    const name = q.trim();
    if (name === '') return setMissed(false);
    const target =
      townships.find((tw) => tw === name) ??
      (exactOnly ? undefined : townships.find((tw) => tw.includes(name)));
    const index = target === undefined ? null : pageOfTownship(townships, target, page.size);
    if (index !== null) onPageChange(index);
    setMissed(index === null && !exactOnly);
  };
  return (
    <nav className="chart-controls" aria-label={t('views.window.pages')} data-testid="page-controls">
      <button
        type="button"
        className="btn btn--small"
        disabled={page.index === 0}
        onClick={() => onPageChange(page.index - 1)}
      >
        {t('views.window.prev')}
      </button>
      <div className="field">
        <label htmlFor={`${id}-page`}>{t('views.window.page')}</label>
        <select
          id={`${id}-page`}
          value={String(page.index)}
          onChange={(e) => onPageChange(Number.parseInt(e.target.value, 10))}
        >
          {Array.from({ length: page.pages }, (_, i) => (
            <option key={i} value={String(i)}>
              {t('views.window.pageN', {
                page: i + 1,
                from: i * page.size + 1,
                to: Math.min(page.total, (i + 1) * page.size),
              })}
            </option>
          ))}
        </select>
      </div>
      <button
        type="button"
        className="btn btn--small"
        disabled={page.index >= page.pages - 1}
        onClick={() => onPageChange(page.index + 1)}
      >
        {t('views.window.next')}
      </button>
      <span className="view-hint">{t('views.window.pageOf', { pages: page.pages, total: page.total })}</span>
      <TownshipSearch
        id={`${id}-find`}
        query={query}
        onQuery={(q) => {
          setQuery(q);
          // Picking a suggestion (an exact name) jumps at once; typing waits for Enter.
          jump(q, true);
        }}
        onEnter={() => jump(query, false)}
        townships={townships}
      />
      {missed ? (
        <p className="chart-controls__result" role="status">
          {t('views.window.noMatch', { query: query.trim() })}
        </p>
      ) : null}
    </nav>
  );
}

function TownshipSearch({
  id,
  query,
  onQuery,
  onEnter,
  townships,
}: {
  id: string;
  query: string;
  onQuery: (q: string) => void;
  onEnter?: () => void;
  townships: readonly string[];
}) {
  const t = useT();
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' && onEnter) {
      e.preventDefault();
      onEnter();
    }
  };
  return (
    <div className="field">
      <label htmlFor={id}>{t('views.window.find')}</label>
      <input
        id={id}
        type="search"
        list={`${id}-list`}
        value={query}
        placeholder={t('views.window.findPlaceholder')}
        autoComplete="off"
        onChange={(e) => onQuery(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <datalist id={`${id}-list`}>
        {townships.map((tw) => (
          <option key={tw} value={tw} />
        ))}
      </datalist>
    </div>
  );
}
