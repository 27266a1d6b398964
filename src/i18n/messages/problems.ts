import type { Messages } from './types';

/** problems messages (recurring 存在的问题: charts, tables, summaries). Keys are prefixed 'problems.'. */
export const problemsMessages = {
  'problems.notReported': { zh: '未报', en: 'Not reported' },
  'problems.col.township': { zh: '乡镇（街道）', en: 'Township' },
  'problems.col.category': { zh: '问题类别', en: 'Category' },
  'problems.col.period': { zh: '月份', en: 'Month' },
  'problems.col.months': { zh: '出现月数', en: 'Months reported' },
  'problems.col.townships': { zh: '提及乡镇数', en: 'Townships reporting' },
  'problems.col.streak': { zh: '连续月数', en: 'Consecutive months' },
  'problems.col.streakMonths': { zh: '连续月份', en: 'Months in streak' },
  'problems.col.gap': { zh: '其间有未报月份', en: 'Includes unreported months' },
  'problems.col.statement': { zh: '最近表述', en: 'Latest statement' },
  'problems.col.keywords': { zh: '匹配关键词', en: 'Matched keywords' },
  'problems.yes': { zh: '是', en: 'Yes' },
  'problems.no': { zh: '否', en: 'No' },
  'problems.heatmap.title': {
    zh: '各乡镇问题类别出现月数',
    en: 'Months each problem category was reported, by township',
  },
  'problems.heatmap.summary': {
    zh: '{from}至{to}，{township}的“{category}”出现月数最多，共{n}个月。',
    en: 'From {from} to {to}, {township} reported “{category}” most often: {n} months.',
  },
  'problems.trend.title': {
    zh: '问题类别趋势（提及乡镇数）',
    en: 'Problem categories over time (townships reporting)',
  },
  'problems.trend.summary': {
    zh: '{to}提及“{category}”的乡镇最多，共{n}个。',
    en: 'In {to}, “{category}” was reported by the most townships: {n}.',
  },
  'problems.timeline.title': { zh: '{township}问题时间线', en: 'Problem timeline: {township}' },
  'problems.timeline.summary': {
    zh: '截至{to}，{township}的“{category}”已连续出现{n}个月。',
    en: 'As of {to}, {township} has reported “{category}” for {n} consecutive months.',
  },
  'problems.timeline.summaryNone': {
    zh: '截至{to}，{township}没有连续出现的问题类别。',
    en: 'As of {to}, {township} has no problem category in a current streak.',
  },
  'problems.chronic.title': {
    zh: '连续{min}个月及以上出现的问题',
    en: 'Problems reported {min}+ months in a row',
  },
  'problems.chronic.summary': {
    zh: '共有{n}项问题连续出现{min}个月及以上，最长的是{township}的“{category}”，连续{streak}个月。',
    en: '{n} problems were reported {min}+ months in a row; the longest is “{category}” in {township}, {streak} months.',
  },
  'problems.empty': {
    zh: '所选时段内没有问题记录。',
    en: 'No problems were reported in the selected period.',
  },
  'problems.chronic.empty': {
    zh: '没有连续出现{min}个月及以上的问题。',
    en: 'No problem was reported {min}+ months in a row.',
  },
  'problems.trend.up': { zh: '上升', en: 'Rising' },
  'problems.trend.down': { zh: '下降', en: 'Falling' },
  'problems.trend.flat': { zh: '持平', en: 'Flat' },
  'problems.trend.new': { zh: '新出现', en: 'New' },
  'problems.trend.unknown': { zh: '无前期数据', en: 'No earlier data' },
  'problems.copied': { zh: '与上月表述相同', en: 'Same wording as last report' },
  'problems.classifiedBy.rule': { zh: '规则分类', en: 'By rule' },
  'problems.classifiedBy.manual': { zh: '人工调整', en: 'Manual' },
  'problems.classifiedBy.file': { zh: '文件指定', en: 'From file' },
} as const satisfies Messages;
