/**
 * The registry of routes (nav tabs), in nav order. A route is one entry: an id (used in the URL),
 * a label key and a render function receiving the shared context (route-types.ts). Route files
 * import only route-types.ts from here, never this registry, so there is no import cycle.
 */
import { OverviewWithProblems } from './overview-route';
import { DASHBOARD_VIEWS, withGlobalFilters } from './dashboard-routes';
import { lazyView } from './lazy-view';
import type { ViewContext, ViewDef } from './route-types';

// Only 总览 (the landing view) is in the entry chunk; each other tab's code arrives the first time
// it opens (issue 13: initial JS and the first chart; tests/e2e/cold-start.measure.ts measures it).
const ProblemsRoute = lazyView(() => import('./problems-route').then((m) => m.ProblemsRoute));
const DataView = lazyView(() => import('./data-route').then((m) => m.DataView));
const BulletinAppView = lazyView(() => import('./bulletin-route').then((m) => m.BulletinAppView));
const HistoryView = lazyView(() => import('./store-routes').then((m) => m.HistoryView));
const SettingsView = lazyView(() => import('./store-routes').then((m) => m.SettingsView));

/** The views in nav order; the first is the default. */
export const VIEWS: readonly ViewDef[] = [
  // 总览's needs-attention list also names problems recurring 3+ months (issue 4).
  ...DASHBOARD_VIEWS.map((v) =>
    v.id === 'overview' ? { ...v, render: (ctx: ViewContext) => <OverviewWithProblems {...ctx} /> } : v,
  ),
  { id: 'problems', labelKey: 'problems.nav', render: (ctx) => <ProblemsRoute {...ctx} /> },
  { id: 'data', labelKey: 'dashboard.nav.data', render: withGlobalFilters((ctx) => <DataView {...ctx} />) },
  { id: 'bulletin', labelKey: 'exportui.nav.bulletin', render: (ctx) => <BulletinAppView {...ctx} /> },
  {
    id: 'history',
    labelKey: 'store.nav.history',
    render: (ctx) => <HistoryView {...ctx} />,
    ownHeading: true,
  },
  {
    id: 'settings',
    labelKey: 'store.nav.settings',
    render: (ctx) => <SettingsView {...ctx} />,
    ownHeading: true,
  },
];

/** View ids, for URL validation. */
export const VIEW_IDS: readonly string[] = VIEWS.map((v) => v.id);
