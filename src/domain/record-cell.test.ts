import { describe, expect, it } from 'vitest';
import { townshipMonthRecord } from '../testing/factories';
import { recordCell, type RecordCellOptions } from './record-cell';

const ZH: RecordCellOptions = { sectorNames: 'zh', sectorSeparator: '；' };
const EN: RecordCellOptions = { sectorNames: 'en', sectorSeparator: '、' };

const r = townshipMonthRecord(
  '小召乡',
  '2022-04',
  { hazards_found: 12, hazards_rectified: 0, fines_10k_yuan: 0.35 },
  {
    period_scope: 'ytd',
    report_date: '2022-04-27',
    focus_sectors: ['fireworks', 'natural_hazards'],
    problems_text: '一是企业主体责任落实不到位',
    remarks: '=1+1',
  },
);

describe('recordCell', () => {
  it.each([
    ['township', ZH, '小召乡'],
    ['period', ZH, '2022-04'],
    ['period_scope', ZH, 'ytd'],
    ['report_date', ZH, '2022-04-27'],
    ['focus_sectors', ZH, '烟花爆竹；防灾减灾'],
    ['problems_text', ZH, '一是企业主体责任落实不到位'],
    ['next_steps_text', ZH, null],
    // Text is returned as written: neutralising formulas is the CSV writer's job.
    ['remarks', ZH, '=1+1'],
    ['hazards_found', ZH, 12],
    // 0 is a reported zero, null is "not reported": never the same cell.
    ['hazards_rectified', ZH, 0],
    ['units_inspected', ZH, null],
    ['fines_10k_yuan', ZH, 0.35],
    // Names that are no field (or inherited keys) are not cells.
    ['rectification_rate', ZH, null],
    ['constructor', ZH, null],
    ['__proto__', ZH, null],
  ] as const)('%s → %j', (field, opts, want) => {
    expect(recordCell(r, field, opts)).toEqual(want);
  });

  it('writes sector names in the asked language and keeps an unknown code as written', () => {
    const odd = { ...r, focus_sectors: ['fireworks', 'made_up'] } as unknown as typeof r;
    expect(recordCell(odd, 'focus_sectors', EN)).toBe('Fireworks、made_up');
    expect(recordCell({ ...r, focus_sectors: null }, 'focus_sectors', EN)).toBeNull();
  });
});
