/**
 * The page a paged township chart shows (heatmap, small multiples, submission matrix; see
 * charts/township-window.ts). The page lives in the URL (`page`, app/url-state.ts) so a shared
 * link or a reload shows the same rows. Without one, the chart shows the page of the selected
 * township (the detail panel's), so the row the panel talks about is on screen, and that page is
 * then written to the URL: closing the panel keeps the rows in place. Selecting a cell of another
 * township or changing the township filter clears the page (url-state.ts), so the chart follows.
 */
import { useEffect } from 'react';
import { pageOfTownship } from '../charts/township-window';
import type { RankShow } from '../charts/rank-show';

/** Turns the page; `replace` records it without a new history entry. */
export type ChoosePage = (index: number, options?: { replace?: boolean }) => void;

/**
 * @param chosen the page from the URL, 0-based, or null when the URL names none
 * @returns the page to show, 0-based (pageWindow clamps it to the pages there are), and the setter
 */
export function useTownshipPage(
  townships: readonly string[],
  size: number,
  selected: string | null,
  chosen: number | null,
  choose: ChoosePage,
): [number, ChoosePage] {
  const followed = chosen === null && selected !== null ? pageOfTownship(townships, selected, size) : null;
  useEffect(() => {
    if (followed !== null && followed > 0) choose(followed, { replace: true });
  }, [followed, choose]);
  return [chosen ?? followed ?? 0, choose];
}

/** What a view with a ranking window or a paged chart gets from the URL (app/url-state.ts). */
export interface TownshipWindowProps {
  /** The ranking window asked for; null = the view's default (defaultRankShow). */
  readonly rankShow: RankShow | null;
  readonly onRankShowChange: (show: RankShow) => void;
  /** The page asked for, 0-based; null = none (useTownshipPage follows the selection). */
  readonly pageIndex: number | null;
  readonly onPageChange: ChoosePage;
}
