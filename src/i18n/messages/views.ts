import type { Messages } from './types';

/** views messages: the dashboard views (总览/隐患/培训/对比/报送), filters and detail. Keys 'views.'. */
export const viewsMessages = {
  // Navigation
  'views.nav.overview': { zh: '总览', en: 'Overview' },
  'views.nav.hazards': { zh: '隐患', en: 'Hazards' },
  'views.nav.training': { zh: '培训', en: 'Training' },
  'views.nav.compare': { zh: '对比', en: 'Compare' },
  'views.nav.submissions': { zh: '报送', en: 'Submissions' },

  // Empty states
  'views.empty.noData': {
    zh: '还没有数据。请在「数据」页导入乡镇月报文件。',
    en: 'No data yet. Import township report files on the Data page.',
  },
  'views.empty.noTownships': {
    zh: '筛选条件下没有乡镇（街道）。',
    en: 'No township matches the filters.',
  },
  'views.empty.clearFilters': { zh: '清除筛选', en: 'Clear filters' },
  'views.empty.goImport': { zh: '前往导入', en: 'Go to import' },

  // Filter bar
  'views.filters.label': { zh: '全局筛选', en: 'Global filters' },
  'views.filters.from': { zh: '起始月份', en: 'From month' },
  'views.filters.to': { zh: '截止月份', en: 'To month' },
  'views.filters.sector': { zh: '行业领域', en: 'Sector' },
  'views.filters.allSectors': { zh: '全部行业领域', en: 'All sectors' },
  'views.filters.townships': { zh: '乡镇（街道）', en: 'Townships' },
  'views.filters.allTownships': { zh: '全部乡镇（街道）', en: 'All townships' },
  'views.filters.someTownships': { zh: '已选 {n} / {total} 个', en: '{n} of {total} selected' },
  'views.filters.oneTownship': { zh: '{township}', en: '{township}' },
  'views.filters.selectAll': { zh: '全选', en: 'Select all' },
  'views.filters.selectType': { zh: '全部{type}', en: 'All {type}' },
  'views.filters.clear': { zh: '清除', en: 'Clear' },
  'views.filters.done': { zh: '完成', en: 'Done' },
  'views.filters.type.xiang': { zh: '乡', en: 'xiang' },
  'views.filters.type.zhen': { zh: '镇', en: 'zhen' },
  'views.filters.type.jiedao': { zh: '街道', en: 'subdistricts' },
  'views.filters.type.diqu': { zh: '地区', en: 'areas' },
  'views.filters.type.park': { zh: '园区', en: 'parks' },
  'views.filters.type.other': { zh: '其他', en: 'others' },
  'views.filters.chip': { zh: '乡镇：{names}', en: 'Townships: {names}' },
  'views.filters.chipMore': { zh: '{names} 等 {n} 个', en: '{names} and {n} more' },
  'views.filters.clearChip': { zh: '清除乡镇筛选', en: 'Clear the township filter' },
  'views.filters.sectorChip': { zh: '行业：{sector}', en: 'Sector: {sector}' },
  'views.filters.clearSector': { zh: '清除行业筛选', en: 'Clear the sector filter' },
  'views.filters.reset': { zh: '重置全部筛选', en: 'Reset all filters' },

  // Overview
  'views.overview.kpisTitle': { zh: '{month} 主要指标', en: 'Key figures, {month}' },
  'views.overview.kpi.reports': { zh: '已报送 / 应报送', en: 'Reports received / expected' },
  'views.overview.reportsUnit': { zh: '/ {expected} 个', en: '/ {expected}' },
  'views.overview.coverage': {
    zh: '本月有 {n} 个乡镇（街道）未报送，合计数只含已报送的乡镇。',
    en: '{n} townships have not reported this month; totals cover the reporting townships only.',
  },
  'views.overview.coverageAll': {
    zh: '本月 {n} 个乡镇（街道）均已报送。',
    en: 'All {n} townships have reported this month.',
  },
  'views.overview.likeForLike': {
    zh: '环比、同比只比较两个月均有数据的乡镇（街道），未报送月份不按 0 计。',
    en: 'Month-on-month and year-on-year changes compare only townships with data in both months; a missing month never counts as 0.',
  },
  'views.overview.attentionTitle': { zh: '{month} 需关注乡镇', en: 'Townships needing attention, {month}' },
  'views.overview.attentionNone': {
    zh: '本月没有需关注的乡镇（街道）。',
    en: 'No township needs attention this month.',
  },
  'views.overview.attentionFilter': { zh: '只看 {township}', en: 'Show {township} only' },
  'views.overview.kind.no_report': { zh: '未报送', en: 'No report' },
  'views.overview.kind.low_rectification': { zh: '整改率低', en: 'Low rectification' },
  'views.overview.kind.sharp_change': { zh: '变化大', en: 'Sharp change' },
  'views.overview.kind.no_training': { zh: '未培训', en: 'No training' },
  'views.overview.kind.extra': { zh: '其他', en: 'Other' },

  // Pickers
  'views.picker.metric': { zh: '指标', en: 'Metric' },
  'views.picker.x': { zh: '横轴指标', en: 'X-axis metric' },
  'views.picker.y': { zh: '纵轴指标', en: 'Y-axis metric' },
  'views.picker.order': { zh: '排序', en: 'Order' },
  'views.picker.order.desc': { zh: '从高到低', en: 'Highest first' },
  'views.picker.order.asc': { zh: '从低到高', en: 'Lowest first' },
  'views.picker.order.official': { zh: '按行政区划顺序', en: 'Official order' },
  'views.picker.normalise': { zh: '按每百家检查单位折算', en: 'Per 100 units inspected' },
  'views.picker.months': { zh: '连续未培训月数', en: 'Months without training' },
  'views.picker.monthsN': { zh: '{n} 个月', en: '{n} months' },
  'views.picker.dueDay': { zh: '报送截止日（每月）', en: 'Due day (of the month)' },
  'views.picker.dueDayN': { zh: '{n} 日', en: 'day {n}' },
  'views.picker.trainingMetric': { zh: '矩阵指标', en: 'Matrix metric' },

  // Hazards
  'views.hazards.heatmapHint': {
    zh: '点击乡镇名称可只看该乡镇；点击格子查看该月报告详情。',
    en: 'Click a township name to filter to it; click a cell to open that month’s report.',
  },

  // Training
  'views.training.noTrainingTitle': {
    zh: '连续 {n} 个月及以上未开展培训的乡镇',
    en: 'Townships with no training for {n} months or more',
  },
  'views.training.noTrainingSummary': {
    zh: '截至 {month}，{count} 个乡镇（街道）连续 {n} 个月及以上报送的培训场次为 0。',
    en: 'As of {month}, {count} townships reported 0 trainings for {n} months or more in a row.',
  },
  'views.training.noTrainingNone': {
    zh: '截至 {month}，没有乡镇（街道）连续 {n} 个月报送培训场次为 0。',
    en: 'As of {month}, no township reported 0 trainings for {n} months in a row.',
  },
  'views.training.unknownNote': {
    zh: '另有 {count} 个乡镇（街道）{n} 个月内没有培训记录，但有月份未报送或未填，无法确认：{names}。',
    en: '{count} more townships have no training on record in {n} months, but some months are missing or blank, so this cannot be confirmed: {names}.',
  },
  'views.training.col.township': { zh: '乡镇（街道）', en: 'Township' },
  'views.training.col.lastTraining': { zh: '最近一次培训', en: 'Last training' },
  'views.training.col.zeroStreak': { zh: '连续报 0 月数', en: 'Months reported as 0' },
  'views.training.col.unknown': { zh: '未报送/未填月数', en: 'Months missing/blank' },
  'views.training.never': { zh: '数据中无培训记录', en: 'None in the data' },

  // Submissions
  'views.submissions.missingTitle': { zh: '各乡镇缺报次数', en: 'Missing reports per township' },
  'views.submissions.missingSummary': {
    zh: '{range}共缺报 {total} 次，涉及 {townships} 个乡镇（街道）。',
    en: '{range}: {total} missing reports across {townships} townships.',
  },
  'views.submissions.col.township': { zh: '乡镇（街道）', en: 'Township' },
  'views.submissions.col.missing': { zh: '缺报次数', en: 'Missing reports' },
  'views.submissions.col.months': { zh: '缺报月份', en: 'Missing months' },
  'views.submissions.hint': {
    zh: '报送日期晚于每月截止日为迟报；全部为 0 或与上月完全相同为存疑。点击格子查看该月报告。',
    en: 'A report dated after the due day is late; all zeros or identical to the previous month is suspicious. Click a cell to open the report.',
  },

  // Detail panel
  'views.detail.title': { zh: '{township} {month} 月报详情', en: '{township}, {month}: report detail' },
  'views.detail.close': { zh: '关闭详情', en: 'Close the detail' },
  'views.detail.filterTo': { zh: '只看该乡镇', en: 'Filter to this township' },
  'views.detail.noReport': {
    zh: '该乡镇本月未报送（没有任何记录）。',
    en: 'This township did not report this month (no record).',
  },
  'views.detail.fields': { zh: '报表数据', en: 'Reported figures' },
  'views.detail.scope.month': { zh: '当月数', en: 'Monthly figures' },
  'views.detail.scope.ytd': { zh: '累计数（年初至今）', en: 'Year-to-date figures' },
  'views.detail.col.field': { zh: '项目', en: 'Item' },
  'views.detail.col.value': { zh: '数值', en: 'Value' },
  'views.detail.col.unit': { zh: '单位', en: 'Unit' },
  'views.detail.approx': { zh: '（约数）', en: ' (approximate)' },
  'views.detail.problems': { zh: '存在的问题', en: 'Problems reported' },
  'views.detail.noProblems': { zh: '未填写存在的问题。', en: 'No problems were written.' },
  'views.detail.text': { zh: '文字内容', en: 'Text' },
  'views.detail.sources': { zh: '数据来源', en: 'Source' },
  'views.detail.sourceLine': { zh: '{file} 第 {line} 行', en: '{file}, line {line}' },
  'views.detail.sourceNoLine': { zh: '{file}', en: '{file}' },
  'views.detail.issues': { zh: '导入时发现的问题', en: 'Issues found at import' },
  'views.detail.noIssues': {
    zh: '导入时该行没有发现问题。',
    en: 'No issue was raised for this line at import.',
  },
  'views.detail.severity.error': { zh: '错误', en: 'Error' },
  'views.detail.severity.warning': { zh: '警告', en: 'Warning' },
  'views.detail.hazards': { zh: '隐患台账（{n} 条）', en: 'Hazard ledger ({n} items)' },
  'views.detail.figures': { zh: '隐患数据及来源', en: 'Hazard figures and their source' },
  'views.detail.figuresHint': {
    zh: '图表采用的数：有月报用月报，月报未填或未报送时用隐患台账条数。',
    en: 'The figure the charts use: the report where it gives one, otherwise the hazard ledger count.',
  },
  'views.detail.col.used': { zh: '图表采用', en: 'Used in charts' },
  'views.detail.col.source': { zh: '来源', en: 'Source' },
  'views.detail.col.report': { zh: '月报', en: 'Report' },
  'views.detail.col.ledger': { zh: '台账', en: 'Ledger' },
  'views.detail.source.report': { zh: '月报', en: 'Monthly report' },
  'views.detail.source.ytd': { zh: '累计数推算', en: 'Derived from year-to-date' },
  'views.detail.source.ledger': { zh: '隐患台账', en: 'Hazard ledger' },
  'views.detail.noLedger': { zh: '无台账', en: 'No ledger' },
  'views.detail.ledgerChecks': { zh: '台账与月报核对', en: 'Ledger vs report' },
  'views.detail.sectors': { zh: '重点行业领域', en: 'Focus sectors' },
  'views.detail.reportDate': { zh: '报送日期：{date}', en: 'Report date: {date}' },
  'views.detail.hazardsMore': { zh: '另有 {n} 条未列出。', en: '{n} more not listed.' },
  'views.detail.col.date': { zh: '发现日期', en: 'Found' },
  'views.detail.col.sector': { zh: '行业领域', en: 'Sector' },
  'views.detail.col.level': { zh: '等级', en: 'Level' },
  'views.detail.col.status': { zh: '状态', en: 'Status' },
  'views.detail.col.description': { zh: '隐患描述', en: 'Description' },
  'views.detail.level.general': { zh: '一般', en: 'General' },
  'views.detail.level.major': { zh: '重大', en: 'Major' },
  'views.detail.status.rectified': { zh: '已整改', en: 'Rectified' },
  'views.detail.status.closed': { zh: '已销号', en: 'Closed' },
  'views.detail.status.in_progress': { zh: '整改中', en: 'In progress' },
  'views.detail.status.transferred': { zh: '已移交', en: 'Transferred' },
} as const satisfies Messages;
