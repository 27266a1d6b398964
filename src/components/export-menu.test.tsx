// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as XlsxModule from '../export/xlsx';
import type { ChartSpec } from '../charts/chart-spec';
import type { Lang } from '../i18n/i18n';

// ECharts needs a real canvas; jsdom has none. Rendering is replaced by recorders.
vi.mock('echarts-for-react/esm/core', () => ({ default: () => <div data-testid="echarts" /> }));
const downloadBytes = vi.fn();
const renderChartPng = vi.fn(
  (_option: unknown, size: { pixelRatio?: number }) =>
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, size.pixelRatio ?? 0]),
);
const renderChartSvg = vi.fn(() => '<svg xmlns="http://www.w3.org/2000/svg"></svg>');
vi.mock('../export/download', () => ({ downloadBytes, renderChartPng, renderChartSvg }));
// jsdom's Blob has no arrayBuffer(), which the XLSX writer needs; the writer itself is tested in
// node (src/export/xlsx.test.ts). Here: that the menu hands it the chart's table and saves the result.
const toXlsx = vi.fn(async () => new Uint8Array([0x50, 0x4b, 0x03, 0x04]));
vi.mock('../export/xlsx', async (importOriginal) => ({
  ...(await importOriginal<typeof XlsxModule>()),
  toXlsx,
}));

const { ChartFrame } = await import('./chart-frame');
const { ChartExportScope, describeFilters } = await import('./chart-export-scope');
const { ExportAllButton } = await import('./export-menu');
const { I18nProvider } = await import('./i18n-provider');

afterEach(() => {
  cleanup();
  downloadBytes.mockReset();
  renderChartPng.mockClear();
  renderChartSvg.mockClear();
});

const RATE: ChartSpec = {
  id: 'township-ranking',
  title: '各乡镇隐患整改率',
  option: { grid: { top: 40, bottom: 30 }, series: [{ type: 'bar', data: [95.2, 80] }] },
  table: {
    columns: [
      { key: 'township', label: '乡镇' },
      { key: 'rectification_rate', label: '整改率（%）' },
    ],
    rows: [
      ['东关街道', 95.2],
      ['=西关街道', null],
    ],
  },
  summary: '东关街道整改率最高。',
  empty: false,
};

const TREND: ChartSpec = { ...RATE, id: 'district-trend', title: '全区趋势' };
const EMPTY: ChartSpec = { ...RATE, id: 'empty', title: '无数据图', empty: true };

const META = {
  subtitle: '2024年3月 · 全部乡镇',
  period: '2024-03',
  generatedAt: '2024-04-02',
  source: '各乡镇月报',
};

function renderInScope(ui: React.ReactNode, lang: Lang = 'zh-CN') {
  return render(
    <I18nProvider lang={lang}>
      <ChartExportScope meta={META}>{ui}</ChartExportScope>
    </I18nProvider>,
  );
}

async function choose(title: string, item: string) {
  await userEvent.click(screen.getByRole('button', { name: `导出“${title}”` }));
  await userEvent.click(screen.getByRole('menuitem', { name: item }));
}

type Call = [Uint8Array | string, string, string];
const lastCall = () => downloadBytes.mock.calls.at(-1) as Call;

