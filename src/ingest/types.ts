/**
 * The ingest contract: bytes in, records and issues out. Used by the worker (browser), the CLI
 * and tests. Every record the parser produced is counted exactly once:
 * counts.total = counts.accepted + counts.rejected + counts.ignored.
 */
import type { RecordKind } from '../domain/fields';
import type {
  HazardRecord,
  HazardTallyRecord,
  ProblemRecordInput,
  Township,
  TownshipMonthRecord,
} from '../domain/records';
import type { MessageKey } from '../i18n/catalog';
import type { ReportAttachment } from './report/report-attachment';

export type Severity = 'error' | 'warning';

/** How the bytes were decoded. `utf-8-bom` and `utf-16*` were recognised by their BOM. */
export type EncodingName = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16le' | 'utf-16be';

/** `docx`, `doc`, `txt` and `paste` are monthly reports read as prose (src/ingest/report/, issue 11). */
export type FormatName = 'csv' | 'json' | 'jsonl' | 'xlsx' | 'docx' | 'doc' | 'txt' | 'paste';

/**
 * One problem found in a file. `code` is an i18n message key (`ingest.*`) and `params` fill it,
 * so the same issue renders in Chinese or English. Never an exception.
 */
export interface IngestIssue {
  readonly severity: Severity;
  readonly code: MessageKey;
  readonly file: string;
  /** 1-based physical line as a text editor shows it; null where none applies. */
  readonly line: number | null;
  /**
   * Where a JSON element is, as a JSON path without the `$` (`township_month[12]`, `[3]`,
   * `data.list[0]`); absent for CSV/XLSX/JSONL, whose line says it. A minified JSON file is one
   * line, so the line alone cannot tell its records apart.
   */
  readonly path?: string;
  /** The column as the file names it (header text), or null. */
  readonly column: string | null;
  /** Canonical field, or null. */
  readonly field: string | null;
  /** The raw value (truncated to 200 characters), or null. */
  readonly value: string | null;
  readonly params: Readonly<Record<string, string | number>>;
  /** Workbook sheet the issue is on (xlsx only). */
  readonly sheet?: string;
  /** A1 cell (`F5`) or row (`5:5`) within {@link sheet}, so the location reads `sheet!cell`. */
  readonly cell?: string;
}

/** Why a record was set aside without being data. */
export type IgnoreReason =
  | 'blank'
  | 'title'
  | 'metadata'
  | 'header'
  | 'header_continuation'
  | 'units_row'
  | 'repeated_header'
  | 'totals'
  | 'footer_note'
  | 'duplicate_identical'
  | 'empty_json_element'
  /** A row of a workbook sheet that is not data (instructions, hidden, header only): see {@link SheetSummary}. */
  | 'sheet_ignored';

export interface IgnoredRecord {
  readonly line: number | null;
  /** JSON path of the element (see IngestIssue.path); absent for line-based formats. */
  readonly path?: string;
  readonly reason: IgnoreReason;
  /** The record's text as it appeared (joined cells), truncated. */
  readonly raw: string;
  /** Workbook sheet of the row (xlsx only). */
  readonly sheet?: string;
}

export interface RejectedRow {
  readonly line: number | null;
  /** JSON path of the element (see IngestIssue.path); absent for line-based formats. */
  readonly path?: string;
  /** The original cells (CSV) or the JSON text of the element, so nothing is lost. */
  readonly raw: readonly string[];
  /** The error issues that rejected the row (same objects as in `issues`). */
  readonly reasons: readonly IngestIssue[];
  /** Workbook sheet of the row (xlsx only). */
  readonly sheet?: string;
}

/** How one source column was understood. */
export interface ColumnMapping {
  readonly index: number;
  /** The header text as in the file (after flattening two-row headers as `parent/child`). */
  readonly header: string;
  /** Canonical field name, or null for an unknown column (listed, never silently dropped). */
  readonly field: string | null;
  /** Unit taken from the header, e.g. 元 for `整改资金（元）`. */
  readonly unit: string | null;
  /** Multiplier applied to cell values to reach the canonical unit (e.g. 0.0001 for 元 → 万元). */
  readonly scale: number;
}

