// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CategoryCode } from '../../analysis/problems/types';
import { I18nProvider } from '../../components/i18n-provider';
import type { Lang } from '../../i18n/i18n';
import { createProblemEditsController, type ProblemEditsController } from './problem-edits-controller';
import { createMemoryEditsRepository, type ProblemEditsRepository } from './problem-edits-repository';
import type { ProblemFilters } from './problem-model';
import { ProblemsView } from './problems-view';
import { ENTERPRISE, problemsDataset } from './test-data';

// ECharts needs a real canvas; jsdom has none. The stand-in records the props (options, click handlers).
const charts: { option: { series?: { type?: string }[] }; onEvents?: { click?: (p: unknown) => void } }[] =
  [];
vi.mock('echarts-for-react/esm/core', () => ({
  default: (props: (typeof charts)[number]) => {
    charts.push(props);
    return <div data-testid="echarts" />;
  },
}));

afterEach(() => {
  cleanup();
  charts.length = 0;
});

const HEATMAP = '各乡镇问题类别出现月数';

interface Harness {
  readonly repo: ProblemEditsRepository;
  readonly controller: ProblemEditsController;
  readonly calls: { townships: (readonly string[])[]; category: (CategoryCode | null)[] };
}

/** Renders the view with URL-like state kept in React state, as the app does. */
async function setup(lang: Lang = 'zh-CN'): Promise<Harness> {
  const repo = createMemoryEditsRepository();
  const controller = createProblemEditsController(repo);
  const calls: Harness['calls'] = { townships: [], category: [] };
  const dataset = problemsDataset();
  function Host() {
    const [filters, setFilters] = useState<ProblemFilters>({ from: null, to: null, townships: [] });
    const [category, setCategory] = useState<CategoryCode | null>(null);
    const [pt, setPt] = useState<string | null>(null);
    return (
      <I18nProvider lang={lang}>
        <ProblemsView
          dataset={dataset}
          controller={controller}
          filters={filters}
          category={category}
          timelineTownship={pt}
          onTownshipsChange={(townships) => {
            calls.townships.push(townships);
            setFilters((f) => ({ ...f, townships }));
          }}
          onCategoryChange={(c) => {
            calls.category.push(c);
            setCategory(c);
          }}
          onTimelineTownshipChange={setPt}
        />
      </I18nProvider>
    );
  }
  render(<Host />);
  await controller.settled();
  return { repo, controller, calls };
}

/** Shows a chart's data table and returns it as { header, rows: township → cells }. */
async function chartTable(title: string) {
  const user = userEvent.setup();
  const frame = screen.getByRole('region', { name: title });
  const toggle = within(frame).queryByRole('button', { name: '以表格显示' });
  if (toggle) await user.click(toggle);
  const table = within(frame).getByRole('table');
  const [head, ...body] = within(table).getAllByRole('row');
  const header = within(head!)
    .getAllByRole('columnheader')
    .map((c) => c.textContent);
  const rows = new Map(
    body.map((r) => {
      const cells = within(r)
        .getAllByRole('cell')
        .map((c) => c.textContent);
      return [cells[0], cells] as const;
    }),
  );
  return {
    header,
    rows,
    cell: (township: string, column: string) => rows.get(township)?.[header.indexOf(column)],
  };
}

const P01 = '企业主体责任落实不到位';
const P05 = '从业人员和群众安全意识淡薄';
const P06 = '教育培训和宣传不到位';

