/**
 * JSON and JSON Lines → records (docs/input-rules.md#e-json). Shapes: the canonical document
 * (`township_month`, `hazards`, `problems` arrays), a plain array of row objects keyed like CSV
 * headers (Chinese or English), an API envelope `{code:0,data:{list:[…]}}`, and JSON Lines. Values
 * go through the same cell grammar as CSV text. No recursive walk over untrusted depth: only the
 * top level, section arrays and one level of row objects are read.
 */
import { pushAll } from '../domain/arrays';
import { FIELDS_BY_RECORD, type RecordKind } from '../domain/fields';
import type { Township, TownshipType } from '../domain/records';
import { inferTownshipType, TOWNSHIP_TYPES } from '../domain/townships';
import type { MessageKey } from '../i18n/catalog';
import type { FieldColumn } from './convert-row';
import { findLayout, type Layout } from './find-layout';
import { isHazardAggregateDoc, readHazardAggregate } from './read-hazard-aggregate';
import { jsonElementLines } from './json-element-lines';
import { elementPath } from './json-path';
import { makeIssue } from './make-issue';
import { processRows, type DataRow } from './process-rows';
import type {
  EncodingName,
  FileIngestResult,
  IgnoredRecord,
  IngestIssue,
  IngestOptions,
  RejectedRow,
} from './types';
import { rejectedFile, resolveLimits } from './file-result';

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
const SECTIONS: readonly { key: string; kind: RecordKind }[] = [
  { key: 'township_month', kind: 'township_month' },
  { key: 'hazards', kind: 'hazard' },
  { key: 'problems', kind: 'problem' },
];

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

const pathOf = (el: Element): { path?: string } => (el.path ? { path: el.path } : {});
const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const own = (o: JsonObject, k: string): Json | undefined =>
  Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined;

/** 1-based line and column of a character offset. */
export function lineColumnAt(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, col: end - lineStart + 1 };
}

type ParseJson =
  | { ok: true; value: Json }
  | { ok: false; code: MessageKey; params: Record<string, string | number>; line: number | null };

/** JSON.parse as a value: a syntax error gives line:column from V8's offset (docs/input-rules.md E7); EOF gives E13. */
export function tryParseJson(text: string): ParseJson {
  try {
    return { ok: true, value: JSON.parse(text) as Json };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (/end of JSON input|Unterminated string/i.test(message)) {
      return { ok: false, code: 'ingest.json_truncated', params: { offset: text.length }, line: null };
    }
    const pos = /position (\d+)/.exec(message);
    const offset = pos?.[1] ? Number.parseInt(pos[1], 10) : 0;
    const { line, col } = lineColumnAt(text, offset);
    return {
      ok: false,
      code: 'ingest.json_syntax',
      params: { line, col, detail: message.slice(0, 120) },
      line,
    };
  }
}

/** Finds a forbidden key (`__proto__`, `constructor`, `prototype`) among an object's own keys. */
const forbiddenKey = (o: JsonObject): string | null =>
  Object.keys(o).find((k) => FORBIDDEN.has(k.trim().toLowerCase())) ?? null;

interface Element {
  readonly value: Json;
  readonly line: number | null;
  /** JSON path of the element (`township_month[12]`); absent for JSON Lines (the line says it). */
  readonly path?: string;
}

/**
 * Reads decoded JSON or JSONL text (see ingestBytes). A file with a forbidden key, a syntax error,
 * an error envelope or an unsupported shape is rejected as a whole.
 */
