import { describe, expect, it } from 'vitest';
import type { BulletinFacts, MonthFigures, TownshipFacts } from './bulletin-facts';
import { buildBulletinModel } from './bulletin-model';

const fig = (
  hazardsFound: number | null,
  hazardsRectified: number | null,
  trainingsHeld: number | null = 1,
  trainingPersonTimes: number | null = 40,
): MonthFigures => ({ hazardsFound, hazardsRectified, trainingsHeld, trainingPersonTimes });

const tf = (township: string, over: Partial<TownshipFacts> = {}): TownshipFacts => ({
  township,
  status: 'on_time',
  reportDate: '2024-03-20',
  current: fig(10, 10),
  previous: fig(10, 10),
  lastYear: fig(10, 10),
  ...over,
});

const facts = (townships: TownshipFacts[], over: Partial<BulletinFacts> = {}): BulletinFacts => ({
  district: '城东区',
  month: '2024-03',
  cutoffDate: '2024-04-02',
  issuingOffice: '城东区安全生产委员会办公室',
  dueDate: '2024-03-25',
  townships,
  recurringProblems: [],
  ...over,
});

const missing = (township: string): TownshipFacts =>
  tf(township, { status: 'missing', reportDate: null, current: null });

const section = (m: ReturnType<typeof buildBulletinModel>, id: string) => m.sections.find((s) => s.id === id);

describe('buildBulletinModel: title block', () => {
  it('writes title, month and cut-off in the official register', () => {
    const m = buildBulletinModel(facts([tf('小召乡')]));
    expect(m.title).toBe('关于城东区2024年3月乡镇（街道）安全生产工作月报告情况的通报');
    expect(m.cutoffLine).toBe('数据截至2024年4月2日');
    expect(m.issuingOffice).toBe('城东区安全生产委员会办公室');
    expect(m.sections.map((s) => s.heading)).toEqual([
      '一、报送情况',
      '二、隐患排查整改情况',
      '三、安全教育培训情况',
    ]);
    expect(m.ranking.heading).toBe('四、各乡镇（街道）主要指标排名');
  });
});

describe('buildBulletinModel: submission', () => {
  it.each<[string, TownshipFacts[], string]>([
    ['all received', [tf('小召乡'), tf('城关镇')], '本月2个乡镇（街道）均已报送报告。'],
    [
      'two missing',
      [tf('小召乡'), missing('城关镇'), tf('东关街道'), missing('西河乡')],
      '本月共收到2个乡镇（街道）报告，缺报2个（城关镇、西河乡）。',
    ],
    ['none received', [missing('城关镇')], '本月尚未收到乡镇（街道）报告，缺报1个（城关镇）。'],
    [
      'late and undated',
      [
        tf('小召乡', { status: 'late', reportDate: '2024-03-28' }),
        tf('城关镇', { status: 'undated', reportDate: null }),
        missing('西河乡'),
      ],
      '本月共收到2个乡镇（街道）报告，缺报1个（西河乡）；迟报1个（小召乡，3月28日报送），报送截止日期为3月25日；1个报告未注明报送日期（城关镇）。',
    ],
  ])('%s', (_name, townships, expected) => {
    expect(section(buildBulletinModel(facts(townships)), 'submission')?.paragraphs).toEqual([expected]);
  });

  it('lists missing and late townships in official order', () => {
    const m = buildBulletinModel(
      facts([missing('甲镇'), tf('乙乡', { status: 'late', reportDate: '2024-04-01' }), missing('丙街道')]),
    );
    expect(m.missing).toEqual(['甲镇', '丙街道']);
    expect(m.late).toEqual([{ township: '乙乡', reportDate: '2024-04-01' }]);
  });

  it('has no sections for a district without townships', () => {
    const m = buildBulletinModel(facts([]));
    expect(m.sections).toEqual([]);
    expect(m.ranking.table.rows).toEqual([]);
  });
});

