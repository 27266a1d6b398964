import { describe, expect, it } from 'vitest';
import { sanitizeFileName } from './download';

describe('sanitizeFileName', () => {
  it.each([
    ['城关镇4月-被拒绝的行.csv', '城关镇4月-被拒绝的行.csv'],
    ['../../etc/passwd', '_.._etc_passwd'],
    ['a\\b:c*d?e"f<g>h|i.csv', 'a_b_c_d_e_f_g_h_i.csv'],
    ['  .hidden.csv. ', 'hidden.csv'],
    ['line\nbreak\u0000.csv', 'line_break_.csv'],
    ['', 'download'],
    ['...', 'download'],
  ])('%j → %j', (input, expected) => {
    expect(sanitizeFileName(input)).toBe(expected);
  });

  it('caps very long names by characters, not UTF-16 units', () => {
    const out = sanitizeFileName('镇'.repeat(300) + '.csv');
    expect([...out]).toHaveLength(120);
  });
});
