/**
 * The ingest entry point: bytes in, records and issues out (used by the worker, the CLI and tests).
 * Never throws on bad data. For every file: counts.total = accepted + rejected + ignored.
 */
import { pushAll } from '../domain/arrays';
import { FIELDS_BY_RECORD, type FieldDef } from '../domain/fields';
import type { MessageKey } from '../i18n/catalog';
import { parseCount, parseMoney } from './cells/parse-number';
import { cellOf, type FieldColumn } from './convert-row';
import { decodeBytes, sniffBinaryFormat, sniffMarkup } from './decode-bytes';
import { detectDelimiter } from './detect-delimiter';
import { findLayout, isBlankRow, isRepeatedHeader, type Layout } from './find-layout';
import { makeIssue, truncateValue } from './make-issue';
import { isPlainText } from './normalise-text';
import { processRows, type DataRow } from './process-rows';
import { normaliseLineEnds, readCsvTable, type CsvRow } from './read-csv-table';
import { readJsonText } from './read-json';
import { rejectedFile, resolveLimits } from './file-result';
import type {
  ColumnMapping,
  EncodingName,
  FileIngestResult,
  FormatName,
  IgnoredRecord,
  IngestIssue,
  IngestOptions,
} from './types';

const TOTALS_RE = /^(全(区|县|市|乡|镇|街道)?)?(合计|总计|小计|累计合计)$/u;
const FOOTER_RE = /^(注|说明|填表人|单位负责人|联系电话|审核人|制表|制表人|填报人|负责人|备注)[:：]/u;

const fileError = (
  file: string,
  code: MessageKey,
  params: Record<string, string | number> = {},
  line: number | null = null,
) => makeIssue(file, { severity: 'error', code, line, params });

/**
 * Ingests one file. Order: size cap → binary magic (xlsx, xls, pdf) → decode (BOM, strict UTF-8,
 * GB18030) → markup (HTML) → JSON/JSONL when the text starts with `{` or `[` → CSV. Files that
 * cannot be read as a whole come back with status `rejected`, no records and one error issue.
 * Empty input is rejected as an empty file (total 0).
 */
export function ingestBytes(bytes: Uint8Array, options: IngestOptions): FileIngestResult {
  const file = options.fileName;
  const limits = resolveLimits(options);
  if (bytes.length > limits.maxBytes) {
    return rejectedFile(
      options,
      bytes.length,
      fileError(file, 'ingest.file_too_large', { size: bytes.length, max: limits.maxBytes }),
    );
  }
  const magic = sniffBinaryFormat(bytes);
  if (magic) return rejectedFile(options, bytes.length, fileError(file, magic));
  options.onProgress?.({ phase: 'decode', done: 0, total: bytes.length });
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) {
    return rejectedFile(
      options,
      bytes.length,
      fileError(file, decoded.error.code, { ...decoded.error.params }),
      {
        encoding: decoded.error.encoding,
      },
    );
  }
  const { encoding } = decoded.value;
  const text = normaliseLineEnds(decoded.value.text);
  options.onProgress?.({ phase: 'decode', done: bytes.length, total: bytes.length });
  if (text.trim() === '')
    return rejectedFile(options, bytes.length, fileError(file, 'ingest.empty_file'), { encoding });
  const markup = sniffMarkup(text);
  if (markup) {
    return rejectedFile(
      options,
      bytes.length,
      makeIssue(file, { severity: 'error', code: markup, value: text.trimStart().slice(0, 200) }),
      { encoding },
    );
  }
  const first = text.trimStart()[0];
  if (first === '{' || first === '[') return readJsonText(text, bytes.length, encoding, options);
  return ingestCsvText(text, bytes.length, encoding, options);
}

/** True for a totals row (合计/总计/小计/全区合计…) judged by its first non-empty cell. */
export function isTotalsRow(cells: readonly string[], townshipIndex: number | null): boolean {
  const firstNonEmpty = cells.find((c) => c.trim() !== '');
  const township = townshipIndex !== null ? cells[townshipIndex] : undefined;
  return isTotalsCell(firstNonEmpty) || isTotalsCell(township);
}

// Every totals word ends in 计; plain text (isPlainText) is its own NFKC, so without 计 it is no total.
const isTotalsCell = (c: string | undefined): boolean =>
  c !== undefined &&
  (!isPlainText(c) || c.includes('计')) &&
  TOTALS_RE.test(c.normalize('NFKC').replace(/[\s\p{Cf}]+/gu, ''));

