import type { Messages } from './types';

/**
 * cells messages: one cell value could not be read (src/ingest/cells, src/ingest/township-match.ts).
 * Keys are prefixed 'cells.'. `{value}` is the raw cell as typed (shortened); the pipeline adds
 * file, line and column around these texts, so they only say what was found and what is expected.
 */
export const cellsMessages = {
  // Shared by all grammars
  'cells.too_long': {
    zh: '内容过长（{length} 个字符），此处最多 {max} 个字符',
    en: 'The value is too long ({length} characters); at most {max} are allowed here',
  },
  'cells.control_chars': {
    zh: '"{value}" 包含不可见的控制字符（可能是从网页或其他软件复制带入的），请删除后重新输入',
    en: '"{value}" contains invisible control characters (often pasted from a web page or another program); please retype it',
  },

  // Counts
  'cells.count.invalid': {
    zh: '"{value}" 不是有效的数量，请填写非负整数（如 12），未报请留空，没有请填 0',
    en: '"{value}" is not a valid count; write a whole number such as 12, leave it blank if not reported, or 0 if there were none',
  },
  'cells.count.fraction': {
    zh: '"{value}" 不是整数，数量只能是整数（如 6）',
    en: '"{value}" is not a whole number; counts must be whole numbers such as 6',
  },
  'cells.count.dot_separator': {
    zh: '"{value}" 中的小数点像是千位分隔符，数量应为整数：如果是一千多请写成 {suggestion}，千位可用逗号分隔',
    en: '"{value}" uses a dot like a thousands separator, but counts are whole numbers: write {suggestion} (commas may separate thousands)',
  },
  'cells.count.wrong_unit': {
    zh: '"{value}" 的单位"{unit}"与本列不符，本列单位应为：{expected}',
    en: '"{value}" has the unit "{unit}", which does not fit this column; expected: {expected}',
  },
  'cells.number.too_large': {
    zh: '"{value}" 数值过大，无法准确保存，请检查是否多输入了数字',
    en: '"{value}" is too large to store exactly; check for extra digits',
  },

  // Shared number errors
  'cells.number.negative': {
    zh: '"{value}" 是负数，此处不能为负数',
    en: '"{value}" is negative; this value cannot be negative',
  },
  'cells.number.scientific': {
    zh: '"{value}" 是科学计数法或十六进制写法，请填写普通数字（如 1000），可将单元格格式设为"数值"后重新导出',
    en: '"{value}" is in scientific or hexadecimal notation; write a plain number such as 1000 (set the cell format to Number and export again)',
  },
  'cells.number.not_finite': {
    zh: '"{value}" 不是一个数字，请填写具体数值，未报请留空',
    en: '"{value}" is not a number; write the value, or leave the cell blank if not reported',
  },

  // Money
  'cells.money.invalid': {
    zh: '"{value}" 不是有效的金额，请填写如 1.2（万元）或 25000元 的数字，未报请留空',
    en: '"{value}" is not a valid amount; write a number such as 1.2 (in 10k yuan) or 25000元, or leave it blank if not reported',
  },
  'cells.money.wrong_unit': {
    zh: '"{value}" 的单位"{unit}"不是金额单位，请使用 元 或 万元',
    en: '"{value}" has the unit "{unit}", which is not a money unit; use 元 (yuan) or 万元 (10k yuan)',
  },

  // Rates
  'cells.rate.invalid': {
    zh: '"{value}" 不是有效的比率，请填写如 85% 或 0.85，不适用请填 /',
    en: '"{value}" is not a valid rate; write e.g. 85% or 0.85, or / if not applicable',
  },

  // Months
  'cells.month.invalid': {
    zh: '"{value}" 不是有效的月份，请写成 2022-04 或 2022年4月',
    en: '"{value}" is not a valid month; write it as 2022-04 or 2022年4月',
  },
  'cells.month.ambiguous_dot': {
    zh: '"{value}" 无法确定是 {year} 年 1 月还是 10 月（Excel 会把 {year}.10 变成 {year}.1），请写成 {year}-01 或 {year}-10',
    en: '"{value}" could be January or October {year} (Excel turns {year}.10 into {year}.1); write {year}-01 or {year}-10',
  },
  'cells.month.no_year': {
    zh: '"{value}" 缺少年份，请写成完整的年月，如 2022年4月',
    en: '"{value}" has no year; write the full month, e.g. 2022年4月 or 2022-04',
  },
  'cells.month.year_only': {
    zh: '"{value}" 只有年份没有月份，请写成如 {value}-04 或 {value}年4月',
    en: '"{value}" is a year without a month; write e.g. {value}-04 or {value}年4月',
  },
  'cells.month.not_monthly': {
    zh: '"{value}" 是季度、半年或全年数据，本系统只接收月度数据，请按月填写（如 2022年4月）',
    en: '"{value}" is a quarter, half-year or full-year period; only monthly data is accepted (e.g. 2022-04)',
  },
  'cells.month.multi_month': {
    zh: '"{value}" 包含多个月，只接收单月（如 2022年4月）或从 1 月起的累计（如 2022年1-4月）',
    en: '"{value}" spans several months; only a single month (2022-04) or a year-to-date range from January (2022年1-4月) is accepted',
  },
  'cells.month.impossible': {
    zh: '"{value}" 中的月份 {month} 不存在，月份应为 1 到 12',
    en: '"{value}" has month {month}, which does not exist; months run from 1 to 12',
  },
  'cells.month.impossible_date': {
    zh: '"{value}" 不是真实存在的日期，请检查月份和日',
    en: '"{value}" is not a real calendar date; check the month and day',
  },
  'cells.month.too_early': {
    zh: '"{value}" 早于 2000 年 1 月，请检查年份是否写错',
    en: '"{value}" is before January 2000; check the year',
  },
  'cells.month.future': {
    zh: '"{value}" 是将来的月份（今天是 {today}），请检查年份和月份',
    en: '"{value}" is in the future (today is {today}); check the year and month',
  },
  'cells.excel_serial_1900': {
    zh: '"{value}" 像是 Excel 日期序号，但 1900 年 3 月以前的序号在 Excel 中不可靠，请直接写日期（如 2022-04-27）',
    en: '"{value}" looks like an Excel date serial, but serials before March 1900 are unreliable in Excel; write the date itself (e.g. 2022-04-27)',
  },

  // Dates
  'cells.date.invalid': {
    zh: '"{value}" 不是有效的日期，请写成 2022-04-27 或 2022年4月27日',
    en: '"{value}" is not a valid date; write it as 2022-04-27 or 2022年4月27日',
  },
  'cells.date.impossible': {
    zh: '"{value}" 不是真实存在的日期（如 2月没有30日），请检查月份和日',
    en: '"{value}" is not a real calendar date (e.g. there is no 30 February); check the month and day',
  },
  'cells.date.no_year': {
    zh: '"{value}" 缺少年份，请写成完整日期，如 2022-04-27',
    en: '"{value}" has no year; write the full date, e.g. 2022-04-27',
  },
  'cells.date.too_early': {
    zh: '"{value}" 早于 2000 年，请检查年份是否写错',
    en: '"{value}" is before the year 2000; check the year',
  },
  'cells.date.future': {
    zh: '"{value}" 是将来的日期（今天是 {today}），请检查',
    en: '"{value}" is in the future (today is {today}); please check it',
  },

  // Enumerations
  'cells.sector.unknown': {
    zh: '"{token}" 不是已知的行业领域，请填写如 消防、燃气、危险化学品、建筑施工、道路交通 或 其他',
    en: '"{token}" is not a known sector; use e.g. 消防 (fire), 燃气 (gas), 危险化学品 (hazchem), construction, road_traffic or other',
  },
  'cells.sector.multiple': {
    zh: '"{value}" 包含多个行业领域，此处只能填一个',
    en: '"{value}" names several sectors; only one is allowed here',
  },
  'cells.level.unknown': {
    zh: '"{value}" 不是有效的隐患等级，请填写 一般 或 重大',
    en: '"{value}" is not a valid hazard level; use 一般 (general) or 重大 (major)',
  },
  'cells.status.unknown': {
    zh: '"{value}" 不是有效的整改状态，请填写 已整改、已销号、整改中 或 已移交',
    en: '"{value}" is not a valid status; use 已整改 (rectified), 已销号 (closed), 整改中 (in progress) or 已移交 (transferred)',
  },
  'cells.scope.unknown': {
    zh: '"{value}" 不是有效的统计口径，请填写 本月 或 累计（如 1-4月）',
    en: '"{value}" is not a valid scope; use 本月 (this month) or 累计 (year to date, e.g. 1-4月)',
  },
  'cells.category.unknown': {
    zh: '"{value}" 不是已知的问题类别，请填写类别编号（如 P01）或类别名称',
    en: '"{value}" is not a known problem category; use a code such as P01 or the category name',
  },

  // Free text
  'cells.text.too_long': {
    zh: '文字过长（{length} 个字符），此处最多 {max} 个字符，请精简',
    en: 'The text is too long ({length} characters); at most {max} are allowed here',
  },

  // Township names
  'cells.township.empty': {
    zh: '乡镇（街道）名称为空，请填写',
    en: 'The township name is empty; please fill it in',
  },
  'cells.township.markup': {
    zh: '乡镇名称 "{value}" 含有不允许的符号 {char}，请只填写名称本身',
    en: 'The township name "{value}" contains the character {char}, which is not allowed; write the name only',
  },
  'cells.township.lost_chars': {
    zh: '乡镇名称 "{value}" 中有问号或乱码，疑似保存时丢失了汉字（如另存为 ANSI），请用 "CSV UTF-8" 格式重新保存',
    en: 'The township name "{value}" contains "?" or a replacement character; characters were probably lost when saving (e.g. as ANSI); save again as "CSV UTF-8"',
  },
  'cells.township.too_long': {
    zh: '乡镇名称 "{value}" 过长（{length} 个字），最多 {max} 个字',
    en: 'The township name "{value}" is too long ({length} characters; at most {max})',
  },
  'cells.township.not_a_name': {
    zh: '"{value}" 不像乡镇名称（只有数字或符号），请填写乡镇（街道）名称',
    en: '"{value}" does not look like a township name (only digits or symbols); write the township name',
  },
  'cells.township.unknown': {
    zh: '"{value}" 不在本区乡镇（街道）名单中',
    en: '"{value}" is not in the district\'s township list',
  },
  'cells.township.unknown_suggest': {
    zh: '"{value}" 不在本区乡镇（街道）名单中，是否为"{suggestion}"？',
    en: '"{value}" is not in the district\'s township list; did you mean "{suggestion}"?',
  },
} as const satisfies Messages;
