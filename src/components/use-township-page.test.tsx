// @vitest-environment jsdom
import { renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useTownshipPage } from './use-township-page';

const towns = Array.from({ length: 75 }, (_, i) => `乡镇${i}`);

describe('useTownshipPage', () => {
  it('without a page in the URL, shows the selected township’s page and records it in the URL', () => {
    const choose = vi.fn();
    const { result, rerender } = renderHook(
      ({ selected, chosen }) => useTownshipPage(towns, 30, selected, chosen, choose),
      { initialProps: { selected: '乡镇40' as string | null, chosen: null as number | null } },
    );
    expect(result.current[0]).toBe(1);
    expect(choose).toHaveBeenLastCalledWith(1, { replace: true });
    rerender({ selected: '乡镇70', chosen: null });
    expect(result.current[0]).toBe(2);
    expect(choose).toHaveBeenLastCalledWith(2, { replace: true });
  });

  it('a page in the URL wins over the selection; the first page and unknown townships write nothing', () => {
    const choose = vi.fn();
    const { result, rerender } = renderHook(
      ({ selected, chosen }) => useTownshipPage(towns, 30, selected, chosen, choose),
      { initialProps: { selected: '乡镇70' as string | null, chosen: 0 as number | null } },
    );
    expect(result.current[0]).toBe(0);
    rerender({ selected: '乡镇3', chosen: null });
    expect(result.current[0]).toBe(0);
    rerender({ selected: '不在列表的镇', chosen: null });
    expect(result.current[0]).toBe(0);
    rerender({ selected: null, chosen: null });
    expect(result.current[0]).toBe(0);
    expect(choose).not.toHaveBeenCalled();
  });

  it('hands back the setter it was given, for the page controls', () => {
    const choose = vi.fn();
    const { result } = renderHook(() => useTownshipPage(towns, 30, null, 2, choose));
    expect(result.current).toEqual([2, choose]);
  });
});
