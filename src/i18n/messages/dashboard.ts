import type { Messages } from './types';

/** dashboard messages. Keys are prefixed 'dashboard.'. */
export const dashboardMessages = {
  'dashboard.placeholder': { zh: '（占位）', en: '(placeholder)' },
} as const satisfies Messages;
