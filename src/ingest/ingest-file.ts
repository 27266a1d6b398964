/**
 * The ingest entry point: bytes in, records and issues out (used by the worker, the CLI and tests).
 * Never throws on bad data. For every file: counts.total = accepted + rejected + ignored.
 */
import { pushAll } from '../domain/arrays';
import { FIELDS_BY_RECORD, type FieldDef } from '../domain/fields';
import type { MessageKey } from '../i18n/catalog';
import { parseCount, parseMoney } from './cells/parse-number';
import type { CellResult } from './cells/cell-result';
import { cellOf, rowConverter, type ConvertContext, type FieldColumn, type RowInput } from './convert-row';
import { CsvSpans, SpanDictionary, TRAIT_COLON, TRAIT_JI, TRAIT_PLAIN, TRAIT_SETTLED } from './csv-spans';
import { columnParser, type ParsedValue } from './kinds/column-parsers';
import { normaliseHeader } from './map-headers';
import { decodeBytes, sniffBinaryFormat, sniffMarkup } from './decode-bytes';
import { detectDelimiter } from './detect-delimiter';
import { findLayout, HEADER_SEARCH_ROWS, isBlankRow, isRepeatedHeader, type Layout } from './find-layout';
import { makeIssue, truncateValue } from './make-issue';
import { isBlankText, isPlainText } from './normalise-text';
import { processRows, PROGRESS_EVERY, RowsCollector, type DataRow, type RowsOutcome } from './process-rows';
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
  if (isBlankText(text))
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
  const base = { encoding, format: 'csv' as const, delimiter };
  const spans = ingestCsvSpans(text, { bytes, ...base }, options);
  if (spans) return spans;
  const table = readCsvTable(text, delimiter);
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

/**
 * The table pipeline of {@link ingestRows} on CSV text read as cell spans (csv-spans.ts), one
 * record at a time, with the same result: the first rows are read as cells to find the layout,
 * then every record below the header is sorted (blank, repeated header, totals, footer, too few
 * or too many cells) from its spans, and each mapped cell is looked up in its column's dictionary
 * of distinct values, so a value that repeats is parsed once and never becomes a string again
 * (docs/architecture.md, "Where a rule lives"). No array of rows and no array of cells per row is
 * built: a row's cells are read back as text only for a row set aside, rejected or kept for the
 * duplicate rule. Returns null for what the span reader does not take (odd quotes, a BOM, a
 * multi-character delimiter) and for a file whose layout fails, which the general path then reads
 * and reports.
 */
