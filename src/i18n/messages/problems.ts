import type { Messages } from './types';

/** problems messages. Keys are prefixed 'problems.'. */
export const problemsMessages = {
  'problems.placeholder': { zh: '（占位）', en: '(placeholder)' },
} as const satisfies Messages;
