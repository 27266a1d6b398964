// @vitest-environment jsdom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { byItemIndex, type ChartSpec } from '../charts/chart-spec';
import { ChartFrame } from './chart-frame';
import { I18nProvider } from './i18n-provider';
import { KpiCard } from './kpi-card';

// ECharts needs a real canvas; jsdom has none. The stand-in records what the frame passes on.
const chartProps: Record<string, unknown>[] = [];
vi.mock('echarts-for-react/esm/core', () => ({
  default: (props: Record<string, unknown>) => {
    chartProps.push(props);
    return <div data-testid="echarts" />;
  },
}));

afterEach(() => {
  cleanup();
  chartProps.length = 0;
});

const SPEC: ChartSpec = {
  id: 'hazards-trend',
  title: '隐患排查趋势',
  option: { series: [{ type: 'line', data: [3, null, 5] }] },
  table: {
    columns: [
      { key: 'period', label: '月份' },
      { key: 'hazards_found', label: '排查隐患（处）' },
    ],
    rows: [
      ['2022-03', 3],
      ['2022-04', null],
      ['2022-05', 5],
    ],
  },
  summary: '2022-05 排查隐患 5 处，比上月无可比数据。',
  empty: false,
  interactions: byItemIndex([{ period: '2022-03' }, { period: '2022-04' }, { period: '2022-05' }]),
};

describe('ChartFrame', () => {
  it('shows title, visible summary and the chart with notMerge', () => {
    render(<ChartFrame spec={SPEC} />);
    expect(screen.getByRole('heading', { name: '隐患排查趋势' })).toBeInTheDocument();
    expect(screen.getByText(SPEC.summary)).toBeVisible();
    expect(screen.getByTestId('echarts')).toBeInTheDocument();
    expect(chartProps.at(-1)).toMatchObject({ option: SPEC.option, notMerge: true });
  });

  it('draws the first option as given (it may grow in) and later ones without entry animation', () => {
    const { rerender } = render(<ChartFrame spec={SPEC} />);
    expect(chartProps.at(-1)?.option).toBe(SPEC.option);
    const next = { ...SPEC, option: { series: [{ type: 'line', data: [3, null, 5, 6] }] } };
    rerender(<ChartFrame spec={next} />);
    expect(chartProps.at(-1)?.option).toEqual({ ...next.option, animation: false });
    // The same option again is the same object: ECharts is not asked to draw it twice.
    const drawn = chartProps.at(-1)?.option;
    rerender(<ChartFrame spec={next} />);
    expect(chartProps.at(-1)?.option).toBe(drawn);
  });

  it('toggles to an accessible table with caption, null shown as 未填', async () => {
    const user = userEvent.setup();
    render(<ChartFrame spec={SPEC} />);
    await user.click(screen.getByRole('button', { name: '以表格显示' }));
    const table = screen.getByRole('table', { name: '隐患排查趋势' });
    const rows = within(table).getAllByRole('row');
    expect(rows.map((r) => r.textContent)).toEqual([
      '月份排查隐患（处）',
      '2022-033',
      '2022-04未填',
      '2022-055',
    ]);
    expect(screen.queryByTestId('echarts')).toBeNull();
    await user.click(screen.getByRole('button', { name: '以图表显示' }));
    expect(screen.getByTestId('echarts')).toBeInTheDocument();
  });

  it('shows an empty state instead of a chart when the spec is empty', () => {
    render(<ChartFrame spec={{ ...SPEC, empty: true }} />);
    expect(screen.getByText('当前筛选条件下没有可显示的数据。')).toBeInTheDocument();
    expect(screen.queryByTestId('echarts')).toBeNull();
    expect(screen.queryByRole('button', { name: '以表格显示' })).toBeNull();
  });

  it('resolves a chart click through the interaction map of the spec, ignoring clicks it does not map', () => {
    const onSelect = vi.fn();
    render(<ChartFrame spec={SPEC} onSelect={onSelect} actions={<button type="button">导出</button>} />);
    expect(screen.getByRole('button', { name: '导出' })).toBeInTheDocument();
    const click = (chartProps.at(-1)?.onEvents as { click: (p: unknown) => void }).click;
    // The item's label is not what is read: its index is.
    click({ componentType: 'series', seriesIndex: 0, dataIndex: 1, name: '4月', value: null });
    click({ componentType: 'series', seriesIndex: 0, value: 1 });
    click({ componentType: 'xAxis', targetType: 'axisLabel', dataIndex: 0, value: '2022-03' });
    expect(onSelect).toHaveBeenCalledTimes(1);
    expect(onSelect).toHaveBeenCalledWith({ period: '2022-04' });
  });

  it('makes the labels of mapped axes clickable and registers no handler without onSelect', () => {
    const spec = {
      ...SPEC,
      option: { ...SPEC.option, yAxis: { type: 'category' } },
      interactions: { byDataIndex: () => null, yAxis: [{ township: '城关镇' }] },
    };
    const onSelect = vi.fn();
    render(<ChartFrame spec={spec} onSelect={onSelect} />);
    expect(chartProps.at(-1)?.option).toMatchObject({ yAxis: { type: 'category', triggerEvent: true } });
    (chartProps.at(-1)?.onEvents as { click: (p: unknown) => void }).click({
      componentType: 'yAxis',
      targetType: 'axisLabel',
      dataIndex: 0,
      value: '城关镇',
    });
    expect(onSelect).toHaveBeenCalledWith({ township: '城关镇' });
    cleanup();
    render(<ChartFrame spec={spec} />);
    expect(chartProps.at(-1)?.onEvents).toBeUndefined();
    expect(chartProps.at(-1)?.option).toBe(spec.option);
  });
});

