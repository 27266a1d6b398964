/**
 * A small district in the shape of real submissions, for the 问题 view's tests: three townships
 * writing their 存在的问题 paragraph the way clerks do (numbered （一）（二）, pasted from last month).
 */
import { tm } from '../../analysis/test-fixtures';
import type { Dataset, TownshipMonthRecord } from '../../domain/records';

export const ENTERPRISE = '企业主体责任落实不完全到位，个别企业负责人安全意识淡薄';
export const UNEVEN = '个别行政村和单位重视程度不够，存在重工作安排、轻措施落实，工作开展不平衡';
export const STAFF = '乡直有关站所和行政村安全生产管理人员的业务素质仍需进一步加强';
export const TRAINING = '安全教育培训覆盖面不广，部分从业人员应急处置能力不足';

const report = (township: string, period: string, items: readonly string[] | null): TownshipMonthRecord => ({
  ...tm(township, period, { hazards_found: 12, hazards_rectified: 10 }),
  problems_text:
    items === null
      ? null
      : `主要存在以下几个问题：${items.map((s, i) => `（${'一二三四'[i]}）${s}。`).join('')}`,
});

/** 小召乡 names the enterprise problem four months running; 城关镇 skips 2022-03 (not reported). */
export function problemsDataset(): Dataset {
  return {
    district: '云川区',
    townships: [
      { name: '城关镇', type: 'zhen', code: null, aliases: [] },
      { name: '小召乡', type: 'xiang', code: null, aliases: [] },
      { name: '杏林乡', type: 'xiang', code: null, aliases: [] },
    ],
    townshipMonths: [
      report('小召乡', '2022-01', [ENTERPRISE, UNEVEN]),
      report('小召乡', '2022-02', [ENTERPRISE, STAFF]),
      report('小召乡', '2022-03', [ENTERPRISE, UNEVEN]),
      report('小召乡', '2022-04', [ENTERPRISE, UNEVEN, STAFF]),
      report('城关镇', '2022-01', [TRAINING]),
      report('城关镇', '2022-02', [TRAINING]),
      report('城关镇', '2022-03', null),
      report('城关镇', '2022-04', [TRAINING, STAFF]),
      report('杏林乡', '2022-04', [UNEVEN]),
    ],
    hazards: [],
    problems: [],
  };
}
