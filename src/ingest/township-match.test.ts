import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Township } from '../domain/records';
import { inferTownshipType } from '../domain/townships';
import {
  TRADITIONAL_TO_SIMPLIFIED,
  editDistance,
  matchTownship,
  normaliseTownshipName,
  toSimplified,
} from './township-match';

const t = (name: string, aliases: string[] = []): Township => ({
  name,
  type: inferTownshipType(name),
  code: null,
  aliases,
});

// A district list shaped like a real one: 乡, 镇, 街道, a 地区 and a park, some aliases.
const KNOWN: readonly Township[] = [
  t('城关镇', ['城关']),
  t('小召乡'),
  t('东关街道', ['东关办事处']),
  t('良乡地区'),
  t('龙门镇'),
  t('城南镇'),
  t('长兴镇'),
  t('园区服务中心', ['工业园区']),
  t('华阳街道'),
];

describe('normaliseTownshipName', () => {
  it.each<[string, string]>([
    ['城关镇', '城关镇'],
    [' 城关镇 ', '城关镇'],
    ['城关\u3000镇', '城关镇'],
    ['城关 镇', '城关镇'],
    ['\u00A0城关镇\u200B', '城关镇'],
    ['城关镇人民政府', '城关镇'],
    ['小召乡政府', '小召乡'],
    ['小召乡党委', '小召乡'],
    ['小召乡党委政府', '小召乡'],
    ['小召乡安委会', '小召乡'],
    ['小召乡安委办', '小召乡'],
    ['小召乡应急办', '小召乡'],
    ['小召乡安监站', '小召乡'],
    ['东关街道办事处', '东关街道'],
    ['东关办事处', '东关街道'],
    ['良乡地区办事处', '良乡地区'],
    ['新城区东关街道', '东关街道'],
    ['XX区小召乡', '小召乡'],
    ['某某县城关镇人民政府', '城关镇'],
    ['某省某市某区城关镇', '城关镇'],
    ['城区街道', '城区街道'],
    ['古县镇', '古县镇'],
    ['（东区）', '(东区)'],
    ['', ''],
  ])('%j → %j', (raw, out) => expect(normaliseTownshipName(raw)).toBe(out));
});

describe('matchTownship: matches', () => {
  it.each<[string, string, 'exact' | 'alias' | 'normalised' | 'variant']>([
    ['城关镇', '城关镇', 'exact'],
    ['城关', '城关镇', 'alias'],
    ['东关办事处', '东关街道', 'alias'],
    ['工业园区', '园区服务中心', 'alias'],
    ['城关镇 ', '城关镇', 'normalised'],
    ['城关镇\u200B', '城关镇', 'normalised'],
    ['城关\u3000镇', '城关镇', 'normalised'],
    ['\u00A0城关镇', '城关镇', 'normalised'],
    ['城关镇人民政府', '城关镇', 'normalised'],
    ['小召乡政府', '小召乡', 'normalised'],
    ['小召乡安委办', '小召乡', 'normalised'],
    ['小召', '小召乡', 'normalised'],
    ['龙门', '龙门镇', 'normalised'],
    ['东关街道办事处', '东关街道', 'normalised'],
    ['东关 办事处', '东关街道', 'normalised'],
    ['良乡地区办事处', '良乡地区', 'normalised'],
    ['新城区东关街道', '东关街道', 'normalised'],
    ['城關鎮', '城关镇', 'variant'],
    ['龍門鎮', '龙门镇', 'variant'],
    ['長興鎮', '长兴镇', 'variant'],
    ['華陽街道辦事處', '华阳街道', 'variant'],
    ['城關', '城关镇', 'variant'],
    ['龍門', '龙门镇', 'variant'],
  ])('%j → %s via %s', (raw, name, via) => {
    expect(matchTownship(raw, KNOWN)).toEqual({ kind: 'match', name, via });
  });
});

