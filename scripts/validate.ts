/**
 * Command-line validator: checks report files with the same ingest code the browser uses.
 *
 *   npm run --silent validate -- [--json] [--lang en] [--townships FILE] [--today YYYY-MM-DD] FILE...
 *
 * Exit status: 0 nothing rejected (warnings allowed); 1 a record or a whole file was rejected;
 * 2 usage error, or a file could not be read (everything readable is still reported).
 * User errors never print a stack trace.
 */
import { readFileSync, statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
// The CLI is an edge like the app shell: it reads the one clock and passes `today` down.
import { todayLocal } from '../src/app/clock';
import { FIELDS_BY_RECORD } from '../src/domain/fields';
import { isIsoDate } from '../src/domain/month';
import type { Township, TownshipType } from '../src/domain/records';
import { inferTownshipType, TOWNSHIP_TYPES } from '../src/domain/townships';
import type { MessageKey } from '../src/i18n/catalog';
import { isMessageKey, parseLang, translate, type Lang } from '../src/i18n/i18n';
import '../src/i18n/lazy-messages';
import { ingestAnyBytes } from '../src/ingest/ingest-any-file';
import { ingestReportBytes } from '../src/ingest/report/ingest-report';
import { isReportFile } from '../src/ingest/report/report-route';
import { issueLocation, issueMessage } from '../src/ingest/issue-message';
import { checkTownshipName } from '../src/ingest/township-match';
import { categoryName, EMPTY_PROBLEM_EDITS } from '../src/analysis/problems/edits';
import { problemsForExport, type ExportedProblem } from '../src/analysis/problems/export';
import {
  LOW_CONFIDENCE_BELOW,
  parseProblemModelAsset,
  ProblemModel,
} from '../src/analysis/problems/problem-model';
import { buildProblemStatements } from '../src/analysis/problems/statements';
import { err, ok, type Result } from '../src/domain/result';
import { buildCube } from '../src/analysis/cube';
import { ledgerCheckMessage, ledgerReportChecks, type LedgerCheck } from '../src/analysis/hazard-figures';
import {
  DEFAULT_LIMITS,
  type FileIngestResult,
  type IgnoredRecord,
  type IngestIssue,
  type Severity,
  type SheetSummary,
} from '../src/ingest/types';

// CLI-only labels. They live here rather than in src/i18n because no app screen shows them;
// move them to a `cli` messages module if the UI ever needs them.
const LABELS = {
  usage: {
    zh: '用法：validate [--json] [--lang en] [--townships 文件] [--today YYYY-MM-DD] 文件...',
    en: 'usage: validate [--json] [--lang en] [--townships FILE] [--today YYYY-MM-DD] FILE...',
  },
  noFiles: { zh: '未指定要检查的文件。', en: 'No files to check.' },
  unknownFlag: { zh: '未知选项：{flag}', en: 'Unknown option: {flag}' },
  missingValue: { zh: '选项 {flag} 缺少取值。', en: 'Option {flag} needs a value.' },
  badToday: {
    zh: '--today 应为 YYYY-MM-DD 格式的日期：{value}',
    en: '--today must be a YYYY-MM-DD date: {value}',
  },
  cannotRead: {
    zh: '无法读取文件 {file}：{reason}',
    en: 'Cannot read file {file}: {reason}',
  },
  notFound: { zh: '文件不存在', en: 'no such file' },
  isDirectory: { zh: '这是一个文件夹，不是文件', en: 'it is a folder, not a file' },
  noPermission: { zh: '没有读取权限', en: 'permission denied' },
  tooLarge: {
    zh: '文件过大（{size} 字节，上限 {max} 字节），未读取',
    en: 'file too large ({size} bytes, limit {max} bytes); not read',
  },
  internal: {
    zh: '处理文件 {file} 时发生内部错误：{reason}',
    en: 'Internal error while processing {file}: {reason}',
  },
  badTownships: {
    zh: '乡镇名单文件 {file} 无效：{reason}',
    en: 'Invalid township list {file}: {reason}',
  },
  townshipsShape: {
    zh: '应为 [{name, type, code, aliases}] 数组，或含 "townships" 的数据集 JSON',
    en: 'expected an array of {name, type, code, aliases} or a dataset JSON with "townships"',
  },
  notJson: { zh: '不是有效的 JSON', en: 'not valid JSON' },
  badTownshipName: {
    zh: '第 {index} 个乡镇的名称或别名“{name}”无效：{reason}',
    en: 'township {index}: name or alias "{name}" is invalid: {reason}',
  },
  townshipsChecked: {
    zh: '乡镇名称已按 {file} 中的 {n} 个乡镇（街道）核对；不在名单中的名称被拒绝，并给出最接近的名称。',
    en: 'Township names were checked against the {n} townships in {file}; names not in it are rejected, with the closest name.',
  },
  townshipsUnchecked: {
    zh: '注意：未指定 --townships，乡镇名称未与本区乡镇名单核对，格式正确的名称均按所写接收（数据集 JSON 只按其自带的名单核对）。请用 --townships 名单文件 核对名称。',
    en: 'Note: no --townships given, so township names were not checked against a district list; every well-formed name was taken as written (a dataset JSON is checked only against its own list). Use --townships FILE to check names.',
  },
  file: { zh: '文件', en: 'File' },
  encoding: { zh: '编码', en: 'Encoding' },
  format: { zh: '格式', en: 'Format' },
  delimiter: { zh: '分隔符', en: 'Delimiter' },
  headerLine: { zh: '表头行', en: 'Header line' },
  recordKind: { zh: '记录类型', en: 'Record kind' },
  mapping: { zh: '列映射', en: 'Column mapping' },
  unknownColumn: { zh: '（未识别的列，已列出但不导入）', en: '(unknown column: listed, not imported)' },
  scaled: { zh: '单位 {unit}，×{scale}', en: 'unit {unit}, ×{scale}' },
  counts: {
    zh: '记录：共 {total} 条，接受 {accepted}，拒绝 {rejected}，忽略 {ignored}',
    en: 'Records: {total} total, {accepted} accepted, {rejected} rejected, {ignored} ignored',
  },
  statusOk: { zh: '结果：可以导入', en: 'Result: can be imported' },
  statusPartial: {
    zh: '结果：可以导入，但有 {rejected} 条记录被拒绝（见下方错误）',
    en: 'Result: can be imported, but {rejected} records were rejected (see the errors below)',
  },
  statusRejected: {
    zh: '结果：整个文件被拒绝，未导入任何记录',
    en: 'Result: whole file rejected; no records imported',
  },
  statusUnreadable: { zh: '结果：无法读取', en: 'Result: could not be read' },
  issues: {
    zh: '问题 {n} 个（错误 {errors}，警告 {warnings}）',
    en: '{n} issues ({errors} errors, {warnings} warnings)',
  },
  noIssues: { zh: '没有发现问题', en: 'No issues' },
  error: { zh: '错误', en: 'error' },
  warning: { zh: '警告', en: 'warning' },
  summary: {
    zh: '共 {files} 个文件：接受 {accepted} 条，拒绝 {rejected} 条，忽略 {ignored} 条；被拒绝的文件 {rejectedFiles} 个，无法读取 {unreadable} 个',
    en: '{files} files: {accepted} accepted, {rejected} rejected, {ignored} ignored; {rejectedFiles} files rejected, {unreadable} unreadable',
  },
  none: { zh: '无', en: 'none' },
  ledgerChecks: {
    zh: '隐患台账与月报核对（同一乡镇同一月份，见 docs/decisions/0005）：{n} 处不一致（警告，两者均保留）',
    en: 'Hazard ledger vs monthly report (same township and month, see docs/decisions/0005): {n} differences (warnings; both kept)',
  },
  sheets: { zh: '工作表 {n} 个：', en: '{n} sheets:' },
  problemsAllConfident: {
    zh: '存在问题：{n} 条表述，由分类模型归类，置信度均不低于 {threshold}',
    en: 'Problems: {n} statements classified by the model, all with confidence {threshold} or more',
  },
  problemsLowConfidence: {
    zh: '存在问题：{n} 条表述，由分类模型归类；其中 {low} 条置信度低于 {threshold}，待确认：',
    en: 'Problems: {n} statements classified by the model; {low} with confidence below {threshold}, to confirm:',
  },
  lowConfidenceLine: {
    zh: '{where}：{township} {period} 第 {seq} 条 {text} → {category} {name}，置信度 {confidence}（备选：{alternatives}）',
    en: '{where}: {township} {period} #{seq} {text} → {category} {name}, confidence {confidence} (alternatives: {alternatives})',
  },
  modelUnavailable: {
    zh: '无法加载问题分类模型 {file}：{reason}',
    en: 'Cannot load the problem classifier {file}: {reason}',
  },
  sheetLine: {
    zh: '{name}{hidden}：{role}；共 {total} 条，接受 {accepted}，拒绝 {rejected}，忽略 {ignored}；公式 {formulas} 个（缓存值 {cached}，计算 {computed}，未解决 {unresolved}）',
    en: '{name}{hidden}: {role}; {total} total, {accepted} accepted, {rejected} rejected, {ignored} ignored; {formulas} formulas ({cached} cached, {computed} computed, {unresolved} unresolved)',
  },
} as const satisfies Readonly<Record<string, { readonly zh: string; readonly en: string }>>;

type LabelKey = keyof typeof LABELS;

const label = (lang: Lang, key: LabelKey, params: Readonly<Record<string, string | number>> = {}): string =>
  (lang === 'en' ? LABELS[key].en : LABELS[key].zh).replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );

