/**
 * A statement with its matched keywords wrapped in <mark>. Built from React elements only: the
 * text is user data and is never turned into HTML.
 */
import type { ReactNode } from 'react';

export interface HighlightRange {
  readonly start: number;
  readonly end: number;
}

/**
 * Sorts ranges and joins overlapping ones (touching ones stay apart: one <mark> per keyword); ranges outside the text are clipped and
 * empty ones dropped, so bad offsets can never throw or duplicate text.
 */
export function mergeRanges(ranges: readonly HighlightRange[], length: number): HighlightRange[] {
  const clipped = ranges
    .map((r) => ({ start: Math.max(0, r.start), end: Math.min(length, r.end) }))
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const out: HighlightRange[] = [];
  for (const r of clipped) {
    const last = out[out.length - 1];
    if (last && r.start < last.end)
      out[out.length - 1] = { start: last.start, end: Math.max(last.end, r.end) };
    else out.push(r);
  }
  return out;
}

/** Renders `text` with `ranges` (UTF-16 offsets) highlighted. */
export function HighlightedText({ text, ranges }: { text: string; ranges: readonly HighlightRange[] }) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const r of mergeRanges(ranges, text.length)) {
    if (r.start > at) parts.push(text.slice(at, r.start));
    parts.push(<mark key={r.start}>{text.slice(r.start, r.end)}</mark>);
    at = r.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <span className="problem-text">{parts}</span>;
}
