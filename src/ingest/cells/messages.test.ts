import { describe, expect, it } from 'vitest';
import { cellsMessages } from '../../i18n/messages/cells';
import { translate } from '../../i18n/i18n';
import { matchTownship } from '../township-match';
import type { CellResult } from './cell-result';
import {
  parseCategoryCode,
  parseHazardLevel,
  parseHazardStatus,
  parsePeriodScope,
  parseSector,
  parseSectorList,
} from './parse-enums';
import { parseDate } from './parse-date';
import { parseMonth } from './parse-month';
import { parseCount, parseMoney, parseRate } from './parse-number';
import { parseText } from './parse-text';

const today = { today: '2022-05-10' };
const U = { units: ['处'] };

// One input per error the grammars can produce, so every message is rendered with real params.
const errors: CellResult<unknown>[] = [
  parseCount('x'.repeat(300), U),
  parseCount('1\u0000', U),
  parseCount('abc', U),
  parseCount('3.5', U),
  parseCount('1.234', U),
  parseCount('6人次', U),
  parseCount('99999999999999999', U),
  parseCount('-1', U),
  parseCount('1e3', U),
  parseCount('NaN', U),
  parseMoney('abc', { headerUnit: null }),
  parseMoney('3处', { headerUnit: null }),
  parseRate('abc'),
  parseMonth('abc', today),
  parseMonth('2022.1', today),
  parseMonth('4月', today),
  parseMonth('2022', today),
  parseMonth('一季度', today),
  parseMonth('2022年4-5月', today),
  parseMonth('2022年13月', today),
  parseMonth('2022-02-30', today),
  parseMonth('1999-12', today),
  parseMonth('2023-01', today),
  parseDate('45', today),
  parseDate('abc', today),
  parseDate('2022-02-30', today),
  parseDate('4月27日', today),
  parseDate('1999-01-01', today),
  parseDate('2023-01-01', today),
  parseSectorList('火星'),
  parseSector('消防、燃气'),
  parseHazardLevel('x'),
  parseHazardStatus('x'),
  parsePeriodScope('x'),
  parseCategoryCode('x'),
  parseText('x'.repeat(20), { maxChars: 10 }),
];
const township = ['', '城{镇', '城?镇', '城'.repeat(40), '123'].map((s) => matchTownship(s, []));

describe('cells messages', () => {
  const rendered = [
    ...errors.flatMap((e) => (e.kind === 'error' ? [e] : [])),
    ...township.flatMap((m) => (m.kind === 'invalid' ? [{ code: m.code, params: m.params }] : [])),
  ];

  it('every error case above really is an error', () => {
    expect(rendered).toHaveLength(errors.length + township.length);
  });

  it.each(rendered.map((e) => [e.code, e] as const))(
    '%s renders in zh and en with every placeholder filled',
    (_code, e) => {
      for (const lang of ['zh-CN', 'en'] as const) {
        const text = translate(lang, e.code, e.params);
        expect(text).not.toMatch(/\{\w+\}/);
        expect(text.length).toBeGreaterThan(5);
      }
    },
  );

  it('every cells.* key is used by some grammar or documented for the pipeline', () => {
    const used = new Set<string>(rendered.map((e) => e.code));
    // Keys the pipeline renders itself (unknown township with or without a suggestion).
    for (const k of ['cells.township.unknown', 'cells.township.unknown_suggest', 'cells.excel_serial_1900'])
      used.add(k);
    used.add('cells.number.scientific');
    expect(Object.keys(cellsMessages).filter((k) => !used.has(k))).toEqual([]);
  });

  it('the month message reads as the brief asks', () => {
    expect(translate('zh-CN', 'cells.month.invalid', { value: '2022年' })).toBe(
      '"2022年" 不是有效的月份，请写成 2022-04 或 2022年4月',
    );
  });
});
