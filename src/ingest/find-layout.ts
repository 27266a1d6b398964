/**
 * Finds the table inside an Excel-shaped sheet (docs/input-rules.md#c-excel-layouts): the header
 * row below titles and metadata, a second merged header row, a units row, and how each column maps
 * to a canonical field. Works on rows of cells so CSV and JSON array-of-arrays share it.
 */
import type { RecordKind } from '../domain/fields';
import type { MessageKey } from '../i18n/catalog';
import {
  isUnitText,
  matchFlattenedHeader,
  matchHeader,
  normaliseHeader,
  satisfiesKind,
  splitHeaderUnit,
  type HeaderMatch,
} from './map-headers';
import type { CsvRow } from './read-csv-table';
import type { ColumnMapping, IgnoreReason } from './types';

/** How many non-blank rows from the top may hold the header. */
export const HEADER_SEARCH_ROWS = 20;

const KINDS: readonly RecordKind[] = ['township_month', 'hazard', 'problem'];
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
const INDEX_HEADERS: ReadonlySet<string> = new Set(['序号', '编号', '序', 'no', 'no.', '#', 'index', 'id']);
/** A month-like header cell: `2022年1月`, `1月`, `1月份`, `2022-01` (docs/input-rules.md C6, cross-tab). */
const MONTH_HEADER_RE = /^((\d{2}|\d{4})年)?\d{1,2}月份?$|^\d{4}[-/.]\d{1,2}$/u;

/** True when every cell is empty or whitespace (docs/input-rules.md B13: blank and comma-only lines). */
export const isBlankRow = (cells: readonly string[]): boolean => cells.every((c) => c.trim() === '');

export interface Layout {
  readonly kind: RecordKind;
  /** Index (into the rows) of the first header row. */
  readonly headerStart: number;
  /** Index of the last row that belongs to the header block (header, continuation, units row). */
  readonly headerEnd: number;
  /** 1-based line of the last header row (the child row of a two-row header). */
  readonly headerLine: number;
  readonly columns: readonly ColumnMapping[];
  /** Columns recognised as a row number (序号) and ignored without a warning. */
  readonly indexColumns: ReadonlySet<number>;
  /** Why each row of the header block and above was set aside, by row index. */
  readonly preamble: ReadonlyMap<number, IgnoreReason>;
  /** Normalised text of the header cells, to recognise a repeated header mid-file (docs/input-rules.md A8). */
  readonly headerSignature: string;
}

export interface LayoutFailure {
  readonly code: MessageKey;
  readonly line: number | null;
  readonly params: Readonly<Record<string, string | number>>;
}

export type LayoutResult = { ok: true; value: Layout } | { ok: false; error: LayoutFailure };

interface Candidate {
  readonly row: number;
  readonly kind: RecordKind;
  readonly twoRow: boolean;
  readonly score: number;
}

/** The header texts of a candidate: single row, or parent (merged spans filled right) + child. */
function headerTexts(
  parent: readonly string[],
  child: readonly string[] | null,
): { parent: string; child: string }[] {
  const width = Math.max(parent.length, child?.length ?? 0);
  const out: { parent: string; child: string }[] = [];
  let carried = '';
  for (let j = 0; j < width; j++) {
    const p = (parent[j] ?? '').trim();
    const c = (child?.[j] ?? '').trim();
    // Only a group cell (one with leaves under it) spans to the right; a parent whose own child
    // cell is empty is a single column merged downwards (`备注`), so the next column's leaf
    // (`未整改（处）`) stands alone instead of becoming `备注/未整改（处）`.
    if (p !== '') carried = c !== '' ? p : '';
    // An empty parent cell under a merged span inherits the span's text only when it has a child.
    out.push({ parent: p !== '' ? p : c !== '' ? carried : '', child: c });
  }
  return out;
}

function matchColumn(
  text: { parent: string; child: string },
  kind: RecordKind,
  twoRow: boolean,
): HeaderMatch {
  if (!twoRow || text.child === '') return matchHeader(text.parent, kind);
  return matchFlattenedHeader(text.parent, text.child, kind);
}

function scoreCandidate(
  texts: { parent: string; child: string }[],
  kind: RecordKind,
  twoRow: boolean,
): number {
  const fields = new Set<string>();
  for (const t of texts) {
    const m = matchColumn(t, kind, twoRow);
    if (m.kind === 'field') fields.add(m.def.name);
  }
  return satisfiesKind(kind, fields) ? fields.size : -1;
}

/**
 * True when the row has an empty cell with a non-empty cell below it (a merged parent span). A row
 * with a single filled cell is a title or metadata line above a one-row header (a ledger's
 * `XX隐患排查治理台账（2024年3月）,,,`), never the parent of a two-row header.
 */
