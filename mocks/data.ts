/**
 * Mock submissions served by the MSW reporting endpoint: township monthly reports in the Chinese
 * template layout (same headers as public/templates), like clerks upload them.
 */

/** The header row of the Chinese template (public/templates/township-month-template.csv). */
export const TEMPLATE_HEADER =
  '乡镇（街道）,月份,报送日期,检查单位（家次）,出动检查人员（人次）,排查隐患（处）,已整改（处）,其中重大隐患（处）,重大隐患已整改（处）,整改资金（万元）,下达整改通知书（份）,召开会议（次）,培训（场次）,培训（人次）,警示教育（场次）,宣传活动（次）,发放宣传资料（份）,应急演练（次）,事故起数（起）,死亡人数（人）,受伤人数（人）,直接经济损失（万元）,重点行业领域,存在问题,下步工作,备注';

export interface MockReport {
  readonly id: string;
  readonly township: string;
  readonly period: string;
  readonly submitted_at: string;
  readonly format: 'csv' | 'json';
  readonly content: string;
}

const row = (township: string, month: string, date: string, cells: string): string =>
  `${TEMPLATE_HEADER}\r\n${township},${month},${date},${cells}\r\n`;

/** Reports as submitted: two townships for 2022-04, one for 2022-05, one JSON report. */
export const MOCK_REPORTS: readonly MockReport[] = [
  {
    id: 'r-1001',
    township: '小召乡',
    period: '2022-04',
    submitted_at: '2022-04-27T09:12:00+08:00',
    format: 'csv',
    content: row(
      '小召乡',
      '2022年4月',
      '2022-04-27',
      '18,30,,,0,0,0,1,2,,,1,1,,0,,,,,烟花爆竹；工贸；建筑施工,一是企业主体责任落实不完全到位；二是个别行政村重视程度不够。,加强危化品、烟花爆竹、道路交通领域监管。,',
    ),
  },
  {
    id: 'r-1002',
    township: '城关镇',
    period: '2022-04',
    submitted_at: '2022-04-26T16:40:00+08:00',
    format: 'csv',
    content: row(
      '城关镇',
      '2022年4月',
      '2022-04-26',
      '42,65,23,21,1,1,3.2,4,3,2,120,1,2,800,1,0,0,0,0,工贸；消防,个别单位安全投入不足。,继续开展隐患排查治理。,',
    ),
  },
  {
    id: 'r-1003',
    township: '小召乡',
    period: '2022-05',
    submitted_at: '2022-05-25T10:05:00+08:00',
    format: 'csv',
    content: row(
      '小召乡',
      '2022年5月',
      '2022-05-25',
      '20,32,6,5,0,0,0.5,1,2,1,60,1,1,500,0,0,0,0,0,烟花爆竹；工贸,村级安全员业务素质仍需加强。,强化重点行业领域监管。,',
    ),
  },
  {
    id: 'r-1004',
    township: '河西街道',
    period: '2022-05',
    submitted_at: '2022-05-24T11:30:00+08:00',
    format: 'json',
    content: JSON.stringify({
      schema_version: '1',
      township_month: [
        {
          township: '河西街道',
          period: '2022-05',
          period_scope: 'month',
          report_date: '2022-05-24',
          hazards_found: 15,
          hazards_rectified: 15,
          meetings_held: 2,
          trainings_held: 1,
        },
      ],
    }),
  },
];
