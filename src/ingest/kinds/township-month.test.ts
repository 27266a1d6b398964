import { describe, expect, it } from 'vitest';
import { NUMERIC_FIELDS } from '../../domain/records';
import type { ParsedValue } from './column-parsers';
import { futurePeriod } from './future-period';
import { required, type RowCheck, type RowFinding } from './parsed-row';
import { parsedRow } from './test-rows';
import {
  casualtiesWithoutAccident,
  fundsLarge,
  majorExceedsFound,
  majorRectifiedExceedsMajor,
  rateMismatch,
  rectifiedExceedsFound,
  reportDateOutsidePeriod,
  TOWNSHIP_MONTH_RULES,
  trainingAttendance,
} from './township-month';

const APRIL = { period: '2024-04', scope: 'month' } as const;

type Case = readonly [string, RowCheck, Record<string, ParsedValue>, Partial<RowFinding> | null];

const CASES: readonly Case[] = [
  ['major ≤ found passes', majorExceedsFound, { hazards_found: 3, hazards_major_found: 3 }, null],
  [
    'major > found is an error',
    majorExceedsFound,
    { hazards_found: 2, hazards_major_found: 3 },
    {
      severity: 'error',
      code: 'ingest.major_exceeds_found',
      field: 'hazards_major_found',
      params: { major: 3, found: 2 },
    },
  ],
  ['major without found is not judged', majorExceedsFound, { hazards_major_found: 3 }, null],
  [
    'major rectified > major is an error',
    majorRectifiedExceedsMajor,
    { hazards_major_found: 1, hazards_major_rectified: 2 },
    { severity: 'error', code: 'ingest.major_rectified_exceeds_major', params: { rectified: 2, major: 1 } },
  ],
  [
    'major rectified ≤ major passes',
    majorRectifiedExceedsMajor,
    { hazards_major_found: 2, hazards_major_rectified: 2 },
    null,
  ],
  [
    'deaths with 0 accidents is an error',
    casualtiesWithoutAccident,
    { accidents: 0, deaths: 1 },
    {
      severity: 'error',
      code: 'ingest.casualties_without_accident',
      field: 'accidents',
      params: { deaths: 1, injuries: '-' },
    },
  ],
  [
    'deaths with blank accidents is not judged (blank is not 0)',
    casualtiesWithoutAccident,
    { deaths: 1 },
    null,
  ],
  [
    '0 accidents, 0 casualties passes',
    casualtiesWithoutAccident,
    { accidents: 0, deaths: 0, injuries: 0 },
    null,
  ],
  [
    'rectified > found warns and flags the record',
    rectifiedExceedsFound,
    { hazards_found: 3, hazards_rectified: 4 },
    {
      severity: 'warning',
      code: 'ingest.rectified_exceeds_found',
      flag: 'rectified_scope_flow',
      params: { rectified: 4, found: 3 },
    },
  ],
  ['rectified ≤ found passes', rectifiedExceedsFound, { hazards_found: 3, hazards_rectified: 3 }, null],
  [
    'rate off by more than half a point warns',
    rateMismatch,
    { hazards_found: 10, hazards_rectified: 5, rectification_rate: 0.9 },
    { severity: 'warning', code: 'ingest.rate_mismatch', params: { supplied: '90.0%', computed: '50.0%' } },
  ],
  [
    'rate within half a point passes',
    rateMismatch,
    { hazards_found: 3, hazards_rectified: 2, rectification_rate: 0.667 },
    null,
  ],
  [
    'rate with 0 found is not judged',
    rateMismatch,
    { hazards_found: 0, hazards_rectified: 0, rectification_rate: 1 },
    null,
  ],
  [
    'trainees without sessions warns',
    trainingAttendance,
    { trainings_held: 0, training_person_times: 20 },
    {
      code: 'ingest.training_persons_without_sessions',
      field: 'training_person_times',
      params: { persons: 20 },
    },
  ],
  [
    'no sessions, no trainees passes',
    trainingAttendance,
    { trainings_held: 0, training_person_times: 0 },
    null,
  ],
  [
    'average above 500 warns',
    trainingAttendance,
    { trainings_held: 1, training_person_times: 900 },
    { code: 'ingest.training_average', params: { sessions: 1, persons: 900, average: 900 } },
  ],
  [
    'average below 3 warns (rounded to one decimal)',
    trainingAttendance,
    { trainings_held: 3, training_person_times: 7 },
    { code: 'ingest.training_average', params: { sessions: 3, persons: 7, average: 2.3 } },
  ],
  ['average 3–500 passes', trainingAttendance, { trainings_held: 2, training_person_times: 85 }, null],
  [
    'report dated before its month warns',
    reportDateOutsidePeriod,
    { period: APRIL, report_date: '2024-03-30' },
    {
      code: 'ingest.report_date_before_period',
      field: 'report_date',
      params: { date: '2024-03-30', period: '2024-04' },
    },
  ],
  [
    'report more than 60 days late warns with the days',
    reportDateOutsidePeriod,
    { period: APRIL, report_date: '2024-06-30' },
    { code: 'ingest.report_date_late', params: { date: '2024-06-30', period: '2024-04', days: 61 } },
  ],
  [
    'report 60 days after the month passes',
    reportDateOutsidePeriod,
    { period: APRIL, report_date: '2024-06-29' },
    null,
  ],
  [
    'more than 1000 万元 warns, naming the column',
    fundsLarge('fines_10k_yuan'),
    { fines_10k_yuan: 1500 },
    {
      code: 'ingest.funds_large',
      field: 'fines_10k_yuan',
      params: { amount: 1500, column: 'fines_10k_yuan' },
    },
  ],
  ['1000 万元 passes', fundsLarge('fines_10k_yuan'), { fines_10k_yuan: 1000 }, null],
  [
    'a month after today is an error',
    futurePeriod,
    { period: { period: '2024-05', scope: 'month' } },
    {
      severity: 'error',
      code: 'ingest.future_period',
      field: 'period',
      params: { period: '2024-05', today: '2024-04' },
    },
  ],
  ['the current month passes', futurePeriod, { period: APRIL }, null],
  [
    'a missing required field is an error',
    required('period', '月份'),
    { township: '城关镇' },
    { severity: 'error', code: 'ingest.missing_required', field: 'period', params: { label: '月份' } },
  ],
];

