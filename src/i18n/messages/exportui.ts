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
    zh: '{file}：工作簿中没有含数据的工作表（各工作表均为空、隐藏或说明）。',
    en: '{file}: no sheet of the workbook holds data (every sheet is empty, hidden or instructions).',
  },
  // Workbook sheets and formula cells (src/ingest/ingest-workbook.ts); {file} names the sheet too.
  'exportui.workbook.formula_other_sheet': {
    zh: '{file} 单元格 {cellRef}：公式 {formula} 引用了其他工作表，文件中没有保存它的计算结果，不做推测，该值按“未填”处理。请在 Excel 中打开、保存后重新导入，或直接填写数值。',
    en: '{file} cell {cellRef}: formula {formula} refers to another sheet and the file holds no saved result; it is not guessed and the value is treated as not reported. Open and save the file in Excel and import it again, or type the value.',
  },
  'exportui.workbook.formula_not_row_arithmetic': {
    zh: '{file} 单元格 {cellRef}：公式 {formula} 没有保存计算结果，且不是本行单元格的简单四则运算，无法计算，该值按“未填”处理。请在 Excel 中打开、保存后重新导入，或直接填写数值。',
    en: '{file} cell {cellRef}: formula {formula} has no saved result and is not simple arithmetic on its own row, so it was not computed; the value is treated as not reported. Open and save the file in Excel and import it again, or type the value.',
  },
  'exportui.workbook.formula_operand_not_number': {
    zh: '{file} 单元格 {cellRef}：公式 {formula} 没有保存计算结果，它引用的单元格有空白或非数字，不把空白当作 0，该值按“未填”处理。',
    en: '{file} cell {cellRef}: formula {formula} has no saved result and reads a blank or non-numeric cell; blank is not taken as 0, so the value is treated as not reported.',
  },
  'exportui.workbook.formula_math_error': {
    zh: '{file} 单元格 {cellRef}：公式 {formula} 没有保存计算结果，计算出错（如除以 0），该值按“未填”处理。',
    en: '{file} cell {cellRef}: formula {formula} has no saved result and cannot be computed (e.g. division by zero); the value is treated as not reported.',
  },
  'exportui.workbook.formulas_computed': {
    zh: '{file}：{count} 个公式单元格没有保存计算结果，已按本行数值计算（如 {cellRef} {formula}）。',
    en: '{file}: {count} formula cells had no saved result and were computed from their row (e.g. {cellRef} {formula}).',
  },
  'exportui.workbook.hidden_sheet_table': {
    zh: '{file}：隐藏的工作表“{sheet}”中有可识别的报表，未导入。如需导入，请在 Excel 中取消隐藏后重新导入。',
    en: '{file}: the hidden sheet "{sheet}" holds a report table that was not imported. Unhide it in Excel and import again if it is needed.',
  },
  'exportui.workbook.report.sheets': { zh: '工作表（{n}）', en: 'Sheets ({n})' },
  'exportui.workbook.report.sheet': { zh: '工作表', en: 'Sheet' },
  'exportui.workbook.report.role': { zh: '处理', en: 'Handling' },
  'exportui.workbook.report.formulas': {
    zh: '公式（缓存值/计算/未解决）',
    en: 'Formulas (cached/computed/unresolved)',
  },
  'exportui.workbook.report.location': { zh: '位置', en: 'Location' },
  'exportui.workbook.role.data': { zh: '已读取', en: 'read' },
  'exportui.workbook.role.rejected': { zh: '无法读取', en: 'not readable' },
  'exportui.workbook.reason.empty': { zh: '忽略：空工作表', en: 'ignored: empty sheet' },
  'exportui.workbook.reason.hidden': { zh: '忽略：隐藏的工作表', en: 'ignored: hidden sheet' },
  'exportui.workbook.reason.notes_name': {
    zh: '忽略：说明类工作表（按名称）',
    en: 'ignored: instructions sheet (by name)',
  },
  'exportui.workbook.reason.notes_content': {
    zh: '忽略：只有文字说明，没有表格',
    en: 'ignored: text only, no table',
  },
  'exportui.workbook.reason.header_only': {
    zh: '忽略：只有表头，没有数据行',
    en: 'ignored: header without data rows',
  },
  'exportui.workbook.state.hidden': { zh: '（隐藏）', en: '(hidden)' },
  'exportui.workbook.ignore.sheet_ignored': { zh: '不是数据的工作表', en: 'sheet that is not data' },
} as const satisfies Messages;
