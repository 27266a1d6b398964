import type { Messages } from './types';

/** cells messages. Keys are prefixed 'cells.'. */
export const cellsMessages = {
  'cells.placeholder': { zh: '（占位）', en: '(placeholder)' },
} as const satisfies Messages;
