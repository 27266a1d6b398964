/**
 * Which canonical field a number in a report sentence belongs to. Table-driven: each rule names a
 * field, the measure words it accepts and the words that must stand before the number (closest
 * keyword wins) or, for sentences written the other way round (对两家企业立案处罚, 开展了一次应急演练),
 * after it. A number is a field value only when a rule says which field it is (precision first:
 * a wrong figure in the district bulletin is worse than a missing one).
 */

/** The canonical township-month fields the report extractor fills. */
export const REPORT_COUNT_FIELDS = [
  'units_inspected',
  'inspector_person_times',
  'hazards_found',
  'hazards_rectified',
  'hazards_major_found',
  'rectification_notices',
  'penalty_cases',
  'fines_10k_yuan',
  'meetings_held',
  'trainings_held',
  'training_person_times',
  'drills_held',
  'leaflets_distributed',
  'accidents',
  'deaths',
  'injuries',
] as const;
export type ReportCountField = (typeof REPORT_COUNT_FIELDS)[number];

export interface CountRule {
  readonly field: ReportCountField;
  /** Measure words the number must carry (after {@link scanTextQuantities} normalisation). */
  readonly units: readonly string[];
  /** Keyword before the number, in the same clause (the match closest to the number wins). */
  readonly before?: RegExp;
  /** For "number first" sentences: text right after the unit, in the same clause. */
  readonly after?: RegExp;
  /** The number is not this field when the text before it (same clause) matches. */
  readonly notBefore?: RegExp;
  /** With `before`: the rule applies only when the text after the number (same clause) matches. */
  readonly thenAfter?: RegExp;
  /**
   * A number that closes its clause with "…参加" (重点企业负责人共计68人次参加) after an earlier
   * clause of the same sentence named the activity (举办消防安全培训1期，…): `after` is what follows
   * the number, `activity` lists the activity words, and the rule applies only when the last of them
   * before the number is `want` (the participants of a drill are not the participants of a training).
   */
  readonly inSentence?: { readonly after: RegExp; readonly activity: RegExp; readonly want: RegExp };
}

const HAZARD = ['处', '条', '项', '个'];
const SESSIONS = ['次', '场', '场次', '期'];
const PERSONS = ['人次', '人', '名'];

/** Rules in priority order: on a tie (same keyword end) the earlier rule wins (重大隐患 before 隐患). */
export const COUNT_RULES: readonly CountRule[] = [
  {
    field: 'hazards_major_found',
    units: HAZARD,
    before: /重大(?:事故)?隐患(?:问题)?/gu,
    notBefore: /未整改|尚未/u,
  },
  {
    field: 'hazards_rectified',
    units: HAZARD,
    before:
      /(?<!未)(?:已|完成|现已|已经|当场|立即)(?:督促|完成|经|落实)?(?:完成)?整改(?:完毕|到位)?(?:隐患|问题)?|整改(?:完成|到位|完毕)(?:隐患|问题)?|已销号|(?<!排查|发现)(?:督促)?整改(?:隐患|问题)?(?:共计|共)?$/gu,
  },
  {
    field: 'hazards_found',
    units: HAZARD,
    before: /隐患(?!点)(?:问题)?|(?:排查|发现|查出|查找)(?:出)?(?:各类)?问题/gu,
    notBefore: /未整改|尚未|整改(?!通知)/u,
  },
  {
    field: 'rectification_notices',
    units: ['份', '张', '份次'],
    before: /通知书|指令书|意见书|整改通知|整改指令/gu,
  },
  {
    field: 'units_inspected',
    units: ['家', '家次', '家(次)'],
    before: /检查|排查|督查|抽查/gu,
    // 排查出隐患的企业有8家: the units where something was found, not the units inspected.
    notBefore: /(?:隐患|问题)的/u,
  },
  {
    field: 'units_inspected',
    units: ['个'],
    before: /(?:检查|排查|督查|抽查)[^，,]{0,12}(?:单位|企业|场所|门店|商户)/gu,
  },
  {
    field: 'inspector_person_times',
    units: PERSONS,
    before:
      /(?:出动|检查)(?:检查|执法)?人员|出动人次|检查人次|出动(?:检查|执法|安全)?(?:力量|干部|工作人员)?(?:共计|共|累计)?$/gu,
  },
  {
    field: 'penalty_cases',
    units: ['起', '件', '家', '次'],
    before: /立案(?:处罚|查处)?|行政处罚|处罚案件|查处[^，,]{0,12}案件|处罚(?!金额)/gu,
    after: /^[^，,；;。]{0,25}?(?:依法)?(?:立案处罚|立案查处|实施行政处罚|给予行政处罚|行政处罚)/u,
  },
  { field: 'fines_10k_yuan', units: ['元'], before: /罚款|罚没|处罚金额|罚金/gu },
  {
    field: 'meetings_held',
    units: ['次', '场'],
    before: /会议|召开[^，,]*?会/gu,
    after: /^(?:召开|[^，,；;。]{0,14}?(?:会议|专题会|推进会|部署会|调度会|例会))/u,
  },
  {
    field: 'trainings_held',
    units: ['次', '场', '场次', '期', '班'],
    before: /培训(?:班)?/gu,
    after: /^[^，,；;。]{0,10}?培训/u,
  },
  {
    field: 'training_person_times',
    units: PERSONS,
    before: /培训|参训|受训/gu,
    after: /^[^，,；;。]{0,6}?参(?:加|与)?了?(?:安全)?(?:教育)?培训/u,
    inSentence: {
      after: /^(?:参加|参与|参训|受训)(?:了)?(?:培训|学习)?$/u,
      activity: /培训|演练|演习|会议|例会|活动|宣传|检查|排查|督查|比赛|竞赛|讲座/gu,
      want: /^培训$/u,
    },
  },
  {
    field: 'drills_held',
    units: SESSIONS,
    before: /演练|演习/gu,
    after: /^[^，,；;。]{0,14}?(?:演练|演习)/u,
  },
  {
    field: 'leaflets_distributed',
    units: ['份', '册', '张'],
    before:
      /宣传资料|宣传单|宣传册|宣传材料|宣传手册|明白卡|明白纸|一封信|告知书|告知卡|倡议书|资料|传单|折页|手册|发放(?!整改|[^，,；;。]{0,12}通知)/gu,
  },
  {
    field: 'accidents',
    units: ['起'],
    before: /(?<!较大|重大|以上)(?:生产)?安全(?:生产)?事故|发生(?:一般)?事故$/gu,
    after: /^[^，,；;。较重]{0,6}?(?:生产)?安全事故/u,
    notBefore: /较大|重大|重特大|交通/u,
  },
  {
    // 发生一起高处坠落事故: the kind of accident stands between the number and 事故. Traffic
    // accidents, fires and 较大以上 accidents are reported under other headings (see docs/architecture.md).
    field: 'accidents',
    units: ['起'],
    before: /(?<!未|没有|没|无)发生$/gu,
    thenAfter: /^(?![^，,；;。]{0,10}?(?:交通|较大|重大|特大|火灾|火情))[^，,；;。]{0,10}?事故/u,
  },
  { field: 'deaths', units: ['人', '名'], before: /死亡/gu, after: /^[^，,；;。]{0,6}?死亡/u },
  {
    field: 'injuries',
    units: ['人', '名'],
    before: /受伤|轻伤|重伤/gu,
    after: /^[^，,；;。]{0,6}?(?:受伤|轻伤|重伤)/u,
  },
];