describe('ProblemsView', () => {
  it('shows chronic problems with streaks and the statements behind them, keywords in <mark>', async () => {
    await setup();
    const list = screen.getByTestId('chronic-list');
    const items = within(list)
      .getAllByRole('listitem')
      .filter((li) => li.classList.contains('problems-chronic__item'));
    expect(
      items.map((li) => [
        within(li).getAllByRole('button')[0]!.textContent,
        within(li).getByTestId('streak').textContent,
      ]),
    ).toEqual([
      [`小召乡 · ${P01}`, '连续4个月'],
      [`城关镇 · ${P06}`, '连续3个月'],
    ]);
    const first = within(items[0]!).getAllByTestId('problem-statement')[0]!;
    expect(first).toHaveTextContent(ENTERPRISE);
    const marks = [...first.querySelectorAll('mark')].map((m) => m.textContent);
    expect(marks.length).toBeGreaterThan(1);
    // Every highlighted piece is a matched keyword, in reading order.
    expect(marks).toEqual(['企业', '主体责任', '企业负责人', '意识淡薄']);
  });

  it('reassigning a statement changes the heatmap table at once and saves the edit', async () => {
    const { repo, controller } = await setup();
    const user = userEvent.setup();
    const before = await chartTable(HEATMAP);
    expect(before.cell('小召乡', P01)).toBe('4');
    expect(before.header).not.toContain(P05);

    await user.selectOptions(screen.getByRole('combobox', { name: '小召乡2022-04第1条问题的类别' }), 'P05');

    const after = await chartTable(HEATMAP);
    expect(after.cell('小召乡', P01)).toBe('3');
    expect(after.cell('小召乡', P05)).toBe('1');
    expect(after.cell('城关镇', P05)).toBe('0');
    // The streak now ends before the window end: 小召乡 drops out of the chronic list.
    expect(within(screen.getByTestId('chronic-list')).queryByText(`小召乡 · ${P01}`)).toBeNull();
    await controller.settled();
    expect([...(await repo.load()).reassign.values()]).toEqual(['P05']);
  });

  it('reflects rename and merge from the management panel everywhere', async () => {
    await setup();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: '管理类别' }));
    const rename = screen.getByRole('form', { name: '重命名' });
    await user.selectOptions(within(rename).getByRole('combobox', { name: '类别' }), 'P01');
    await user.type(within(rename).getByRole('textbox', { name: '新名称' }), '企业责任不落实');
    await user.click(within(rename).getByRole('button', { name: '重命名' }));
    expect(screen.getByRole('button', { name: '小召乡 · 企业责任不落实' })).toBeInTheDocument();
    expect((await chartTable(HEATMAP)).header).toContain('企业责任不落实');

    const merge = screen.getByRole('form', { name: '合并类别' });
    await user.selectOptions(within(merge).getByRole('combobox', { name: '将类别' }), 'P06');
    await user.selectOptions(within(merge).getByRole('combobox', { name: '并入' }), 'P05');
    await user.click(within(merge).getByRole('button', { name: '合并' }));
    expect(screen.getByRole('button', { name: `城关镇 · ${P05}` })).toBeInTheDocument();
    const table = await chartTable(HEATMAP);
    expect(table.header).not.toContain(P06);
    expect(table.cell('城关镇', P05)).toBe('3');
    expect(within(merge).getByText(`“${P06}”已并入“${P05}”`)).toBeInTheDocument();

    // A refused edit says why and changes nothing.
    await user.selectOptions(within(merge).getByRole('combobox', { name: '将类别' }), 'P06');
    await user.selectOptions(within(merge).getByRole('combobox', { name: '并入' }), 'P05');
    await user.click(within(merge).getByRole('button', { name: '合并' }));
    expect(screen.getByText(/已是同一类别/)).toBeInTheDocument();
  });

  it('cross-filters: a heatmap cell selects its township and category', async () => {
    const { calls } = await setup();
    const heatmap = charts.findLast((c) => c.option.series?.[0]?.type === 'heatmap' && c.onEvents?.click);
    const table = await chartTable(HEATMAP);
    const x = table.header.indexOf(P06) - 1;
    const y = [...table.rows.keys()].indexOf('城关镇');
    // What ECharts passes for a heatmap item: row-major data index (township y, category x).
    const categories = table.header.length - 1;
    heatmap!.onEvents!.click!({
      componentType: 'series',
      seriesIndex: 0,
      dataIndex: y * categories + x,
      name: P06,
      seriesName: HEATMAP,
      value: [x, y, 3],
    });
    await waitFor(() => expect(calls.townships).toEqual([['城关镇']]));
    expect(calls.category).toEqual(['P06']);
    // Axis labels too: a township name filters to it, a category name selects the category.
    const latest = charts.findLast((c) => c.option.series?.[0]?.type === 'heatmap' && c.onEvents?.click);
    latest!.onEvents!.click!({
      targetType: 'axisLabel',
      componentType: 'yAxis',
      value: '城关镇',
      tickIndex: 0,
      dataIndex: 0,
    });
    latest!.onEvents!.click!({
      targetType: 'axisLabel',
      componentType: 'xAxis',
      value: P01,
      tickIndex: 0,
      dataIndex: 0,
    });
    await waitFor(() => expect(calls.category).toEqual(['P06', 'P01']));
    expect(calls.townships).toEqual([['城关镇'], ['城关镇']]);
    await userEvent.setup().selectOptions(screen.getByRole('combobox', { name: '问题类别' }), 'P06');
    // The statement list now shows 城关镇's statements of that category.
    expect(within(screen.getByTestId('statement-list')).getAllByTestId('problem-statement')).toHaveLength(3);
  });

  it('keeps the streak numbers in a short timeline (4 months) and names the township', async () => {
    await setup();
    expect(screen.getByRole('combobox', { name: '时间线乡镇' })).toHaveValue('小召乡');
    const timeline = charts.findLast(
      (c) => (c.option as { xAxis?: { data?: string[] } }).xAxis?.data?.[0] === '2022-01',
    );
    const series = timeline!.option.series as { type: string; label: { show: boolean } }[];
    expect(series.map((x) => [x.type, x.label.show])).toEqual([['heatmap', true]]);
  });

  it('renders in English', async () => {
    await setup('en');
    expect(screen.getByRole('heading', { name: 'Recurring problems' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Manage categories' })).toBeInTheDocument();
  });
});
