import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROBLEM_RULES, keywordWeight } from './category-rules';
import { classifyStatement, findKeywordMatches } from './classify';
import { splitProblemsText } from './split-statements';

describe('classifyStatement', () => {
  it.each([
    ['个别企业负责人安全意识淡薄', 'P01'],
    ['经营单位安全意识不强', 'P01'],
    ['部分群众安全意识淡薄', 'P05'],
    ['企业职工安全意识不强', 'P05'], // nearest subject (职工) decides
    ['村民安全意识薄弱', 'P05'],
    ['安全意识淡薄', 'P05'], // no subject → fallback
    ['企业安全投入不足', 'P01'],
    ['镇财力有限，投入不足', 'P07'],
    ['经费投入不足', 'P07'],
  ])('subject-sensitive rule: %s → %s', (text, expected) => {
    expect(classifyStatement(text).category).toBe(expected);
  });

  it('breaks ties by the documented order (P09 before P04)', () => {
    // 违规 (P09, weight 1) and 复查 (P04, weight 1) score the same.
    const c = classifyStatement('违规，复查');
    expect(c.scores.get('P09')).toBe(c.scores.get('P04'));
    expect(c.category).toBe('P09');
    expect(c.secondary_categories).toEqual(['P04']);
  });

  it('lets a longer phrase hide a shorter keyword it contains (违章操作 is P05, not 违章/P09)', () => {
    const c = classifyStatement('职工违章操作');
    expect(c.category).toBe('P05');
    expect(c.matches.some((m) => m.category === 'P09')).toBe(false);
  });

  it('returns P99 with no keywords and confidence 0 for unmatched or empty text', () => {
    for (const t of ['疫情防控任务繁重', '']) {
      const c = classifyStatement(t);
      expect(c).toMatchObject({
        category: 'P99',
        keywords_matched: [],
        secondary_categories: [],
        confidence: 0,
      });
    }
  });

  it('reports match ranges that slice back to the term', () => {
    const text = '部分村安全生产台账资料不全，应急预案可操作性不强';
    const matches = findKeywordMatches(text);
    expect(matches.length).toBeGreaterThan(2);
    for (const m of matches) expect(text.slice(m.start, m.end)).toBe(m.term);
  });

  it('weighs longer keywords more', () => {
    expect(keywordWeight('资金')).toBeLessThan(keywordWeight('层层递减'));
    expect(keywordWeight('全员安全生产责任制')).toBe(3);
  });

  it('gives higher confidence to a clear statement than to a mixed one', () => {
    const clear = classifyStatement('全员安全生产责任制不健全，企业主体责任落实不到位');
    const mixed = classifyStatement('培训台账不全');
    expect(clear.confidence).toBeGreaterThan(mixed.confidence);
    expect(clear.confidence).toBeLessThanOrEqual(1);
  });

  it('uses extra rules passed in (rules are data)', () => {
    const rules = {
      ...DEFAULT_PROBLEM_RULES,
      categories: DEFAULT_PROBLEM_RULES.categories.map((c) =>
        c.code === 'P10' ? { ...c, keywords: [...c.keywords, { term: '交界地带' }] } : c,
      ),
    };
    expect(classifyStatement('交界地带管理不清').category).toBe('P99');
    expect(classifyStatement('交界地带管理不清', rules).category).toBe('P10');
  });
});

describe('the 小召乡 April 2022 report (seed)', () => {
  // A copy of shared/seed/xiaozhao-2022-04-report.txt, kept with the fixtures so CI needs no outside path.
  const report = readFileSync(
    new URL('../../../tests/fixtures/problems/xiaozhao-2022-04-report.txt', import.meta.url),
    'utf8',
  );
  const section = report.slice(report.indexOf('二、存在的问题'), report.indexOf('三、下步工作安排'));

  it('splits 存在的问题 into 3 statements in P01, P02, P03', () => {
    const statements = splitProblemsText(section);
    expect(statements.map((s) => s.seq)).toEqual([1, 2, 3]);
    expect(statements[0]!.text.startsWith('企业主体责任落实不完全到位')).toBe(true);
    expect(statements.map((s) => classifyStatement(s.text).category)).toEqual(['P01', 'P02', 'P03']);
  });
});
