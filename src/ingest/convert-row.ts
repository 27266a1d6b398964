/**
 * One data row → a typed record plus issues, in two stages (docs/architecture.md, "Where a rule
 * lives"): every cell goes through its column's parser (kinds/column-parsers.ts: cell text → value
 * or error, pure), then the row checks of the record kind run on the parsed values
 * (kinds/township-month.ts, kinds/hazard.ts, kinds/problem.ts). Every bad field of the row is
 * reported at once, and any error rejects the row.
 */
import type { FieldDef, RecordKind } from '../domain/fields';
import type {
  HazardRecord,
  ProblemRecordInput,
  RecordFlag,
  Township,
  TownshipMonthRecord,
} from '../domain/records';
import type { CellNote, CellResult } from './cells/cell-result';
import { cellWarning, columnParser, type ColumnParser, type ParsedValue } from './kinds/column-parsers';
import { HAZARD_RULES } from './kinds/hazard';
import type { KindRules } from './kinds/kind-rules';
import type { ParsedRow } from './kinds/parsed-row';
import { PROBLEM_RULES } from './kinds/problem';
import { TOWNSHIP_MONTH_RULES } from './kinds/township-month';
import type { MessageKey } from '../i18n/catalog';
import { makeIssue } from './make-issue';
import type { IngestIssue } from './types';

/** A source column assigned to a canonical field; one object per column of a table. */
export interface FieldColumn {
  readonly def: FieldDef;
  /** Header text as in the file, for messages. */
  readonly column: string;
  readonly unit: string | null;
}

/**
 * A data row ready for conversion: the cell text of each of `columns`, in the same order. A CSV
 * table passes the same `columns` array for every row; a JSON element lists the keys it has.
 */
export interface RowInput {
  readonly line: number | null;
  /** JSON path of the element this row came from (JSON documents only). */
  readonly path?: string;
  readonly columns: readonly FieldColumn[];
  readonly raws: readonly string[];
  /**
   * Where each column's cell is in `raws` (a CSV row passes its whole cell array and the table's
   * one index list, so no per-row copy); absent: `raws[i]` is column i's cell.
   */
  readonly cellIndexes?: readonly number[];
  /**
   * Column i's cell text on demand, instead of `raws` (the span reader, csv-spans.ts, builds a
   * cell's string only when a message or note quotes it).
   */
  readonly cellText?: (i: number) => string;
  /**
   * Column i's parsed cell, already looked up in the column's dictionary of distinct values
   * (csv-spans.ts); absent: each cell goes through its column's parser here.
   */
  readonly results?: readonly CellResult<ParsedValue>[];
}

/** The text of column `i`'s cell in `row` ('' when the row is short). */
export function cellOf(row: RowInput, i: number): string {
  if (row.cellText) return row.cellText(i);
  const at = row.cellIndexes ? row.cellIndexes[i] : i;
  return at === undefined ? '' : (row.raws[at] ?? '');
}

export interface ConvertContext {
  readonly file: string;
  readonly today: string;
  readonly knownTownships: readonly Township[];
  readonly maxFieldChars: number;
}

/** A cleanup note from a cell grammar, kept for aggregation into one warning per column. */
export interface RowNote {
  readonly note: CellNote;
  readonly column: string;
  readonly field: string;
  readonly line: number | null;
  readonly path?: string;
  readonly raw: string;
}

export type AnyRecord =
  | { readonly kind: 'township_month'; readonly record: TownshipMonthRecord }
  | { readonly kind: 'hazard'; readonly record: HazardRecord }
  | { readonly kind: 'problem'; readonly record: ProblemRecordInput };

export interface ConvertedRow {
  /** Null when an error rejected the row. */
  readonly result: AnyRecord | null;
  readonly issues: readonly IngestIssue[];
  readonly notes: readonly RowNote[];
}

/** Converts rows of one kind from one file. */
export type RowConverter = (row: RowInput) => ConvertedRow;

type RowSource = { readonly file: string; readonly line: number | null };

const RULES: Readonly<Record<RecordKind, KindRules<unknown>>> = {
  township_month: TOWNSHIP_MONTH_RULES,
  hazard: HAZARD_RULES,
  problem: PROBLEM_RULES,
};

/** The record of a row that passed its checks, tagged with its kind. */
function buildRecord(
  kind: RecordKind,
  row: ParsedRow,
  flags: readonly RecordFlag[],
  source: RowSource,
): AnyRecord | null {
  switch (kind) {
    case 'hazard': {
      const record = HAZARD_RULES.build(row, flags, source);
      return record && { kind, record };
    }
    case 'problem': {
      const record = PROBLEM_RULES.build(row, flags, source);
      return record && { kind, record };
    }
    case 'township_month': {
      const record = TOWNSHIP_MONTH_RULES.build(row, flags, source);
      return record && { kind, record };
    }
  }
}

