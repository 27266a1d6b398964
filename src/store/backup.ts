/**
 * The backup file: the whole database (batches, records, revisions, settings, problem-category
 * edits) as one JSON document with a format marker and schema version. Reading a backup validates
 * every part and rebuilds each record field by field (unknown keys dropped, types checked, no
 * coercion), so a tampered or truncated file cannot put malformed data into the store.
 */
import { pushAll } from '../domain/arrays';
import { isIsoDate, isPeriod } from '../domain/month';
import { isProblemCategoryCode } from '../domain/problem-categories';
import {
  NUMERIC_FIELDS,
  type HazardRecord,
  type HazardTallyRecord,
  type ProblemRecordInput,
  type SourceRef,
  type TownshipMonthRecord,
} from '../domain/records';
import type { Result } from '../domain/result';
import { err, ok } from '../domain/result';
import { isSectorCode } from '../domain/sectors';
import { isMessageKey } from '../i18n/i18n';
// Issue codes in a backup are checked against every message area, the on-demand ones included.
import '../i18n/lazy-messages';
import type { IngestIssue, RejectedRow } from '../ingest/types';
import {
  findHostileKey,
  isObject,
  own,
  tryParseJson,
  type ValidationIssue,
  type ValidationReason,
} from './json-guard';
import type {
  AnyRecord,
  BatchRow,
  BatchSource,
  ConflictDecision,
  RevisionRow,
  Settings,
  StoredKind,
  StoredRecord,
} from './persist-types';
import { baseKeyOf, isRecordIdFor } from './record-keys';
import { validateSettings } from './settings';

export const BACKUP_FORMAT = 'tsd-backup';
export const BACKUP_SCHEMA_VERSION = 1;

/** A parsed, validated backup. */
export interface BackupFile {
  readonly format: typeof BACKUP_FORMAT;
  readonly schema_version: number;
  readonly exportedAt: string;
  readonly settings: Settings;
  readonly problemCategoryEdits: unknown;
  readonly batches: readonly BatchRow[];
  readonly records: readonly StoredRecord[];
  readonly revisions: readonly RevisionRow[];
}

/** Accounting of a restore, like an import's. */
export interface BackupCounts {
  readonly restored: number;
  readonly identical: number;
  readonly conflicting: number;
  readonly batchesAdded: number;
  /** True when the backup's settings were taken (this database had none). */
  readonly settingsAdopted: boolean;
  readonly resolution: ConflictDecision;
}

/** Assembles the JSON value of a backup (the caller stringifies it). */
export function buildBackup(parts: {
  exportedAt: string;
  settings: Settings;
  problemCategoryEdits: unknown;
  batches: readonly BatchRow[];
  records: readonly StoredRecord[];
  revisions: readonly RevisionRow[];
}): Record<string, unknown> {
  return {
    format: BACKUP_FORMAT,
    schema_version: BACKUP_SCHEMA_VERSION,
    exported_at: parts.exportedAt,
    settings: parts.settings,
    problem_category_edits: parts.problemCategoryEdits,
    batches: parts.batches,
    records: parts.records,
    revisions: parts.revisions,
  };
}

type Obj = Readonly<Record<string, unknown>>;

type ReasonName =
  | 'not_text'
  | 'not_text_or_null'
  | 'not_number_or_null'
  | 'not_text_list'
  | 'not_object'
  | 'not_list'
  | 'bad_period'
  | 'bad_scope'
  | 'bad_date'
  | 'unknown_code'
  | 'id_mismatch'
  | 'issue_code'
  | 'issue_params'
  | 'unknown_source'
  | 'missing'
  | 'bad_hash'
  | 'rejected_row'
  | 'batch_not_in_file'
  | 'duplicate_id';

/**
 * Why a part of the backup is invalid, as a message key and its params: the restore message is
 * shown to the office in Chinese or English, so the reason is translated like every other text
 * (docs/architecture.md, i18n layer), never an English fragment built here.
 */
