/**
 * The field registry: one entry per canonical field, with Chinese and English labels, the unit,
 * and the header aliases clerks actually type (docs/domain.md#header-aliases-and-the-template). Held as data so a district can
 * extend it without code changes. Ingest maps headers through it; the UI labels columns from it.
 */
export type RecordKind = 'township_month' | 'hazard' | 'problem';

export type FieldKind =
  | 'township'
  | 'period'
  | 'period_scope'
  | 'date'
  | 'count'
  | 'money'
  | 'sectors'
  | 'sector'
  | 'hazard_level'
  | 'hazard_status'
  | 'category'
  | 'text'
  /** A supplied value that is only cross-checked, never stored (e.g. 整改率). */
  | 'rate_check';

export interface FieldDef {
  readonly name: string;
  readonly record: RecordKind;
  readonly kind: FieldKind;
  readonly zh: string;
  readonly en: string;
  /** Header base used by the Chinese template when it differs from `zh` (e.g. 培训 + 人次). */
  readonly templateZh?: string;
  /** False for a field the downloadable template leaves out (it is still read on import). */
  readonly inTemplate: boolean;
  /** Canonical unit shown in headers, e.g. 处, 人次, 万元; null for unitless fields. */
  readonly unit: string | null;
  /** Units a cell or header may carry for this field (counters are interchangeable: 处/项/条/个). */
  readonly units: readonly string[];
  readonly required: boolean;
  /** Chinese header variants, already NFKC-normalised, without units or spaces. */
  readonly aliasesZh: readonly string[];
  /** English header variants, lower-case. */
  readonly aliasesEn: readonly string[];
}

const HAZARD_UNITS = ['处', '项', '条', '个'];
const SESSION_UNITS = ['场', '场次', '次', '期', '场(次)', '次(场)'];
const PERSON_UNITS = ['人次', '人'];
const MONEY_UNITS = ['万元', '元'];

type Def = Omit<FieldDef, 'record' | 'units' | 'required' | 'aliasesEn' | 'inTemplate'> & {
  units?: readonly string[];
  required?: boolean;
  aliasesEn?: readonly string[];
  inTemplate?: boolean;
};
const defs = (record: RecordKind, list: readonly Def[]): FieldDef[] =>
  list.map((d) => ({
    units: d.unit ? [d.unit] : [],
    required: false,
    aliasesEn: [],
    inTemplate: true,
    ...d,
    record,
  }));

