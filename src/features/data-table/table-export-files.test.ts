import { describe, expect, it } from 'vitest';
import type { TownshipMonthRecord } from '../../domain/records';
import { ingestFile } from '../../ingest/ingest-any-file';
import { tableExportBytes, tableExportFileName } from './table-export';
import type { TableFilters } from './table-rows';
import { makeRecord } from './test-records';

const ROWS: TownshipMonthRecord[] = [
  makeRecord('小召乡', '2022-03', { hazards_found: 10, hazards_rectified: 9, report_date: '2022-03-25' }),
  makeRecord('小召乡', '2022-04', {
    hazards_found: 380,
    approx: ['hazards_found'],
    problems_text: '一是企业主体责任落实不到位；\n二是重安排轻落实。',
    focus_sectors: ['fireworks'],
    rectification_funds_10k_yuan: 1.25,
  }),
  makeRecord('城关镇', '2022-04', { hazards_found: 0, trainings_held: 3, remarks: '=1+1' }),
];

const ALL: TableFilters = { townships: [], from: null, to: null };

describe('tableExportFileName', () => {
  it.each<[TableFilters, readonly TownshipMonthRecord[], 'csv' | 'xlsx', string]>([
    [ALL, ROWS, 'csv', '2022年03月-2022年04月_乡镇月报数据.csv'],
    [
      { townships: ['小召乡'], from: '2022-04', to: '2022-04' },
      ROWS.slice(1, 2),
      'xlsx',
      '2022年04月_小召乡_乡镇月报数据.xlsx',
    ],
    [
      { townships: ['../城关/镇'], from: null, to: null },
      ROWS.slice(2),
      'csv',
      '2022年04月_城关_镇_乡镇月报数据.csv',
    ],
    [ALL, [], 'csv', '乡镇月报数据.csv'],
  ])('%j → %s', (filters, rows, ext, name) => {
    expect(tableExportFileName('乡镇月报数据', rows, filters, ext)).toBe(name);
  });
});

const comparable = (rs: readonly TownshipMonthRecord[]) =>
  rs.map(({ source: _source, ...rest }) => ({ ...rest, approx: [...rest.approx].sort() }));

describe('tableExportBytes → import', () => {
  it.each(['csv', 'xlsx'] as const)(
    '%s re-imports to the same records with nothing rejected',
    async (kind) => {
      const { bytes, mime } = await tableExportBytes(kind, ROWS, '月报数据');
      expect(mime).toMatch(kind === 'csv' ? /^text\/csv/ : /spreadsheetml/);
      const result = await ingestFile(bytes, {
        fileName: `export.${kind}`,
        knownTownships: [],
        today: '2022-05-10',
      });
      expect(result.status).toBe('ok');
      expect(result.counts.rejected).toBe(0);
      expect(result.counts.accepted).toBe(ROWS.length);
      expect(comparable(result.townshipMonths)).toEqual(comparable(ROWS));
    },
  );
});
