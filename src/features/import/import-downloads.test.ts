import { describe, expect, it } from 'vitest';
import { TEMPLATE_FIELDS } from '../../domain/fields';
import type { FileIngestResult, IngestIssue } from '../../ingest/types';
import {
  issueText,
  rejectedFileName,
  rejectedRowsCsv,
  SAMPLE_REPORTS_ZIP,
  templateCsv,
} from './import-downloads';

const issue = (line: number, value: string): IngestIssue => ({
  severity: 'error',
  code: 'dashboard.merge.resubmission',
  file: '城关镇4月.csv',
  line,
  column: '排查隐患（处）',
  field: 'hazards_found',
  value,
  params: { township: '城关镇', period: '2022-04', fields: 'hazards_found', existingFile: 'a.csv' },
});

const result = (rejectedRows: FileIngestResult['rejectedRows']): FileIngestResult =>
  ({ file: '城关镇4月.csv', rejectedRows }) as unknown as FileIngestResult;

describe('templateCsv', () => {
  it('has one Chinese header per template field, with units', () => {
    const [line] = templateCsv().split('\r\n');
    const headers = line!.split(',');
    expect(headers).toHaveLength(TEMPLATE_FIELDS.length);
    expect(headers[0]).toBe('乡镇（街道）');
    expect(headers).toContain('排查隐患（处）');
    expect(headers).toContain('整改资金（万元）');
    expect(headers).toContain('培训（场次）');
    expect(headers).toContain('培训（人次）');
    // Every header is a Chinese label, never a raw field name.
    expect(headers.some((h) => /^[a-z_]+$/.test(h))).toBe(false);
  });
});

describe('rejectedRowsCsv', () => {
  it('writes line, reasons and the original cells, padded and neutralised', () => {
    const csv = rejectedRowsCsv(
      result([
        { line: 5, raw: ['城关镇', '2022-04', '=1+2'], reasons: [issue(5, '=1+2'), issue(5, 'x')] },
        { line: 9, raw: ['小召乡'], reasons: [issue(9, '')] },
      ]),
      'zh-CN',
    );
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('行号,拒绝原因,第1列,第2列,第3列');
    expect(lines[1]).toMatch(
      /^5,城关镇 2022-04 已有数据.*；城关镇 2022-04 已有数据.*,城关镇,2022-04,'=1\+2$/,
    );
    expect(lines[2]).toMatch(/^9,.*,小召乡,,$/);
  });

  it('locates the rejected elements of a JSON document by JSON path', () => {
    const json = {
      file: '三月汇总.json',
      format: 'json',
      rejectedRows: [
        {
          line: 1,
          path: 'township_month[12]',
          raw: ['{"township":"城关镇"}'],
          reasons: [{ ...issue(1, ''), file: '三月汇总.json', path: 'township_month[12]' }],
        },
      ],
    } as unknown as FileIngestResult;
    const lines = rejectedRowsCsv(json, 'zh-CN').trimEnd().split('\r\n');
    expect(lines[0]).toBe('位置（JSON 路径）,拒绝原因,第1列');
    expect(lines[1]).toMatch(/^township_month\[12\],/);
  });

  it('is only the header when nothing was rejected', () => {
    expect(rejectedRowsCsv(result([]), 'en')).toBe('Line,Reason\r\n');
  });
});

describe('issueText', () => {
  it('translates known codes and shows unknown codes as they are', () => {
    expect(issueText('en', issue(1, ''))).toContain('already has data');
    expect(issueText('en', { ...issue(1, ''), code: 'ingest.no_such_code' as never })).toBe(
      'ingest.no_such_code',
    );
  });

  it('derives the rejected-rows file name', () => {
    expect(rejectedFileName('城关镇4月.csv')).toBe('城关镇4月-被拒绝的行.csv');
    expect(rejectedFileName('noext')).toBe('noext-被拒绝的行.csv');
  });
});

describe('sample reports link', () => {
  it('points at the generated zip listed in public/sample/reports/index.json, which exists', async () => {
    const fs = await import('node:fs');
    const index = JSON.parse(fs.readFileSync('public/sample/reports/index.json', 'utf8')) as {
      zip: { path: string; bytes: number };
      files: unknown[];
    };
    expect(SAMPLE_REPORTS_ZIP).toBe(`sample/reports/${index.zip.path}`);
    expect(fs.statSync(`public/${SAMPLE_REPORTS_ZIP}`).size).toBe(index.zip.bytes);
    expect(index.files).toHaveLength(18);
  });
});
