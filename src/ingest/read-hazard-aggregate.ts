/**
 * Imports a hazard aggregate (agg.json, docs/scale-out.md#aggjson) like any dataset: each tally
 * row is checked (township against the district list exactly as a ledger's township cell, month,
 * sector code, level, counts) and becomes a {@link HazardTallyRecord}, or is rejected with a
 * reason naming its line and JSON path. counts.total = accepted + rejected, as for every file.
 */
import { isPeriod } from '../domain/month';
import type { HazardLevel, HazardTallyRecord } from '../domain/records';
import { isSectorCode, type SectorCode } from '../domain/sectors';
import type { MessageKey } from '../i18n/catalog';
import { emptyFileResult, rejectedFile } from './file-result';
import { HAZARD_AGGREGATE_FORMAT, HAZARD_AGGREGATE_VERSION, TALLY_COLUMNS } from './hazard-aggregate-format';
import { townshipParser } from './kinds/column-parsers';
import { makeIssue } from './make-issue';
import type { EncodingName, FileIngestResult, IngestIssue, IngestOptions, RejectedRow } from './types';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** True for a parsed JSON document that declares itself a hazard aggregate. */
export function isHazardAggregateDoc(doc: unknown): doc is Readonly<Record<string, Json>> {
  return (
    typeof doc === 'object' &&
    doc !== null &&
    !Array.isArray(doc) &&
    Object.hasOwn(doc, 'format') &&
    (doc as Record<string, unknown>).format === HAZARD_AGGREGATE_FORMAT
  );
}

const isCount = (v: Json | undefined): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const num = (o: Json | undefined, k: string): number | null => {
  if (typeof o !== 'object' || o === null || Array.isArray(o) || !Object.hasOwn(o, k)) return null;
  const v = o[k];
  return typeof v === 'number' ? v : null;
};

/**
 * Reads an agg.json document. `elementLines` gives each tally's 1-based line (the CLI writes one
 * tally per line). A wrong version, columns or shape rejects the file as a whole.
 */
export function readHazardAggregate(
  doc: Readonly<Record<string, Json>>,
  bytes: number,
  encoding: EncodingName | null,
  options: IngestOptions,
  elementLines: readonly (number | undefined)[] = [],
): FileIngestResult {
  const file = options.fileName;
  const fileErr = (code: MessageKey, params: Record<string, string | number>, n = 0) =>
    rejectedFile(
      options,
      bytes,
      makeIssue(file, { severity: 'error', code, params }),
      { encoding, format: 'json' },
      n,
    );
  const version = doc.version;
  if (version !== HAZARD_AGGREGATE_VERSION)
    return fileErr('aggregate.version_unsupported', {
      version: JSON.stringify(version ?? null),
      supported: HAZARD_AGGREGATE_VERSION,
    });
  const asOf = doc.as_of;
  const tallies = doc.tallies;
  if (typeof asOf !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(asOf))
    return fileErr('aggregate.bad_shape', { detail: 'as_of' });
  if (JSON.stringify(doc.columns) !== JSON.stringify(TALLY_COLUMNS))
    return fileErr('aggregate.bad_shape', { detail: 'columns' });
  if (!Array.isArray(tallies)) return fileErr('aggregate.bad_shape', { detail: 'tallies' });

  const parseTownship = townshipParser(options.knownTownships);
  const todayMonth = options.today.slice(0, 7);
  const records: HazardTallyRecord[] = [];
  const rejectedRows: RejectedRow[] = [];
  const seen = new Map<string, number | null>();
  const issues: IngestIssue[] = [];
  tallies.forEach((t, i) => {
    const line = elementLines[i] ?? null;
    const path = `tallies[${i}]`;
    const raw = JSON.stringify(t);
    const reject = (
      code: MessageKey,
      params: Record<string, string | number> = {},
      field: string | null = null,
    ) => {
      const issue = makeIssue(file, {
        severity: 'error',
        code,
        line,
        path,
        field,
        value: raw,
        params: { path, ...params },
      });
      issues.push(issue);
      rejectedRows.push({ line, path, raw: [raw], reasons: [issue] });
    };
    if (!Array.isArray(t) || t.length !== TALLY_COLUMNS.length) return reject('aggregate.row_shape');
    const [township, period, sector, level, found, rectified, overdue] = t;
    if (typeof township !== 'string') return reject('aggregate.row_shape');
    const tw = parseTownship(township);
    if (tw.kind === 'error') return reject(tw.code, { ...tw.params, value: township }, 'township');
    if (tw.kind !== 'value' || typeof tw.value !== 'string') return reject('aggregate.row_shape');
    if (typeof period !== 'string' || !isPeriod(period) || period > todayMonth)
      return reject('aggregate.row_period', { value: String(period) }, 'period');
    if (typeof sector !== 'string' || !isSectorCode(sector))
      return reject('aggregate.row_sector', { value: String(sector) }, 'sector');
    if (level !== 'general' && level !== 'major')
      return reject('aggregate.row_level', { value: String(level) }, 'level');
    if (!isCount(found) || !isCount(rectified) || !isCount(overdue) || rectified + overdue > found)
      return reject('aggregate.row_counts', { value: JSON.stringify([found, rectified, overdue]) }, 'found');
    const key = [tw.value, period, sector, level].join('\u0000');
    if (seen.has(key)) return reject('aggregate.row_duplicate', { other: seen.get(key) ?? '-' });
    seen.set(key, line);
    records.push({
      township: tw.value,
      period,
      sector: sector as SectorCode,
      level: level as HazardLevel,
      found,
      rectified,
      overdue,
      as_of: asOf,
      source: { file, line },
    });
  });
  const acc = doc.accounting;
  issues.unshift(
    makeIssue(file, {
      severity: 'warning',
      code: 'aggregate.summary',
      params: {
        as_of: asOf,
        rows: num(acc, 'rows_read') ?? '-',
        aggregated: num(acc, 'aggregated') ?? '-',
        rejected: num(acc, 'rejected') ?? '-',
        ignored: num(acc, 'ignored') ?? '-',
      },
    }),
  );
  return {
    ...emptyFileResult(file, bytes),
    encoding,
    format: 'json',
    recordKind: 'hazard',
    status: 'ok',
    counts: { total: tallies.length, accepted: records.length, rejected: rejectedRows.length, ignored: 0 },
    issues,
    rejectedRows,
    hazardTallies: records,
  };
}
