/**
 * A whole .xlsx workbook → one {@link FileIngestResult}: every sheet is listed (tab order) with its
 * role and counts; data sheets run through the same table pipeline as CSV (`ingestRows`), each with
 * its own layout; sheets that are not data (instructions such as 说明/填表说明, hidden sheets, empty
 * sheets, a header without rows) are ignored by a named reason, their rows counted as ignored.
 * Every issue, ignored and rejected row and record carries its sheet, and issues their `sheet!cell`.
 * Formula cells Excel saved no value for are computed when they are row arithmetic, else flagged
 * (see read-xlsx.ts, docs/decisions/0003-xlsx-libraries.md).
 */
import { pushAll } from '../domain/arrays';
import { townshipMonthKey, type TownshipMonthRecord } from '../domain/records';
import type { MessageKey } from '../i18n/catalog';
import { findLayout, isBlankRow } from './find-layout';
import { ingestRows } from './ingest-file';
import { makeIssue, truncateValue } from './make-issue';
import type { WorkbookSheet } from './read-xlsx';
import { columnLetters, type FormulaFailure } from './xlsx-formula';
import {
  type FileIngestResult,
  type IgnoredRecord,
  type IngestIssue,
  type IngestOptions,
  type RejectedRow,
  type SheetIgnoreReason,
  type SheetSummary,
} from './types';

/** Sheet names that hold instructions or a cover, not data (by name, before any content check). */
const NOTES_SHEET_RE =
  /说明|须知|注意事项|填报要求|填表要求|目录|封面|示例|样表|readme|instruction|^notes?$/iu;

const FORMULA_KEYS: Readonly<Record<FormulaFailure, MessageKey>> = {
  other_sheet: 'exportui.workbook.formula_other_sheet',
  not_row_arithmetic: 'exportui.workbook.formula_not_row_arithmetic',
  operand_not_number: 'exportui.workbook.formula_operand_not_number',
  math_error: 'exportui.workbook.formula_math_error',
};

/** Prose, not a table: every non-blank row has at most one non-empty cell. */
const isProse = (sheet: WorkbookSheet): boolean =>
  sheet.rows.every((r) => r.cells.filter((c) => c.trim() !== '').length <= 1);

interface SheetOutcome {
  readonly summary: SheetSummary;
  /** The pipeline result of a data or rejected sheet; null for an ignored sheet. */
  readonly result: FileIngestResult | null;
  readonly issues: IngestIssue[];
  readonly ignored: IgnoredRecord[];
}

const formulaCounts = (sheet: WorkbookSheet) => ({
  cached: sheet.formulas.filter((f) => f.outcome === 'cached').length,
  computed: sheet.formulas.filter((f) => f.outcome === 'computed').length,
  unresolved: sheet.formulas.filter((f) => f.outcome === 'unresolved').length,
});

function ignoredSheet(sheet: WorkbookSheet, reason: SheetIgnoreReason, issues: IngestIssue[]): SheetOutcome {
  const ignored = sheet.rows.map<IgnoredRecord>((r) => ({
    line: r.line,
    reason: isBlankRow(r.cells) ? 'blank' : 'sheet_ignored',
    raw: truncateValue(r.cells.join(','), 200) ?? '',
    sheet: sheet.name,
  }));
  return {
    summary: {
      name: sheet.name,
      state: sheet.state,
      role: 'ignored',
      reason,
      recordKind: null,
      headerLine: null,
      counts: { total: ignored.length, accepted: 0, rejected: 0, ignored: ignored.length },
      formulas: formulaCounts(sheet),
    },
    result: null,
    issues,
    ignored,
  };
}

/** `sheet!cell` parts of an issue: the column's letter when the issue names a column of the sheet. */
function locate(issue: IngestIssue, sheet: string, result: FileIngestResult | null): IngestIssue {
  const col = issue.column !== null ? result?.columns.find((c) => c.header === issue.column) : undefined;
  const cell =
    issue.line === null
      ? undefined
      : col
        ? `${columnLetters(col.index)}${issue.line}`
        : `${issue.line}:${issue.line}`;
  return {
    ...issue,
    sheet,
    ...(cell !== undefined ? { cell } : {}),
    params: { ...issue.params, file: `${issue.file} › ${sheet}`, sheet, cell: cell ?? '' },
  };
}