export interface IngestCounts {
  readonly total: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly ignored: number;
}

/** Why a workbook sheet was not read as data. */
export type SheetIgnoreReason = 'empty' | 'hidden' | 'notes_name' | 'notes_content' | 'header_only';

/**
 * How one sheet of a workbook was read. Per sheet, as per file:
 * counts.total = accepted + rejected + ignored; the file's counts are the sums over its sheets.
 */
export interface SheetSummary {
  readonly name: string;
  readonly state: 'visible' | 'hidden' | 'veryHidden';
  /** `data`: read through the table pipeline; `ignored`: not data (see reason); `rejected`: a table that could not be read. */
  readonly role: 'data' | 'ignored' | 'rejected';
  readonly reason: SheetIgnoreReason | null;
  readonly recordKind: RecordKind | 'mixed' | null;
  readonly headerLine: number | null;
  readonly counts: IngestCounts;
  /** Formula cells: Excel's cached value used, computed here from row arithmetic, or left blank and flagged. */
  readonly formulas: { readonly cached: number; readonly computed: number; readonly unresolved: number };
}

/** The result of ingesting one file. When status is `rejected`, no records are returned. */
export interface FileIngestResult {
  readonly file: string;
  readonly bytes: number;
  readonly encoding: EncodingName | null;
  readonly format: FormatName | null;
  /** CSV delimiter actually used. */
  readonly delimiter: string | null;
  readonly recordKind: RecordKind | 'mixed' | null;
  /** 1-based line of the (last) header row, for CSV. */
  readonly headerLine: number | null;
  readonly columns: readonly ColumnMapping[];
  readonly status: 'ok' | 'rejected';
  readonly counts: IngestCounts;
  readonly issues: readonly IngestIssue[];
  readonly ignored: readonly IgnoredRecord[];
  readonly rejectedRows: readonly RejectedRow[];
  readonly townshipMonths: readonly TownshipMonthRecord[];
  readonly hazards: readonly HazardRecord[];
  readonly problems: readonly ProblemRecordInput[];
  /** Hazard aggregate rows (agg.json, docs/scale-out.md); absent for every other file. */
  readonly hazardTallies?: readonly HazardTallyRecord[];
  /** A township master list the file declared (canonical JSON `townships`), in its order. */
  readonly townships: readonly Township[];
  readonly district: string | null;
  /** Workbooks only: every sheet in tab order, with its role and counts. */
  readonly sheets?: readonly SheetSummary[];
  /** Word/text reports only: the text, sections, evidence and other facts (report-attachment.ts). */
  readonly report?: ReportAttachment;
}

export interface IngestLimits {
  /** Refuse files larger than this many bytes. */
  readonly maxBytes: number;
  /** Reject a cell longer than this many characters. */
  readonly maxFieldChars: number;
  /** Refuse a table with more columns than this. */
  readonly maxColumns: number;
}

export const DEFAULT_LIMITS: IngestLimits = { maxBytes: 50 * 1024 * 1024, maxFieldChars: 10_000, maxColumns: 200 };

export interface IngestProgress {
  readonly phase: 'decode' | 'parse' | 'validate';
  /** Progress of the phase in its own unit (bytes, characters or rows): for the bar only. */
  readonly done: number;
  readonly total: number;
  /** Validate: data rows checked so far, and all data rows when known before the end. */
  readonly rows?: number;
  readonly rowsTotal?: number;
}

export interface IngestOptions {
  readonly fileName: string;
  /**
   * The district's township master list (official order, aliases). When empty, any well-formed
   * name is accepted as written (normalised) and the order of first appearance applies.
   */
  readonly knownTownships: readonly Township[];
  /** Today as `YYYY-MM-DD`, passed in (pure code never reads the clock): future periods are errors. */
  readonly today: string;
  readonly limits?: Partial<IngestLimits>;
  readonly onProgress?: (p: IngestProgress) => void;
}
