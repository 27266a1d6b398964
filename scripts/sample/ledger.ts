/**
 * A generated hazard ledger (隐患排查治理台账) at city scale for the ingest benchmark and the
 * ingest equivalence test: the columns townships keep in Excel (序号, 乡镇, 村（社区）, 单位名称,
 * 隐患描述, 行业领域, 隐患等级, 发现日期, 整改期限, 是否整改, 整改日期, 责任单位, 整改责任人), a
 * title row above the header, and, every so often, one of the bad or odd cells real ledgers have
 * (impossible and future dates, full-width digits, Excel serials and `="…"` idioms, unknown sector
 * words and levels, blank required cells, control characters, short and long rows, a repeated
 * header, a totals row, blank lines, quoted cells with commas and line breaks, a footer note), so
 * every check of the hazard path runs. Deterministic (a fixed LCG). Only characters GB18030's
 * two-byte range covers, so the text also encodes with scripts/sample/gb18030.ts.
 */

/** A deterministic pseudo-random source in [0, 1). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const TOWNSHIP_STEMS = [
  '城关',
  '东城',
  '西城',
  '南湖',
  '北山',
  '青石',
  '白沙',
  '龙泉',
  '凤凰',
  '桃源',
  '柳河',
  '清水',
  '金山',
  '银杏',
  '石门',
  '平安',
  '新华',
  '长乐',
  '永宁',
  '太平',
  '红旗',
  '黄土',
  '双河',
  '三岔',
  '大坪',
  '高桥',
  '马鞍',
  '云台',
  '古城',
  '梅林',
];
const SUFFIXES = ['镇', '乡', '街道'];
const VILLAGES = [
  '东街社区',
  '西街社区',
  '南关村',
  '北坡村',
  '河口村',
  '新村',
  '中心社区',
  '老街村',
  '坪上村',
  '沙坝村',
];
const UNITS = [
  '农贸市场',
  '大酒店',
  '加油站',
  '建筑工地',
  '五金加工厂',
  '超市',
  '自建房（出租）',
  '幼儿园',
  'KTV',
  '砖厂',
  '烟花爆竹零售点',
  '液化气站',
  '养老院',
  '物流仓库',
  '水库',
  '小学',
  '网吧',
  '家具厂',
];
const WHAT = [
  '消防通道堆放杂物',
  '灭火器过期未检',
  '安全出口上锁',
  '厨房燃气软管老化未更换',
  '配电箱未接地',
  '电线私拉乱接',
  '脚手架连墙件缺失',
  '塔吊司机无证上岗',
  '应急照明损坏',
  '疏散指示标志缺失',
  '卸油区静电接地报警器故障',
  '游步道护栏松动',
  '经营性自建房违规加层',
  '危化品混存',
  '未设置警示标识',
  '特种设备未定期检验',
  '电动车室内充电',
  '消防栓无水',
  '防雷设施未检测',
  '员工未开展安全培训',
];
const WHERE = ['', '，位于一楼东侧', '，仓库内', '（二次检查发现）', '，已责令停用', '，现场督促整改'];
// Sector words as clerks write them, including aliases the registry maps (旅游, 危化, 自建房 …).
const SECTORS = [
  '消防',
  '燃气',
  '旅游',
  '工贸',
  '自建房',
  '危化',
  '建筑施工',
  '交通',
  '文旅',
  '烟花爆竹',
  '特种设备',
  '城镇燃气',
];
const LEVELS = ['一般', '一般', '一般', '一般', '一般', '一般', '一般', '一般', '一般', '重大'];
const STATUSES = ['是', '是', '是', '已整改', '已销号', '否', '整改中', ''];
const RESPONSIBLE = ['应急办', '安监站', '消防专干', '住建站', '派出所', '综合执法队'];
const PEOPLE = ['张立新', '王海', '李强', '赵明', '刘芳', '陈军', '周伟', '孙丽', '吴刚', '郑洁'];

export const LEDGER_HEADER = [
  '序号',
  '乡镇',
  '村（社区）',
  '单位名称',
  '隐患描述',
  '行业领域',
  '隐患等级',
  '发现日期',
  '整改期限',
  '是否整改',
  '整改日期',
  '责任单位',
  '整改责任人',
];
/** The ledger's "today": after every generated date, so only the planted future dates are future. */
export const LEDGER_TODAY = '2026-11-30';

const DAY_MS = 86_400_000;
const isoOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
const START_DAY = Date.UTC(2024, 0, 1) / DAY_MS;
const SPAN_DAYS = 1030; // up to late October 2026

/** CSV quoting for one cell (RFC 4180): quotes only when needed. */
const quote = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** The odd cells and rows planted in a ledger, one kind per planted row, cycling. */
const PLANTS = [
  'bad_date',
  'rectified_before_found',
  'unknown_sector',
  'blank_township',
  'blank_description',
  'open_with_date',
  'rectified_no_date',
  'fullwidth_date',
  'excel_serial',
  'slash_date',
  'cn_date',
  'dot_date',
  'unknown_level',
  'unknown_status',
  'control_char',
  'too_few',
  'too_many',
  'repeated_header',
  'blank_row',
  'quoted_multiline',
  'excel_idiom',
  'dash_rectified',
  'future_found',
  'ideographic_space',
  'spaced_township',
  'impossible_date',
  'too_long',
  'totals',
  'fullwidth_level',
  'dash_description',
] as const;

