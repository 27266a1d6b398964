/**
 * The scale-out hazard aggregate (issue 13 target 6, docs/scale-out.md): runs sql/hazard-tally.sql
 * in DuckDB over CSV or Parquet ledgers of any size and returns the agg.json document. DuckDB
 * streams the files; JavaScript only sees each column's DISTINCT cell texts (a few thousand
 * dates, townships, sector words), which it reads with the app's own cell grammars
 * (src/ingest/kinds/column-parsers.ts) so a value means in DuckDB what it means in the browser.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { HAZARD_FIELDS, type FieldDef } from '../src/domain/fields';
import type { Township } from '../src/domain/records';
import { detectDelimiter } from '../src/ingest/detect-delimiter';
import { isBlankRow } from '../src/ingest/find-layout';
import { isFooterRow, isTotalsRow } from '../src/ingest/ingest-file';
import { columnParser } from '../src/ingest/kinds/column-parsers';
import { matchHeader } from '../src/ingest/map-headers';
import { DEFAULT_LIMITS } from '../src/ingest/types';
import {
  HAZARD_AGGREGATE_FORMAT,
  HAZARD_AGGREGATE_VERSION,
  TALLY_COLUMNS,
  type AggregateAccounting,
  type AggregateInput,
  type AggregateReason,
  type AggregateSample,
  type HazardAggregateDoc,
  type TallyTuple,
} from '../src/ingest/hazard-aggregate-format';

/** The ledger columns the SQL reads, in `ledger_input` order (the hazard fields of src/domain/fields.ts). */
export const LEDGER_COLUMNS = [
  'township',
  'date_found',
  'sector',
  'level',
  'description',
  'status',
  'rectified_date',
  'deadline',
  'village',
  'unit_name',
] as const;
type LedgerColumn = (typeof LEDGER_COLUMNS)[number];
/** Columns whose every distinct text goes through the app's grammar. */
const DICT_COLUMNS: readonly LedgerColumn[] = [
  'township',
  'date_found',
  'sector',
  'level',
  'status',
  'rectified_date',
  'deadline',
];
/** Free-text columns: only texts that could fail or read as blank go through the grammar. */
const TEXT_COLUMNS: readonly LedgerColumn[] = ['description', 'village', 'unit_name'];
const REQUIRED_COLUMNS: readonly LedgerColumn[] = ['township', 'date_found', 'description'];

// A free text can only be null or an error when it is blank-looking, has a control or bidi
// character (src/ingest/normalise-text.ts), starts with an Excel idiom (= or '), or is long
// (a code-point length ≤ 4000 keeps the UTF-16 length under the 10 000 field cap). This
// superset picks the texts the grammar must see; every other text is a value as written.
const TEXT_SUSPECT = (col: string): string =>
  `(${col} IS NULL OR length(${col}) > 4000 ` +
  `OR regexp_matches(${col}, '[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F\\x{202A}-\\x{202E}\\x{2066}-\\x{2069}]') ` +
  `OR NOT regexp_matches(${col}, '[^\\s\\x{00A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}]') ` +
  `OR starts_with(${col}, '=') OR starts_with(${col}, ''''))`;

/** The statements of sql/hazard-tally.sql by their `-- name:` marker. */
export function readTallySql(
  path = new URL('../sql/hazard-tally.sql', import.meta.url),
): Map<string, string> {
  const text = readFileSync(path, 'utf8');
  const out = new Map<string, string>();
  const parts = text.split(/^-- name: (\w+)\s*$/m);
  for (let i = 1; i + 1 < parts.length; i += 2) out.set(parts[i] ?? '', (parts[i + 1] ?? '').trim());
  return out;
}

export interface AggregateOptions {
  /** `YYYY-MM-DD`: overdue is counted at this date, and it is "today" for the future-date rule. */
  readonly asOf: string;
  /** The district's township list (empty: any well-formed name is taken as written, normalised). */
  readonly knownTownships?: readonly Township[];
  /** Lines above a CSV header (a title row). */
  readonly skip?: number;
  /** Example rows kept per rejection reason. */
  readonly samplesPerReason?: number;
  /** DuckDB threads (default: all cores). */
  readonly threads?: number;
  /** DuckDB memory limit, e.g. `1GB`. */
  readonly memoryLimit?: string;
  /** Called after each phase of a file with its duration (the CLI's --verbose). */
  readonly onPhase?: (file: string, phase: string, ms: number) => void;
}

