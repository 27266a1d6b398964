import { describe, expect, it } from 'vitest';
import { PROBLEM_CATEGORIES } from '../../domain/problem-categories';
import { SECTORS } from '../../domain/sectors';
import {
  parseCategoryCode,
  parseHazardLevel,
  parseHazardStatus,
  parsePeriodScope,
  parseSector,
  parseSectorList,
} from './parse-enums';

describe('parseSectorList', () => {
  it.each<[string, string[]]>([
    ['fire;gas', ['fire', 'gas']],
    ['fire；gas', ['fire', 'gas']],
    ['消防、燃气', ['fire', 'gas']],
    ['消防,燃气', ['fire', 'gas']],
    ['消防，燃气', ['fire', 'gas']],
    ['消防/燃气', ['fire', 'gas']],
    ['消防 燃气', ['fire', 'gas']],
    ['消防\u3000燃气', ['fire', 'gas']],
    ['消防、消防、燃气', ['fire', 'gas']],
    ['加油站', ['hazchem']],
    ['Fire safety; Gas', ['fire', 'gas']],
    ['教育（校园）', ['education']],
    ['HAZCHEM', ['hazchem']],
    ['其他', ['other']],
    ['建筑施工、道路交通、特种设备', ['construction', 'road_traffic', 'special_equipment']],
  ])('%j → %j', (raw, codes) => {
    expect(parseSectorList(raw)).toMatchObject({ kind: 'value', value: codes });
  });

  it.each(['', ' ', '/', '—'])('%j → null', (raw) => expect(parseSectorList(raw)).toEqual({ kind: 'null' }));

  it.each<[string, string]>([
    ['消防、宇宙飞船', '宇宙飞船'],
    ['constructor', 'constructor'],
    ['fire;__proto__', '__proto__'],
  ])('%j → error naming %j', (raw, token) => {
    expect(parseSectorList(raw)).toMatchObject({
      kind: 'error',
      code: 'cells.sector.unknown',
      params: { token },
    });
  });

  it('resolves every sector by code, Chinese name and English name', () => {
    for (const s of SECTORS) {
      for (const text of [s.code, s.zh, s.en])
        expect(parseSectorList(text), text).toMatchObject({ value: [s.code] });
    }
  });
});

describe('parseSector', () => {
  it.each<[string, string]>([
    ['消防', 'fire'],
    ['gas', 'gas'],
    ['Hazardous chemicals', 'hazchem'],
  ])('%j → %s', (raw, code) => expect(parseSector(raw)).toMatchObject({ kind: 'value', value: code }));
  it('blank → null so the caller can default', () => expect(parseSector('')).toEqual({ kind: 'null' }));
  it('several sectors → error', () =>
    expect(parseSector('消防、燃气')).toMatchObject({ kind: 'error', code: 'cells.sector.multiple' }));
  it('unknown → error', () =>
    expect(parseSector('火星')).toMatchObject({ kind: 'error', code: 'cells.sector.unknown' }));
});

describe('parseHazardLevel', () => {
  it.each<[string, string]>([
    ['一般', 'general'],
    ['一般隐患', 'general'],
    ['一般事故隐患', 'general'],
    ['general', 'general'],
    ['General', 'general'],
    ['重大', 'major'],
    ['重大隐患', 'major'],
    ['major', 'major'],
    [' 重大 ', 'major'],
  ])('%j → %s', (raw, v) => expect(parseHazardLevel(raw)).toMatchObject({ kind: 'value', value: v }));
  it.each(['', '/'])('%j → null', (raw) => expect(parseHazardLevel(raw)).toEqual({ kind: 'null' }));
  it.each(['较大', 'toString', '__proto__'])('%j → error', (raw) =>
    expect(parseHazardLevel(raw)).toMatchObject({
      kind: 'error',
      code: 'cells.level.unknown',
      params: { value: raw },
    }),
  );
});

describe('parseHazardStatus', () => {
  it.each<[string, string]>([
    ['已整改', 'rectified'],
    ['整改完成', 'rectified'],
    ['完成', 'rectified'],
    ['rectified', 'rectified'],
    ['已销号', 'closed'],
    ['销号', 'closed'],
    ['closed', 'closed'],
    ['整改中', 'in_progress'],
    ['未整改', 'in_progress'],
    ['正在整改', 'in_progress'],
    ['in_progress', 'in_progress'],
    ['已移交', 'transferred'],
    ['移交', 'transferred'],
    ['transferred', 'transferred'],
  ])('%j → %s', (raw, v) => expect(parseHazardStatus(raw)).toMatchObject({ kind: 'value', value: v }));
  it.each(['逾期', 'overdue', 'constructor'])('%j → error', (raw) =>
    expect(parseHazardStatus(raw)).toMatchObject({ kind: 'error', code: 'cells.status.unknown' }),
  );
});

describe('parsePeriodScope', () => {
  it.each<[string, string]>([
    ['本月', 'month'],
    ['当月', 'month'],
    ['month', 'month'],
    ['Month', 'month'],
    ['累计', 'ytd'],
    ['本年累计', 'ytd'],
    ['ytd', 'ytd'],
    ['YTD', 'ytd'],
    ['1-4月', 'ytd'],
    ['1—12月', 'ytd'],
    ['1至4月累计', 'ytd'],
    ['一至四月', 'ytd'],
  ])('%j → %s', (raw, v) => expect(parsePeriodScope(raw)).toMatchObject({ kind: 'value', value: v }));
  it.each(['季度', '2-4月', 'weekly'])('%j → error', (raw) =>
    expect(parsePeriodScope(raw)).toMatchObject({ kind: 'error', code: 'cells.scope.unknown' }),
  );
  it('blank → null', () => expect(parsePeriodScope('')).toEqual({ kind: 'null' }));
});

describe('parseCategoryCode', () => {
  it.each<[string, string]>([
    ['P01', 'P01'],
    ['p01', 'P01'],
    ['P1', 'P01'],
    ['P12', 'P12'],
    ['P99', 'P99'],
    ['Ｐ０３', 'P03'],
    ['企业主体责任落实不到位', 'P01'],
    ['属地/部门责任落实不平衡', 'P02'],
    ['其他', 'P99'],
  ])('%j → %s', (raw, v) => expect(parseCategoryCode(raw)).toMatchObject({ kind: 'value', value: v }));
  it('resolves every category by code, Chinese and English name', () => {
    for (const c of PROBLEM_CATEGORIES) {
      for (const text of [c.code, c.zh, c.en])
        expect(parseCategoryCode(text), text).toMatchObject({ value: c.code });
    }
  });
  it.each(['P13', 'P00', 'X01', '安全', 'hasOwnProperty'])('%j → error', (raw) =>
    expect(parseCategoryCode(raw)).toMatchObject({ kind: 'error', code: 'cells.category.unknown' }),
  );
});