describe('township-month row checks', () => {
  it.each(CASES)('%s', (_name, check, values, expected) => {
    const finding = check(parsedRow(values));
    if (expected === null) expect(finding).toBeNull();
    else expect(finding).toMatchObject(expected);
  });

  it('a required field whose cell failed its parser is not reported twice', () => {
    expect(required('period', '月份')(parsedRow({}, { failed: ['period'] }))).toBeNull();
  });

  it('messages name the column as the file does', () => {
    const row = parsedRow(
      { fines_10k_yuan: 2000 },
      { headers: { fines_10k_yuan: '罚款（万元）', period: '报告月份' } },
    );
    expect(fundsLarge('fines_10k_yuan')(row)?.params).toEqual({ amount: 2000, column: '罚款（万元）' });
    expect(required('period', '月份')(row)?.params).toEqual({ label: '报告月份' });
  });

  it('builds the record: year-to-date from the month cell or the scope column, approx, nulls kept', () => {
    const row = parsedRow(
      { township: '城关镇', period: APRIL, period_scope: 'ytd', hazards_found: 5, focus_sectors: ['fire'] },
      { approx: ['hazards_found'] },
    );
    const r = TOWNSHIP_MONTH_RULES.build(row, ['rectified_scope_flow'], { file: 'f.csv', line: 3 });
    expect(r).toMatchObject({
      township: '城关镇',
      period: '2024-04',
      period_scope: 'ytd',
      hazards_found: 5,
      hazards_rectified: null,
      focus_sectors: ['fire'],
      approx: ['hazards_found'],
      flags: ['rectified_scope_flow'],
      source: { file: 'f.csv', line: 3 },
    });
    expect(
      TOWNSHIP_MONTH_RULES.build(parsedRow({ township: '城关镇' }), [], { file: 'f', line: 1 }),
    ).toBeNull();
  });
});

describe('the township-month record', () => {
  it('keeps its key order: the fields, then the numeric ones in NUMERIC_FIELDS order', () => {
    const record = TOWNSHIP_MONTH_RULES.build(
      parsedRow(
        { township: '城关镇', period: APRIL, hazards_found: 4, fines_10k_yuan: 0.5 },
        { approx: ['hazards_found'] },
      ),
      [],
      { file: 'a.csv', line: 2 },
    );
    expect(Object.keys(record ?? {})).toEqual([
      'township',
      'period',
      'period_scope',
      'report_date',
      'focus_sectors',
      'problems_text',
      'next_steps_text',
      'remarks',
      'approx',
      'flags',
      'source',
      ...NUMERIC_FIELDS,
    ]);
    expect(record).toMatchObject({
      hazards_found: 4,
      fines_10k_yuan: 0.5,
      deaths: null,
      approx: ['hazards_found'],
    });
  });
});
