/**
 * Dataset-level checks across files: itemised hazards (ledger) vs the township-month summary.
 * Both are kept; a mismatch is a warning, never an overwrite (domain.md §3.2).
 */
import { townshipMonthKey, type HazardRecord, type TownshipMonthRecord } from '../domain/records';
import { makeIssue } from './make-issue';
import type { IngestIssue } from './types';

/**
 * Rolls hazards up per township × month (found = all items; rectified = status rectified or
 * closed) and compares with monthly (not YTD) summary rows for the same key. Returns one warning
 * per differing figure, placed on the summary row's file and line. Keys present on only one side,
 * and summary figures that are null (not reported), are not compared. Empty input → [].
 */
export function crossCheckHazards(
  tm: readonly TownshipMonthRecord[],
  hazards: readonly HazardRecord[],
): IngestIssue[] {
  const roll = new Map<string, { found: number; rectified: number }>();
  for (const h of hazards) {
    const key = townshipMonthKey({ township: h.township, period: h.period, period_scope: 'month' });
    const r = roll.get(key) ?? { found: 0, rectified: 0 };
    r.found++;
    if (h.status === 'rectified' || h.status === 'closed') r.rectified++;
    roll.set(key, r);
  }
  const out: IngestIssue[] = [];
  for (const row of tm) {
    if (row.period_scope !== 'month') continue;
    const r = roll.get(townshipMonthKey(row));
    if (!r) continue;
    const checks = [
      {
        code: 'ingest.crosscheck_hazards_found',
        field: 'hazards_found',
        summary: row.hazards_found,
        itemised: r.found,
      },
      {
        code: 'ingest.crosscheck_hazards_rectified',
        field: 'hazards_rectified',
        summary: row.hazards_rectified,
        itemised: r.rectified,
      },
    ] as const;
    for (const c of checks) {
      if (c.summary === null || c.summary === c.itemised) continue;
      out.push(
        makeIssue(row.source.file, {
          severity: 'warning',
          code: c.code,
          line: row.source.line,
          field: c.field,
          value: String(c.summary),
          params: { township: row.township, period: row.period, summary: c.summary, itemised: c.itemised },
        }),
      );
    }
  }
  return out;
}