const why = (name: ReasonName, params: Record<string, string> = {}): ValidationReason => ({
  code: `store.validation.reason.${name}`,
  params,
});

class Checker {
  readonly issues: ValidationIssue[] = [];
  fail(
    path: string,
    reason: ValidationReason,
    code: ValidationIssue['code'] = 'store.validation.bad_record',
  ): void {
    // Cap the list: a corrupted 10 000-record file should not produce 10 000 messages.
    if (this.issues.length < 50) this.issues.push({ path, code, params: {}, reason });
  }
  str(o: Obj, key: string, path: string): string | null {
    const v = own(o, key);
    if (typeof v === 'string') return v;
    this.fail(`${path}.${key}`, why('not_text', { key }));
    return null;
  }
  optStr(o: Obj, key: string, path: string): string | null | undefined {
    const v = own(o, key);
    if (v === null || v === undefined) return null;
    if (typeof v === 'string') return v;
    this.fail(`${path}.${key}`, why('not_text_or_null', { key }));
    return undefined;
  }
  optNum(o: Obj, key: string, path: string): number | null | undefined {
    const v = own(o, key);
    if (v === null || v === undefined) return null;
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    this.fail(`${path}.${key}`, why('not_number_or_null', { key }));
    return undefined;
  }
  strList(o: Obj, key: string, path: string): string[] | null {
    const v = own(o, key);
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
    this.fail(`${path}.${key}`, why('not_text_list', { key }));
    return null;
  }
}

function readSource(c: Checker, v: unknown, path: string): SourceRef | null {
  if (!isObject(v)) {
    c.fail(path, why('not_object', { key: 'source' }));
    return null;
  }
  const file = c.str(v, 'file', path);
  const line = c.optNum(v, 'line', path);
  if (file === null || line === undefined) return null;
  // A workbook row's sheet (src/ingest/ingest-workbook.ts) survives a backup round trip.
  const sheet = own(v, 'sheet');
  return typeof sheet === 'string' ? { file, line, sheet } : { file, line };
}

function readTownshipMonth(c: Checker, o: Obj, path: string): TownshipMonthRecord | null {
  const before = c.issues.length;
  const township = c.str(o, 'township', path);
  const period = c.str(o, 'period', path);
  if (period !== null && !isPeriod(period))
    c.fail(`${path}.period`, why('bad_period', { key: 'period', value: period }));
  const scope = own(o, 'period_scope');
  if (scope !== 'month' && scope !== 'ytd')
    c.fail(`${path}.period_scope`, why('bad_scope', { value: String(scope) }));
  const reportDate = c.optStr(o, 'report_date', path);
  if (typeof reportDate === 'string' && !isIsoDate(reportDate))
    c.fail(`${path}.report_date`, why('bad_date', { key: 'report_date', value: reportDate }));
  const sectorsRaw = own(o, 'focus_sectors');
  let focus: string[] | null = null;
  if (sectorsRaw !== null && sectorsRaw !== undefined) {
    focus = c.strList(o, 'focus_sectors', path);
    if (focus && !focus.every(isSectorCode))
      c.fail(`${path}.focus_sectors`, why('unknown_code', { key: 'focus_sectors', value: focus.join(', ') }));
  }
  const problemsText = c.optStr(o, 'problems_text', path);
  const nextSteps = c.optStr(o, 'next_steps_text', path);
  const remarks = c.optStr(o, 'remarks', path);
  const approx = c.strList(o, 'approx', path);
  if (approx && !approx.every((a) => (NUMERIC_FIELDS as readonly string[]).includes(a)))
    c.fail(`${path}.approx`, why('unknown_code', { key: 'approx', value: approx.join(', ') }));
  const flags = c.strList(o, 'flags', path);
  if (flags && !flags.every((f) => f === 'rectified_scope_flow'))
    c.fail(`${path}.flags`, why('unknown_code', { key: 'flags', value: flags.join(', ') }));
  const source = readSource(c, own(o, 'source'), `${path}.source`);
  const numbers = new Map<string, number | null>();
  for (const f of NUMERIC_FIELDS) {
    const n = c.optNum(o, f, path);
    if (n !== undefined) numbers.set(f, n);
  }
  if (c.issues.length > before || !source) return null;
  const rec: Record<string, unknown> = {
    township,
    period,
    period_scope: scope,
    report_date: reportDate,
    focus_sectors: focus,
    problems_text: problemsText,
    next_steps_text: nextSteps,
    remarks,
    approx,
    flags,
    source,
  };
  for (const [k, v] of numbers) rec[k] = v;
  return rec as unknown as TownshipMonthRecord;
}