/** Parsed command line, or the reason it is unusable. */
interface CliArgs {
  readonly json: boolean;
  readonly lang: Lang;
  readonly townshipsFile: string | null;
  readonly today: string | null;
  readonly files: readonly string[];
}

type ParseResult = { ok: true; args: CliArgs } | { ok: false; lang: Lang; message: string };

/** Parses argv (without node and the script). `--` ends the options. */
export function parseArgs(argv: readonly string[]): ParseResult {
  let json = false;
  let lang: Lang = 'zh-CN';
  let townshipsFile: string | null = null;
  let today: string | null = null;
  const files: string[] = [];
  // Read --lang first so every usage message is already in the right language.
  argv.forEach((a, i) => {
    if (a === '--lang') lang = parseLang(argv[i + 1]);
    else if (a.startsWith('--lang=')) lang = parseLang(a.slice('--lang='.length));
  });
  const fail = (key: LabelKey, params: Record<string, string> = {}): ParseResult => ({
    ok: false,
    lang,
    message: `${label(lang, key, params)}\n${label(lang, 'usage')}`,
  });
  let onlyFiles = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (onlyFiles || !a.startsWith('-') || a === '-') {
      files.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const flag = eq > 0 ? a.slice(0, eq) : a;
    const inline = eq > 0 ? a.slice(eq + 1) : null;
    const value = (): string | null => {
      if (inline !== null) return inline;
      const v = argv[i + 1];
      if (v === undefined || v.startsWith('--')) return null;
      i++;
      return v;
    };
    switch (flag) {
      case '--':
        onlyFiles = true;
        break;
      case '--json':
        json = true;
        break;
      case '--lang': {
        if (value() === null) return fail('missingValue', { flag });
        break;
      }
      case '--townships': {
        const v = value();
        if (v === null) return fail('missingValue', { flag });
        townshipsFile = v;
        break;
      }
      case '--today': {
        const v = value();
        if (v === null) return fail('missingValue', { flag });
        if (!isIsoDate(v)) return fail('badToday', { value: v });
        today = v;
        break;
      }
      default:
        return fail('unknownFlag', { flag: a });
    }
  }
  if (files.length === 0) return fail('noFiles');
  return { ok: true, args: { json, lang, townshipsFile, today, files } };
}

