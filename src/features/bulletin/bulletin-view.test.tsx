// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dataset, sampleDistrict } from '../../analysis/test-fixtures';
import { I18nProvider } from '../../components/i18n-provider';
import type { Lang } from '../../i18n/i18n';
import { BulletinView, type BulletinViewProps } from './bulletin-view';

// ECharts needs a real canvas; jsdom has none. Rendering and saving are recorded instead.
vi.mock('echarts-for-react/esm/core', () => ({ default: () => <div data-testid="echarts" /> }));
const { downloadBytes, renderChartPng } = vi.hoisted(() => ({
  downloadBytes: vi.fn(),
  renderChartPng: vi.fn((_option: unknown, _size: unknown) => new Uint8Array([0x89, 0x50])),
}));
vi.mock('../../export/download', () => ({ downloadBytes, renderChartPng, renderChartSvg: vi.fn() }));

afterEach(() => {
  cleanup();
  downloadBytes.mockReset();
  renderChartPng.mockClear();
});

function show(props: Partial<BulletinViewProps> = {}, lang: Lang = 'zh-CN') {
  return render(
    <I18nProvider lang={lang}>
      <BulletinView dataset={sampleDistrict()} today="2024-05-06" {...props} />
    </I18nProvider>,
  );
}

const title = () => screen.getByRole('heading', { level: 1 }).textContent;

describe('BulletinView', () => {
  it('opens on the latest month with the dataset district and a derived issuing office', () => {
    show();
    expect(title()).toBe('关于示例区2024年4月乡镇（街道）安全生产工作月报告情况的通报');
    expect(screen.getByText('示例区安全生产委员会办公室', { selector: '.bulletin-meta span' })).toBeVisible();
    expect(screen.getByText('数据截至2024年5月6日')).toBeVisible();
    expect(screen.getByRole('combobox', { name: '通报月份' })).toHaveValue('2024-04');
  });

  it('shows the three key charts, each with its own export menu', () => {
    show();
    const charts = screen.getAllByRole('figure');
    expect(charts).toHaveLength(3);
    for (const fig of charts) expect(within(fig).getByRole('button', { name: /^导出“/ })).toBeVisible();
  });

  it.each([
    // The ranking is one month; the trend spans twelve months back (the data starts 2023-03).
    [0, '2024年4月', '2024年04月_'],
    [1, '2023年5月至2024年4月 · 全部乡镇', '2023年05月-2024年04月_'],
  ])('labels exported chart %i with its own period', async (index, subtitle, prefix) => {
    show();
    const figure = screen.getAllByRole('figure')[index]!;
    await userEvent.click(within(figure).getByRole('button', { name: /^导出“/ }));
    await userEvent.click(screen.getByRole('menuitem', { name: '图片 PNG（2倍，用于文档）' }));
    // The export code loads on the first export (components/chart-export.ts).
    await waitFor(() => expect(downloadBytes).toHaveBeenCalled());
    const [option] = renderChartPng.mock.calls[0] as unknown as [{ title: { subtext: string }[] }];
    expect(option.title[0]?.subtext).toBe(subtitle);
    expect(String(downloadBytes.mock.calls[0]?.[1])).toMatch(new RegExp(`^${prefix}.+\\.png$`));
  });

  it('rebuilds the bulletin for the picked month', async () => {
    show();
    await userEvent.selectOptions(screen.getByRole('combobox', { name: '通报月份' }), '2024-02');
    expect(title()).toContain('2024年2月');
  });

  it('uses saved settings, and edits to the title block apply at once', async () => {
    show({
      settings: { districtName: '云川区', issuingOffice: '云川区安委办', dueDay: 20 },
      initialMonth: '2024-01',
    });
    expect(title()).toBe('关于云川区2024年1月乡镇（街道）安全生产工作月报告情况的通报');
    const office = screen.getByRole('textbox', { name: '发文单位' });
    expect(office).toHaveValue('云川区安委办');
    await userEvent.clear(office);
    await userEvent.type(office, '云川区安全生产委员会办公室');
    expect(screen.getByText('云川区安全生产委员会办公室', { selector: '.bulletin-meta span' })).toBeVisible();
  });

  it('ignores an initial month outside the data', () => {
    show({ initialMonth: '2030-01' });
    expect(screen.getByRole('combobox', { name: '通报月份' })).toHaveValue('2024-04');
  });

  it('asks for data when there is none', () => {
    show({ dataset: dataset({}) });
    expect(screen.getByText(/还没有数据/)).toBeVisible();
    expect(screen.queryByRole('heading', { level: 1 })).toBeNull();
  });

  it('renders in English', () => {
    show({}, 'en');
    expect(screen.getByRole('combobox', { name: 'Bulletin month' })).toHaveValue('2024-04');
    expect(screen.getByRole('textbox', { name: 'Issuing office' })).toHaveValue(
      '示例区 Work Safety Committee Office',
    );
  });
});
