/**
 * A ranking's "show top/bottom N or all" choice and its text form (the <select> value and the URL
 * parameter `rank`). Its own module so the URL state (app/url-state.ts, in the entry chunk) can
 * read it without loading the ranking code (charts/township-window.ts) at start.
 */

/** How many ranked townships a ranking draws. */
export type RankShow = { readonly kind: 'top' | 'bottom'; readonly n: number } | { readonly kind: 'all' };

/** 'top20', 'bottom10', 'all': the value of a <select> option. */
export const rankShowKey = (s: RankShow): string => (s.kind === 'all' ? 'all' : `${s.kind}${s.n}`);

/** The inverse of rankShowKey; anything else is null. */
export function parseRankShow(key: string): RankShow | null {
  if (key === 'all') return { kind: 'all' };
  const m = /^(top|bottom)([1-9]\d{0,3})$/.exec(key);
  return m ? { kind: m[1] as 'top' | 'bottom', n: Number(m[2]) } : null;
}

