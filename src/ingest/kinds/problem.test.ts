import { describe, expect, it } from 'vitest';
import { PROBLEM_RULES } from './problem';
import { parsedRow } from './test-rows';

const APRIL = { period: '2024-04', scope: 'month' } as const;
const findings = (values: Parameters<typeof parsedRow>[0]) =>
  PROBLEM_RULES.checks
    .map((c) => c(parsedRow(values)))
    .filter((f) => f !== null)
    .map((f) => [f.code, f.field]);

describe('problem row checks', () => {
  it.each([
    ['a complete row passes', { township: '小召乡', period: APRIL, text: '企业主体责任落实不到位' }, []],
    ['no text', { township: '小召乡', period: APRIL }, [['ingest.missing_required', 'text']]],
    [
      'no township and no month, in the order of the rules',
      { text: '问题' },
      [
        ['ingest.missing_required', 'township'],
        ['ingest.missing_required', 'period'],
      ],
    ],
    [
      'a future month, before the missing text',
      { township: '小召乡', period: { period: '2024-05', scope: 'month' } },
      [
        ['ingest.future_period', 'period'],
        ['ingest.missing_required', 'text'],
      ],
    ],
  ] as const)('%s', (_name, values, expected) => {
    expect(findings(values)).toEqual(expected);
  });

  it('builds the record; a blank category stays null', () => {
    const row = parsedRow({ township: '小召乡', period: APRIL, text: '问题' });
    expect(PROBLEM_RULES.build(row, [], { file: 'p.csv', line: 4 })).toEqual({
      township: '小召乡',
      period: '2024-04',
      text: '问题',
      category: null,
      source: { file: 'p.csv', line: 4 },
    });
  });
});