function hasMergedSpan(row: readonly string[], next: readonly string[]): boolean {
  if (row.filter((c) => c.trim() !== '').length < 2) return false;
  for (let j = 0; j < next.length; j++) {
    if ((row[j] ?? '').trim() === '' && (next[j] ?? '').trim() !== '') return true;
  }
  return false;
}

/** A units row under the header (`(家),(处),(%)`): every non-empty cell is a (bracketed) unit. */
export function isUnitsRow(cells: readonly string[]): boolean {
  let units = 0;
  for (const cell of cells) {
    const n = normaliseHeader(cell);
    if (n === '') continue;
    const inner = /^[([【](.+)[)\]】]$/u.exec(n)?.[1] ?? n;
    if (!inner.split('/').every((u) => isUnitText(u))) return false;
    units++;
  }
  return units > 0;
}

/** Classifies a line above the header: `metadata` when it reads `key：value`, else `title`. */
function preambleReason(cells: readonly string[]): IgnoreReason {
  if (isBlankRow(cells)) return 'blank';
  const text = cells.join('').normalize('NFKC');
  return /[:]|^(填报|截止|统计|单位|报送)/u.test(text) ? 'metadata' : 'title';
}

/**
 * Locates the header within the first {@link HEADER_SEARCH_ROWS} non-blank rows: the row (or
 * merged two-row header) that maps the most known fields while meeting a record kind's needs
 * (township + period; township + date/description; township + period + text). Ties go to the
 * earliest row and then township_month. Fails for: no such row (not a data file), a cross-tab with
 * months as columns (docs/input-rules.md C6), duplicate headers (docs/input-rules.md B15), forbidden keys (docs/input-rules.md F7), an ambiguous header, two
 * columns mapping to one field, more columns than `maxColumns` (docs/input-rules.md G3).
 */
export function findLayout(rows: readonly CsvRow[], maxColumns: number): LayoutResult {
  const candidates: number[] = [];
  for (let i = 0; i < rows.length && candidates.length < HEADER_SEARCH_ROWS; i++) {
    if (!isBlankRow(rows[i]?.cells ?? [])) candidates.push(i);
  }
  const crossTab = findCrossTab(rows, candidates);
  if (crossTab) return { ok: false, error: crossTab };
  const best = bestCandidate(rows, candidates);
  if (!best) {
    return {
      ok: false,
      error: { code: 'ingest.no_header', line: null, params: { rows: HEADER_SEARCH_ROWS } },
    };
  }
  const headerRow = rows[best.row];
  const childRow = best.twoRow ? rows[best.row + 1] : undefined;
  const texts = headerTexts(headerRow?.cells ?? [], childRow?.cells ?? null);
  const lastHeaderLine = (childRow ?? headerRow)?.line ?? null;
  if (texts.length > maxColumns) {
    return {
      ok: false,
      error: {
        code: 'ingest.too_many_columns',
        line: lastHeaderLine,
        params: { count: texts.length, max: maxColumns },
      },
    };
  }
  const mapped = mapColumns(texts, best, lastHeaderLine);
  if ('code' in mapped) return { ok: false, error: mapped };
  const { columns, indexColumns } = mapped;

  const preamble = new Map<number, IgnoreReason>();
  for (let i = 0; i < best.row; i++) preamble.set(i, preambleReason(rows[i]?.cells ?? []));
  preamble.set(best.row, 'header');
  let end = best.row;
  if (best.twoRow) {
    end++;
    preamble.set(end, 'header_continuation');
  }
  const maybeUnits = rows[end + 1];
  if (maybeUnits && isUnitsRow(maybeUnits.cells)) {
    end++;
    preamble.set(end, 'units_row');
    applyUnitsRow(maybeUnits.cells, columns);
  }
  return {
    ok: true,
    value: {
      kind: best.kind,
      headerStart: best.row,
      headerEnd: end,
      headerLine: lastHeaderLine ?? 1,
      columns,
      indexColumns,
      preamble,
      headerSignature: (headerRow?.cells ?? []).map((c) => normaliseHeader(c)).join('\u0000'),
    },
  };
}

/** A cross-tab (docs/input-rules.md C6): a header candidate with a township column and three or more month columns. */
function findCrossTab(rows: readonly CsvRow[], candidates: readonly number[]): LayoutFailure | null {
  for (const i of candidates) {
    const cells = rows[i]?.cells ?? [];
    const months = cells.filter((c) => MONTH_HEADER_RE.test(normaliseHeader(c))).length;
    const hasTownship = cells.some((c) => {
      const m = matchHeader(c, 'township_month');
      return m.kind === 'field' && m.def.name === 'township';
    });
    if (months >= 3 && hasTownship) {
      return { code: 'ingest.crosstab_layout', line: rows[i]?.line ?? null, params: { months } };
    }
  }
  return null;
}

