/**
 * Sector code list (行业领域), docs/domain.md#sectors, held as data. Matching is multi-label by substring;
 * the first match in list order is the primary sector. This is the one sector registry: the short
 * names clerks write in a 行业领域 cell (旅游, 文旅, 交通 …) are `aliases` here, not a second list.
 */
export interface SectorDef {
  readonly code: SectorCode;
  readonly zh: string;
  readonly en: string;
  /** Words found inside free text (problem statements, unit names) that point to the sector. */
  readonly keywords: readonly string[];
  /**
   * Whole-cell names users write for the sector in a 行业领域 column (exact match after
   * normalisation), e.g. 旅游 or 文旅 for culture_sports_tourism. Too broad to be keywords.
   */
  readonly aliases?: readonly string[];
}

export const SECTOR_CODES = [
  'hazchem',
  'fireworks',
  'mining',
  'industry_trade',
  'construction',
  'road_traffic',
  'fire',
  'gas',
  'special_equipment',
  'education',
  'crowded_places',
  'culture_sports_tourism',
  'housing',
  'agriculture',
  'utilities',
  'water_transport',
  'natural_hazards',
  'other',
] as const;

export type SectorCode = (typeof SECTOR_CODES)[number];

export const SECTORS: readonly SectorDef[] = [
  {
    code: 'hazchem',
    zh: '危险化学品',
    en: 'Hazardous chemicals',
    aliases: ['危化品', '危险品', '危化行业', '危险化学品行业'],
    keywords: [
      '危化',
      '危险化学品',
      '化工',
      '加油站',
      '加气站',
      '油库',
      '液氨',
      '易制爆',
      '剧毒',
      '农药经营',
      '农资店',
    ],
  },
  {
    code: 'fireworks',
    zh: '烟花爆竹',
    en: 'Fireworks',
    aliases: ['烟花', '烟花爆竹行业'],
    keywords: ['烟花', '爆竹', '鞭炮', '花炮', '引线', '烟花爆竹零售', '燃放'],
  },
  {
    code: 'mining',
    zh: '矿山',
    en: 'Mining & quarrying',
    aliases: ['非煤矿山', '矿产', '采矿'],
    keywords: ['矿山', '非煤', '金属非金属', '采石场', '砂石', '尾矿库', '煤矿', '民爆', '炸药'],
  },
  {
    code: 'industry_trade',
    zh: '工贸',
    en: 'Industry & trade',
    aliases: ['工业', '工业企业', '工商贸', '商贸', '工贸企业', '冶金工贸'],
    keywords: [
      '工贸',
      '冶金',
      '有色',
      '建材',
      '机械',
      '轻工',
      '纺织',
      '粉尘',
      '涉爆',
      '涉氨',
      '有限空间',
      '加工厂',
      '作坊',
      '厂房',
      '仓储',
      '企业车间',
    ],
  },
  {
    code: 'construction',
    zh: '建筑施工',
    en: 'Construction',
    aliases: ['建筑', '建设', '建设工程', '住建', '建筑业'],
    keywords: [
      '建筑施工',
      '工地',
      '在建',
      '施工',
      '脚手架',
      '塔吊',
      '高处作业',
      '市政工程',
      '装修',
      '零星工程',
    ],
  },
  {
    code: 'road_traffic',
    zh: '道路交通',
    en: 'Road traffic & transport',
    aliases: ['交通', '交通运输', '道路运输', '道路交通安全'],
    keywords: [
      '道路交通',
      '交通安全',
      '客运',
      '货运',
      '校车',
      '面包车',
      '三轮车',
      '农用车',
      '摩托车',
      '电动车头盔',
      '超员',
      '超载',
      '酒驾',
      '危险路段',
      '事故多发点段',
    ],
  },
  {
    code: 'fire',
    zh: '消防',
    en: 'Fire safety',
    aliases: ['消防安全', '火灾防控'],
    keywords: [
      '消防',
      '火灾',
      '灭火器',
      '消防通道',
      '疏散通道',
      '安全出口',
      '电气线路',
      '私拉乱接',
      '九小场所',
      '三小场所',
      '三合一',
      '电动自行车',
      '飞线充电',
      '出租屋',
      '群租房',
    ],
  },
  {
    code: 'gas',
    zh: '燃气',
    en: 'Gas',
    aliases: ['城镇燃气', '燃气安全', '瓶装燃气'],
    keywords: ['燃气', '液化气', '液化石油气', '气瓶', '天然气', '管道燃气', '燃气报警', '软管', '醇基燃料'],
  },
  {
    code: 'special_equipment',
    zh: '特种设备',
    en: 'Special equipment',
    aliases: ['特设'],
    keywords: ['特种设备', '锅炉', '压力容器', '电梯', '起重机械', '叉车', '游乐设施'],
  },
  {
    code: 'education',
    zh: '教育（校园）',
    en: 'Schools & kindergartens',
    aliases: ['教育', '学校安全', '校园安全'],
    keywords: ['学校', '校园', '幼儿园', '中心校', '托育', '午托', '学生', '寄宿制'],
  },
  {
    code: 'crowded_places',
    zh: '人员密集场所',
    en: 'Crowded places',
    aliases: ['人员密集场所', '商贸场所', '公共场所', '医疗机构', '养老服务'],
    keywords: [
      '人员密集',
      '商场',
      '超市',
      '集贸市场',
      '农贸市场',
      '宾馆',
      '酒店',
      '饭店',
      '医院',
      '卫生院',
      '敬老院',
      '养老院',
      '养老机构',
      '宗教场所',
      '车站',
    ],
  },
  {
    code: 'culture_sports_tourism',
    zh: '文旅体育场所',
    en: 'Culture, tourism & sports venues',
    aliases: [
      '旅游',
      '文旅',
      '文化旅游',
      '文化和旅游',
      '文体旅',
      '文体',
      '体育',
      '文化娱乐',
      '旅游景区',
      '景区景点',
      '文化体育',
      '文旅体育',
    ],
    keywords: [
      '游泳馆',
      '游泳池',
      '健身',
      '体育场馆',
      '景区',
      '民宿',
      '农家乐',
      'KTV',
      '歌厅',
      '网吧',
      '娱乐场所',
    ],
  },
  {
    code: 'housing',
    zh: '房屋安全（自建房）',
    en: 'Building safety',
    aliases: ['房屋', '自建房安全', '城乡房屋'],
    keywords: ['自建房', '经营性自建房', '危房', '房屋安全', '老旧小区', '房屋结构'],
  },
  {
    code: 'agriculture',
    zh: '农业农机渔业',
    en: 'Agriculture, farm machinery, fishing',
    aliases: ['农业', '农机', '渔业', '农业农村', '农林牧渔'],
    keywords: ['农机', '拖拉机', '收割机', '渔船', '渔业', '养殖场', '三夏', '秋收'],
  },
  {
    code: 'utilities',
    zh: '电力与市政设施',
    en: 'Power & utilities',
    aliases: ['电力', '水务', '市政', '市政设施', '供水供电'],
    keywords: ['电力设施', '供电', '输电线路', '变压器', '供水', '排水', '窨井'],
  },
  {
    code: 'water_transport',
    zh: '水上交通',
    en: 'Water transport',
    aliases: ['水上', '水运', '内河交通'],
    keywords: ['渡口', '渡船', '船舶', '水上交通', '码头'],
  },
  {
    code: 'natural_hazards',
    zh: '防灾减灾',
    en: 'Natural-hazard prevention',
    aliases: ['防汛', '防灾减灾', '自然灾害', '森林防火', '地质灾害', '防汛抗旱'],
    keywords: [
      '森林防火',
      '野外用火',
      '秸秆焚烧',
      '防汛',
      '汛期',
      '地质灾害',
      '地灾',
      '山洪',
      '暴雨',
      '雨雪冰冻',
      '防溺水',
    ],
  },
  { code: 'other', zh: '其他', en: 'Other', keywords: [], aliases: ['其它', '其他行业', '综合'] },
];

