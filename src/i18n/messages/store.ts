import type { Messages } from './types';

/** store messages. Keys are prefixed 'store.'. */
export const storeMessages = {
  'store.placeholder': { zh: '（占位）', en: '(placeholder)' },
} as const satisfies Messages;
