import { describe, expect, it } from 'vitest';
import { DEFAULT_PROBLEM_RULES } from '../../analysis/problems/category-rules';
import type { ClassifierRequestBody } from '../../analysis/problems/classifier-session';
import { createProblemClassifierController, type ClassifierRunner } from './classifier-controller';

type Answer = Awaited<ReturnType<ClassifierRunner['classify']>>;

/** A runner whose answers the test releases by hand, in any order. */
function manualRunner() {
  const calls: { body: ClassifierRequestBody; answer: (a: Answer) => void }[] = [];
  const runner: ClassifierRunner = {
    classify: (body) => new Promise((answer) => calls.push({ body, answer })),
  };
  return { runner, calls };
}

const body = (texts: string[]): ClassifierRequestBody => ({
  rules: DEFAULT_PROBLEM_RULES,
  learnt: [],
  texts,
});
const result = (text: string, learnt = 0): Answer => ({
  decisions: [[text, { category: 'P01', confidence: 0.9, top: [{ category: 'P01', probability: 0.9 }] }]],
  learnt,
  loadMs: 12,
});

describe('problem classifier controller', () => {
  it('is loading without decisions until the first answer, then ready', async () => {
    const { runner, calls } = manualRunner();
    const c = createProblemClassifierController(runner);
    expect(c.getSnapshot()).toMatchObject({ status: 'loading', decisions: null });
    c.request('k1', body(['a']));
    calls[0]!.answer(result('a'));
    await c.settled();
    expect(c.getSnapshot().status).toBe('ready');
    expect(c.getSnapshot().decisions?.get('a')?.category).toBe('P01');
    expect(c.getSnapshot().loadMs).toBe(12);
  });

  it('skips a repeated request and keeps only the answer to the latest', async () => {
    const { runner, calls } = manualRunner();
    const c = createProblemClassifierController(runner);
    c.request('k1', body(['a']));
    c.request('k1', body(['a']));
    expect(calls).toHaveLength(1);
    c.request('k2', body(['b']));
    calls[1]!.answer(result('b', 3));
    calls[0]!.answer(result('a'));
    await c.settled();
    await Promise.resolve();
    expect([...c.getSnapshot().decisions!.keys()]).toEqual(['b']);
    expect(c.getSnapshot().learnt).toBe(3);
  });

  it('reports a failure and keeps earlier decisions', async () => {
    const { runner, calls } = manualRunner();
    const c = createProblemClassifierController(runner);
    c.request('k1', body(['a']));
    calls[0]!.answer(result('a'));
    await c.settled();
    c.request('k2', body(['a', 'b']));
    expect(c.getSnapshot().status).toBe('updating');
    calls[1]!.answer({ failed: 'HTTP 404' });
    await c.settled();
    expect(c.getSnapshot().status).toBe('failed');
    expect(c.getSnapshot().decisions?.has('a')).toBe(true);
  });
});