describe('ExportMenu on every ChartFrame', () => {
  it.each([
    ['图片 PNG（2倍，用于文档）', 2],
    ['图片 PNG（4倍，用于打印）', 4],
  ])('%s renders the decorated option at pixel ratio %i and names the file', async (item, ratio) => {
    renderInScope(<ChartFrame spec={RATE} />);
    await choose(RATE.title, item);
    await waitFor(() => expect(downloadBytes).toHaveBeenCalledTimes(1));
    const [option, size] = renderChartPng.mock.calls[0] as [Record<string, unknown>, { pixelRatio: number }];
    expect(size.pixelRatio).toBe(ratio);
    const title = (option.title as { text: string; subtext: string }[])[0];
    expect(title?.text).toBe('各乡镇隐患整改率');
    expect(title?.subtext).toBe('2024年3月 · 全部乡镇');
    expect(JSON.stringify(option.graphic)).toContain('数据来源：各乡镇月报');
    expect(JSON.stringify(option.graphic)).toContain('2024年4月2日');
    const [bytes, name, mime] = lastCall();
    expect(name).toBe('2024年03月_各乡镇隐患整改率.png');
    expect(mime).toBe('image/png');
    expect((bytes as Uint8Array)[4]).toBe(ratio);
  });

  it('exports SVG through the SVG renderer', async () => {
    renderInScope(<ChartFrame spec={RATE} />);
    await choose(RATE.title, '矢量图 SVG');
    await waitFor(() => expect(downloadBytes).toHaveBeenCalledTimes(1));
    expect(renderChartSvg).toHaveBeenCalledTimes(1);
    expect(lastCall().slice(1)).toEqual(['2024年03月_各乡镇隐患整改率.svg', 'image/svg+xml']);
  });

  it('exports the chart table as CSV with a BOM, numbers as numbers and formulas neutralised', async () => {
    renderInScope(<ChartFrame spec={RATE} />);
    await choose(RATE.title, '数据 CSV');
    await waitFor(() => expect(downloadBytes).toHaveBeenCalledTimes(1));
    const [bytes, name, mime] = lastCall();
    expect(name).toBe('2024年03月_各乡镇隐患整改率.csv');
    expect(mime).toBe('text/csv;charset=utf-8');
    const raw = bytes as Uint8Array;
    expect([...raw.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(raw.slice(3))).toBe(
      "乡镇,整改率（%）\r\n东关街道,95.2\r\n'=西关街道,\r\n",
    );
  });

  it('exports the chart table as XLSX with the title as sheet name', async () => {
    renderInScope(<ChartFrame spec={RATE} />);
    await choose(RATE.title, '数据 Excel（xlsx）');
    await waitFor(() => expect(downloadBytes).toHaveBeenCalledTimes(1));
    expect(toXlsx).toHaveBeenCalledWith(RATE.table, { sheetName: '各乡镇隐患整改率' });
    const [bytes, name, mime] = lastCall();
    expect(name).toBe('2024年03月_各乡镇隐患整改率.xlsx');
    expect(mime).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect([...(bytes as Uint8Array)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
  });

  it('shows an error instead of throwing when an export fails', async () => {
    toXlsx.mockRejectedValueOnce(new Error('磁盘已满'));
    renderInScope(<ChartFrame spec={RATE} />);
    await choose(RATE.title, '数据 Excel（xlsx）');
    expect(await screen.findByRole('alert')).toHaveTextContent('导出失败：磁盘已满');
    expect(downloadBytes).not.toHaveBeenCalled();
  });

  it('offers only data exports for an empty chart', async () => {
    renderInScope(<ChartFrame spec={EMPTY} />);
    await userEvent.click(screen.getByRole('button', { name: '导出“无数据图”' }));
    expect(screen.getAllByRole('menuitem').map((m) => m.textContent)).toEqual([
      '数据 CSV',
      '数据 Excel（xlsx）',
    ]);
  });

  it('closes the menu on Escape', async () => {
    renderInScope(<ChartFrame spec={RATE} />);
    await userEvent.click(screen.getByRole('button', { name: '导出“各乡镇隐患整改率”' }));
    expect(screen.getByRole('menu')).toBeInTheDocument();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('uses English labels and still works without a scope', async () => {
    render(
      <I18nProvider lang="en">
        <ChartFrame spec={RATE} exportMeta={{ generatedAt: '2024-04-02' }} />
      </I18nProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Export "各乡镇隐患整改率"' }));
    await userEvent.click(screen.getByRole('menuitem', { name: 'Data as CSV' }));
    await waitFor(() => expect(downloadBytes).toHaveBeenCalledTimes(1));
    // No period known: the name is just the title.
    expect(lastCall()[1]).toBe('各乡镇隐患整改率.csv');
  });

  it('has no menu when exportable is false', () => {
    renderInScope(<ChartFrame spec={RATE} exportable={false} />);
    expect(screen.queryByRole('button', { name: /导出/ })).toBeNull();
  });
});

describe('ExportAllButton', () => {
  it('zips a PNG and a CSV per registered chart, skipping images of empty charts', async () => {
    renderInScope(
      <>
        <ExportAllButton viewTitle="隐患" />
        <ChartFrame spec={RATE} />
        <ChartFrame spec={TREND} />
        <ChartFrame spec={EMPTY} />
        <ChartFrame spec={{ ...RATE, id: 'x', title: '不导出' }} exportable={false} />
      </>,
    );
    await userEvent.click(screen.getByRole('button', { name: '导出本页全部图表（ZIP）' }));
    await waitFor(() => expect(downloadBytes).toHaveBeenCalledTimes(1));
    const [bytes, name, mime] = lastCall();
    expect(name).toBe('2024年03月_隐患全部图表.zip');
    expect(mime).toBe('application/zip');
    expect(Object.keys(unzipSync(bytes as Uint8Array))).toEqual([
      '2024年03月_各乡镇隐患整改率.png',
      '2024年03月_各乡镇隐患整改率.csv',
      '2024年03月_全区趋势.png',
      '2024年03月_全区趋势.csv',
      '2024年03月_无数据图.csv',
    ]);
    expect(renderChartPng).toHaveBeenCalledTimes(2);
  });

  it("uses a chart's own metadata over the scope's", async () => {
    const own = { subtitle: '2024年1月至2024年3月 · 全部乡镇', period: { from: '2024-01', to: '2024-03' } };
    renderInScope(
      <>
        <ExportAllButton viewTitle="通报" />
        <ChartFrame spec={TREND} exportMeta={own} />
      </>,
    );
    await userEvent.click(screen.getByRole('button', { name: '导出本页全部图表（ZIP）' }));
    await waitFor(() => expect(downloadBytes).toHaveBeenCalledTimes(1));
    expect(Object.keys(unzipSync(lastCall()[0] as Uint8Array))).toEqual([
      '2024年01月-2024年03月_全区趋势.png',
      '2024年01月-2024年03月_全区趋势.csv',
    ]);
    const [option] = renderChartPng.mock.calls[0] as unknown as [{ title: { subtext: string }[] }];
    expect(option.title[0]?.subtext).toBe(own.subtitle);
  });

  it('is disabled when the view has no chart', () => {
    renderInScope(<ExportAllButton viewTitle="数据" />);
    expect(screen.getByRole('button', { name: '导出本页全部图表（ZIP）' })).toBeDisabled();
  });
});

describe('describeFilters', () => {
  it.each<[Lang, Parameters<typeof describeFilters>[1], string, unknown]>([
    [
      'zh-CN',
      { from: '2024-01', to: '2024-03', townships: [] },
      '2024年1月至2024年3月 · 全部乡镇',
      { from: '2024-01', to: '2024-03' },
    ],
    ['zh-CN', { from: '2024-03', to: '2024-03', townships: ['东关街道'] }, '2024年3月 · 东关街道', '2024-03'],
    [
      'zh-CN',
      { from: null, to: null, townships: [], dataPeriods: ['2023-11', '2023-12'] },
      '2023年11月至2023年12月 · 全部乡镇',
      { from: '2023-11', to: '2023-12' },
    ],
    ['zh-CN', { from: null, to: null, townships: [] }, '全部乡镇', null],
    [
      'zh-CN',
      { from: '2024-01', to: '2024-01', townships: ['甲', '乙', '丙', '丁', '戊'], sector: 'construction' },
      '2024年1月 · 甲、乙、丙等5个乡镇 · 建筑施工',
      '2024-01',
    ],
    ['en', { from: '2024-03', to: '2024-03', townships: [] }, '2024-03 · All townships', '2024-03'],
  ])('%s %j → %s', (lang, filters, subtitle, period) => {
    const d = describeFilters(lang, filters);
    expect(d.subtitle).toBe(subtitle);
    expect(d.period).toEqual(period);
  });
});
