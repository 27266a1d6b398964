/** Shared pieces of a {@link FileIngestResult}: effective limits and the shape of a rejected file. */
import {
  DEFAULT_LIMITS,
  type FileIngestResult,
  type IngestIssue,
  type IngestLimits,
  type IngestOptions,
} from './types';

/** Effective limits: the defaults overridden by `options.limits`. */
export const resolveLimits = (options: IngestOptions): IngestLimits => ({
  ...DEFAULT_LIMITS,
  ...options.limits,
});

/**
 * The result of a file that holds nothing yet: no format, no columns, no records, zero counts,
 * status ok. The one place this shape is written; callers spread it and override what they know.
 */
export function emptyFileResult(file: string, bytes: number): FileIngestResult {
  return {
    file,
    bytes,
    encoding: null,
    format: null,
    delimiter: null,
    recordKind: null,
    headerLine: null,
    columns: [],
    status: 'ok',
    counts: { total: 0, accepted: 0, rejected: 0, ignored: 0 },
    issues: [],
    ignored: [],
    rejectedRows: [],
    townshipMonths: [],
    hazards: [],
    problems: [],
    townships: [],
    district: null,
  };
}

/** A result for a file rejected as a whole: no records, every parsed record counted as rejected. */
export function rejectedFile(
  options: IngestOptions,
  bytes: number,
  issue: IngestIssue,
  extra: Partial<FileIngestResult> = {},
  recordsParsed = 0,
): FileIngestResult {
  return {
    ...emptyFileResult(options.fileName, bytes),
    ...extra,
    status: 'rejected',
    counts: { total: recordsParsed, accepted: 0, rejected: recordsParsed, ignored: 0 },
    issues: [...(extra.issues ?? []), issue],
    ignored: [],
    rejectedRows: [],
    townshipMonths: [],
    hazards: [],
    problems: [],
    townships: [],
    district: null,
  };
}