function phaseTimer(onPhase: AggregateOptions['onPhase'], file: string): (phase: string) => void {
  let last = performance.now();
  return (phase) => {
    const now = performance.now();
    onPhase?.(file, phase, now - last);
    last = now;
  };
}

const sqlString = (s: string): string => `'${s.replace(/'/g, "''")}'`;
const sqlIdent = (s: string): string => `"${s.replace(/"/g, '""')}"`;
const isParquet = (file: string): boolean => extname(file).toLowerCase() === '.parquet';

/** How to read a CSV: its delimiter and the lines above the header. */
interface CsvShape {
  readonly delimiter: string;
  readonly skip: number;
  /** The header cells, made unique (DuckDB needs distinct column names; the first copy is the one mapped). */
  readonly headers: readonly string[];
}

/** One CSV line split on `delimiter`, honouring double quotes (enough for a header line). */
function splitLine(line: string, delimiter: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] ?? '';
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

function uniqueHeaders(cells: readonly string[]): string[] {
  const seen = new Set<string>();
  return cells.map((c, i) => {
    let name = c.trim() === '' ? `column${i + 1}` : c;
    while (seen.has(name)) name = `${name}_${i + 1}`;
    seen.add(name);
    return name;
  });
}

/**
 * Reads the first 64 KB of a CSV (never the whole file): UTF-8 or a hard failure, the delimiter
 * by the app's rule (src/ingest/detect-delimiter.ts), and the header line: the first of the
 * first 20 lines whose cells name the ledger's required columns (a title row above it is
 * skipped and counted as such), unless `skip` is given.
 */
export function sniffCsv(file: string, skip: number | undefined): CsvShape | { readonly error: string } {
  const fd = openSync(file, 'r');
  const buf = Buffer.alloc(65536);
  const n = readSync(fd, buf, 0, buf.length, 0);
  closeSync(fd);
  let bytes = buf.subarray(0, n);
  if (n === buf.length) bytes = bytes.subarray(0, bytes.lastIndexOf(0x0a) + 1);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true })
      .decode(bytes)
      .replace(/^\uFEFF/, '')
      .replace(/\r\n?/g, '\n');
  } catch {
    return { error: 'not UTF-8 (a GB18030 file? convert it first: iconv -f GB18030 -t UTF-8)' };
  }
  const d = detectDelimiter(text);
  if (d.kind !== 'found') return { error: `no delimiter found (${d.kind})` };
  const lines = text.split('\n').slice(0, 20);
  const found = lines.findIndex((line) => {
    const fields = new Set(
      splitLine(line, d.delimiter).flatMap((h) => {
        const m = matchHeader(h, 'hazard');
        return m.kind === 'field' ? [m.def.name] : [];
      }),
    );
    return REQUIRED_COLUMNS.every((c) => fields.has(c));
  });
  const at = skip ?? Math.max(found, 0);
  return {
    delimiter: d.delimiter,
    skip: at,
    headers: uniqueHeaders(splitLine(lines[at] ?? '', d.delimiter)),
  };
}

function scanOf(file: string, shape: CsvShape, withRowNumbers: boolean): string {
  if (isParquet(file))
    return `read_parquet(${sqlString(file)}${withRowNumbers ? ', file_row_number = true' : ''})`;
  // Every cell as text (the grammars decide); lines with too few or too many fields are kept in
  // DuckDB's reject table, then counted as the app counts them (never dropped silently).
  return (
    `read_csv(${sqlString(file)}, auto_detect = false, header = true, null_padding = false, ` +
    `columns = {${shape.headers.map((h) => `${sqlString(h)}: 'VARCHAR'`).join(', ')}}, ` +
    `delim = ${sqlString(shape.delimiter)}, quote = '"', escape = '"', store_rejects = true, skip = ${shape.skip})`
  );
}

interface MappedColumns {
  readonly byField: Map<LedgerColumn, { header: string; def: FieldDef; unit: string | null }>;
  readonly columns: AggregateInput['columns'];
}