const HAZARD_LEVELS = new Set(['general', 'major']);
const HAZARD_STATUSES = new Set(['rectified', 'closed', 'in_progress', 'transferred']);

function readHazard(c: Checker, o: Obj, path: string): HazardRecord | null {
  const before = c.issues.length;
  const township = c.str(o, 'township', path);
  const dateFound = c.str(o, 'date_found', path);
  if (dateFound !== null && !isIsoDate(dateFound))
    c.fail(`${path}.date_found`, why('bad_date', { key: 'date_found', value: dateFound }));
  const period = c.str(o, 'period', path);
  if (period !== null && !isPeriod(period))
    c.fail(`${path}.period`, why('bad_period', { key: 'period', value: period }));
  const sector = c.str(o, 'sector', path);
  if (sector !== null && !isSectorCode(sector))
    c.fail(`${path}.sector`, why('unknown_code', { key: 'sector', value: sector }));
  const level = own(o, 'level');
  if (typeof level !== 'string' || !HAZARD_LEVELS.has(level))
    c.fail(`${path}.level`, why('unknown_code', { key: 'level', value: String(level) }));
  const status = own(o, 'status');
  if (typeof status !== 'string' || !HAZARD_STATUSES.has(status))
    c.fail(`${path}.status`, why('unknown_code', { key: 'status', value: String(status) }));
  const description = c.str(o, 'description', path);
  const dates = ['rectified_date', 'deadline'].map((k) => {
    const d = c.optStr(o, k, path);
    if (typeof d === 'string' && !isIsoDate(d)) c.fail(`${path}.${k}`, why('bad_date', { key: k, value: d }));
    return d;
  });
  const village = c.optStr(o, 'village', path);
  const unit = c.optStr(o, 'unit_name', path);
  const source = readSource(c, own(o, 'source'), `${path}.source`);
  if (c.issues.length > before || !source) return null;
  return {
    township: township!,
    date_found: dateFound!,
    period: period!,
    sector: sector as HazardRecord['sector'],
    level: level as HazardRecord['level'],
    description: description!,
    status: status as HazardRecord['status'],
    rectified_date: dates[0] ?? null,
    deadline: dates[1] ?? null,
    village: village ?? null,
    unit_name: unit ?? null,
    source,
  };
}

function readProblem(c: Checker, o: Obj, path: string): ProblemRecordInput | null {
  const before = c.issues.length;
  const township = c.str(o, 'township', path);
  const period = c.str(o, 'period', path);
  if (period !== null && !isPeriod(period))
    c.fail(`${path}.period`, why('bad_period', { key: 'period', value: period }));
  const text = c.str(o, 'text', path);
  const category = c.optStr(o, 'category', path);
  if (typeof category === 'string' && !isProblemCategoryCode(category))
    c.fail(`${path}.category`, why('unknown_code', { key: 'category', value: category }));
  const source = readSource(c, own(o, 'source'), `${path}.source`);
  if (c.issues.length > before || !source) return null;
  return {
    township: township!,
    period: period!,
    text: text!,
    category: category as ProblemRecordInput['category'],
    source,
  };
}

