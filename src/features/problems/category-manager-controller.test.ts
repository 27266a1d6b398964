import { describe, expect, it } from 'vitest';
import { EMPTY_PROBLEM_EDITS, type ProblemEdits } from '../../analysis/problems/edits';
import { createCategoryManagerController } from './category-manager-controller';

/** An in-memory stand-in for the edits controller: applies every change at once. */
function editsHost(initial: ProblemEdits = EMPTY_PROBLEM_EDITS) {
  let edits = initial;
  let updates = 0;
  return {
    getSnapshot: () => ({ edits, status: 'ready' as const }),
    update(change: (e: ProblemEdits) => ProblemEdits) {
      updates++;
      edits = change(edits);
    },
    get edits() {
      return edits;
    },
    get updates() {
      return updates;
    },
  };
}

describe('createCategoryManagerController', () => {
  it('renames the picked category, clears the name and reports success to subscribers', () => {
    const host = editsHost();
    const c = createCategoryManagerController(host);
    let notified = 0;
    c.subscribe(() => notified++);
    c.setDraft('code', 'P03');
    c.setDraft('name', '  隐患排查不彻底 ');
    c.rename('zh-CN');
    expect(host.edits.renames.get('P03')).toBe('隐患排查不彻底');
    expect(c.getSnapshot()).toMatchObject({ drafts: { code: 'P03', name: '' }, feedback: { kind: 'ok' } });
    expect(notified).toBe(3);
  });

  it('a rename back to the built-in name in the UI language removes the rename', () => {
    const host = editsHost({ ...EMPTY_PROBLEM_EDITS, renames: new Map([['P01', '别名']]) });
    const c = createCategoryManagerController(host);
    c.setDraft('name', 'Enterprise responsibility not fulfilled');
    c.rename('zh-CN');
    expect(host.edits.renames.get('P01')).toBe('Enterprise responsibility not fulfilled');
    c.setDraft('name', '企业主体责任落实不到位');
    c.rename('zh-CN');
    expect(host.edits.renames.has('P01')).toBe(false);
  });

  it('refuses an edit at once: the reason is shown, the draft kept and nothing saved', () => {
    const host = editsHost();
    const c = createCategoryManagerController(host);
    c.setDraft('from', 'P01');
    c.setDraft('into', 'P01');
    c.merge();
    expect(c.getSnapshot().feedback).toEqual({ kind: 'error', reason: 'sameCategory' });
    c.setDraft('keywords', '电动车，电动车');
    c.addKeywords();
    c.setDraft('keywords', '电动车');
    c.addKeywords();
    expect(c.getSnapshot().feedback).toEqual({ kind: 'error', reason: 'duplicate' });
    expect(c.getSnapshot().drafts.keywords).toBe('电动车');
    expect(host.updates).toBe(1);
    expect(host.edits.extraKeywords.get('P01')).toEqual(['电动车']);
  });

  it('merges and unmerges, removes a keyword, creates a custom category and clears its form', () => {
    const host = editsHost({ ...EMPTY_PROBLEM_EDITS, extraKeywords: new Map([['P01', ['甲', '乙']]]) });
    const c = createCategoryManagerController(host);
    c.setDraft('from', 'P06');
    c.setDraft('into', 'P05');
    c.merge();
    expect([...host.edits.merges]).toEqual([['P06', 'P05']]);
    c.unmerge('P06');
    expect(host.edits.merges.size).toBe(0);
    c.removeKeyword('甲');
    expect(host.edits.extraKeywords.get('P01')).toEqual(['乙']);
    c.setDraft('customName', '电动车充电');
    c.setDraft('customKeywords', '飞线充电、楼道充电');
    c.createCustom();
    expect(host.edits.custom.get('U01')).toEqual({
      code: 'U01',
      name: '电动车充电',
      keywords: ['飞线充电', '楼道充电'],
    });
    expect(c.getSnapshot().drafts).toMatchObject({ customName: '', customKeywords: '' });
  });
});
