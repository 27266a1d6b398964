import { describe, expect, it } from 'vitest';
import type { ParsedValue } from './column-parsers';
import {
  HAZARD_RULES,
  hazardStatus,
  openWithRectifiedDate,
  rectifiedBeforeFound,
  rectifiedWithoutDate,
} from './hazard';
import type { RowCheck, RowFinding } from './parsed-row';
import { parsedRow } from './test-rows';

type Case = readonly [string, RowCheck, Record<string, ParsedValue>, Partial<RowFinding> | null, string[]?];

const CASES: readonly Case[] = [
  [
    'rectified before found is an error',
    rectifiedBeforeFound,
    { date_found: '2024-04-20', rectified_date: '2024-04-18' },
    {
      severity: 'error',
      code: 'ingest.rectified_before_found',
      field: 'rectified_date',
      params: { rectified: '2024-04-18', found: '2024-04-20' },
    },
  ],
  [
    'rectified the day it was found passes',
    rectifiedBeforeFound,
    { date_found: '2024-04-05', rectified_date: '2024-04-05' },
    null,
  ],
  [
    '整改中 with a rectification date warns',
    openWithRectifiedDate,
    { status: 'in_progress', rectified_date: '2024-04-20' },
    {
      severity: 'warning',
      code: 'ingest.open_with_rectified_date',
      field: 'status',
      params: { date: '2024-04-20' },
    },
  ],
  ['blank status with a date is not "open"', openWithRectifiedDate, { rectified_date: '2024-04-20' }, null],
  [
    '已整改 without a date warns',
    rectifiedWithoutDate,
    { status: 'rectified' },
    { severity: 'warning', code: 'ingest.rectified_without_date', field: 'status' },
  ],
  [
    '已销号 without a date warns',
    rectifiedWithoutDate,
    { status: 'closed' },
    { code: 'ingest.rectified_without_date' },
  ],
  [
    '已整改 with an unreadable date is not warned twice',
    rectifiedWithoutDate,
    { status: 'rectified' },
    null,
    ['rectified_date'],
  ],
  ['整改中 without a date passes', rectifiedWithoutDate, { status: 'in_progress' }, null],
];

describe('hazard row checks', () => {
  for (const [name, check, values, expected, failed] of CASES) {
    it(name, () => {
      const finding = check(parsedRow(values, { failed: failed ?? [] }));
      if (expected === null) expect(finding).toBeNull();
      else expect(finding).toMatchObject(expected);
    });
  }

  it.each([
    ['the status column wins', { status: 'in_progress', rectified_date: '2024-04-20' }, 'in_progress'],
    [
      'a blank status with a rectification date means rectified',
      { rectified_date: '2024-04-20' },
      'rectified',
    ],
    ['neither means still open', {}, 'in_progress'],
  ] as const)('status: %s', (_name, values, status) => {
    expect(hazardStatus(parsedRow(values))).toBe(status);
  });

  it('builds the record with defaults for sector and level', () => {
    const row = parsedRow({ township: '城关镇', date_found: '2024-04-05', description: '消防器材过期' });
    expect(HAZARD_RULES.build(row, [], { file: 'l.csv', line: 2 })).toEqual({
      township: '城关镇',
      date_found: '2024-04-05',
      period: '2024-04',
      sector: 'other',
      level: 'general',
      description: '消防器材过期',
      status: 'in_progress',
      rectified_date: null,
      deadline: null,
      village: null,
      unit_name: null,
      source: { file: 'l.csv', line: 2 },
    });
  });

  it('requires township, date found and description, in that order', () => {
    const codes = HAZARD_RULES.checks.map((c) => c(parsedRow({}))).filter((f) => f !== null);
    expect(codes.map((f) => [f.code, f.field])).toEqual([
      ['ingest.missing_required', 'township'],
      ['ingest.missing_required', 'date_found'],
      ['ingest.missing_required', 'description'],
    ]);
  });
});
