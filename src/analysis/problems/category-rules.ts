/**
 * The rule classifier's knowledge, held as DATA (docs/domain.md#problem-categories): keywords per category, the
 * subject-sensitive context rules, the tie-break order. Users extend it through ProblemEdits
 * (extra keywords, custom categories); code never hard-codes a category decision.
 *
 * Keywords are general phrases of the 存在的问题 register, not words lifted from test sentences.
 */
import type { ProblemCategoryCode } from '../../domain/problem-categories';
import type { CategoryCode } from './types';

/** A keyword; weight defaults to {@link keywordWeight} (longer = more specific = heavier). */
export interface KeywordDef {
  readonly term: string;
  readonly weight?: number;
}

export interface CategoryRule {
  readonly code: CategoryCode;
  readonly keywords: readonly KeywordDef[];
}

/**
 * A phrase whose category depends on who it is about (意识淡薄 of 企业 vs 群众). The nearest subject
 * word before the phrase in the same sentence decides; else the first one after it; else `fallback`.
 */
export interface ContextRule {
  readonly id: string;
  readonly terms: readonly string[];
  readonly weight: number;
  readonly subjects: readonly { readonly words: readonly string[]; readonly category: CategoryCode }[];
  readonly fallback: CategoryCode;
}

export interface ProblemRules {
  readonly categories: readonly CategoryRule[];
  readonly context: readonly ContextRule[];
  /** Higher priority first; decides ties between equal scores. Codes not listed rank last. */
  readonly tieBreak: readonly CategoryCode[];
  /** Multiplier for hits in the first sentence of a multi-sentence statement (the headline). */
  readonly headlineBoost: number;
  /** Minimum best score for a category to be assigned; below it the statement is P99. */
  readonly minScore: number;
  /** Bonus added to P12 when a P12 risk word and a sector keyword (docs/domain.md#sectors) co-occur. */
  readonly sectorPairBonus: number;
}

/**
 * Default weight of a keyword: half its length in characters, between 1 and 3. Two-character
 * words (资金, 台账) weigh 1; four-character phrases (层层递减) 2; six or more 3.
 */
export const keywordWeight = (term: string): number => Math.min(3, Math.max(1, Array.from(term).length / 2));

const kw = (...terms: string[]): KeywordDef[] => terms.map((term) => ({ term }));
// Weak hints: words that lean towards a category but appear in many others.
const weak = (...terms: string[]): KeywordDef[] => terms.map((term) => ({ term, weight: 0.5 }));

const ENTERPRISE = [
  '企业',
  '经营单位',
  '生产经营',
  '经营户',
  '经营者',
  '负责人',
  '业主',
  '老板',
  '法人',
  '厂长',
  '店主',
  '公司',
];
const PUBLIC = [
  '群众',
  '村民',
  '居民',
  '职工',
  '员工',
  '工人',
  '从业人员',
  '务工人员',
  '农户',
  '农民',
  '驾驶人',
  '驾驶员',
  '学生',
  '家长',
  '老年人',
  '租户',
  '游客',
  '人民',
];
const CADRES = ['干部', '乡直', '站所', '部门', '领导', '行政村', '村级', '社区'];
const PUBLIC_MONEY = [
  '政府',
  '财力',
  '财政',
  '经费',
  '乡镇',
  '乡级',
  '镇级',
  '村级',
  '村集体',
  '公共',
  '基础设施',
];

