/**
 * What the importer really reads, held once so the file picker's `accept` list and the hint the
 * user reads cannot drift apart (docs/architecture.md, "Data flow in the browser"). The format is
 * sniffed from the bytes, not the name (ingest-any-file.ts, decode-bytes.ts); the extensions only
 * steer the picker.
 */

/** A file format the importer reads, with the picker extension and the name shown to users. */
export interface SupportedFormat {
  readonly extension: string;
  readonly label: string;
}

export const SUPPORTED_FORMATS: readonly SupportedFormat[] = [
  { extension: '.csv', label: 'CSV' },
  { extension: '.tsv', label: 'TSV' },
  { extension: '.txt', label: 'TXT' },
  { extension: '.json', label: 'JSON' },
  { extension: '.jsonl', label: 'JSON Lines' },
  { extension: '.xlsx', label: 'XLSX' },
  // Monthly reports as townships write them (issue 11): read as prose, one record per report.
  { extension: '.docx', label: 'Word (DOCX)' },
  { extension: '.doc', label: 'Word 97–2003 (DOC)' },
];

/** Text encodings decode-bytes.ts recognises (UTF-8 with or without BOM, GB18030/GBK, UTF-16 by BOM). */
export const SUPPORTED_ENCODINGS: readonly string[] = ['UTF-8', 'GB18030', 'UTF-16'];

const MIME_TYPES = [
  'text/csv',
  'text/tab-separated-values',
  'text/plain',
  'application/json',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/msword',
];

/** The `accept` attribute of the import file picker. */
export const FILE_INPUT_ACCEPT = [...SUPPORTED_FORMATS.map((f) => f.extension), ...MIME_TYPES].join(',');

/**
 * The largest text file (CSV, JSON, TXT) the browser import takes (the worker's limit; the CLI
 * has none): a city's 1M-row hazard ledger is about 107 MB. Workbooks (.xlsx) keep the ingest
 * default (DEFAULT_LIMITS.maxBytes), because a zipped sheet expands many times in memory.
 */
export const IMPORT_MAX_BYTES = 512 * 1024 * 1024;
