/**
 * Converts data rows, removes in-file duplicates (docs/input-rules.md D18) and folds grammar notes into one warning
 * per column and note. Shared by the CSV and JSON readers so both apply identical rules.
 */
import { pushAll } from '../domain/arrays';
import type { RecordKind } from '../domain/fields';
import {
  townshipMonthKey,
  type HazardRecord,
  type ProblemRecordInput,
  type TownshipMonthRecord,
} from '../domain/records';
import {
  NOTE_WARNINGS,
  rowConverter,
  type ConvertContext,
  type ConvertedRow,
  type RowInput,
  type RowNote,
} from './convert-row';
import { makeIssue, truncateValue } from './make-issue';
import type { IgnoredRecord, IngestIssue, IngestProgress, RejectedRow } from './types';

/** A data row plus what to keep if it is rejected (original cells or JSON text). */
export interface DataRow {
  readonly input: RowInput;
  readonly raw: readonly string[];
}

export interface RowsOutcome {
  readonly townshipMonths: TownshipMonthRecord[];
  readonly hazards: HazardRecord[];
  readonly problems: ProblemRecordInput[];
  readonly issues: IngestIssue[];
  readonly rejectedRows: RejectedRow[];
  readonly ignored: IgnoredRecord[];
}

/** Progress is reported every this many rows (cheap enough for a worker message). */
export const PROGRESS_EVERY = 2000;

/** `{ path }` of a JSON row, nothing for a line-based one (keeps CSV results unchanged). */
const pathOf = (row: DataRow): { path?: string } => (row.input.path ? { path: row.input.path } : {});

/** A value as JSON.stringify writes it: non-finite numbers become null, undefined is left out. */
const jsonValue = (v: unknown): unknown => (typeof v === 'number' && !Number.isFinite(v) ? null : v);

function sameJsonValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) {
      // In an array JSON writes undefined as null.
      if (!sameJsonValue(a[i] ?? null, b[i] ?? null)) return false;
    }
    return true;
  }
  const x = jsonValue(a);
  // Plain values only: two distinct objects other than arrays never occur in a record.
  return x === jsonValue(b) && (x === null || typeof x !== 'object');
}

/** The keys JSON.stringify writes for `r` apart from `source`, in order. */
const jsonKeys = (r: TownshipMonthRecord): string[] =>
  Object.keys(r).filter((k) => k !== 'source' && (r as Record<string, unknown>)[k] !== undefined);

/**
 * True when two records serialise to the same JSON apart from their source (same keys in the same
 * order, same values), compared field by field without building the two strings: a record is the
 * same as itself, and only real duplicates are compared at all.
 */
export function sameValues(a: TownshipMonthRecord, b: TownshipMonthRecord): boolean {
  if (a === b) return true;
  const ka = jsonKeys(a);
  const kb = jsonKeys(b);
  if (ka.length !== kb.length) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  for (let i = 0; i < ka.length; i++) {
    const k = ka[i]!;
    if (k !== kb[i] || !sameJsonValue(ra[k], rb[k])) return false;
  }
  return true;
}

type TownshipMonthRow = { row: DataRow; record: TownshipMonthRecord; issues: readonly IngestIssue[] };

/**
 * Converts every row of `kind`. Rows with an error are rejected (listed with their raw cells and
 * reasons). For township_month rows sharing (township, period, scope): identical values keep the
 * first and ignore the rest as `duplicate_identical` with a warning; differing values reject all
 * of them, each citing another line. Empty input → empty outcome.
 */
export function processRows(
  kind: RecordKind,
  rows: readonly DataRow[],
  ctx: ConvertContext,
  onProgress?: (p: IngestProgress) => void,
): RowsOutcome {
  return convertAll(kind, rows, ctx, onProgress);
}

/**
 * Converts each row through {@link RowsCollector}: rejected rows and accepted hazards and
 * problems go straight to the outcome; township-month rows wait for the duplicate rule.
 */
function convertAll(
  kind: RecordKind,
  rows: readonly DataRow[],
  ctx: ConvertContext,
  onProgress?: (p: IngestProgress) => void,
): RowsOutcome {
  const convert = rowConverter(kind, ctx);
  const collector = new RowsCollector(ctx.file);
  rows.forEach((row, i) => {
    if (onProgress && i > 0 && i % PROGRESS_EVERY === 0)
      onProgress({ phase: 'validate', done: i, total: rows.length, rows: i, rowsTotal: rows.length });
    collector.add(convert(row.input), () => row);
  });
  onProgress?.({
    phase: 'validate',
    done: rows.length,
    total: rows.length,
    rows: rows.length,
    rowsTotal: rows.length,
  });
  return collector.finish();
}

/**
 * The outcome of converted rows, one row at a time, in file order: a rejected row is listed with
 * its raw cells and its errors; an accepted hazard or problem is kept with its issues; a
 * township-month row waits for the in-file duplicate rule, applied by {@link finish}, which also
 * folds the grammar notes into one warning per column and note. `row` is asked for only when the
 * row is rejected or is a township-month row (the span reader builds it only then).
 */