function readErrorReason(lang: Lang, e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return label(lang, 'notFound');
  if (code === 'EISDIR') return label(lang, 'isDirectory');
  if (code === 'EACCES' || code === 'EPERM') return label(lang, 'noPermission');
  return e instanceof Error ? e.message : String(e);
}

type Read = { ok: true; bytes: Uint8Array } | { ok: false; reason: string; tooLarge: boolean };

function readInput(lang: Lang, path: string): Read {
  try {
    const st = statSync(path);
    if (st.isDirectory()) return { ok: false, reason: label(lang, 'isDirectory'), tooLarge: false };
    // Refuse before reading so a huge file cannot exhaust memory; ingest would refuse it anyway.
    if (st.size > DEFAULT_LIMITS.maxBytes) {
      return {
        ok: false,
        reason: label(lang, 'tooLarge', { size: st.size, max: DEFAULT_LIMITS.maxBytes }),
        tooLarge: true,
      };
    }
    return { ok: true, bytes: new Uint8Array(readFileSync(path)) };
  } catch (e) {
    return { ok: false, reason: readErrorReason(lang, e), tooLarge: false };
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Why a township list was refused; a bad name carries the importer's own message. */
export type TownshipListError =
  | { ok: false; reason: 'json' | 'shape' }
  | {
      ok: false;
      reason: 'name';
      /** 1-based position in the list. */
      index: number;
      name: string;
      code: MessageKey;
      params: Readonly<Record<string, string | number>>;
    };

/**
 * Reads a township master list: a JSON array of townships, or a dataset JSON's "townships". Names
 * and aliases must pass the importer's name rules (checkTownshipName, as in the app's settings), so
 * the list can never hold a name no file could match.
 */
export function parseTownshipList(text: string): { ok: true; value: Township[] } | TownshipListError {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, reason: 'json' };
  }
  const list = Array.isArray(data) ? data : isObject(data) ? data.townships : undefined;
  if (!Array.isArray(list)) return { ok: false, reason: 'shape' };
  const out: Township[] = [];
  for (const item of list) {
    if (!isObject(item) || typeof item.name !== 'string' || item.name.trim() === '')
      return { ok: false, reason: 'shape' };
    const name = item.name.trim();
    const type: TownshipType =
      typeof item.type === 'string' && (TOWNSHIP_TYPES as readonly string[]).includes(item.type)
        ? (item.type as TownshipType)
        : inferTownshipType(name);
    const code = typeof item.code === 'string' && /^\d{9}(\d{3})?$/.test(item.code) ? item.code : null;
    const aliases = Array.isArray(item.aliases)
      ? item.aliases.filter((a): a is string => typeof a === 'string' && a.trim() !== '')
      : [];
    for (const n of [name, ...aliases]) {
      const checked = checkTownshipName(n);
      if (!checked.ok)
        return {
          ok: false,
          reason: 'name',
          index: out.length + 1,
          name: n,
          code: checked.code,
          params: checked.params,
        };
    }
    out.push({ name, type, code, aliases });
  }
  return { ok: true, value: out };
}

