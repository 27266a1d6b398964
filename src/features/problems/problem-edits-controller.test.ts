import { describe, expect, it } from 'vitest';
import { EMPTY_PROBLEM_EDITS, type ProblemEdits } from '../../analysis/problems/edits';
import { createProblemEditsController } from './problem-edits-controller';
import { createMemoryEditsRepository, type ProblemEditsRepository } from './problem-edits-repository';

const renamed =
  (name: string) =>
  (e: ProblemEdits): ProblemEdits => ({
    ...e,
    renames: new Map([...e.renames, ['P01', name]]),
  });

/** A repository whose load and saves finish when the test says so. */
function manualRepo(initial: ProblemEdits) {
  const saves: { edits: ProblemEdits; resolve: () => void; reject: (e: Error) => void }[] = [];
  let finishLoad: (e: ProblemEdits) => void = () => {};
  const repo: ProblemEditsRepository = {
    load: () => new Promise((r) => (finishLoad = r)),
    save: (edits) => new Promise((resolve, reject) => saves.push({ edits, resolve, reject })),
  };
  return { repo, saves, finishLoad: () => finishLoad(initial) };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('createProblemEditsController', () => {
  it('loads, applies a change at once, notifies, and saves it', async () => {
    const repo = createMemoryEditsRepository(renamed('旧名')(EMPTY_PROBLEM_EDITS));
    const c = createProblemEditsController(repo);
    expect(c.getSnapshot().status).toBe('loading');
    await c.settled();
    expect(c.getSnapshot()).toMatchObject({ status: 'ready' });
    expect(c.getSnapshot().edits.renames.get('P01')).toBe('旧名');
    let notified = 0;
    const off = c.subscribe(() => notified++);
    c.update(renamed('新名'));
    expect(c.getSnapshot().edits.renames.get('P01')).toBe('新名');
    expect(c.getSnapshot().status).toBe('saving');
    await c.settled();
    expect(c.getSnapshot().status).toBe('ready');
    expect(notified).toBe(2);
    expect((await repo.load()).renames.get('P01')).toBe('新名');
    off();
    c.update((e) => e); // unchanged: no save, no notification
    expect(notified).toBe(2);
  });

  it('keeps a change made while loading and saves in order', async () => {
    const m = manualRepo(renamed('已保存')(EMPTY_PROBLEM_EDITS));
    const c = createProblemEditsController(m.repo);
    c.update(renamed('加载中修改'));
    m.finishLoad();
    await tick();
    expect(c.getSnapshot().edits.renames.get('P01')).toBe('加载中修改');
    c.update(renamed('第二次'));
    expect(m.saves.map((s) => s.edits.renames.get('P01'))).toEqual(['加载中修改']);
    m.saves[0]!.resolve();
    await tick();
    expect(m.saves.map((s) => s.edits.renames.get('P01'))).toEqual(['加载中修改', '第二次']);
    m.saves[1]!.reject(new Error('QuotaExceededError'));
    await tick();
    expect(c.getSnapshot().status).toBe('saveFailed');
    expect(c.getSnapshot().edits.renames.get('P01')).toBe('第二次');
  });
});
