import type { Messages } from './types';

/** export messages. Keys are prefixed 'export.'. */
export const exportMessages = {
  // Chart image footer (drawn inside exported PNG/SVG).
  'export.image.footer': {
    zh: '数据来源：{source}　制图日期：{date}',
    en: 'Source: {source}   Chart date: {date}',
  },
  'export.image.footerDateOnly': { zh: '制图日期：{date}', en: 'Chart date: {date}' },
  'export.image.footerSourceOnly': { zh: '数据来源：{source}', en: 'Source: {source}' },

  // Bulletin (通报): title block.
  'export.bulletin.title': {
    zh: '关于{district}{month}乡镇（街道）安全生产工作月报告情况的通报',
    en: '{district}: bulletin on township work-safety monthly reports, {month}',
  },
  'export.bulletin.cutoff': { zh: '数据截至{date}', en: 'Data as of {date}' },
  'export.bulletin.issuer': { zh: '{office}', en: '{office}' },

  // Punctuation of the running text: Chinese official prose vs plain English.
  'export.bulletin.listSep': { zh: '、', en: ', ' },
  'export.bulletin.clauseSep': { zh: '，', en: ', ' },
  'export.bulletin.partSep': { zh: '；', en: '; ' },
  'export.bulletin.end': { zh: '。', en: '.' },

  // Section headings (numbered by the builder: 一、二、… / 1. 2. …).
  'export.bulletin.section.submission': { zh: '报送情况', en: 'Submission of reports' },
  'export.bulletin.section.hazards': { zh: '隐患排查整改情况', en: 'Hazards found and rectified' },
  'export.bulletin.section.training': { zh: '安全教育培训情况', en: 'Safety training' },
  'export.bulletin.section.problems': { zh: '反复出现的问题', en: 'Recurring problems' },
  'export.bulletin.section.ranking': {
    zh: '各乡镇（街道）主要指标排名',
    en: 'Township ranking on key figures',
  },
  'export.bulletin.section.missingList': { zh: '缺报、迟报名单', en: 'Missing and late reports' },

  // Submission sentences.
  'export.bulletin.received': {
    zh: '本月共收到{received}个乡镇（街道）报告，缺报{missing}个（{names}）',
    en: '{received} township reports were received this month; {missing} missing ({names})',
  },
  'export.bulletin.receivedAll': {
    zh: '本月{received}个乡镇（街道）均已报送报告',
    en: 'All {received} townships submitted their reports this month',
  },
  'export.bulletin.noneReceived': {
    zh: '本月尚未收到乡镇（街道）报告，缺报{missing}个（{names}）',
    en: 'No township report has been received this month; {missing} missing ({names})',
  },
  'export.bulletin.late': {
    zh: '迟报{count}个（{items}）',
    en: '{count} late ({items})',
  },
  'export.bulletin.lateItem': { zh: '{township}，{date}报送', en: '{township}, submitted {date}' },
  'export.bulletin.lateItemSep': { zh: '；', en: '; ' },
  'export.bulletin.undated': {
    zh: '{count}个报告未注明报送日期（{names}）',
    en: '{count} reports carry no submission date ({names})',
  },
  'export.bulletin.dueDate': { zh: '报送截止日期为{date}', en: 'reports were due by {date}' },

  // Hazard sentences.
  'export.bulletin.hazardsFound': {
    zh: '全区共排查隐患{n}处',
    en: '{n} hazards were found across the district',
  },
  'export.bulletin.mom.up': { zh: '环比增长{pct}%', en: 'up {pct}% on the previous month' },
  'export.bulletin.mom.down': { zh: '环比下降{pct}%', en: 'down {pct}% on the previous month' },
  'export.bulletin.mom.flat': { zh: '环比持平', en: 'level with the previous month' },
  'export.bulletin.yoy.up': { zh: '同比增长{pct}%', en: 'up {pct}% on the same month last year' },
  'export.bulletin.yoy.down': { zh: '同比下降{pct}%', en: 'down {pct}% on the same month last year' },
  'export.bulletin.yoy.flat': { zh: '同比持平', en: 'level with the same month last year' },
  'export.bulletin.comparable': {
    zh: '（按两期均有数据的{n}个乡镇（街道）可比口径）',
    en: ' (like for like, over the {n} townships with figures in both months)',
  },
  'export.bulletin.rectified': {
    zh: '已整改{n}处，整改率{pct}%',
    en: '{n} were rectified, a rate of {pct}%',
  },
  'export.bulletin.rectifiedOnly': { zh: '已整改{n}处', en: '{n} were rectified' },
  'export.bulletin.hazardsNotReported': {
    zh: '另有{n}个已报送的乡镇（街道）未填报隐患数（{names}）',
    en: '{n} submitted reports give no hazard count ({names})',
  },
  'export.bulletin.rectifiedNotReported': {
    zh: '{n}个乡镇（街道）未填报已整改数（{names}），未计算全区整改率',
    en: '{n} townships gave no rectified count ({names}), so no district rate is given',
  },
  'export.bulletin.rateHighLow': {
    zh: '整改率最高的是{high}（{highPct}%），最低的是{low}（{lowPct}%）',
    en: 'The highest rectification rate was {high} ({highPct}%), the lowest {low} ({lowPct}%)',
  },
  'export.bulletin.rateAllEqual': {
    zh: '各乡镇（街道）整改率均为{pct}%',
    en: 'Every township rectified {pct}% of its hazards',
  },
  'export.bulletin.zeroFound': {
    zh: '{n}个乡镇（街道）本月未排查出隐患（{names}），不计整改率',
    en: '{n} townships found no hazards this month ({names}) and have no rectification rate',
  },

  // Training sentences.
  'export.bulletin.trainingSessions': {
    zh: '全区共开展安全培训{n}场次',
    en: '{n} training sessions were held',
  },
  'export.bulletin.trainingPeople': { zh: '培训{n}人次', en: 'with {n} attendances' },
  'export.bulletin.trainingPeopleOnly': {
    zh: '全区共培训{n}人次',
    en: '{n} training attendances were reported',
  },
  'export.bulletin.noTraining': {
    zh: '本月未开展培训的乡镇（街道）：{names}',
    en: 'No training was held this month in: {names}',
  },
  'export.bulletin.trainingNotReported': {
    zh: '未填报培训情况的乡镇（街道）：{names}',
    en: 'No training figure was reported by: {names}',
  },

  // Recurring problems.
  'export.bulletin.recurringIntro': {
    zh: '以下乡镇（街道）连续{min}个月以上反映同类问题：',
    en: 'These townships have reported the same kind of problem for {min} or more consecutive months: ',
  },
  'export.bulletin.recurringMore': {
    zh: '；另有{n}项问题连续出现{min}个月以上，详见看板“问题”页',
    en: '; {n} more problems have recurred for {min}+ months (see the Problems view)',
  },
  'export.bulletin.recurringUnconfirmed': {
    zh: '另有{n}条问题表述待确认，未计入上述统计。',
    en: '{n} more problem statements await confirmation and are not counted above.',
  },
  'export.bulletin.recurringOnlyUnconfirmed': {
    zh: '没有已确认的连续{min}个月及以上出现的问题；另有{n}条问题表述待确认，未计入统计。',
    en: 'No confirmed problem has recurred for {min}+ months; {n} problem statements await confirmation and are not counted.',
  },
  'export.bulletin.recurringItem': {
    zh: '{township}（{category}，连续{months}个月）',
    en: '{township} ({category}, {months} months in a row)',
  },

  // Ranking table.
  'export.bulletin.rankingNote': {
    zh: '按本月隐患整改率从高到低排列（按未经四舍五入的整改率比较），整改率相同的并列、按行政区划顺序排列；未排查出隐患、未填报或缺报的乡镇（街道）不参与排名，列于表末。',
    en: 'Ranked by this month’s rectification rate, highest first (compared before rounding); equal rates share a rank and keep the official order. Townships that found no hazards, gave no figure or did not report are not ranked and are listed last.',
  },
  'export.bulletin.col.rank': { zh: '排名', en: 'Rank' },
  'export.bulletin.col.township': { zh: '乡镇（街道）', en: 'Township' },
  'export.bulletin.col.status': { zh: '报送情况', en: 'Report' },
  'export.bulletin.col.found': { zh: '排查隐患（处）', en: 'Hazards found' },
  'export.bulletin.col.rectified': { zh: '已整改（处）', en: 'Rectified' },
  'export.bulletin.col.rate': { zh: '整改率（%）', en: 'Rectification rate (%)' },
  'export.bulletin.col.mom': { zh: '隐患数环比（%）', en: 'Hazards vs previous month (%)' },
  'export.bulletin.col.trainings': { zh: '培训（场次）', en: 'Trainings' },
  'export.bulletin.col.trainees': { zh: '培训（人次）', en: 'Training attendances' },
  'export.bulletin.status.on_time': { zh: '按时报送', en: 'On time' },
  'export.bulletin.status.late': { zh: '迟报', en: 'Late' },
  'export.bulletin.status.undated': { zh: '已报送（未注明日期）', en: 'Submitted (undated)' },
  'export.bulletin.status.missing': { zh: '缺报', en: 'Missing' },
  'export.bulletin.none': { zh: '无', en: 'None' },

  // Bulletin page and Word file.
  'export.bulletin.print': { zh: '打印/另存为PDF', en: 'Print / save as PDF' },
  'export.bulletin.downloadWord': { zh: '下载Word', en: 'Download Word' },
  'export.bulletin.preparing': { zh: '正在生成Word文件…', en: 'Preparing the Word file…' },
  'export.bulletin.wordFailed': {
    zh: 'Word文件生成失败：{reason}。请重试，或先使用“打印/另存为PDF”。',
    en: 'Could not create the Word file: {reason}. Try again, or use “Print / save as PDF” instead.',
  },
  'export.bulletin.fileTitle': { zh: '安全生产工作月报告情况通报', en: 'work-safety bulletin' },
  'export.bulletin.chartsHeading': { zh: '附图', en: 'Charts' },
  'export.bulletin.pageLabel': { zh: '月度通报', en: 'Monthly bulletin' },
} as const satisfies Messages;
