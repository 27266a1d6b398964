// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../components/i18n-provider';
import type { Lang } from '../../i18n/i18n';
import type { FileIngestResult, IngestIssue } from '../../ingest/types';
import { ingestBytes } from '../../ingest/ingest-file';
import { ImportReport } from './import-report';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const conflict = (line: number, value: string | null): IngestIssue => ({
  severity: line === 7 ? 'error' : 'warning',
  code: 'dashboard.merge.resubmission',
  file: '各乡镇4月汇总.csv',
  line,
  column: '排查隐患（处）',
  field: 'hazards_found',
  value,
  params: { township: '城关镇', period: '2022-04', fields: 'hazards_found', existingFile: 'a.csv' },
});

/** A GB18030 CSV with a title row, a header, three data rows (one bad) and a 合计 row. */
const RESULT: FileIngestResult = {
  file: '各乡镇4月汇总.csv',
  bytes: 1234,
  encoding: 'gb18030',
  format: 'csv',
  delimiter: ',',
  recordKind: 'township_month',
  headerLine: 2,
  columns: [
    { index: 0, header: '乡镇', field: 'township', unit: null, scale: 1 },
    { index: 1, header: '月份', field: 'period', unit: null, scale: 1 },
    { index: 2, header: '排查隐患（处）', field: 'hazards_found', unit: '处', scale: 1 },
    { index: 3, header: '整改资金（元）', field: 'rectification_funds_10k_yuan', unit: '元', scale: 0.0001 },
    { index: 4, header: '联系人', field: null, unit: null, scale: 1 },
  ],
  status: 'ok',
  counts: { total: 6, accepted: 2, rejected: 1, ignored: 3 },
  issues: [conflict(7, '=cmd|"/c calc"!A0'), conflict(8, null)],
  ignored: [
    { line: 1, reason: 'title', raw: '2022年4月安全生产月报汇总表' },
    { line: 2, reason: 'header', raw: '乡镇,月份,排查隐患（处）' },
    { line: 9, reason: 'totals', raw: '合计,,30' },
  ],
  rejectedRows: [
    { line: 7, raw: ['城关镇', '2022-04', '=cmd|"/c calc"!A0'], reasons: [conflict(7, '=cmd')] },
  ],
  townshipMonths: [],
  hazards: [],
  problems: [],
  townships: [],
  district: null,
};

const renderReport = (lang: Lang = 'zh-CN', result: FileIngestResult = RESULT) =>
  render(
    <I18nProvider lang={lang}>
      <ImportReport entry={{ id: '1', result, importedAt: '2022-05-10T09:00:00+08:00' }} />
    </I18nProvider>,
  );