/** The built-in rules. */
export const DEFAULT_PROBLEM_RULES: ProblemRules = {
  categories: [
    {
      code: 'P01',
      keywords: [
        ...kw(
          '主体责任',
          '企业负责人',
          '主要负责人',
          '第一责任人',
          '重效益',
          '重生产',
          '重经营',
          '轻安全',
          '经济效益',
        ),
        ...kw(
          '安全投入',
          '自查自纠',
          '全员安全生产责任制',
          '安全生产责任制',
          '管理制度',
          '规章制度',
          '操作规程',
        ),
        ...kw('安全管理机构', '岗位职责', '安全职责', '管理混乱', '形同虚设'),
        ...weak('企业', '经营单位', '老板', '经营户'),
      ],
    },
    {
      code: 'P02',
      keywords: [
        ...kw(
          '重视程度',
          '重视不够',
          '重视不足',
          '不够重视',
          '重安排',
          '重部署',
          '轻落实',
          '轻检查',
          '不平衡',
        ),
        ...kw('层层递减', '层层传导', '压力传导', '传导不到位', '三管三必须', '管行业必须管安全', '一岗双责'),
        ...kw('敷衍', '应付', '上热下冷', '上紧下松', '属地责任', '属地管理', '监管责任'),
        ...kw('以会议落实会议', '以文件落实文件'),
        ...weak('乡直', '站所', '行政村', '村干部', '村（社区）'),
      ],
    },
    {
      code: 'P03',
      keywords: [
        ...kw(
          '业务素质',
          '业务能力',
          '业务水平',
          '业务不熟',
          '专业知识',
          '专业技术人员',
          '专业人才',
          '人员配备',
        ),
        ...kw('配备不足', '兼职', '身兼多职', '身兼数职', '一人多岗', '人员变动', '人员流动', '监管力量'),
        ...kw('执法力量', '执法人员', '执法水平', '网格员', '安全员', '人手不足', '力量薄弱', '专职人员'),
        ...kw('履职能力', '能力不足', '监管人员', '监管队伍'),
      ],
    },
    {
      code: 'P04',
      keywords: [
        ...kw(
          '排查不',
          '不深入',
          '不彻底',
          '不细致',
          '走过场',
          '浮于表面',
          '整改不到位',
          '整改不及时',
          '反弹',
        ),
        ...kw(
          '屡查屡犯',
          '屡改屡现',
          '回头看',
          '闭环',
          '销号',
          '隐患整改',
          '整改落实',
          '整改进度',
          '整改质量',
        ),
        ...kw('复查', '跟踪', '督促整改', '蜻蜓点水', '表面文章', '只查不改', '限期整改', '隐患排查治理'),
        ...weak('整改', '排查'),
      ],
    },
    {
      code: 'P05',
      keywords: [
        ...kw('麻痹', '侥幸', '自我保护', '违章操作', '违章作业', '习惯性违章', '冒险作业', '安全常识'),
        ...kw('防范意识', '认识不足'),
        ...weak('群众', '村民', '居民', '职工', '从业人员'),
      ],
    },
    {
      code: 'P06',
      keywords: [
        ...kw(
          '培训',
          '三级教育',
          '三级安全教育',
          '教育培训',
          '持证上岗',
          '操作证',
          '宣传',
          '覆盖面',
          '警示教育',
        ),
        ...kw('宣教', '知晓率', '安全教育', '岗前', '宣传教育', '普及'),
      ],
    },
    {
      code: 'P07',
      keywords: [
        ...kw(
          '资金',
          '经费',
          '财力',
          '财政',
          '设施',
          '老化',
          '陈旧',
          '先天不足',
          '充电设施',
          '集中充电',
          '车棚',
        ),
        ...kw('基础设施', '消防设施', '消防水源', '消火栓', '器材', '装备', '硬件', '信息化', '视频监控'),
        ...kw('防护设施'),
      ],
    },
    {
      code: 'P08',
      keywords: [
        ...kw(
          '应急预案',
          '演练',
          '应急物资',
          '物资储备',
          '救援队伍',
          '应急队伍',
          '值班值守',
          '值守',
          '应急处置',
        ),
        ...kw('应急响应', '应急救援', '突发事件', '预案', '疏散', '处置能力', '应急能力'),
        ...kw('防汛物资'),
      ],
    },
    {
      code: 'P09',
      keywords: [
        ...kw(
          '非法',
          '无证',
          '无照',
          '违法',
          '违规',
          '超员',
          '超载',
          '超限',
          '载人',
          '打非',
          '私拉乱接',
          '违规充电',
        ),
        ...kw('屡禁不止', '三合一', '住人', '擅自', '私自', '占用', '堵塞', '飞线充电'),
      ],
    },
    {
      code: 'P10',
      keywords: [
        ...kw(
          '联动',
          '协调',
          '配合',
          '执法权',
          '有责无权',
          '权责',
          '长效机制',
          '监管方式',
          '盲区',
          '死角',
          '合力',
        ),
        ...kw('各自为政', '职责交叉', '职责不清', '推诿', '扯皮', '执法手段', '处置手段', '信息共享'),
        ...kw('机制', '齐抓共管'),
      ],
    },
    {
      code: 'P11',
      keywords: [
        ...kw(
          '台账',
          '资料',
          '档案',
          '记录',
          '报表',
          '报送',
          '信息报送',
          '数据',
          '统计',
          '上报',
          '填报',
          '迟报',
        ),
        ...kw('漏报', '归档', '痕迹', '文书', '一企一档'),
      ],
    },
    {
      code: 'P12',
      keywords: [
        ...kw('事故多发', '占比', '风险突出', '点多面广', '隐患较多', '风险较大', '风险较高', '风险高'),
        ...kw('高发', '易发', '多发', '形势严峻', '人员密集'),
        // A bare 风险/事故 only counts towards P12 together with a sector keyword (sectorPairBonus).
        ...weak('风险', '事故', '隐患点'),
      ],
    },
  ],
  context: [
    {
      id: 'awareness',
      terms: [
        '意识淡薄',
        '意识不强',
        '意识不高',
        '意识较弱',
        '意识薄弱',
        '意识差',
        '意识较差',
        '意识欠缺',
        '意识有待提高',
        '意识不够',
        '意识普遍较差',
      ],
      weight: 3,
      subjects: [
        { words: ENTERPRISE, category: 'P01' },
        { words: PUBLIC, category: 'P05' },
        { words: CADRES, category: 'P02' },
      ],
      fallback: 'P05',
    },
    {
      id: 'investment',
      terms: ['投入不足', '投入不够', '投入有限', '投入偏少', '投入少', '资金不足', '经费不足', '资金短缺'],
      weight: 3,
      subjects: [
        { words: ENTERPRISE, category: 'P01' },
        { words: PUBLIC_MONEY, category: 'P07' },
      ],
      fallback: 'P07',
    },
  ],
  tieBreak: [
    'P09',
    'P04',
    'P08',
    'P11',
    'P06',
    'P03',
    'P02',
    'P01',
    'P07',
    'P05',
    'P10',
    'P12',
  ] satisfies ProblemCategoryCode[],
  headlineBoost: 1.5,
  minScore: 1,
  sectorPairBonus: 1,
};