function mapColumns(headers: readonly string[]): MappedColumns {
  const byField = new Map<LedgerColumn, { header: string; def: FieldDef; unit: string | null }>();
  const columns: { header: string; field: string | null }[] = [];
  for (const header of headers) {
    const m = matchHeader(header, 'hazard');
    const field = m.kind === 'field' ? (m.def.name as LedgerColumn) : null;
    if (
      m.kind === 'field' &&
      field &&
      (LEDGER_COLUMNS as readonly string[]).includes(field) &&
      !byField.has(field)
    ) {
      byField.set(field, { header, def: m.def, unit: m.unit });
      columns.push({ header, field });
    } else columns.push({ header, field: null });
  }
  return { byField, columns };
}

function inputView(file: string, mapped: MappedColumns, shape: CsvShape, withRowNumbers: boolean): string {
  const cols = LEDGER_COLUMNS.map((c) => {
    const m = mapped.byField.get(c);
    return m ? `CAST(${sqlIdent(m.header)} AS VARCHAR) AS ${c}` : `CAST(NULL AS VARCHAR) AS ${c}`;
  });
  const rowNo = !withRowNumbers
    ? 'CAST(NULL AS BIGINT)'
    : isParquet(file)
      ? 'file_row_number + 1'
      : 'row_number() OVER ()';
  return `CREATE OR REPLACE TEMP VIEW ledger_input AS SELECT ${rowNo} AS row_no, ${cols.join(', ')} FROM ${scanOf(file, shape, withRowNumbers)}`;
}

const fieldDef = (name: string): FieldDef => {
  const def = HAZARD_FIELDS.find((f) => f.name === name);
  if (!def) throw new Error(`no hazard field ${name}`);
  return def;
};

/** One cell_dict row: the app's reading of one distinct cell text of a ledger column. */
export interface CellDictEntry {
  readonly field: string;
  readonly raw: string;
  readonly value: string | null;
  readonly error: string | null;
}

/**
 * The app's cell grammars (src/ingest/kinds/column-parsers.ts) applied to distinct cell texts:
 * the `cell_dict` table of sql/hazard-tally.sql, for DuckDB here and for any other engine
 * (`npm run aggregate -- --cell-dict`, docs/scale-out.md). A totals word in the township cell
 * (合计, 小计 …) reads `ignored.totals`, the app's layout rule. Unknown fields are skipped.
 */
export function cellDictionary(
  distinct: readonly { readonly field: string; readonly raw: string }[],
  options: Pick<AggregateOptions, 'asOf' | 'knownTownships'>,
  headers: ReadonlyMap<string, { def: FieldDef; unit: string | null }> = new Map(),
): CellDictEntry[] {
  const ctx = {
    today: options.asOf,
    knownTownships: options.knownTownships ?? [],
    maxFieldChars: DEFAULT_LIMITS.maxFieldChars,
  };
  const parsers = new Map<string, ReturnType<typeof columnParser>>();
  const out: CellDictEntry[] = [];
  for (const { field, raw } of distinct) {
    if (!(LEDGER_COLUMNS as readonly string[]).includes(field)) continue;
    let parse = parsers.get(field);
    if (!parse) {
      const m = headers.get(field);
      parse = columnParser(m?.def ?? fieldDef(field), m?.unit ?? null, ctx);
      parsers.set(field, parse);
    }
    const totals = field === 'township' && isTotalsRow([raw], 0);
    const r = totals ? ({ kind: 'error', code: 'ignored.totals' } as const) : parse(raw);
    out.push({
      field,
      raw,
      value: r.kind === 'value' ? String(r.value) : null,
      error: r.kind === 'error' ? r.code : null,
    });
  }
  return out;
}

/**
 * Builds cell_dict for one file: DuckDB lists each column's distinct texts in one scan (for free
 * text only the suspects), and {@link cellDictionary} reads them.
 */
