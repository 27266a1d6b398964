// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EMPTY_DATASET, type Dataset } from '../../domain/records';
import type { IngestRunner } from '../../features/import/ingest-runner';
import { tm } from '../../store/test-support';
import type { DataStore } from '../../store/types';
import { DASHBOARD_VIEWS } from './dashboard-routes';
import { defaultViewState, type ViewState } from '../url-state';
import type { ViewContext } from './route-types';

vi.mock('echarts-for-react/esm/core', () => ({ default: () => <div data-testid="echarts" /> }));

afterEach(cleanup);

const DATASET: Dataset = {
  ...EMPTY_DATASET,
  townshipMonths: [
    tm('小召乡', '2022-03', { hazards_found: 20, hazards_rectified: 18 }),
    tm('小召乡', '2022-04', { hazards_found: 30, hazards_rectified: 27 }),
    tm('城关镇', '2022-04', { hazards_found: 12, hazards_rectified: 12 }),
  ],
};

function ctxFor(dataset: Dataset, patch: Partial<ViewState> = {}) {
  const setState = vi.fn();
  const ctx: ViewContext = {
    snapshot: { dataset, imports: [], version: 1 },
    store: {} as DataStore,
    runner: {} as IngestRunner,
    state: { ...defaultViewState(DASHBOARD_VIEWS.map((v) => v.id)), ...patch },
    setState,
    now: () => '2022-05-01T00:00:00.000Z',
  };
  return { ctx, setState };
}

const view = (id: string) => DASHBOARD_VIEWS.find((v) => v.id === id)!;

describe('dashboard views', () => {
  it('lists 总览 first, then 隐患, 培训, 对比, 报送', () => {
    expect(DASHBOARD_VIEWS.map((v) => v.id)).toEqual([
      'overview',
      'hazards',
      'training',
      'compare',
      'submissions',
    ]);
  });

  it.each(DASHBOARD_VIEWS.map((v) => [v.id]))(
    '%s: without data, says so and offers the import',
    async (id) => {
      const user = userEvent.setup();
      const { ctx, setState } = ctxFor(EMPTY_DATASET);
      render(<>{view(id).render(ctx)}</>);
      expect(screen.queryByTestId('filter-bar')).toBeNull();
      await user.click(screen.getByRole('button', { name: '前往导入' }));
      expect(setState).toHaveBeenCalledWith({ view: 'data' });
    },
  );

  it.each(DASHBOARD_VIEWS.map((v) => [v.id]))('%s: renders its charts under the filter bar', async (id) => {
    const { ctx } = ctxFor(DATASET, { view: id });
    render(<>{view(id).render(ctx)}</>);
    expect(screen.getByTestId('filter-bar')).toBeInTheDocument();
    // Views other than 总览 load on demand (lazy-view.tsx): their charts arrive with their chunk.
    expect((await screen.findAllByRole('heading', { level: 3 })).length).toBeGreaterThan(0);
  });

  it('uses the latest month with data as the overview month by default', () => {
    const { ctx } = ctxFor(DATASET);
    render(<>{view('overview').render(ctx)}</>);
    expect(screen.getByRole('heading', { name: '2022年4月 主要指标' })).toBeInTheDocument();
    expect(within(screen.getByTestId('kpi-hazards_found')).getByText('42')).toBeInTheDocument();
  });

  it('follows the township filter and explains an unknown one with a way out', async () => {
    const user = userEvent.setup();
    const filtered = ctxFor(DATASET, { townships: ['城关镇'] });
    render(<>{view('overview').render(filtered.ctx)}</>);
    expect(within(screen.getByTestId('kpi-hazards_found')).getByText('12')).toBeInTheDocument();
    cleanup();

    const { ctx, setState } = ctxFor(DATASET, { townships: ['不存在乡'] });
    render(<>{view('hazards').render(ctx)}</>);
    expect(await screen.findByText('筛选条件下没有乡镇（街道）。')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '清除筛选' }));
    expect(setState).toHaveBeenCalledWith({ from: null, to: null, townships: [], sector: null });
  });

  it('opens the detail panel for the cell in the URL and closes it', async () => {
    const user = userEvent.setup();
    const { ctx, setState } = ctxFor(DATASET, {
      view: 'hazards',
      cell: { township: '小召乡', period: '2022-04' },
    });
    render(<>{view('hazards').render(ctx)}</>);
    const panel = await screen.findByRole('dialog', { name: '小召乡 2022年4月 月报详情' }, { timeout: 10_000 });
    expect(within(panel).getByText('fixture.csv 第 3 行')).toBeInTheDocument();
    await user.click(within(panel).getByRole('button', { name: '关闭详情' }));
    expect(setState).toHaveBeenCalledWith({ cell: null });
  });
});
