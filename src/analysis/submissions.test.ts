import { describe, expect, it } from 'vitest';
import { buildCube } from './cube';
import { dueDate, submissionMatrix } from './submissions';
import { dataset, sampleDistrict, tm } from './test-fixtures';

const cube = buildCube(sampleDistrict());
const filters = { from: '2024-01', to: '2024-04', townships: null };

describe('dueDate', () => {
  it.each([
    ['2024-03', 25, '2024-03-25'],
    ['2024-02', 31, '2024-02-29'],
    ['2023-02', 31, '2023-02-28'],
    ['2024-04', 0, '2024-04-01'],
  ] as const)('%s day %s → %s', (p, d, out) => expect(dueDate(p, d)).toBe(out));
});

describe('submissionMatrix', () => {
  const m = submissionMatrix(cube, filters);
  const status = (t: string) => m.rows[m.townships.indexOf(t)]!.map((c) => c.status);

  it.each([
    ['小召乡', ['on_time', 'late', 'missing', 'late']], // 02-26 after the 25th; 05-02 in the next month
    ['城关镇', ['on_time', 'on_time', 'on_time', 'on_time']], // 01-25 is exactly on the due day
    ['东关街道', ['on_time', 'on_time', 'on_time', 'on_time']],
    ['新华镇', ['suspicious', 'on_time', 'suspicious', 'missing']], // all zero; then a copy of February
  ])('%s', (t, expected) => {
    expect(status(t)).toEqual(expected);
  });

  it('gives reasons and counts', () => {
    const xz = m.rows[0]!;
    expect(xz[1]!.reasons).toEqual([{ kind: 'late', reportDate: '2024-02-26', dueDate: '2024-02-25' }]);
    expect(m.rows[3]![2]!.reasons).toEqual([{ kind: 'same_as_previous', previous: '2024-02' }]);
    expect(m.rows[3]![0]!.reasons).toEqual([{ kind: 'all_zero' }]);
    expect(m.rows[2]![0]!.reasons).toEqual([{ kind: 'derived_from_ytd' }]);
    expect([...m.missingCounts]).toEqual([
      ['小召乡', 1],
      ['城关镇', 0],
      ['东关街道', 0],
      ['新华镇', 1],
    ]);
    expect(m.statusCounts.get('on_time')).toBe(10);
    expect(m.statusCounts.get('late')).toBe(2);
  });

  it('respects the due day parameter', () => {
    const later = submissionMatrix(cube, filters, 28);
    expect(later.rows[0]!.map((c) => c.status)).toEqual(['on_time', 'on_time', 'missing', 'late']);
  });

  it('marks a report without a date as undated and a prose-only report as not suspicious', () => {
    const c = buildCube(
      dataset({
        townshipMonths: [tm('小召乡', '2022-04', {}, { report_date: null }), tm('小召乡', '2022-05', {})],
      }),
    );
    const row = submissionMatrix(c, { from: '2022-04', to: '2022-05', townships: null }).rows[0]!;
    expect(row.map((x) => x.status)).toEqual(['undated', 'on_time']);
  });
});
