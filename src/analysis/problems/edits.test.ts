import { describe, expect, it } from 'vitest';
import {
  applyEdits,
  categoryName,
  EMPTY_PROBLEM_EDITS,
  keyOfStatement,
  parseEdits,
  resolveMerge,
  serialiseEdits,
  type ProblemEdits,
} from './edits';
import { stmt } from './test-helpers';
import { statementKey } from './statements';
import { normaliseStatementText } from './text';

const edits = (over: Partial<ProblemEdits>): ProblemEdits => ({ ...EMPTY_PROBLEM_EDITS, ...over });

describe('applyEdits', () => {
  const a = stmt('小召乡', '2022-04', '部分村安全生产台账资料不全');
  const b = stmt('小召乡', '2022-04', '交界地带管理责任不清', 2);

  it('without edits reproduces the rule classification', () => {
    expect(applyEdits([a, b], EMPTY_PROBLEM_EDITS).map((s) => s.category)).toEqual([a.category, b.category]);
  });

  it('a manual reassignment wins and is never overwritten by rules, even with extra keywords', () => {
    const e = edits({
      reassign: new Map([[keyOfStatement(a), 'P02']]),
      extraKeywords: new Map([['P11', ['台账资料不全']]]),
    });
    const [out] = applyEdits([a], e);
    expect(out).toMatchObject({ category: 'P02', classified_by: 'manual', confidence: 1 });
    // A statement already marked manual keeps its category when re-applied without the entry.
    const [again] = applyEdits([out!], EMPTY_PROBLEM_EDITS);
    expect(again).toMatchObject({ category: 'P02', classified_by: 'manual' });
  });

  it('extra keywords re-classify rule statements; a file category is kept', () => {
    expect(b.category).toBe('P99');
    const fromFile = stmt('小召乡', '2022-04', '交界地带管理责任不清', 3, 'P02');
    const e = edits({ extraKeywords: new Map([['P10', ['交界地带']]]) });
    const [rb, rf] = applyEdits([b, fromFile], e);
    expect(rb).toMatchObject({ category: 'P10', classified_by: 'rule', keywords_matched: ['交界地带'] });
    expect(rf).toMatchObject({ category: 'P02', classified_by: 'file' });
  });

  it('custom categories get their keywords and win ties', () => {
    const e = edits({ custom: new Map([['U01', { code: 'U01', name: '疫情影响', keywords: ['疫情'] }]]) });
    const [out] = applyEdits([stmt('城关镇', '2022-04', '疫情防控任务繁重')], e);
    expect(out!.category).toBe('U01');
    expect(categoryName('U01', e, 'zh-CN')).toBe('疫情影响');
  });

  it('merges map category and secondary categories, following chains, including manual ones', () => {
    const e = edits({
      merges: new Map([
        ['P11', 'P04'],
        ['P04', 'P02'],
      ]),
      reassign: new Map([[keyOfStatement(b), 'P11']]),
    });
    const [ra, rb] = applyEdits([a, b], e);
    expect(ra!.category).toBe('P02');
    expect(rb).toMatchObject({ category: 'P02', classified_by: 'manual' });
    expect(ra!.secondary_categories).not.toContain('P02');
  });

  it('resolveMerge stops on cycles', () => {
    expect(
      resolveMerge(
        'P01',
        new Map([
          ['P01', 'P02'],
          ['P02', 'P01'],
        ]),
      ),
    ).toBe('P02');
    expect(resolveMerge('P03', new Map())).toBe('P03');
  });
});

describe('statement keys', () => {
  it('survive re-import with different punctuation and spacing', () => {
    const k1 = statementKey('小召乡', '2022-04', normaliseStatementText('台账资料不全，记录不规范。'));
    const k2 = statementKey('小召乡', '2022-04', normaliseStatementText('台账资料不全 记录不规范'));
    expect(k1).toBe(k2);
    expect(statementKey('小召乡', '2022-05', normaliseStatementText('台账资料不全'))).not.toBe(k1);
  });
});

describe('serialiseEdits / parseEdits', () => {
  const full = edits({
    reassign: new Map([['小召乡\u001f2022-04\u001fabcdef01', 'U01']]),
    renames: new Map([['P01', '企业责任']]),
    extraKeywords: new Map([['P10', ['交界地带']]]),
    merges: new Map([['P12', 'P07']]),
    custom: new Map([['U01', { code: 'U01', name: '疫情影响', keywords: ['疫情'] }]]),
  });

  it('round-trips', () => {
    const parsed = parseEdits(serialiseEdits(full));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.value).toEqual(full);
  });

  it.each([
    ['not JSON', '{', 'not valid JSON'],
    ['__proto__ key', '{"version":1,"__proto__":{"x":1}}', 'forbidden key'],
    ['nested constructor', '{"version":1,"custom":[{"constructor":{"prototype":{"x":1}}}]}', 'forbidden key'],
    ['bad version', '{"version":2}', 'version'],
    ['unknown category', '{"version":1,"reassign":[["k","P77"]]}', 'unknown category'],
    ['undefined custom target', '{"version":1,"merges":[["P01","U09"]]}', 'unknown category'],
    ['rich-text braces in a name', '{"version":1,"renames":[["P01","a{b}|c"]]}', 'renames'],
    ['self merge', '{"version":1,"merges":[["P01","P01"]]}', 'itself'],
    ['array root', '[]', 'expected an object'],
  ])('rejects %s', (_n, json, fragment) => {
    const r = parseEdits(json);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.join(' ')).toContain(fragment);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});
