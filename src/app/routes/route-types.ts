/**
 * What a route (a nav tab) is and what it receives. In their own module so the registry
 * (registry.tsx) and the route files can all use them without importing each other in a circle.
 */
import type { ReactNode } from 'react';
import type { IngestRunner } from '../../features/import/ingest-runner';
import type { MessageKey } from '../../i18n/catalog';
import type { DataSnapshot, DataStore } from '../../store/types';
import type { ViewState } from '../url-state';
import type { SetViewState } from '../use-url-state';

/** Everything a view may use. Views get data and callbacks; they never touch the URL themselves. */
export interface ViewContext {
  readonly snapshot: DataSnapshot;
  readonly store: DataStore;
  readonly runner: IngestRunner;
  readonly state: ViewState;
  readonly setState: SetViewState;
  readonly now: () => string;
}

export interface ViewDef {
  readonly id: string;
  readonly labelKey: MessageKey;
  readonly render: (ctx: ViewContext) => ReactNode;
  /**
   * The view renders its own h2 naming it (导入记录, 设置). Otherwise the shell adds a visually
   * hidden h2 with the tab label, so heading navigation finds the view and the chart titles (h3)
   * do not skip a level.
   */
  readonly ownHeading?: boolean;
}