export function readJsonText(
  text: string,
  bytes: number,
  encoding: EncodingName | null,
  options: IngestOptions,
): FileIngestResult {
  const file = options.fileName;
  const parsed = tryParseJson(text);
  const fileErr = (
    code: MessageKey,
    params: Record<string, string | number> = {},
    line: number | null = null,
    n = 0,
    format: 'json' | 'jsonl' = 'json',
  ) =>
    rejectedFile(
      options,
      bytes,
      makeIssue(file, { severity: 'error', code, line, params }),
      { encoding, format },
      n,
    );

  if (!parsed.ok) {
    const lines = text.split('\n');
    const nonBlank = lines.filter((l) => l.trim() !== '');
    const firstLine = nonBlank[0] ?? '';
    const firstParsed = tryParseJson(firstLine);
    if (nonBlank.length > 1 && firstParsed.ok && isObject(firstParsed.value))
      return readJsonLines(lines, bytes, encoding, options);
    return fileErr(parsed.code, parsed.params, parsed.line);
  }
  const doc = parsed.value;
  // Element start lines, so issues can name the line the user sees (null where not found).
  const elementLines = jsonElementLines(text);
  const withLines = (arr: readonly Json[], path: string): Element[] => {
    const lines = elementLines.get(path);
    return arr.map((value, i) => ({ value, line: lines?.[i] ?? null, path: elementPath(path, i) }));
  };
  const issues: IngestIssue[] = [];
  let district: string | null = null;
  const townships: Township[] = [];
  const sections: { kind: RecordKind; elements: Element[] }[] = [];

  if (Array.isArray(doc)) {
    sections.push({ kind: 'township_month', elements: withLines(doc, '') });
  } else if (isObject(doc)) {
    const bad = forbiddenKey(doc);
    if (bad) return fileErr('ingest.json_forbidden_key', { key: bad });
    // agg.json from `npm run aggregate` (docs/scale-out.md): hazard tallies, its own reader.
    if (isHazardAggregateDoc(doc))
      return readHazardAggregate(doc, bytes, encoding, options, elementLines.get('tallies') ?? []);
    const code = own(doc, 'code');
    const msg = own(doc, 'msg') ?? own(doc, 'message');
    const data = own(doc, 'data');
    const hasSection = SECTIONS.some((s) => Array.isArray(own(doc, s.key)));
    if (!hasSection && code !== undefined) {
      const list = envelopeList(code, msg, data, file, issues);
      if ('code' in list) return fileErr(list.code, list.params);
      sections.push({ kind: 'township_month', elements: withLines(list.list, list.path) });
    } else if (hasSection) {
      const d = own(doc, 'district');
      district = typeof d === 'string' ? d : null;
      pushAll(townships, masterList(own(doc, 'townships'), file, issues));
      for (const s of SECTIONS) {
        const arr = own(doc, s.key);
        if (Array.isArray(arr)) sections.push({ kind: s.kind, elements: withLines(arr, s.key) });
      }
    } else {
      return fileErr('ingest.json_unsupported_shape', {
        detail: Object.keys(doc).slice(0, 5).join(', ') || '{}',
      });
    }
  } else {
    return fileErr('ingest.json_unsupported_shape', { detail: typeof doc });
  }
  const knownTownships = options.knownTownships.length > 0 ? options.knownTownships : townships;
  const result = readElements(sections, { ...options, knownTownships }, issues, 'json');
  if ('status' in result) return { ...result, bytes, encoding };
  return { ...result.value, bytes, encoding, townships, district };
}

/**
 * The row list of an API envelope (`{code:0,data:{list:[…],total}}`, or `data` itself an array),
 * warning when `total` disagrees; an error code or an empty `data` rejects the file.
 */
function envelopeList(
  code: Json,
  msg: Json | undefined,
  data: Json | undefined,
  file: string,
  issues: IngestIssue[],
): { list: readonly Json[]; path: string } | { code: MessageKey; params: Record<string, string | number> } {
  const okCode = code === 0 || code === 200 || code === '0' || code === '200';
  if (!okCode || data === null || data === undefined) {
    return {
      code: 'ingest.json_error_envelope',
      params: { code: String(code).slice(0, 40), msg: typeof msg === 'string' ? msg.slice(0, 200) : '-' },
    };
  }
  const listKey = isObject(data)
    ? ['list', 'rows', 'records', 'items'].find((k) => Array.isArray(own(data, k)))
    : undefined;
  const list = Array.isArray(data) ? data : listKey && isObject(data) ? own(data, listKey) : undefined;
  const path = Array.isArray(data) ? 'data' : `data/${listKey ?? ''}`;
  if (!Array.isArray(list)) return { code: 'ingest.json_unsupported_shape', params: { detail: 'data' } };
  const total = isObject(data) ? own(data, 'total') : undefined;
  if (typeof total === 'number' && total !== list.length) {
    issues.push(
      makeIssue(file, {
        severity: 'warning',
        code: 'ingest.json_total_mismatch',
        params: { total, count: list.length },
      }),
    );
  }
  return { list, path };
}

