/**
 * Import from an allow-listed URL or from the reporting endpoint, without React: fetch → ingest →
 * a plan (host, size, rows, diffs) for the user to confirm → commit. Reports picked from the
 * endpoint's list are loaded one at a time, each plan confirmed before the next is loaded; a
 * failed load stops the queue. Nothing is ever loaded or stored without a user action
 * (docs/reporting-endpoint.md). The panel (network-sources-panel.tsx) renders the snapshot and
 * calls these methods; subscribe with useSyncExternalStore.
 */
import type { IngestOptions } from '../../ingest/types';
import type { Message } from '../../store/outcome-message';
import type { BatchSource, CommitOutcome, ConflictDecision, ImportPlan } from '../../store/persist-types';
import type { PersistentStore } from '../../store/persistent-store';
import type { AppConfig } from '../../store/sources/config';
import { fetchFailureMessage } from '../../store/sources/fetch-client';
import {
  endpointBatchSource,
  endpointFailureMessage,
  listReports,
  loadReport,
  type ReportListing,
} from '../../store/sources/reporting-endpoint';
import {
  loadFromUrl,
  urlBatchSource,
  type IngestFn,
  type LoadedSource,
  type SourceDeps,
} from '../../store/sources/url-source';

/** The store methods the sources use. */
export type SourcesStore = Pick<PersistentStore, 'prepareImport' | 'commitImport'>;

/** What the controller works with; the panel passes its props again on every render. */
export interface NetworkSourcesOptions {
  readonly store: SourcesStore;
  readonly config: AppConfig;
  readonly ingest: IngestFn;
  /** knownTownships (from settings) and today. */
  readonly ingestOptions: Omit<IngestOptions, 'fileName'>;
  /** Test seam: shorter time-outs. */
  readonly timeoutMs?: number;
}

/** A loaded source's plan, waiting for the user to confirm or cancel. */
export interface PendingSource {
  readonly plan: ImportPlan;
  readonly host: string;
  readonly bytes: number;
}

/**
 * The line above the panel: a failure message, or a commit's outcome. The outcome stays a value
 * so its timestamps are formatted in the UI language when rendered.
 */
export type SourcesNotice =
  | { readonly kind: 'message'; readonly message: Message }
  | { readonly kind: 'commit'; readonly outcome: CommitOutcome; readonly rejected: number };

/** Everything the panel renders, replaced (never mutated) on every change. */
export interface NetworkSourcesSnapshot {
  /** The URL field (a link's `?src=` only pre-fills it). */
  readonly url: string;
  readonly busy: boolean;
  readonly notice: SourcesNotice | null;
  readonly pending: PendingSource | null;
  /** The endpoint's listing, null until asked for. */
  readonly reports: readonly ReportListing[] | null;
  readonly selected: ReadonlySet<string>;
  /** Selected reports not yet loaded, and how many were selected (for "第 i 份，共 n 份"). */
  readonly queue: readonly ReportListing[];
  readonly queueTotal: number;
}

/** The URL and endpoint import workflow; see the module comment. */
export interface NetworkSourcesController {
  getSnapshot(): NetworkSourcesSnapshot;
  subscribe(listener: () => void): () => void;
  /** Replaces the store, config and ingest used from now on (the panel's latest props). */
  setOptions(options: NetworkSourcesOptions): void;
  setUrl(url: string): void;
  /** Fetches and reads the URL in the field, then shows its plan (or why it failed). */
  loadUrl(): Promise<void>;
  /** Asks the endpoint for its submitted reports. */
  listReports(): Promise<void>;
  /** Selects or deselects one listed report. */
  toggle(id: string, on: boolean): void;
  /** Loads the selected reports one plan at a time. */
  importSelected(): Promise<void>;
  /** Commits the shown plan with `decisions`, or drops it (null); then loads the next queued one. */
  finish(decisions: ReadonlyMap<string, ConflictDecision> | null): Promise<void>;
}

/** Creates the sources workflow; nothing is fetched until a method is called. */
export function createNetworkSourcesController(
  initial: NetworkSourcesOptions,
  candidateUrl: string | null = null,
): NetworkSourcesController {
  let options = initial;
  let snapshot: NetworkSourcesSnapshot = {
    url: candidateUrl ?? '',
    busy: false,
    notice: null,
    pending: null,
    reports: null,
    selected: new Set(),
    queue: [],
    queueTotal: 0,
  };
  const listeners = new Set<() => void>();
  const set = (patch: Partial<NetworkSourcesSnapshot>) => {
    snapshot = { ...snapshot, ...patch };
    for (const l of [...listeners]) l();
  };
  const deps = (): SourceDeps => {
    const { config, ingest, ingestOptions, timeoutMs } = options;
    return { config, ingest, ingestOptions, ...(timeoutMs ? { timeoutMs } : {}) };
  };
  const fail = (message: Message) => set({ notice: { kind: 'message', message } });

  const prepare = async (loaded: LoadedSource, source: BatchSource) => {
    const plan = await options.store.prepareImport(loaded.result, loaded.bytes, source);
    set({ pending: { plan, host: loaded.host, bytes: loaded.bytes.byteLength } });
  };

  /** Loads the next report of the queue and shows its plan; stops the queue on a failure. */
  const loadNext = async (rest: readonly ReportListing[]) => {
    const [next, ...others] = rest;
    set({ queue: others });
    if (!next) return;
    set({ busy: true });
    const loaded = await loadReport(deps(), next);
    if (!loaded.ok) {
      fail(endpointFailureMessage(loaded.error));
      set({ queue: [] });
    } else await prepare(loaded.value, endpointBatchSource(loaded.value, next));
    set({ busy: false });
  };

  return {
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setOptions(next) {
      options = next;
    },
    setUrl(url) {
      set({ url });
    },

    async loadUrl() {
      set({ busy: true, notice: null });
      const loaded = await loadFromUrl(snapshot.url, deps());
      if (!loaded.ok) fail(fetchFailureMessage(loaded.error));
      else await prepare(loaded.value, urlBatchSource(loaded.value));
      set({ busy: false });
    },

    async listReports() {
      set({ busy: true, notice: null });
      const r = await listReports(deps());
      if (r.ok) set({ reports: r.value });
      else fail(endpointFailureMessage(r.error));
      set({ busy: false });
    },

    toggle(id, on) {
      const selected = new Set(snapshot.selected);
      if (on) selected.add(id);
      else selected.delete(id);
      set({ selected });
    },

    async importSelected() {
      const list = (snapshot.reports ?? []).filter((r) => snapshot.selected.has(r.id));
      set({ queueTotal: list.length, notice: null });
      await loadNext(list);
    },

    async finish(decisions) {
      const pending = snapshot.pending;
      if (!pending) return;
      if (decisions) {
        set({ busy: true });
        const outcome = await options.store.commitImport(pending.plan, decisions);
        const rejected = pending.plan.result.counts.rejected;
        set({ notice: { kind: 'commit', outcome, rejected }, busy: false });
      }
      set({ pending: null });
      if (snapshot.queue.length > 0) await loadNext(snapshot.queue);
    },
  };
}
