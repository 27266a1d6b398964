/**
 * Messages (key + params) for store outcomes, shared by every feature that imports or restores,
 * so the same event reads the same everywhere.
 */
import { assertNever } from '../domain/result';
import type { MessageKey } from '../i18n/catalog';
import type { BackupCounts } from './backup';
import type { CommitOutcome } from './persist-types';

export interface Message {
  readonly key: MessageKey;
  readonly params: Record<string, string | number>;
}

/**
 * The message for a commit outcome; `formatTime` renders ISO timestamps for the user. `rejected` is
 * the file's rejected record count: a file whose rows were all rejected must not read as "nothing
 * new, all identical" (rows dropped without a word), so any rejection is named with the outcome.
 */
export function commitOutcomeMessage(
  o: CommitOutcome,
  formatTime: (iso: string) => string = (s) => s,
  rejected = 0,
): Message {
  switch (o.kind) {
    case 'committed':
      return rejected > 0
        ? { key: 'store.outcome.committed_with_rejected', params: { ...o.counts, rejected } }
        : { key: 'store.outcome.committed', params: { ...o.counts } };
    case 'duplicate':
      return { key: 'store.outcome.duplicate', params: { date: formatTime(o.importedAt) } };
    case 'nothing-new':
      return rejected > 0
        ? { key: 'store.outcome.nothing_saved_rejected', params: { identical: o.identical, rejected } }
        : { key: 'store.outcome.nothing_new', params: { identical: o.identical } };
    case 'stale':
      return { key: 'store.outcome.stale', params: {} };
    case 'rejected':
      return { key: 'store.outcome.rejected', params: {} };
    case 'failed':
      return { key: `store.outcome.failed.${o.reason}`, params: { detail: o.detail } };
    default:
      return assertNever(o, 'commit outcome');
  }
}

/** The message for a finished backup restore. `resolution` is rendered through its own key. */
export function restoreMessage(c: BackupCounts, resolutionText: string): Message {
  return {
    key: 'store.backup.restored',
    params: {
      restored: c.restored,
      identical: c.identical,
      conflicting: c.conflicting,
      resolution: resolutionText,
    },
  };
}