/** True for a footer note (注：, 说明：, 填表人：, 联系电话：…) judged by its first non-empty cell. */
export function isFooterRow(cells: readonly string[]): boolean {
  const firstNonEmpty = cells.find((c) => c.trim() !== '');
  // A footer note has a colon; plain text (its own NFKC) without `:` cannot be one.
  return (
    firstNonEmpty !== undefined &&
    (!isPlainText(firstNonEmpty) || firstNonEmpty.includes(':')) &&
    FOOTER_RE.test(firstNonEmpty.normalize('NFKC').trim())
  );
}

/** The field definitions of a record kind by name (a Map: one lookup per column, not a scan). */
const FIELD_DEFS = new Map(
  [...FIELDS_BY_RECORD].map(([kind, defs]) => [kind, new Map(defs.map((d) => [d.name, d]))] as const),
);

function fieldDef(layout: Layout, name: string): FieldDef | undefined {
  return FIELD_DEFS.get(layout.kind)?.get(name);
}

/**
 * Reads decoded, LF-only CSV text (see {@link ingestBytes}). Exported for tests that start from
 * text; `bytes` is only reported back.
 */
export function ingestCsvText(
  text: string,
  bytes: number,
  encoding: EncodingName | null,
  options: IngestOptions,
): FileIngestResult {
  const file = options.fileName;
  const delim = detectDelimiter(text);
  if (delim.kind === 'fullwidth_comma') {
    return rejectedFile(options, bytes, fileError(file, 'ingest.fullwidth_comma'), {
      encoding,
      format: 'csv',
    });
  }
  const delimiter = delim.kind === 'found' ? delim.delimiter : ',';
  options.onProgress?.({ phase: 'parse', done: 0, total: text.length });
  const table = readCsvTable(text, delimiter);
  const base = { encoding, format: 'csv' as const, delimiter };
  if (!table.ok) {
    return rejectedFile(
      options,
      bytes,
      fileError(file, 'ingest.unterminated_quote', {}, table.quoteLine),
      base,
    );
  }
  options.onProgress?.({ phase: 'parse', done: text.length, total: text.length });
  return ingestRows(table.rows, { bytes, ...base }, options);
}

/** How the rows handed to {@link ingestRows} were read, reported back in the result. */
export interface RowsMeta {
  readonly bytes: number;
  readonly encoding: EncodingName | null;
  readonly format: FormatName;
  /** CSV delimiter; null for a workbook. */
  readonly delimiter: string | null;
}

/**
 * Runs the table pipeline (layout, header mapping, row classification, cell grammars, cross-checks)
 * on rows already read from a CSV text or a workbook sheet; each row carries its 1-based line (a
 * spreadsheet row number). No rows → rejected as having no header. Never throws on bad data.
 */
export function ingestRows(
  rows: readonly CsvRow[],
  meta: RowsMeta,
  options: IngestOptions,
): FileIngestResult {
  const file = options.fileName;
  const limits = resolveLimits(options);
  const { bytes } = meta;
  const base = { encoding: meta.encoding, format: meta.format, delimiter: meta.delimiter };
  const layoutResult = findLayout(rows, limits.maxColumns);
  if (!layoutResult.ok) {
    const e = layoutResult.error;
    return rejectedFile(options, bytes, fileError(file, e.code, { ...e.params }, e.line), base, rows.length);
  }
  const layout = layoutResult.value;
  const columns = layout.columns;
  const table = classifyRows(rows, layout, file);
  const { dataRows, rejectedEarly } = table;
  if (dataRows.length === 0 && rejectedEarly.length === 0) {
    return rejectedFile(
      options,
      bytes,
      fileError(file, 'ingest.no_data_rows'),
      { ...base, headerLine: layout.headerLine, columns, recordKind: layout.kind },
      rows.length,
    );
  }

  const ctx = {
    file,
    today: options.today,
    knownTownships: options.knownTownships,
    maxFieldChars: limits.maxFieldChars,
  };
  const outcome = processRows(layout.kind, dataRows, ctx, options.onProgress);

  const issues = [...table.issues, ...rejectedEarly.map((r) => r.issue)];
  pushAll(issues, columnNotes(layout, table.unnamedWithData, file));
  pushAll(
    issues,
    checkTotals(
      table.totalsRows,
      outcome.townshipMonths.length > 0 ? dataRows : [],
      layout,
      file,
      outcome.rejectedRows.length + rejectedEarly.length,
    ),
  );

  const rejectedRows = rejectedEarly.map(({ row, issue }) => ({
    line: row.line,
    raw: row.cells,
    reasons: [issue],
  }));
  const allIssues = [...issues, ...outcome.issues];
  const allRejected = [...rejectedRows, ...outcome.rejectedRows].sort(
    (a, b) => (a.line ?? 0) - (b.line ?? 0),
  );
  const allIgnored = [...table.ignored, ...outcome.ignored].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  const accepted = outcome.townshipMonths.length + outcome.hazards.length + outcome.problems.length;
  return {
    file,
    bytes,
    ...base,
    recordKind: layout.kind,
    headerLine: layout.headerLine,
    columns,
    status: 'ok',
    counts: { total: rows.length, accepted, rejected: allRejected.length, ignored: allIgnored.length },
    issues: allIssues,
    ignored: allIgnored,
    rejectedRows: allRejected,
    townshipMonths: outcome.townshipMonths,
    hazards: outcome.hazards,
    problems: outcome.problems,
    townships: [],
    district: null,
  };
}

