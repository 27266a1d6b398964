/**
 * The view tabs (WAI-ARIA tabs pattern): one tab stop for the whole bar (roving tabindex on the
 * selected tab), ←/→ move focus between tabs (wrapping), Home/End to the first/last, Enter/Space
 * activate. Activation is manual, not on arrow focus: each activation renders a whole view of
 * charts and pushes a history entry (src/app/use-url-state.ts), so arrowing across the bar must not
 * render and record every view on the way.
 *
 * The bar scrolls within itself on narrow screens (styles.css `.app-nav ul`), never the page; the
 * selected tab is kept in view inside the bar.
 */
import { useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import { useT } from '../components/i18n-provider';
import type { MessageKey } from '../i18n/catalog';

/** The id of a view's tab element (the tab panel is labelled by it). */
export const viewTabId = (viewId: string): string => `view-tab-${viewId}`;
/** The id of the one tab panel (it always shows the selected view). */
export const VIEW_PANEL_ID = 'view-panel';

export interface ViewTabsProps {
  readonly views: readonly { readonly id: string; readonly labelKey: MessageKey }[];
  readonly selected: string;
  readonly onSelect: (viewId: string) => void;
}

/** The target index of a navigation key, or null for any other key. */
function keyTarget(key: string, index: number, count: number): number | null {
  switch (key) {
    case 'ArrowRight':
      return (index + 1) % count;
    case 'ArrowLeft':
      return (index - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/** The tab bar. */
export function ViewTabs({ views, selected, onSelect }: ViewTabsProps) {
  const t = useT();
  const listRef = useRef<HTMLUListElement>(null);
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);

  // Keep the selected tab visible inside the scrolling bar (a URL may open 设置 on a phone).
  // Only the bar's own scroll position moves: scrollIntoView would also scroll the page.
  useLayoutEffect(() => {
    const list = listRef.current;
    const tab = tabRefs.current[views.findIndex((v) => v.id === selected)];
    if (!list || !tab) return;
    // The list is the tab's offsetParent (position: relative), so offsetLeft is in its content box.
    const left = tab.offsetLeft;
    const right = left + tab.offsetWidth;
    if (left < list.scrollLeft) list.scrollLeft = left;
    else if (right > list.scrollLeft + list.clientWidth) list.scrollLeft = right - list.clientWidth;
  }, [selected, views]);

  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const target = keyTarget(e.key, index, views.length);
    if (target === null) return;
    e.preventDefault();
    tabRefs.current[target]?.focus();
  };

  return (
    <nav className="app-nav" aria-label={t('dashboard.nav.label')}>
      <ul role="tablist" aria-label={t('dashboard.nav.label')} ref={listRef}>
        {views.map((v, i) => {
          const isSelected = v.id === selected;
          return (
            <li key={v.id} role="presentation">
              <button
                ref={(el) => {
                  tabRefs.current[i] = el;
                }}
                type="button"
                role="tab"
                id={viewTabId(v.id)}
                aria-selected={isSelected}
                aria-controls={isSelected ? VIEW_PANEL_ID : undefined}
                tabIndex={isSelected ? 0 : -1}
                className={`app-nav__tab ${isSelected ? 'app-nav__tab--active' : ''}`}
                onClick={() => onSelect(v.id)}
                onKeyDown={(e) => onKeyDown(e, i)}
              >
                {t(v.labelKey)}
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
