import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { statementsFromTownshipMonth } from '../../analysis/problems/statements';
import type { Township } from '../../domain/records';
import { translate } from '../../i18n/i18n';
import { REPORT_COUNT_FIELDS } from './count-rules';
import type { ReportBlock, ReportDocument } from './report-document';
import { extractReport, toTownshipMonthRecord, type ReportExtraction } from './extract-report';

const TOWNSHIPS: Township[] = ['青石镇', '小召乡', '柳河镇', '东关街道', '城南街道'].map((name) => ({
  name,
  type: name.endsWith('乡') ? 'xiang' : name.endsWith('镇') ? 'zhen' : 'jiedao',
  code: null,
  aliases: [],
}));

type B = Omit<ReportBlock, 'line'>;
const p = (text: string, extra: Partial<B> = {}): B => ({ kind: 'paragraph', text, ...extra });
const table = (rows: string[][]): B => ({
  kind: 'table',
  text: rows.map((r) => r.join('\t')).join('\n'),
  rows,
});
const doc = (blocks: B[]): ReportDocument => ({
  format: 'docx',
  blocks: blocks.map((b, i) => ({ ...b, line: i + 1 })),
  skipped: [],
});

/** A report of 青石镇 for 2024-05 whose work section holds `work`. */
function report(
  work: B[],
  opts: { title?: string; periodLine?: string | null; date?: string; sign?: string } = {},
) {
  return doc([
    p(opts.title ?? '青石镇安全生产工作月报告', { hint: 'title' }),
    ...(opts.periodLine === null ? [] : [p(opts.periodLine ?? '（2024年05月）', { hint: 'center' })]),
    p('区政府安委会办公室：'),
    p('现将5月份工作情况报告如下：'),
    p('一、开展的主要工作', { hint: 'heading' }),
    ...work,
    p('二、存在的问题', { hint: 'heading' }),
    p('（一）个别企业安全意识淡薄，隐患整改不及时。'),
    p('三、下步工作安排', { hint: 'heading' }),
    p('（一）对未整改的4处隐患挂牌督办。'),
    p('特此报告。'),
    p(opts.sign ?? '青石镇人民政府', { hint: 'right' }),
    p(opts.date ?? '2024年5月28日', { hint: 'right' }),
  ]);
}

const extract = (d: ReportDocument): ReportExtraction =>
  extractReport(d, { fileName: '青石镇.docx', townships: TOWNSHIPS });
const counts = (x: ReportExtraction) =>
  Object.fromEntries(REPORT_COUNT_FIELDS.filter((f) => x.record[f] !== null).map((f) => [f, x.record[f]]));