/** The canonical document's `townships` master list; a malformed entry is skipped with a warning. */
function masterList(ts: Json | undefined, file: string, issues: IngestIssue[]): Township[] {
  const townships: Township[] = [];
  if (!Array.isArray(ts)) return townships;
  ts.forEach((t, i) => {
    const name = isObject(t) ? own(t, 'name') : undefined;
    if (!isObject(t) || typeof name !== 'string' || name.trim() === '' || forbiddenKey(t)) {
      issues.push(
        makeIssue(file, {
          severity: 'warning',
          code: 'ingest.json_bad_township_entry',
          params: { index: i + 1 },
        }),
      );
      return;
    }
    const type = own(t, 'type');
    const code = own(t, 'code');
    const aliases = own(t, 'aliases');
    townships.push({
      name: name.trim(),
      type:
        typeof type === 'string' && (TOWNSHIP_TYPES as readonly string[]).includes(type)
          ? (type as TownshipType)
          : inferTownshipType(name.trim()),
      code: typeof code === 'string' && /^\d{9}(\d{3})?$/.test(code) ? code : null,
      aliases: Array.isArray(aliases) ? aliases.filter((a): a is string => typeof a === 'string') : [],
    });
  });
  return townships;
}

function readJsonLines(
  lines: readonly string[],
  bytes: number,
  encoding: EncodingName | null,
  options: IngestOptions,
): FileIngestResult {
  const elements: Element[] = [];
  const ignored: IgnoredRecord[] = [];
  const rejected: RejectedRow[] = [];
  const issues: IngestIssue[] = [];
  let total = 0;
  // A trailing newline does not make a record.
  const last = lines.length > 0 && lines[lines.length - 1] === '' ? lines.length - 1 : lines.length;
  for (let i = 0; i < last; i++) {
    const text = lines[i] ?? '';
    total++;
    if (text.trim() === '') {
      ignored.push({ line: i + 1, reason: 'blank', raw: '' });
      continue;
    }
    const p = tryParseJson(text);
    if (!p.ok) {
      const issue = makeIssue(options.fileName, {
        severity: 'error',
        code: p.code === 'ingest.json_truncated' ? 'ingest.json_syntax' : p.code,
        line: i + 1,
        value: text,
        params: {
          ...p.params,
          line: i + 1,
          col: p.params.col ?? text.length,
          detail: String(p.params.detail ?? 'EOF'),
        },
      });
      issues.push(issue);
      rejected.push({ line: i + 1, raw: [text], reasons: [issue] });
      continue;
    }
    elements.push({ value: p.value, line: i + 1 });
  }
  const result = readElements([{ kind: 'township_month', elements }], options, issues, 'jsonl', {
    ignored,
    rejected,
    extraTotal: total - elements.length,
  });
  if ('status' in result) return { ...result, bytes, encoding };
  return { ...result.value, bytes, encoding, townships: [], district: null };
}

type Partial = Omit<FileIngestResult, 'bytes' | 'encoding' | 'townships' | 'district'>;
type Section = { readonly kind: RecordKind; readonly elements: readonly Element[] };

/** Everything read so far, across sections. */
interface ElementsOutcome {
  readonly issues: IngestIssue[];
  readonly ignored: IgnoredRecord[];
  readonly rejectedRows: RejectedRow[];
  readonly townshipMonths: Partial['townshipMonths'][number][];
  readonly hazards: Partial['hazards'][number][];
  readonly problems: Partial['problems'][number][];
}

/**
 * Maps each section's keys (union over its elements, first-seen order) through the header
 * mapping, then converts elements as rows. The kind of a plain array is decided by its keys.
 */
