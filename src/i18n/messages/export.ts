import type { Messages } from './types';

/** export messages. Keys are prefixed 'export.'. */
export const exportMessages = {
  'export.placeholder': { zh: '（占位）', en: '(placeholder)' },
} as const satisfies Messages;