function ingestCsvSpans(text: string, meta: RowsMeta, options: IngestOptions): FileIngestResult | null {
  const delimiter = meta.delimiter ?? ',';
  if (!CsvSpans.accepts(text, delimiter)) return null;
  const file = options.fileName;
  const limits = resolveLimits(options);
  const reader = new CsvSpans(text, delimiter);
  // The layout needs the first HEADER_SEARCH_ROWS non-blank rows and the two rows after the last.
  const head: CsvRow[] = [];
  const offsets: number[] = [];
  let candidates = 0;
  let lastCandidate = -1;
  while (candidates < HEADER_SEARCH_ROWS || head.length <= lastCandidate + 2) {
    const step = reader.next();
    if (step === 'unsupported') return null;
    if (step === 'end') break;
    const cells = reader.cells();
    head.push({ line: reader.line, cells });
    offsets.push(reader.start);
    if (candidates < HEADER_SEARCH_ROWS && !isBlankRow(cells)) {
      candidates++;
      lastCandidate = head.length - 1;
    }
  }
  const layoutResult = findLayout(head, limits.maxColumns);
  if (!layoutResult.ok) return null;
  const layout = layoutResult.value;
  const first = layout.headerEnd + 1;
  const firstRow = head[first];
  if (firstRow) reader.seek(offsets[first] ?? 0, firstRow.line);
  else if (first > head.length) return null;

  const table: Omit<ClassifiedRows, 'dataRows'> = {
    totalsRows: [],
    rejectedEarly: [],
    ignored: [],
    issues: [],
    unnamedWithData: new Set<number>(),
  };
  const currentRow = (): CsvRow => ({ line: reader.line, cells: reader.cells() });
  const ignore = (row: CsvRow, reason: IgnoredRecord['reason']) =>
    table.ignored.push({ line: row.line, reason, raw: truncateValue(row.cells.join(','), 200) ?? '' });
  for (const [i, reason] of layout.preamble) {
    const row = head[i];
    if (row) ignore(row, reason);
  }
  const columns = layout.columns;
  const townshipIndex = columns.find((c) => c.field === 'township')?.index ?? null;
  const width = columns.length;
  let required = width;
  while (required > 0 && (columns[required - 1]?.header ?? '') === '') required--;
  const unnamed = columns.filter((c) => c.field === null && c.header === '').map((c) => c.index);
  const signature = layout.headerSignature.split('\u0000');
  const fields = fieldColumnsOf(layout);
  const ctx = convertContext(options);
  const parsers = fields.columns.map((c) => columnParser(c.def, c.unit, ctx));
  const dictionaries = fields.columns.map(() => new SpanDictionary());
  const parsed: CellResult<ParsedValue>[][] = fields.columns.map(() => []);
  const results: CellResult<ParsedValue>[] = new Array<CellResult<ParsedValue>>(fields.columns.length);
  const input = {
    line: 0 as number | null,
    columns: fields.columns,
    raws: [] as readonly string[],
    cellText: (i: number) => reader.cell(fields.indexes[i] ?? Number.MAX_SAFE_INTEGER),
    results,
  };
  const convert = rowConverter(layout.kind, ctx);
  const collector = new RowsCollector(file);
  const keepOffsets = layout.kind === 'township_month';
  const dataOffsets: number[] = [];
  const dataLines: number[] = [];
  const rowAt = (offset: number, line: number): DataRow => {
    const cells = CsvSpans.rowAt(text, delimiter, offset, line);
    return { input: { line, columns: fields.columns, raws: cells, cellIndexes: fields.indexes }, raw: cells };
  };
  const dataRow = (): DataRow => new SpanRow(text, delimiter, reader.start, reader.line, fields);
  let total = first;
  let data = 0;
  for (;;) {
    const step = reader.next();
    if (step === 'unsupported') return null;
    if (step === 'end') break;
    total++;
    const n = reader.count;
    let firstFilled = -1;
    for (let j = 0; j < n; j++)
      if (!reader.isBlank(j)) {
        firstFilled = j;
        break;
      }
    const firstTraits = firstFilled < 0 ? 0 : reader.traits(firstFilled);
    if (firstFilled < 0) ignore(currentRow(), 'blank');
    else if (spansRepeatHeader(reader, signature)) {
      ignore(currentRow(), 'repeated_header');
      table.issues.push(
        makeIssue(file, { severity: 'warning', code: 'ingest.repeated_header_note', line: reader.line }),
      );
    } else if (
      spanIsTotals(reader, firstFilled, firstTraits) ||
      (townshipIndex !== null &&
        townshipIndex < n &&
        spanIsTotals(reader, townshipIndex, reader.traits(townshipIndex)))
    ) {
      const row = currentRow();
      ignore(row, 'totals');
      table.totalsRows.push(row);
    } else if (spanIsFooter(reader, firstFilled, firstTraits)) ignore(currentRow(), 'footer_note');
    else if (n < required) {
      const row = currentRow();
      table.rejectedEarly.push({ row, issue: tooFewFields(row, columns, required, file) });
    } else if (spansFilledFrom(reader, width)) {
      const row = currentRow();
      table.rejectedEarly.push({ row, issue: tooManyFields(row, width, file) });
    } else {
      for (const j of unnamed) if (!table.unnamedWithData.has(j) && !reader.isBlank(j)) table.unnamedWithData.add(j);
      for (let k = 0; k < results.length; k++) {
        const j = fields.indexes[k] ?? 0;
        const dict = dictionaries[k]!;
        let e = dict.enabled ? reader.find(j, dict) : -1;
        if (e >= 0) {
          results[k] = parsed[k]![e]!;
          continue;
        }
        e = dict.enabled ? reader.add(j, dict) : -1;
        const r = parsers[k]!(e >= 0 ? (dict.texts[e] ?? '') : reader.cell(j));
        if (e >= 0) parsed[k]![e] = r;
        results[k] = r;
      }
      input.line = reader.line;
      collector.add(convert(input), dataRow);
      if (keepOffsets) {
        dataOffsets.push(reader.start);
        dataLines.push(reader.line);
      }
      data++;
      if (options.onProgress && data % PROGRESS_EVERY === 0)
        // The bar moves by characters read; the rows are counted, their total is not known yet.
        options.onProgress({ phase: 'validate', done: reader.offset, total: text.length, rows: data });
    }
  }
  if (data === 0 && table.rejectedEarly.length === 0) {
    return rejectedFile(
      options,
      meta.bytes,
      fileError(file, 'ingest.no_data_rows'),
      {
        encoding: meta.encoding,
        format: meta.format,
        delimiter: meta.delimiter,
        headerLine: layout.headerLine,
        columns,
        recordKind: layout.kind,
      },
      total,
    );
  }
  const outcome = collector.finish();
  options.onProgress?.({ phase: 'validate', done: text.length, total: text.length, rows: data, rowsTotal: data });
  const dataRows = () => dataOffsets.map((offset, i) => rowAt(offset, dataLines[i] ?? 0));
  return tableResult(layout, table, dataRows, outcome, total, meta, options);
}