interface CliIssue {
  readonly severity: Severity;
  readonly code: string;
  readonly line: number | null;
  /** JSON path of the element in a JSON document (`township_month[12]`), as the browser shows it. */
  readonly path?: string;
  readonly column: string | null;
  readonly field: string | null;
  readonly value: string | null;
  readonly message: string;
  /** Workbook sheet and cell (`汇总`, `F5`), when the file is a workbook. */
  readonly sheet?: string;
  readonly cell?: string;
}

/** One file's outcome for printing: an ingest result, or a read failure. */
type FileOutcome =
  | {
      readonly kind: 'ingested';
      readonly file: string;
      readonly result: FileIngestResult;
      readonly issues: CliIssue[];
    }
  | {
      readonly kind: 'unreadable';
      readonly file: string;
      readonly issue: CliIssue;
      readonly tooLarge: boolean;
    };

function renderIssue(lang: Lang, issue: IngestIssue): CliIssue {
  const message = issueMessage(lang, issue);
  return {
    severity: issue.severity,
    code: issue.code,
    line: issue.line,
    ...(issue.path ? { path: issue.path } : {}),
    column: issue.column,
    field: issue.field,
    value: issue.value,
    message,
    ...(issue.sheet !== undefined ? { sheet: issue.sheet } : {}),
    ...(issue.cell !== undefined ? { cell: issue.cell } : {}),
  };
}

const withSource = <T extends { source: { file: string; line: number | null; sheet?: string } }>(r: T) => ({
  ...r,
  source: {
    file: r.source.file,
    line: r.source.line,
    ...(r.source.sheet !== undefined ? { sheet: r.source.sheet } : {}),
  },
});

/**
 * A report's record carries what the report said (issue 11): the evidence for each value (phrase
 * and paragraph line), the numbers that are not field values, and the report's sections.
 */
function withReport<T extends object>(r: FileIngestResult, record: T) {
  const rep = r.report;
  if (!rep) return record;
  return {
    ...record,
    evidence: rep.evidence.map((e) => ({
      field: e.field,
      value: e.value,
      approx: e.approx,
      phrase: e.phrase,
      line: e.line,
    })),
    other_facts: rep.otherFacts.map((f) => ({
      phrase: f.phrase,
      value: f.value,
      unit: f.unit,
      line: f.line,
      reason: f.reason,
    })),
    sections: rep.sections.map((s) => ({ kind: s.kind, heading: s.heading, line: s.line })),
  };
}

/** A report's problem statements name the paragraph they were written in (`paragraph_line`). */
function withParagraphs<T extends { seq: number; source: { file: string } }>(
  results: readonly FileIngestResult[],
  problems: readonly T[],
): (T | (T & { paragraph_line: number | null }))[] {
  const reports = new Map<string, NonNullable<FileIngestResult['report']>>();
  for (const r of results) if (r.report) reports.set(r.file, r.report);
  return problems.map((p) => {
    const rep = reports.get(p.source.file);
    if (!rep) return p;
    return { ...p, paragraph_line: rep.problems.find((x) => x.seq === p.seq)?.line ?? null };
  });
}