async function buildDictionary(
  con: DuckDBConnection,
  mapped: MappedColumns,
  options: AggregateOptions,
): Promise<void> {
  const selects = [
    ...DICT_COLUMNS.map((c) => `list(DISTINCT coalesce(${c}, '')) AS ${c}`),
    ...TEXT_COLUMNS.map((c) => `list(DISTINCT coalesce(${c}, '')) FILTER (WHERE ${TEXT_SUSPECT(c)}) AS ${c}`),
  ];
  const reader = await con.runAndReadAll(`SELECT ${selects.join(', ')} FROM ledger_input`);
  const row = reader.getRowObjectsJS()[0] ?? {};
  await con.run(
    'CREATE OR REPLACE TABLE cell_dict (field VARCHAR, raw VARCHAR, value VARCHAR, error VARCHAR)',
  );
  const appender = await con.createAppender('cell_dict');
  const distinct = [...DICT_COLUMNS, ...TEXT_COLUMNS].flatMap((c) =>
    ((row[c] as string[] | null) ?? []).map((raw) => ({ field: c, raw })),
  );
  for (const e of cellDictionary(distinct, options, mapped.byField)) {
    appender.appendVarchar(e.field);
    appender.appendVarchar(e.raw);
    if (e.value === null) appender.appendNull();
    else appender.appendVarchar(e.value);
    if (e.error === null) appender.appendNull();
    else appender.appendVarchar(e.error);
    appender.endRow();
  }
  appender.closeSync();
  await con.run('CREATE OR REPLACE TABLE ledger_headers (field VARCHAR, header VARCHAR)');
  const headers = await con.createAppender('ledger_headers');
  for (const [field, m] of mapped.byField) {
    headers.appendVarchar(field);
    headers.appendVarchar(m.header);
    headers.endRow();
  }
  headers.closeSync();
}

interface FileOutcome {
  readonly input: AggregateInput;
  readonly tallies: TallyTuple[];
  readonly reasons: AggregateReason[];
}