/** A hazard aggregate row (agg.json, docs/scale-out.md): the same codes as a hazard, three counts. */
function readHazardTally(c: Checker, o: Obj, path: string): HazardTallyRecord | null {
  const before = c.issues.length;
  const township = c.str(o, 'township', path);
  const period = c.str(o, 'period', path);
  if (period !== null && !isPeriod(period))
    c.fail(`${path}.period`, why('bad_period', { key: 'period', value: period }));
  const sector = c.str(o, 'sector', path);
  if (sector !== null && !isSectorCode(sector))
    c.fail(`${path}.sector`, why('unknown_code', { key: 'sector', value: sector }));
  const level = own(o, 'level');
  if (typeof level !== 'string' || !HAZARD_LEVELS.has(level))
    c.fail(`${path}.level`, why('unknown_code', { key: 'level', value: String(level) }));
  const counts = (['found', 'rectified', 'overdue'] as const).map((k) => {
    const n = c.optNum(o, k, path);
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0)
      c.fail(`${path}.${k}`, why('unknown_code', { key: k, value: String(n) }));
    return n ?? 0;
  });
  const asOf = c.str(o, 'as_of', path);
  if (asOf !== null && !isIsoDate(asOf))
    c.fail(`${path}.as_of`, why('bad_date', { key: 'as_of', value: asOf }));
  const source = readSource(c, own(o, 'source'), `${path}.source`);
  if (c.issues.length > before || !source) return null;
  return {
    township: township!,
    period: period!,
    sector: sector as HazardTallyRecord['sector'],
    level: level as HazardTallyRecord['level'],
    found: counts[0] ?? 0,
    rectified: counts[1] ?? 0,
    overdue: counts[2] ?? 0,
    as_of: asOf!,
    source,
  };
}

const KINDS = new Set<StoredKind>(['township_month', 'hazard', 'problem', 'hazard_tally']);

function readRecordOfKind(c: Checker, kind: StoredKind, v: unknown, path: string): AnyRecord | null {
  if (!isObject(v)) {
    c.fail(path, why('not_object', { key: 'record' }));
    return null;
  }
  if (kind === 'township_month') return readTownshipMonth(c, v, path);
  if (kind === 'hazard') return readHazard(c, v, path);
  if (kind === 'hazard_tally') return readHazardTally(c, v, path);
  return readProblem(c, v, path);
}

/** Reads the stored-record envelope; the id must match the record's natural key (no forged keys). */
function readStored(
  c: Checker,
  v: unknown,
  path: string,
): (Omit<StoredRecord, 'batchSeq'> & { batchSeq: number }) | null {
  if (!isObject(v)) {
    c.fail(path, why('not_object', { key: 'records' }));
    return null;
  }
  const id = c.str(v, 'id', path);
  const kind = own(v, 'kind');
  const batchId = c.str(v, 'batchId', path);
  const ordinal = c.optNum(v, 'ordinal', path);
  const batchSeq = c.optNum(v, 'batchSeq', path);
  if (typeof kind !== 'string' || !KINDS.has(kind as StoredKind)) {
    c.fail(`${path}.kind`, why('unknown_code', { key: 'kind', value: String(kind) }));
    return null;
  }
  const record = readRecordOfKind(c, kind as StoredKind, own(v, 'record'), `${path}.record`);
  if (
    !record ||
    id === null ||
    batchId === null ||
    typeof ordinal !== 'number' ||
    typeof batchSeq !== 'number'
  )
    return null;
  // Hazard/problem ids carry an occurrence number within their file (two identical ledger lines
  // are two records), so any occurrence is valid.
  const matches = isRecordIdFor(id, kind as StoredKind, baseKeyOf(kind as StoredKind, record));
  if (!matches) {
    c.fail(`${path}.id`, why('id_mismatch'));
    return null;
  }
  return { id, kind: kind as StoredKind, batchId, ordinal, batchSeq, record };
}