function fieldLabel(lang: Lang, kind: FileIngestResult['recordKind'], name: string): string {
  const kinds = kind === null || kind === 'mixed' ? [...FIELDS_BY_RECORD.keys()] : [kind];
  for (const k of kinds) {
    const f = FIELDS_BY_RECORD.get(k)?.find((d) => d.name === name);
    if (f) return `${name}（${lang === 'en' ? f.en : f.zh}）`;
  }
  return name;
}

function issueLine(file: string, i: CliIssue, lang: Lang): string {
  // A workbook issue is located as file:sheet!cell (`报表.xlsx:汇总!F5:`).
  const at = i.sheet !== undefined ? `${i.sheet}${i.cell !== undefined ? `!${i.cell}` : ''}` : null;
  // A JSON element is named by its path (a minified file is a single line), as in the browser.
  if (at === null && i.path) return `${file}:${issueLocation(i)}: [${label(lang, i.severity)}] ${i.message}`;
  const where = [file, at ?? (i.line !== null ? String(i.line) : null)].filter((x) => x !== null).join(':');
  const column = i.column !== null && i.column !== '' ? ` ${i.column}:` : '';
  return `${where}:${column} [${label(lang, i.severity)}] ${i.message}`;
}

function printHuman(out: string[], lang: Lang, o: FileOutcome): void {
  out.push(`${label(lang, 'file')} ${o.file}`);
  if (o.kind === 'unreadable') {
    out.push(`  ${label(lang, 'statusUnreadable')}`);
    out.push(`  ${issueLine(o.file, o.issue, lang)}`);
    out.push('');
    return;
  }
  const r = o.result;
  const none = label(lang, 'none');
  out.push(
    `  ${label(lang, 'encoding')}: ${r.encoding ?? none}   ${label(lang, 'format')}: ${r.format ?? none}` +
      (r.delimiter !== null ? `   ${label(lang, 'delimiter')}: ${JSON.stringify(r.delimiter)}` : '') +
      (r.headerLine !== null ? `   ${label(lang, 'headerLine')}: ${r.headerLine}` : '') +
      (r.recordKind !== null ? `   ${label(lang, 'recordKind')}: ${r.recordKind}` : ''),
  );
  if (r.columns.length > 0) {
    out.push(`  ${label(lang, 'mapping')}:`);
    for (const c of r.columns) {
      const target =
        c.field === null ? label(lang, 'unknownColumn') : fieldLabel(lang, r.recordKind, c.field);
      const scale =
        c.scale !== 1 ? `  [${label(lang, 'scaled', { unit: c.unit ?? '', scale: c.scale })}]` : '';
      out.push(`    ${c.index + 1}. ${c.header === '' ? '""' : c.header} → ${target}${scale}`);
    }
  }
  out.push(`  ${label(lang, 'counts', { ...r.counts })}`);
  printSheets(out, lang, r.sheets);
  const status: LabelKey =
    r.status === 'rejected' ? 'statusRejected' : r.counts.rejected > 0 ? 'statusPartial' : 'statusOk';
  out.push(`  ${label(lang, status, { rejected: r.counts.rejected })}`);
  const errors = o.issues.filter((i) => i.severity === 'error').length;
  out.push(
    `  ${
      o.issues.length === 0
        ? label(lang, 'noIssues')
        : label(lang, 'issues', { n: o.issues.length, errors, warnings: o.issues.length - errors })
    }`,
  );
  // Reading order for people: by line (stable, so same-line issues keep ingest's order); JSON keeps ingest's order.
  // A workbook's issues stay grouped by sheet, in tab order.
  const sheetOrder = new Map((r.sheets ?? []).map((sh, i) => [sh.name, i]));
  const sheetIndex = (i: CliIssue) => (i.sheet !== undefined ? (sheetOrder.get(i.sheet) ?? 0) : 0);
  const byLine = [...o.issues].sort(
    (a, b) => sheetIndex(a) - sheetIndex(b) || (a.line ?? Infinity) - (b.line ?? Infinity),
  );
  for (const i of byLine) out.push(`  ${issueLine(o.file, i, lang)}`);
  out.push('');
}

const SHEET_ROLE_KEYS = {
  data: 'exportui.workbook.role.data',
  rejected: 'exportui.workbook.role.rejected',
} as const;