function readElements(
  sections: readonly Section[],
  options: IngestOptions,
  issues: IngestIssue[],
  format: 'json' | 'jsonl',
  pre: { ignored: IgnoredRecord[]; rejected: RejectedRow[]; extraTotal: number } = {
    ignored: [],
    rejected: [],
    extraTotal: 0,
  },
): FileIngestResult | { value: Partial } {
  const file = options.fileName;
  const limits = resolveLimits(options);
  const out: ElementsOutcome = {
    issues,
    ignored: [...pre.ignored],
    rejectedRows: [...pre.rejected],
    townshipMonths: [],
    hazards: [],
    problems: [],
  };
  const kinds = new Set<RecordKind>();
  let columnsOut: Partial['columns'] = [];
  let total = pre.extraTotal;
  const reject = (issue: IngestIssue) => rejectedFile(options, 0, issue, { format }, total);
  for (const section of sections) {
    total += section.elements.length;
    const keys = sectionKeys(section, file);
    if (!Array.isArray(keys)) return reject(keys);
    const mapped = mapSection(section, keys, sections.length === 1, limits.maxColumns, file);
    if ('severity' in mapped) return reject(mapped);
    if (mapped.layout) {
      columnsOut = [...columnsOut, ...mapped.layout.columns];
      const unknown = unknownColumnsIssue(mapped.layout, file);
      if (unknown) issues.push(unknown);
    }
    if (section.elements.length > 0) kinds.add(mapped.kind);
    const dataRows = elementRows(section.elements, mapped.fields, file, out);
    const ctx = {
      file,
      today: options.today,
      knownTownships: options.knownTownships,
      maxFieldChars: limits.maxFieldChars,
    };
    const outcome = processRows(mapped.kind, dataRows, ctx, options.onProgress);
    pushAll(out.issues, outcome.issues);
    pushAll(out.rejectedRows, outcome.rejectedRows);
    pushAll(out.ignored, outcome.ignored);
    pushAll(out.townshipMonths, outcome.townshipMonths);
    pushAll(out.hazards, outcome.hazards);
    pushAll(out.problems, outcome.problems);
  }
  const accepted = out.townshipMonths.length + out.hazards.length + out.problems.length;
  const kindList = [...kinds];
  return {
    value: {
      file,
      format,
      delimiter: null,
      recordKind: kindList.length > 1 ? 'mixed' : (kindList[0] ?? null),
      headerLine: null,
      columns: columnsOut,
      status: 'ok',
      counts: { total, accepted, rejected: out.rejectedRows.length, ignored: out.ignored.length },
      issues,
      ignored: out.ignored,
      rejectedRows: out.rejectedRows,
      townshipMonths: out.townshipMonths,
      hazards: out.hazards,
      problems: out.problems,
    },
  };
}

/** The union of the section's element keys in first-seen order, or the error for a forbidden key. */
function sectionKeys(section: Section, file: string): string[] | IngestIssue {
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const el of section.elements) {
    if (!isObject(el.value)) continue;
    const bad = forbiddenKey(el.value);
    if (bad) {
      return makeIssue(file, {
        severity: 'error',
        code: 'ingest.json_forbidden_key',
        line: el.line,
        path: el.path ?? null,
        params: { key: bad },
      });
    }
    for (const k of Object.keys(el.value)) {
      if (seen.has(k)) continue;
      seen.add(k);
      keys.push(k);
    }
  }
  return keys;
}

/** How a section's keys map to fields: its kind, its layout (null when it has no keys), key → column. */
interface SectionMapping {
  readonly kind: RecordKind;
  readonly layout: Layout | null;
  readonly fields: ReadonlyMap<string, FieldColumn>;
}

/**
 * Maps the keys through the header mapping as one header row. The canonical document names its
 * sections; a lone section (a plain array) takes the kind its keys match. A section whose keys do
 * not make a header of its kind rejects the file.
 */
function mapSection(
  section: Section,
  keys: readonly string[],
  alone: boolean,
  maxColumns: number,
  file: string,
): SectionMapping | IngestIssue {
  const layout = keys.length > 0 ? findLayout([{ line: 1, cells: [...keys] }], maxColumns) : null;
  if (layout && !layout.ok) {
    const e = layout.error;
    return makeIssue(file, { severity: 'error', code: e.code, params: { ...e.params } });
  }
  const kind = alone && layout?.ok ? layout.value.kind : section.kind;
  const kindLayout = layout?.ok && layout.value.kind === kind ? layout.value : null;
  if (!kindLayout && keys.length > 0 && section.elements.length > 0) {
    return makeIssue(file, { severity: 'error', code: 'ingest.no_header', params: { rows: 1 } });
  }
  const defs = FIELDS_BY_RECORD.get(kind) ?? [];
  const fields = new Map<string, FieldColumn>();
  for (const col of kindLayout?.columns ?? []) {
    const key = keys[col.index];
    const def = defs.find((d) => d.name === col.field);
    // A JSON cell is named by its key in messages, as a CSV cell by its header.
    if (key !== undefined && def) fields.set(key, { def, column: key, unit: col.unit });
  }
  return { kind, layout: kindLayout, fields };
}

