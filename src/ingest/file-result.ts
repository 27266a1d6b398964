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

/** A result for a file rejected as a whole: no records, every parsed record counted as rejected. */
export function rejectedFile(
  options: IngestOptions,
  bytes: number,
  issue: IngestIssue,
  extra: Partial<FileIngestResult> = {},
  recordsParsed = 0,
): FileIngestResult {
  return {
    file: options.fileName,
    bytes,
    encoding: null,
    format: null,
    delimiter: null,
    recordKind: null,
    headerLine: null,
    columns: [],
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