/** An issue of `row`, located at its cell number `at` (no cell when `at` is out of range). */
function issueAt(
  file: string,
  row: RowInput,
  at: number,
  severity: 'error' | 'warning',
  code: IngestIssue['code'],
  params: Readonly<Record<string, string | number>>,
): IngestIssue {
  const col = row.columns[at];
  return makeIssue(file, {
    severity,
    code,
    line: row.line,
    path: row.path ?? null,
    column: col?.column ?? null,
    field: col?.def.name ?? null,
    value: col ? cellOf(row, at) : null,
    params,
  });
}

/** Most distinct values a column's cache keeps (a column of free text stops caching there). */
const MAX_CACHED_VALUES = 50_000;

/** Shared empty lists, so a clean row allocates no arrays. */
const NO_ISSUES: readonly IngestIssue[] = [];
const NO_NOTES: readonly RowNote[] = [];

/** Notes worth a warning, and its message (the others — unit stripped, full-width digits — are routine clean-up). */
export const NOTE_WARNINGS: ReadonlyMap<CellNote, MessageKey> = new Map<CellNote, MessageKey>([
  ['approx', 'ingest.approx_values'],
  ['converted_yuan_to_10k', 'ingest.note_converted_yuan_to_10k'],
  ['excel_serial', 'ingest.note_excel_serial'],
  ['date_as_month', 'ingest.note_date_as_month'],
  ['integer_from_decimal', 'ingest.note_integer_from_decimal'],
  ['none_as_zero', 'ingest.note_none_as_zero'],
]);

/**
 * A column's parser with a cache of its results by cell text. Parsers are pure (same text, same
 * result: kinds/column-parsers.ts), and ledgers repeat their townships, sectors, levels, statuses
 * and dates thousands of times, so each distinct value of a column is parsed once. Results are
 * shared between rows and must not be changed (nothing downstream does; build copies lists).
 */
function cachedParser(parse: ColumnParser): ColumnParser {
  const cache = new Map<string, CellResult<ParsedValue>>();
  return (raw) => {
    let r = cache.get(raw);
    if (r === undefined) {
      r = parse(raw);
      if (cache.size < MAX_CACHED_VALUES) cache.set(raw, r);
    }
    return r;
  };
}

/**
 * Per-row field store over fixed slots (one per distinct field of the columns): `set`, `has` and
 * `get` by name through a name → slot map built once, and `reset` without allocating, where a
 * `Map` cleared per row would allocate new tables for every row of a million-row ledger.
 */
class FieldSlots<V> {
  private readonly values: (V | undefined)[];
  /** The row a slot was last set in: a slot is present when it equals the current row's stamp. */
  private readonly stamps: Int32Array;
  private stamp = 1;
  constructor(private readonly slotOf: ReadonlyMap<string, number>) {
    this.values = new Array<V | undefined>(slotOf.size).fill(undefined);
    this.stamps = new Int32Array(slotOf.size);
  }
  reset(): void {
    // A new stamp empties every slot at once; values of older rows are never read again.
    if (++this.stamp === 0x7fffffff) {
      this.stamps.fill(0);
      this.stamp = 1;
    }
  }
  set(slot: number, value: V): void {
    this.values[slot] = value;
    this.stamps[slot] = this.stamp;
  }
  has(name: string): boolean {
    const slot = this.slotOf.get(name);
    return slot !== undefined && this.stamps[slot] === this.stamp;
  }
  get(name: string): V | undefined {
    const slot = this.slotOf.get(name);
    return slot === undefined || this.stamps[slot] !== this.stamp ? undefined : this.values[slot];
  }
}

/**
 * The reusable state of stage 1 for one list of columns: the parsed row handed to the checks is
 * refilled for every row (checks and build read it synchronously and keep only its values).
 */
interface RowState {
  readonly columns: readonly FieldColumn[];
  readonly parsers: readonly ColumnParser[];
  /** The slot of each column's field. */
  readonly slots: Int32Array;
  readonly parsed: ParsedRow;
  readonly values: FieldSlots<ParsedValue>;
  readonly failed: FieldSlots<true>;
  readonly approx: FieldSlots<true>;
  issues: IngestIssue[] | null;
  notes: RowNote[] | null;
}

/**
 * Stage 1: every cell through its column's parser, in the row's order. An error is reported and
 * marks the field failed; a value is kept with its notes (and the warning a kept value may carry).
 * Only the notes worth a warning are kept.
 */
