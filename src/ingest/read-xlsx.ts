/**
 * Reads EVERY sheet of an .xlsx workbook into the same rows of text cells the CSV reader produces,
 * so each sheet runs through the identical table pipeline (header mapping, cell grammars,
 * cross-checks). The workbook is unzipped with fflate and its XML read directly (synchronously, so
 * the worker and the CLI share it) because the formula of a cell and whether Excel cached its
 * value decide what the cell means: a cached value is used, simple row arithmetic without one is
 * computed, anything else is reported (docs/decisions/0003-xlsx-libraries.md).
 */
import { strFromU8, unzipSync } from 'fflate';
import type { Result } from '../domain/result';
import { err, ok } from '../domain/result';
import { normaliseLineEnds, type CsvRow } from './read-csv-table';
import {
  columnLetters,
  evaluateRowFormula,
  parseCellRef,
  shiftFormula,
  type FormulaFailure,
} from './xlsx-formula';
import { scanXml, unescapeXlsxText, XlsxXmlError } from './xlsx-xml';

/** A cell as the workbook reader returns it: typed by the sheet, or null when empty. */
export type XlsxCell = string | number | boolean | Date | null | undefined;

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * Text of one workbook cell, as a clerk would see it in a CSV saved from Excel: text as written
 * (line ends normalised to LF), a number via `String` (no grouping, no rounding, `-0` → `0`;
 * non-finite → empty), a boolean as `TRUE`/`FALSE`, a date cell as `YYYY-MM-DD` (the reader builds
 * dates in UTC, so the UTC calendar day is the cell's day; an invalid date → empty), null → empty.
 */
export function xlsxCellText(cell: XlsxCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return normaliseLineEnds(cell);
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return '';
    return Object.is(cell, -0) ? '0' : String(cell);
  }
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  const time = cell.getTime();
  if (Number.isNaN(time)) return '';
  return `${cell.getUTCFullYear()}-${pad2(cell.getUTCMonth() + 1)}-${pad2(cell.getUTCDate())}`;
}

/**
 * Maps sheet rows to CSV-like rows: row `i` (0-based, as the reader returns them from the sheet's
 * first row, empty rows included) gets line `i + 1`, the row number Excel shows, so issues point at
 * the right row. Empty input → no rows. Trailing empty cells are kept (the pipeline tolerates
 * them, as it does trailing commas).
 */
export function sheetRowsToCsvRows(data: readonly (readonly XlsxCell[])[]): CsvRow[] {
  return data.map((row, i) => ({ line: i + 1, cells: row.map(xlsxCellText) }));
}

/** Why a workbook could not be read: the reader's own message, for the import report. */
export interface XlsxReadError {
  readonly reason: string;
}

/** Excel's sheet visibility (`veryHidden` sheets can only be shown from the VBA editor). */
export type SheetState = 'visible' | 'hidden' | 'veryHidden';

/** What became of one formula cell. */
export interface FormulaCellInfo {
  /** 1-based row (the line of the row in the pipeline). */
  readonly row: number;
  /** 0-based column. */
  readonly col: number;
  /** A1 address, e.g. `F5`. */
  readonly ref: string;
  /** The formula as it applies to this cell (a shared formula is moved to the cell), with `=`. */
  readonly formula: string;
  /** `cached`: Excel's saved value used; `computed`: row arithmetic done here; `unresolved`: left blank and flagged. */
  readonly outcome: 'cached' | 'computed' | 'unresolved';
  readonly why: FormulaFailure | null;
}

/** One sheet of a workbook: its rows as text (row `n` is line `n`) and its formula cells. */
export interface WorkbookSheet {
  readonly name: string;
  readonly state: SheetState;
  readonly rows: CsvRow[];
  readonly formulas: readonly FormulaCellInfo[];
}

/** Refuse a part that would inflate beyond this (a zip bomb), whatever the file size cap. */
const MAX_PART_BYTES = 256 * 1024 * 1024;

/** Built-in number formats that display a date (ECMA-376 §18.8.30, plus the CJK date formats 27–36, 50–58). */
const BUILTIN_DATE_FORMATS: ReadonlySet<number> = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);

/** True when a custom number format shows a date/time: y, m, d or h outside quotes, escapes and brackets. */
export function isDateFormatCode(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/_./g, '')
    .replace(/\[[^\]]*\]/g, '');
  return /[ymdh]/i.test(bare);
}