/** One line per workbook sheet: its handling and counts (they add up to the file's). */
function printSheets(out: string[], lang: Lang, sheets: readonly SheetSummary[] | undefined): void {
  if (!sheets || sheets.length === 0) return;
  out.push(`  ${label(lang, 'sheets', { n: sheets.length })}`);
  for (const s of sheets) {
    const role =
      s.role === 'ignored' && s.reason !== null
        ? translate(lang, `exportui.workbook.reason.${s.reason}`)
        : translate(lang, SHEET_ROLE_KEYS[s.role === 'rejected' ? 'rejected' : 'data']);
    const f = s.formulas;
    out.push(
      `    ${label(lang, 'sheetLine', {
        name: s.name,
        hidden:
          s.state === 'visible'
            ? ''
            : `${lang === 'en' ? ' ' : ''}${translate(lang, 'exportui.workbook.state.hidden')}`,
        role,
        ...s.counts,
        formulas: f.cached + f.computed + f.unresolved,
        ...f,
      })}`,
    );
  }
}

/**
 * An ignored record as the browser's import report lists it: where it is, the named rule
 * (`rule`, stable) with its label in the chosen language, and the record's text.
 */
function jsonIgnored(lang: Lang, r: IgnoredRecord) {
  const key = `dashboard.report.ignore.${r.reason}`;
  return {
    line: r.line,
    ...(r.path ? { path: r.path } : {}),
    rule: r.reason,
    message: isMessageKey(key) ? translate(lang, key) : r.reason,
    raw: r.raw,
  };
}

function jsonIssue(i: CliIssue) {
  return {
    severity: i.severity,
    code: i.code,
    line: i.line,
    ...(i.path ? { path: i.path, location: issueLocation(i) } : {}),
    column: i.column,
    field: i.field,
    value: i.value,
    message: i.message,
    ...(i.sheet !== undefined ? { sheet: i.sheet, cell: i.cell ?? null } : {}),
  };
}

/**
 * The ledger-vs-report cross-check over every accepted record of the files given together
 * (docs/decisions/0005-ledger-and-report-totals.md). Warnings only: never changes the exit status.
 */
function crossCheckFiles(
  results: readonly FileIngestResult[],
  townships: readonly Township[],
): LedgerCheck[] {
  return ledgerReportChecks(
    buildCube({
      district: null,
      townships,
      townshipMonths: results.flatMap((r) => r.townshipMonths),
      hazards: results.flatMap((r) => r.hazards),
      problems: [],
    }),
  );
}

function printLedgerChecks(out: string[], lang: Lang, checks: readonly LedgerCheck[]): void {
  if (checks.length === 0) return;
  out.push(label(lang, 'ledgerChecks', { n: checks.length }));
  for (const c of checks) {
    const where = [c.reportSource.file, c.reportSource.line].filter((x) => x !== null).join(':');
    out.push(`  ${where}: [${label(lang, 'warning')}] ${ledgerCheckMessage(lang, c)}`);
  }
  out.push('');
}

const jsonLedgerCheck = (lang: Lang, c: LedgerCheck) => ({
  severity: 'warning' as const,
  township: c.township,
  period: c.period,
  field: c.field,
  report: c.report,
  ledger: c.ledger,
  report_source: { file: c.reportSource.file, line: c.reportSource.line },
  ledger_files: [...c.ledgerFiles],
  message: ledgerCheckMessage(lang, c),
});

/** Where the shipped classifier lives, relative to this script (read from disk, no network). */
export const MODEL_FILE = 'public/models/problem-classifier.json';

/**
 * The shipped problem classifier (docs/decisions/0007-problem-classifier-model.md), the same
 * asset the app loads, so the CLI reports the app's decision. Err: the reason it is unusable.
 */
export function loadShippedModel(): Result<ProblemModel, string> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(new URL(`../${MODEL_FILE}`, import.meta.url), 'utf8'));
  } catch (e) {
    return err(e instanceof Error ? e.message : String(e));
  }
  const asset = parseProblemModelAsset(raw);
  return asset.ok ? ok(ProblemModel.fromAsset(asset.value)) : err(asset.error.slice(0, 3).join('; '));
}