function parseCells(row: RowInput, state: RowState, ctx: ConvertContext): void {
  let issues: IngestIssue[] | null = null;
  let notes: RowNote[] | null = null;
  const { values, failed, approx, parsers, slots } = state;
  values.reset();
  failed.reset();
  approx.reset();
  const columns = row.columns;
  for (let i = 0; i < columns.length; i++) {
    const col = columns[i]!;
    const r = row.results ? row.results[i]! : parsers[i]!(cellOf(row, i));
    if (r.kind === 'error') {
      failed.set(slots[i]!, true);
      (issues ??= []).push(issueAt(ctx.file, row, i, 'error', r.code, { ...r.params }));
      continue;
    }
    if (r.kind !== 'value') continue;
    values.set(slots[i]!, r.value);
    if (r.notes.length === 0) continue;
    const cellCode = cellWarning(r);
    if (cellCode) (issues ??= []).push(issueAt(ctx.file, row, i, 'warning', cellCode, {}));
    for (const note of r.notes) {
      if (note === 'approx') approx.set(slots[i]!, true);
      if (!NOTE_WARNINGS.has(note)) continue;
      (notes ??= []).push({
        note,
        column: col.column,
        field: col.def.name,
        line: row.line,
        ...(row.path ? { path: row.path } : {}),
        raw: cellOf(row, i),
      });
    }
  }
  state.issues = issues;
  state.notes = notes;
}

/**
 * The converter for rows of `kind` from one file: each column's parser is built once, on the
 * column's first cell, and caches its results per distinct cell text. Township cells go through
 * `matchTownship` (a known name becomes the canonical name; an unknown one is an error with a
 * suggestion, unless the master list is empty, in which case the normalised name is accepted).
 * Null cells stay null (never 0). Returns the issues (errors reject the row; warnings keep it) and
 * the grammar notes worth a warning.
 */
export function rowConverter(kind: RecordKind, ctx: ConvertContext): RowConverter {
  const parsers = new Map<FieldColumn, ColumnParser>();
  const parserOf = (col: FieldColumn): ColumnParser => {
    let p = parsers.get(col);
    if (!p) {
      const parse = columnParser(col.def, col.unit, ctx);
      // Free text is mostly distinct and its parser is a trim and a scan: a lookup would cost as much.
      p = col.def.kind === 'text' ? parse : cachedParser(parse);
      parsers.set(col, p);
    }
    return p;
  };
  // A CSV table passes the same columns array for every row; a JSON element may list its own.
  let state: RowState | null = null;
  const stateOf = (columns: readonly FieldColumn[]): RowState => {
    if (state && state.columns === columns) return state;
    const headers = new Map<string, string>();
    const slotOf = new Map<string, number>();
    const slots = new Int32Array(columns.length);
    columns.forEach((col, i) => {
      const name = col.def.name;
      headers.set(name, col.column);
      if (!slotOf.has(name)) slotOf.set(name, slotOf.size);
      slots[i] = slotOf.get(name) ?? 0;
    });
    const values = new FieldSlots<ParsedValue>(slotOf);
    const failed = new FieldSlots<true>(slotOf);
    const approx = new FieldSlots<true>(slotOf);
    state = {
      columns,
      parsers: columns.map(parserOf),
      slots,
      parsed: { values, failed, approx, headers, today: ctx.today },
      values,
      failed,
      approx,
      issues: null,
      notes: null,
    };
    return state;
  };
  const checks = RULES[kind].checks;
  return (row) => {
    const st = stateOf(row.columns);
    parseCells(row, st, ctx);
    let issues = st.issues;
    const parsed = st.parsed;
    // Stage 2: the record kind's row checks on the parsed values, in order.
    let flags: RecordFlag[] | null = null;
    let error = issues !== null && issues.some((i) => i.severity === 'error');
    for (const check of checks) {
      const finding = check(parsed);
      if (!finding) continue;
      if (finding.flag) (flags ??= []).push(finding.flag);
      if (finding.severity === 'error') error = true;
      const at = row.columns.findIndex((c) => c.def.name === finding.field);
      (issues ??= []).push(issueAt(ctx.file, row, at, finding.severity, finding.code, finding.params));
    }
    const notes = st.notes ?? NO_NOTES;
    if (error) return { result: null, issues: issues ?? NO_ISSUES, notes };
    return {
      result: buildRecord(kind, parsed, flags ?? [], { file: ctx.file, line: row.line }),
      issues: issues ?? NO_ISSUES,
      notes,
    };
  };
}