describe('buildBulletinModel: hazards', () => {
  it('writes totals, MoM, YoY and the pooled rate from the figures', () => {
    const m = buildBulletinModel(
      facts([
        tf('小召乡', { current: fig(200, 190), previous: fig(150, 150), lastYear: fig(220, 200) }),
        tf('城关镇', { current: fig(212, 199), previous: fig(199, 190), lastYear: fig(213, 200) }),
      ]),
    );
    // 412 vs 349 → +18.05%; vs 433 → −4.85%; 389/412 = 94.42%.
    expect(section(m, 'hazards')?.paragraphs[0]).toBe(
      '全区共排查隐患412处，环比增长18.1%，同比下降4.8%；已整改389处，整改率94.4%。',
    );
  });

  it('leaves out MoM and YoY when the previous month and last year have no data', () => {
    const m = buildBulletinModel(
      facts([tf('小召乡', { current: fig(12, 9), previous: null, lastYear: null })]),
    );
    expect(section(m, 'hazards')?.paragraphs[0]).toBe('全区共排查隐患12处；已整改9处，整改率75.0%。');
  });

  it('leaves out a comparison whose base is 0 (zero denominator) and the rate when nothing was found', () => {
    const m = buildBulletinModel(
      facts([
        tf('小召乡', { current: fig(0, 0), previous: fig(0, 0), lastYear: fig(0, 0) }),
        tf('城关镇', { current: fig(0, 0), previous: fig(0, 0), lastYear: fig(0, 0) }),
      ]),
    );
    const paragraphs = section(m, 'hazards')?.paragraphs ?? [];
    expect(paragraphs[0]).toBe('全区共排查隐患0处。');
    expect(paragraphs.join('')).not.toMatch(/环比|同比|整改率[\d]/);
    expect(paragraphs).toContain('2个乡镇（街道）本月未排查出隐患（小召乡、城关镇），不计整改率。');
  });

  it('compares like for like and says so when a township lacks last month', () => {
    const m = buildBulletinModel(
      facts([
        tf('小召乡', { current: fig(30, 30), previous: fig(20, 20), lastYear: null }),
        tf('城关镇', { current: fig(70, 70), previous: null, lastYear: null }),
      ]),
    );
    expect(section(m, 'hazards')?.paragraphs[0]).toBe(
      '全区共排查隐患100处，环比增长50.0%（按两期均有数据的1个乡镇（街道）可比口径）；已整改100处，整改率100.0%。',
    );
  });

  it('says 持平 for an unchanged total', () => {
    const m = buildBulletinModel(
      facts([tf('小召乡', { current: fig(10, 5), previous: fig(10, 10), lastYear: fig(10, 1) })]),
    );
    expect(section(m, 'hazards')?.paragraphs[0]).toBe(
      '全区共排查隐患10处，环比持平，同比持平；已整改5处，整改率50.0%。',
    );
  });

  it('never treats a blank hazard figure as 0 and names who left it blank', () => {
    const m = buildBulletinModel(
      facts([
        tf('小召乡', { current: fig(10, 8) }),
        tf('城关镇', { current: fig(null, null) }),
        tf('东关街道', { current: fig(5, null) }),
      ]),
    );
    const p = section(m, 'hazards')?.paragraphs ?? [];
    // 15 vs 10 + 10 last month over the two townships with a figure (城关镇 left it blank).
    expect(p[0]).toBe('全区共排查隐患15处，环比下降25.0%，同比下降25.0%；已整改8处。');
    expect(p).toContain('另有1个已报送的乡镇（街道）未填报隐患数（城关镇）。');
    expect(p).toContain('1个乡镇（街道）未填报已整改数（东关街道），未计算全区整改率。');
  });

  it('omits the hazard section when no township reported a hazard figure', () => {
    const m = buildBulletinModel(facts([tf('小召乡', { current: fig(null, null) }), missing('城关镇')]));
    expect(section(m, 'hazards')).toBeUndefined();
  });

  it('names the highest and lowest rates (ties together) and skips them with one rated township', () => {
    const m = buildBulletinModel(
      facts([
        tf('小召乡', { current: fig(10, 10) }),
        tf('城关镇', { current: fig(8, 6) }),
        tf('东关街道', { current: fig(4, 4) }),
        tf('西河乡', { current: fig(4, 3) }),
        tf('南山镇', { current: fig(0, 0) }),
      ]),
    );
    expect(section(m, 'hazards')?.paragraphs).toContain(
      '整改率最高的是小召乡、东关街道（100.0%），最低的是城关镇、西河乡（75.0%）。',
    );
    const one = buildBulletinModel(
      facts([tf('小召乡', { current: fig(10, 10) }), tf('城关镇', { current: fig(0, 0) })]),
    );
    expect((section(one, 'hazards')?.paragraphs ?? []).join('')).not.toContain('最高');
  });
});

describe('buildBulletinModel: training', () => {
  it('sums sessions and attendances and separates 0 (no training) from blank (not reported)', () => {
    const m = buildBulletinModel(
      facts([
        tf('小召乡', { current: fig(1, 1, 2, 80) }),
        tf('城关镇', { current: fig(1, 1, 0, 0) }),
        tf('东关街道', { current: fig(1, 1, null, null) }),
        missing('西河乡'),
      ]),
    );
    expect(section(m, 'training')?.paragraphs).toEqual([
      '全区共开展安全培训2场次，培训80人次。',
      '本月未开展培训的乡镇（街道）：城关镇。',
      '未填报培训情况的乡镇（街道）：东关街道。',
    ]);
  });
});

