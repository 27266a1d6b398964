/**
 * The page a paged township chart shows (heatmap, small multiples, submission matrix; see
 * charts/township-window.ts), which follows the selected township: when a bar, a cell or the
 * detail panel selects a township that sits on another page, the chart turns to that page, so the
 * row the detail panel talks about is on screen. Turning pages by hand is kept until the selection
 * changes again.
 */
import { useState } from 'react';
import { pageOfTownship } from '../charts/township-window';

export function useTownshipPage(
  townships: readonly string[],
  size: number,
  selected: string | null,
): [number, (index: number) => void] {
  const [index, setIndex] = useState(() =>
    selected === null ? 0 : (pageOfTownship(townships, selected, size) ?? 0),
  );
  const [followed, setFollowed] = useState(selected);
  // Adjusting state while rendering (React's pattern for "state from a changed prop"): no effect,
  // so the chart never draws the old page first.
  if (selected !== followed) {
    setFollowed(selected);
    const page = selected === null ? null : pageOfTownship(townships, selected, size);
    if (page !== null && page !== index) setIndex(page);
  }
  return [index, setIndex];
}
