import { describe, expect, it } from 'vitest';
import { matchFlattenedHeader, matchHeader, normaliseHeader, splitHeaderUnit } from './map-headers';

const fieldOf = (m: ReturnType<typeof matchHeader>) => (m.kind === 'field' ? m.def.name : m.kind);

describe('normaliseHeader / splitHeaderUnit', () => {
  it.each([
    [' 隐患\n数 ', '隐患数'],
    ['排查隐患（处）', '排查隐患(处)'],
    ['1.排查隐患数', '排查隐患数'],
    ['Hazards_Found', 'hazards_found'],
    ['乡镇\u200B', '乡镇'],
  ])('%j → %j', (raw, out) => expect(normaliseHeader(raw)).toBe(out));

  it.each([
    ['排查隐患(处)', '排查隐患', '处'],
    ['整改资金(元)', '整改资金', '元'],
    ['整改资金[万元]', '整改资金', '万元'],
    ['隐患数(条/处/项)', '隐患数', '条'],
    ['乡镇(街道)', '乡镇(街道)', null],
  ])('%s → base %s unit %s', (text, base, unit) => expect(splitHeaderUnit(text)).toEqual({ base, unit }));
});

describe('matchHeader', () => {
  it.each([
    ['乡镇（街道）', 'township'],
    ['乡镇 ', 'township'],
    ['月份', 'period'],
    ['排查隐患（处）', 'hazards_found'],
    ['本月排查隐患数', 'hazards_found'],
    ['其中重大隐患（处）', 'hazards_major_found'],
    ['重大隐患已整改', 'hazards_major_rectified'],
    ['培训（场次）', 'trainings_held'],
    ['培训（人次）', 'training_person_times'],
    ['整改资金（元）', 'rectification_funds_10k_yuan'],
    ['hazards_found', 'hazards_found'],
    ['township_code', 'none'],
    ['完全不认识的列', 'none'],
  ])('%s → %s', (header, field) => expect(fieldOf(matchHeader(header, 'township_month'))).toBe(field));

  it('keeps the header unit', () => {
    const m = matchHeader('整改资金（元）', 'township_month');
    expect(m.kind === 'field' && m.unit).toBe('元');
  });

  it.each([
    ['隐患排查治理', '已整改（处）', 'hazards_rectified'],
    ['重大隐患', '已整改', 'hazards_major_rectified'],
    ['重大隐患', '隐患数', 'hazards_major_found'],
    ['培训', '场次', 'trainings_held'],
    ['培训', '人次', 'training_person_times'],
    ['', '月份', 'period'],
    ['乡镇', '', 'township'],
  ])('C2 flattened %s/%s → %s', (p, c, field) =>
    expect(fieldOf(matchFlattenedHeader(p, c, 'township_month'))).toBe(field),
  );
});

describe('matchHeader: 检查人员 (report statistics tables)', () => {
  it('maps 检查人员（人次） to inspector_person_times', () => {
    const m = matchHeader('检查人员（人次）', 'township_month');
    expect(m.kind === 'field' ? m.def.name : m.kind).toBe('inspector_person_times');
  });
});