describe('buildBulletinModel: recurring problems', () => {
  it('names problems recurring for the threshold or more, in official order', () => {
    const m = buildBulletinModel(
      facts([tf('小召乡'), tf('城关镇')], {
        recurringProblems: [
          { township: '城关镇', category: '基层监管力量薄弱、业务素质不足', consecutiveMonths: 3 },
          { township: '小召乡', category: '企业主体责任落实不到位', consecutiveMonths: 4 },
          { township: '小召乡', category: '教育培训和宣传不到位', consecutiveMonths: 2 },
        ],
      }),
    );
    expect(section(m, 'problems')?.paragraphs).toEqual([
      '以下乡镇（街道）连续3个月以上反映同类问题：小召乡（企业主体责任落实不到位，连续4个月）；城关镇（基层监管力量薄弱、业务素质不足，连续3个月）。',
    ]);
  });

  it('names the 10 longest-running problems and counts the rest', () => {
    const names = Array.from({ length: 13 }, (_, i) => `乡${i + 1}`);
    const m = buildBulletinModel(
      facts(
        names.map((n) => tf(n)),
        {
          recurringProblems: names.map((n, i) => ({ township: n, category: '类', consecutiveMonths: 3 + i })),
        },
      ),
    );
    const text = section(m, 'problems')?.paragraphs[0] ?? '';
    // 乡1–乡3 have the shortest streaks (3–5 months): counted, not named.
    expect(text).not.toContain('乡1（');
    expect(text).not.toContain('乡3（');
    expect(text).toContain('乡4（类，连续6个月）');
    expect(text).toContain('乡13（类，连续15个月）');
    expect(text).toContain('另有3项问题连续出现3个月以上');
  });

  it('omits the section when nothing reaches the threshold', () => {
    const m = buildBulletinModel(
      facts([tf('小召乡')], {
        recurringProblems: [{ township: '小召乡', category: 'X', consecutiveMonths: 2 }],
      }),
    );
    expect(section(m, 'problems')).toBeUndefined();
  });
});

describe('buildBulletinModel: ranking table', () => {
  it('ranks by rate (ties share a rank, official order), then unranked, then missing', () => {
    const m = buildBulletinModel(
      facts([
        missing('甲镇'),
        tf('乙乡', { current: fig(10, 9), previous: fig(5, 5) }),
        tf('丙街道', { current: fig(0, 0), previous: fig(0, 0) }),
        tf('丁镇', { current: fig(4, 4), previous: null }),
        tf('戊乡', { current: fig(10, 9), previous: fig(20, 20) }),
      ]),
    );
    const rows = m.ranking.table.rows;
    expect(rows.map((r) => r[1])).toEqual(['丁镇', '乙乡', '戊乡', '丙街道', '甲镇']);
    expect(rows.map((r) => r[0])).toEqual([1, 2, 2, null, null]);
    expect(rows.map((r) => r[5])).toEqual([100, 90, 90, null, null]);
    expect(rows.map((r) => r[6])).toEqual([null, 100, -50, null, null]);
    expect(rows.map((r) => r[2])).toEqual(['按时报送', '按时报送', '按时报送', '按时报送', '缺报']);
    expect(rows[4]?.slice(3)).toEqual([null, null, null, null, null, null]);
    expect(m.ranking.table.columns.map((c) => c.label)).toContain('整改率（%）');
  });
});

describe('buildBulletinModel: English', () => {
  it('writes the same facts in English', () => {
    const m = buildBulletinModel(
      facts([
        tf('Xiaozhao', { current: fig(12, 9), previous: fig(10, 10), lastYear: null }),
        missing('Chengguan'),
      ]),
      { lang: 'en' },
    );
    expect(m.sections[0]?.heading).toBe('1. Submission of reports');
    expect(m.sections[0]?.paragraphs[0]).toBe(
      '1 township reports were received this month; 1 missing (Chengguan).',
    );
    expect(section(m, 'hazards')?.paragraphs[0]).toBe(
      '12 hazards were found across the district, up 20.0% on the previous month; 9 were rectified, a rate of 75.0%.',
    );
  });
});

describe('buildBulletinModel: problem statements awaiting confirmation', () => {
  it('says how many statements await confirmation after the recurring problems', () => {
    const m = buildBulletinModel(
      facts([tf('小召乡')], {
        recurringProblems: [{ township: '小召乡', category: '企业主体责任落实不到位', consecutiveMonths: 4 }],
        unconfirmedProblems: 5,
      }),
    );
    expect(section(m, 'problems')?.paragraphs[1]).toBe('另有5条问题表述待确认，未计入上述统计。');
  });

  it('keeps the section when nothing confirmed recurs but statements await confirmation', () => {
    const m = buildBulletinModel(facts([tf('小召乡')], { recurringProblems: [], unconfirmedProblems: 2 }));
    expect(section(m, 'problems')?.paragraphs).toEqual([
      '没有已确认的连续3个月及以上出现的问题；另有2条问题表述待确认，未计入统计。',
    ]);
  });
});
