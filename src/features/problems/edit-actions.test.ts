import { describe, expect, it } from 'vitest';
import {
  applyEdits,
  EMPTY_PROBLEM_EDITS,
  keyOfStatement,
  parseEdits,
  serialiseEdits,
} from '../../analysis/problems/edits';
import { makeStatement } from '../../analysis/problems/statements';
import {
  addKeywords,
  categoryOptions,
  clearReassignment,
  createCustomCategory,
  mergeCategories,
  removeKeyword,
  renameCategory,
  reassignStatement,
  unmergeCategory,
} from './edit-actions';
import { ENTERPRISE, STAFF } from './test-data';

const stmt = (text: string, period = '2022-04') =>
  makeStatement({
    township: '小召乡',
    period,
    seq: 1,
    text,
    source: { file: '月报.csv', line: 3 },
    fileCategory: null,
  });

/** Every edit the UI makes must load again (the store keeps the serialised form). */
const roundTrips = (e: typeof EMPTY_PROBLEM_EDITS) => expect(parseEdits(serialiseEdits(e)).ok).toBe(true);

describe('reassignStatement / clearReassignment', () => {
  it('stores a manual choice the rules never overwrite, and removes it again', () => {
    const s = stmt(ENTERPRISE);
    expect(s.category).toBe('P01');
    const edits = reassignStatement(EMPTY_PROBLEM_EDITS, s, 'P05');
    expect(edits.reassign.get(keyOfStatement(s))).toBe('P05');
    expect(EMPTY_PROBLEM_EDITS.reassign.size).toBe(0); // not mutated
    // The same wording re-imported (new statement object, same key) keeps the manual category.
    const again = applyEdits([stmt(ENTERPRISE)], edits)[0]!;
    expect([again.category, again.classified_by]).toEqual(['P05', 'manual']);
    roundTrips(edits);
    // Keywords that pull the statement to P08 by rule do not override the manual choice.
    const pull = addKeywords(EMPTY_PROBLEM_EDITS, 'P08', '落实不完全到位 个别企业负责人 安全意识淡薄');
    expect(pull.ok && applyEdits([s], pull.value)[0]!.category).toBe('P08');
    const both = pull.ok ? { ...pull.value, reassign: edits.reassign } : edits;
    expect(applyEdits([s], both)[0]!.category).toBe('P05');
    const cleared = clearReassignment(edits, s);
    expect(applyEdits([s], cleared)[0]!.category).toBe('P01');
    expect(clearReassignment(cleared, s)).toBe(cleared);
  });
});

describe('renameCategory', () => {
  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['责'.repeat(61), 'tooLong'],
    ['企业{责任}', 'badCharacters'],
    ['a|b', 'badCharacters'],
    ['换\n行', 'badCharacters'],
  ] as const)('refuses %j (%s)', (name, reason) => {
    expect(renameCategory(EMPTY_PROBLEM_EDITS, 'P01', name)).toEqual({ ok: false, error: reason });
  });

  it('trims the name, and renaming back to the built-in name removes the rename', () => {
    const r = renameCategory(EMPTY_PROBLEM_EDITS, 'P01', '  企业责任  ', '企业主体责任落实不到位');
    expect(r.ok && r.value.renames.get('P01')).toBe('企业责任');
    const back = r.ok
      ? renameCategory(r.value, 'P01', '企业主体责任落实不到位', '企业主体责任落实不到位')
      : r;
    expect(back.ok && back.value.renames.has('P01')).toBe(false);
  });
});

describe('addKeywords / removeKeyword', () => {
  it('splits on Chinese and Latin separators, skips duplicates, and changes classification', () => {
    const r = addKeywords(EMPTY_PROBLEM_EDITS, 'P11', '台账不全，记录缺失、 台账不全');
    expect(r.ok && r.value.extraKeywords.get('P11')).toEqual(['台账不全', '记录缺失']);
    expect(r.ok && addKeywords(r.value, 'P11', '记录缺失')).toEqual({ ok: false, error: 'duplicate' });
    expect(addKeywords(EMPTY_PROBLEM_EDITS, 'P11', ' ，、')).toEqual({ ok: false, error: 'empty' });
    if (!r.ok) return;
    roundTrips(r.value);
    const s = stmt('部分村安全台账不全、记录缺失');
    expect(applyEdits([s], r.value)[0]!.category).toBe('P11');
    const removed = removeKeyword(removeKeyword(r.value, 'P11', '台账不全'), 'P11', '记录缺失');
    expect(removed.extraKeywords.has('P11')).toBe(false);
  });
});

describe('mergeCategories / unmergeCategory', () => {
  it.each([
    ['into itself', [], 'P02', 'P02', 'sameCategory'],
    ['already merged into the same target', [['P02', 'P03']], 'P02', 'P03', 'sameCategory'],
    ['a cycle', [['P03', 'P02']], 'P02', 'P03', 'sameCategory'],
    [
      'a longer cycle',
      [
        ['P03', 'P04'],
        ['P04', 'P02'],
      ],
      'P02',
      'P03',
      'sameCategory',
    ],
  ] as const)('refuses %s', (_n, existing, from, into, reason) => {
    const edits = { ...EMPTY_PROBLEM_EDITS, merges: new Map(existing.map(([a, b]) => [a, b] as const)) };
    expect(mergeCategories(edits, from, into)).toEqual({ ok: false, error: reason });
  });

  it('moves statements (manual ones too) into the target and can be undone', () => {
    const staff = stmt(STAFF);
    const manual = reassignStatement(EMPTY_PROBLEM_EDITS, stmt(ENTERPRISE), 'P03');
    const r = mergeCategories(manual, 'P03', 'P02');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    roundTrips(r.value);
    expect(applyEdits([staff, stmt(ENTERPRISE)], r.value).map((s) => s.category)).toEqual(['P02', 'P02']);
    expect(categoryOptions(r.value, 'zh-CN').map((o) => o.code)).not.toContain('P03');
    const undone = unmergeCategory(r.value, 'P03');
    expect(applyEdits([staff], undone)[0]!.category).toBe('P03');
    expect(unmergeCategory(undone, 'P03')).toBe(undone);
  });
});

describe('createCustomCategory', () => {
  it('takes the first free U code, refuses a duplicate name, and wins on its keywords', () => {
    const a = createCustomCategory(EMPTY_PROBLEM_EDITS, '电动车充电', '电动车、充电');
    expect(a.ok && a.value.code).toBe('U01');
    if (!a.ok) return;
    roundTrips(a.value.edits);
    const b = createCustomCategory(a.value.edits, '燃气安全');
    expect(b.ok && b.value.code).toBe('U02');
    expect(createCustomCategory(a.value.edits, '电动车充电')).toEqual({ ok: false, error: 'duplicate' });
    expect(createCustomCategory(a.value.edits, '新类', '好|坏')).toEqual({
      ok: false,
      error: 'badCharacters',
    });
    const s = stmt('部分居民楼道内电动车充电现象仍然存在');
    expect(applyEdits([s], a.value.edits)[0]!.category).toBe('U01');
    expect(categoryOptions(a.value.edits, 'en').map((o) => o.label)).toContain('电动车充电');
  });
});
