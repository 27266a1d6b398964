import type { Messages } from './types';

/** Export UI messages (chart/table export menus, export-all ZIP, bulletin view, xlsx import). Keys are prefixed 'exportui.'. */
export const exportuiMessages = {
  // Chart export menu.
  'exportui.menu.button': { zh: '导出', en: 'Export' },
  'exportui.menu.label': { zh: '导出“{title}”', en: 'Export "{title}"' },
  'exportui.menu.png2': { zh: '图片 PNG（2倍，用于文档）', en: 'PNG image (2×, for documents)' },
  'exportui.menu.png4': { zh: '图片 PNG（4倍，用于打印）', en: 'PNG image (4×, for print)' },
  'exportui.menu.svg': { zh: '矢量图 SVG', en: 'SVG vector image' },
  'exportui.menu.csv': { zh: '数据 CSV', en: 'Data as CSV' },
  'exportui.menu.xlsx': { zh: '数据 Excel（xlsx）', en: 'Data as Excel (xlsx)' },
  'exportui.menu.working': { zh: '正在导出…', en: 'Exporting…' },
  'exportui.menu.failed': { zh: '导出失败：{reason}', en: 'Export failed: {reason}' },

  // Export all charts of a view.
  'exportui.all.button': { zh: '导出本页全部图表（ZIP）', en: 'Export all charts of this view (ZIP)' },
  'exportui.all.working': { zh: '正在打包 {done}/{total}…', en: 'Packing {done}/{total}…' },
  'exportui.all.none': { zh: '本页没有可导出的图表', en: 'No charts to export in this view' },
  'exportui.all.fileTitle': { zh: '{view}全部图表', en: '{view} all charts' },

  // Image text drawn inside exported charts.
  'exportui.source': {
    zh: '各乡镇（街道）安全生产工作月报告',
    en: 'Township work-safety monthly reports',
  },
  'exportui.filter.allTownships': { zh: '全部乡镇', en: 'All townships' },
  'exportui.filter.townships': { zh: '{names}', en: '{names}' },
  'exportui.filter.moreTownships': { zh: '{names}等{n}个乡镇', en: '{names} and {n} more' },

  // Data table export.
  'exportui.table.csv': { zh: '导出 CSV（模板格式）', en: 'Export CSV (template format)' },
  'exportui.table.xlsx': { zh: '导出 Excel（模板格式）', en: 'Export Excel (template format)' },
  'exportui.table.fileTitle': { zh: '乡镇月报数据', en: 'township monthly data' },
  'exportui.table.sheetName': { zh: '月报数据', en: 'Monthly data' },
  'exportui.table.group': { zh: '导出筛选后的数据', en: 'Export the filtered rows' },

  // Bulletin view.
  'exportui.nav.bulletin': { zh: '通报', en: 'Bulletin' },
  'exportui.bulletin.month': { zh: '通报月份', en: 'Bulletin month' },
  'exportui.bulletin.district': { zh: '区县名称', en: 'District' },
  'exportui.bulletin.office': { zh: '发文单位', en: 'Issuing office' },
  'exportui.bulletin.cutoff': { zh: '数据截至', en: 'Data cut-off date' },
  'exportui.bulletin.settings': { zh: '通报设置', en: 'Bulletin settings' },
  'exportui.bulletin.defaultOffice': {
    zh: '{district}安全生产委员会办公室',
    en: '{district} Work Safety Committee Office',
  },
  'exportui.bulletin.empty': {
    zh: '还没有数据：请先在“数据”页导入各乡镇月报。',
    en: 'No data yet: import the township reports on the Data tab first.',
  },
  'exportui.bulletin.rankingChart': {
    zh: '各乡镇隐患整改率排名',
    en: 'Townships ranked by rectification rate',
  },

  // Workbook import.
  'exportui.ingest.xlsxUnreadable': {
    zh: '{file}：无法读取该 Excel 工作簿（{reason}）。请确认是 .xlsx 文件，或在 Excel 中“另存为 → CSV UTF-8（逗号分隔）”后再导入。',
    en: '{file}: this Excel workbook cannot be read ({reason}). Check that it is an .xlsx file, or use "Save As → CSV UTF-8 (Comma delimited)" in Excel and import that file.',
  },
  'exportui.ingest.xlsxEmpty': {
    zh: '{file}：工作簿的第一个工作表是空的。请把数据放在第一个工作表中。',
    en: '{file}: the first sheet of the workbook is empty. Put the data on the first sheet.',
  },
} as const satisfies Messages;
