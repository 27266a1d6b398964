import { describe, expect, it } from 'vitest';
import { encodeGb18030 } from './gb18030';

describe('encodeGb18030', () => {
  it.each([
    'township,period',
    '小召乡,2022年4月,排查隐患（处）',
    '“三合一”场所；4·15国家安全日、一是……',
    '云川区各乡镇安全生产工作月报汇总表',
  ])('round-trips %s through TextDecoder("gb18030")', (text) => {
    const bytes = encodeGb18030(text);
    expect(new TextDecoder('gb18030', { fatal: true }).decode(bytes)).toBe(text);
  });

  it('produces bytes that are not valid UTF-8 for Chinese text (so detection has work to do)', () => {
    const bytes = encodeGb18030('城关镇');
    expect(bytes.length).toBe(6);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
  });

  it('refuses characters outside the two-byte table', () => {
    expect(() => encodeGb18030('😀')).toThrow(/no two-byte code/);
  });
});
