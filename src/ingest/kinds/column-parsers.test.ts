import { describe, expect, it } from 'vitest';
import { townshipMonthField } from '../../domain/fields';
import { FIELDS_BY_RECORD, type FieldDef } from '../../domain/fields';
import type { Township } from '../../domain/records';
import { cellWarning, columnParser, townshipParser, type ParserContext } from './column-parsers';

const MASTER: Township[] = [{ name: '城关镇', type: 'zhen', code: null, aliases: ['城关'] }];
const CTX: ParserContext = { today: '2024-04-15', knownTownships: MASTER, maxFieldChars: 20 };
const tm = (name: string): FieldDef => {
  const def = townshipMonthField(name);
  if (!def) throw new Error(name);
  return def;
};
const hazardField = (name: string): FieldDef => {
  const def = (FIELDS_BY_RECORD.get('hazard') ?? []).find((d) => d.name === name);
  if (!def) throw new Error(name);
  return def;
};

describe('column parsers', () => {
  it.each([
    ['a known name', '城关镇', MASTER, { kind: 'value', value: '城关镇' }],
    ['an alias', '城关', MASTER, { kind: 'value', value: '城关镇' }],
    ['a blank cell is not reported', '  ', MASTER, { kind: 'null' }],
    [
      'a typo gets the closest name',
      '城光镇',
      MASTER,
      { kind: 'error', code: 'ingest.township_unknown', params: { suggestion: '城关镇' } },
    ],
    [
      'an unknown name with nothing close',
      '某某乡',
      MASTER,
      { kind: 'error', code: 'ingest.township_unknown_no_suggestion' },
    ],
    ['any well-formed name without a master list', '某某乡', [], { kind: 'value', value: '某某乡' }],
  ] as const)('township: %s', (_name, raw, known, expected) => {
    expect(townshipParser(known)(raw)).toMatchObject(expected);
  });

  it('a cell over the length cap is an error before any grammar runs', () => {
    const parse = columnParser(tm('remarks'), null, CTX);
    expect(parse('长'.repeat(21))).toEqual({
      kind: 'error',
      code: 'ingest.field_too_long',
      params: { length: 21, max: 20 },
    });
    expect(parse('长'.repeat(20))).toMatchObject({ kind: 'value' });
  });

  it.each([
    ['a count with its unit', tm('hazards_found'), null, '12处', 12],
    ['money in 元 under a 元 header becomes 万元', tm('rectification_funds_10k_yuan'), '元', '25000', 2.5],
    ['a month', tm('period'), null, '2024年4月', { period: '2024-04', scope: 'month' }],
    ['a deadline may lie ahead', hazardField('deadline'), null, '2024-06-30', '2024-06-30'],
  ] as const)('%s', (_name, def, unit, raw, value) => {
    expect(columnParser(def, unit, CTX)(raw)).toMatchObject({ kind: 'value', value });
  });

  it('a date found may not lie ahead', () => {
    expect(columnParser(hazardField('date_found'), null, CTX)('2024-06-30')).toMatchObject({ kind: 'error' });
  });

  it('an unknown sector word is kept as 其他 with a warning', () => {
    const r = columnParser(hazardField('sector'), null, CTX)('未知行业');
    expect(r).toMatchObject({ kind: 'value', value: 'other' });
    expect(cellWarning(r)).toBe('ingest.sector_unknown_as_other');
    expect(cellWarning(columnParser(hazardField('sector'), null, CTX)('消防'))).toBeNull();
  });

  it('is pure: the same text gives an equal result', () => {
    const parse = columnParser(tm('focus_sectors'), null, CTX);
    expect(parse('消防;危险化学品')).toEqual(parse('消防;危险化学品'));
  });
});
