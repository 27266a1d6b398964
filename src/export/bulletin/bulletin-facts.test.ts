import { describe, expect, it } from 'vitest';
import { dataset, tm, township } from '../../analysis/test-fixtures';
import { buildBulletinFacts } from './bulletin-facts';
import { buildBulletinModel } from './bulletin-model';

const settings = { issuingOffice: '城东区安全生产委员会办公室', cutoffDate: '2024-04-02', dueDay: 25 };

const ds = {
  ...dataset({
    townships: [township('小召乡'), township('城关镇', ['城关镇人民政府']), township('东关街道')],
    townshipMonths: [
      tm('小召乡', '2023-03', { hazards_found: 20, hazards_rectified: 20 }),
      tm('小召乡', '2024-02', { hazards_found: 10, hazards_rectified: 10 }),
      tm(
        '小召乡',
        '2024-03',
        { hazards_found: 12, hazards_rectified: 9, trainings_held: 0 },
        { report_date: '2024-03-24' },
      ),
      tm(
        '城关镇人民政府',
        '2024-03',
        { hazards_found: 8, hazards_rectified: 8 },
        { report_date: '2024-03-28' },
      ),
    ],
  }),
  district: '城东区',
};

describe('buildBulletinFacts', () => {
  const facts = buildBulletinFacts(ds, '2024-03', settings);

  it('lists every township of the master list in official order with its status', () => {
    expect(facts.townships.map((t) => [t.township, t.status, t.reportDate])).toEqual([
      ['小召乡', 'on_time', '2024-03-24'],
      ['城关镇', 'late', '2024-03-28'],
      ['东关街道', 'missing', null],
    ]);
    expect(facts.dueDate).toBe('2024-03-25');
    expect(facts.district).toBe('城东区');
  });

  it('takes figures for the month, the previous month and last year; null where there is no report', () => {
    const [xz, cg, dg] = facts.townships;
    expect(xz?.current).toEqual({
      hazardsFound: 12,
      hazardsRectified: 9,
      trainingsHeld: 0,
      trainingPersonTimes: null,
    });
    expect(xz?.previous?.hazardsFound).toBe(10);
    expect(xz?.lastYear?.hazardsFound).toBe(20);
    expect(cg?.current?.hazardsFound).toBe(8); // alias 城关镇人民政府 joined to 城关镇
    expect(cg?.previous).toBeNull();
    expect(dg?.current).toBeNull();
  });

  it('feeds the model: like-for-like comparisons and pooled rate from the dataset', () => {
    const model = buildBulletinModel(facts);
    expect(model.sections[0]?.paragraphs[0]).toBe(
      '本月共收到2个乡镇（街道）报告，缺报1个（东关街道）；迟报1个（城关镇，3月28日报送），报送截止日期为3月25日。',
    );
    expect(model.sections[1]?.paragraphs[0]).toBe(
      '全区共排查隐患20处，环比增长20.0%（按两期均有数据的1个乡镇（街道）可比口径），同比下降40.0%（按两期均有数据的1个乡镇（街道）可比口径）；已整改17处，整改率85.0%。',
    );
  });

  it('gives no townships for a malformed month and an empty dataset', () => {
    expect(buildBulletinFacts(ds, '2024-13', settings).townships).toEqual([]);
    expect(buildBulletinFacts(dataset({}), '2024-03', settings).townships).toEqual([]);
  });
});