// `as const` keeps each name and kind literal, so the record types (CountField, MoneyField…) are
// derived from this one list instead of being written out again (docs/architecture.md, domain/).
const TOWNSHIP_MONTH_DEFS = [
  {
    name: 'township',
    kind: 'township',
    zh: '乡镇（街道）',
    en: 'Township',
    unit: null,
    required: true,
    aliasesZh: [
      '乡镇',
      '乡镇名称',
      '乡镇(街道)',
      '乡镇/街道',
      '镇街',
      '街镇',
      '镇(街道)',
      '街道',
      '乡(镇)',
      '乡镇街道',
      '单位',
      '单位名称',
      '填报单位',
      '报送单位',
      '所属乡镇',
      '所在镇街',
      '所属地区',
      '地区',
      '辖区',
    ],
    aliasesEn: ['township', 'town', 'subdistrict', 'street', 'unit', 'org', 'area', 'region'],
  },
  {
    name: 'period',
    kind: 'period',
    zh: '月份',
    en: 'Month',
    unit: null,
    required: true,
    aliasesZh: [
      '月份',
      '报告月份',
      '统计月份',
      '填报月份',
      '所属月份',
      '报表月份',
      '年月',
      '时间',
      '日期',
      '期间',
      '月',
    ],
    aliasesEn: ['month', 'period', 'report_month', 'year_month', 'ym', 'date'],
  },
  {
    name: 'period_scope',
    inTemplate: false,
    kind: 'period_scope',
    zh: '统计口径',
    en: 'Scope',
    unit: null,
    aliasesZh: ['统计口径', '口径', '统计范围'],
    aliasesEn: ['period_scope', 'scope'],
  },
  {
    name: 'report_date',
    kind: 'date',
    zh: '报送日期',
    en: 'Report date',
    unit: null,
    aliasesZh: ['报送日期', '填报日期', '报告日期', '上报时间', '成文日期', '报送时间', '上报日期'],
    aliasesEn: ['report_date', 'submitted', 'submitted_at'],
  },
  {
    name: 'units_inspected',
    kind: 'count',
    zh: '检查单位',
    en: 'Units inspected',
    unit: '家次',
    units: ['家次', '家', '个', '处'],
    aliasesZh: [
      '检查单位',
      '检查单位数',
      '检查企业数',
      '检查生产经营单位',
      '检查场所',
      '排查单位数',
      '检查家次',
      '督导检查',
      '检查企业',
    ],
    aliasesEn: ['units_inspected', 'enterprises_checked', 'sites_checked', 'inspections'],
  },
  {
    name: 'inspector_person_times',
    kind: 'count',
    zh: '出动检查人员',
    en: 'Inspector person-times',
    unit: '人次',
    units: PERSON_UNITS,
    aliasesZh: ['出动检查人员', '出动人次', '出动人员', '检查人次', '出动检查人次', '检查人员'],
    aliasesEn: ['inspector_person_times', 'inspectors', 'staff_deployed'],
  },
  {
    name: 'hazards_found',
    kind: 'count',
    zh: '排查隐患',
    en: 'Hazards found',
    unit: '处',
    units: HAZARD_UNITS,
    aliasesZh: [
      '排查隐患',
      '隐患数',
      '排查隐患数',
      '发现隐患',
      '查出隐患数',
      '隐患总数',
      '隐患',
      '问题隐患',
      '发现问题',
      '排查问题',
      '发现隐患数',
    ],
    aliasesEn: ['hazards_found', 'hazards', 'issues', 'issues_found', 'hidden_dangers'],
  },
  {
    name: 'hazards_rectified',
    kind: 'count',
    zh: '已整改',
    en: 'Hazards rectified',
    unit: '处',
    units: HAZARD_UNITS,
    aliasesZh: [
      '已整改',
      '已整改数',
      '整改数',
      '完成整改',
      '完成隐患数',
      '整改完成数',
      '已整改隐患',
      '已销号',
      '已经整改数',
      '整改隐患',
    ],
    aliasesEn: ['hazards_rectified', 'rectified', 'fixed', 'resolved', 'closed'],
  },
  {
    name: 'hazards_major_found',
    kind: 'count',
    zh: '重大隐患',
    templateZh: '其中重大隐患',
    en: 'Major hazards found',
    unit: '处',
    units: HAZARD_UNITS,
    aliasesZh: ['其中重大隐患', '重大隐患', '重大隐患数', '重大事故隐患'],
    aliasesEn: ['hazards_major_found', 'major_hazards'],
  },
  {
    name: 'hazards_major_rectified',
    kind: 'count',
    zh: '重大隐患已整改',
    en: 'Major hazards rectified',
    unit: '处',
    units: HAZARD_UNITS,
    aliasesZh: ['重大隐患已整改', '已整改销号数', '完成重大隐患数', '重大隐患已整改销号', '重大隐患整改数'],
    aliasesEn: ['hazards_major_rectified', 'major_rectified'],
  },
  {
    name: 'rectification_rate',
    inTemplate: false,
    kind: 'rate_check',
    zh: '整改率',
    en: 'Rectification rate',
    unit: '%',
    units: ['%'],
    aliasesZh: ['整改率', '隐患整改率', '整改完成率'],
    aliasesEn: ['rectification_rate', 'fix_rate', 'rate'],
  },
  {
    name: 'rectification_funds_10k_yuan',
    kind: 'money',
    zh: '整改资金',
    en: 'Rectification funds',
    unit: '万元',
    units: MONEY_UNITS,
    aliasesZh: ['整改资金', '治理资金', '落实治理资金', '投入资金', '整改投入', '累计落实治理资金'],
    aliasesEn: ['rectification_funds_10k_yuan', 'funds', 'rectification_funds', 'investment'],
  },
  {
    name: 'rectification_notices',
    kind: 'count',
    zh: '下达整改通知书',
    en: 'Rectification notices',
    unit: '份',
    units: ['份', '份次', '张'],
    aliasesZh: ['下达整改通知书', '整改通知书', '责令限期整改指令书', '下发整改通知', '整改意见书'],
    aliasesEn: ['rectification_notices', 'notices'],
  },
  {
    name: 'penalty_cases',
    inTemplate: false,
    kind: 'count',
    zh: '行政处罚',
    en: 'Penalty cases',
    unit: '起',
    units: ['起', '件', '次'],
    aliasesZh: ['行政处罚', '处罚案件', '立案', '处罚'],
    aliasesEn: ['penalty_cases', 'penalties'],
  },
  {
    name: 'fines_10k_yuan',
    inTemplate: false,
    kind: 'money',
    zh: '罚款',
    en: 'Fines',
    unit: '万元',
    units: MONEY_UNITS,
    aliasesZh: ['罚款', '罚没款', '经济处罚', '罚款金额'],
    aliasesEn: ['fines_10k_yuan', 'fines'],
  },
  {
    name: 'meetings_held',
    kind: 'count',
    zh: '召开会议',
    en: 'Meetings held',
    unit: '次',
    units: SESSION_UNITS,
    aliasesZh: ['召开会议', '专题会议', '安委会会议', '学习会', '会议'],
    aliasesEn: ['meetings_held', 'meetings'],
  },
  {
    name: 'trainings_held',
    kind: 'count',
    zh: '培训场次',
    templateZh: '培训',
    en: 'Trainings held',
    unit: '场次',
    units: SESSION_UNITS,
    aliasesZh: ['培训场次', '培训次数', '培训', '开展培训', '举办培训班', '教育培训次数', '培训期数'],
    aliasesEn: ['trainings_held', 'trainings', 'training_sessions', 'sessions'],
  },
  {
    name: 'training_person_times',
    kind: 'count',
    zh: '培训人次',
    templateZh: '培训',
    en: 'Training person-times',
    unit: '人次',
    units: PERSON_UNITS,
    aliasesZh: ['培训人次', '参训人数', '培训人数', '参加培训人数', '受训人次'],
    aliasesEn: ['training_person_times', 'trainees', 'participants', 'attendees', 'training_attendance'],
  },
  {
    name: 'warning_edu_sessions',
    kind: 'count',
    zh: '警示教育',
    en: 'Warning-education sessions',
    unit: '场次',
    units: SESSION_UNITS,
    aliasesZh: ['警示教育', '观看警示片', '警示教育场次'],
    aliasesEn: ['warning_edu_sessions', 'warning_education'],
  },
  {
    name: 'publicity_events',
    kind: 'count',
    zh: '宣传活动',
    en: 'Publicity events',
    unit: '次',
    units: SESSION_UNITS,
    aliasesZh: ['宣传活动', '开展宣传', '宣传次数'],
    aliasesEn: ['publicity_events', 'publicity'],
  },
  {
    name: 'leaflets_distributed',
    kind: 'count',
    zh: '发放宣传资料',
    en: 'Leaflets distributed',
    unit: '份',
    units: ['份', '册', '张'],
    aliasesZh: ['发放宣传资料', '宣传资料', '宣传单', '宣传册', '发放资料'],
    aliasesEn: ['leaflets_distributed', 'leaflets', 'flyers', 'materials'],
  },
  {
    name: 'drills_held',
    kind: 'count',
    zh: '应急演练',
    en: 'Drills held',
    unit: '次',
    units: SESSION_UNITS,
    aliasesZh: ['应急演练', '演练次数', '演练场次', '演练'],
    aliasesEn: ['drills_held', 'drills'],
  },
  {
    name: 'accidents',
    kind: 'count',
    zh: '事故起数',
    en: 'Accidents',
    unit: '起',
    units: ['起', '次'],
    aliasesZh: ['事故起数', '发生事故', '事故数', '安全事故', '生产安全事故'],
    aliasesEn: ['accidents', 'incidents'],
  },
  {
    name: 'deaths',
    kind: 'count',
    zh: '死亡人数',
    en: 'Deaths',
    unit: '人',
    units: ['人'],
    aliasesZh: ['死亡人数', '死亡', '亡人'],
    aliasesEn: ['deaths', 'fatalities'],
  },
  {
    name: 'injuries',
    kind: 'count',
    zh: '受伤人数',
    en: 'Injuries',
    unit: '人',
    units: ['人'],
    aliasesZh: ['受伤人数', '受伤', '重伤'],
    aliasesEn: ['injuries', 'injured'],
  },
  {
    name: 'direct_loss_10k_yuan',
    kind: 'money',
    zh: '直接经济损失',
    en: 'Direct economic loss',
    unit: '万元',
    units: MONEY_UNITS,
    aliasesZh: ['直接经济损失', '经济损失'],
    aliasesEn: ['direct_loss_10k_yuan', 'economic_loss', 'loss'],
  },
  {
    name: 'focus_sectors',
    kind: 'sectors',
    zh: '重点行业领域',
    en: 'Focus sectors',
    unit: null,
    aliasesZh: ['重点行业领域', '重点领域', '检查领域', '行业领域', '行业'],
    aliasesEn: ['focus_sectors', 'sectors'],
  },
  {
    name: 'problems_text',
    kind: 'text',
    zh: '存在问题',
    en: 'Problems',
    unit: null,
    aliasesZh: ['存在问题', '存在的问题', '主要问题', '问题及不足', '薄弱环节', '不足'],
    aliasesEn: ['problems_text', 'problems', 'issues_text'],
  },
  {
    name: 'next_steps_text',
    kind: 'text',
    zh: '下步工作',
    en: 'Next steps',
    unit: null,
    aliasesZh: [
      '下步工作',
      '下一步工作打算',
      '下步打算',
      '工作计划',
      '下步措施',
      '下步工作安排',
      '下一步工作',
    ],
    aliasesEn: ['next_steps_text', 'next_steps', 'plans'],
  },
  {
    name: 'remarks',
    kind: 'text',
    zh: '备注',
    en: 'Remarks',
    unit: null,
    aliasesZh: ['备注', '说明'],
    aliasesEn: ['remarks', 'notes', 'comments'],
  },
] as const satisfies readonly Def[];