function readSheet(sheet: WorkbookSheet, bytes: number, options: IngestOptions): SheetOutcome {
  const file = options.fileName;
  if (sheet.rows.every((r) => isBlankRow(r.cells))) return ignoredSheet(sheet, 'empty', []);
  if (sheet.state !== 'visible') {
    // Hidden sheets are lookup lists or old copies; a table on one is named so nothing is lost unseen.
    const table = findLayout(sheet.rows, 200).ok;
    const note = table
      ? [
          makeIssue(file, {
            severity: 'warning',
            code: 'exportui.workbook.hidden_sheet_table',
            params: { sheet: sheet.name },
          }),
        ]
      : [];
    return ignoredSheet(sheet, 'hidden', note);
  }
  if (NOTES_SHEET_RE.test(sheet.name.normalize('NFKC').trim())) return ignoredSheet(sheet, 'notes_name', []);
  const result = ingestRows(sheet.rows, { bytes, encoding: null, format: 'xlsx', delimiter: null }, options);
  if (result.status === 'rejected') {
    const code = result.issues[result.issues.length - 1]?.code;
    if (code === 'ingest.no_header' && isProse(sheet)) return ignoredSheet(sheet, 'notes_content', []);
    if (code === 'ingest.no_data_rows') return ignoredSheet(sheet, 'header_only', []);
  }
  const issues = [...result.issues];
  if (result.status === 'ok') {
    const ignoredLines = new Set(result.ignored.map((r) => r.line));
    const computed = sheet.formulas.filter((f) => f.outcome === 'computed' && !ignoredLines.has(f.row));
    const first = computed[0];
    if (first) {
      issues.push(
        makeIssue(file, {
          severity: 'warning',
          code: 'exportui.workbook.formulas_computed',
          line: first.row,
          column: result.columns[first.col]?.header ?? null,
          value: first.formula,
          params: { count: computed.length, cellRef: first.ref, formula: first.formula },
        }),
      );
    }
    for (const f of sheet.formulas) {
      // A formula in a title, header or totals row is set aside with its row.
      if (f.outcome !== 'unresolved' || ignoredLines.has(f.row) || f.why === null) continue;
      issues.push(
        makeIssue(file, {
          severity: 'warning',
          code: FORMULA_KEYS[f.why],
          line: f.row,
          column: result.columns[f.col]?.header || `#${f.col + 1}`,
          value: f.formula,
          params: { cellRef: f.ref, formula: f.formula },
        }),
      );
    }
  }
  return {
    summary: {
      name: sheet.name,
      state: sheet.state,
      role: result.status === 'ok' ? 'data' : 'rejected',
      reason: null,
      recordKind: result.recordKind,
      headerLine: result.headerLine,
      counts: result.counts,
      formulas: formulaCounts(sheet),
    },
    result,
    issues,
    ignored: [...result.ignored],
  };
}

const sameValues = (a: TownshipMonthRecord, b: TownshipMonthRecord): boolean =>
  JSON.stringify({ ...a, source: null }) === JSON.stringify({ ...b, source: null });

/**
 * The same township and month on two sheets follows the in-file rule of process-rows.ts: identical
 * values keep the first and ignore the others; different values reject every copy.
 */
function crossSheetDuplicates(
  outcomes: { name: string; tm: TownshipMonthRecord[]; out: Mutable }[],
  file: string,
) {
  const groups = new Map<string, { sheet: number; record: TownshipMonthRecord }[]>();
  outcomes.forEach((o, sheet) => {
    for (const record of o.tm) {
      const key = townshipMonthKey(record);
      const g = groups.get(key);
      if (g) g.push({ sheet, record });
      else groups.set(key, [{ sheet, record }]);
    }
  });
  const where = (x: { sheet: number; record: TownshipMonthRecord }) =>
    `${outcomes[x.sheet]?.name ?? ''}!${x.record.source.line ?? ''}`;
  for (const group of groups.values()) {
    const first = group[0];
    if (!first || new Set(group.map((g) => g.sheet)).size < 2) continue;
    const conflicting = group.some((g) => !sameValues(g.record, first.record));
    group.forEach((item, i) => {
      if (!conflicting && i === 0) return;
      const o = outcomes[item.sheet];
      if (!o) return;
      const other = i === 0 ? group[1] : first;
      o.tm.splice(o.tm.indexOf(item.record), 1);
      const line = item.record.source.line;
      const raw = o.out.rowText.get(line ?? -1) ?? [];
      const issue = makeIssue(file, {
        severity: conflicting ? 'error' : 'warning',
        code: conflicting ? 'ingest.duplicate_conflict' : 'ingest.duplicate_identical',
        line,
        params: {
          otherLine: other ? where(other) : '-',
          township: item.record.township,
          period: item.record.period,
        },
      });
      o.out.issues.push(issue);
      if (conflicting) o.out.rejected.push({ line, raw, reasons: [issue] });
      else
        o.out.ignored.push({
          line,
          reason: 'duplicate_identical',
          raw: truncateValue(raw.join(','), 200) ?? '',
        });
    });
  }
}