async function aggregateFile(
  con: DuckDBConnection,
  sql: Map<string, string>,
  file: string,
  options: AggregateOptions,
): Promise<FileOutcome> {
  const name = basename(file);
  const format = isParquet(file) ? 'parquet' : 'csv';
  const sniffed = format === 'csv' ? sniffCsv(file, options.skip) : { delimiter: ',', skip: 0, headers: [] };
  if ('error' in sniffed) throw new Error(sniffed.error);
  const shape = sniffed;
  const described = await con.runAndReadAll(`DESCRIBE SELECT * FROM ${scanOf(file, shape, false)}`);
  const headers = described.getRowObjectsJS().map((r) => String(r.column_name));
  const mapped = mapColumns(headers);
  const missing = REQUIRED_COLUMNS.filter((c) => !mapped.byField.has(c));
  if (missing.length > 0) {
    return {
      input: {
        file: name,
        format,
        columns: mapped.columns,
        rows_read: 0,
        aggregated: 0,
        rejected: 0,
        ignored: 0,
        error: `missing required column(s): ${missing.join(', ')}`,
      },
      tallies: [],
      reasons: [],
    };
  }
  const phase = phaseTimer(options.onPhase, name);
  await con.run(inputView(file, mapped, shape, false));
  await buildDictionary(con, mapped, options);
  phase('dictionary');
  await con.run(sql.get('hazard_rows') ?? '');
  if (format === 'csv')
    await con.run('DELETE FROM reject_errors; DELETE FROM reject_scans;').catch(() => undefined);
  const tally = await con.runAndReadAll(sql.get('tally') ?? '', { as_of: options.asOf });
  phase('tally');
  const tallies: TallyTuple[] = [];
  const reasons: AggregateReason[] = [];
  let aggregated = 0;
  let rejected = 0;
  let ignored = 0;
  for (const r of tally.getRowObjectsJS()) {
    const found = Number(r.found);
    if (r.reject_reason === null) {
      aggregated += found;
      tallies.push([
        String(r.township),
        String(r.period),
        String(r.sector),
        String(r.level),
        found,
        Number(r.rectified),
        Number(r.overdue),
      ] as TallyTuple);
    } else {
      const reason = String(r.reject_reason);
      const kind = reason.startsWith('ignored.') ? 'ignored' : 'rejected';
      if (kind === 'ignored') ignored += found;
      else rejected += found;
      reasons.push({
        kind,
        reason,
        field: r.reject_field === null ? null : String(r.reject_field),
        count: found,
        samples: [],
      });
    }
  }
  // Lines DuckDB's CSV reader could not split (too few or too many fields, bad quoting): judged
  // by the app's layout rules first (a footer note, a totals or blank line is ignored), the rest
  // rejected with DuckDB's reason and their line.
  if (format === 'csv') {
    const rej = await con
      .runAndReadAll('SELECT DISTINCT line, error_type, csv_line FROM reject_errors ORDER BY line')
      .then((x) => x.getRowObjectsJS());
    const townshipIndex = shape.headers.indexOf(mapped.byField.get('township')?.header ?? '');
    const byReason = new Map<string, { kind: 'rejected' | 'ignored'; lines: number[] }>();
    for (const e of rej) {
      const cells = splitLine(String(e.csv_line ?? ''), shape.delimiter);
      const kind =
        isBlankRow(cells) || isTotalsRow(cells, townshipIndex) || isFooterRow(cells) ? 'ignored' : 'rejected';
      const reason =
        kind === 'rejected'
          ? `csv.${String(e.error_type).toLowerCase().replace(/\W+/g, '_')}`
          : isBlankRow(cells)
            ? 'ignored.blank'
            : isFooterRow(cells)
              ? 'ignored.footer_note'
              : 'ignored.totals';
      const entry = byReason.get(reason) ?? { kind, lines: [] };
      entry.lines.push(Number(e.line));
      byReason.set(reason, entry);
    }
    for (const [reason, { kind, lines }] of byReason) {
      const unique = [...new Set(lines)];
      if (kind === 'ignored') ignored += unique.length;
      else rejected += unique.length;
      reasons.push({
        kind,
        reason,
        field: null,
        count: unique.length,
        samples: unique.slice(0, options.samplesPerReason ?? 5).map((line) => ({ file: name, line })),
      });
    }
  }
  if (reasons.some((r) => r.samples.length === 0)) {
    // Second pass only when something was set aside: row numbers need an ordered scan.
    await con.run(inputView(file, mapped, shape, true));
    await con.run(sql.get('hazard_rows') ?? '');
    const samples = await con.runAndReadAll(sql.get('rejected_samples') ?? '', {
      per_reason: options.samplesPerReason ?? 5,
    });
    phase('samples');
    for (const s of samples.getRowObjectsJS()) {
      const reason = reasons.find((r) => r.reason === s.reject_reason && r.field === s.reject_field);
      (reason?.samples as AggregateSample[] | undefined)?.push({
        file: name,
        row: Number(s.row_no),
        ...(s.township_raw === null ? {} : { township: String(s.township_raw) }),
      });
    }
  }
  return {
    input: {
      file: name,
      format,
      ...(format === 'csv' ? { header_line: shape.skip + 1 } : {}),
      columns: mapped.columns,
      rows_read: aggregated + rejected + ignored,
      aggregated,
      rejected,
      ignored,
    },
    tallies,
    reasons,
  };
}

const tallyKey = (t: TallyTuple): string => `${t[0]}\u0000${t[1]}\u0000${t[2]}\u0000${t[3]}`;