export const TOWNSHIP_MONTH_FIELDS: readonly FieldDef[] = defs('township_month', TOWNSHIP_MONTH_DEFS);

type TownshipMonthDef = (typeof TOWNSHIP_MONTH_DEFS)[number];
/** The canonical names of the township-month fields of one kind (all kinds by default). */
export type TownshipMonthFieldName<K extends FieldKind = FieldKind> = Extract<TownshipMonthDef, { kind: K }>['name'];

/** The township-month field names of one kind, in registry order. */
export function townshipMonthFieldNames<K extends FieldKind>(kind: K): readonly TownshipMonthFieldName<K>[] {
  // The filter is the narrowing TypeScript cannot follow through a generic kind.
  return TOWNSHIP_MONTH_DEFS.filter((d) => d.kind === kind).map((d) => d.name as TownshipMonthFieldName<K>);
}

export const HAZARD_FIELDS: readonly FieldDef[] = defs('hazard', [
  {
    name: 'township',
    kind: 'township',
    zh: '乡镇（街道）',
    en: 'Township',
    unit: null,
    required: true,
    aliasesZh: ['乡镇', '乡镇名称', '乡镇(街道)', '乡镇/街道', '镇街', '街道', '所属乡镇', '检查单位'],
    aliasesEn: ['township', 'town', 'subdistrict'],
  },
  {
    name: 'date_found',
    kind: 'date',
    zh: '发现日期',
    en: 'Date found',
    unit: null,
    required: true,
    aliasesZh: ['发现日期', '检查时间', '检查日期', '排查日期', '发现时间', '日期'],
    aliasesEn: ['date_found', 'found', 'date'],
  },
  {
    name: 'sector',
    kind: 'sector',
    zh: '行业领域',
    en: 'Sector',
    unit: null,
    aliasesZh: ['行业领域', '行业', '领域', '隐患类型', '行业和领域'],
    aliasesEn: ['sector'],
  },
  {
    name: 'level',
    kind: 'hazard_level',
    zh: '隐患等级',
    en: 'Level',
    unit: null,
    aliasesZh: ['隐患等级', '等级', '隐患级别'],
    aliasesEn: ['level', 'grade'],
  },
  {
    name: 'description',
    kind: 'text',
    zh: '隐患描述',
    en: 'Description',
    unit: null,
    required: true,
    aliasesZh: ['隐患描述', '隐患问题描述', '隐患内容', '问题描述', '隐患情况', '存在隐患'],
    aliasesEn: ['description', 'hazard'],
  },
  {
    name: 'status',
    kind: 'hazard_status',
    zh: '整改情况',
    en: 'Status',
    unit: null,
    aliasesZh: [
      '整改情况',
      '销号情况',
      '整改状态',
      '状态',
      '是否整改',
      '是否已整改',
      '是否整改完成',
      '是否销号',
      '整改结果',
      '整改完成情况',
    ],
    aliasesEn: ['status', 'is_rectified'],
  },
  {
    name: 'rectified_date',
    kind: 'date',
    zh: '整改完成日期',
    en: 'Rectified date',
    unit: null,
    aliasesZh: ['整改完成日期', '整改日期', '完成日期', '销号日期', '整改完成时间'],
    aliasesEn: ['rectified_date', 'fixed_date'],
  },
  {
    name: 'deadline',
    kind: 'date',
    zh: '整改期限',
    en: 'Deadline',
    unit: null,
    aliasesZh: ['整改期限', '整改时限', '限期'],
    aliasesEn: ['deadline'],
  },
  {
    name: 'village',
    kind: 'text',
    zh: '村（社区）',
    en: 'Village',
    unit: null,
    aliasesZh: ['村(社区)', '村', '社区', '行政村', '村居'],
    aliasesEn: ['village', 'community'],
  },
  {
    name: 'unit_name',
    kind: 'text',
    zh: '被检查单位',
    en: 'Unit inspected',
    unit: null,
    aliasesZh: ['被检查单位', '单位名称', '企业名称', '场所名称', '检查对象'],
    aliasesEn: ['unit_name', 'unit', 'enterprise'],
  },
]);