/**
 * A data row of the span path kept for later (a township-month row waiting for the duplicate
 * rule, a rejected row): its cells are read back from the text only if something asks for them.
 */
class SpanRow implements DataRow {
  private cells: readonly string[] | null = null;
  private row: RowInput | null = null;

  constructor(
    private readonly text: string,
    private readonly delimiter: string,
    private readonly offset: number,
    private readonly line: number,
    private readonly fields: { columns: readonly FieldColumn[]; indexes: readonly number[] },
  ) {}

  get raw(): readonly string[] {
    return (this.cells ??= CsvSpans.rowAt(this.text, this.delimiter, this.offset, this.line));
  }

  get input(): RowInput {
    return (this.row ??= {
      line: this.line,
      columns: this.fields.columns,
      raws: this.raw,
      cellIndexes: this.fields.indexes,
    });
  }
}

/** {@link isRepeatedHeader} on the current record's spans: a string only for a cell not settled. */
function spansRepeatHeader(reader: CsvSpans, signature: readonly string[]): boolean {
  if (reader.count !== signature.length) return false;
  for (let j = 0; j < reader.count; j++) {
    const expected = signature[j] ?? '';
    if (reader.traits(j) & TRAIT_SETTLED) {
      // normaliseHeader gives a settled cell back unchanged (map-headers.ts).
      if (!reader.equals(j, expected)) return false;
    } else if (normaliseHeader(reader.cell(j).replace(/^\uFEFF/, '')) !== expected) return false;
  }
  return true;
}

/** {@link isTotalsCell} on cell `j` of traits `t`: plain text without 计 is no total, and needs no string. */
function spanIsTotals(reader: CsvSpans, j: number, t: number): boolean {
  if (t & TRAIT_PLAIN && !(t & TRAIT_JI)) return false;
  return isTotalsCell(reader.cell(j));
}

/** {@link isFooterRow} on the first filled cell `j` of traits `t`: plain text without `:` is no footer note. */
function spanIsFooter(reader: CsvSpans, j: number, t: number): boolean {
  if (t & TRAIT_PLAIN && !(t & TRAIT_COLON)) return false;
  return isFooterRow([reader.cell(j)]);
}

/** {@link hasDataFrom} on the current record's spans. */
function spansFilledFrom(reader: CsvSpans, from: number): boolean {
  for (let j = from; j < reader.count; j++) if (!reader.isBlank(j)) return true;
  return false;
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

  const ctx = convertContext(options);
  const outcome = processRows(layout.kind, dataRows, ctx, options.onProgress);
  return tableResult(layout, table, () => dataRows, outcome, rows.length, meta, options);
}

const convertContext = (options: IngestOptions): ConvertContext => ({
  file: options.fileName,
  today: options.today,
  knownTownships: options.knownTownships,
  maxFieldChars: resolveLimits(options).maxFieldChars,
});

/**
 * The file result of a table: the set-aside and malformed rows found while sorting, the outcome
 * of the data rows, the column notes and the totals check. `dataRows` is asked for only when the
 * totals check needs the cells (one totals row, township-month records, nothing rejected).
 */
function tableResult(
  layout: Layout,
  table: Omit<ClassifiedRows, 'dataRows'>,
  dataRows: () => readonly DataRow[],
  outcome: RowsOutcome,
  total: number,
  meta: RowsMeta,
  options: IngestOptions,
): FileIngestResult {
  const file = options.fileName;
  const base = { encoding: meta.encoding, format: meta.format, delimiter: meta.delimiter };
  const { rejectedEarly } = table;
  const issues = [...table.issues, ...rejectedEarly.map((r) => r.issue)];
  pushAll(issues, columnNotes(layout, table.unnamedWithData, file));
  const rejected = outcome.rejectedRows.length + rejectedEarly.length;
  const needsRows = table.totalsRows.length === 1 && outcome.townshipMonths.length > 0 && rejected === 0;
  pushAll(issues, checkTotals(table.totalsRows, needsRows ? dataRows() : [], layout, file, rejected));

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
    bytes: meta.bytes,
    ...base,
    recordKind: layout.kind,
    headerLine: layout.headerLine,
    columns: layout.columns,
    status: 'ok',
    counts: { total, accepted, rejected: allRejected.length, ignored: allIgnored.length },
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
