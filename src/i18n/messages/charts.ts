import type { Messages } from './types';

/**
 * charts messages (analysis + chart builders). Keys are prefixed 'charts.'. Parameters are plain
 * text; sentences are rendered as text, never as HTML.
 */
export const chartsMessages = {
  // Metric labels (numeric fields follow the field registry's wording).
  'charts.metric.units_inspected': { zh: '检查单位', en: 'Units inspected' },
  'charts.metric.inspector_person_times': { zh: '出动检查人员', en: 'Inspector person-times' },
  'charts.metric.hazards_found': { zh: '排查隐患', en: 'Hazards found' },
  'charts.metric.hazards_rectified': { zh: '已整改隐患', en: 'Hazards rectified' },
  'charts.metric.hazards_major_found': { zh: '重大隐患', en: 'Major hazards found' },
  'charts.metric.hazards_major_rectified': { zh: '重大隐患已整改', en: 'Major hazards rectified' },
  'charts.metric.rectification_notices': { zh: '下达整改通知书', en: 'Rectification notices' },
  'charts.metric.penalty_cases': { zh: '行政处罚', en: 'Penalty cases' },
  'charts.metric.meetings_held': { zh: '召开会议', en: 'Meetings held' },
  'charts.metric.trainings_held': { zh: '培训场次', en: 'Trainings held' },
  'charts.metric.training_person_times': { zh: '培训人次', en: 'Training person-times' },
  'charts.metric.warning_edu_sessions': { zh: '警示教育', en: 'Warning-education sessions' },
  'charts.metric.publicity_events': { zh: '宣传活动', en: 'Publicity events' },
  'charts.metric.leaflets_distributed': { zh: '发放宣传资料', en: 'Leaflets distributed' },
  'charts.metric.drills_held': { zh: '应急演练', en: 'Drills held' },
  'charts.metric.accidents': { zh: '事故起数', en: 'Accidents' },
  'charts.metric.deaths': { zh: '死亡人数', en: 'Deaths' },
  'charts.metric.injuries': { zh: '受伤人数', en: 'Injuries' },
  'charts.metric.rectification_funds_10k_yuan': { zh: '整改资金', en: 'Rectification funds' },
  'charts.metric.fines_10k_yuan': { zh: '罚款', en: 'Fines' },
  'charts.metric.direct_loss_10k_yuan': { zh: '直接经济损失', en: 'Direct economic loss' },
  'charts.metric.rectification_rate': { zh: '隐患整改率', en: 'Rectification rate' },
  'charts.metric.major_open': { zh: '重大隐患未整改（累计）', en: 'Open major hazards (backlog)' },
  'charts.metric.hazards_per_100_units': { zh: '每百家次隐患数', en: 'Hazards per 100 units inspected' },
  'charts.metric.attendance_per_training': { zh: '场均培训人次', en: 'Person-times per training' },
  'charts.metric.reports': { zh: '报送乡镇数', en: 'Reports received' },

  // Units.
  'charts.unit.unit_visits': { zh: '家次', en: 'unit-visits' },
  'charts.unit.person_times': { zh: '人次', en: 'person-times' },
  'charts.unit.hazards': { zh: '处', en: 'items' },
  'charts.unit.copies': { zh: '份', en: 'copies' },
  'charts.unit.cases': { zh: '起', en: 'cases' },
  'charts.unit.times': { zh: '次', en: 'times' },
  'charts.unit.sessions': { zh: '场次', en: 'sessions' },
  'charts.unit.persons': { zh: '人', en: 'persons' },
  'charts.unit.money': { zh: '万元', en: '10k CNY' },
  'charts.unit.percent': { zh: '%', en: '%' },
  'charts.unit.per_100_units': { zh: '处/百家次', en: 'per 100 unit-visits' },
  'charts.unit.per_session': { zh: '人次/场', en: 'per session' },
  'charts.unit.townships': { zh: '个', en: 'townships' },
  'charts.unit.township_months': { zh: '乡镇·月', en: 'township-months' },

  // Attention reasons.
  'charts.attention.no_report': {
    zh: '{township}本月未报送（已连续{months}个月）',
    en: '{township} has not reported this month ({months} month(s) in a row)',
  },
  'charts.attention.low_rectification': {
    zh: '{township}隐患整改率{rate}（{rectified}/{found}处），低于全区要求',
    en: '{township}: rectification rate {rate} ({rectified} of {found}), below the district norm',
  },
  'charts.attention.rise': {
    zh: '{township}{metric}由{previous}增至{current}，环比增长{pct}',
    en: '{township}: {metric} rose from {previous} to {current} (+{pct} MoM)',
  },
  'charts.attention.fall': {
    zh: '{township}{metric}由{previous}降至{current}，环比下降{pct}',
    en: '{township}: {metric} fell from {previous} to {current} (−{pct} MoM)',
  },
  'charts.attention.no_training': {
    zh: '{township}已连续{months}个月未开展培训',
    en: '{township} has held no training for {months} months in a row',
  },

  // Chart furniture.
  'charts.empty': { zh: '暂无数据', en: 'No data' },
  'charts.not_reported': { zh: '未报送', en: 'Not reported' },
  'charts.no_value': { zh: '无法计算', en: 'Not computable' },
  'charts.district_average': { zh: '全区平均', en: 'District average' },
  'charts.district': { zh: '全区', en: 'District' },
  'charts.range': { zh: '{from}至{to}', en: '{from} to {to}' },
  'charts.col.township': { zh: '乡镇（街道）', en: 'Township' },
  'charts.col.period': { zh: '月份', en: 'Month' },
  'charts.col.rank': { zh: '排名', en: 'Rank' },
  'charts.col.sector': { zh: '行业领域', en: 'Sector' },
  'charts.col.status': { zh: '报送状态', en: 'Status' },
  'charts.col.reporting': { zh: '报送乡镇数', en: 'Townships reporting' },
  'charts.col.missing': { zh: '缺报次数', en: 'Missing reports' },
  'charts.with_unit': { zh: '{label}（{unit}）', en: '{label} ({unit})' },
  'charts.per_100_units': { zh: '{label}（每百家次）', en: '{label} (per 100 unit-visits)' },
  'charts.focus_townships': { zh: '{sector}（重点乡镇数）', en: '{sector} (townships focusing)' },
  'charts.status.on_time': { zh: '按时报送', en: 'On time' },
  'charts.status.late': { zh: '逾期报送', en: 'Late' },
  'charts.status.undated': { zh: '报送日期不详', en: 'Date unknown' },
  'charts.status.missing': { zh: '未报送', en: 'Missing' },
  'charts.status.suspicious': { zh: '数据存疑', en: 'Suspicious' },

  // Titles.
  'charts.title.trend': { zh: '全区趋势', en: 'District trend' },
  'charts.title.found_rectified': { zh: '隐患排查与整改', en: 'Hazards found and rectified' },
  'charts.title.heatmap': { zh: '{metric}：乡镇×月份', en: '{metric} by township and month' },
  'charts.title.sector_stack': { zh: '分行业领域隐患', en: 'Hazards by sector' },
  'charts.title.major_backlog': { zh: '重大隐患未整改存量', en: 'Open major hazards' },
  'charts.title.activities': {
    zh: '培训、警示教育、宣传与演练',
    en: 'Training, warning education, publicity and drills',
  },
  'charts.title.ranking': { zh: '{metric}排名', en: '{metric} ranking' },
  'charts.title.small_multiples': { zh: '各乡镇{metric}', en: '{metric} by township' },
  'charts.title.scatter': { zh: '{x}与{y}', en: '{x} vs {y}' },
  'charts.title.submissions': { zh: '报送情况', en: 'Report submissions' },

  // Summary sentence parts (joined by the builder; a part that cannot be computed is left out).
  'charts.sum.value': { zh: '{period}{scope}{metric}{value}', en: '{period}: {scope} {metric} {value}' },
  'charts.sum.mom_up': { zh: '环比增长{pct}', en: 'up {pct} on the previous month' },
  'charts.sum.mom_down': { zh: '环比下降{pct}', en: 'down {pct} on the previous month' },
  'charts.sum.mom_flat': { zh: '环比持平', en: 'flat on the previous month' },
  'charts.sum.yoy_up': { zh: '同比增长{pct}', en: 'up {pct} year on year' },
  'charts.sum.yoy_down': { zh: '同比下降{pct}', en: 'down {pct} year on year' },
  'charts.sum.yoy_flat': { zh: '同比持平', en: 'flat year on year' },
  'charts.sum.change_new': { zh: '{which}上期为0', en: '{which}: previous value was 0' },
  'charts.sum.mom': { zh: '环比', en: 'MoM' },
  'charts.sum.yoy': { zh: '同比', en: 'YoY' },
  'charts.sum.like_for_like': {
    zh: '（按{n}个两期均报送的乡镇比较）',
    en: '(compared over the {n} townships reporting in both months)',
  },
  'charts.sum.coverage': { zh: '本月有{n}个乡镇未报送', en: '{n} township(s) did not report this month' },
  'charts.sum.district': { zh: '全区', en: 'district' },
  'charts.sum.rate': { zh: '整改率{rate}', en: 'rectification rate {rate}' },
  'charts.sum.top': { zh: '最高为{township}（{value}）', en: 'highest: {township} ({value})' },
  'charts.sum.bottom': { zh: '最低为{township}（{value}）', en: 'lowest: {township} ({value})' },
  'charts.sum.average': { zh: '全区平均{value}', en: 'district average {value}' },
  'charts.sum.missing_cells': { zh: '{n}个乡镇·月未报送', en: '{n} township-months not reported' },
  'charts.sum.sector_top': {
    zh: '{range}隐患最多的行业领域为{sector}（{value}）',
    en: '{range}: most hazards in {sector} ({value})',
  },
  'charts.sum.sector_focus': {
    zh: '{range}乡镇重点关注最多的行业领域为{sector}（{value}个乡镇·月）',
    en: '{range}: most frequent focus sector {sector} ({value} township-months)',
  },
  'charts.sum.backlog': {
    zh: '截至{period}全区重大隐患未整改{value}处',
    en: 'As of {period}, {value} major hazards remain open',
  },
  'charts.sum.activities': {
    zh: '{range}全区开展培训{trainings}场次、警示教育{warning}场次、宣传活动{publicity}次、应急演练{drills}次',
    en: '{range}: {trainings} trainings, {warning} warning-education sessions, {publicity} publicity events and {drills} drills',
  },
  'charts.sum.scatter': {
    zh: '{range}共{n}个乡镇同时有{x}与{y}数据',
    en: '{range}: {n} townships have both {x} and {y}',
  },
  'charts.sum.submissions': {
    zh: '{range}应报{expected}份，按时{on_time}份，逾期{late}份，未报送{missing}份，存疑{suspicious}份',
    en: '{range}: {expected} reports expected, {on_time} on time, {late} late, {missing} missing, {suspicious} suspicious',
  },
  'charts.sum.empty': { zh: '所选范围内暂无数据', en: 'No data in the selected range' },
  'charts.window.top': { zh: '前 {n} 名', en: 'Top {n}' },
  'charts.window.bottom': { zh: '后 {n} 名', en: 'Bottom {n}' },
  'charts.window.all': { zh: '全部', en: 'All' },
  'charts.window.top_of': {
    zh: '图中为前 {n} 名，共 {total} 个乡镇',
    en: 'chart shows the top {n} of {total} townships',
  },
  'charts.window.bottom_of': {
    zh: '图中为后 {n} 名，共 {total} 个乡镇',
    en: 'chart shows the bottom {n} of {total} townships',
  },
  'charts.window.top_of_ties': {
    zh: '图中为前 {n} 名（含并列共 {shown} 个），共 {total} 个乡镇',
    en: 'chart shows the top {n} ({shown} with ties) of {total} townships',
  },
  'charts.window.bottom_of_ties': {
    zh: '图中为后 {n} 名（含并列共 {shown} 个），共 {total} 个乡镇',
    en: 'chart shows the bottom {n} ({shown} with ties) of {total} townships',
  },
  'charts.window.ties_out': {
    zh: '；与第 {rank} 名并列的另 {m} 个乡镇未画出，见数据表',
    en: '; {m} more townships tied at rank {rank} are in the data table only',
  },
  'charts.window.page_of': {
    zh: '图中为第 {page}/{pages} 页（第 {from}–{to} 个，共 {total} 个乡镇）',
    en: 'chart shows page {page} of {pages} (townships {from}–{to} of {total})',
  },
} as const satisfies Messages;