/** Sums tallies of several files into one row per township, month, sector and level, sorted. */
function mergeTallies(lists: readonly TallyTuple[][]): TallyTuple[] {
  const out = new Map<string, TallyTuple>();
  for (const list of lists)
    for (const t of list) {
      const k = tallyKey(t);
      const prev = out.get(k);
      out.set(k, prev ? [t[0], t[1], t[2], t[3], prev[4] + t[4], prev[5] + t[5], prev[6] + t[6]] : t);
    }
  return [...out.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
}

/**
 * Aggregates ledger files (CSV as townships send it, or Parquet/CSV with the canonical columns)
 * into the agg.json document. A file that cannot be read, or lacks a required column, is listed
 * with its `error` (a hard failure for the CLI); every row of every readable file is counted as
 * aggregated, rejected (reason, count, example rows) or ignored (blank).
 */
export async function aggregateLedgers(
  files: readonly string[],
  options: AggregateOptions,
): Promise<HazardAggregateDoc> {
  const instance = await DuckDBInstance.create(':memory:', {
    ...(options.threads ? { threads: String(options.threads) } : {}),
    ...(options.memoryLimit ? { memory_limit: options.memoryLimit } : {}),
  });
  const con = await instance.connect();
  const sql = readTallySql();
  const version = String((await con.runAndReadAll('SELECT version() AS v')).getRowObjectsJS()[0]?.v ?? '');
  const outcomes: FileOutcome[] = [];
  try {
    for (const file of files) {
      try {
        outcomes.push(await aggregateFile(con, sql, file, options));
      } catch (e) {
        outcomes.push({
          input: {
            file: basename(file),
            format: isParquet(file) ? 'parquet' : 'csv',
            columns: [],
            rows_read: 0,
            aggregated: 0,
            rejected: 0,
            ignored: 0,
            error: e instanceof Error ? (e.message.split('\n')[0] ?? e.message) : String(e),
          },
          tallies: [],
          reasons: [],
        });
      }
    }
  } finally {
    con.closeSync();
    instance.closeSync();
  }
  const reasons = new Map<string, AggregateReason>();
  for (const o of outcomes)
    for (const r of o.reasons) {
      const k = `${r.kind}\u0000${r.reason}\u0000${r.field ?? ''}`;
      const prev = reasons.get(k);
      if (!prev) reasons.set(k, { ...r, samples: [...r.samples] });
      else
        reasons.set(k, {
          ...prev,
          count: prev.count + r.count,
          samples: [...prev.samples, ...r.samples].slice(0, options.samplesPerReason ?? 5),
        });
    }
  const sum = (f: (i: AggregateInput) => number): number => outcomes.reduce((s, o) => s + f(o.input), 0);
  const accounting: AggregateAccounting = {
    rows_read: sum((i) => i.rows_read),
    aggregated: sum((i) => i.aggregated),
    rejected: sum((i) => i.rejected),
    ignored: sum((i) => i.ignored),
    reasons: [...reasons.values()].sort((a, b) => b.count - a.count || (a.reason < b.reason ? -1 : 1)),
  };
  return {
    format: HAZARD_AGGREGATE_FORMAT,
    version: HAZARD_AGGREGATE_VERSION,
    as_of: options.asOf,
    generator: `npm run aggregate (sql/hazard-tally.sql, DuckDB ${version})`,
    inputs: outcomes.map((o) => o.input),
    accounting,
    columns: TALLY_COLUMNS,
    tallies: mergeTallies(outcomes.map((o) => o.tallies)),
  };
}

/**
 * agg.json text: the header fields pretty-printed, then one tally per line, so the app's import
 * report can name a tally by its line and two aggregates diff line by line.
 */
export function formatAggregate(doc: HazardAggregateDoc): string {
  const { tallies, ...head } = doc;
  const headText = JSON.stringify(head, null, 1).replace(/\n\}$/, '');
  const rows = tallies.map((t) => `  ${JSON.stringify(t)}`).join(',\n');
  return `${headText},\n "tallies": [\n${rows}\n ]\n}\n`;
}

/**
 * `--cell-dict`: reads distinct cell texts (CSV with columns field, raw, as another engine exports
 * them) and writes the cell_dict CSV (field, raw, value, error) for that engine to load. Returns
 * the number of entries written.
 */
export async function writeCellDictionary(input: string, output: string, asOf: string): Promise<number> {
  const instance = await DuckDBInstance.create(':memory:');
  const con = await instance.connect();
  try {
    const rows = (
      await con.runAndReadAll(
        `SELECT field, coalesce(raw, '') AS raw FROM read_csv(${sqlString(input)}, header = true, all_varchar = true)`,
      )
    ).getRowObjectsJS();
    const entries = cellDictionary(
      rows.map((r) => ({ field: String(r.field), raw: String(r.raw) })),
      { asOf },
    );
    await con.run('CREATE TABLE cell_dict (field VARCHAR, raw VARCHAR, value VARCHAR, error VARCHAR)');
    const appender = await con.createAppender('cell_dict');
    for (const e of entries) {
      appender.appendVarchar(e.field);
      appender.appendVarchar(e.raw);
      if (e.value === null) appender.appendNull();
      else appender.appendVarchar(e.value);
      if (e.error === null) appender.appendNull();
      else appender.appendVarchar(e.error);
      appender.endRow();
    }
    appender.closeSync();
    await con.run(`COPY cell_dict TO ${sqlString(output)} (HEADER, DELIMITER ',')`);
    return entries.length;
  } finally {
    con.closeSync();
    instance.closeSync();
  }
}