describe('extractReport: counts only when the phrase names the field', () => {
  it.each([
    ['共检查生产经营单位126家（次）。', { units_inspected: 126 }],
    ['检查企业及“九小”场所一百二十六家次。', { units_inspected: 126 }],
    ['出动检查人员310人次。', { inspector_person_times: 310 }],
    ['出动人员一百三十八人次。', { inspector_person_times: 138 }],
    [
      '排查一般隐患23处，其中重大隐患1处，已整改21处。',
      { hazards_found: 23, hazards_major_found: 1, hazards_rectified: 21 },
    ],
    ['发现安全隐患三十一处，现已整改二十六处。', { hazards_found: 31, hazards_rectified: 26 }],
    [
      '排查隐患40条，其中重大隐患2条，已整改33条。',
      { hazards_found: 40, hazards_major_found: 2, hazards_rectified: 33 },
    ],
    ['下达整改通知书5份。', { rectification_notices: 5 }],
    ['下达整改指令书八份。', { rectification_notices: 8 }],
    ['立案处罚2起、罚款1.2万元。', { penalty_cases: 2, fines_10k_yuan: 1.2 }],
    ['对两家存在严重违法行为的企业立案处罚，罚款共计二万三千元。', { penalty_cases: 2, fines_10k_yuan: 2.3 }],
    ['处以罚款五千元。', { fines_10k_yuan: 0.5 }],
    ['召开安全生产专题会议3次。', { meetings_held: 3 }],
    ['先后两次召开乡安委会全体成员会议。', { meetings_held: 2 }],
    ['开展培训两场次、培训170余人次。', { trainings_held: 2, training_person_times: 170 }],
    ['组织培训一期，参训92人次。', { trainings_held: 1, training_person_times: 92 }],
    ['组织应急演练1次。', { drills_held: 1 }],
    ['在镇区开展了一次森林火灾扑救应急演练。', { drills_held: 1 }],
    ['发放宣传资料2000余份。', { leaflets_distributed: 2000 }],
    ['本月未发生生产安全事故。', { accidents: 0 }],
    ['本月辖区未发生生产安全事故，未发生人员伤亡。', { accidents: 0, deaths: 0, injuries: 0 }],
    ['本月发生生产安全事故1起，受伤1人，无人员死亡。', { accidents: 1, injuries: 1, deaths: 0 }],
    ['发生一起一般生产安全事故，造成一人手部受伤。', { accidents: 1, injuries: 1 }],
    ['全月共召开会议两次，会议由镇长主持。', { meetings_held: 2 }],
    // A part after 其中 is not a second value of the same field.
    ['召开专题会议4次，其中安委会全体成员会议1次。', { meetings_held: 4 }],
    ['开展应急演练3次，其中消防疏散演练2次。', { drills_held: 3 }],
    // The kind of accident between the number and 事故.
    ['本月辖区一建筑工地发生一起物体打击事故，造成2人受伤。', { accidents: 1, injuries: 2 }],
    // Other events named before the accidents in a zero statement.
    ['本月全镇未发生火灾和生产安全事故。', { accidents: 0 }],
    // Other leaflets than 宣传资料.
    ['向农户发放《燃气安全告知书》1200份。', { leaflets_distributed: 1200 }],
    ['发放防溺水一封信及安全提示卡共计900份。', { leaflets_distributed: 900 }],
    // Who was fined is not how many cases: the keyword's own number counts.
    [
      '对3家无证经营的小作坊和1家违规储存液化气的餐馆依法立案处罚4起。',
      { penalty_cases: 4 },
    ],
    // The participants of a training, named in the next clause.
    ['开展燃气安全专题培训2场，各餐饮店负责人共计75人次参加。', { trainings_held: 2, training_person_times: 75 }],
    // 未发生一起生产安全事故 is zero, not one.
    ['本月未发生一起生产安全事故。', { accidents: 0 }],
    // Hazards ordered to be fixed by a deadline are still open, not rectified.
    ['发现隐患12处，已整改10处，责令限期整改2处。', { hazards_found: 12, hazards_rectified: 10 }],
    ['下达责令限期整改指令书3份。', { rectification_notices: 3 }],
  ])('%s', (text, expected) => {
    expect(counts(extract(report([p(text)])))).toEqual(expected);
  });

  it.each([
    ['dates and days', '4月15日国家安全日，4·15当天开展宣传。'],
    ['document numbers', '印发《实施方案》（青安委〔2024〕5号）。'],
    ['percentages', '整改率85%，同比下降15%。'],
    ['changes', '较上月增加隐患6处，较上月减少3份。'],
    ['changes after a comma', '与上月相比，排查隐患数增加九处。'],
    ['year-to-date totals', '1-5月累计排查隐患96处，已整改90处。'],
    ['year-to-date in an earlier clause', '今年1-5月，全镇累计检查单位387家次。'],
    ['inventories', '全镇共有生产经营单位312家，12个行政村。'],
    ['other items', '查获烟花爆竹6挂，悬挂横幅25条，张贴标语40张。'],
    ['remainders', '其余4处正在限期整改中，剩余5处正在整改。'],
    ['per-item figures', '安委会全体成员会议、专题会议各1次。'],
    ['phone numbers', '联系人：王丽　联系电话：5832216'],
    ['larger accidents only', '本月未发生较大以上生产安全事故。'],
    ['other accidents', '除此之外，本月未发生其他生产安全事故。'],
    ['attendance of a meeting', '各村负责人共计60余人参加。'],
    ['patrol staff', '出动巡山护林人员340人次。'],
    ['meetings without a number', '4月2日召开清明节前安全工作部署会。'],
    ['a traffic accident', '本月辖区发生一起道路交通事故。'],
    ['hazards ordered to be fixed', '对检查中发现的问题责令限期整改5处。'],
    ['hazards left from last month', '上月遗留隐患3处已全部整改到位。'],
    ['the units where hazards were found', '排查出隐患的企业有8家。'],
    ['a fire', '本月辖区发生一起居民住宅火灾事故。'],
    ['the participants of a drill', '组织开展消防疏散演练，师生共计600余人参加。'],
    ['the fined units without a case count', '对2家逾期未整改的加油站和1家作坊开展联合执法。'],
  ])('no field value from %s', (_what, text) => {
    const x = extract(report([p(text)]));
    expect(counts(x)).toEqual({});
  });

  it('keeps numbers that are not field values as other facts, with their phrase and line', () => {
    const x = extract(report([p('共查获烟花爆竹6挂，1-5月累计排查隐患96处。')]));
    expect(x.otherFacts).toEqual(
      expect.arrayContaining([
        { phrase: '共查获烟花爆竹6挂', value: 6, unit: '挂', line: 6, reason: 'no_field' },
        { phrase: '1-5月累计排查隐患96处', value: 96, unit: '处', line: 6, reason: 'ytd' },
      ]),
    );
  });

  it('flags approximations and gives evidence for every value', () => {
    const x = extract(report([p('出动检查人员近300人次。')]));
    expect(x.record.inspector_person_times).toBe(300);
    expect(x.record.approx).toEqual(['inspector_person_times']);
    expect(x.evidence.get('inspector_person_times')).toEqual([
      {
        field: 'inspector_person_times',
        value: 300,
        approx: true,
        phrase: '出动检查人员近300人次',
        line: 6,
        source: 'text',
      },
    ]);
  });

  it('reads no counts from 存在的问题 and 下步工作', () => {
    const x = extract(report([]));
    expect(counts(x)).toEqual({});
    expect(x.otherFacts).toEqual([expect.objectContaining({ value: 4, reason: 'other_section' })]);
  });
});

