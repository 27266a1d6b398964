/**
 * All message modules merged. Each area owns one module under messages/ (keys prefixed by area)
 * so parallel work never edits the same file.
 */
import { aggregateMessages } from './messages/aggregate';
import { cellsMessages } from './messages/cells';
import { chartsMessages } from './messages/charts';
import { commonMessages } from './messages/common';
import { dashboardMessages } from './messages/dashboard';
import { exportMessages } from './messages/export';
import { exportuiMessages } from './messages/exportui';
import { ingestMessages } from './messages/ingest';
import { problemsMessages } from './messages/problems';
import { reportMessages } from './messages/report';
import { reportuiMessages } from './messages/reportui';
import { storeMessages } from './messages/store';
import { viewsMessages } from './messages/views';

export const CATALOG = {
  ...commonMessages,
  ...ingestMessages,
  ...cellsMessages,
  ...chartsMessages,
  ...dashboardMessages,
  ...problemsMessages,
  ...exportMessages,
  ...exportuiMessages,
  ...storeMessages,
  ...viewsMessages,
  ...reportMessages,
  ...reportuiMessages,
  ...aggregateMessages,
} as const;

export type MessageKey = keyof typeof CATALOG;
