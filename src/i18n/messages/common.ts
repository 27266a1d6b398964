import type { Messages } from './types';

/** common messages. Keys are prefixed 'common.'. */
export const commonMessages = {
  'common.appName': { zh: '乡镇安全生产月报看板', en: 'Township Work-Safety Monthly Reports' },
  'common.loading': { zh: '正在加载…', en: 'Loading…' },
  'common.notReported': { zh: '未填', en: 'Not reported' },
  'common.approx': { zh: '约数', en: 'Approximate' },
  'common.all': { zh: '全部', en: 'All' },
  'common.none': { zh: '无', en: 'None' },
  'common.cancel': { zh: '取消', en: 'Cancel' },
  'common.close': { zh: '关闭', en: 'Close' },
  'common.reset': { zh: '重置', en: 'Reset' },
  'common.download': { zh: '下载', en: 'Download' },
  'common.previous': { zh: '上一页', en: 'Previous' },
  'common.next': { zh: '下一页', en: 'Next' },
  'common.page': { zh: '第 {page} / {pages} 页', en: 'Page {page} of {pages}' },
  'common.rowsShown': { zh: '显示 {shown} / 共 {total} 条', en: 'Showing {shown} of {total} rows' },
  'common.from': { zh: '起始月份', en: 'From' },
  'common.to': { zh: '截止月份', en: 'To' },
  'common.language': { zh: '语言', en: 'Language' },
  'common.notComparable': { zh: '不可比', en: 'not comparable' },
  'common.errorTitle': { zh: '出错了', en: 'Something went wrong' },
  'common.errorRetry': { zh: '重试', en: 'Try again' },
  'common.emptyTitle': { zh: '暂无数据', en: 'No data' },
  'common.percentPoints': { zh: '{n}个百分点', en: '{n} pp' },
} as const satisfies Messages;