function readIssue(c: Checker, v: unknown, path: string): IngestIssue | null {
  if (!isObject(v)) {
    c.fail(path, why('not_object', { key: 'issues' }), 'store.validation.bad_batch');
    return null;
  }
  const code = own(v, 'code');
  const severity = own(v, 'severity');
  const params = own(v, 'params');
  // Issue codes are rendered through translate(): an unknown key would break the history view.
  if (typeof code !== 'string' || !isMessageKey(code) || (severity !== 'error' && severity !== 'warning')) {
    c.fail(path, why('issue_code', { value: String(code) }), 'store.validation.bad_batch');
    return null;
  }
  if (
    !isObject(params) ||
    !Object.values(params).every((p) => typeof p === 'string' || typeof p === 'number')
  ) {
    c.fail(`${path}.params`, why('issue_params'), 'store.validation.bad_batch');
    return null;
  }
  const text = (k: string): string | null => {
    const x = own(v, k);
    return typeof x === 'string' ? x : null;
  };
  const line = own(v, 'line');
  const elementPath = text('path');
  return {
    severity,
    code,
    file: text('file') ?? '',
    line: typeof line === 'number' ? line : null,
    ...(elementPath !== null ? { path: elementPath } : {}),
    column: text('column'),
    field: text('field'),
    value: text('value'),
    params: Object.fromEntries(Object.entries(params)) as Record<string, string | number>,
    ...(text('sheet') !== null ? { sheet: text('sheet') ?? '' } : {}),
    ...(text('cell') !== null ? { cell: text('cell') ?? '' } : {}),
  };
}

function readSourceOfBatch(c: Checker, v: unknown, path: string): BatchSource | null {
  if (!isObject(v)) {
    c.fail(path, why('not_object', { key: 'source' }), 'store.validation.bad_batch');
    return null;
  }
  const kind = own(v, 'kind');
  const name = own(v, 'name');
  if (typeof name !== 'string') {
    c.fail(`${path}.name`, why('not_text', { key: 'name' }), 'store.validation.bad_batch');
    return null;
  }
  if (kind === 'file' || kind === 'sample' || kind === 'backup') return { kind, name };
  const url = own(v, 'url');
  const httpStatus = own(v, 'httpStatus');
  if ((kind === 'url' || kind === 'endpoint') && typeof url === 'string' && typeof httpStatus === 'number') {
    if (kind === 'url') return { kind, name, url, httpStatus };
    const reportId = own(v, 'reportId');
    if (typeof reportId === 'string') return { kind, name, url, httpStatus, reportId };
  }
  c.fail(path, why('unknown_source'), 'store.validation.bad_batch');
  return null;
}

