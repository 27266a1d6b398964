// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as XlsxModule from '../../export/xlsx';
import { I18nProvider } from '../../components/i18n-provider';
import { makeRecord } from './test-records';

const downloadBytes = vi.fn();
vi.mock('../../export/download', () => ({ downloadBytes }));
// jsdom's Blob has no arrayBuffer(); the XLSX path is exercised in node (table-export-files.test.ts).
const toXlsx = vi.fn(async () => new Uint8Array([0x50, 0x4b, 0x03, 0x04]));
vi.mock('../../export/xlsx', async (importOriginal) => ({
  ...(await importOriginal<typeof XlsxModule>()),
  toXlsx,
}));

const { TableExport } = await import('./table-export');

afterEach(() => {
  cleanup();
  downloadBytes.mockReset();
  toXlsx.mockClear();
});

const ROWS = [
  makeRecord('小召乡', '2022-04', { hazards_found: 12, hazards_rectified: 10 }),
  makeRecord('城关镇', '2022-04', { hazards_found: null }),
];
const FILTERS = { townships: [], from: '2022-04', to: '2022-04' };

describe('TableExport', () => {
  it('saves the filtered rows as template CSV with a BOM', async () => {
    render(
      <I18nProvider lang="zh-CN">
        <TableExport rows={ROWS} filters={FILTERS} />
      </I18nProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: '导出 CSV（模板格式）' }));
    await waitFor(() => expect(downloadBytes).toHaveBeenCalledTimes(1));
    const [bytes, name, mime] = downloadBytes.mock.calls[0] as [Uint8Array, string, string];
    expect(name).toBe('2022年04月_乡镇月报数据.csv');
    expect(mime).toBe('text/csv;charset=utf-8');
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).split('\r\n');
    expect(lines[0]).toMatch(/^乡镇（街道）,月份,/);
    expect(lines.filter((l) => l !== '')).toHaveLength(3);
    // Not reported stays an empty cell, never 0.
    expect(lines[2]?.startsWith('城关镇,2022-04,')).toBe(true);
  });

  it('saves XLSX with the template table and an English file name in English', async () => {
    render(
      <I18nProvider lang="en">
        <TableExport rows={ROWS} filters={FILTERS} />
      </I18nProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Export Excel (template format)' }));
    await waitFor(() => expect(downloadBytes).toHaveBeenCalledTimes(1));
    const [table, opts] = toXlsx.mock.calls[0] as unknown as [{ rows: unknown[] }, { sheetName: string }];
    expect(table.rows).toHaveLength(2);
    expect(opts.sheetName).toBe('Monthly data');
    expect(downloadBytes.mock.calls[0]?.[1]).toBe('2022年04月_township monthly data.xlsx');
  });
});
