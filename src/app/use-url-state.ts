/**
 * The view state, read from and written to the query string. User changes push a history entry
 * (back/forward restore them); popstate re-renders from the URL.
 */
import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
import { parseViewState, patchViewState, serializeViewState, type ViewState } from './url-state';

// pushState fires no event; our own changes are announced with this one.
const URL_CHANGE = 'app:urlchange';

function subscribe(listener: () => void): () => void {
  window.addEventListener('popstate', listener);
  window.addEventListener(URL_CHANGE, listener);
  return () => {
    window.removeEventListener('popstate', listener);
    window.removeEventListener(URL_CHANGE, listener);
  };
}

const getSearch = () => window.location.search;

export type SetViewState = (patch: Partial<ViewState>, options?: { replace?: boolean }) => void;

/** The current view state and a setter that records the change in the URL. */
export function useUrlState(views: readonly string[]): [ViewState, SetViewState] {
  const search = useSyncExternalStore(subscribe, getSearch, () => '');
  const state = useMemo(() => parseViewState(search, views), [search, views]);

  const setState = useCallback<SetViewState>(
    (patch, options) => {
      const current = parseViewState(window.location.search, views);
      const query = serializeViewState(patchViewState(current, patch), views);
      if (query === window.location.search || (query === '' && window.location.search === '')) return;
      const url = `${window.location.pathname}${query}${window.location.hash}`;
      if (options?.replace) window.history.replaceState(null, '', url);
      else window.history.pushState(null, '', url);
      window.dispatchEvent(new Event(URL_CHANGE));
    },
    [views],
  );

  // <html lang> follows the UI language (screen readers, CJK font selection).
  useEffect(() => {
    document.documentElement.lang = state.lang;
  }, [state.lang]);

  return [state, setState];
}