/** The problem statements' part of the human report: a count, then each statement to confirm. */
function printProblems(out: string[], lang: Lang, problems: readonly ExportedProblem[]): void {
  if (problems.length === 0) return;
  const low = problems.filter((p) => p.low_confidence);
  const threshold = String(LOW_CONFIDENCE_BELOW);
  out.push(
    low.length === 0
      ? label(lang, 'problemsAllConfident', { n: problems.length, threshold })
      : label(lang, 'problemsLowConfidence', { n: problems.length, low: low.length, threshold }),
  );
  for (const p of low)
    out.push(
      '  ' +
        label(lang, 'lowConfidenceLine', {
          where: [p.source.file, p.source.line].filter((x) => x !== null).join(':'),
          township: p.township,
          period: p.period,
          seq: p.seq,
          // Quoted and escaped: a statement is data and may hold control characters.
          text: JSON.stringify(p.text),
          category: p.category,
          name: categoryName(p.category, EMPTY_PROBLEM_EDITS, lang),
          confidence: p.confidence.toFixed(3),
          alternatives: p.alternatives
            .filter((a) => a.category !== p.category)
            .map(
              (a) =>
                `${a.category} ${categoryName(a.category, EMPTY_PROBLEM_EDITS, lang)} ${a.score.toFixed(3)}`,
            )
            .join(lang === 'en' ? ', ' : '，'),
        }),
    );
  out.push('');
}

