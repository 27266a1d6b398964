import { describe, expect, it } from 'vitest';
import type { HazardRecord, TownshipMonthRecord } from '../domain/records';
import { townshipMonthRecord } from '../testing/factories';
import { inSectorPredicate } from './sector-activity';

const tm = (township: string, period: string, focus: TownshipMonthRecord['focus_sectors']) =>
  townshipMonthRecord(township, period, {}, { focus_sectors: focus });
const hz = (township: string, period: string, sector: HazardRecord['sector']) =>
  ({ township, period, sector }) as HazardRecord;

describe('inSectorPredicate', () => {
  const hazards = [hz('城关镇', '2024-03', 'gas'), hz('城关镇', '2024-04', 'fire')];

  it('passes every record when no sector is selected', () => {
    expect(inSectorPredicate({ hazards }, null)(tm('小召乡', '2024-03', null))).toBe(true);
  });

  it.each([
    ['focus sector named', tm('小召乡', '2024-03', ['gas', 'fire']), true],
    ['ledger hazard of the sector that month', tm('城关镇', '2024-03', null), true],
    ['ledger hazard of another sector', tm('城关镇', '2024-04', []), false],
    ['focus sectors not reported', tm('小召乡', '2024-03', null), false],
    ['another township with a gas hazard elsewhere', tm('东关街道', '2024-03', ['fire']), false],
  ])('gas: %s → %s', (_n, record, expected) => {
    expect(inSectorPredicate({ hazards }, 'gas')(record)).toBe(expected);
  });
});