/** The rows below the header, sorted into data, set-aside and malformed ones. */
interface ClassifiedRows {
  readonly dataRows: DataRow[];
  readonly totalsRows: CsvRow[];
  /** Rows with too few or too many cells, each with the error that rejects it. */
  readonly rejectedEarly: { row: CsvRow; issue: IngestIssue }[];
  /** Preamble (title, metadata, header) and set-aside rows, in file order. */
  readonly ignored: IgnoredRecord[];
  /** Warnings found while sorting (a repeated header). */
  readonly issues: IngestIssue[];
  /** Unnamed columns that hold data in some row. */
  readonly unnamedWithData: Set<number>;
}

/** The mapped columns of a layout as conversion columns, with their index in the row. */
function fieldColumnsOf(layout: Layout): { columns: FieldColumn[]; indexes: number[] } {
  const columns: FieldColumn[] = [];
  const indexes: number[] = [];
  for (const col of layout.columns) {
    const def = col.field === null ? undefined : fieldDef(layout, col.field);
    if (!def) continue;
    columns.push({ def, column: col.header, unit: col.unit });
    indexes.push(col.index);
  }
  return { columns, indexes };
}

/**
 * Sorts the rows after the header: blank, repeated header, totals and footer rows are ignored
 * (totals kept for the checksum); a row with cells missing up to the last named column, or with
 * data beyond the header, is rejected; every other row is data.
 */
function classifyRows(rows: readonly CsvRow[], layout: Layout, file: string): ClassifiedRows {
  const out: ClassifiedRows = {
    dataRows: [],
    totalsRows: [],
    rejectedEarly: [],
    ignored: [],
    issues: [],
    unnamedWithData: new Set<number>(),
  };
  const ignore = (row: CsvRow, reason: IgnoredRecord['reason']) =>
    out.ignored.push({ line: row.line, reason, raw: truncateValue(row.cells.join(','), 200) ?? '' });
  for (const [i, reason] of layout.preamble) {
    const row = rows[i];
    if (row) ignore(row, reason);
  }
  const columns = layout.columns;
  const townshipIndex = columns.find((c) => c.field === 'township')?.index ?? null;
  const width = columns.length;
  // Columns up to the last named one must be present; trailing unnamed ones may be cut (docs/input-rules.md B12).
  let required = width;
  while (required > 0 && (columns[required - 1]?.header ?? '') === '') required--;
  const unnamed = columns.filter((c) => c.field === null && c.header === '').map((c) => c.index);
  const fields = fieldColumnsOf(layout);

  for (let i = layout.headerEnd + 1; i < rows.length; i++) {
    const row = rows[i];
    if (!row) continue;
    const cells = row.cells;
    if (isBlankRow(cells)) ignore(row, 'blank');
    else if (isRepeatedHeader(cells, layout)) {
      ignore(row, 'repeated_header');
      out.issues.push(
        makeIssue(file, { severity: 'warning', code: 'ingest.repeated_header_note', line: row.line }),
      );
    } else if (isTotalsRow(cells, townshipIndex)) {
      ignore(row, 'totals');
      out.totalsRows.push(row);
    } else if (isFooterRow(cells)) ignore(row, 'footer_note');
    else if (cells.length < required)
      out.rejectedEarly.push({ row, issue: tooFewFields(row, columns, required, file) });
    else if (hasDataFrom(cells, width)) {
      out.rejectedEarly.push({ row, issue: tooManyFields(row, width, file) });
    } else {
      for (const j of unnamed) if ((cells[j] ?? '').trim() !== '') out.unnamedWithData.add(j);
      out.dataRows.push({
        input: { line: row.line, columns: fields.columns, raws: cells, cellIndexes: fields.indexes },
        raw: cells,
      });
    }
  }
  return out;
}