/** A date serial (1900 or 1904 system) as a UTC Date. */
function serialToDate(serial: number, epoch1904: boolean): Date {
  const days = epoch1904 ? serial + 1462 : serial;
  return new Date(Math.round((days - 25569) * 86400) * 1000);
}

interface RawCell {
  text: string;
  /** The number a numeric cell holds (for row arithmetic), else null. */
  num: number | null;
  formula: string | null;
  cached: boolean;
}

function resolvePath(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base
    .split('/')
    .slice(0, -1)
    .filter((p) => p !== '');
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

/** Relationship id → part path; targets are relative to the folder of the part that owns the rels. */
function readRels(xml: string | undefined, ownerDir: string): Map<string, { path: string; type: string }> {
  const rels = new Map<string, { path: string; type: string }>();
  if (xml === undefined) return rels;
  scanXml(xml, {
    open: (name, a) => {
      const id = a.get('Id');
      const target = a.get('Target');
      if (
        name === 'Relationship' &&
        id !== undefined &&
        target !== undefined &&
        a.get('TargetMode') !== 'External'
      )
        rels.set(id, { path: resolvePath(`${ownerDir}/x`, target), type: a.get('Type') ?? '' });
    },
  });
  return rels;
}

/** Text of `<si>`/`<is>` string items: the `<t>` runs, without phonetic guides (`<rPh>`). */
function collectStrings(xml: string, item: string): string[] {
  const out: string[] = [];
  let inItem = false;
  let inT = false;
  let phonetic = 0;
  let buf = '';
  scanXml(xml, {
    open: (name, _a, self) => {
      if (name === item) {
        inItem = true;
        buf = '';
      } else if (name === 'rPh' && !self) phonetic++;
      else if (name === 't' && !self) inT = true;
    },
    close: (name) => {
      if (name === item && inItem) {
        out.push(unescapeXlsxText(buf));
        inItem = false;
      } else if (name === 'rPh') phonetic = Math.max(0, phonetic - 1);
      else if (name === 't') inT = false;
    },
    text: (t) => {
      if (inItem && inT && phonetic === 0) buf += t;
    },
  });
  return out;
}

/** Which style indexes (`<c s>`) display dates. */
function readDateStyles(xml: string | undefined): Set<number> {
  const dates = new Set<number>();
  if (xml === undefined) return dates;
  const custom = new Map<number, string>();
  let inCellXfs = false;
  let xf = 0;
  scanXml(xml, {
    open: (name, a) => {
      if (name === 'numFmt') custom.set(Number(a.get('numFmtId')), a.get('formatCode') ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(a.get('numFmtId') ?? '0');
        const code = custom.get(id);
        if (code !== undefined ? isDateFormatCode(code) : BUILTIN_DATE_FORMATS.has(id)) dates.add(xf);
        xf++;
      }
    },
    close: (name) => {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return dates;
}

interface SheetContext {
  readonly shared: readonly string[];
  readonly dateStyles: ReadonlySet<number>;
  readonly epoch1904: boolean;
}

/** Reads one worksheet part into rows of text and its formula cells. */
function readSheetXml(xml: string, name: string, state: SheetState, ctx: SheetContext): WorkbookSheet {
  const cells = new Map<number, Map<number, RawCell>>();
  const sharedMasters = new Map<string, { formula: string; row: number; col: number }>();
  let rowNo = 0;
  let colNo = -1;
  let cur: { row: number; col: number; t: string; s: number } | null = null;
  let v: string | null = null;
  let f: { text: string; t: string | null; si: string | null } | null = null;
  let inline: string | null = null;
  let capture: 'v' | 'f' | 't' | null = null;
  let phonetic = 0;
  let maxRow = 0;
  let maxCol = -1;

  const finish = () => {
    if (!cur) return;
    let formula: string | null = null;
    if (f) {
      if (f.t === 'shared' && f.si !== null) {
        const master = sharedMasters.get(f.si);
        if (f.text.trim() !== '') sharedMasters.set(f.si, { formula: f.text, row: cur.row, col: cur.col });
        else if (master) formula = shiftFormula(master.formula, cur.row - master.row, cur.col - master.col);
        formula ??= f.text.trim() !== '' ? f.text : null;
      } else formula = f.text.trim() !== '' ? f.text : null;
    }
    let text = '';
    let num: number | null = null;
    const t = cur.t;
    if (t === 's') text = v !== null ? (ctx.shared[Number(v)] ?? '') : '';
    else if (t === 'inlineStr') text = unescapeXlsxText(inline ?? '');
    else if (t === 'str' || t === 'e') text = unescapeXlsxText(v ?? '');
    else if (t === 'b') text = v === null || v === '' ? '' : v === '1' ? 'TRUE' : 'FALSE';
    else if (t === 'd') text = v ? xlsxCellText(new Date(v)) : '';
    else if (v !== null && v.trim() !== '') {
      const n = Number(v);
      if (ctx.dateStyles.has(cur.s) && Number.isFinite(n))
        text = xlsxCellText(serialToDate(n, ctx.epoch1904));
      else {
        text = xlsxCellText(n);
        num = Number.isFinite(n) ? n : null;
      }
    }
    text = normaliseLineEnds(text);
    if (text !== '' || formula !== null) {
      let row = cells.get(cur.row);
      if (!row) cells.set(cur.row, (row = new Map()));
      row.set(cur.col, { text, num, formula, cached: formula !== null && v !== null });
      maxRow = Math.max(maxRow, cur.row);
      maxCol = Math.max(maxCol, cur.col);
    }
    cur = null;
  };

  scanXml(xml, {
    open: (tag, a, self) => {
      if (tag === 'row') {
        const r = Number(a.get('r'));
        rowNo = Number.isInteger(r) && r > 0 ? r : rowNo + 1;
        colNo = -1;
      } else if (tag === 'c') {
        const ref = parseCellRef(a.get('r') ?? '');
        colNo = ref ? ref.col : colNo + 1;
        cur = { row: ref ? ref.row : rowNo, col: colNo, t: a.get('t') ?? 'n', s: Number(a.get('s') ?? '0') };
        v = null;
        f = null;
        inline = null;
        if (self) finish();
      } else if (!cur) return;
      else if (tag === 'v') {
        v = '';
        capture = self ? null : 'v';
      } else if (tag === 'f') {
        f = { text: '', t: a.get('t') ?? null, si: a.get('si') ?? null };
        capture = self ? null : 'f';
      } else if (tag === 'is') inline = '';
      else if (tag === 'rPh' && !self) phonetic++;
      else if (tag === 't' && inline !== null && !self) capture = 't';
    },
    close: (tag) => {
      if (tag === 'c') finish();
      else if (tag === 'rPh') phonetic = Math.max(0, phonetic - 1);
      else if (tag === 'v' || tag === 'f' || tag === 't') capture = null;
    },
    text: (t) => {
      if (capture === 'v') v = (v ?? '') + t;
      else if (capture === 'f' && f) f.text += t;
      else if (capture === 't' && phonetic === 0) inline = (inline ?? '') + t;
    },
  });

  // Formula cells without a cached value: compute row arithmetic, else leave blank and flag.
  const formulas: FormulaCellInfo[] = [];
  const resolving = new Set<RawCell>();
  const resolve = (row: number, cell: RawCell): { ok: true } | { ok: false; why: FormulaFailure } => {
    if (cell.formula === null || cell.cached || cell.num !== null) return { ok: true };
    if (resolving.has(cell)) return { ok: false, why: 'not_row_arithmetic' };
    resolving.add(cell);
    const rowCells = cells.get(row);
    const result = evaluateRowFormula(cell.formula, row, (col) => {
      const operand = rowCells?.get(col);
      if (!operand) return null;
      if (operand.formula !== null && !operand.cached && !resolve(row, operand).ok) return null;
      return operand.num;
    });
    resolving.delete(cell);
    if (!result.ok) return result;
    cell.num = result.value;
    cell.text = xlsxCellText(result.value);
    return { ok: true };
  };
  for (const [row, rowCells] of [...cells].sort((a, b) => a[0] - b[0])) {
    for (const [col, cell] of [...rowCells].sort((a, b) => a[0] - b[0])) {
      if (cell.formula === null) continue;
      const ref = `${columnLetters(col)}${row}`;
      const formula = `=${cell.formula}`;
      if (cell.cached) {
        formulas.push({ row, col, ref, formula, outcome: 'cached', why: null });
        continue;
      }
      const r = resolve(row, cell);
      formulas.push({
        row,
        col,
        ref,
        formula,
        outcome: r.ok ? 'computed' : 'unresolved',
        why: r.ok ? null : r.why,
      });
    }
  }

  const rows: CsvRow[] = [];
  for (let r = 1; r <= maxRow; r++) {
    const rowCells = cells.get(r);
    const out: string[] = [];
    for (let c = 0; c <= maxCol; c++) out.push(rowCells?.get(c)?.text ?? '');
    rows.push({ line: r, cells: out });
  }
  return { name, state, rows, formulas };
}

/**
 * Reads every sheet of `bytes` (an .xlsx file), in the workbook's tab order, with its visibility.
 * A corrupt archive, an old .xls, a workbook without sheets or XML the scanner refuses becomes an
 * error value with a reason. Never throws.
 */
export function readWorkbook(bytes: Uint8Array): Result<WorkbookSheet[], XlsxReadError> {
  try {
    let tooBig: string | null = null;
    const files = unzipSync(bytes, {
      filter: (f) => {
        if (!/\.(xml|rels)$/i.test(f.name)) return false;
        if (f.originalSize > MAX_PART_BYTES) {
          tooBig = f.name;
          return false;
        }
        return true;
      },
    });
    if (tooBig !== null) return err({ reason: `${String(tooBig)}: > ${MAX_PART_BYTES} bytes` });
    const text = (path: string): string | undefined => {
      const data = files[path];
      return data ? strFromU8(data) : undefined;
    };
    const rootRels = readRels(text('_rels/.rels'), '');
    const workbookPath =
      [...rootRels.values()].find((r) => r.type.endsWith('/officeDocument'))?.path ?? 'xl/workbook.xml';
    const workbookXml = text(workbookPath);
    if (workbookXml === undefined) return err({ reason: `${workbookPath} missing` });
    const wbDir = workbookPath.split('/').slice(0, -1).join('/');
    const rels = readRels(text(`${wbDir}/_rels/${workbookPath.split('/').pop() ?? ''}.rels`), wbDir);
    const declared: { name: string; state: SheetState; path: string | undefined }[] = [];
    let epoch1904 = false;
    scanXml(workbookXml, {
      open: (name, a) => {
        if (name === 'workbookPr') epoch1904 = ['1', 'true'].includes(a.get('date1904') ?? '');
        if (name === 'sheet') {
          const st = a.get('state');
          declared.push({
            name: a.get('name') ?? '',
            state: st === 'hidden' || st === 'veryHidden' ? st : 'visible',
            path: rels.get(a.get('id') ?? '')?.path,
          });
        }
      },
    });
    const byType = (suffix: string) => [...rels.values()].find((r) => r.type.endsWith(suffix))?.path;
    const sharedPath = byType('/sharedStrings');
    const stylesPath = byType('/styles');
    if (declared.length === 0) return err({ reason: 'no sheets' });
    const sharedXml = text(sharedPath ?? `${wbDir}/sharedStrings.xml`);
    const ctx: SheetContext = {
      shared: sharedXml === undefined ? [] : collectStrings(sharedXml, 'si'),
      dateStyles: readDateStyles(text(stylesPath ?? `${wbDir}/styles.xml`)),
      epoch1904,
    };
    // A chart sheet or a missing part has no cells: it reads as an empty sheet (listed, never dropped).
    return ok(
      declared.map((d) => {
        const xml = d.path !== undefined ? text(d.path) : undefined;
        return xml === undefined
          ? { name: d.name, state: d.state, rows: [], formulas: [] }
          : readSheetXml(xml, d.name, d.state, ctx);
      }),
    );
  } catch (e) {
    const reason =
      e instanceof XlsxXmlError ? `XML: ${e.message}` : e instanceof Error ? e.message || e.name : String(e);
    return err({ reason });
  }
}

/**
 * Reads the first sheet of `bytes` to rows with line numbers (kept for callers that want one
 * table). An unreadable workbook is an error value. Never throws.
 */
export async function readXlsxRows(bytes: Uint8Array): Promise<Result<CsvRow[], XlsxReadError>> {
  await Promise.resolve();
  const book = readWorkbook(bytes);
  if (!book.ok) return book;
  return ok(book.value[0]?.rows ?? []);
}
