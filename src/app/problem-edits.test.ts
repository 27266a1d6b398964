// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProblemEdits } from '../analysis/problems/edits';
import { PROBLEM_EDITS_STORAGE_KEY } from '../features/problems/problem-edits-repository';
import { createMemoryStore } from '../store/memory-store';
import { PersistentStore } from '../store/persistent-store';
import { counterIds, stepClock, uniqueDbName } from '../store/test-support';
import { problemEditsControllerFor } from './problem-edits';

const open: PersistentStore[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
  window.localStorage.clear();
});

const renameP01 = (e: ProblemEdits): ProblemEdits => ({ ...e, renames: new Map([['P01', '企业主体责任']]) });

describe('DataStore.persistent: the one "is this the persistent store" capability', () => {
  it('is the store itself on IndexedDB and null on the memory fallback', async () => {
    const persistent = await PersistentStore.open({
      dbName: uniqueDbName('capability'),
      now: stepClock(),
      newId: counterIds('cap-'),
      channelName: null,
      storage: null,
      locks: null,
    });
    open.push(persistent);
    expect(persistent.persistent).toBe(persistent);
    expect(createMemoryStore().persistent).toBeNull();
  });

  it('keeps problem edits in IndexedDB on the persistent store', async () => {
    const store = await PersistentStore.open({
      dbName: uniqueDbName('edits'),
      now: stepClock(),
      newId: counterIds('ed-'),
      channelName: null,
      storage: null,
      locks: null,
    });
    open.push(store);
    const c = problemEditsControllerFor(store);
    await c.settled();
    c.update(renameP01);
    await c.settled();
    expect(typeof (await store.getProblemCategoryEdits())).toBe('string');
    expect(window.localStorage.getItem(PROBLEM_EDITS_STORAGE_KEY)).toBeNull();
  });

  it('uses localStorage when the store is not persistent, whatever methods it happens to have', async () => {
    // A memory store with edits-like methods: before, probing for the methods sent the edits here.
    let kept: unknown = null;
    const store = {
      ...createMemoryStore(),
      getProblemCategoryEdits: async () => kept,
      setProblemCategoryEdits: async (v: unknown) => {
        kept = v;
      },
    };
    const c = problemEditsControllerFor(store);
    await c.settled();
    c.update(renameP01);
    await c.settled();
    expect(kept).toBeNull();
    expect(window.localStorage.getItem(PROBLEM_EDITS_STORAGE_KEY)).toContain('企业主体责任');
  });
});
