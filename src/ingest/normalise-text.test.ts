import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasControlChars, normaliseCell } from './normalise-text';

describe('normaliseCell', () => {
  it.each<[string, string]>([
    ['１２', '12'],
    ['１，２３４', '1,234'],
    ['８５％', '85%'],
    ['（东区）', '(东区)'],
    ['\uFEFF城关镇', '城关镇'],
    ['城关镇\u200B', '城关镇'],
    ['城\u200D关镇', '城关镇'],
    ['\u00A0城关镇\u00A0', '城关镇'],
    ['\u3000城关镇\u3000', '城关镇'],
    ['城关\u3000镇', '城关 镇'],
    ['  a  b  ', 'a  b'],
    ['', ''],
    ['   ', ''],
    ['abc', 'abc'],
  ])('%j → %j', (raw, out) => expect(normaliseCell(raw)).toBe(out));

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40, unit: 'binary' }), (s) => {
        expect(normaliseCell(normaliseCell(s))).toBe(normaliseCell(s));
      }),
    );
  });
});

describe('hasControlChars', () => {
  it.each<[string, boolean]>([
    ['城关镇', false],
    ['a\tb', false],
    ['a\nb', false],
    ['a\r\nb', false],
    ['', false],
    ['a\u0000b', true],
    ['a\u0007', true],
    ['\u001B[31m', true],
    ['a\u007F', true],
    ['a\u0085', true],
    ['城关镇\u202E100', true],
    ['\u202A', true],
    ['\u2066x\u2069', true],
    ['城关镇\u200B', false], // a format character: removed by normaliseCell, not rejected
  ])('%j → %s', (raw, expected) => expect(hasControlChars(raw)).toBe(expected));
});