export class RowsCollector {
  private readonly out: RowsOutcome = {
    townshipMonths: [],
    hazards: [],
    problems: [],
    issues: [],
    rejectedRows: [],
    ignored: [],
  };
  private readonly notes: RowNote[] = [];
  private readonly tmRows: TownshipMonthRow[] = [];

  constructor(private readonly file: string) {}

  add(converted: ConvertedRow, row: () => DataRow): void {
    const out = this.out;
    if (!converted.result) {
      const errors = converted.issues.filter((x) => x.severity === 'error');
      pushAll(out.issues, converted.issues);
      const r = row();
      out.rejectedRows.push({ line: r.input.line, ...pathOf(r), raw: r.raw, reasons: errors });
      return;
    }
    pushAll(this.notes, converted.notes);
    const r = converted.result;
    if (r.kind === 'township_month') this.tmRows.push({ row: row(), record: r.record, issues: converted.issues });
    else {
      pushAll(out.issues, converted.issues);
      if (r.kind === 'hazard') out.hazards.push(r.record);
      else out.problems.push(r.record);
    }
  }

  finish(): RowsOutcome {
    resolveDuplicates(this.tmRows, this.file, this.out);
    pushAll(this.out.issues, noteWarnings(this.notes, this.file));
    return this.out;
  }
}

/**
 * The in-file duplicate rule (one township, month and scope per file): identical rows keep the
 * first, the rest are ignored with a warning; differing rows are all rejected, each citing
 * another. Accepted township-month rows end in file order.
 */
function resolveDuplicates(tmRows: readonly TownshipMonthRow[], file: string, out: RowsOutcome): void {
  const groups = new Map<string, TownshipMonthRow[]>();
  for (const item of tmRows) {
    const key = townshipMonthKey(item.record);
    const g = groups.get(key);
    if (g) g.push(item);
    else groups.set(key, [item]);
  }
  for (const group of groups.values()) {
    const first = group[0];
    if (!first) continue;
    if (group.every((g) => sameValues(g.record, first.record))) keepFirst(group, first, file, out);
    else rejectConflicting(group, first, file, out);
  }
  // Keep file order for accepted township-month rows.
  out.townshipMonths.sort((a, b) => (a.source.line ?? 0) - (b.source.line ?? 0));
}

/** `{ otherLine, otherPath? }`: where the other copy of a duplicate is. */
const otherOf = (other: TownshipMonthRow | undefined) => ({
  otherLine: other?.row.input.line ?? '-',
  ...(other?.row.input.path ? { otherPath: other.row.input.path } : {}),
});

function keepFirst(
  group: readonly TownshipMonthRow[],
  first: TownshipMonthRow,
  file: string,
  out: RowsOutcome,
): void {
  pushAll(out.issues, first.issues);
  out.townshipMonths.push(first.record);
  for (const dup of group.slice(1)) {
    out.ignored.push({
      line: dup.row.input.line,
      ...pathOf(dup.row),
      reason: 'duplicate_identical',
      raw: truncateValue(dup.row.raw.join(','), 200) ?? '',
    });
    out.issues.push(
      makeIssue(file, {
        severity: 'warning',
        code: 'ingest.duplicate_identical',
        line: dup.row.input.line,
        path: dup.row.input.path ?? null,
        params: { ...otherOf(first), township: first.record.township, period: first.record.period },
      }),
    );
  }
}

function rejectConflicting(
  group: readonly TownshipMonthRow[],
  first: TownshipMonthRow,
  file: string,
  out: RowsOutcome,
): void {
  group.forEach((item, i) => {
    const err = makeIssue(file, {
      severity: 'error',
      code: 'ingest.duplicate_conflict',
      line: item.row.input.line,
      path: item.row.input.path ?? null,
      params: {
        ...otherOf(i === 0 ? group[1] : first),
        township: item.record.township,
        period: item.record.period,
      },
    });
    pushAll(out.issues, item.issues).push(err);
    out.rejectedRows.push({
      line: item.row.input.line,
      ...pathOf(item.row),
      raw: item.row.raw,
      reasons: [err],
    });
  });
}

/** One warning per column and note worth one (the first cell noted, and how many were). */
function noteWarnings(notes: readonly RowNote[], file: string): IngestIssue[] {
  const byColumnNote = new Map<string, RowNote[]>();
  for (const n of notes) {
    if (!NOTE_WARNINGS.has(n.note)) continue;
    const key = `${n.column}\u0000${n.note}`;
    const list = byColumnNote.get(key);
    if (list) list.push(n);
    else byColumnNote.set(key, [n]);
  }
  const out: IngestIssue[] = [];
  for (const list of byColumnNote.values()) {
    const n = list[0];
    const code = n ? NOTE_WARNINGS.get(n.note) : undefined;
    if (!n || !code) continue;
    out.push(
      makeIssue(file, {
        severity: 'warning',
        code,
        line: n.line,
        path: n.path ?? null,
        column: n.column,
        field: n.field,
        value: n.raw,
        params: { count: list.length },
      }),
    );
  }
  return out;
}
