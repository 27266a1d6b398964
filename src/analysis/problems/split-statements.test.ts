import { describe, expect, it } from 'vitest';
import { splitProblemsText } from './split-statements';

const texts = (t: string | null): string[] => splitProblemsText(t).map((s) => s.text);

describe('splitProblemsText', () => {
  it.each([
    [
      '一是/二是',
      '一是企业主体责任落实不到位；二是隐患整改不及时。',
      ['企业主体责任落实不到位', '隐患整改不及时'],
    ],
    ['一是after comma', '主要有：一是台账不全，二是演练偏少', ['台账不全', '演练偏少']],
    ['（一）', '（一）宣传覆盖面不广。（二）值班值守不严。', ['宣传覆盖面不广', '值班值守不严']],
    ['(1)', '(1)网格员业务不熟 (2)应急物资不足', ['网格员业务不熟', '应急物资不足']],
    ['1、', '1、台账不规范；2、报表迟报', ['台账不规范', '报表迟报']],
    ['1.', '1.培训走过场\n2.宣传不到位', ['培训走过场', '宣传不到位']],
    ['1．', '1．隐患排查不深入。2．整改不彻底。', ['隐患排查不深入', '整改不彻底']],
    ['一、', '一、群众安全意识淡薄。二、设施老化。', ['群众安全意识淡薄', '设施老化']],
    ['①', '①预案不实②物资不足', ['预案不实', '物资不足']],
    [
      'sentences, no enumerator',
      '部分群众安全意识淡薄。个别村重安排轻落实；网格员业务不熟',
      ['部分群众安全意识淡薄', '个别村重安排轻落实', '网格员业务不熟'],
    ],
  ])('%s', (_name, input, expected) => {
    expect(texts(input)).toEqual(expected);
  });

  it.each([[null], [''], ['   \n  ']])('returns [] for %j', (input) => {
    expect(splitProblemsText(input)).toEqual([]);
  });

  it('keeps order in seq without gaps and keeps a multi-sentence item whole', () => {
    const out = splitProblemsText(
      '（一）企业主体责任落实不到位。个别企业负责人安全意识淡薄。（二）培训不够。',
    );
    expect(out).toEqual([
      { seq: 1, text: '企业主体责任落实不到位。个别企业负责人安全意识淡薄' },
      { seq: 2, text: '培训不够' },
    ]);
  });

  it('drops lead-ins, headings and closing remarks but keeps a problem that says 存在…问题', () => {
    const input =
      '二、存在的问题\n当前仍存在一些问题和不足。主要存在以下几个问题：一是个别村存在重安排轻落实的问题；二是台账不全。以上问题我们将在下步工作中认真解决。';
    expect(texts(input)).toEqual(['个别村存在重安排轻落实的问题', '台账不全']);
  });

  it('keeps a non-lead-in sentence before the first enumerator (mixed styles)', () => {
    expect(texts('部分企业负责人安全意识不强。1、演练少；2、预案不实')).toEqual([
      '部分企业负责人安全意识不强',
      '演练少',
      '预案不实',
    ]);
  });

  it('does not split on decimals or on 是 inside a word', () => {
    expect(texts('一是治理资金缺口1.5万元，统一是难点；二是设施老化')).toEqual([
      '治理资金缺口1.5万元，统一是难点',
      '设施老化',
    ]);
  });

  it('keeps an enumerated item that ends like a lead-in (存在薄弱环节 / 存在不足)', () => {
    expect(
      texts('一是企业主体责任不落实；二是村级安全生产责任落实存在薄弱环节；三是宣传培训存在不足。'),
    ).toEqual(['企业主体责任不落实', '村级安全生产责任落实存在薄弱环节', '宣传培训存在不足']);
  });
});

describe('splitProblemsText: a long problem that ends like a lead-in', () => {
  it('keeps 我乡地处山区……还有一定差距 as the problem it is, and still drops a bare lead-in', () => {
    const text = '我乡地处山区，地质灾害隐患点多，乡村两级应急救援装备短缺，抢险救援能力与防汛形势需要还有一定差距。';
    expect(splitProblemsText(text).map((s) => s.text)).toEqual([text.slice(0, -1)]);
    expect(splitProblemsText('工作仍存在一定差距。').map((s) => s.text)).toEqual([]);
  });
});