export const PROBLEM_FIELDS: readonly FieldDef[] = defs('problem', [
  {
    name: 'township',
    kind: 'township',
    zh: '乡镇（街道）',
    en: 'Township',
    unit: null,
    required: true,
    aliasesZh: ['乡镇', '乡镇名称', '乡镇(街道)', '乡镇/街道', '镇街', '街道', '单位'],
    aliasesEn: ['township', 'town', 'subdistrict'],
  },
  {
    name: 'period',
    kind: 'period',
    zh: '月份',
    en: 'Month',
    unit: null,
    required: true,
    aliasesZh: ['月份', '报告月份', '统计月份', '年月', '时间'],
    aliasesEn: ['month', 'period'],
  },
  {
    name: 'text',
    kind: 'text',
    zh: '问题',
    en: 'Problem',
    unit: null,
    required: true,
    aliasesZh: ['问题', '问题描述', '存在问题', '存在的问题', '问题内容', '内容'],
    aliasesEn: ['text', 'problem', 'statement'],
  },
  {
    name: 'category',
    kind: 'category',
    zh: '问题类别',
    en: 'Category',
    unit: null,
    aliasesZh: ['问题类别', '类别', '分类', '问题分类'],
    aliasesEn: ['category'],
  },
]);

/** Fields per record kind. */
export const FIELDS_BY_RECORD: ReadonlyMap<RecordKind, readonly FieldDef[]> = new Map([
  ['township_month', TOWNSHIP_MONTH_FIELDS],
  ['hazard', HAZARD_FIELDS],
  ['problem', PROBLEM_FIELDS],
]);

const TM_BY_NAME = new Map(TOWNSHIP_MONTH_FIELDS.map((f) => [f.name, f]));

/** A township-month field by canonical name. */
export const townshipMonthField = (name: string): FieldDef | undefined => TM_BY_NAME.get(name);

/** A field's header as the Chinese template writes it, e.g. `排查隐患（处）`. */
export const templateHeader = (f: FieldDef): string => {
  const base = f.templateZh ?? f.zh;
  return f.unit && f.unit !== '%' ? `${base}（${f.unit}）` : base;
};

/**
 * Column order of the downloadable Chinese template (docs/domain.md#header-aliases-and-the-template): the registry order, less the
 * fields marked `inTemplate: false` (scope, the cross-checked rate, penalties and fines).
 */
export const TEMPLATE_FIELDS: readonly string[] = TOWNSHIP_MONTH_FIELDS.filter((f) => f.inTemplate).map(
  (f) => f.name,
);