describe('extractReport: two values for one field', () => {
  it('keeps none and warns, naming both phrases', () => {
    const x = extract(report([p('检查单位60家。'), p('全镇检查单位62家。')]));
    expect(x.record.units_inspected).toBeNull();
    const issue = x.issues.find((i) => i.code === 'report.count_conflict');
    expect(issue?.params).toMatchObject({
      first: '检查单位60家',
      second: '全镇检查单位62家',
      firstLine: 6,
      secondLine: 7,
    });
    expect(translate('zh-CN', issue!.code, issue!.params)).toContain('全镇检查单位62家');
  });

  it('takes the month total (本月共…) over single events and says why', () => {
    const x = extract(report([p('召开防汛专题会1次，月底又召开推进会1次。本月共召开安全生产会议2次。')]));
    expect(x.record.meetings_held).toBe(2);
    expect(x.issues.map((i) => i.code)).toContain('report.count_total_chosen');
  });

  it('text and table that disagree give no value', () => {
    const x = extract(
      report([
        p('排查隐患23处。'),
        table([
          ['排查隐患（处）', '已整改（处）'],
          ['25', '21'],
        ]),
      ]),
    );
    expect(x.record.hazards_found).toBeNull();
    expect(x.record.hazards_rectified).toBe(21);
  });
});

