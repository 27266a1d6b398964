import { describe, expect, it } from 'vitest';
import { findLayout, isRepeatedHeader, isUnitsRow } from './find-layout';
import type { CsvRow } from './read-csv-table';

const rows = (lines: string[]): CsvRow[] => lines.map((l, i) => ({ line: i + 1, cells: l.split(',') }));

describe('findLayout', () => {
  it('C1 finds the header below a title and a metadata row', () => {
    const r = findLayout(
      rows(['某某区安全生产月报表,,', '填报单位：城关镇（盖章）,,', '乡镇,月份,隐患数', '城关镇,2022-04,6']),
      200,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.headerLine).toBe(3);
    expect(r.value.kind).toBe('township_month');
    expect([...r.value.preamble]).toEqual([
      [0, 'title'],
      [1, 'metadata'],
      [2, 'header'],
    ]);
  });

  it.each([
    ['培训 over 培训（场次）/培训（人次）', '乡镇,月份,培训,', ',,培训（场次）,培训（人次）'],
    ['教育培训 over 场次/人次', '乡镇,月份,教育培训,', ',,场次,人次'],
    ['教育培训 over 开展培训（场次）/参训（人次）', '乡镇,月份,教育培训,', ',,开展培训（场次）,参训（人次）'],
  ])('C2 a group cell never overrides the leaf unit: %s', (_name, parent, child) => {
    const r = findLayout(rows([parent, child, '城关镇,2022-04,2,85']), 200);
    expect(r.ok && r.value.columns.map((c) => [c.field, c.unit])).toEqual([
      ['township', null],
      ['period', null],
      ['trainings_held', '场次'],
      ['training_person_times', '人次'],
    ]);
  });

  it('a single-row header with a unit picks the field of that unit (教育培训（人次）)', () => {
    const r = findLayout(rows(['乡镇,月份,教育培训（场次）,教育培训（人次）', '城关镇,2022-04,2,85']), 200);
    expect(r.ok && r.value.columns.map((c) => c.field)).toEqual([
      'township',
      'period',
      'trainings_held',
      'training_person_times',
    ]);
  });

  it('C2 a parent merged downwards (备注 over an empty cell) does not span to the next column', () => {
    const r = findLayout(
      rows(['乡镇,月份,培训,,备注,', ',,场次,人次,,未整改（处）', '城关镇,2022-04,2,85,,1']),
      200,
    );
    expect(r.ok && r.value.columns.map((c) => [c.header, c.field])).toEqual([
      ['乡镇', 'township'],
      ['月份', 'period'],
      ['培训/场次', 'trainings_held'],
      ['培训/人次', 'training_person_times'],
      ['备注', 'remarks'],
      ['未整改（处）', null],
    ]);
  });

  it('a real duplicate under a group is still an error naming both columns', () => {
    const r = findLayout(
      rows(['乡镇,月份,培训,,', ',,培训（场次）,培训（人次）,培训次数', '城关镇,2022-04,2,85,2']),
      200,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('ingest.duplicate_field');
    expect(r.error.params).toMatchObject({
      field: 'trainings_held',
      other: '培训/培训（场次）',
      column: '培训/培训次数',
      first: 3,
      second: 5,
    });
  });

  it('C2 flattens a two-row merged header and marks the continuation', () => {
    const r = findLayout(
      rows(['乡镇,月份,隐患排查,,培训,', ',,排查隐患,已整改,场次,人次', '城关镇,2022-04,6,5,1,30']),
      200,
    );
    expect(r.ok && r.value.columns.map((c) => c.field)).toEqual([
      'township',
      'period',
      'hazards_found',
      'hazards_rectified',
      'trainings_held',
      'training_person_times',
    ]);
    expect(r.ok && r.value.preamble.get(1)).toBe('header_continuation');
    expect(r.ok && r.value.headerLine).toBe(2);
  });

  it('recognises a units row and applies its units (元 → scale 0.0001)', () => {
    const r = findLayout(rows(['乡镇,月份,整改资金', ',,(元)', '城关镇,2022-04,25000']), 200);
    expect(r.ok && r.value.preamble.get(1)).toBe('units_row');
    expect(r.ok && r.value.columns[2]).toMatchObject({
      field: 'rectification_funds_10k_yuan',
      unit: '元',
      scale: 0.0001,
    });
  });

  it('classifies 序号 as an index column, unknown columns as field null', () => {
    const r = findLayout(rows(['序号,乡镇,月份,奇怪的列', '1,城关镇,2022-04,x']), 200);
    expect(r.ok && [...r.value.indexColumns]).toEqual([0]);
    expect(r.ok && r.value.columns[3]).toMatchObject({ header: '奇怪的列', field: null });
  });

  it.each([
    ['problem list', ['乡镇,月份,问题描述,问题类别'], 'problem'],
    ['hazard ledger', ['乡镇,发现日期,隐患描述,整改情况'], 'hazard'],
  ])('classifies a %s', (_n, lines, kind) => {
    const r = findLayout(rows(lines), 200);
    expect(r.ok && r.value.kind).toBe(kind);
  });

  it.each([
    ['B15 duplicate headers', ['乡镇,月份,隐患数,隐患数', '城关镇,2022-04,1,2'], 'ingest.duplicate_header'],
    ['F7 __proto__ header', ['乡镇,月份,__proto__', 'a,b,c'], 'ingest.forbidden_header'],
    [
      'C6 months as columns',
      ['乡镇,2022年1月,2022年2月,2022年3月', '城关镇,1,2,3'],
      'ingest.crosstab_layout',
    ],
    ['no header at all', ['a,b', '1,2'], 'ingest.no_header'],
    ['two columns for one field', ['乡镇,月份,排查隐患,隐患数', 'a,b,1,2'], 'ingest.duplicate_field'],
  ])('%s → %s', (_n, lines, code) => {
    const r = findLayout(rows(lines), 200);
    expect(!r.ok && r.error.code).toBe(code);
  });

  it('G3 refuses more columns than the cap', () => {
    const r = findLayout(rows([`乡镇,月份,${Array.from({ length: 10 }, (_, i) => `x${i}`).join(',')}`]), 5);
    expect(!r.ok && r.error.code).toBe('ingest.too_many_columns');
  });

  it('A8 recognises a repeated header line with a BOM', () => {
    const r = findLayout(rows(['乡镇,月份,隐患数']), 200);
    expect(r.ok && isRepeatedHeader(['\uFEFF乡镇', '月份', '隐患数'], r.value)).toBe(true);
    expect(r.ok && isRepeatedHeader(['城关镇', '2022-04', '6'], r.value)).toBe(false);
  });

  it.each([
    [['(家)', '(处)', '(%)'], true],
    [['', '处', '万元'], true],
    [['城关镇', '6'], false],
    [['', ''], false],
  ])('isUnitsRow(%j) = %s', (cells, expected) => expect(isUnitsRow(cells)).toBe(expected));
});
