import { describe, expect, it } from 'vitest';
import { jsonElementLines } from './json-element-lines';

describe('jsonElementLines', () => {
  it('gives the start line of each element of a root array', () => {
    const text = '[\n  {"乡镇": "城关镇", "备注": "含\\"引号\\"和]括号"},\n  {"乡镇": "小召乡"}\n,{"a":[1,2]}]';
    expect(jsonElementLines(text).get('')).toEqual([2, 3, 4]);
  });

  it('tracks arrays under object keys, including an API envelope, but not arrays inside arrays', () => {
    const text = [
      '{',
      '  "schema_version": "1",',
      '  "township_month": [',
      '    {"township": "城关镇", "focus_sectors": ["fire", "gas"]},',
      '',
      '    {"township": "小召乡"}',
      '  ],',
      '  "data": {"list": [',
      '    1,',
      '    2]}',
      '}',
    ].join('\n');
    const lines = jsonElementLines(text);
    expect(lines.get('township_month')).toEqual([4, 6]);
    expect(lines.get('data/list')).toEqual([9, 10]);
    expect([...lines.keys()].some((k) => k.includes('focus_sectors'))).toBe(false);
  });

  it('keeps the last array when a key repeats, as JSON.parse does', () => {
    const text = '{"hazards": [1],\n"hazards": [\n2,\n3]}';
    expect(jsonElementLines(text).get('hazards')).toEqual([3, 4]);
  });

  it('counts one element per value for deeply nested input without recursion', () => {
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    expect(jsonElementLines(`[\n${deep},\n1]`).get('')).toEqual([2, 3]);
  });
});
