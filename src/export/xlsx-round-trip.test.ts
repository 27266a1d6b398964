import { describe, expect, it } from 'vitest';
import type { TownshipMonthRecord } from '../domain/records';
import { ingestFile } from '../ingest/ingest-any-file';
import { ingestBytes } from '../ingest/ingest-file';
import { csvBytes, recordsToTemplateCsv, recordsToTemplateTable } from './csv';
import { townshipMonthRecord } from '../testing/factories';
import { toXlsx } from './xlsx';

const rec = (over: Partial<TownshipMonthRecord>): TownshipMonthRecord =>
  townshipMonthRecord('小召乡', '2022-04', {}, { source: { file: 'orig.csv', line: 2 }, ...over });

// Shaped like the seed report: prose with line breaks, an approximate figure, money in 万元,
// a formula-like remark, a negative-looking text and unreported (null) fields.
const RECORDS: TownshipMonthRecord[] = [
  rec({
    report_date: '2022-04-27',
    focus_sectors: ['fireworks', 'natural_hazards'],
    problems_text: '一是企业主体责任落实不到位，部分企业负责人安全意识淡薄；\n二是重安排轻落实。',
    next_steps_text: '继续开展"打非治违"专项行动, 加强巡查',
    remarks: '=HYPERLINK("http://x/?"&A1,"点击")',
    units_inspected: 36,
    hazards_found: 12,
    hazards_rectified: 10,
    hazards_major_found: 0,
    trainings_held: 2,
    training_person_times: 1600,
    approx: ['training_person_times'],
    rectification_funds_10k_yuan: 1.5,
    accidents: 0,
  }),
  rec({ township: '城关镇', period: '2022-04', remarks: '-5', hazards_found: 0, hazards_rectified: 0 }),
  rec({ township: '东关街道', period: '2022-03', remarks: '@SUM(1)\n备注', meetings_held: 1 }),
];

const comparable = (rs: readonly TownshipMonthRecord[]) =>
  rs.map(({ source: _source, ...rest }) => ({ ...rest, approx: [...rest.approx].sort() }));

const OPTIONS = { knownTownships: [], today: '2024-04-02' } as const;

describe('template XLSX export → import', () => {
  it('round-trips to the same records as the CSV path', async () => {
    const xlsx = await toXlsx(recordsToTemplateTable(RECORDS), { sheetName: '月报数据' });
    const fromXlsx = await ingestFile(xlsx, { ...OPTIONS, fileName: 'export.xlsx' });
    const fromCsv = ingestBytes(csvBytes(recordsToTemplateCsv(RECORDS)), {
      ...OPTIONS,
      fileName: 'export.csv',
    });
    expect(fromXlsx.status).toBe('ok');
    expect(fromXlsx.format).toBe('xlsx');
    expect(fromXlsx.counts).toEqual({
      total: RECORDS.length + 1,
      accepted: RECORDS.length,
      rejected: 0,
      ignored: 1,
    });
    expect(comparable(fromXlsx.townshipMonths)).toEqual(comparable(RECORDS));
    expect(comparable(fromXlsx.townshipMonths)).toEqual(comparable(fromCsv.townshipMonths));
  });

  it('keeps year-to-date rows distinguishable', async () => {
    const ytd = [
      rec({ period_scope: 'ytd', hazards_found: 40 }),
      rec({ township: '城关镇', hazards_found: 3 }),
    ];
    const table = recordsToTemplateTable(ytd);
    expect(table.columns.map((c) => c.key)).toContain('period_scope');
    const back = await ingestFile(await toXlsx(table), { ...OPTIONS, fileName: 'ytd.xlsx' });
    expect(back.townshipMonths.map((r) => [r.township, r.period_scope, r.hazards_found])).toEqual([
      ['小召乡', 'ytd', 40],
      ['城关镇', 'month', 3],
    ]);
  });

  it('writes only the header for no records', () => {
    const table = recordsToTemplateTable([]);
    expect(table.rows).toEqual([]);
    expect(table.columns.length).toBeGreaterThan(5);
  });
});