describe('extractReport: statistics tables', () => {
  it('reads the 本月 row and keeps the 累计 row as other facts', () => {
    const x = extract(
      report([
        table([
          ['项目', '检查单位（家次）', '排查隐患（处）', '已整改（处）'],
          ['本月', '48', '17', '15'],
          ['1-5月累计', '391', '136', '131'],
        ]),
      ]),
    );
    expect(counts(x)).toEqual({ units_inspected: 48, hazards_found: 17, hazards_rectified: 15 });
    expect(x.otherFacts.filter((f) => f.reason === 'not_this_month').map((f) => f.value)).toEqual([
      391, 136, 131,
    ]);
  });

  it('reads a header row with one data row, and a row named by the month', () => {
    const one = extract(
      report([
        table([
          ['检查人员（人次）', '罚款（元）'],
          ['254', '3000'],
        ]),
      ]),
    );
    expect(counts(one)).toEqual({ inspector_person_times: 254, fines_10k_yuan: 0.3 });
    const named = extract(
      report([
        table([
          ['项目', '培训（人次）'],
          ['5月', '110'],
          ['4月', '90'],
        ]),
      ]),
    );
    expect(counts(named)).toEqual({ training_person_times: 110 });
  });

  it('reads a transposed table (fields down, 本月 across)', () => {
    const x = extract(
      report([
        table([
          ['项目', '本月', '1-5月累计'],
          ['检查单位（家次）', '134', '1218'],
          ['行政处罚（起）', '1', '9'],
        ]),
      ]),
    );
    expect(counts(x)).toEqual({ units_inspected: 134, penalty_cases: 1 });
  });
});

describe('extractReport: township, period and date', () => {
  it.each([
    ['青石镇2024年5月份安全生产工作情况报告', null, '2024年5月28日', '青石镇', '2024-05', '2024-05-28'],
    [
      '关于青石镇5月份安全生产工作开展情况的报告',
      '（2024年05月）',
      '2024年5月28日',
      '青石镇',
      '2024-05',
      '2024-05-28',
    ],
    [
      '青石镇人民政府关于2024年5月份安全生产工作的报告',
      null,
      '二〇二四年五月二十八日',
      '青石镇',
      '2024-05',
      '2024-05-28',
    ],
    ['青石镇5月份安全生产工作月报', null, '2024年6月2日', '青石镇', '2024-05', '2024-06-02'],
    [
      '青石镇2024年5月安全生产工作月报',
      '（2024年5月1日—5月31日）',
      '2024年6月3日',
      '青石镇',
      '2024-05',
      '2024-06-03',
    ],
  ])('%s / %s / %s', (title, periodLine, date, township, period, reportDate) => {
    const x = extract(report([], { title, periodLine, date }));
    expect([x.record.township, x.record.period, x.record.report_date]).toEqual([
      township,
      period,
      reportDate,
    ]);
  });

  it('takes the township from the signature when the title has none, stripping 中共…委员会', () => {
    const x = extract(report([], { title: '安全生产工作月报告', sign: '中共柳河镇委员会　柳河镇人民政府' }));
    expect(x.record.township).toBe('柳河镇');
    expect(x.evidence.get('township')?.[0]?.source).toBe('signature');
  });

  it('takes the month from the body (现将5月份…) and the year from the date, with a warning', () => {
    const x = extract(
      report([], { title: '城南街道办事处安全生产工作情况报告', periodLine: null, sign: '城南街道办事处' }),
    );
    expect([x.record.township, x.record.period]).toEqual(['城南街道', '2024-05']);
    expect(x.issues.map((i) => i.code)).toContain('report.period_from_body');
  });

  it('a December report signed in January keeps the year before', () => {
    const x = extract(
      report([], { title: '青石镇安全生产工作月报告', periodLine: null, date: '2025年1月3日' }),
    );
    const d = doc([
      p('青石镇安全生产工作月报告', { hint: 'title' }),
      p('区安委办：'),
      p('现将12月份工作情况报告如下：'),
      p('青石镇人民政府'),
      p('2025年1月3日'),
    ]);
    expect(x.record.report_date).toBe('2025-01-03');
    expect(extract(d).record.period).toBe('2024-12');
  });

  it('an unknown township is an error naming the value and a suggestion', () => {
    const x = extract(report([], { title: '青山镇安全生产工作月报告', sign: '青山镇人民政府' }));
    expect(x.record.township).toBeNull();
    expect(toTownshipMonthRecord(x)).toBeNull();
    const issue = x.issues.find((i) => i.code === 'report.township_unknown');
    expect(issue).toMatchObject({ severity: 'error', value: '青山镇', line: 1 });
    expect(issue?.params.suggestion).toBe('青石镇');
  });
});

