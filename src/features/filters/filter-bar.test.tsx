// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Filters } from '../../analysis/metrics';
import { FilterBar } from './filter-bar';
import type { RawFilters, TownshipOption } from './resolve-filters';

afterEach(cleanup);

const PERIODS = ['2024-01', '2024-02', '2024-03', '2024-04'];
const TOWNSHIPS: TownshipOption[] = [
  { name: '东关街道', type: 'jiedao' },
  { name: '城关镇', type: 'zhen' },
  { name: '青石镇', type: 'zhen' },
  { name: '小召乡', type: 'xiang' },
  { name: '杏林乡', type: 'xiang' },
];

/** Holds the raw filters as the URL would and resolves them like the app (all months, all townships). */
function Harness({ onChange }: { onChange: (patch: Partial<RawFilters>) => void }) {
  const [raw, setRaw] = useState<RawFilters>({ from: null, to: null, townships: [], sector: null });
  const filters: Filters = {
    from: raw.from ?? PERIODS[0]!,
    to: raw.to ?? PERIODS[PERIODS.length - 1]!,
    townships: raw.townships.length > 0 ? raw.townships : null,
    sector: raw.sector,
  };
  return (
    <FilterBar
      periods={PERIODS}
      townships={TOWNSHIPS}
      filters={filters}
      onChange={(patch) => {
        onChange(patch);
        setRaw((r) => ({ ...r, ...patch }));
      }}
    />
  );
}

const checkboxes = () =>
  within(screen.getByRole('group', { name: '乡镇（街道）' })).getAllByRole('checkbox') as HTMLInputElement[];
const ticked = () =>
  checkboxes()
    .filter((c) => c.checked)
    .map((c) => c.closest('label')?.textContent);

async function openPicker(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: /乡镇（街道）/ }));
}

describe('FilterBar', () => {
  it('lists townships in official order, all ticked when nothing is filtered', async () => {
    const user = userEvent.setup();
    render(<Harness onChange={vi.fn()} />);
    expect(screen.getByRole('button', { name: /全部乡镇（街道）/ })).toHaveAttribute(
      'aria-expanded',
      'false',
    );
    await openPicker(user);
    expect(checkboxes().map((c) => c.closest('label')?.textContent)).toEqual(TOWNSHIPS.map((o) => o.name));
    expect(ticked()).toHaveLength(TOWNSHIPS.length);
  });

  it.each([
    ['全部乡', ['小召乡', '杏林乡']],
    ['全部镇', ['城关镇', '青石镇']],
    ['全部街道', ['东关街道']],
  ])('"%s" selects exactly the townships of that type', async (button, expected) => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<Harness onChange={onChange} />);
    await openPicker(user);
    await user.click(screen.getByRole('button', { name: button }));
    expect(onChange).toHaveBeenLastCalledWith({ townships: expected });
    expect(ticked()).toEqual(expected);
  });

  it('offers select-all buttons only for the types present', async () => {
    const user = userEvent.setup();
    render(<Harness onChange={vi.fn()} />);
    await openPicker(user);
    expect(screen.queryByRole('button', { name: '全部园区' })).toBeNull();
  });

  it('clear unticks everything without filtering to nothing; ticking one then filters to it', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<Harness onChange={onChange} />);
    await openPicker(user);
    await user.click(screen.getByRole('button', { name: '清除' }));
    expect(ticked()).toEqual([]);
    expect(onChange).not.toHaveBeenCalled();
    await user.click(screen.getByRole('checkbox', { name: '青石镇' }));
    expect(onChange).toHaveBeenLastCalledWith({ townships: ['青石镇'] });
    expect(ticked()).toEqual(['青石镇']);
    // Select all goes back to "no filter" (an empty list), not a list of every name.
    await user.click(screen.getByRole('button', { name: '全选' }));
    expect(onChange).toHaveBeenLastCalledWith({ townships: [] });
    expect(ticked()).toHaveLength(TOWNSHIPS.length);
  });

  it('keeps a multi-selection in official order and shows a chip that clears it', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<Harness onChange={onChange} />);
    await openPicker(user);
    await user.click(screen.getByRole('button', { name: '清除' }));
    await user.click(screen.getByRole('checkbox', { name: '小召乡' }));
    await user.click(screen.getByRole('checkbox', { name: '东关街道' }));
    expect(onChange).toHaveBeenLastCalledWith({ townships: ['东关街道', '小召乡'] });
    expect(screen.getByText('乡镇：东关街道、小召乡')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '清除乡镇筛选' }));
    expect(onChange).toHaveBeenLastCalledWith({ townships: [] });
    expect(screen.queryByText(/^乡镇：/)).toBeNull();
  });

  it('limits the month pickers to the data and stores a data bound as the default', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<Harness onChange={onChange} />);
    const from = screen.getByRole('combobox', { name: '起始月份' });
    const to = screen.getByRole('combobox', { name: '截止月份' });
    expect(within(from).getAllByRole('option')).toHaveLength(PERIODS.length);
    await user.selectOptions(to, '2024-02');
    expect(onChange).toHaveBeenLastCalledWith({ to: '2024-02' });
    // Months after `to` cannot start the range.
    expect(within(from).getByRole('option', { name: '2024年4月' })).toBeDisabled();
    await user.selectOptions(to, '2024-04');
    expect(onChange).toHaveBeenLastCalledWith({ to: null });
  });

  it('sets and clears the sector', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<Harness onChange={onChange} />);
    await user.selectOptions(screen.getByRole('combobox', { name: '行业领域' }), 'fire');
    expect(onChange).toHaveBeenLastCalledWith({ sector: 'fire' });
    await user.click(screen.getByRole('button', { name: '清除行业筛选' }));
    expect(onChange).toHaveBeenLastCalledWith({ sector: null });
  });

  it('hands focus back to the township toggle when the panel closes by Escape or 完成', async () => {
    const user = userEvent.setup();
    render(<Harness onChange={vi.fn()} />);
    const toggle = screen.getByRole('button', { name: /乡镇（街道）/ });
    await user.click(toggle);
    // Keyboard user inside the panel: focus on a checkbox, then Escape.
    await user.click(screen.getByRole('checkbox', { name: '城关镇' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('checkbox', { name: '城关镇' })).toBeNull();
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(document.activeElement).toBe(toggle);
    await user.click(toggle);
    await user.click(screen.getByRole('button', { name: '完成' }));
    expect(document.activeElement).toBe(toggle);
  });
});
