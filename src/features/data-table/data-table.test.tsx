// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../../components/i18n-provider';
import type { Township, TownshipMonthRecord } from '../../domain/records';
import type { Lang } from '../../i18n/i18n';
import { DataTable, type TableSort } from './data-table';
import type { TableFilters } from './table-rows';
import { makeRecord } from './test-records';

afterEach(cleanup);

const tw = (name: string): Township => ({ name, type: 'xiang', code: null, aliases: [] });
const OFFICIAL = [tw('小召乡'), tw('城关镇'), tw('阿里乡')];

const RECORDS: TownshipMonthRecord[] = [
  makeRecord('城关镇', '2022-04', { hazards_found: 0, trainings_held: 3 }),
  makeRecord('阿里乡', '2022-04', { hazards_found: 12, trainings_held: null }),
  makeRecord('小召乡', '2022-04', {
    hazards_found: 380,
    approx: ['hazards_found'],
    problems_text: '企业主体责任落实不到位',
  }),
  makeRecord('小召乡', '2022-03', { hazards_found: null }),
];

/** Holds filter and sort state the way the app's URL state does. */
function Harness({
  records = RECORDS,
  lang = 'zh-CN' as Lang,
  pageSize,
}: {
  records?: TownshipMonthRecord[];
  lang?: Lang;
  pageSize?: number;
}) {
  const [filters, setFilters] = useState<TableFilters>({ townships: [], from: null, to: null });
  const [sort, setSort] = useState<TableSort | null>(null);
  return (
    <I18nProvider lang={lang}>
      <DataTable
        records={records}
        townships={OFFICIAL}
        filters={filters}
        onFiltersChange={(p) => setFilters((f) => ({ ...f, ...p }))}
        sort={sort}
        onSortChange={setSort}
        pageSize={pageSize}
      />
    </I18nProvider>
  );
}

const bodyRows = () => within(screen.getByRole('table')).getAllByRole('row').slice(1);
const columnIndex = (name: RegExp) =>
  within(screen.getByRole('table'))
    .getAllByRole('columnheader')
    .findIndex((th) => name.test(th.textContent ?? ''));
const columnTexts = (name: RegExp) => {
  const i = columnIndex(name);
  return bodyRows().map((r) => within(r).getAllByRole('cell')[i]?.textContent ?? '');
};

describe('DataTable', () => {
  it('shows null as a 未填 badge, 0 as 0 and approximate values with * and a 约数 title', () => {
    render(<Harness />);
    const hazards = columnTexts(/^排查隐患/);
    // Default order: official township order, then month.
    expect(columnTexts(/^乡镇/)).toEqual(['小召乡', '小召乡', '城关镇', '阿里乡']);
    expect(hazards).toEqual(['未填', '380*', '0', '12']);
    expect(screen.getByTitle('约数')).toHaveTextContent('380*');
    const badge = within(bodyRows()[0]!).getAllByText('未填')[0]!;
    expect(badge).toHaveClass('badge-null');
  });

  it('labels columns from the field registry and shows the source file:line', () => {
    render(<Harness />);
    expect(screen.getByRole('columnheader', { name: /排查隐患（处）/ })).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: /整改资金（万元）/ })).toBeInTheDocument();
    expect(columnTexts(/^来源/)[0]).toBe('小召乡-2022-03.csv:3');
  });

  it('sorts a numeric column descending first, with unreported values last', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.click(screen.getByRole('button', { name: /^排查隐患/ }));
    expect(columnTexts(/^排查隐患/)).toEqual(['380*', '12', '0', '未填']);
    await user.click(screen.getByRole('button', { name: /^排查隐患/ }));
    expect(columnTexts(/^排查隐患/)).toEqual(['0', '12', '380*', '未填']);
  });

  it('sorts the township column by Chinese collation (pinyin), not by code point', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.click(screen.getByRole('button', { name: /^乡镇/ }));
    const names = columnTexts(/^乡镇/);
    expect(names).toEqual([...names].sort(new Intl.Collator('zh-CN').compare));
    expect(names[0]).toBe('阿里乡');
    expect(screen.getByRole('columnheader', { name: /^乡镇/ })).toHaveAttribute('aria-sort', 'ascending');
  });

  it('filters by township and month range and counts shown / total', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    expect(screen.getByTestId('row-count')).toHaveTextContent('显示 4 / 共 4 条');
    await user.selectOptions(screen.getByRole('combobox', { name: '乡镇（街道）' }), '小召乡');
    expect(screen.getByTestId('row-count')).toHaveTextContent('显示 2 / 共 4 条');
    await user.selectOptions(screen.getByRole('combobox', { name: '起始月份' }), '2022-04');
    expect(columnTexts(/^月份/)).toEqual(['2022-04']);
    await user.click(screen.getByRole('button', { name: '清除筛选' }));
    expect(bodyRows()).toHaveLength(4);
  });

  it('renders English headers when the language is English', () => {
    render(<Harness lang="en" />);
    expect(screen.getByRole('columnheader', { name: /Hazards found/ })).toBeInTheDocument();
    expect(screen.getAllByText('Not reported').length).toBeGreaterThan(0);
  });

  it('paginates large tables', async () => {
    const user = userEvent.setup();
    const many = Array.from({ length: 7 }, (_, i) =>
      makeRecord('小召乡', `2021-${String(i + 1).padStart(2, '0')}`),
    );
    render(<Harness records={many} pageSize={3} />);
    expect(bodyRows()).toHaveLength(3);
    expect(screen.getByText('第 1 / 3 页')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '下一页' }));
    expect(columnTexts(/^月份/)).toEqual(['2021-04', '2021-05', '2021-06']);
  });

  it('renders hostile text as text', () => {
    render(
      <Harness records={[makeRecord('小召乡', '2022-04', { remarks: '<img src=x onerror=alert(1)>' })]} />,
    );
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeInTheDocument();
    expect(document.querySelector('img')).toBeNull();
  });
});
