/**
 * Following a store only while someone listens. The headless controllers (settings, history) read
 * the store while their view is mounted and must stop when the last listener leaves, and follow
 * the new store when the app swaps it (memory → IndexedDB). This is that lifecycle, written once.
 */

/** Anything with the useSyncExternalStore `subscribe` shape. */
export interface Subscribable {
  subscribe(listener: () => void): () => void;
}

export interface StoreFollower<S extends Subscribable> {
  /** True between `start` and `stop`. */
  readonly active: boolean;
  /** Subscribes to `store` (no-op when already following) and runs `onChange` once. */
  start(store: S): void;
  /** Unsubscribes; runs `onStop`. */
  stop(): void;
  /** When following, switches to `store` (stop, then start); otherwise does nothing. */
  restart(store: S): void;
}

/** A follower calling `onChange` on every store change while active. */
export function storeFollower<S extends Subscribable>(
  onChange: () => void,
  onStop?: () => void,
): StoreFollower<S> {
  let unsubscribe: (() => void) | null = null;
  const follower: StoreFollower<S> = {
    get active() {
      return unsubscribe !== null;
    },
    start(store) {
      if (unsubscribe) return;
      unsubscribe = store.subscribe(onChange);
      onChange();
    },
    stop() {
      if (!unsubscribe) return;
      const u = unsubscribe;
      unsubscribe = null;
      u();
      onStop?.();
    },
    restart(store) {
      if (!unsubscribe) return;
      follower.stop();
      follower.start(store);
    },
  };
  return follower;
}
