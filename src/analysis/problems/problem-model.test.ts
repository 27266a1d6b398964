import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyStatement } from './classify';
import { extractFeatures, normaliseForModel } from './model-features';
import {
  classifyWithModel,
  parseProblemModelAsset,
  ProblemModel,
  trainProblemModel,
  type ProblemModelAsset,
} from './problem-model';

const raw: unknown = JSON.parse(
  readFileSync(new URL('../../../public/models/problem-classifier.json', import.meta.url), 'utf8'),
);
const parsed = parseProblemModelAsset(raw);
if (!parsed.ok) throw new Error(parsed.error.join('\n'));
const shipped: ProblemModelAsset = parsed.value;

describe('classifyWithModel (shipped model)', () => {
  const model = ProblemModel.fromAsset(shipped);

  it.each([
    ['个别企业负责人安全意识淡薄', 'P01'],
    ['部分企业主要负责人安全意识淡薄，重生产轻安全', 'P01'],
    ['经营单位安全意识不强', 'P01'],
    ['部分群众安全意识淡薄', 'P05'],
    ['一些群众安全意识淡薄，存在侥幸心理', 'P05'],
    ['企业职工安全意识不强', 'P05'],
    ['企业投入不足', 'P01'],
    ['企业安全投入不足', 'P01'],
    ['村级经费不足', 'P07'],
    ['镇财力有限，投入不足', 'P07'],
  ])('keeps the subject-sensitive case right: %s → %s', (text, expected) => {
    expect(classifyWithModel(model, text).category).toBe(expected);
  });

  it('decides P99 by probability for statements with no keyword, and keeps keyword-free problems out of P99', () => {
    // No keyword of any category: the rules can only say P99; the model tells them apart.
    expect(classifyStatement('本月无').category).toBe('P99');
    expect(classifyWithModel(model, '本月无').category).toBe('P99');
    expect(classifyWithModel(model, '疫情防控任务繁重').category).toBe('P99');
    const keywordFree = '乡安办只有2名工作人员，日常检查忙不过来';
    expect(classifyStatement(keywordFree).category).toBe('P99'); // the old behaviour
    expect(classifyWithModel(model, keywordFree).category).toBe('P03');
  });

  it('returns a calibrated confidence and the top three classes', () => {
    const c = classifyWithModel(model, '部分村安全生产台账资料不全，记录不规范');
    expect(c.category).toBe('P11');
    expect(c.top.length).toBe(3);
    expect(c.top[0]!.category).toBe(c.category);
    expect(c.top[0]!.probability).toBe(c.confidence);
    expect(c.top[0]!.probability).toBeGreaterThanOrEqual(c.top[1]!.probability);
    expect(c.top[1]!.probability).toBeGreaterThanOrEqual(c.top[2]!.probability);
    const total = model
      .probabilities(model.rawScores('部分村安全生产台账资料不全'))
      .reduce((s, p) => s + p, 0);
    expect(total).toBeCloseTo(1, 9);
    // The rule hits stay available for highlighting.
    expect(c.keywords_matched).toContain('台账');
    expect(c.classifiedBy).toBe('model');
  });

  it('is deterministic and handles empty text', () => {
    expect(classifyWithModel(model, '应急预案可操作性不强')).toEqual(
      classifyWithModel(model, '应急预案可操作性不强'),
    );
    const empty = classifyWithModel(model, '');
    expect(empty.top.length).toBe(3);
    expect(Number.isFinite(empty.confidence)).toBe(true);
  });
});

