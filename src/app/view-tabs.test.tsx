// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { VIEW_PANEL_ID, ViewTabs, viewTabId } from './view-tabs';
import { VIEWS } from './routes/registry';

afterEach(cleanup);

function Harness({ onSelect }: { onSelect: (id: string) => void }) {
  const [selected, setSelected] = useState('overview');
  return (
    <>
      <ViewTabs
        views={VIEWS}
        selected={selected}
        onSelect={(id) => {
          onSelect(id);
          setSelected(id);
        }}
      />
      <div role="tabpanel" id={VIEW_PANEL_ID} aria-labelledby={viewTabId(selected)} />
    </>
  );
}

describe('ViewTabs (WAI-ARIA tabs)', () => {
  it('is one tab stop: only the selected tab is in the tab order', () => {
    render(<Harness onSelect={vi.fn()} />);
    const tabs = screen.getAllByRole('tab');
    expect(tabs).toHaveLength(VIEWS.length);
    expect(tabs.filter((t) => t.tabIndex === 0).map((t) => t.textContent)).toEqual(['总览']);
    expect(screen.getByRole('tab', { name: '总览' })).toHaveAttribute('aria-controls', VIEW_PANEL_ID);
    expect(screen.getByRole('tabpanel', { name: '总览' })).toBeInTheDocument();
  });

  it('moves focus with ←/→ (wrapping), Home and End, and activates with Enter or Space', async () => {
    const user = userEvent.setup();
    const onSelect = vi.fn();
    render(<Harness onSelect={onSelect} />);
    await user.tab();
    expect(screen.getByRole('tab', { name: '总览' })).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: '隐患' })).toHaveFocus();
    // Focus alone does not render a view (manual activation).
    expect(onSelect).not.toHaveBeenCalled();
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(screen.getByRole('tab', { name: '设置' })).toHaveFocus();
    await user.keyboard('{Home}');
    expect(screen.getByRole('tab', { name: '总览' })).toHaveFocus();
    await user.keyboard('{End}');
    expect(screen.getByRole('tab', { name: '设置' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(onSelect).toHaveBeenLastCalledWith('settings');
    expect(screen.getByRole('tab', { name: '设置' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tabpanel', { name: '设置' })).toBeInTheDocument();
    await user.keyboard('{Home} ');
    expect(onSelect).toHaveBeenLastCalledWith('overview');
    // Tab leaves the bar instead of walking through every tab.
    await user.tab();
    expect(document.activeElement?.getAttribute('role')).not.toBe('tab');
  });
});
