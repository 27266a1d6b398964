import { afterEach, describe, expect, it, vi } from 'vitest';

const downloadBytes = vi.fn();
vi.mock('../export/download', () => ({ downloadBytes }));

const { downloadBlob, downloadCsv } = await import('./save-file');

afterEach(() => downloadBytes.mockReset());

describe('save-file wrappers', () => {
  it('saves CSV through downloadBytes as UTF-8 with a BOM', () => {
    downloadCsv('乡镇,月份\r\n东关街道,2022-04\r\n', '东关街道-被拒绝的行.csv');
    expect(downloadBytes).toHaveBeenCalledTimes(1);
    const [bytes, name, mime] = downloadBytes.mock.calls[0] as [Uint8Array, string, string];
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3))).toBe('乡镇,月份\r\n东关街道,2022-04\r\n');
    expect(name).toBe('东关街道-被拒绝的行.csv');
    expect(mime).toBe('text/csv;charset=utf-8');
  });

  it('passes other content through unchanged', () => {
    downloadBlob('{"format":"tsd-backup"}', '备份.json', 'application/json');
    expect(downloadBytes).toHaveBeenCalledWith('{"format":"tsd-backup"}', '备份.json', 'application/json');
  });
});
