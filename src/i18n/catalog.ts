/**
 * All message modules merged. Each area owns one module under messages/ (keys prefixed by area)
 * so parallel work never edits the same file.
 */
import { cellsMessages } from './messages/cells';
import { chartsMessages } from './messages/charts';
import { commonMessages } from './messages/common';
import { dashboardMessages } from './messages/dashboard';
import { exportMessages } from './messages/export';
import { ingestMessages } from './messages/ingest';
import { problemsMessages } from './messages/problems';
import { storeMessages } from './messages/store';

export const CATALOG = {
  ...commonMessages,
  ...ingestMessages,
  ...cellsMessages,
  ...chartsMessages,
  ...dashboardMessages,
  ...problemsMessages,
  ...exportMessages,
  ...storeMessages,
} as const;

export type MessageKey = keyof typeof CATALOG;
