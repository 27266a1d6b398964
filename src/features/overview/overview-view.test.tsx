// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildCube } from '../../analysis/cube';
import type { Filters } from '../../analysis/metrics';
import { EMPTY_DATASET, type TownshipMonthRecord } from '../../domain/records';
import { townshipMonthRecord, type NumericValues } from '../../testing/factories';
import { OverviewView } from './overview-view';

// ECharts needs a real canvas; jsdom has none.
vi.mock('echarts-for-react/esm/core', () => ({ default: () => <div data-testid="echarts" /> }));

afterEach(cleanup);

const rec = (township: string, period: string, values: NumericValues): TownshipMonthRecord =>
  townshipMonthRecord(township, period, values, { report_date: `${period}-20` });

const filtersOf = (from: string, to: string): Filters => ({ from, to, townships: null, sector: null });

describe('OverviewView', () => {
  it('shows "—" for month-on-month and year-on-year when the data has a single month', () => {
    const cube = buildCube({
      ...EMPTY_DATASET,
      townshipMonths: [
        rec('小召乡', '2024-04', { hazards_found: 30, hazards_rectified: 27, trainings_held: 2 }),
      ],
    });
    render(<OverviewView cube={cube} filters={filtersOf('2024-04', '2024-04')} onTownshipSelect={vi.fn()} />);
    const card = screen.getByTestId('kpi-hazards_found');
    expect(within(card).getByText('30')).toBeInTheDocument();
    expect(within(card).getByText('环比 —')).toBeInTheDocument();
    expect(within(card).getByText('同比 —')).toBeInTheDocument();
    // A field nobody filled shows 未填, never 0.
    expect(within(screen.getByTestId('kpi-accidents')).getByText('未填')).toBeInTheDocument();
  });

  it('shows a real change when both months are there, and "—" after a 0', () => {
    const cube = buildCube({
      ...EMPTY_DATASET,
      townshipMonths: [
        rec('小召乡', '2024-03', { hazards_found: 20, accidents: 0 }),
        rec('小召乡', '2024-04', { hazards_found: 30, accidents: 1 }),
      ],
    });
    render(<OverviewView cube={cube} filters={filtersOf('2024-03', '2024-04')} onTownshipSelect={vi.fn()} />);
    expect(within(screen.getByTestId('kpi-hazards_found')).getByText('环比 ↑ 50%')).toBeInTheDocument();
    expect(within(screen.getByTestId('kpi-accidents')).getByText('环比 —')).toBeInTheDocument();
  });

  it('lists townships needing attention with the reason, and filters to one on click', async () => {
    const user = userEvent.setup();
    const onSelect = vi.fn();
    const cube = buildCube({
      ...EMPTY_DATASET,
      townshipMonths: [
        rec('小召乡', '2024-04', { hazards_found: 20, hazards_rectified: 5 }),
        rec('城关镇', '2024-03', { hazards_found: 2, hazards_rectified: 2 }),
      ],
    });
    render(
      <OverviewView
        cube={cube}
        filters={filtersOf('2024-03', '2024-04')}
        onTownshipSelect={onSelect}
        extraAttentionItems={[
          { key: 'r1', township: '小召乡', label: '问题反复', reason: '连续3个月反映同类问题' },
        ]}
      />,
    );
    const list = within(screen.getByTestId('attention-list'));
    const items = list.getAllByRole('listitem');
    // No report first, then the low rate, then the slot's items.
    expect(items.map((li) => li.querySelector('.attention-item__tag')?.textContent)).toEqual([
      '未报送',
      '整改率低',
      '问题反复',
    ]);
    expect(items[1]).toHaveTextContent('25.0%');
    expect(screen.getByTestId('overview-coverage')).toHaveTextContent('本月有 1 个乡镇（街道）未报送');
    await user.click(list.getByRole('button', { name: '只看 城关镇' }));
    expect(onSelect).toHaveBeenCalledWith('城关镇');
  });

  it('a city: lists the first 5 of each kind, says how many more, and shows all on request', async () => {
    const user = userEvent.setup();
    const names = Array.from({ length: 30 }, (_, i) => `测试${i}镇`);
    // 12 townships did not report in April; 18 did, each with a low rectification rate.
    const cube = buildCube({
      ...EMPTY_DATASET,
      townshipMonths: names.flatMap((n, i) => [
        rec(n, '2024-03', { hazards_found: 2, hazards_rectified: 2 }),
        ...(i < 12 ? [] : [rec(n, '2024-04', { hazards_found: 20, hazards_rectified: 1 })]),
      ]),
    });
    render(
      <OverviewView cube={cube} filters={filtersOf('2024-03', '2024-04')} onTownshipSelect={() => {}} />,
    );
    const list = within(screen.getByTestId('attention-list'));
    const tags = () =>
      list.getAllByRole('listitem').map((li) => li.querySelector('.attention-item__tag')?.textContent);
    expect(tags()).toEqual([...Array(5).fill('未报送'), ...Array(5).fill('整改率低')]);
    expect(list.getByText('每类只列前 5 条，另有 20 条未列出。')).toBeInTheDocument();
    const more = list.getByRole('button', { name: '显示全部 30 条' });
    expect(more).toHaveAttribute('aria-expanded', 'false');
    await user.click(more);
    expect(tags()).toHaveLength(30);
    await user.click(list.getByRole('button', { name: '每类只显示前 5 条' }));
    expect(tags()).toHaveLength(10);
  });
});
