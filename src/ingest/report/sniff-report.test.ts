import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReportFile } from './read-report';
import { readDoc } from './read-doc';
import { sniffTextKind } from './sniff-report';

const fixtures = join(import.meta.dirname, '..', '..', '..', 'tests', 'fixtures');

describe('sniffTextKind', () => {
  it('tells a CSV table from a prose report', () => {
    expect(sniffTextKind('乡镇（街道）,月份,排查隐患（处）\n青石镇,2024-05,23\n柳河镇,2024-05,12\n')).toBe('csv');
    expect(sniffTextKind('乡镇\t月份\t隐患\n青石镇\t2024-05\t23\n')).toBe('csv');
    const report = readFileSync(join(fixtures, 'problems', 'xiaozhao-2022-04-report.txt'), 'utf8');
    expect(sniffTextKind(report)).toBe('report');
  });
  it('keeps a report with a small tab-separated table a report', () => {
    const text = ['青石镇安全生产工作月报告', '区政府安委会办公室：', '本月工作如下：', '检查单位\t排查隐患', '126\t23', '一、存在的问题', '（一）企业主体责任落实不到位。', '特此报告。'].join('\n');
    expect(sniffTextKind(text)).toBe('report');
  });
  it('routes a .txt that is a CSV to the table path, a prose .txt to the report path', () => {
    const csv = new TextEncoder().encode('乡镇（街道）,月份,排查隐患（处）\n青石镇,2024-05,23\n柳河镇,2024-05,12\n');
    expect(readReportFile(csv)).toEqual({ route: 'csv' });
    const prose = new TextEncoder().encode('青石镇安全生产工作月报告\n\n　　现将5月份工作情况汇报如下：\n');
    const routed = readReportFile(prose);
    expect(routed.route === 'report' && routed.result.ok && routed.result.value.blocks.map((b) => [b.text, b.line])).toEqual([
      ['青石镇安全生产工作月报告', 1],
      ['现将5月份工作情况汇报如下：', 3],
    ]);
  });
  it('rejects oversized, binary and undecodable files with a message key', () => {
    const code = (bytes: Uint8Array, max?: number): string => {
      const r = readReportFile(bytes, max === undefined ? undefined : { maxBytes: max, maxPartBytes: max });
      return r.route === 'report' && !r.result.ok ? r.result.error.code : 'accepted';
    };
    expect(code(new Uint8Array(100).fill(0x41), 10)).toBe('ingest.report_too_large');
    expect(code(new Uint8Array([1, 2, 0, 4]))).toBe('ingest.report_unknown_binary');
    expect(code(new TextEncoder().encode('%PDF-1.4'))).toBe('ingest.format_pdf');
    expect(code(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toBe('ingest.report_corrupt_doc');
  });
});

describe('readDoc', () => {
  it('rejects a .doc whose FIB says encrypted (fEncrypted)', () => {
    const bytes = new Uint8Array(readFileSync(join(fixtures, 'reports', 'doc', 'R1-01.doc')));
    expect(readDoc(bytes).ok).toBe(true);
    // Find the FIB (wIdent 0xA5EC) at the start of the WordDocument stream and set fEncrypted.
    let patched = 0;
    for (let i = 0; i + 12 < bytes.length; i += 512) {
      if (bytes[i] === 0xec && bytes[i + 1] === 0xa5) {
        bytes[i + 11] = (bytes[i + 11] ?? 0) | 0x01;
        patched++;
      }
    }
    expect(patched).toBe(1);
    expect(readDoc(bytes)).toMatchObject({ ok: false, error: { code: 'ingest.report_encrypted' } });
  });
});