describe('ImportReport', () => {
  it('shows how the file was read', () => {
    renderReport();
    expect(screen.getByRole('heading', { name: '导入报告：各乡镇4月汇总.csv' })).toBeInTheDocument();
    expect(screen.getByTestId('encoding')).toHaveTextContent('GB18030（自动识别）');
    expect(screen.getByText('CSV')).toBeInTheDocument();
    expect(screen.getByText('逗号 ,')).toBeInTheDocument();
  });

  it('shows counts that add up', () => {
    renderReport();
    const n = (id: string) => Number(screen.getByTestId(`count-${id}`).querySelector('dd')!.textContent);
    expect([n('total'), n('accepted'), n('rejected'), n('ignored')]).toEqual([6, 2, 1, 3]);
    expect(n('total')).toBe(n('accepted') + n('rejected') + n('ignored'));
    expect(screen.getByText('6 = 2 + 1 + 3')).toBeInTheDocument();
  });

  it('maps columns to fields and highlights unknown columns', () => {
    renderReport();
    const unknownRow = screen.getByRole('cell', { name: '联系人' }).closest('tr')!;
    expect(unknownRow).toHaveClass('row--unknown');
    expect(within(unknownRow).getByText('未识别（未导入）')).toBeInTheDocument();
    expect(screen.getByText('排查隐患 (hazards_found)')).toBeInTheDocument();
    expect(screen.getByText('元 × 0.0001')).toBeInTheDocument();
  });

  it('lists every issue with severity, line, column, value and a translated message, as text', () => {
    renderReport();
    const rows = within(screen.getByTestId('issues')).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    const cells = within(rows[0]!)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(cells.slice(0, 4)).toEqual(['错误', '7', '排查隐患（处）', '=cmd|"/c calc"!A0']);
    expect(cells[4]).toContain('城关镇 2022-04 已有数据');
    expect(within(rows[1]!).getAllByRole('cell')[0]).toHaveTextContent('警告');
  });

  it('lists ignored lines with their reason', () => {
    renderReport();
    const rows = within(screen.getByTestId('ignored')).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[1]?.textContent)).toEqual([
      '标题行',
      '表头',
      '合计行',
    ]);
  });

  it('renders in English', () => {
    renderReport('en');
    expect(screen.getByTestId('encoding')).toHaveTextContent('GB18030 (detected)');
    expect(screen.getByText('Accepted')).toBeInTheDocument();
    expect(screen.getAllByText(/already has data/)).toHaveLength(2);
  });

  it('downloads the rejected rows as a UTF-8 CSV with BOM', async () => {
    const user = userEvent.setup();
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((b: Blob) => {
      blobs.push(b);
      return 'blob:test';
    });
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    renderReport();
    await user.click(screen.getByRole('button', { name: '下载被拒绝的行（CSV）' }));
    expect(click).toHaveBeenCalledTimes(1);
    // jsdom's Blob has no arrayBuffer(); FileReader reads it.
    const bytes = await new Promise<Uint8Array>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
      reader.readAsArrayBuffer(blobs[0]!);
    });
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain(`7,`);
    expect(text).toContain(`"'=cmd|""/c calc""!A0"`);
  });

  it('has no download button when nothing was rejected, and marks a rejected file', () => {
    renderReport('zh-CN', { ...RESULT, status: 'rejected', rejectedRows: [] });
    expect(screen.queryByRole('button', { name: /下载被拒绝的行/ })).toBeNull();
    expect(screen.getByText('整个文件被拒绝')).toBeInTheDocument();
  });
});

describe('ImportReport for a minified JSON document', () => {
  it('locates issues and ignored elements by JSON path, not by "line 1"', () => {
    const doc = {
      schema_version: '1',
      township_month: [
        { township: '小召乡', period: '2024-03', hazards_found: 5 },
        {},
        { township: '城关镇', period: '2024-03', hazards_found: '见附表' },
      ],
    };
    const result = ingestBytes(new TextEncoder().encode(JSON.stringify(doc)), {
      fileName: '三月汇总.json',
      knownTownships: [],
      today: '2024-05-01',
    });
    renderReport('zh-CN', result);
    const issues = screen.getByTestId('issues');
    expect(within(issues).getByRole('columnheader', { name: '位置（JSON 路径）' })).toBeInTheDocument();
    expect(within(issues).getByText('township_month[2].hazards_found')).toBeInTheDocument();
    const ignored = screen.getByTestId('ignored');
    expect(within(ignored).getByText('township_month[1]')).toBeInTheDocument();
  });

  it('renders a long issue list a step at a time; every issue is one click away', async () => {
    // A city ledger's report: thousands of issues. The first 200 are rendered, the rest on request.
    const issues = Array.from({ length: 450 }, (_, i) => conflict(10 + i, String(i)));
    renderReport('zh-CN', { ...RESULT, issues });
    const rows = () => within(screen.getByTestId('issues')).getAllByRole('row').length - 1;
    expect(rows()).toBe(200);
    await userEvent.click(screen.getByRole('button', { name: '再显示 250 行（还有 250 行未显示）' }));
    expect(rows()).toBe(450);
    expect(screen.queryByRole('button', { name: /再显示/ })).toBeNull();
  });
});
