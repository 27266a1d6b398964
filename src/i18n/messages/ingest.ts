import type { Messages } from './types';

/** ingest messages. Keys are prefixed 'ingest.'. */
export const ingestMessages = {
  'ingest.placeholder': { zh: '（占位）', en: '(placeholder)' },
} as const satisfies Messages;
