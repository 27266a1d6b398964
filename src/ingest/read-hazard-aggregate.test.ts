import { describe, expect, it } from 'vitest';
import type { Township } from '../domain/records';
import { HAZARD_AGGREGATE_FORMAT, TALLY_COLUMNS } from './hazard-aggregate-format';
import { ingestAnyBytes } from './ingest-any-file';

const TOWNSHIPS: Township[] = [
  { name: '城关镇', type: 'zhen', code: null, aliases: ['城关'] },
  { name: '小召乡', type: 'xiang', code: null, aliases: [] },
];

/** agg.json as `npm run aggregate` writes it: header fields, then one tally per line. */
function aggText(tallies: readonly unknown[], head: Record<string, unknown> = {}): string {
  const doc = {
    format: HAZARD_AGGREGATE_FORMAT,
    version: 1,
    as_of: '2026-11-30',
    generator: 'test',
    inputs: [],
    accounting: { rows_read: 120, aggregated: 100, rejected: 19, ignored: 1, reasons: [] },
    columns: TALLY_COLUMNS,
    ...head,
  };
  const top = JSON.stringify(doc, null, 1).replace(/\n\}$/, '');
  return `${top},\n "tallies": [\n${tallies.map((t) => `  ${JSON.stringify(t)}`).join(',\n')}\n ]\n}\n`;
}

const ingest = (text: string) =>
  ingestAnyBytes(new TextEncoder().encode(text), {
    fileName: 'agg.json',
    knownTownships: TOWNSHIPS,
    today: '2026-11-30',
  });

describe('agg.json import (hazard aggregate)', () => {
  it('accepts tally rows as hazard_tally records, matching townships like a ledger', () => {
    const r = ingest(
      aggText([
        ['城关镇', '2026-10', 'fire', 'general', 12, 9, 2],
        ['城关', '2026-10', 'gas', 'major', 3, 3, 0],
      ]),
    );
    expect(r.status).toBe('ok');
    expect(r.counts).toEqual({ total: 2, accepted: 2, rejected: 0, ignored: 0 });
    expect(r.hazards).toEqual([]);
    expect(r.hazardTallies).toEqual([
      {
        township: '城关镇',
        period: '2026-10',
        sector: 'fire',
        level: 'general',
        found: 12,
        rectified: 9,
        overdue: 2,
        as_of: '2026-11-30',
        source: { file: 'agg.json', line: 24 },
      },
      expect.objectContaining({
        township: '城关镇',
        sector: 'gas',
        level: 'major',
        found: 3,
        source: { file: 'agg.json', line: 25 },
      }),
    ]);
    // The report says it is aggregated, with the accounting it was made from.
    expect(r.issues[0]).toMatchObject({
      severity: 'warning',
      code: 'aggregate.summary',
      params: { rows: 120, aggregated: 100, rejected: 19, ignored: 1, as_of: '2026-11-30' },
    });
  });

  it('rejects each bad tally row with its line and reason; the counts add up', () => {
    const r = ingest(
      aggText([
        ['城关镇', '2026-10', 'fire', 'general', 12, 9, 2],
        ['城管镇', '2026-10', 'fire', 'general', 1, 0, 0],
        ['小召乡', '2026-12', 'fire', 'general', 1, 0, 0],
        ['小召乡', '2026-10', 'tourism', 'general', 1, 0, 0],
        ['小召乡', '2026-10', 'fire', '重大', 1, 0, 0],
        ['小召乡', '2026-10', 'fire', 'general', 2, 2, 1],
        ['小召乡', '2026-10', 'fire', 'general', -1, 0, 0],
        ['城关镇', '2026-10', 'fire', 'general', 5, 5, 0],
        ['小召乡', '2026-10'],
      ]),
    );
    expect(r.counts).toEqual({ total: 9, accepted: 1, rejected: 8, ignored: 0 });
    expect(r.rejectedRows.map((x) => [x.line, x.path, x.reasons[0]?.code])).toEqual([
      [25, 'tallies[1]', 'ingest.township_unknown'],
      [26, 'tallies[2]', 'aggregate.row_period'],
      [27, 'tallies[3]', 'aggregate.row_sector'],
      [28, 'tallies[4]', 'aggregate.row_level'],
      [29, 'tallies[5]', 'aggregate.row_counts'],
      [30, 'tallies[6]', 'aggregate.row_counts'],
      [31, 'tallies[7]', 'aggregate.row_duplicate'],
      [32, 'tallies[8]', 'aggregate.row_shape'],
    ]);
  });

  it('rejects a file of another version or with other columns as a whole', () => {
    const v2 = ingest(aggText([['城关镇', '2026-10', 'fire', 'general', 1, 1, 0]], { version: 2 }));
    expect(v2.status).toBe('rejected');
    expect(v2.issues[0]?.code).toBe('aggregate.version_unsupported');
    const cols = ingest(aggText([], { columns: ['township', 'period', 'found'] }));
    expect(cols.status).toBe('rejected');
    expect(cols.issues[0]?.params.detail).toBe('columns');
  });
});