/** The candidate row (or two-row header) that maps the most fields of some kind, or null. */
function bestCandidate(rows: readonly CsvRow[], candidates: readonly number[]): Candidate | null {
  let best: Candidate | null = null;
  for (const i of candidates) {
    const row = rows[i]?.cells ?? [];
    const next = rows[i + 1]?.cells ?? null;
    for (const kind of KINDS) {
      const s1 = scoreCandidate(headerTexts(row, null), kind, false);
      if (s1 > (best?.score ?? -1)) best = { row: i, kind, twoRow: false, score: s1 };
      // A row with a cell under an empty (merged) parent cell continues the header even when all
      // its cells are units (`教育培训` over `场次`/`人次`): a units row only annotates named columns.
      if (next && hasMergedSpan(row, next)) {
        const s2 = scoreCandidate(headerTexts(row, next), kind, true);
        if (s2 > Math.max(s1, best?.score ?? -1)) best = { row: i, kind, twoRow: true, score: s2 };
      }
    }
  }
  return best && best.score >= 0 ? best : null;
}

/**
 * Maps each header text to a field of the chosen kind, or fails for a forbidden or duplicate
 * header, an ambiguous header, or two columns mapping to one field.
 */
function mapColumns(
  texts: readonly { parent: string; child: string }[],
  best: Candidate,
  lastHeaderLine: number | null,
): { columns: ColumnMapping[]; indexColumns: Set<number> } | LayoutFailure {
  const columns: ColumnMapping[] = [];
  const indexColumns = new Set<number>();
  const seenHeader = new Map<string, number>();
  const seenField = new Map<string, number>();
  for (let j = 0; j < texts.length; j++) {
    const t = texts[j] ?? { parent: '', child: '' };
    const display =
      best.twoRow && t.child !== '' && t.parent !== '' ? `${t.parent}/${t.child}` : t.parent || t.child;
    const norm = normaliseHeader(display);
    const fail = (code: MessageKey, params: Record<string, string | number>): LayoutFailure => ({
      code,
      line: lastHeaderLine,
      params: { column: display, index: j + 1, ...params },
    });
    if (FORBIDDEN_KEYS.has(norm)) return fail('ingest.forbidden_header', {});
    if (norm !== '') {
      const prev = seenHeader.get(norm);
      if (prev !== undefined) return fail('ingest.duplicate_header', { first: prev + 1, second: j + 1 });
      seenHeader.set(norm, j);
    }
    if (INDEX_HEADERS.has(norm)) {
      indexColumns.add(j);
      columns.push({ index: j, header: display, field: null, unit: null, scale: 1 });
      continue;
    }
    const m = matchColumn(t, best.kind, best.twoRow);
    if (m.kind === 'ambiguous') return fail('ingest.ambiguous_header', { fields: m.fields.join(', ') });
    if (m.kind === 'none') {
      columns.push({ index: j, header: display, field: null, unit: splitHeaderUnit(norm).unit, scale: 1 });
      continue;
    }
    const prevField = seenField.get(m.def.name);
    if (prevField !== undefined) {
      return fail('ingest.duplicate_field', {
        field: m.def.name,
        other: columns[prevField]?.header ?? '',
        first: prevField + 1,
        second: j + 1,
      });
    }
    seenField.set(m.def.name, j);
    columns.push({
      index: j,
      header: display,
      field: m.def.name,
      unit: m.unit,
      scale: m.unit === '元' ? 0.0001 : 1,
    });
  }
  return { columns, indexColumns };
}

/** Gives each column without a unit of its own the unit of the units row under the header. */
function applyUnitsRow(units: readonly string[], columns: ColumnMapping[]): void {
  for (let j = 0; j < columns.length; j++) {
    const col = columns[j];
    const n = normaliseHeader(units[j] ?? '');
    const unit = /^[([【](.+)[)\]】]$/u.exec(n)?.[1]?.split('/')[0] ?? (n === '' ? null : n);
    if (col && col.unit === null && unit) columns[j] = { ...col, unit, scale: unit === '元' ? 0.0001 : 1 };
  }
}

const signatureCells = new WeakMap<Layout, readonly string[]>();

/**
 * True when `cells` repeat the header row (docs/input-rules.md A8: concatenated exports), ignoring a leading BOM.
 * Runs on every data row, so it compares cell by cell and stops at the first difference instead of
 * normalising whole rows (long problem texts made that the ingest hot spot in `npm run bench`).
 */
export function isRepeatedHeader(cells: readonly string[], layout: Layout): boolean {
  let signature = signatureCells.get(layout);
  if (!signature) {
    signature = layout.headerSignature.split('\u0000');
    signatureCells.set(layout, signature);
  }
  if (cells.length !== signature.length) return false;
  for (let i = 0; i < cells.length; i++) {
    if (normaliseHeader((cells[i] ?? '').replace(/^\uFEFF/, '')) !== signature[i]) return false;
  }
  return true;
}