const BY_CODE = new Map<string, SectorDef>(SECTORS.map((s) => [s.code, s]));
const ALIAS_TO_CODE = new Map<string, SectorCode>(
  SECTORS.flatMap((s) => (s.aliases ?? []).map((a) => [a.normalize('NFKC'), s.code] as const)),
);

/** Looks up a sector by code; undefined for unknown codes. */
export const sectorByCode = (code: string): SectorDef | undefined => BY_CODE.get(code);

/** True when `value` is a known sector code. */
export const isSectorCode = (value: string): value is SectorCode => BY_CODE.has(value);

/**
 * Resolves a sector token as a clerk writes it: a code (`fire`), the Chinese name (`消防`), an
 * alias (`旅游` → culture_sports_tourism) or a keyword (`加油站` → hazchem). Returns undefined when
 * nothing matches.
 */
export function resolveSectorToken(token: string): SectorCode | undefined {
  const t = token.trim();
  if (t === '') return undefined;
  const lower = t.toLowerCase();
  if (isSectorCode(lower)) return lower;
  for (const s of SECTORS)
    if (s.zh === t || s.zh.startsWith(t) || s.en.toLowerCase() === lower) return s.code;
  const alias = ALIAS_TO_CODE.get(t.normalize('NFKC'));
  if (alias !== undefined) return alias;
  for (const s of SECTORS) if (s.keywords.some((k) => t.includes(k))) return s.code;
  return undefined;
}

/** All sectors whose keywords occur in a text, in list order (multi-label). */
export function sectorsInText(text: string): SectorCode[] {
  return SECTORS.filter((s) => s.keywords.some((k) => text.includes(k))).map((s) => s.code);
}