/**
 * Words just before a number (since the previous number in the clause) that make it something other
 * than this month's figure: a change (较上月增加6处, 同比下降), an inventory (全乡共有…312家), a
 * remainder (其余4处, 剩余5处, 未整改的4处, 责令限期整改2处), an earlier period (上月遗留隐患3处), a per-item figure (各1次), an event
 * that did not happen (未发生一起…).
 */
export const NOT_A_VALUE_BEFORE =
  /(?:未|没有|没|无|杜绝|防止|避免|严防)(?:发生|出现)(?:过)?$|(?:限期|责令|要求)整改(?:隐患|问题)?(?:共计|共)?$|上月|上年|去年|遗留|较|同比|环比|增加|减少|下降|上升|增长|提高|降低|增多|持平|共有|现有|拥有|辖区内有|有生产经营单位|其余|剩余|尚未|未整改|正在整改|待整改|需整改|未完成|各$|仅有|仅$/u;

/** A clause that speaks about more than this month (year-to-date, a year, "as of"). */
export const YTD_MARKER =
  /\d{1,2}\s*[-—–~～至到]+\s*\d{1,2}\s*月|[一二三四五六七八九十]{1,2}\s*[-—–~～至到]+\s*[一二三四五六七八九十]{1,3}\s*月|全年|今年以来|年初以来|截至|截止|累计至|年度累计/u;
/** A clause that says it is about this month. */
export const MONTH_MARKER = /本月|当月|全月|本期/u;
/** The phrase of a month total ("本月共召开会议2次"): preferred over the single events it sums. */
export const TOTAL_MARKER = /共|合计|总计/u;

/** Statements of zero that carry no numeral (本月未发生生产安全事故 → accidents 0). */
export interface ZeroRule {
  readonly fields: readonly ReportCountField[];
  readonly pattern: RegExp;
  /** The statement says nothing when the clause also matches (未发生较大以上事故, 未发生其他事故). */
  readonly unless?: RegExp;
}

export const ZERO_RULES: readonly ZeroRule[] = [
  {
    fields: ['accidents'],
    // 未发生森林火灾和生产安全事故: other events may be named before the accidents in the same breath.
    pattern: /(?:未发生|没有发生|无)(?:[^，,；;。]{0,12}?[和及、与或])?(?:任何|各类|一起)?(?:生产)?安全(?:生产)?事故/u,
    unless: /其他|其它|较大|重大|重特大|以上|及以上/u,
  },
  { fields: ['deaths', 'injuries'], pattern: /(?:未发生|未造成|没有|无)人员伤亡/u },
  { fields: ['deaths'], pattern: /(?:未发生|未造成|没有|无)人员死亡|无人死亡/u },
  { fields: ['injuries'], pattern: /(?:未发生|未造成|没有|无)人员受伤|无人受伤/u },
];
