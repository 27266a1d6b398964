import { describe, expect, it } from 'vitest';
import { columnIndex, columnLetters, evaluateRowFormula, shiftFormula } from './xlsx-formula';

const row3 = new Map<number, number | null>([
  [2, 3],
  [3, 2],
  [4, 1],
  [5, null],
]);
const cell = (col: number) => row3.get(col) ?? null;

describe('evaluateRowFormula', () => {
  it.each([
    ['=SUM(C3:E3)', 6],
    ['=C3+D3', 5],
    ['=$C$3+D3*2', 7],
    ['=(C3-D3)/2', 0.5],
    ['=SUM(C3,D3,4)', 9],
    ['=-C3+10', 7],
    ['=0.1+0.2', 0.3],
  ])('%s → %s', (f, v) => {
    expect(evaluateRowFormula(f, 3, cell)).toEqual({ ok: true, value: v });
  });

  it.each([
    ['=Sheet2!C3', 'other_sheet'],
    ["='2024年4月'!J6+C3", 'other_sheet'],
    ['=C2+D3', 'not_row_arithmetic'],
    ['=SUM(C3:C9)', 'not_row_arithmetic'],
    ['=AVERAGE(C3:E3)', 'not_row_arithmetic'],
    ['=C3&D3', 'not_row_arithmetic'],
    ['=C3+F3', 'operand_not_number'],
    ['=SUM(C3:F3)', 'operand_not_number'],
    ['=C3/(D3-2)', 'math_error'],
  ])('%s is not computed (%s)', (f, why) => {
    expect(evaluateRowFormula(f, 3, cell)).toEqual({ ok: false, why });
  });
});

describe('shiftFormula', () => {
  it('moves relative references of a shared formula, keeps absolute parts and quoted text', () => {
    expect(shiftFormula('E5+L5', 3, 0)).toBe('E8+L8');
    expect(shiftFormula('SUM(C2:E2)*$B$1+C$1', 2, 1)).toBe('SUM(D4:F4)*$B$1+D$1');
    expect(shiftFormula('IF(C2>0,"C2",0)', 1, 0)).toBe('IF(C3>0,"C2",0)');
  });
});

describe('column letters', () => {
  it('round-trips A, Z, AA, XFD', () => {
    for (const [l, i] of [
      ['A', 0],
      ['Z', 25],
      ['AA', 26],
      ['XFD', 16383],
    ] as const) {
      expect(columnIndex(l)).toBe(i);
      expect(columnLetters(i)).toBe(l);
    }
  });
});
