/**
 * Text banks for the sample generator: problem statements per category (in the register of the
 * 小召乡 report), hazard descriptions per sector, fictional unit-name parts and next-step phrases.
 * All names are invented; any likeness to a real shop or village is accidental.
 */
import type { ProblemCategoryCode } from '../../src/domain/problem-categories';
import type { SectorCode } from '../../src/domain/sectors';

/** Problem statements per category, without enumerators or final punctuation. */
export const PROBLEM_BANK: ReadonlyMap<ProblemCategoryCode, readonly string[]> = new Map<
  ProblemCategoryCode,
  readonly string[]
>([
  [
    'P01',
    [
      '企业主体责任落实不到位，个别企业负责人安全意识淡薄，存在重生产、轻安全思想',
      '部分生产经营单位主体责任落实不完全到位，对重点部位、重点岗位排查不深入、不细致，安全生产投入不足',
      '个别企业全员安全生产责任制不健全，安全管理制度和操作规程执行不严',
      '部分小微企业自查自纠机制缺失，企业负责人存在“重效益、轻安全”思想',
      '个别经营者对安全生产重视不够，主体责任意识不强',
      '部分企业安全管理制度流于形式，企业负责人履行安全生产职责不到位',
      '企业主体责任落实仍有差距，个别企业对上级安全检查存在应付心理',
    ],
  ],
  [
    'P02',
    [
      '个别行政村和单位重视程度不够，存在重工作安排、轻措施落实，工作开展不平衡',
      '部分村（社区）安全生产工作压力传导不到位，存在层层递减现象',
      '个别乡直站所认为安全生产只是安监部门的事，“三管三必须”落实不到位',
      '少数村级组织对安全生产工作敷衍应付，一岗双责落实不够',
      '各村工作开展不平衡，个别村重安排、轻落实，督促跟进不及时',
      '部分站所和行政村对安全生产工作重视程度仍然不够，责任落实存在薄弱环节',
    ],
  ],
  [
    'P03',
    [
      '乡直有关站所和行政村安全生产管理人员的业务素质仍需进一步加强',
      '基层安全监管力量薄弱，安监站工作人员身兼多职，专人不专职',
      '村级安全员业务能力不足，隐患辨识能力有待提高',
      '安全生产监管人员配备不齐，专业人才缺乏，执法力量不足',
      '网格员安全生产知识掌握不够，发现和上报隐患的能力有待提升',
      '安全监管人员变动频繁，新进人员业务不熟，一人多岗现象突出',
    ],
  ],
  [
    'P04',
    [
      '隐患排查不够深入细致，个别单位存在走过场现象',
      '部分隐患整改不及时、不到位，闭环管理有待加强',
      '个别场所隐患反弹，屡查屡犯现象仍然存在',
      '隐患排查治理“回头看”不够，部分隐患整改销号不及时',
      '对重点部位、重点环节排查不彻底，存在盲目乐观思想',
      '部分限期整改隐患未按期完成，复查跟进不及时',
    ],
  ],
  [
    'P05',
    [
      '部分群众安全意识淡薄，存在麻痹思想和侥幸心理',
      '从业人员安全意识不强，违章操作现象时有发生',
      '部分村民自我保护意识不强，私拉电线、野外用火等行为仍有发生',
      '群众对安全生产认识不足，麻痹大意思想依然存在',
      '个别职工存在侥幸心理，不按规定佩戴劳动防护用品',
      '部分务工人员自我保护意识淡薄，安全常识缺乏',
    ],
  ],
  [
    'P06',
    [
      '安全生产宣传覆盖面不广，宣传形式较为单一，宣传不够深入',
      '企业三级安全教育培训不到位，培训针对性不强',
      '部分特种作业人员未持证上岗，教育培训流于形式',
      '警示教育开展不够经常，群众参与度不高',
      '对外来务工人员的安全培训不够系统，培训覆盖面有待扩大',
      '安全生产宣传进农村、进家庭不够，宣传效果有待提升',
    ],
  ],
  [
    'P07',
    [
      '乡财力有限，隐患治理资金不足，部分隐患整改难度大',
      '农村消防基础设施薄弱，消防水源、消防器材配备不足',
      '部分老旧小区设施陈旧老化，电动车充电设施建设推进难',
      '安全生产工作经费保障不足，监管装备配备不齐',
      '集贸市场等公共场所基础设施先天不足，改造资金缺口较大',
      '农村道路安全防护设施不完善，部分路段缺少警示标志',
    ],
  ],
  [
    'P08',
    [
      '应急预案可操作性不强，应急演练流于形式',
      '村级应急物资储备不足，应急救援队伍不健全',
      '值班值守制度落实不严，个别村值班人员脱岗',
      '应急处置能力有待提升，部分村（社区）应急演练次数不足',
      '汛期应急准备不够充分，防汛物资储备不足',
      '基层应急救援力量薄弱，突发事件先期处置能力不强',
    ],
  ],
  [
    'P09',
    [
      '非法储存、销售烟花爆竹行为屡禁不止，打非治违任务艰巨',
      '农用车、面包车违法载人和超员超载现象仍然存在',
      '电动自行车私拉乱接、违规充电现象依然突出',
      '个别“三合一”场所违规住人，整治后存在反弹',
      '无证经营、非法加工等违法违规行为时有发生',
      '部分建筑工地违规作业，未按要求落实安全防护措施',
    ],
  ],
  [
    'P10',
    [
      '部门之间联动不够，联合执法机制有待完善',
      '乡镇有责无权，执法手段有限，对违法行为震慑不够',
      '监管方式亟待创新，安全生产长效机制尚未建立',
      '与有关部门协调配合不够顺畅，信息共享不及时',
      '对新业态、新领域监管存在盲区，权责划分不够清晰',
      '网格化监管机制运行不畅，部分网格存在监管死角',
    ],
  ],
  [
    'P11',
    [
      '部分村和企业安全生产台账资料不完善、不规范',
      '报表多、报送不及时，信息报送质量有待提高',
      '检查记录不全，安全生产档案资料不完整',
      '个别站所安全生产资料归档不及时，数据统计不准确',
      '企业隐患自查台账填写不规范，记录流于形式',
      '安全生产信息报送时效性不强，存在迟报现象',
    ],
  ],
  [
    'P12',
    [
      '辖区道路交通事故占比大，交通安全风险突出',
      '九小场所数量多，消防基础差，火灾风险隐患较多',
      '农村自建房、燃气、电动自行车等领域隐患较多',
      '辖区企业点多面广，监管对象多，风险防控压力大',
      '冬季取暖用气用火增多，燃气和一氧化碳中毒风险突出',
      '汛期山洪、地质灾害风险突出，防范压力较大',
    ],
  ],
  [
    'P99',
    [
      '疫情防控与安全生产工作统筹压力较大',
      '部分工作推进进度与上级要求仍有差距',
      '受连续降雨天气影响，部分工作开展不够及时',
      '个别村“两委”换届后工作衔接不够顺畅',
      '年底各项工作任务集中，精力有所分散',
    ],
  ],
]);

