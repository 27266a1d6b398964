import type { Messages } from './types';

/**
 * report messages: reading a township's monthly report (Word/text) into a township-month record
 * (src/ingest/report/). Keys are prefixed 'report.'. Params are plain text; `{label}` is the field's
 * Chinese name as reports write it (排查隐患), quoted in both languages like a column header.
 */
export const reportMessages = {
  'report.township_missing': {
    zh: '{file}：报告标题和落款中都没有找到乡镇（街道）名称，请在标题中写明乡镇名称后再导入。',
    en: '{file}: no township name was found in the title or the signature. Put the township name in the title and import again.',
  },
  'report.township_unknown': {
    zh: '{file} 第 {line} 行：“{value}”不在本区乡镇（街道）名单中，请核对名称（名单中最接近的：{suggestion}）。',
    en: '{file} line {line}: "{value}" is not in the district\'s township list; check the name (closest in the list: {suggestion}).',
  },
  'report.township_mismatch': {
    zh: '{file}：标题中的乡镇为“{title}”，落款为“{signature}”，按标题采用“{title}”，请核对。',
    en: '{file}: the title names "{title}" but the signature names "{signature}"; the title was used ("{title}"). Please check.',
  },
  'report.period_missing': {
    zh: '{file}：没有找到报告所属月份（标题、月份行或正文“现将X月份……”中均未写明），请在标题中写明年月。',
    en: '{file}: the month the report is about was not found (not in the title, a period line or the body). Put the year and month in the title.',
  },
  'report.period_from_body': {
    zh: '{file} 第 {line} 行：标题未写月份，按正文“{value}”和落款日期确定为 {period}。',
    en: '{file} line {line}: the title has no month; {period} was taken from the body ("{value}") and the signature date.',
  },
  'report.date_missing': {
    zh: '{file}：落款下没有找到成文日期，报送日期留空。',
    en: '{file}: no date was found under the signature; the report date is left empty.',
  },
  'report.problems_missing': {
    zh: '{file}：没有找到“存在的问题”部分，问题留空。',
    en: '{file}: no "存在的问题" (problems) section was found; problems are left empty.',
  },
  'report.count_conflict': {
    zh: '{file} 第 {line} 行：“{label}”有两个不同的数：“{first}”（第 {firstLine} 行）与“{second}”（第 {secondLine} 行），未采用任何一个，请核对后手工填写。',
    en: '{file} line {line}: "{label}" is stated with two different values: "{first}" (line {firstLine}) and "{second}" (line {secondLine}). Neither was used; check and enter it by hand.',
  },
  'report.count_total_chosen': {
    zh: '{file} 第 {line} 行：“{label}”采用本月合计“{first}”，另有分项“{second}”（第 {secondLine} 行）未计入。',
    en: '{file} line {line}: "{label}" uses the month total "{first}"; the single item "{second}" (line {secondLine}) was not counted.',
  },
} as const satisfies Messages;
