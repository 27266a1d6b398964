import type { Messages } from './types';

/**
 * ingest messages. Keys are prefixed 'ingest.'. Each says where ({file}, {line}, {column}), what
 * was found ({value}), what was expected and how to fix it. Params are plain text.
 */
export const ingestMessages = {
  // File format and encoding
  'ingest.format_xlsx': {
    zh: '{file}：这是 Excel 工作簿（xlsx/zip），不是 CSV。请在 Excel 中“另存为 → CSV UTF-8（逗号分隔）”后再导入。',
    en: '{file}: this is an Excel workbook (xlsx/zip), not CSV. In Excel use "Save As → CSV UTF-8 (Comma delimited)" and import that file.',
  },
  'ingest.format_xls': {
    zh: '{file}：这是旧版 Excel 工作簿（xls），不是 CSV。请另存为“CSV UTF-8（逗号分隔）”后再导入。',
    en: '{file}: this is an old Excel workbook (xls), not CSV. Save it as "CSV UTF-8 (Comma delimited)" and import that file.',
  },
  'ingest.format_pdf': {
    zh: '{file}：这是 PDF 文件，无法读取表格数据。请导入 CSV 或 JSON 文件。',
    en: '{file}: this is a PDF; table data cannot be read from it. Import a CSV or JSON file.',
  },
  'ingest.format_html': {
    zh: '{file}：文件内容是网页（HTML），不是 CSV/JSON（可能是另存为网页的“xls”，或需要登录的页面）。请用 Excel 打开后另存为 CSV UTF-8。开头内容：{value}',
    en: '{file}: the content is a web page (HTML), not CSV/JSON (an "xls" saved as a web page, or a login page). Open it in Excel and save as CSV UTF-8. Start of content: {value}',
  },
  'ingest.file_too_large': {
    zh: '{file}：文件大小 {size} 字节，超过上限 {max} 字节。请按月或按乡镇拆分后分别导入。',
    en: '{file}: the file is {size} bytes, above the limit of {max} bytes. Split it by month or township and import the parts.',
  },
  'ingest.empty_file': {
    zh: '{file}：文件为空（没有任何内容）。请检查是否选错了文件或导出失败。',
    en: '{file}: the file is empty. Check that you picked the right file and that the export succeeded.',
  },
  'ingest.truncated_char': {
    zh: '{file}：文件末尾不完整（{encoding} 编码的最后一个字符只有一半），可能未完整上传或复制。请重新导出或重新上传完整文件。',
    en: '{file}: the file ends in the middle of a {encoding} character, so it was probably cut short. Export or upload the complete file again.',
  },
  'ingest.mixed_encoding': {
    zh: '{file}：文件包含多种编码，约第 {switchLine} 行起编码改变（可能由两个文件拼接而成）。请分别另存为 CSV UTF-8 后分别导入。',
    en: '{file}: the file mixes text encodings; the encoding changes around line {switchLine} (two files joined?). Save each part as CSV UTF-8 and import them separately.',
  },
  'ingest.invalid_bytes_for_bom': {
    zh: '{file}：文件开头标明为 {encoding} 编码，但第 {offset} 字节处的内容不是有效的 {encoding}。请在 Excel 中重新另存为 CSV UTF-8。',
    en: '{file}: the file starts with a {encoding} byte-order mark, but the bytes at offset {offset} are not valid {encoding}. Re-save it from Excel as CSV UTF-8.',
  },
  'ingest.binary_content': {
    zh: '{file}：文件包含空字节（第 {offset} 字节），不是文本表格（可能是无 BOM 的 UTF-16 或二进制文件）。请另存为 CSV UTF-8。',
    en: '{file}: the file contains NUL bytes (offset {offset}); it is not a text table (UTF-16 without a BOM, or binary). Save it as CSV UTF-8.',
  },
  'ingest.unknown_encoding': {
    zh: '{file}：无法确定文件编码（既不是 UTF-8，也不是有效的 GB18030/GBK）。请在 Excel 中另存为“CSV UTF-8（逗号分隔）”。',
    en: '{file}: cannot determine the text encoding (neither UTF-8 nor valid GB18030/GBK). Save the file from Excel as "CSV UTF-8 (Comma delimited)".',
  },
  // CSV structure
  'ingest.fullwidth_comma': {
    zh: '{file}：各列之间用的是中文全角逗号“，”，不是英文逗号“,”。请在 Excel 中另存为 CSV，或把分隔用的“，”替换为半角“,”后再导入。',
    en: '{file}: columns are separated by the full-width comma "，" instead of ",". Save the file from Excel as CSV, or replace the separating "，" with "," and import again.',
  },
  'ingest.unterminated_quote': {
    zh: '{file} 第 {line} 行：引号未闭合（"…" 缺少结尾的引号），其后的所有内容无法可靠读取，整个文件未导入。请在该行补全或删除多余的引号。',
    en: '{file} line {line}: a quote is not closed, so nothing after it can be read reliably and the whole file was not imported. Close or remove the stray quote on that line.',
  },
  'ingest.no_header': {
    zh: '{file}：前 {rows} 行中没有找到表头（至少需要“乡镇”和“月份”列；隐患台账需“乡镇”和“发现日期/隐患描述”；问题清单需“乡镇”“月份”“问题”）。请检查表头或下载模板。',
    en: '{file}: no header row found in the first {rows} rows (a report needs Township and Month columns; a hazard ledger Township and Date found/Description; a problem list Township, Month and Problem). Check the headers or download the template.',
  },
  'ingest.crosstab_layout': {
    zh: '{file} 第 {line} 行：表格把月份排成了列（{months} 个月份列），本系统需要“每行一个乡镇一个月”的格式。请转换为“乡镇、月份、指标…”的列后再导入。',
    en: '{file} line {line}: months are laid out as columns ({months} month columns); one row per township and month is required. Reshape to Township, Month, metric… columns and import again.',
  },
  'ingest.too_many_columns': {
    zh: '{file} 第 {line} 行：列数 {count} 超过上限（{max}）。请删除多余的列后再导入。',
    en: '{file} line {line}: {count} columns exceed the limit of {max}. Remove unneeded columns and import again.',
  },
  'ingest.forbidden_header': {
    zh: '{file} 第 {line} 行第 {index} 列：非法字段名“{column}”。请改为正常的列名。',
    en: '{file} line {line}, column {index}: "{column}" is not an allowed column name. Rename the column.',
  },
  'ingest.duplicate_header': {
    zh: '{file} 第 {line} 行：列名重复：“{column}”（第 {first}、{second} 列）。请删除或重命名其中一列。',
    en: '{file} line {line}: duplicate column name "{column}" (columns {first} and {second}). Delete or rename one of them.',
  },
  'ingest.ambiguous_header': {
    zh: '{file} 第 {line} 行：列名“{column}”（第 {index} 列）可对应多个字段（{fields}），无法确定。请改用模板中的列名，或在列名后注明单位（如“培训（场次）”）。',
    en: '{file} line {line}: column "{column}" (column {index}) could mean several fields ({fields}). Use the template header, or add the unit (e.g. 培训（场次）).',
  },
  'ingest.duplicate_field': {
    zh: '{file} 第 {line} 行：“{other}”（第 {first} 列）和“{column}”（第 {second} 列）都对应字段 {field}。请删除或重命名其中一列。',
    en: '{file} line {line}: "{other}" (column {first}) and "{column}" (column {second}) both map to field {field}. Delete or rename one of them.',
  },
  'ingest.no_data_rows': {
    zh: '{file}：没有数据行（只有表头、标题或空行）。请检查是否导出了正确的工作表。',
    en: '{file}: there are no data rows (only headers, titles or blank lines). Check that the right sheet was exported.',
  },
  'ingest.unknown_columns': {
    zh: '{file} 第 {line} 行：以下列未识别，其内容未导入：{columns}。如需导入，请改用模板中的列名。',
    en: '{file} line {line}: these columns were not recognised and were not imported: {columns}. Rename them to template headers to import them.',
  },
  'ingest.trailing_empty_columns': {
    zh: '{file}：末尾有 {count} 个无列名且全空的列（Excel 选区过大），已忽略。',
    en: '{file}: {count} trailing columns without a name and without data (an oversized Excel range) were ignored.',
  },
  'ingest.repeated_header_note': {
    zh: '{file} 第 {line} 行：表头重复出现（可能由多个文件拼接），已忽略该行。',
    en: '{file} line {line}: the header row appears again (files joined together?); the line was ignored.',
  },
  // Rows
  'ingest.row_too_few_fields': {
    zh: '{file} 第 {line} 行：缺少列：{missing}（应有 {expected} 列，实际 {actual} 列）。请补全该行，不要删除空单元格。',
    en: '{file} line {line}: missing columns: {missing} ({expected} expected, {actual} found). Complete the row; keep empty cells instead of deleting them.',
  },
  'ingest.row_too_many_fields': {
    zh: '{file} 第 {line} 行：多出 {extra} 列（内容：{value}），应为 {expected} 列。可能是某个单元格里有未加引号的逗号。',
    en: '{file} line {line}: {extra} extra columns (content: {value}); {expected} expected. A cell probably contains an unquoted comma.',
  },
  'ingest.field_too_long': {
    zh: '{file} 第 {line} 行“{column}”列：内容长度 {length} 超过上限 {max} 个字符（可能是引号错位）。',
    en: '{file} line {line}, column "{column}": {length} characters exceed the limit of {max} (a misplaced quote?).',
  },
  'ingest.control_chars': {
    zh: '{file} 第 {line} 行“{column}”列：包含不可见控制字符。请删除该单元格中的特殊字符后重新输入。',
    en: '{file} line {line}, column "{column}": contains invisible control characters. Retype the cell without them.',
  },
  'ingest.missing_required': {
    zh: '{file} 第 {line} 行：缺少必填项“{label}”。请填写后再导入。',
    en: '{file} line {line}: the required value "{label}" is missing. Fill it in and import again.',
  },
  'ingest.township_unknown': {
    zh: '{file} 第 {line} 行“{column}”列：乡镇“{value}”不在本区乡镇名单中。是否为：{suggestion}？请改正名称或在设置中添加别名。',
    en: '{file} line {line}, column "{column}": township "{value}" is not in the district list. Did you mean {suggestion}? Correct the name or add an alias in settings.',
  },
  'ingest.township_unknown_no_suggestion': {
    zh: '{file} 第 {line} 行“{column}”列：乡镇“{value}”不在本区乡镇名单中。请改正名称或在设置中添加别名。',
    en: '{file} line {line}, column "{column}": township "{value}" is not in the district list. Correct the name or add an alias in settings.',
  },
  'ingest.future_period': {
    zh: '{file} 第 {line} 行“{column}”列：月份 {period} 晚于当前月份 {today}。请检查年份或月份是否填错。',
    en: '{file} line {line}, column "{column}": month {period} is after the current month {today}. Check the year and month.',
  },
  'ingest.unsupported_value_type': {
    zh: '{file} 第 {line} 行“{column}”字段：值的类型为 {type}，应为文本或数字。',
    en: '{file} line {line}, field "{column}": the value is of type {type}; text or a number is expected.',
  },
  'ingest.json_bad_number': {
    zh: '{file} 第 {line} 行“{column}”字段：数字 {value} 超出可精确表示的范围。请改为合理的数值或文本。',
    en: '{file} line {line}, field "{column}": the number {value} is out of the exactly representable range. Use a sensible value or text.',
  },
  // Validation rules (docs/domain.md#validation-rules)
  'ingest.major_exceeds_found': {
    zh: '{file} 第 {line} 行：重大隐患 {major} 处多于排查隐患总数 {found} 处。重大隐患是隐患总数的一部分，请核对。',
    en: '{file} line {line}: {major} major hazards exceed the {found} hazards found in total. Major hazards are part of the total; check the figures.',
  },
  'ingest.major_rectified_exceeds_major': {
    zh: '{file} 第 {line} 行：重大隐患已整改 {rectified} 处多于重大隐患 {major} 处。请核对。',
    en: '{file} line {line}: {rectified} major hazards rectified exceed the {major} major hazards found. Check the figures.',
  },
  'ingest.casualties_without_accident': {
    zh: '{file} 第 {line} 行：事故起数为 0，但死亡 {deaths} 人、受伤 {injuries} 人。请核对事故起数或伤亡人数。',
    en: '{file} line {line}: accidents is 0 but deaths are {deaths} and injuries {injuries}. Check the accident count or the casualties.',
  },
  'ingest.rectified_before_found': {
    zh: '{file} 第 {line} 行：整改完成日期 {rectified} 早于发现日期 {found}。请核对日期。',
    en: '{file} line {line}: rectified date {rectified} is before the date found {found}. Check the dates.',
  },
  'ingest.rectified_without_date': {
    zh: '{file} 第 {line} 行：整改情况为“已整改/已销号”，但没有填写整改完成日期。建议补填。',
    en: '{file} line {line}: status is rectified/closed but no rectified date is given. Please add it.',
  },
  'ingest.open_with_rectified_date': {
    zh: '{file} 第 {line} 行：整改情况为“未整改/整改中”，但填写了整改日期 {date}。按“未整改”导入，请核对。',
    en: '{file} line {line}: status says not rectified / in progress, but a rectified date {date} is given. Imported as in progress; please check.',
  },
  'ingest.sector_unknown_as_other': {
    zh: '{file} 第 {line} 行：行业领域“{value}”不在行业领域清单中，已按“其他”导入。如属已有领域，请改用清单中的名称（如 消防、燃气、文旅体育场所）。',
    en: '{file} line {line}: sector "{value}" is not in the sector list; imported as Other. If it is a listed sector, use its name (e.g. 消防, 燃气, 文旅体育场所).',
  },
  'ingest.duplicate_conflict': {
    zh: '{file} 第 {line} 行：与第 {otherLine} 行是同一乡镇同一月份（{township}，{period}），但数值不同。两行均未导入，请删除错误的一行。',
    en: '{file} line {line}: same township and month as line {otherLine} ({township}, {period}) but with different values. Neither row was imported; delete the wrong one.',
  },
  'ingest.duplicate_identical': {
    zh: '{file} 第 {line} 行：与第 {otherLine} 行完全相同（{township}，{period}），已只保留一行。',
    en: '{file} line {line}: identical to line {otherLine} ({township}, {period}); only one copy was kept.',
  },
  'ingest.rectified_exceeds_found': {
    zh: '{file} 第 {line} 行：已整改 {rectified} 处多于本月排查隐患 {found} 处，可能包含往月遗留隐患的整改。已导入并标记。',
    en: '{file} line {line}: {rectified} rectified exceeds the {found} hazards found this month, probably including earlier months’ backlog. Imported and flagged.',
  },
  'ingest.rate_mismatch': {
    zh: '{file} 第 {line} 行“{column}”列：填写的整改率 {supplied} 与按已整改/排查隐患计算的 {computed} 相差超过 0.5 个百分点。整改率以计算值为准，请核对。',
    en: '{file} line {line}, column "{column}": the supplied rate {supplied} differs from the computed rectified/found {computed} by more than 0.5 points. The computed rate is used; check the figures.',
  },
  'ingest.training_average': {
    zh: '{file} 第 {line} 行：培训 {sessions} 场次、{persons} 人次，平均每场 {average} 人，超出常见范围（3–500）。请核对是否填反或单位有误。',
    en: '{file} line {line}: {sessions} trainings with {persons} person-times is {average} per session, outside the usual 3–500. Check for swapped columns or wrong units.',
  },
  'ingest.training_persons_without_sessions': {
    zh: '{file} 第 {line} 行：培训场次为 0，但培训人次为 {persons}。请核对。',
    en: '{file} line {line}: 0 trainings held but {persons} training person-times. Check the figures.',
  },
  'ingest.report_date_before_period': {
    zh: '{file} 第 {line} 行：报送日期 {date} 早于所报月份 {period}。请核对日期。',
    en: '{file} line {line}: report date {date} is before the reported month {period}. Check the date.',
  },
  'ingest.report_date_late': {
    zh: '{file} 第 {line} 行：报送日期 {date} 比所报月份 {period} 月底晚 {days} 天（超过 60 天）。请核对月份或日期。',
    en: '{file} line {line}: report date {date} is {days} days after the end of {period} (more than 60). Check the month or the date.',
  },
  'ingest.funds_large': {
    zh: '{file} 第 {line} 行“{column}”列：{amount} 万元超过 1000 万元，可能把“元”填成了“万元”。请核对单位。',
    en: '{file} line {line}, column "{column}": {amount} (10k CNY) is above 10 million CNY; 元 may have been entered as 万元. Check the unit.',
  },
  'ingest.approx_values': {
    zh: '{file}“{column}”列：{count} 个数值带有“余/多/约/近/左右”等约数标记（首次见第 {line} 行：{value}），已按数字导入并标记为约数。',
    en: '{file} column "{column}": {count} values carry an approximation marker (余/多/约/近/左右) (first at line {line}: {value}); imported as numbers and marked approximate.',
  },
  'ingest.note_converted_yuan_to_10k': {
    zh: '{file}“{column}”列：{count} 个值已从“元”换算为“万元”（首次见第 {line} 行：{value}）。请确认无误。',
    en: '{file} column "{column}": {count} values converted from 元 to 万元 (10k CNY) (first at line {line}: {value}). Please check.',
  },
  'ingest.note_excel_serial': {
    zh: '{file}“{column}”列：{count} 个值Excel 日期序号已换算为日期（首次见第 {line} 行：{value}）。请确认无误。',
    en: '{file} column "{column}": {count} values Excel date serial numbers converted to dates (first at line {line}: {value}). Please check.',
  },
  'ingest.note_date_as_month': {
    zh: '{file}“{column}”列：{count} 个值完整日期已按所在月份读取（首次见第 {line} 行：{value}）。请确认无误。',
    en: '{file} column "{column}": {count} values full dates read as their month (first at line {line}: {value}). Please check.',
  },
  'ingest.note_integer_from_decimal': {
    zh: '{file}“{column}”列：{count} 个值“6.0”这类小数已按整数读取（首次见第 {line} 行：{value}）。请确认无误。',
    en: '{file} column "{column}": {count} values decimals such as 6.0 read as whole numbers (first at line {line}: {value}). Please check.',
  },
  'ingest.note_none_as_zero': {
    zh: '{file}“{column}”列：{count} 个值“无/没有”已按 0 读取（首次见第 {line} 行：{value}）。请确认无误。',
    en: '{file} column "{column}": {count} values 无/没有 read as 0 (first at line {line}: {value}). Please check.',
  },
  'ingest.totals_mismatch': {
    zh: '{file} 第 {line} 行（合计行）“{column}”列：合计为 {total}，但各行之和为 {sum}。合计行未导入，请核对数据。',
    en: '{file} line {line} (totals row), column "{column}": the total says {total} but the rows add up to {sum}. The totals row was not imported; check the data.',
  },
  // JSON
  'ingest.json_syntax': {
    zh: '{file} 第 {line} 行第 {col} 列：JSON 格式错误（{detail}）。请修正该处（如多余的逗号、注释、NaN）。',
    en: '{file} line {line}, column {col}: invalid JSON ({detail}). Fix it there (trailing commas, comments, NaN are not allowed).',
  },
  'ingest.json_truncated': {
    zh: '{file}：JSON 不完整（第 {offset} 个字符处中断），可能未完整下载或复制。未导入任何数据。',
    en: '{file}: the JSON is incomplete (cut off at character {offset}); it was probably not fully downloaded or copied. Nothing was imported.',
  },
  'ingest.json_error_envelope': {
    zh: '{file}：数据接口返回了错误（代码 {code}）：{msg}。未导入任何数据，请稍后重试或联系接口管理员。',
    en: '{file}: the data service returned an error (code {code}): {msg}. Nothing was imported; retry later or contact the service administrator.',
  },
  'ingest.json_unsupported_shape': {
    zh: '{file}：不支持的 JSON 结构（{detail}）。应为标准格式（含 township_month 等数组）、对象数组，或每行一个对象的 JSON Lines。',
    en: '{file}: unsupported JSON structure ({detail}). Expected the canonical shape (with township_month etc.), an array of objects, or JSON Lines.',
  },
  'ingest.json_forbidden_key': {
    zh: '{file} 第 {line} 行：非法字段名“{key}”，整个文件未导入。',
    en: '{file} line {line}: forbidden key "{key}"; the whole file was not imported.',
  },
  'ingest.json_not_object': {
    zh: '{file} 第 {line} 行：数组元素不是对象（而是 {type}），已拒绝。',
    en: '{file} line {line}: the array element is not an object (it is {type}); rejected.',
  },
  'ingest.json_total_mismatch': {
    zh: '{file}：接口声明共 {total} 条，但实际只收到 {count} 条，可能只取得了第一页。',
    en: '{file}: the service says there are {total} records but only {count} arrived; perhaps only the first page was fetched.',
  },
  'ingest.json_bad_township_entry': {
    zh: '{file}：townships 列表中第 {index} 项无效（缺少名称），已忽略。',
    en: '{file}: entry {index} of the townships list is invalid (no name) and was ignored.',
  },
  // Dataset cross-checks
  'ingest.crosscheck_hazards_found': {
    zh: '{file} 第 {line} 行：{township} {period} 月报中排查隐患 {summary} 处，但隐患台账中该月共 {itemised} 条。两者均保留，请核对。',
    en: '{file} line {line}: {township} {period} reports {summary} hazards found, but the hazard ledger lists {itemised} for that month. Both are kept; please check.',
  },
  'ingest.crosscheck_hazards_rectified': {
    zh: '{file} 第 {line} 行：{township} {period} 月报中已整改 {summary} 处，但隐患台账中该月已整改/销号 {itemised} 条。两者均保留，请核对。',
    en: '{file} line {line}: {township} {period} reports {summary} hazards rectified, but the hazard ledger shows {itemised} rectified/closed for that month. Both are kept; please check.',
  },
  // Monthly reports as documents (src/ingest/report/, docs/decisions/0006-report-readers.md)
  'ingest.report_empty': {
    zh: '{file}：文件为空（没有任何内容），无法读取月报。请检查是否选错了文件。',
    en: '{file}: the file is empty, so no report can be read from it. Check that you picked the right file.',
  },
  'ingest.report_too_large': {
    zh: '{file}：文件大小 {size} 字节，超过月报文件上限 {max} 字节。请确认这是一份月报，或删去其中的图片后再导入。',
    en: '{file}: the file is {size} bytes, above the limit of {max} bytes for a report. Check that it is a monthly report, or remove its pictures and import it again.',
  },
  'ingest.report_corrupt_zip': {
    zh: '{file}：Word 文档已损坏或不完整（无法解压），可能未完整下载。请在 Word/WPS 中打开后重新保存，或请乡镇重新报送。',
    en: '{file}: the Word document is damaged or incomplete (it cannot be unzipped); perhaps the download was cut short. Open and save it again in Word/WPS, or ask the township to send it again.',
  },
  'ingest.report_part_too_large': {
    zh: '{file}：Word 文档中的某一部分解压后超过 {max} 字节，已拒绝读取（可能是损坏或恶意文件）。',
    en: '{file}: a part of the Word document unpacks to more than {max} bytes; it was not read (a damaged or hostile file?).',
  },
  'ingest.report_bad_xml': {
    zh: '{file}：Word 文档内容（{part}）格式错误：{reason}。请在 Word/WPS 中打开后重新保存。',
    en: '{file}: the Word document content ({part}) is malformed: {reason}. Open and save it again in Word/WPS.',
  },
  'ingest.report_not_docx': {
    zh: '{file}：这是压缩包，但不是 Word 文档（docx），其中没有正文。',
    en: '{file}: this is a zip archive but not a Word document (docx); it has no document body.',
  },
  'ingest.report_is_xlsx': {
    zh: '{file}：这是 Excel 工作簿（xlsx），不是 Word 月报。请作为数据表格导入。',
    en: '{file}: this is an Excel workbook (xlsx), not a Word report. Import it as a data table.',
  },
  'ingest.report_other_zip': {
    zh: '{file}：这是压缩包（{kind}），不是 Word 文档。请解压后导入其中的月报文件。',
    en: '{file}: this is an archive ({kind}), not a Word document. Unpack it and import the report inside.',
  },
  'ingest.report_encrypted': {
    zh: '{file}：Word 文档设置了打开密码（已加密），无法读取。请在 Word/WPS 中取消密码（文件 → 信息 → 保护文档）后重新保存再导入。',
    en: '{file}: the Word document is password-protected (encrypted) and cannot be read. Remove the password in Word/WPS (File → Info → Protect Document), save, and import it again.',
  },
  'ingest.report_corrupt_doc': {
    zh: '{file}：Word 97-2003 文档（doc）已损坏或不完整：{reason}。请在 Word/WPS 中打开后另存为 docx 再导入。',
    en: '{file}: the Word 97-2003 document (doc) is damaged or incomplete: {reason}. Open it in Word/WPS, save it as .docx and import that.',
  },
  'ingest.report_other_cfb': {
    zh: '{file}：这是 Office 旧格式文件，但不是 Word 文档（可能是 xls 或 ppt）。',
    en: '{file}: this is an old-format Office file but not a Word document (an .xls or .ppt?).',
  },
  'ingest.report_unknown_binary': {
    zh: '{file}：无法识别的文件格式（不是 docx、doc 或文本）。请导入 Word 文档或文本文件。',
    en: '{file}: unrecognised file format (not docx, doc or text). Import a Word document or a text file.',
  },
  'ingest.report_is_csv': {
    zh: '{file}：这是 CSV 数据表格，不是文字月报，将按数据表格导入。',
    en: '{file}: this is a CSV data table, not a written report; it is imported as a table.',
  },
  'ingest.report_no_text': {
    zh: '{file}：文件中没有可读取的文字。',
    en: '{file}: the file contains no readable text.',
  },
} as const satisfies Messages;