/**
 * Weights for drawing a fresh problem category: P01–P05 dominate real reports (docs/domain.md#magnitudes-and-seasonality);
 * P99 is the odd statement that matches no category.
 */
export const CATEGORY_WEIGHTS: ReadonlyMap<ProblemCategoryCode, number> = new Map<
  ProblemCategoryCode,
  number
>([
  ['P01', 16],
  ['P02', 14],
  ['P03', 12],
  ['P04', 13],
  ['P05', 10],
  ['P06', 7],
  ['P07', 5],
  ['P08', 5],
  ['P09', 5],
  ['P10', 4],
  ['P11', 4],
  ['P12', 3],
  ['P99', 2],
]);

/** The real 存在的问题 section of the 小召乡 April-2022 report, reused for its April reports. */
export const XIAOZHAO_2022_PROBLEMS =
  '（一）企业主体责任落实不完全到位。个别企业负责人安全意识淡薄，对企业重点部位、重点岗位排查不深入、不细致，安全生产投入不足。' +
  '（二）个别行政村和单位重视程度不够，存在重工作安排、轻措施落实，工作开展不平衡。' +
  '（三）乡直有关站所和行政村安全生产管理人员的业务素质仍需进一步加强。';

/** Categories of the three 小召乡 2022 statements, in order (docs/domain.md#worked-example-xiaozhao-april-2022). */
export const XIAOZHAO_2022_CATEGORIES: readonly ProblemCategoryCode[] = ['P01', 'P02', 'P03'];