/**
 * `rows` ledger lines after the title and header (data rows plus, every `plantEvery`-th line,
 * one planted odd row), for `townships` townships, as CSV text with LF line ends and a final
 * newline, ending in a footer note. Deterministic for a given seed.
 */
export function ledgerCsv(
  rows: number,
  opts: { seed?: number; townships?: number; plantEvery?: number } = {},
): string {
  const r = lcg(opts.seed ?? 2024);
  const nT = opts.townships ?? 120;
  const every = opts.plantEvery ?? 53;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const townships = Array.from({ length: nT }, (_, i) => {
    const stem = TOWNSHIP_STEMS[i % TOWNSHIP_STEMS.length]!;
    const round = Math.floor(i / TOWNSHIP_STEMS.length);
    return `${stem}${round === 0 ? '' : '一二三四五六七八九十'[(round - 1) % 10]}${SUFFIXES[i % 3]}`;
  });
  const lines: string[] = [
    `云川市生产安全事故隐患排查治理台账（2024—2026年）${','.repeat(LEDGER_HEADER.length - 1)}`,
    LEDGER_HEADER.join(','),
  ];
  let planted = 0;
  for (let i = 1; i <= rows; i++) {
    const township = pick(townships);
    const foundDay = START_DAY + Math.floor(r() * SPAN_DAYS);
    const found = isoOf(foundDay);
    const deadline = isoOf(foundDay + 3 + Math.floor(r() * 40));
    let status = pick(STATUSES);
    const done =
      status === '是' || status === '已整改' || status === '已销号' || (status === '' && r() < 0.6);
    let rectified = done ? isoOf(foundDay + Math.floor(r() * 30)) : '';
    const cells = [
      String(i),
      township,
      pick(VILLAGES),
      `${township.slice(0, 2)}${pick(UNITS)}`,
      `${pick(WHAT)}${pick(WHERE)}`,
      pick(SECTORS),
      pick(LEVELS),
      found,
      deadline,
      status,
      rectified,
      pick(RESPONSIBLE),
      pick(PEOPLE),
    ];
    if (i % every !== 0) {
      lines.push(cells.map(quote).join(','));
      continue;
    }
    const plant = PLANTS[planted++ % PLANTS.length]!;
    switch (plant) {
      case 'bad_date':
        cells[7] = '2024-13-45';
        break;
      case 'rectified_before_found':
        cells[9] = '是';
        cells[10] = isoOf(foundDay - 5);
        break;
      case 'unknown_sector':
        cells[5] = '养殖业';
        break;
      case 'blank_township':
        cells[1] = '';
        break;
      case 'blank_description':
        cells[4] = '';
        break;
      case 'open_with_date':
        status = '整改中';
        cells[9] = status;
        cells[10] = isoOf(foundDay + 2);
        break;
      case 'rectified_no_date':
        cells[9] = '已整改';
        rectified = '';
        cells[10] = rectified;
        break;
      case 'fullwidth_date':
        cells[7] = found.replace(/[0-9-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
        break;
      case 'excel_serial':
        cells[7] = String(foundDay + 25569);
        break;
      case 'slash_date':
        cells[7] = found.replace(/-0?/g, '/');
        break;
      case 'cn_date': {
        const [y, m, d] = found.split('-');
        cells[7] = `${y}年${Number(m)}月${Number(d)}日`;
        break;
      }
      case 'dot_date':
        cells[8] = deadline.replace(/-/g, '.');
        break;
      case 'unknown_level':
        cells[6] = '特大';
        break;
      case 'unknown_status':
        cells[9] = '待定';
        break;
      case 'control_char':
        cells[4] = `${cells[4]}\u0007`;
        break;
      case 'too_few':
        cells.length = 9;
        break;
      case 'too_many':
        cells.push('多余内容');
        break;
      case 'repeated_header':
        lines.push(LEDGER_HEADER.join(','));
        break;
      case 'blank_row':
        lines.push(','.repeat(LEDGER_HEADER.length - 1));
        break;
      case 'quoted_multiline':
        cells[4] = `${cells[4]}，"临时"整改\n待复查`;
        break;
      case 'excel_idiom':
        cells[8] = `="${deadline}"`;
        break;
      case 'dash_rectified':
        cells[10] = '—';
        break;
      case 'future_found':
        cells[7] = '2027-01-05';
        break;
      case 'ideographic_space':
        cells[1] = `\u3000${township}`;
        break;
      case 'spaced_township':
        cells[1] = ` ${township} `;
        break;
      case 'impossible_date':
        cells[7] = `${found.slice(0, 4)}-02-30`;
        break;
      case 'too_long':
        cells[4] = '隐'.repeat(10_001);
        break;
      case 'totals':
        cells.fill('');
        cells[1] = '合计';
        break;
      case 'fullwidth_level':
        cells[6] = '重大　';
        break;
      case 'dash_description':
        cells[4] = '/';
        break;
    }
    lines.push(cells.map(quote).join(','));
  }
  lines.push(`填表人：张立新${','.repeat(LEDGER_HEADER.length - 1)}`);
  return `${lines.join('\n')}\n`;
}
