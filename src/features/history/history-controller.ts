/**
 * The import history's actions without React: inspect a batch, remove one after confirmation,
 * list earlier versions (re-listed whenever the store's data changes) and restore one, export a
 * backup and restore from one with a keep/replace choice for conflicting records. The panel
 * (history-panel.tsx) renders the snapshot and the store's own; subscribe with
 * useSyncExternalStore. Notices are values, rendered in the UI language by the panel.
 */
import type { BackupCounts } from '../../store/backup';
import type { ValidationIssue } from '../../store/json-guard';
import type { ConflictDecision, RevisionRow } from '../../store/persist-types';
import type { PersistentStore } from '../../store/persistent-store';
import { storeFollower } from '../../store/store-follower';

/** The store methods the panel uses (a PersistentStore, or a stand-in in tests). */
export type HistoryStore = Pick<
  PersistentStore,
  | 'getSnapshot'
  | 'subscribe'
  | 'removeBatch'
  | 'listRevisions'
  | 'restoreRevision'
  | 'exportBackup'
  | 'restoreBackup'
>;

/** What the controller works with; the panel passes its props again on every render. */
export interface HistoryOptions {
  readonly store: HistoryStore;
  /** Saves a file (the backup). */
  readonly onDownload: (content: string, fileName: string) => void;
  /**
   * Today as `YYYY-MM-DD` in the office's local calendar (the app's clock), for the backup's file
   * name: a backup made at 07:30 Beijing time is named after that day, not the UTC day before.
   */
  readonly today: () => string;
}

/** The result of the last action, for the status line. */
export type HistoryNotice =
  | { readonly kind: 'removed'; readonly removed: number; readonly restored: number }
  | { readonly kind: 'revision-restored' }
  | { readonly kind: 'backup-restored'; readonly counts: BackupCounts; readonly resolution: ConflictDecision }
  /** The backup was valid but could not be written (storage full, connection closed). */
  | { readonly kind: 'backup-write-failed'; readonly issue: ValidationIssue }
  | { readonly kind: 'backup-invalid'; readonly issues: readonly ValidationIssue[] };

/** Everything the panel renders besides the store's batches, replaced on every change. */
export interface HistorySnapshot {
  /** The batch whose details are shown. */
  readonly inspected: string | null;
  /** The batch whose removal waits for "确定删除". */
  readonly confirmRemove: string | null;
  readonly notice: HistoryNotice | null;
  readonly revisions: readonly RevisionRow[];
  /** How a backup restore treats records that differ from stored ones. */
  readonly onConflict: ConflictDecision;
}

/** The history workflow; see the module comment. */
export interface HistoryController {
  getSnapshot(): HistorySnapshot;
  /** Also follows the store while subscribed: its changes re-list the revisions. */
  subscribe(listener: () => void): () => void;
  setOptions(options: HistoryOptions): void;
  inspect(id: string | null): void;
  /** Asks for confirmation before removing `id` (null: the user changed their mind). */
  askRemove(id: string | null): void;
  /** Removes batch `id` (its replaced records come back from their revisions). */
  remove(id: string): Promise<void>;
  restoreRevision(id: string): Promise<void>;
  exportBackup(): Promise<void>;
  setOnConflict(decision: ConflictDecision): void;
  /** Restores the backup file's text with the chosen conflict decision. */
  restoreBackup(text: string): Promise<void>;
}

/** The backup's file name for a local calendar day `YYYY-MM-DD`. */
export const backupFileName = (today: string): string => `安全生产月报看板备份-${today}.json`;

/** Creates the history workflow; the revisions load once the first listener subscribes. */
export function createHistoryController(initial: HistoryOptions): HistoryController {
  let options = initial;
  let snapshot: HistorySnapshot = {
    inspected: null,
    confirmRemove: null,
    notice: null,
    revisions: [],
    onConflict: 'keep',
  };
  const listeners = new Set<() => void>();
  const set = (patch: Partial<HistorySnapshot>) => {
    snapshot = { ...snapshot, ...patch };
    for (const l of [...listeners]) l();
  };

  // Revisions follow the store's data version; a late answer to an older listing is dropped.
  let listed: { store: HistoryStore; version: number } | null = null;
  let request = 0;
  const relist = () => {
    const store = options.store;
    const version = store.getSnapshot().version;
    if (listed && listed.store === store && listed.version === version) return;
    listed = { store, version };
    const mine = ++request;
    void store.listRevisions().then((revisions) => {
      if (mine === request && follower.active) set({ revisions });
    });
  };
  const follower = storeFollower<HistoryStore>(relist, () => {
    listed = null;
  });

  return {
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      follower.start(options.store);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) follower.stop();
      };
    },
    setOptions(next) {
      const storeChanged = next.store !== options.store;
      options = next;
      if (storeChanged) follower.restart(options.store);
    },
    inspect(id) {
      set({ inspected: id });
    },
    askRemove(id) {
      set({ confirmRemove: id });
    },
    async remove(id) {
      set({ confirmRemove: null, ...(snapshot.inspected === id ? { inspected: null } : {}) });
      const o = await options.store.removeBatch(id);
      set({ notice: { kind: 'removed', removed: o.removed, restored: o.restoredFromRevisions } });
    },
    async restoreRevision(id) {
      if (await options.store.restoreRevision(id)) set({ notice: { kind: 'revision-restored' } });
    },
    async exportBackup() {
      const text = await options.store.exportBackup();
      options.onDownload(text, backupFileName(options.today()));
    },
    setOnConflict(onConflict) {
      set({ onConflict });
    },
    async restoreBackup(text) {
      const resolution = snapshot.onConflict;
      const res = await options.store.restoreBackup(text, resolution);
      if (res.ok) {
        set({ notice: { kind: 'backup-restored', counts: res.value, resolution } });
        return;
      }
      const first = res.error[0];
      // A write failure (storage full, connection closed) is not an invalid file: say what it is.
      if (first && first.code.startsWith('store.outcome.failed.'))
        set({ notice: { kind: 'backup-write-failed', issue: first } });
      else set({ notice: { kind: 'backup-invalid', issues: res.error } });
    },
  };
}
