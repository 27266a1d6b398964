import type { Messages } from './types';

/** charts messages. Keys are prefixed 'charts.'. */
export const chartsMessages = {
  'charts.placeholder': { zh: '（占位）', en: '(placeholder)' },
} as const satisfies Messages;