describe('learning from manual reassignments', () => {
  // A new digital supervision tool (企安码, an enterprise safety QR code) that no writer of the
  // corpus mentions; the office files its problems under P10 (supervision means and mechanisms).
  const reassigned = [
    '部分企业企安码扫码登记率低',
    '企安码信息更新不及时，与实际不符',
    '个别经营户未按要求申领企安码',
    '企安码平台数据填报滞后',
    '小微企业企安码赋码进度慢',
  ];
  const unseen = [
    '企安码赋码工作推进缓慢，部分商户尚未赋码',
    '个别企业企安码信息填写不完整',
    '企安码扫码率偏低',
    '沿街商铺企安码张贴不规范，有的已经破损',
  ];
  const unrelated = [
    '个别企业负责人安全意识淡薄',
    '村级经费不足',
    '应急预案可操作性不强',
    '部分村安全台账不全',
  ];

  it('after five reassigned examples of a new phrasing, similar unseen statements follow', () => {
    const model = ProblemModel.fromAsset(shipped);
    const before = unseen.map((t) => model.classify(t).category);
    const unrelatedBefore = unrelated.map((t) => model.classify(t).category);
    expect(before.filter((c) => c === 'P10')).toEqual([]);
    for (const t of reassigned) model.addExample(t, 'P10');
    const after = unseen.map((t) => model.classify(t).category);
    // Measured: 3 of 4 follow; the fourth (posting the code on shop fronts) stays P11, a
    // reasonable reading. Five examples do not outvote 1,600 for a statement that is mostly
    // about something else.
    expect(after.filter((c) => c === 'P10').length).toBeGreaterThanOrEqual(3);
    expect(unrelated.map((t) => model.classify(t).category)).toEqual(unrelatedBefore);
    expect(model.added.length).toBe(5);
  });

  it('learns a user-defined category and forgets everything on reset', () => {
    const model = ProblemModel.fromAsset(shipped);
    const before = model.classify(unseen[2]!);
    for (const t of reassigned) model.addExample(t, 'U01');
    expect(model.categories).toContain('U01');
    expect(model.classify(unseen[2]!).top.map((t) => t.category)).toContain('U01');
    model.reset();
    expect(model.categories).not.toContain('U01');
    expect(model.added).toEqual([]);
    expect(model.classify(unseen[2]!)).toEqual(before);
  });

  it('serialises: the state replays to the same model; the asset round-trips through JSON', () => {
    const model = ProblemModel.fromAsset(shipped);
    for (const t of reassigned) model.addExample(t, 'P10');
    const state = JSON.parse(JSON.stringify(model.toState())) as ReturnType<ProblemModel['toState']>;
    expect(state.base).toBe(shipped.training.sha256);
    const replayed = ProblemModel.fromAsset(shipped, state.added);
    for (const t of [...unseen, ...unrelated]) expect(replayed.classify(t)).toEqual(model.classify(t));

    const exported = parseProblemModelAsset(JSON.parse(JSON.stringify(model.toAsset())));
    expect(exported.ok).toBe(true);
    if (!exported.ok) return;
    const reloaded = ProblemModel.fromAsset(exported.value);
    for (const t of unseen) expect(reloaded.classify(t).category).toBe(model.classify(t).category);
    expect(model.clone().classify(unseen[0]!)).toEqual(model.classify(unseen[0]!));
  });
});

describe('training and the asset format', () => {
  const examples = [
    { text: '企业主体责任落实不到位', category: 'P01' as const },
    { text: '部分企业安全管理制度不健全', category: 'P01' as const },
    { text: '应急演练流于形式', category: 'P08' as const },
    { text: '应急物资储备不足', category: 'P08' as const },
    { text: '本月无', category: 'P99' as const },
  ];

  it('is deterministic: the same examples give the same JSON', () => {
    expect(JSON.stringify(trainProblemModel(examples))).toBe(
      JSON.stringify(trainProblemModel([...examples])),
    );
    const m = ProblemModel.fromAsset(trainProblemModel(examples));
    expect(m.classify('企业安全制度不落实').category).toBe('P01');
    expect(m.classify('应急预案演练少').category).toBe('P08');
  });

  it('uses n-grams of the normalised text and the rules hits as features', () => {
    expect(normaliseForModel('二是个别村“两委”重视不够，2人兼职。')).toBe('个别村两委重视不够人兼职');
    const f = extractFeatures('（一）台账不全');
    expect(f).toEqual(expect.arrayContaining(['台', '台账', '台账不', '#R:P11', '#T:P11']));
    expect(f).not.toContain('一');
  });

  it('rejects a malformed or other-version asset with reasons, never guesses', () => {
    expect(parseProblemModelAsset(null).ok).toBe(false);
    const wrong = parseProblemModelAsset({ ...shipped, schemaVersion: 2 });
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.error[0]).toMatch(/schemaVersion/u);
    const badRow = parseProblemModelAsset({ ...shipped, features: [['企业', [99, 1]]] });
    expect(badRow.ok).toBe(false);
    const badCalibration = parseProblemModelAsset({
      ...shipped,
      calibration: { temperature: 0, otherBias: 0 },
    });
    expect(badCalibration.ok).toBe(false);
  });
});
