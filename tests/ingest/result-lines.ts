/**
 * What the ingest equivalence tests snapshot: an ingest result as short lines (counts, every issue
 * with its location and parameters, ignored and set-aside rows), small enough to read in a diff.
 * Each test adds its own record lines.
 */
import type { FileIngestResult, IngestIssue } from '../../src/ingest/types';

/** Object keys sorted, so the snapshot does not depend on property order. */
export function stable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stable);
  if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(o)
        .sort()
        .map((k) => [k, stable(o[k])]),
    );
  }
  return value;
}

const issueLine = (i: IngestIssue) =>
  [i.severity, i.code, i.line, i.column, i.field, i.value, JSON.stringify(stable(i.params))].join(' | ');

/** Everything but the records, one line per issue and set-aside row. */
export function resultLines(r: FileIngestResult) {
  return {
    status: r.status,
    recordKind: r.recordKind,
    headerLine: r.headerLine,
    counts: r.counts,
    columns: r.columns,
    issues: r.issues.map(issueLine),
    ignored: r.ignored.map((i) => `${i.line} ${i.reason} ${i.raw}`),
    rejectedRows: r.rejectedRows.map(
      (row) =>
        `${row.line} ${row.reasons.map((i) => `${i.code}@${i.column ?? '-'}`).join(',')} ${JSON.stringify(row.raw).slice(0, 160)}`,
    ),
  };
}