/** Realistic ledger descriptions per sector. */
export const HAZARD_DESCRIPTIONS: ReadonlyMap<SectorCode, readonly string[]> = new Map<
  SectorCode,
  readonly string[]
>([
  [
    'fire',
    [
      '灭火器过期未更换',
      '灭火器压力不足',
      '电动自行车室内充电',
      '电动自行车飞线充电',
      '疏散通道堆放杂物',
      '安全出口被锁闭',
      '电气线路私拉乱接',
      '应急照明灯损坏',
      '未配备灭火器',
      '仓库内电气线路未穿管保护',
    ],
  ],
  [
    'gas',
    [
      '液化气钢瓶未设置防倾倒措施',
      '燃气软管老化',
      '未安装燃气泄漏报警装置',
      '液化气钢瓶与灶具间距不足',
      '使用过期未检液化气钢瓶',
      '厨房燃气管道私自改装',
    ],
  ],
  [
    'hazchem',
    [
      '加油站卸油区静电接地不规范',
      '农资店农药与食品混放',
      '加油站消防沙池沙量不足',
      '危化品未分类储存',
      '未建立危化品出入库台账',
    ],
  ],
  [
    'fireworks',
    [
      '烟花爆竹零售点超量储存',
      '无证销售烟花爆竹',
      '烟花爆竹与其他商品混放',
      '零售点未设置禁止烟火标志',
      '违规存放烟花爆竹',
    ],
  ],
  [
    'industry_trade',
    [
      '机械设备防护罩缺失',
      '有限空间作业场所未设置警示标识',
      '粉尘作业场所积尘未及时清扫',
      '车间电气线路老化',
      '员工未佩戴劳动防护用品',
      '厂房内违规设置员工宿舍',
    ],
  ],
  [
    'construction',
    [
      '脚手架未设置安全网',
      '高处作业人员未系安全带',
      '施工现场临时用电不规范',
      '塔吊限位装置失效',
      '施工人员未佩戴安全帽',
      '基坑临边防护缺失',
    ],
  ],
  [
    'road_traffic',
    [
      '危险路段警示标志缺失',
      '农用三轮车违法载人',
      '面包车超员',
      '村道交叉口未设置减速带',
      '临水临崖路段防护栏缺失',
    ],
  ],
  [
    'crowded_places',
    ['安全出口指示标志损坏', '消防通道被占用', '未落实每日防火巡查', '电气线路私拉乱接', '厨房燃气软管老化'],
  ],
  ['education', ['消防器材过期未更换', '食堂燃气管道未固定', '校园围墙局部破损', '宿舍违规使用大功率电器']],
  ['special_equipment', ['电梯维保记录不全', '锅炉未按期检验', '叉车司机无证作业', '压力容器安全阀未校验']],
  ['culture_sports_tourism', ['消防器材配备不足', '未设置疏散指示标志', '安全出口堵塞', '应急照明不足']],
  ['housing', ['经营性自建房墙体开裂', '自建房违规加层', '危房仍有人员居住']],
  ['agriculture', ['拖拉机未按期年检', '收割机防护装置缺失', '养殖场电气线路老化']],
  ['utilities', ['变压器周边杂草未清理', '窨井盖破损', '输电线路下方堆放柴草']],
  [
    'natural_hazards',
    ['地质灾害隐患点警示牌缺失', '河道防溺水警示牌损毁', '防汛物资储备不足', '林区野外用火管控不到位'],
  ],
  ['water_transport', ['渡口救生衣配备不足', '渡船超员']],
  ['mining', ['采石场边坡未按规定分台阶', '砂石场作业区未设置警示标志']],
  ['other', ['临时堆放物品影响通行']],
]);