/** Runs the CLI; returns the exit status and what to print (kept separate for testing). */
export function run(
  argv: readonly string[],
  today: () => string = todayLocal,
  loadModel: () => Result<ProblemModel, string> = loadShippedModel,
): {
  code: number;
  stdout: string;
  stderr: string;
} {
  const parsed = parseArgs(argv);
  if (!parsed.ok) return { code: 2, stdout: '', stderr: parsed.message + '\n' };
  const { args } = parsed;
  const lang = args.lang;
  const stderr: string[] = [];
  let usageOrReadError = false;

  let knownTownships: Township[] = [];
  if (args.townshipsFile !== null) {
    const read = readInput(lang, args.townshipsFile);
    if (!read.ok) {
      return {
        code: 2,
        stdout: '',
        stderr: label(lang, 'cannotRead', { file: args.townshipsFile, reason: read.reason }) + '\n',
      };
    }
    const list = parseTownshipList(new TextDecoder('utf-8').decode(read.bytes));
    if (!list.ok) {
      const reason =
        list.reason === 'name'
          ? label(lang, 'badTownshipName', {
              index: list.index,
              name: list.name,
              reason: translate(lang, list.code, list.params),
            })
          : label(lang, list.reason === 'json' ? 'notJson' : 'townshipsShape');
      return {
        code: 2,
        stdout: '',
        stderr: label(lang, 'badTownships', { file: args.townshipsFile, reason }) + '\n',
      };
    }
    knownTownships = list.value;
  }

  const todayStr = args.today ?? today();
  const outcomes: FileOutcome[] = [];
  for (const file of args.files) {
    const read = readInput(lang, file);
    if (!read.ok) {
      const message = label(lang, 'cannotRead', { file, reason: read.reason });
      if (!read.tooLarge) usageOrReadError = true;
      stderr.push(message);
      outcomes.push({
        kind: 'unreadable',
        file,
        tooLarge: read.tooLarge,
        issue: {
          severity: 'error',
          code: 'cli.cannot_read',
          line: null,
          column: null,
          field: null,
          value: null,
          message,
        },
      });
      continue;
    }
    try {
      // The browser's entry points (CSV, JSON and .xlsx workbooks alike; Word/text monthly
      // reports through the report path, issue 11), synchronous.
      const options = { fileName: file, knownTownships, today: todayStr };
      const result = isReportFile(read.bytes, file)
        ? ingestReportBytes(read.bytes, options)
        : ingestAnyBytes(read.bytes, options);
      outcomes.push({
        kind: 'ingested',
        file,
        result,
        issues: result.issues.map((i) => renderIssue(lang, i)),
      });
    } catch (e) {
      // Ingest never throws on bad data; reaching here is a bug. Report it without a stack trace.
      const message = label(lang, 'internal', { file, reason: e instanceof Error ? e.message : String(e) });
      usageOrReadError = true;
      stderr.push(message);
      outcomes.push({
        kind: 'unreadable',
        file,
        tooLarge: false,
        issue: {
          severity: 'error',
          code: 'cli.internal_error',
          line: null,
          column: null,
          field: null,
          value: null,
          message,
        },
      });
    }
  }

  const ingested = outcomes.filter(
    (o): o is Extract<FileOutcome, { kind: 'ingested' }> => o.kind === 'ingested',
  );
  const anyRejected =
    outcomes.some((o) => o.kind === 'unreadable' && o.tooLarge) ||
    ingested.some((o) => o.result.status === 'rejected' || o.result.counts.rejected > 0);
  const code = usageOrReadError ? 2 : anyRejected ? 1 : 0;

  const okResults = ingested.filter((o) => o.result.status === 'ok').map((o) => o.result);
  const checks = crossCheckFiles(okResults, knownTownships);
  // Say which list names were checked against, or clearly that they were not.
  const townshipCheck =
    args.townshipsFile !== null
      ? label(lang, 'townshipsChecked', { file: args.townshipsFile, n: knownTownships.length })
      : label(lang, 'townshipsUnchecked');

  // Problem statements: problems_text split, plus itemised problem records (issue 4), decided by
  // the statistical model. The model is loaded only when there is something to classify.
  const statements = buildProblemStatements({
    townshipMonths: okResults.flatMap((r) => r.townshipMonths),
    problems: okResults.flatMap((r) => r.problems),
  });
  let problems: ExportedProblem[] = [];
  if (statements.length > 0) {
    const model = loadModel();
    // A missing or damaged asset is a broken installation: say so, never fall back silently.
    if (!model.ok)
      return {
        code: 2,
        stdout: '',
        stderr: label(lang, 'modelUnavailable', { file: MODEL_FILE, reason: model.error }) + '\n',
      };
    problems = problemsForExport(statements, model.value);
  }

  let stdout: string;
  if (args.json) {
    const doc = {
      township_check: {
        checked: args.townshipsFile !== null,
        list: args.townshipsFile,
        townships: knownTownships.length,
        message: townshipCheck,
      },
      files: outcomes.map((o) =>
        o.kind === 'ingested'
          ? {
              file: o.file,
              encoding: o.result.encoding,
              format: o.result.format,
              status: o.result.status,
              counts: { ...o.result.counts },
              issues: o.issues.map(jsonIssue),
              ...(o.result.sheets ? { sheets: o.result.sheets } : {}),
              ...(o.result.report ? { report_status: o.result.report.status } : {}),
              ignored: o.result.ignored.map((r) => jsonIgnored(lang, r)),
            }
          : {
              file: o.file,
              encoding: null,
              format: null,
              status: 'rejected' as const,
              counts: { total: 0, accepted: 0, rejected: 0, ignored: 0 },
              issues: [jsonIssue(o.issue)],
              ignored: [],
            },
      ),
      // A rejected file contributes no records (the contract already returns none; filter anyway).
      township_month: okResults.flatMap((r) => r.townshipMonths.map((t) => withReport(r, withSource(t)))),
      hazards: okResults.flatMap((r) => r.hazards.map(withSource)),
      problems: withParagraphs(okResults, problems),
      ledger_checks: checks.map((c) => jsonLedgerCheck(lang, c)),
    };
    stdout = JSON.stringify(doc, null, 2) + '\n';
  } else {
    const out: string[] = [townshipCheck, ''];
    for (const o of outcomes) printHuman(out, lang, o);
    printLedgerChecks(out, lang, checks);
    printProblems(out, lang, problems);
    const sum = (k: 'accepted' | 'rejected' | 'ignored') =>
      ingested.reduce((s, o) => s + o.result.counts[k], 0);
    out.push(
      label(lang, 'summary', {
        files: outcomes.length,
        accepted: sum('accepted'),
        rejected: sum('rejected'),
        ignored: sum('ignored'),
        rejectedFiles: ingested.filter((o) => o.result.status === 'rejected').length,
        unreadable: outcomes.length - ingested.length,
      }),
    );
    // Long reports scroll: repeat the unchecked-names note after the summary, where people look.
    if (args.townshipsFile === null) out.push(townshipCheck);
    stdout = out.join('\n') + '\n';
  }
  // In human mode the read errors are already in the report; in JSON mode stderr is the only
  // place a person sees them, and the unchecked-names note too.
  if (args.json && args.townshipsFile === null) stderr.push(townshipCheck);
  return { code, stdout, stderr: args.json && stderr.length > 0 ? stderr.join('\n') + '\n' : '' };
}

// Run only when executed directly (the test imports parseArgs / parseTownshipList).
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  // `validate … | head` closes the pipe early; that is not an error worth a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  let result: { code: number; stdout: string; stderr: string };
  try {
    result = run(process.argv.slice(2));
  } catch (e) {
    result = { code: 2, stdout: '', stderr: `validate: ${e instanceof Error ? e.message : String(e)}\n` };
  }
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exitCode = result.code;
}
