import type { Messages } from './types';

/** common messages. Keys are prefixed 'common.'. */
export const commonMessages = {
  'common.placeholder': { zh: '（占位）', en: '(placeholder)' },
} as const satisfies Messages;