interface Mutable {
  issues: IngestIssue[];
  ignored: IgnoredRecord[];
  rejected: RejectedRow[];
  rowText: Map<number, readonly string[]>;
}

/** Ingests every sheet of a workbook read by `readWorkbook` into one result. Never throws on bad data. */
export function ingestWorkbook(
  sheets: readonly WorkbookSheet[],
  bytes: number,
  options: IngestOptions,
): FileIngestResult {
  const file = options.fileName;
  const outcomes = sheets.map((s) => readSheet(s, bytes, options));
  const work = outcomes.map((o, i) => ({
    name: o.summary.name,
    tm: o.result?.status === 'ok' ? [...o.result.townshipMonths] : [],
    out: {
      issues: [] as IngestIssue[],
      ignored: [] as IgnoredRecord[],
      rejected: [] as RejectedRow[],
      rowText: new Map((sheets[i]?.rows ?? []).map((r) => [r.line, r.cells] as const)),
    },
  }));
  crossSheetDuplicates(work, file);

  const summaries: SheetSummary[] = [];
  const issues: IngestIssue[] = [];
  const ignored: IgnoredRecord[] = [];
  const rejectedRows: RejectedRow[] = [];
  const townshipMonths: TownshipMonthRecord[] = [];
  const hazards: FileIngestResult['hazards'][number][] = [];
  const problems: FileIngestResult['problems'][number][] = [];
  outcomes.forEach((o, i) => {
    const w = work[i];
    const sheet = o.summary.name;
    const r = o.result;
    const rawIssues = [...o.issues, ...(w?.out.issues ?? [])];
    const sheetIssues = rawIssues.map((x) => locate(x, sheet, r));
    const sheetIgnored = [...o.ignored, ...(w?.out.ignored ?? [])].map((x) => ({ ...x, sheet }));
    const sheetRejected = r?.status === 'ok' ? [...r.rejectedRows, ...(w?.out.rejected ?? [])] : [];
    const located = new Map(rawIssues.map((x, j) => [x, sheetIssues[j]!]));
    pushAll(issues, sheetIssues);
    pushAll(ignored, sheetIgnored);
    pushAll(
      rejectedRows,
      sheetRejected.map((x) => ({ ...x, sheet, reasons: x.reasons.map((y) => located.get(y) ?? y) })),
    );
    const withSheet = <T extends { source: { file: string; line: number | null } }>(rec: T): T => ({
      ...rec,
      source: { ...rec.source, sheet },
    });
    if (r?.status === 'ok') {
      pushAll(townshipMonths, (w?.tm ?? []).map(withSheet));
      pushAll(hazards, r.hazards.map(withSheet));
      pushAll(problems, r.problems.map(withSheet));
    }
    const accepted =
      r?.status === 'ok'
        ? (w?.tm.length ?? 0) + r.hazards.length + r.problems.length
        : o.summary.counts.accepted;
    summaries.push({
      ...o.summary,
      counts: {
        total: o.summary.counts.total,
        accepted,
        rejected: r?.status === 'ok' ? sheetRejected.length : o.summary.counts.rejected,
        ignored: sheetIgnored.length,
      },
    });
  });

  const sum = (k: 'total' | 'accepted' | 'rejected' | 'ignored') =>
    summaries.reduce((n, s) => n + s.counts[k], 0);
  const data = outcomes.filter((o) => o.summary.role === 'data' && o.result);
  const firstData = data[0]?.result ?? null;
  const kinds = new Set(data.map((o) => o.result?.recordKind));
  const ok = data.length > 0;
  if (!ok && !summaries.some((s) => s.role === 'rejected')) {
    issues.push(makeIssue(file, { severity: 'error', code: 'exportui.ingest.xlsxEmpty' }));
  }
  return {
    file,
    bytes,
    encoding: null,
    format: 'xlsx',
    delimiter: null,
    recordKind: kinds.size > 1 ? 'mixed' : (firstData?.recordKind ?? null),
    headerLine: firstData?.headerLine ?? null,
    columns: firstData?.columns ?? [],
    status: ok ? 'ok' : 'rejected',
    counts: ok
      ? { total: sum('total'), accepted: sum('accepted'), rejected: sum('rejected'), ignored: sum('ignored') }
      : { total: sum('total'), accepted: 0, rejected: sum('rejected'), ignored: sum('ignored') },
    issues,
    ignored: ok ? ignored : [],
    rejectedRows: ok ? rejectedRows : [],
    townshipMonths: ok ? townshipMonths : [],
    hazards: ok ? hazards : [],
    problems: ok ? problems : [],
    townships: [],
    district: null,
    sheets: summaries,
  };
}