function readBatch(c: Checker, v: unknown, path: string): BatchRow | null {
  if (!isObject(v)) {
    c.fail(path, why('not_object', { key: 'batches' }), 'store.validation.bad_batch');
    return null;
  }
  const before = c.issues.length;
  const id = own(v, 'id');
  const hash = own(v, 'hash');
  const importedAt = own(v, 'importedAt');
  const seq = own(v, 'seq');
  if (typeof id !== 'string' || id === '')
    c.fail(`${path}.id`, why('missing', { key: 'id' }), 'store.validation.bad_batch');
  if (typeof hash !== 'string' || !/^[0-9a-f]{64}$/.test(hash))
    c.fail(`${path}.hash`, why('bad_hash'), 'store.validation.bad_batch');
  if (typeof importedAt !== 'string')
    c.fail(`${path}.importedAt`, why('missing', { key: 'importedAt' }), 'store.validation.bad_batch');
  if (typeof seq !== 'number' || !Number.isInteger(seq))
    c.fail(`${path}.seq`, why('missing', { key: 'seq' }), 'store.validation.bad_batch');
  const source = readSourceOfBatch(c, own(v, 'source'), `${path}.source`);
  const issuesRaw = own(v, 'issues');
  const issues = Array.isArray(issuesRaw)
    ? issuesRaw.map((x, i) => readIssue(c, x, `${path}.issues[${i}]`))
    : null;
  if (!issues) c.fail(`${path}.issues`, why('not_list', { key: 'issues' }), 'store.validation.bad_batch');
  const rejRaw = own(v, 'rejectedRows');
  const rejectedRows: RejectedRow[] = [];
  if (!Array.isArray(rejRaw))
    c.fail(`${path}.rejectedRows`, why('not_list', { key: 'rejectedRows' }), 'store.validation.bad_batch');
  else
    rejRaw.forEach((r, i) => {
      const p = `${path}.rejectedRows[${i}]`;
      const raw = isObject(r) ? own(r, 'raw') : undefined;
      const reasons = isObject(r) ? own(r, 'reasons') : undefined;
      const line = isObject(r) ? own(r, 'line') : undefined;
      if (!Array.isArray(raw) || !raw.every((x) => typeof x === 'string') || !Array.isArray(reasons)) {
        c.fail(p, why('rejected_row'), 'store.validation.bad_batch');
        return;
      }
      const rs = reasons
        .map((x, j) => readIssue(c, x, `${p}.reasons[${j}]`))
        .filter((x): x is IngestIssue => !!x);
      const rowPath = isObject(r) ? own(r, 'path') : undefined;
      rejectedRows.push({
        line: typeof line === 'number' ? line : null,
        ...(typeof rowPath === 'string' ? { path: rowPath } : {}),
        raw: raw as string[],
        reasons: rs,
      });
    });
  const result = own(v, 'result');
  const counts = own(v, 'counts');
  const outcome = own(v, 'outcome');
  if (!isObject(result) || !isObject(counts) || !isObject(outcome))
    c.fail(path, why('missing', { key: 'result/counts/outcome' }), 'store.validation.bad_batch');
  if (c.issues.length > before || !source || !issues) return null;
  const num = (o: unknown, k: string): number => {
    const x = isObject(o) ? own(o, k) : undefined;
    return typeof x === 'number' && Number.isFinite(x) ? x : 0;
  };
  const text = (k: string): string | null => (typeof own(v, k) === 'string' ? (own(v, k) as string) : null);
  const cleanIssues = issues.filter((x): x is IngestIssue => !!x);
  const ingestCounts = {
    total: num(counts, 'total'),
    accepted: num(counts, 'accepted'),
    rejected: num(counts, 'rejected'),
    ignored: num(counts, 'ignored'),
  };
  const r = result as Obj;
  const enc = own(r, 'encoding');
  const fmt = own(r, 'format');
  const encoding =
    (['utf-8', 'utf-8-bom', 'gb18030', 'utf-16le', 'utf-16be'] as const).find((e) => e === enc) ?? null;
  const format =
    (['csv', 'json', 'jsonl', 'xlsx', 'docx', 'doc', 'txt', 'paste'] as const).find((f) => f === fmt) ?? null;
  const file = typeof own(r, 'file') === 'string' ? (own(r, 'file') as string) : source.name;
  const bytes = num(v, 'bytes');
  return {
    id: id as string,
    seq: seq as number,
    source,
    importedAt: importedAt as string,
    bytes,
    hash: hash as string,
    hashAlgorithm: 'sha-256',
    encoding,
    format,
    district: text('district'),
    counts: ingestCounts,
    outcome: {
      added: num(outcome, 'added'),
      identical: num(outcome, 'identical'),
      replaced: num(outcome, 'replaced'),
      kept: num(outcome, 'kept'),
      duplicateInFile: num(outcome, 'duplicateInFile'),
    },
    issues: cleanIssues,
    rejectedRows,
    // The result is rebuilt from checked parts only; column mappings and ignored lines are not restored.
    result: {
      file,
      bytes,
      encoding,
      format,
      delimiter: typeof own(r, 'delimiter') === 'string' ? (own(r, 'delimiter') as string) : null,
      recordKind: null,
      headerLine: null,
      columns: [],
      status: 'ok',
      counts: ingestCounts,
      issues: cleanIssues,
      ignored: [],
      rejectedRows,
      townshipMonths: [],
      hazards: [],
      problems: [],
      townships: [],
      district: text('district'),
    },
  };
}

