/**
 * The message areas that load on demand (see catalog.ts): importing this module registers them.
 */
import { registerMessages } from './catalog';
import { aggregateMessages } from './messages/aggregate';
import { cellsMessages } from './messages/cells';
import { exportMessages } from './messages/export';
import { ingestMessages } from './messages/ingest';
import { reportMessages } from './messages/report';
import { reportuiMessages } from './messages/reportui';

export const LAZY_MESSAGES = {
  ...ingestMessages,
  ...cellsMessages,
  ...exportMessages,
  ...reportMessages,
  ...reportuiMessages,
  ...aggregateMessages,
} as const;

registerMessages(LAZY_MESSAGES);