/** True when a cell at `from` or after holds more than blanks (no copy of the row). */
function hasDataFrom(cells: readonly string[], from: number): boolean {
  for (let j = from; j < cells.length; j++) if ((cells[j] ?? '').trim() !== '') return true;
  return false;
}

function tooFewFields(
  row: CsvRow,
  columns: readonly ColumnMapping[],
  required: number,
  file: string,
): IngestIssue {
  const missing = columns.slice(row.cells.length, required).map((c) => c.header || `#${c.index + 1}`);
  return makeIssue(file, {
    severity: 'error',
    code: 'ingest.row_too_few_fields',
    line: row.line,
    params: { missing: missing.join('、'), expected: required, actual: row.cells.length },
  });
}

function tooManyFields(row: CsvRow, width: number, file: string): IngestIssue {
  const extra = row.cells.slice(width);
  return makeIssue(file, {
    severity: 'error',
    code: 'ingest.row_too_many_fields',
    line: row.line,
    value: extra.join(','),
    params: { extra: extra.length, expected: width },
  });
}

/** Unknown columns are listed once; unnamed all-empty trailing columns get one quieter note. */
function columnNotes(layout: Layout, unnamedWithData: ReadonlySet<number>, file: string): IngestIssue[] {
  const out: IngestIssue[] = [];
  const columns = layout.columns;
  const unknown = columns.filter(
    (c) =>
      c.field === null &&
      !layout.indexColumns.has(c.index) &&
      (c.header !== '' || unnamedWithData.has(c.index)),
  );
  if (unknown.length > 0) {
    out.push(
      makeIssue(file, {
        severity: 'warning',
        code: 'ingest.unknown_columns',
        line: layout.headerLine,
        params: { columns: unknown.map((c) => c.header || `#${c.index + 1}`).join('、') },
      }),
    );
  }
  const emptyUnnamed = columns.filter((c) => c.header === '' && !unnamedWithData.has(c.index)).length;
  if (emptyUnnamed > 0) {
    out.push(
      makeIssue(file, {
        severity: 'warning',
        code: 'ingest.trailing_empty_columns',
        params: { count: emptyUnnamed },
      }),
    );
  }
  return out;
}

/**
 * Uses a single 合计/总计 row as a checksum (docs/input-rules.md C3): for each count or money column, the sum of the
 * data rows must equal the totals row; a mismatch is a warning naming both figures. Skipped when
 * there are several totals rows (小计 subtotals) or any data row was rejected (the sum would be
 * incomplete).
 */
function checkTotals(
  totals: readonly CsvRow[],
  rows: readonly DataRow[],
  layout: Layout,
  file: string,
  rejected: number,
): IngestIssue[] {
  const out: IngestIssue[] = [];
  const total = totals[0];
  if (totals.length !== 1 || !total || rows.length === 0 || rejected > 0) return out;
  for (const col of layout.columns) {
    const def = col.field ? fieldDef(layout, col.field) : undefined;
    if (!def || (def.kind !== 'count' && def.kind !== 'money')) continue;
    const parse = (raw: string) =>
      def.kind === 'count'
        ? parseCount(raw, { units: def.units })
        : parseMoney(raw, { headerUnit: col.unit });
    const t = parse(total.cells[col.index] ?? '');
    if (t.kind !== 'value') continue;
    let sum = 0;
    for (const row of rows) {
      const at = row.input.columns.findIndex((c) => c.def.name === def.name);
      const raw = at < 0 ? undefined : cellOf(row.input, at);
      const v = raw === undefined ? null : parse(raw);
      if (v && v.kind === 'value') sum += v.value;
    }
    // Money sums drift in binary floating point; compare at 0.0001 万元 (1 元).
    const round = (n: number) => Math.round(n * 10000) / 10000;
    if (round(sum) !== round(t.value)) {
      out.push(
        makeIssue(file, {
          severity: 'warning',
          code: 'ingest.totals_mismatch',
          line: total.line,
          column: col.header,
          field: def.name,
          value: total.cells[col.index] ?? '',
          params: { total: round(t.value), sum: round(sum) },
        }),
      );
    }
  }
  return out;
}