describe('extractReport: problems', () => {
  it('splits 存在的问题 like the CSV column and gives each statement its block line', () => {
    const x = extract(
      doc([
        p('青石镇2024年5月份安全生产工作月报告', { hint: 'title' }),
        p('存在的问题', { label: '二、', hint: 'heading' }),
        p('主要表现在：'),
        p('（一）企业主体责任落实不到位。', { label: '（一）' }),
        p('一是监管力量不足；二是宣传覆盖面不广。'),
        p('下步工作安排', { label: '三、', hint: 'heading' }),
        p('继续开展隐患排查。'),
        p('青石镇人民政府'),
        p('2024年5月28日'),
      ]),
    );
    expect(x.problems).toEqual([
      { seq: 1, text: '企业主体责任落实不到位', line: 4 },
      { seq: 2, text: '监管力量不足', line: 5 },
      { seq: 3, text: '宣传覆盖面不广', line: 5 },
    ]);
    expect(x.record.next_steps_text).toBe('继续开展隐患排查。');
    const record = toTownshipMonthRecord(x)!;
    expect(statementsFromTownshipMonth(record).map((s) => s.text)).toEqual(x.problems.map((s) => s.text));
  });
});

describe('extractReport: the 小召乡 seed report (plain text)', () => {
  it('reads township, period, date and three problems, every count null, 烟花爆竹6挂 kept', () => {
    const text = readFileSync(
      new URL('../../../tests/fixtures/problems/xiaozhao-2022-04-report.txt', import.meta.url),
      'utf8',
    );
    const blocks: ReportBlock[] = text
      .split(/\r?\n/u)
      .map((t, i) => ({ kind: 'paragraph', text: t, line: i + 1 }));
    const x = extractReport(
      { format: 'txt', blocks, skipped: [] },
      { fileName: 'xiaozhao-2022-04-report.txt', townships: TOWNSHIPS },
    );
    expect([x.record.township, x.record.period, x.record.report_date, x.record.period_scope]).toEqual([
      '小召乡',
      '2022-04',
      '2022-04-27',
      'month',
    ]);
    expect(x.problems.map((s) => s.line)).toEqual([22, 24, 26]);
    expect(x.problems[0]?.text).toMatch(/^企业主体责任落实不完全到位/u);
    for (const f of REPORT_COUNT_FIELDS) expect(x.record[f]).toBeNull();
    expect(x.otherFacts).toContainEqual({
      phrase: '共查获烟花爆竹6挂',
      value: 6,
      unit: '挂',
      line: 13,
      reason: 'no_field',
    });
    expect(x.issues).toEqual([]);
  });
});

describe('extractReport: a one-row table named by the township', () => {
  it('is the month row; a single 累计 row is not', () => {
    const named = extract(
      report([
        table([
          ['乡镇', '排查隐患（处）'],
          ['青石镇', '17'],
        ]),
      ]),
    );
    expect(counts(named)).toEqual({ hazards_found: 17 });
    const ytd = extract(
      report([
        table([
          ['项目', '排查隐患（处）'],
          ['1-5月累计', '96'],
        ]),
      ]),
    );
    expect(counts(ytd)).toEqual({});
  });
});