function readRevision(c: Checker, v: unknown, path: string): RevisionRow | null {
  const stored = readStored(c, isObject(v) ? { ...v, id: own(v, 'recordId') } : v, path);
  if (!stored || !isObject(v)) return null;
  const id = c.str(v, 'id', path);
  const replacedBy = c.str(v, 'replacedBy', path);
  const replacedAt = c.str(v, 'replacedAt', path);
  if (id === null || replacedBy === null || replacedAt === null) return null;
  return {
    id,
    recordId: stored.id,
    kind: stored.kind,
    batchId: stored.batchId,
    batchSeq: stored.batchSeq,
    ordinal: stored.ordinal,
    record: stored.record,
    replacedBy,
    replacedAt,
  };
}

/**
 * Parses and validates a backup file. Refuses malformed JSON, hostile keys anywhere, a foreign
 * format marker, an unsupported schema version, and any invalid batch, record, revision or
 * settings (all issues reported, capped at 50). Records must point at a batch in the file; record
 * ids must match their natural keys; duplicate record ids are refused.
 */
export function parseBackup(text: string): Result<BackupFile, ValidationIssue[]> {
  const parsed = tryParseJson(text);
  if (!parsed.ok) return err([{ path: '$', code: 'store.validation.bad_json', params: {} }]);
  const hostile = findHostileKey(parsed.value);
  if (hostile) return err([{ path: hostile, code: 'store.validation.hostile_key', params: {} }]);
  const v = parsed.value;
  if (!isObject(v) || own(v, 'format') !== BACKUP_FORMAT) {
    return err([{ path: '$.format', code: 'store.validation.wrong_format', params: {} }]);
  }
  const sv = own(v, 'schema_version');
  if (typeof sv !== 'number' || sv < 1 || sv > BACKUP_SCHEMA_VERSION) {
    return err([
      { path: '$.schema_version', code: 'store.validation.schema_version', params: { value: String(sv) } },
    ]);
  }
  const c = new Checker();
  const settings = validateSettings(own(v, 'settings') ?? {}, '$.settings');
  if (!settings.ok) pushAll(c.issues, settings.error);
  const list = (key: string): unknown[] => {
    const x = own(v, key);
    if (Array.isArray(x)) return x;
    c.fail(`$.${key}`, why('not_list', { key }), 'store.validation.not_list');
    return [];
  };
  const batches = list('batches').map((b, i) => readBatch(c, b, `$.batches[${i}]`));
  const batchIds = new Set(batches.filter((b): b is BatchRow => !!b).map((b) => b.id));
  const seenIds = new Set<string>();
  const records = list('records').map((r, i) => {
    const s = readStored(c, r, `$.records[${i}]`);
    if (!s) return null;
    if (!batchIds.has(s.batchId))
      c.fail(`$.records[${i}].batchId`, why('batch_not_in_file', { value: s.batchId }));
    if (seenIds.has(s.id)) c.fail(`$.records[${i}].id`, why('duplicate_id'));
    seenIds.add(s.id);
    return s;
  });
  const revisions = list('revisions').map((r, i) => {
    const rev = readRevision(c, r, `$.revisions[${i}]`);
    if (rev && !batchIds.has(rev.batchId))
      c.fail(`$.revisions[${i}].batchId`, why('batch_not_in_file', { value: rev.batchId }));
    return rev;
  });
  if (c.issues.length > 0 || !settings.ok) return err(c.issues);
  const exportedAt = own(v, 'exported_at');
  return ok({
    format: BACKUP_FORMAT,
    schema_version: sv,
    exportedAt: typeof exportedAt === 'string' ? exportedAt : '',
    settings: settings.value,
    problemCategoryEdits: own(v, 'problem_category_edits') ?? null,
    batches: batches as BatchRow[],
    records: records as StoredRecord[],
    revisions: revisions as RevisionRow[],
  });
}
