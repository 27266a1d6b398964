/**
 * The fast classifier (compiled rules in classify.ts, integer n-gram index in problem-model.ts)
 * must decide exactly as its first implementation (classify-reference.ts): same category, same
 * confidence to the last bit, same top-3, same matches, for every statement of the writers'
 * corpus, the labelled set and the sample report, with the shipped rules, with user edits and
 * with a model that has learnt from corrections. See "Speed" in README.md in this folder.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROBLEM_RULES, type ProblemRules } from './category-rules';
import { classifyStatement, findKeywordMatches, type Classification } from './classify';
import {
  classifyStatementReference,
  classifyWithModelReference,
  findKeywordMatchesReference,
} from './classify-reference';
import { EMPTY_PROBLEM_EDITS, rulesWithEdits } from './edits';
import { parseCorpusJsonl } from './model-accuracy';
import { extractFeatures } from './model-features';
import { classifyWithModel, parseProblemModelAsset, ProblemModel } from './problem-model';
import { splitProblemsText } from './split-statements';

const fixtures = new URL('../../../tests/fixtures/problems/', import.meta.url);
const corpusDir = new URL('corpus/', fixtures);
const corpus = readdirSync(corpusDir)
  .filter((f) => /^W\d+\.jsonl$/u.test(f))
  .sort()
  .flatMap((f) => parseCorpusJsonl(f.slice(0, -6), readFileSync(new URL(f, corpusDir), 'utf8')).items)
  .map((i) => i.text);
const labelled = (
  JSON.parse(readFileSync(new URL('labelled-statements.json', fixtures), 'utf8')) as {
    statements: { text: string }[];
  }
).statements.map((s) => s.text);
const report = splitProblemsText(readFileSync(new URL('xiaozhao-2022-04-report.txt', fixtures), 'utf8')).map(
  (s) => s.text,
);
// Two statements run together (a headline and its explanation, as clerks write them), and
// texts that stress the matcher: a term repeated back to back (occurrences of one term never
// overlap), a phrase inside a longer one, astral characters (the string path), NUL, blanks.
const joined = corpus.slice(0, 400).map((t, i) => `${t}${corpus[corpus.length - 1 - i]!}`);
const edge = [
  '',
  '。；！',
  '   ',
  '整改整改整改不到位不到位',
  '层层层层递减递减',
  '违章操作违章，违章作业。违规违规',
  '意识淡薄。企业负责人意识淡薄，群众意识淡薄',
  '村级经费不足经费不足；企业投入不足',
  '𠮷村群众安全意识淡薄，𠀋企业投入不足',
  '企业\u0000负责人安全意识淡薄',
  '一是ＡＢＣ企业无证经营，二是３名员工未持证上岗',
  '烟花爆竹经营点风险较大，事故多发',
  '!!!',
];
const texts = [...corpus, ...labelled, ...report, ...joined, ...edge];

const asset = parseProblemModelAsset(
  JSON.parse(
    readFileSync(new URL('../../../public/models/problem-classifier.json', import.meta.url), 'utf8'),
  ),
);
if (!asset.ok) throw new Error(asset.error.join('\n'));

// The user's rule edits: a keyword that repeats a built-in one in another category, one that
// overlaps built-in phrases, an empty one, and a custom category.
const editedRules: ProblemRules = rulesWithEdits(DEFAULT_PROBLEM_RULES, {
  ...EMPTY_PROBLEM_EDITS,
  extraKeywords: new Map([
    ['P04', ['台账', '整改整改', '']],
    ['P10', ['层层层']],
  ]),
  custom: new Map([['U1', { code: 'U1', name: '电动车', keywords: ['电动车', '充电', '飞线'] }]]),
});

/** Everything a caller can see, with the scores Map as entries (toEqual compares Maps loosely). */
const visible = (c: Classification) => ({ ...c, scores: [...c.scores] });

describe('fast classifier = reference implementation', () => {
  it('covers the whole corpus and the labelled set', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(1500);
    expect(labelled.length).toBeGreaterThanOrEqual(100);
    expect(report.length).toBeGreaterThan(5);
  });

  it.each([
    ['built-in rules', DEFAULT_PROBLEM_RULES],
    ['rules with user edits', editedRules],
  ])('rule classifier, %s: identical matches, category, confidence and scores', (_, rules) => {
    const differing = texts.filter(
      (t) =>
        JSON.stringify(visible(classifyStatement(t, rules))) !==
          JSON.stringify(visible(classifyStatementReference(t, rules))) ||
        JSON.stringify(findKeywordMatches(t, rules)) !==
          JSON.stringify(findKeywordMatchesReference(t, rules)),
    );
    expect(differing).toEqual([]);
    // Not vacuous: the edited rules really find their extra keywords.
    expect(classifyStatement('电动车停放无序', rules).category).toBe(rules === editedRules ? 'U1' : 'P99');
  });

  const models: [string, () => ProblemModel][] = [
    ['shipped model', () => ProblemModel.fromAsset(asset.value)],
    [
      'model with corrections and edited rules',
      () =>
        ProblemModel.fromAsset(
          asset.value,
          [
            { text: '个别村应急广播不响，叫应机制未落实', category: 'P08' },
            { text: '电动车进楼入户、飞线充电现象仍有发生', category: 'U1' },
            { text: '𠮷字号门店消防通道堵塞', category: 'P09' },
            { text: '部分企业以会代训，培训记录后补', category: 'P06' },
            { text: '新词甲乙丙丁戊己庚辛', category: 'P10' },
          ],
          editedRules,
        ),
    ],
  ];

  it.each(models)('%s: identical category, confidence, top-3 and matches on every text', (_, make) => {
    const model = make();
    const differing: string[] = [];
    let confident = 0;
    for (const t of texts) {
      const fast = classifyWithModel(model, t);
      const ref = classifyWithModelReference(model, t);
      // Exact equality, not toBeCloseTo: the same sums in the same order give the same bits
      // (JSON writes each double so that it reads back to the same bits).
      const raw = JSON.stringify([...model.rawScores(t)]);
      const rawRef = JSON.stringify([
        ...model.scoreFeatures(extractFeatures(t, model.asset.options, model.ruleSet)),
      ]);
      if (JSON.stringify(visible(fast)) !== JSON.stringify(visible(ref)) || raw !== rawRef) differing.push(t);
      if (fast.confidence >= 0.5) confident++;
    }
    expect(differing).toEqual([]);
    expect(confident).toBeGreaterThan(texts.length / 2);
  });
});
