import { describe, expect, it } from 'vitest';
import { encodeGb18030 } from '../../scripts/generate-fixtures';
import { decodeBytes, findEncodingSwitchLine, sniffBinaryFormat, sniffMarkup } from './decode-bytes';

const utf8 = (s: string) => new TextEncoder().encode(s);
const cat = (...parts: Uint8Array[]) => new Uint8Array(parts.flatMap((p) => [...p]));

describe('decodeBytes', () => {
  it.each([
    ['A3 plain UTF-8', utf8('乡镇,月份\n城关镇,2022-04\n'), 'utf-8'],
    ['A2 UTF-8 with BOM', cat(new Uint8Array([0xef, 0xbb, 0xbf]), utf8('乡镇,月份\n')), 'utf-8-bom'],
    ['A1 GBK from Excel', encodeGb18030('乡镇,月份,隐患数\n城关镇,2022-04,6\n'), 'gb18030'],
    [
      'A4 UTF-16LE with BOM',
      new Uint8Array([0xff, 0xfe, ...Buffer.from('乡镇\t月份\n', 'utf16le')]),
      'utf-16le',
    ],
    [
      'UTF-16BE with BOM',
      new Uint8Array([0xfe, 0xff, ...Buffer.from('乡镇\t月份\n', 'utf16le').swap16()]),
      'utf-16be',
    ],
    ['A5 short UTF-8 that is also valid GB18030', utf8('城关镇隐患数合计'), 'utf-8'],
  ])('%s', (_name, bytes, encoding) => {
    const r = decodeBytes(bytes);
    expect(r.ok && r.value.encoding).toBe(encoding);
    if (r.ok) {
      expect(r.value.text.startsWith('\uFEFF')).toBe(false);
      expect(r.value.text).not.toContain('\uFFFD');
    }
  });

  it('round-trips the GB18030 text it decodes (A1 nothing lost)', () => {
    const text = '小召乡,2022年4月,排查隐患6处\n';
    const r = decodeBytes(encodeGb18030(text));
    expect(r.ok && r.value.text).toBe(text);
  });

  it('strips a second BOM left after the decoder removed the first (docs/input-rules.md A8)', () => {
    const r = decodeBytes(cat(new Uint8Array([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf]), utf8('乡镇')));
    expect(r.ok && r.value.text).toBe('乡镇');
  });

  it.each([
    [
      'A10 GB18030 cut inside a character',
      encodeGb18030('乡镇,月份\n城关镇').slice(0, -1),
      'ingest.truncated_char',
    ],
    ['A10 UTF-8 cut inside a character', utf8('乡镇,月份\n城关镇').slice(0, -1), 'ingest.truncated_char'],
    [
      'UTF-16LE with an odd byte count',
      new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x62]),
      'ingest.truncated_char',
    ],
    [
      'A7 UTF-8 then GBK',
      cat(utf8('乡镇,月份,隐患数\n城关镇,2022-04,6\n'), encodeGb18030('小召乡,2022-04,3\n')),
      'ingest.mixed_encoding',
    ],
    ['bytes no decoder accepts', new Uint8Array([0x61, 0x80, 0x62, 0xff, 0x63]), 'ingest.unknown_encoding'],
    ['NUL bytes without a BOM', new Uint8Array([0x61, 0x00, 0x62, 0x00]), 'ingest.binary_content'],
  ])('%s → rejected', (_name, bytes, code) => {
    const r = decodeBytes(bytes);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe(code);
  });

  it('names the line where the encoding changes', () => {
    const bytes = cat(utf8('乡镇,月份\n城关镇,2022-04\n'), encodeGb18030('小召乡,2022-04\n'));
    expect(findEncodingSwitchLine(bytes)).toBe(3);
    expect(findEncodingSwitchLine(utf8('乡镇\n城关镇\n'))).toBeNull();
  });
});

describe('format sniffing (B18, E4)', () => {
  it.each([
    [[0x50, 0x4b, 0x03, 0x04, 0x14], 'ingest.format_xlsx'],
    [[0xd0, 0xcf, 0x11, 0xe0, 0xa1], 'ingest.format_xls'],
    [[0x25, 0x50, 0x44, 0x46], 'ingest.format_pdf'],
    [[0x61, 0x2c, 0x62], null],
    [[], null],
  ])('%j → %s', (bytes, code) => {
    expect(sniffBinaryFormat(new Uint8Array(bytes))).toBe(code);
  });

  it.each([
    ['<!DOCTYPE html><title>统一身份认证</title>', 'ingest.format_html'],
    ['  \n<html><body><table>', 'ingest.format_html'],
    ['<table><tr><td>乡镇</td></tr></table>', 'ingest.format_html'],
    ['乡镇,月份', null],
    ['[{"乡镇":"城关镇"}]', null],
  ])('%s → %s', (text, code) => {
    expect(sniffMarkup(text)).toBe(code);
  });
});
