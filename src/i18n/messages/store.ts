import type { Messages } from './types';

/** store messages (persistence, history, backup, settings, URL and endpoint sources). Keys are prefixed 'store.'. */
export const storeMessages = {
  // Validation of backup / settings files
  'store.validation.bad_json': { zh: '文件不是有效的 JSON，无法读取。', en: 'The file is not valid JSON.' },
  'store.validation.hostile_key': {
    zh: '文件包含不允许的键名（__proto__ / prototype / constructor），已拒绝。',
    en: 'The file contains a forbidden key (__proto__ / prototype / constructor) and was refused.',
  },
  'store.validation.not_object': { zh: '此处应为对象。', en: 'An object was expected here.' },
  'store.validation.not_list': { zh: '此处应为列表。', en: 'A list was expected here.' },
  'store.validation.not_text': { zh: '此处应为文字。', en: 'Text was expected here.' },
  'store.validation.not_number': { zh: '此处应为数字或空值。', en: 'A number or null was expected here.' },
  'store.validation.too_long': {
    zh: '文字过长（最多 {max} 个字）。',
    en: 'Text too long (at most {max} characters).',
  },
  'store.validation.due_day': {
    zh: '报送截止日“{value}”无效，应为 1–31 的整数。',
    en: 'Due day "{value}" is invalid; use a whole number from 1 to 31.',
  },
  'store.validation.township_name_missing': { zh: '乡镇名称不能为空。', en: 'The township name is empty.' },
  'store.validation.township_type': {
    zh: '乡镇类型“{value}”无效，可选：{allowed}。',
    en: 'Township type "{value}" is invalid; allowed: {allowed}.',
  },
  'store.validation.township_code': {
    zh: '区划代码“{value}”无效，应为 9 位或 12 位数字。',
    en: 'Division code "{value}" is invalid; use 9 or 12 digits.',
  },
  'store.validation.township_duplicate': {
    zh: '名称或别名“{name}”已被“{other}”使用。',
    en: 'Name or alias "{name}" is already used by "{other}".',
  },
  'store.validation.wrong_format': {
    zh: '这不是本系统导出的文件（格式标记不符）。',
    en: 'This file was not exported by this app (format marker differs).',
  },
  'store.validation.schema_version': {
    zh: '文件版本“{value}”不受支持，请使用新版系统打开。',
    en: 'File version "{value}" is not supported; open it with a newer version of the app.',
  },
  'store.validation.bad_record': {
    zh: '记录无效：{reason}。',
    en: 'Invalid record: {reason}.',
  },
  'store.validation.bad_batch': { zh: '导入批次信息无效：{reason}。', en: 'Invalid import batch: {reason}.' },
  'store.validation.at': { zh: '{path}：{message}', en: '{path}: {message}' },
  'store.validation.reason.not_text': { zh: '“{key}”应为文字', en: '"{key}" must be text' },
  'store.validation.reason.not_text_or_null': {
    zh: '“{key}”应为文字或空值',
    en: '"{key}" must be text or null',
  },
  'store.validation.reason.not_number_or_null': {
    zh: '“{key}”应为数字或空值',
    en: '"{key}" must be a number or null',
  },
  'store.validation.reason.not_text_list': {
    zh: '“{key}”应为文字列表',
    en: '"{key}" must be a list of text',
  },
  'store.validation.reason.not_object': {
    zh: '“{key}”中的条目应为对象',
    en: 'an entry of "{key}" must be an object',
  },
  'store.validation.reason.not_list': { zh: '“{key}”应为列表', en: '"{key}" must be a list' },
  'store.validation.reason.bad_period': {
    zh: '“{key}”的值“{value}”不是“年-月”（YYYY-MM）格式',
    en: '"{key}" value "{value}" is not a YYYY-MM month',
  },
  'store.validation.reason.bad_scope': {
    zh: '统计口径“{value}”无效，应为 month（当月）或 ytd（年累计）',
    en: 'scope "{value}" is invalid; use month or ytd',
  },
  'store.validation.reason.bad_date': {
    zh: '“{key}”的值“{value}”不是“年-月-日”（YYYY-MM-DD）日期',
    en: '"{key}" value "{value}" is not a YYYY-MM-DD date',
  },
  'store.validation.reason.unknown_code': {
    zh: '“{key}”的值“{value}”无法识别',
    en: '"{key}" value "{value}" is not recognised',
  },
  'store.validation.reason.id_mismatch': {
    zh: '记录编号与记录内容不符（文件可能被改动过）',
    en: 'the record id does not match the record (the file may have been edited)',
  },
  'store.validation.reason.issue_code': {
    zh: '问题代码“{value}”或严重程度无法识别',
    en: 'issue code "{value}" or severity not recognised',
  },
  'store.validation.reason.issue_params': { zh: '问题参数无效', en: 'issue parameters are invalid' },
  'store.validation.reason.unknown_source': {
    zh: '数据来源信息无法识别',
    en: 'the data source is not recognised',
  },
  'store.validation.reason.missing': { zh: '缺少“{key}”', en: '"{key}" is missing' },
  'store.validation.reason.bad_hash': {
    zh: '文件指纹不是 SHA-256 十六进制值',
    en: 'the file hash is not a SHA-256 hex value',
  },
  'store.validation.reason.rejected_row': { zh: '被拒绝行的格式不正确', en: 'a rejected row is malformed' },
  'store.validation.reason.batch_not_in_file': {
    zh: '所属导入批次“{value}”不在备份文件中',
    en: 'its import batch "{value}" is not in the file',
  },
  'store.validation.reason.duplicate_id': { zh: '记录编号重复', en: 'duplicate record id' },
  // Import outcomes
  'store.outcome.committed': {
    zh: '已保存：新增 {added} 条，相同跳过 {identical} 条，替换 {replaced} 条，保留原值 {kept} 条。',
    en: 'Saved: {added} added, {identical} identical skipped, {replaced} replaced, {kept} kept as before.',
  },
  'store.outcome.committed_with_rejected': {
    zh: '已保存：新增 {added} 条，相同跳过 {identical} 条，替换 {replaced} 条，保留原值 {kept} 条；另有 {rejected} 条记录被拒绝，未保存（原因见导入报告）。',
    en: 'Saved: {added} added, {identical} identical skipped, {replaced} replaced, {kept} kept as before; {rejected} records were rejected and not saved (see the import report).',
  },
  'store.outcome.nothing_saved_rejected': {
    zh: '未保存任何记录：{rejected} 条记录被拒绝（原因见导入报告），{identical} 条与已有数据相同。',
    en: 'Nothing saved: {rejected} records were rejected (see the import report) and {identical} are identical to the stored data.',
  },
  'store.outcome.duplicate': {
    zh: '该文件已于 {date} 导入，本次未做任何更改。',
    en: 'This file was already imported on {date}; nothing was changed.',
  },
  'store.outcome.nothing_new': {
    zh: '文件中的 {identical} 条记录与已有数据完全相同，未做更改。',
    en: 'All {identical} records are identical to the stored data; nothing was changed.',
  },
  'store.outcome.stale': {
    zh: '另一窗口刚刚修改了相同的数据，请重新检查差异后再确认。',
    en: 'Another tab just changed the same records; review the differences again before confirming.',
  },
  'store.outcome.rejected': {
    zh: '文件未通过检查，没有可保存的数据。',
    en: 'The file was rejected; there is nothing to save.',
  },
  'store.outcome.failed.quota': {
    zh: '存储空间不足，本次导入已完整撤销（未保存任何数据）。请先“导出全部数据（备份）”，再清理浏览器空间后重试。',
    en: 'Storage is full. The import was rolled back completely (nothing saved). Export a backup, free up browser storage, then try again.',
  },
  'store.outcome.failed.closed': {
    zh: '数据库连接已关闭（窗口关闭或被其他窗口升级），本次导入未保存。请刷新页面后重试。',
    en: 'The database connection closed (tab closed or upgraded by another tab); nothing was saved. Reload and try again.',
  },
  'store.outcome.failed.version': {
    zh: '系统已在其他窗口升级，本窗口无法保存。请刷新页面。',
    en: 'The app was upgraded in another tab; this tab cannot save. Please reload.',
  },
  'store.outcome.failed.unknown': {
    zh: '保存失败（{detail}），本次导入已完整撤销。请导出备份后刷新重试。',
    en: 'Saving failed ({detail}); the import was rolled back completely. Export a backup, reload and try again.',
  },
  'store.conflict.older': {
    zh: '注意：新文件的报送日期早于已保存的版本。',
    en: 'Note: the incoming report is dated earlier than the stored version.',
  },
  // Backup
  'store.backup.restored': {
    zh: '备份已恢复：恢复 {restored} 条，相同跳过 {identical} 条，冲突 {conflicting} 条（{resolution}）。',
    en: 'Backup restored: {restored} restored, {identical} identical skipped, {conflicting} conflicting ({resolution}).',
  },
  'store.backup.resolution.keep': { zh: '保留现有数据', en: 'existing data kept' },
  'store.backup.resolution.replace': {
    zh: '已替换，原值存为历史版本',
    en: 'replaced, old values kept as revisions',
  },
  // Storage status
  'store.storage.persisted': { zh: '持久存储：已授予', en: 'Persistent storage: granted' },
  'store.storage.not_persisted': {
    zh: '持久存储：未授予（浏览器空间紧张时数据可能被清除，请定期导出备份）',
    en: 'Persistent storage: not granted (the browser may clear data under pressure; export backups regularly)',
  },
  'store.storage.unknown': {
    zh: '持久存储：无法确认（需 HTTPS 访问）',
    en: 'Persistent storage: unknown (needs HTTPS)',
  },
  'store.storage.usage': { zh: '已用 {used}，可用上限 {quota}', en: '{used} used of {quota}' },
  'store.storage.unavailable': {
    zh: '无痕/隐私模式或浏览器禁用了存储：关闭窗口后数据将丢失，请及时导出。',
    en: 'Private mode or storage disabled: data will be lost when the window closes; export it in time.',
  },
  'store.storage.version_changed': {
    zh: '系统已在其他窗口更新，请刷新本页面。',
    en: 'The app was updated in another tab; please reload this page.',
  },
  'store.storage.blocked': {
    zh: '系统升级正在等待其他窗口关闭，请关闭本系统的其他窗口。',
    en: 'An upgrade is waiting for other tabs to close; close the other tabs of this app.',
  },
  // URL and endpoint sources
  'store.source.not_https': {
    zh: '只能从 https:// 地址加载数据：{url}',
    en: 'Data can only be loaded from https:// addresses: {url}',
  },
  'store.source.bad_url': { zh: '地址无效：{url}', en: 'Invalid address: {url}' },
  'store.source.not_allowed': {
    zh: '主机 {host} 不在允许列表中。请管理员在 config.json 的 urlAllowList 中添加。',
    en: 'Host {host} is not on the allow-list. Ask the administrator to add it to urlAllowList in config.json.',
  },
  'store.source.timeout': {
    zh: '{host} 在 {seconds} 秒内没有响应，请稍后重试或联系对方管理员。',
    en: '{host} did not respond within {seconds} s; try again later or contact its administrator.',
  },
  'store.source.network': {
    zh: '无法连接 {host}。可能是网络不通，或对方服务器未允许跨域访问（需返回 Access-Control-Allow-Origin 响应头），请联系对方管理员。',
    en: 'Could not reach {host}. The network may be down, or the server does not allow cross-origin requests (it must send Access-Control-Allow-Origin); contact its administrator.',
  },
  'store.source.http': {
    zh: '{host} 返回错误（HTTP {status}），未导入任何数据。',
    en: '{host} returned an error (HTTP {status}); nothing was imported.',
  },
  'store.source.html': {
    zh: '{host} 返回的是网页（可能是登录页），不是数据文件。请先在浏览器中登录或确认地址。',
    en: '{host} returned a web page (probably a login page), not a data file. Log in first or check the address.',
  },
  'store.source.xlsx': {
    zh: '{host} 返回的是 Excel 文件，请另存为 CSV 后导入。',
    en: '{host} returned an Excel file; save it as CSV and import that.',
  },
  'store.source.too_large': {
    zh: '{host} 返回的数据超过 {limit}，已停止下载。',
    en: '{host} sent more than {limit}; the download was stopped.',
  },
  'store.source.malformed': {
    zh: '{host} 返回的内容格式不符合约定，无法读取。',
    en: '{host} returned a response that does not match the agreed format.',
  },
  'store.source.endpoint_error': {
    zh: '报送平台返回错误（代码 {code}）：{msg}',
    en: 'The reporting endpoint returned an error (code {code}): {msg}',
  },
  'store.source.no_endpoint': { zh: '未配置报送平台。', en: 'No reporting endpoint is configured.' },
  'store.source.config_invalid': {
    zh: 'config.json 无效（{path}），已忽略网络数据源设置。',
    en: 'config.json is invalid ({path}); network sources are disabled.',
  },
  'store.source.confirm': {
    zh: '来自 {host}：{size}，{rows} 行数据。确认导入吗？',
    en: 'From {host}: {size}, {rows} data rows. Import?',
  },
  // Import history (features/history)
  'store.history.title': { zh: '导入记录', en: 'Import history' },
  'store.history.empty': { zh: '还没有导入任何文件。', en: 'No files imported yet.' },
  'store.history.col.source': { zh: '来源', en: 'Source' },
  'store.history.col.time': { zh: '导入时间', en: 'Imported' },
  'store.history.col.records': { zh: '记录', en: 'Records' },
  'store.history.col.issues': { zh: '问题', en: 'Issues' },
  'store.history.col.actions': { zh: '操作', en: 'Actions' },
  'store.history.counts': {
    zh: '新增 {added}，相同 {identical}，替换 {replaced}，保留 {kept}',
    en: '{added} added, {identical} identical, {replaced} replaced, {kept} kept',
  },
  'store.history.issue_counts': {
    zh: '{issues} 条提示，{rejected} 行被拒',
    en: '{issues} issues, {rejected} rows rejected',
  },
  'store.history.source.file': { zh: '文件', en: 'File' },
  'store.history.source.url': { zh: '网址', en: 'URL' },
  'store.history.source.endpoint': { zh: '报送平台', en: 'Reporting endpoint' },
  'store.history.source.sample': { zh: '示例数据', en: 'Sample data' },
  'store.history.source.backup': { zh: '备份', en: 'Backup' },
  'store.history.inspect': { zh: '查看', en: 'Inspect' },
  'store.history.close': { zh: '关闭', en: 'Close' },
  'store.history.remove': { zh: '删除', en: 'Remove' },
  'store.history.remove_confirm': {
    zh: '确定删除“{name}”吗？该批次的 {n} 条记录将从所有图表中消失；被它替换的旧数据会恢复。',
    en: 'Remove "{name}"? Its {n} records disappear from every chart; values it replaced come back.',
  },
  'store.history.remove_yes': { zh: '确定删除', en: 'Remove' },
  'store.history.cancel': { zh: '取消', en: 'Cancel' },
  'store.history.removed': {
    zh: '已删除 {removed} 条记录，恢复旧版本 {restored} 条。',
    en: 'Removed {removed} records; {restored} earlier values restored.',
  },
  'store.history.detail_title': { zh: '批次详情：{name}', en: 'Batch details: {name}' },
  'store.history.detail_meta': {
    zh: '大小 {size}，编码 {encoding}，格式 {format}，共 {total} 行（接收 {accepted}，拒绝 {rejected}，忽略 {ignored}）',
    en: '{size}, encoding {encoding}, format {format}, {total} rows ({accepted} accepted, {rejected} rejected, {ignored} ignored)',
  },
  'store.history.detail_hash': { zh: 'SHA-256：{hash}', en: 'SHA-256: {hash}' },
  'store.history.detail_url': { zh: '地址：{url}（HTTP {status}）', en: 'Address: {url} (HTTP {status})' },
  'store.history.issues_title': { zh: '问题', en: 'Issues' },
  'store.history.no_issues': { zh: '没有问题。', en: 'No issues.' },
  'store.history.rejected_title': { zh: '被拒绝的行', en: 'Rejected rows' },
  'store.history.line': { zh: '第 {line} 行', en: 'Line {line}' },
  'store.history.revisions_title': { zh: '历史版本', en: 'Earlier versions' },
  'store.history.no_revisions': { zh: '没有被替换的数据。', en: 'No replaced values.' },
  'store.history.revision_row': {
    zh: '{township} {period}：于 {at} 被替换',
    en: '{township} {period}: replaced on {at}',
  },
  'store.history.restore': { zh: '恢复此版本', en: 'Restore this version' },
  'store.history.restored': {
    zh: '已恢复；被替换的值已存为历史版本。',
    en: 'Restored; the value it replaced is kept as an earlier version.',
  },
  'store.backup.title': { zh: '备份', en: 'Backup' },
  'store.backup.export': { zh: '导出全部数据（备份）', en: 'Export all data (backup)' },
  'store.backup.restore': { zh: '从备份恢复…', en: 'Restore from backup…' },
  'store.backup.restore_conflicts': { zh: '与现有数据冲突时：', en: 'When a record conflicts:' },
  'store.backup.reminder': {
    zh: '请每月导出一次备份：浏览器可能在空间不足或长期未使用时清除数据。',
    en: 'Export a backup every month: the browser may clear data when space is short or the site is unused.',
  },
  'store.backup.invalid': {
    zh: '备份文件无效：{first}（共 {n} 处问题）',
    en: 'Invalid backup: {first} ({n} problems)',
  },
  // Import plan review
  'store.plan.title': { zh: '导入前确认：{name}', en: 'Confirm import: {name}' },
  'store.plan.summary': {
    zh: '新增 {added} 条，与已有数据相同 {identical} 条，内容不同 {conflicts} 条。',
    en: '{added} new, {identical} identical to stored data, {conflicts} different.',
  },
  'store.plan.conflict_title': {
    zh: '{township} {period} 已有数据，本次内容不同：',
    en: '{township} {period} already has data; this file differs:',
  },
  'store.plan.col.field': { zh: '字段', en: 'Field' },
  'store.plan.col.old': { zh: '原值', en: 'Stored' },
  'store.plan.col.new': { zh: '新值', en: 'Incoming' },
  'store.plan.not_reported': { zh: '未填报', en: 'not reported' },
  'store.plan.replace': {
    zh: '用新值替换（原值保留为历史版本）',
    en: 'Replace (the stored value is kept as an earlier version)',
  },
  'store.plan.keep': { zh: '保留原值', en: 'Keep the stored value' },
  'store.plan.field.approx': { zh: '约数字段', en: 'Approximate fields' },
  'store.plan.field.flags': { zh: '数据标记', en: 'Flags' },
  'store.plan.flag.rectified_scope_flow': {
    zh: '已整改数大于排查数（可能含以前积存）',
    en: 'Rectified exceeds found (may include backlog)',
  },
  'store.plan.empty_list': { zh: '无', en: 'none' },
  'store.plan.list_separator': { zh: '、', en: ', ' },
  'store.plan.bulk': { zh: '批量处理', en: 'All differences' },
  'store.plan.keep_all': { zh: '全部保留原值', en: 'Keep all stored values' },
  'store.plan.replace_all': {
    zh: '全部用新值替换（原值保留为历史版本）',
    en: 'Replace all (stored values are kept as earlier versions)',
  },
  'store.plan.decision_count': {
    zh: '共 {total} 条记录内容不同：将替换 {replace} 条，保留原值 {keep} 条。',
    en: '{total} records differ: {replace} will be replaced, {keep} kept as stored.',
  },
  'store.plan.confirm': { zh: '确认导入', en: 'Import' },
  'store.plan.cancel': { zh: '取消', en: 'Cancel' },
  // Settings (features/settings)
  'store.settings.title': { zh: '设置', en: 'Settings' },
  'store.settings.district': { zh: '区（县）名称', en: 'District name' },
  'store.settings.office': { zh: '发文单位', en: 'Issuing office' },
  'store.settings.due_day': { zh: '每月报送截止日', en: 'Monthly due day' },
  'store.settings.townships': { zh: '乡镇（街道）名单（按官方顺序）', en: 'Townships (official order)' },
  'store.settings.townships_from_data': {
    zh: '尚未保存名单：以下 {n} 个乡镇（街道）取自已导入的数据。保存后即成为本区名单。',
    en: 'No list saved yet: the {n} townships below come from the imported data. Saving makes them the district list.',
  },
  'store.settings.township_name': { zh: '名称', en: 'Name' },
  'store.settings.township_type': { zh: '类型', en: 'Type' },
  'store.settings.township_aliases': { zh: '别名（用“、”或逗号分隔）', en: 'Aliases (comma-separated)' },
  'store.settings.township_code': { zh: '区划代码（可选）', en: 'Division code (optional)' },
  'store.settings.township_actions': { zh: '操作', en: 'Actions' },
  'store.settings.add_township': { zh: '添加乡镇', en: 'Add township' },
  'store.settings.remove_township': { zh: '删除 {name}', en: 'Remove {name}' },
  'store.settings.move_up': { zh: '上移 {name}', en: 'Move {name} up' },
  'store.settings.move_down': { zh: '下移 {name}', en: 'Move {name} down' },
  'store.settings.save': { zh: '保存设置', en: 'Save settings' },
  'store.settings.saved': { zh: '设置已保存。', en: 'Settings saved.' },
  'store.settings.invalid': { zh: '设置有误，未保存：', en: 'Settings not saved; please fix:' },
  'store.settings.export': { zh: '导出设置', en: 'Export settings' },
  'store.settings.import': { zh: '导入设置…', en: 'Import settings…' },
  'store.settings.imported': {
    zh: '已读入设置文件，请检查后保存。',
    en: 'Settings file loaded; review and save.',
  },
  'store.settings.type.xiang': { zh: '乡', en: 'Township (xiang)' },
  'store.settings.type.zhen': { zh: '镇', en: 'Town (zhen)' },
  'store.settings.type.jiedao': { zh: '街道', en: 'Subdistrict (jiedao)' },
  'store.settings.type.diqu': { zh: '地区', en: 'Area (diqu)' },
  'store.settings.type.park': { zh: '园区', en: 'Park / zone' },
  'store.settings.type.other': { zh: '其他', en: 'Other' },
  // Network sources (features/history/network-sources-panel)
  'store.sources.title': { zh: '从网络导入', en: 'Import from the network' },
  'store.sources.url_label': { zh: '数据文件地址（https://）', en: 'Data file address (https://)' },
  'store.sources.load': { zh: '读取', en: 'Load' },
  'store.sources.loading': { zh: '正在读取…', en: 'Loading…' },
  'store.sources.url_hint': {
    zh: '读取后会先显示来源、大小和行数，确认后才导入。',
    en: 'After loading you see the host, size and row count; nothing is imported until you confirm.',
  },
  'store.sources.endpoint_title': { zh: '报送平台：{name}', en: 'Reporting endpoint: {name}' },
  'store.sources.refresh': { zh: '获取已报送的报告', en: 'List submitted reports' },
  'store.sources.col.select': { zh: '选择', en: 'Select' },
  'store.sources.col.township': { zh: '乡镇（街道）', en: 'Township' },
  'store.sources.col.period': { zh: '月份', en: 'Month' },
  'store.sources.col.submitted': { zh: '报送时间', en: 'Submitted' },
  'store.sources.no_reports': { zh: '平台上没有报告。', en: 'No reports on the endpoint.' },
  'store.sources.import_selected': { zh: '导入所选（{n} 份）', en: 'Import selected ({n})' },
  'store.sources.progress': { zh: '第 {i} 份，共 {n} 份', en: 'Report {i} of {n}' },
  // App wiring (src/app, features/import): nav, banners, import outcomes
  'store.nav.history': { zh: '导入记录', en: 'Import history' },
  'store.nav.settings': { zh: '设置', en: 'Settings' },
  'store.banner.memory_only': {
    zh: '无痕/隐私模式或浏览器禁用了存储：数据只保存在本窗口，关闭后将丢失，请及时在“导入记录”中导出备份。（{detail}）',
    en: 'Private mode or storage disabled: data lives only in this window and is lost when it closes; export a backup from Import history in time. ({detail})',
  },
  'store.banner.reload': { zh: '刷新页面', en: 'Reload' },
  'store.banner.not_available_here': {
    zh: '浏览器存储不可用，本页面的功能需要存储。导入的数据仍可在“数据”页查看。',
    en: 'Browser storage is unavailable and this page needs it. Imported data can still be viewed on the Data page.',
  },
  'store.import.outcome': { zh: '{file}：{message}', en: '{file}: {message}' },
  'store.import.review_needed': {
    zh: '{file} 与已有数据有 {n} 处不同，请逐条选择后确认。',
    en: '{file} differs from the stored data in {n} records; choose for each, then confirm.',
  },
  'store.import.cancelled_review': {
    zh: '{file}：已取消，未保存任何数据。',
    en: '{file}: cancelled; nothing was saved.',
  },
  'store.import.dismiss': { zh: '清除提示', en: 'Dismiss messages' },
  'store.import.ingest_cancelled': {
    zh: '读取已取消，未导入任何数据。',
    en: 'Reading was cancelled; nothing was imported.',
  },
  'store.import.ingest_failed': {
    zh: '读取文件时出错（{reason}），未导入任何数据。',
    en: 'Reading the file failed ({reason}); nothing was imported.',
  },
} as const satisfies Messages;
