import { describe, expect, it } from 'vitest';
import type { TownshipMonthRecord } from '../domain/records';
import { sameValues } from './process-rows';

/** The comparison the duplicate rule made before: two JSON strings without the source. */
const asJson = (a: TownshipMonthRecord, b: TownshipMonthRecord) =>
  JSON.stringify({ ...a, source: null }) === JSON.stringify({ ...b, source: null });

const base = {
  township: '城关镇',
  period: '2026-09',
  period_scope: 'month',
  report_date: null,
  focus_sectors: ['fire', 'gas'],
  problems_text: '一是…',
  next_steps_text: null,
  remarks: null,
  approx: [],
  flags: [],
  source: { file: 'a.csv', line: 2 },
  hazards_found: 3,
  fines_10k_yuan: 0.5,
} as unknown as TownshipMonthRecord;
const withField = (patch: Record<string, unknown>) => ({ ...base, ...patch }) as TownshipMonthRecord;

describe('sameValues (the in-file duplicate rule)', () => {
  it.each([
    ['another source only', { source: { file: 'a.csv', line: 9 } }],
    ['a different count', { hazards_found: 4 }],
    ['null against 0', { hazards_found: 0, fines_10k_yuan: null }],
    ['another sector list', { focus_sectors: ['fire'] }],
    ['the same sector list, another array', { focus_sectors: ['fire', 'gas'] }],
    ['null against a list', { focus_sectors: null }],
    ['a flag', { flags: ['future_period'] }],
    ['another text', { problems_text: '二是…' }],
    ['NaN against null (JSON writes both as null)', { fines_10k_yuan: Number.NaN }],
    ['an undefined field (JSON leaves it out)', { remarks: undefined }],
  ])('agrees with comparing the JSON of both: %s', (_name, patch) => {
    const other = withField(patch);
    expect(sameValues(base, other)).toBe(asJson(base, other));
    expect(sameValues(other, base)).toBe(asJson(other, base));
  });

  it('sees a record as the same as itself', () => {
    expect(sameValues(base, base)).toBe(true);
  });
});