describe('ChartFrame deferOffscreen (issue 13: a filter change redraws what is on screen)', () => {
  const observers: { callback: IntersectionObserverCallback; observed: Element[] }[] = [];
  class FakeObserver {
    readonly entry: { callback: IntersectionObserverCallback; observed: Element[] };
    constructor(callback: IntersectionObserverCallback) {
      this.entry = { callback, observed: [] };
      observers.push(this.entry);
    }
    observe(el: Element) {
      this.entry.observed.push(el);
    }
    disconnect() {
      this.entry.observed.length = 0;
    }
  }
  const scroll = (isIntersecting: boolean) =>
    act(() => {
      for (const o of observers)
        if (o.observed.length > 0)
          o.callback(
            [{ isIntersecting } as IntersectionObserverEntry],
            {} as unknown as IntersectionObserver,
          );
    });
  const NEXT: ChartSpec = {
    ...SPEC,
    option: { series: [{ type: 'line', data: [7, 8] }] },
    summary: '2022-07 排查隐患 8 处。',
    interactions: byItemIndex([{ period: '2022-06' }, { period: '2022-07' }]),
  };
  const click = (dataIndex: number) =>
    (chartProps.at(-1)?.onEvents as { click: (p: unknown) => void }).click({
      componentType: 'series',
      seriesIndex: 0,
      dataIndex,
    });

  afterEach(() => {
    vi.unstubAllGlobals();
    observers.length = 0;
  });

  it('keeps the drawn option and its clicks off screen, and draws the new one when scrolled near', () => {
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    const onSelect = vi.fn();
    const { rerender } = render(<ChartFrame spec={SPEC} onSelect={onSelect} deferOffscreen />);
    expect(chartProps.at(-1)?.option).toBe(SPEC.option);
    scroll(false);
    rerender(<ChartFrame spec={NEXT} onSelect={onSelect} deferOffscreen />);
    // The words are current at once; the canvas off screen still shows (and resolves) the old.
    expect(screen.getByText(NEXT.summary)).toBeVisible();
    expect(chartProps.at(-1)?.option).toBe(SPEC.option);
    click(1);
    expect(onSelect).toHaveBeenLastCalledWith({ period: '2022-04' });
    scroll(true);
    expect(chartProps.at(-1)?.option).toEqual({ ...NEXT.option, animation: false });
    expect(chartProps.at(-1)?.lazyUpdate).toBe(true);
    click(1);
    expect(onSelect).toHaveBeenLastCalledWith({ period: '2022-07' });
  });

  it('draws everything at once, synchronously, before printing', () => {
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    const { rerender } = render(<ChartFrame spec={SPEC} deferOffscreen />);
    scroll(false);
    rerender(<ChartFrame spec={NEXT} deferOffscreen />);
    expect(chartProps.at(-1)?.option).toBe(SPEC.option);
    act(() => {
      window.dispatchEvent(new Event('beforeprint'));
    });
    expect(chartProps.at(-1)).toMatchObject({ option: NEXT.option, lazyUpdate: false });
  });

  it('always draws the current option without deferOffscreen (the 通报 page, exports)', () => {
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    const { rerender } = render(<ChartFrame spec={SPEC} />);
    scroll(false);
    rerender(<ChartFrame spec={NEXT} />);
    expect(chartProps.at(-1)?.option).toEqual({ ...NEXT.option, animation: false });
    expect(observers).toHaveLength(0);
  });
});

describe('KpiCard', () => {
  it.each([
    [{ ratio: 0.125 }, '环比 ↑ 12.5%', 'kpi__delta--good'],
    [{ ratio: -0.5 }, '环比 ↓ 50%', 'kpi__delta--bad'],
    [{ ratio: null }, '环比 —', 'kpi__delta--na'],
  ])('shows month-on-month %j', (mom, text, cls) => {
    render(<KpiCard label="排查隐患" value={1234} unit="处" mom={mom} />);
    const delta = screen.getByText(text);
    expect(delta).toHaveClass(cls);
    expect(screen.getByText('1,234')).toBeInTheDocument();
  });

  it('shows null as 未填, never 0, and marks approximate values', () => {
    const { rerender } = render(<KpiCard label="培训" value={null} yoy={null} />);
    expect(screen.getByText('未填')).toHaveClass('badge-null');
    expect(screen.getByText('同比 —')).toBeInTheDocument();
    rerender(
      <I18nProvider lang="en">
        <KpiCard label="Trainings" value={380} approx higherIsBetter={false} mom={{ ratio: 0.1 }} />
      </I18nProvider>,
    );
    expect(screen.getByTitle('Approximate')).toHaveTextContent('380*');
    expect(screen.getByText('MoM ↑ 10%')).toHaveClass('kpi__delta--bad');
  });
});
