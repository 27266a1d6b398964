import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingestFile } from '../ingest-any-file';
import { isReportFile } from './report-route';

const bytes = (path: string) => new Uint8Array(readFileSync(path));
const csv = new TextEncoder().encode('乡镇,月份,排查隐患\n小召乡,2024-03,4\n');

describe('report route (which files take the report path)', () => {
  it('sends Word files by content, whatever their name, and .txt by name', () => {
    expect(isReportFile(bytes('tests/fixtures/reports/docx/R2-02.docx'), 'upload.bin')).toBe(true);
    expect(isReportFile(bytes('tests/fixtures/reports/doc/R1-01.doc'), 'R1-01')).toBe(true);
    expect(isReportFile(bytes('tests/fixtures/reports/hostile/password-protected.docx'), 'x.docx')).toBe(
      true,
    );
    expect(isReportFile(bytes('tests/fixtures/reports/hostile/really-xlsx.docx'), 'book.xlsx')).toBe(false);
    expect(isReportFile(csv, 'data.csv')).toBe(false);
    expect(isReportFile(csv, 'data.TXT')).toBe(true);
  });

  it('the worker entry point reads a report, and a CSV saved as .txt as a table', async () => {
    const today = '2026-11-29';
    const report = await ingestFile(bytes('tests/fixtures/reports/docx/R2-02.docx'), {
      fileName: 'R2-02.docx',
      knownTownships: [],
      today,
    });
    expect(report.format).toBe('docx');
    expect(report.townshipMonths.map((r) => [r.township, r.period, r.hazards_found])).toEqual([
      ['西关街道', '2023-07', 29],
    ]);
    expect(report.report?.evidence.some((e) => e.field === 'hazards_found')).toBe(true);
    const table = await ingestFile(csv, { fileName: 'data.txt', knownTownships: [], today });
    expect(table.format).toBe('csv');
    expect(table.report).toBeUndefined();
    expect(table.counts.accepted).toBe(1);
  });
});
