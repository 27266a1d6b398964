import type { Messages } from './types';

/**
 * Hazard aggregate (agg.json) messages: the importer (src/ingest/read-hazard-aggregate.ts) and
 * the views that say hazards are aggregated (docs/scale-out.md). Keys are prefixed 'aggregate.'.
 */
export const aggregateMessages = {
  'aggregate.version_unsupported': {
    zh: '{file}：隐患汇总文件的版本 {version} 无法读取（本程序读取版本 {supported}）。请用本程序的 npm run aggregate 重新生成。',
    en: '{file}: hazard aggregate version {version} cannot be read (this app reads version {supported}). Regenerate it with this app’s npm run aggregate.',
  },
  'aggregate.bad_shape': {
    zh: '{file}：不是有效的隐患汇总文件（{detail}）。请用 npm run aggregate 重新生成。',
    en: '{file}: not a valid hazard aggregate ({detail}). Regenerate it with npm run aggregate.',
  },
  'aggregate.summary': {
    zh: '{file}：隐患汇总数据（截至 {as_of}）。由 {rows} 条台账记录汇总：{aggregated} 条计入，{rejected} 条在汇总时被拒绝，{ignored} 条忽略。文件中只有按乡镇、月份、行业领域、等级汇总的数量，没有单条隐患。',
    en: '{file}: hazard aggregate (as of {as_of}) of {rows} ledger rows: {aggregated} counted, {rejected} rejected when aggregating, {ignored} ignored. It holds counts by township, month, sector and level, not individual hazards.',
  },
  'aggregate.row_shape': {
    zh: '{file} 第 {line} 行（{path}）：汇总行应为 [乡镇, 月份, 行业领域, 等级, 发现, 已整改, 逾期] 共 7 项，实际为 {value}。',
    en: '{file} line {line} ({path}): a tally row must be [township, month, sector, level, found, rectified, overdue], got {value}.',
  },
  'aggregate.row_period': {
    zh: '{file} 第 {line} 行（{path}）：月份“{value}”不是 YYYY-MM 格式，或晚于当前月份。',
    en: '{file} line {line} ({path}): month "{value}" is not YYYY-MM or is after the current month.',
  },
  'aggregate.row_sector': {
    zh: '{file} 第 {line} 行（{path}）：行业领域代码“{value}”不在行业领域清单中。',
    en: '{file} line {line} ({path}): sector code "{value}" is not in the sector list.',
  },
  'aggregate.row_level': {
    zh: '{file} 第 {line} 行（{path}）：隐患等级“{value}”应为 general 或 major。',
    en: '{file} line {line} ({path}): level "{value}" must be general or major.',
  },
  'aggregate.row_counts': {
    zh: '{file} 第 {line} 行（{path}）：数量 {value} 不成立（应为非负整数，且 已整改 + 逾期 ≤ 发现）。',
    en: '{file} line {line} ({path}): counts {value} are impossible (non-negative integers with rectified + overdue ≤ found).',
  },
  'aggregate.row_duplicate': {
    zh: '{file} 第 {line} 行（{path}）：乡镇、月份、行业领域、等级与第 {other} 行重复。',
    en: '{file} line {line} ({path}): township, month, sector and level repeat line {other}.',
  },
  'aggregate.detail_note': {
    zh: '其中 {count} 处隐患来自汇总数据（{files}），只有数量，没有单条明细。',
    en: '{count} of these hazards come from aggregated data ({files}): counts only, no individual hazards.',
  },
} as const satisfies Messages;
