/**
 * The message catalog. Each area owns one module under messages/ (keys prefixed by area) so
 * parallel work never edits the same file.
 *
 * Two parts (issue 13, cold start): the areas the landing view and the app shell use are in the
 * entry chunk (`EAGER_MESSAGES`); the areas only other views use — ingest and cell issues, Word
 * reports, the bulletin export — are in `lazy-messages.ts`, which the on-demand views load with
 * their code (app/routes/lazy-view.tsx), the app loads once the first chart is up, and the CLI,
 * the worker and the tests load at start. `tests` check that no key the entry chunk uses lives
 * in a lazy area (src/i18n/eager-keys.test.ts).
 */
import { chartsMessages } from './messages/charts';
import { commonMessages } from './messages/common';
import { dashboardMessages } from './messages/dashboard';
import { exportuiMessages } from './messages/exportui';
import { problemsMessages } from './messages/problems';
import { storeMessages } from './messages/store';
import { viewsMessages } from './messages/views';
import type { aggregateMessages } from './messages/aggregate';
import type { cellsMessages } from './messages/cells';
import type { exportMessages } from './messages/export';
import type { ingestMessages } from './messages/ingest';
import type { reportMessages } from './messages/report';
import type { reportuiMessages } from './messages/reportui';
import type { Messages } from './messages/types';

/** The areas every start needs. */
export const EAGER_MESSAGES = {
  ...commonMessages,
  ...chartsMessages,
  ...dashboardMessages,
  ...problemsMessages,
  ...exportuiMessages,
  ...storeMessages,
  ...viewsMessages,
} as const;

/** Keys of the areas in lazy-messages.ts (types only: no code of theirs in the entry chunk). */
type LazyKey =
  | keyof typeof ingestMessages
  | keyof typeof cellsMessages
  | keyof typeof exportMessages
  | keyof typeof reportMessages
  | keyof typeof reportuiMessages
  | keyof typeof aggregateMessages;

export type MessageKey = keyof typeof EAGER_MESSAGES | LazyKey;

type Message = Messages[string];

const catalog = new Map<string, Message>(Object.entries(EAGER_MESSAGES));

/** Adds a message area to the runtime catalog (lazy-messages.ts calls it when it loads). */
export function registerMessages(messages: Messages): void {
  for (const [key, m] of Object.entries(messages)) catalog.set(key, m);
}

/** The message for `key`, or undefined while its area has not loaded. */
export function messageOf(key: string): Message | undefined {
  return catalog.get(key);
}
