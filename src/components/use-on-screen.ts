/**
 * Whether an element is on screen (or about to be), for charts that only need drawing where
 * someone can see them (issue 13, target 3: a filter change redraws the visible charts at once
 * and the others as they scroll near; docs/architecture.md, "Redraw on a filter change").
 */
import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';

/**
 * How far outside the viewport a chart already counts as on screen, so a chart scrolled towards
 * is redrawn before it comes into view.
 */
export const ON_SCREEN_MARGIN = '300px 0px';

/**
 * `visible`: on screen or within ON_SCREEN_MARGIN; `hidden`: further away; `print`: the page is
 * being printed, when everything must be drawn now. Always `visible` when `enabled` is false, the
 * element is not mounted yet or the browser has no IntersectionObserver (e.g. jsdom).
 */
export type ScreenState = 'visible' | 'hidden' | 'print';

export function useOnScreen(el: Element | null, enabled: boolean): ScreenState {
  const [state, setState] = useState<ScreenState>('visible');
  useEffect(() => {
    if (!enabled || el === null || typeof IntersectionObserver === 'undefined') return undefined;
    const io = new IntersectionObserver(
      (entries) => {
        const last = entries[entries.length - 1];
        if (last) setState((s) => (s === 'print' ? s : last.isIntersecting ? 'visible' : 'hidden'));
      },
      { rootMargin: ON_SCREEN_MARGIN },
    );
    io.observe(el);
    // Printing takes the canvases as they are: draw every chart before, synchronously.
    const beforePrint = () => flushSync(() => setState('print'));
    const afterPrint = () => setState('visible');
    window.addEventListener('beforeprint', beforePrint);
    window.addEventListener('afterprint', afterPrint);
    return () => {
      io.disconnect();
      window.removeEventListener('beforeprint', beforePrint);
      window.removeEventListener('afterprint', afterPrint);
    };
  }, [el, enabled]);
  return enabled ? state : 'visible';
}
