/**
 * Focus return for dialogs and panels that take focus when they open: on unmount (closed by
 * Escape, by its close button, or by navigation) focus goes back to the element that had it when
 * the panel opened, if that element is still in the page. Without this, focus falls to <body> and
 * a keyboard user starts again from the top of the page. Focus is only moved when it was lost
 * (it is on <body> because the panel's focused control left the page): a click elsewhere that
 * closed the panel (a tab, a filter) keeps its focus.
 *
 * Call it before the effect that moves focus into the panel: effects run in order, so the element
 * remembered is the trigger, not the panel's own first control.
 */
import { useEffect } from 'react';

/** Returns focus to the opener when the calling component unmounts. */
export function useReturnFocus(): void {
  useEffect(() => {
    const opener = document.activeElement;
    return () => {
      const lost = document.activeElement === null || document.activeElement === document.body;
      if (lost && opener instanceof HTMLElement && opener !== document.body && opener.isConnected)
        opener.focus();
    };
  }, []);
}