function unknownColumnsIssue(layout: Layout, file: string): IngestIssue | null {
  const unknown = layout.columns.filter((c) => c.field === null && !layout.indexColumns.has(c.index));
  if (unknown.length === 0) return null;
  return makeIssue(file, {
    severity: 'warning',
    code: 'ingest.unknown_columns',
    params: { columns: unknown.map((c) => c.header).join('、') },
  });
}

/**
 * The data rows of a section's elements. A non-object element, or one with a value no cell
 * grammar reads, is rejected (into `out`); an empty object is ignored.
 */
function elementRows(
  elements: readonly Element[],
  fields: ReadonlyMap<string, FieldColumn>,
  file: string,
  out: ElementsOutcome,
): DataRow[] {
  const dataRows: DataRow[] = [];
  for (const el of elements) {
    const rawText = JSON.stringify(el.value)?.slice(0, 2000) ?? '';
    if (!isObject(el.value)) {
      const issue = makeIssue(file, {
        severity: 'error',
        code: 'ingest.json_not_object',
        line: el.line,
        path: el.path ?? null,
        value: rawText,
        params: { type: Array.isArray(el.value) ? 'array' : typeof el.value },
      });
      out.issues.push(issue);
      out.rejectedRows.push({ line: el.line, ...pathOf(el), raw: [rawText], reasons: [issue] });
      continue;
    }
    if (Object.keys(el.value).length === 0) {
      out.ignored.push({ line: el.line, ...pathOf(el), reason: 'empty_json_element', raw: '{}' });
      continue;
    }
    const row = elementCells(el, el.value, fields, file);
    if (row.errors.length > 0) {
      pushAll(out.issues, row.errors);
      out.rejectedRows.push({ line: el.line, ...pathOf(el), raw: [rawText], reasons: row.errors });
      continue;
    }
    dataRows.push({
      input: { line: el.line, ...pathOf(el), columns: row.columns, raws: row.raws },
      raw: [rawText],
    });
  }
  return dataRows;
}

/** The element's mapped keys as cell texts, in the element's key order, or why a value is unreadable. */
function elementCells(
  el: Element,
  value: JsonObject,
  fields: ReadonlyMap<string, FieldColumn>,
  file: string,
): { columns: FieldColumn[]; raws: string[]; errors: IngestIssue[] } {
  const columns: FieldColumn[] = [];
  const raws: string[] = [];
  const errors: IngestIssue[] = [];
  for (const [key, v] of Object.entries(value)) {
    const f = fields.get(key);
    if (!f) continue;
    const raw = jsonValueToRaw(v);
    if (raw.ok) {
      columns.push(f);
      raws.push(raw.value);
      continue;
    }
    errors.push(
      makeIssue(file, {
        severity: 'error',
        code: raw.code,
        line: el.line,
        path: el.path ?? null,
        column: key,
        field: f.def.name,
        value: String(JSON.stringify(v)).slice(0, 200),
        params: raw.params,
      }),
    );
  }
  return { columns, raws, errors };
}

type RawResult =
  { ok: true; value: string } | { ok: false; code: MessageKey; params: Record<string, string | number> };

/**
 * Turns a JSON value into the text the cell grammar reads: strings as they are, null → '' (not
 * reported), integers and decimals via String (the grammar rejects fractions in counts), arrays of
 * strings joined with `;` (sector lists). Rejects non-finite numbers (docs/input-rules.md E8), numbers beyond 2^53
 * (docs/input-rules.md E15), booleans and nested objects.
 */
export function jsonValueToRaw(value: Json): RawResult {
  if (value === null) return { ok: true, value: '' };
  if (typeof value === 'string') return { ok: true, value };
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || Math.abs(value) > Number.MAX_SAFE_INTEGER) {
      return { ok: false, code: 'ingest.json_bad_number', params: {} };
    }
    return { ok: true, value: String(value) };
  }
  if (Array.isArray(value) && value.every((v) => typeof v === 'string'))
    return { ok: true, value: value.join(';') };
  return {
    ok: false,
    code: 'ingest.unsupported_value_type',
    params: { type: Array.isArray(value) ? 'array' : typeof value },
  };
}