describe('matchTownship: unknown', () => {
  it.each<[string, string, string | null]>([
    ['城光镇', '城光镇', '城关镇'],
    ['城光镇人民政府', '城光镇', '城关镇'],
    ['小石乡', '小石乡', '小召乡'],
    ['华阳街', '华阳街', '华阳街道'],
    ['长安镇', '长安镇', '长兴镇'],
    ['平安乡', '平安乡', null],
    ['小召镇', '小召镇', '小召乡'],
    ['constructor', 'constructor', null],
    ['__proto__', '__proto__', null],
    ['hasOwnProperty', 'hasOwnProperty', null],
    ['toString', 'toString', null],
  ])('%j → unknown %j, suggestion %j', (raw, normalised, suggestion) => {
    expect(matchTownship(raw, KNOWN)).toEqual({ kind: 'unknown', normalised, suggestion });
  });

  it('does not match a bare name when two townships share the base (城南 for 城南镇 and 城南街道)', () => {
    const list = [t('城南镇'), t('城南街道')];
    expect(matchTownship('城南', list)).toMatchObject({ kind: 'unknown', normalised: '城南' });
  });

  it('with an empty list every well-formed name is unknown with its normalised form', () => {
    expect(matchTownship('城关镇人民政府', [])).toEqual({
      kind: 'unknown',
      normalised: '城关镇',
      suggestion: null,
    });
    expect(matchTownship(' 小召乡\u200B', [])).toEqual({
      kind: 'unknown',
      normalised: '小召乡',
      suggestion: null,
    });
  });

  it('never finds builtin names through the prototype chain', () => {
    for (const name of ['constructor', '__proto__', 'valueOf']) {
      expect(matchTownship(name, [t('城关镇'), t('小召乡')])).toMatchObject({
        kind: 'unknown',
        suggestion: null,
      });
    }
  });
});

describe('matchTownship: invalid', () => {
  it.each<[string, string]>([
    ['', 'cells.township.empty'],
    ['   ', 'cells.township.empty'],
    ['\u200B', 'cells.township.empty'],
    ['城?镇', 'cells.township.lost_chars'],
    ['城？镇', 'cells.township.lost_chars'],
    ['城\uFFFD镇', 'cells.township.lost_chars'],
    ['城关{}', 'cells.township.markup'],
    ['{a|伪造}', 'cells.township.markup'],
    ['<img src=x onerror=alert(1)>', 'cells.township.markup'],
    ['"><svg onload=alert(1)>', 'cells.township.markup'],
    ['城关镇\u202E100', 'cells.control_chars'],
    ['城关\u0000镇', 'cells.control_chars'],
    ['城'.repeat(31), 'cells.township.too_long'],
    ['城'.repeat(10_000), 'cells.township.too_long'],
    ['123', 'cells.township.not_a_name'],
    ['--', 'cells.township.not_a_name'],
    ['、。', 'cells.township.not_a_name'],
  ])('%j → %s', (raw, code) => {
    expect(matchTownship(raw, KNOWN)).toMatchObject({ kind: 'invalid', code });
  });

  it('a 30-character name is still accepted as a name', () => {
    expect(matchTownship(`${'城'.repeat(29)}镇`, [])).toMatchObject({ kind: 'unknown' });
  });
});

describe('helpers', () => {
  it('the traditional table has at least 150 distinct pairs, each mapping to a different character', () => {
    expect(TRADITIONAL_TO_SIMPLIFIED.size).toBeGreaterThanOrEqual(150);
    for (const [trad, simp] of TRADITIONAL_TO_SIMPLIFIED) {
      expect(trad).not.toBe(simp);
      expect([...simp]).toHaveLength(1);
      expect(TRADITIONAL_TO_SIMPLIFIED.has(simp), `${simp} is itself mapped`).toBe(false);
    }
  });

  it.each<[string, string]>([
    ['城關鎮', '城关镇'],
    ['東門鄉', '东门乡'],
    ['小召乡', '小召乡'],
  ])('toSimplified(%j) = %j', (a, b) => expect(toSimplified(a)).toBe(b));

  it.each<[string, string, number]>([
    ['城光镇', '城关镇', 1],
    ['城关镇', '城关镇', 0],
    ['小召', '小召乡', 1],
    ['abc', 'xyz', 3],
    ['', '镇', 1],
  ])('editDistance(%j, %j) = %d', (a, b, d) => expect(editDistance(a, b)).toBe(d));

  it('editDistance is symmetric and bounded by the longer length', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), (a, b) => {
        const d = editDistance(a, b);
        expect(editDistance(b, a)).toBe(d);
        expect(d).toBeLessThanOrEqual(Math.max([...a].length, [...b].length));
      }),
    );
  });

  it('every known name, padded with noise, matches itself', () => {
    const before = fc.constantFrom('', ' ', '\u3000', '\u200B', '\uFEFF', '某某区');
    const after = fc.constantFrom('', ' ', '\u3000', '\u200B', '人民政府', '安委办', '党委政府');
    fc.assert(
      fc.property(fc.constantFrom(...KNOWN), before, after, (tw, a, b) => {
        expect(matchTownship(`${a}${tw.name}${b}`, KNOWN)).toMatchObject({ kind: 'match', name: tw.name });
      }),
    );
  });
});