/**
 * Kinds of premises per sector, used as unit-name suffixes. An empty list means hazards of that
 * sector belong to no unit (a road section, a river bank): unit_name is null.
 */
export const UNIT_KINDS: ReadonlyMap<SectorCode, readonly string[]> = new Map<SectorCode, readonly string[]>([
  ['fire', ['便利店', '五金店', '电动车行', '小旅馆', '出租屋']],
  ['gas', ['饭店', '餐馆', '早餐店']],
  ['hazchem', ['加油站', '农资店']],
  ['fireworks', ['烟花爆竹零售点', '日杂店']],
  ['industry_trade', ['木材加工厂', '机械加工厂', '面粉加工厂', '建材厂']],
  ['construction', ['项目工地']],
  ['road_traffic', []],
  ['crowded_places', ['超市', '敬老院', '农贸市场', '宾馆']],
  ['education', ['幼儿园', '小学']],
  ['special_equipment', ['机械厂', '供热站']],
  ['culture_sports_tourism', ['农家乐', '民宿', '网吧']],
  ['housing', ['商住楼']],
  ['agriculture', ['养殖场', '农机合作社']],
  ['utilities', []],
  ['natural_hazards', []],
  ['water_transport', ['渡口']],
  ['mining', ['砂石场']],
  ['other', []],
]);

/** Invented trade names for units. */
export const UNIT_BRANDS: readonly string[] = [
  '顺发',
  '鑫源',
  '宏达',
  '永盛',
  '金穗',
  '福泰',
  '兴旺',
  '利民',
  '恒通',
  '华丰',
  '瑞祥',
  '家家乐',
  '万家',
  '佳美',
  '众诚',
  '祥和',
  '润丰',
  '长青',
  '德顺',
  '聚源',
];

/** Village name stems (乡/镇 add 村, 街道 uses the community stems). */
export const VILLAGE_STEMS: readonly string[] = [
  '王庄',
  '李庄',
  '张湾',
  '刘集',
  '后营',
  '前营',
  '东岗',
  '西岗',
  '南坡',
  '北坡',
  '杨树',
  '柳林',
  '河湾',
  '石桥',
  '高庙',
  '大店',
  '马村',
  '冯庄',
  '赵寨',
  '孙楼',
  '周河',
  '吴湾',
  '陈岗',
  '郭庄',
];

/** Community name stems for 街道. */
export const COMMUNITY_STEMS: readonly string[] = [
  '新华',
  '建设',
  '人民',
  '和平',
  '胜利',
  '光明',
  '幸福',
  '文化',
  '解放',
  '朝阳',
  '花园',
  '站前',
];

/** Openings of a short next-steps paragraph; the sectors are appended by the generator. */
export const NEXT_STEP_OPENINGS: readonly string[] = [
  '继续深入开展安全隐患排查治理，重点抓好{sectors}等领域安全监管',
  '持续加大教育力度，强化{sectors}等重点行业领域检查',
  '严格落实隐患整改闭环管理，突出{sectors}等领域，做到不留死角',
  '针对重点时段，继续突出{sectors}等重点行业领域，从严从细开展大检查',
];

/** Remarks clerks occasionally add. */
export const REMARKS: readonly string[] = [
  '数据统计截至本月25日',
  '因防汛值守报送延迟',
  '安监站人员调整，报表由党政办代报',
  '已整改数含现场整改',
  '本月数据经乡分管领导审核',
];
