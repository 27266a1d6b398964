import { describe, expect, it } from 'vitest';
import { storeFollower, type Subscribable } from './store-follower';

/** A store that counts its subscribers and can announce a change. */
function fakeStore(): Subscribable & { listeners: Set<() => void>; change(): void } {
  const listeners = new Set<() => void>();
  return {
    listeners,
    subscribe(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    change() {
      for (const l of listeners) l();
    },
  };
}

describe('storeFollower', () => {
  it('runs onChange on start and on each change, and never subscribes twice', () => {
    const store = fakeStore();
    let calls = 0;
    const f = storeFollower(() => calls++);
    f.start(store);
    f.start(store);
    expect(store.listeners.size).toBe(1);
    store.change();
    expect(calls).toBe(2);
    expect(f.active).toBe(true);
  });

  it('stop unsubscribes and calls onStop once', () => {
    const store = fakeStore();
    let stops = 0;
    const f = storeFollower(
      () => undefined,
      () => stops++,
    );
    f.start(store);
    f.stop();
    f.stop();
    expect(store.listeners.size).toBe(0);
    expect(stops).toBe(1);
    expect(f.active).toBe(false);
  });

  it('restart moves to the new store only while following', () => {
    const a = fakeStore();
    const b = fakeStore();
    const f = storeFollower(() => undefined);
    f.restart(b);
    expect(b.listeners.size).toBe(0);
    f.start(a);
    f.restart(b);
    expect(a.listeners.size).toBe(0);
    expect(b.listeners.size).toBe(1);
  });
});
