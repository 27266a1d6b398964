// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useTownshipPage } from './use-township-page';

const towns = Array.from({ length: 75 }, (_, i) => `乡镇${i}`);

describe('useTownshipPage', () => {
  it('opens on the selected township’s page and turns to the page of a newly selected one', () => {
    const { result, rerender } = renderHook(({ selected }) => useTownshipPage(towns, 30, selected), {
      initialProps: { selected: '乡镇40' as string | null },
    });
    expect(result.current[0]).toBe(1);
    rerender({ selected: '乡镇70' });
    expect(result.current[0]).toBe(2);
    rerender({ selected: '乡镇3' });
    expect(result.current[0]).toBe(0);
  });

  it('keeps a page turned by hand until the selection changes; an unknown or cleared selection leaves it', () => {
    const { result, rerender } = renderHook(({ selected }) => useTownshipPage(towns, 30, selected), {
      initialProps: { selected: null as string | null },
    });
    expect(result.current[0]).toBe(0);
    act(() => result.current[1](2));
    rerender({ selected: null });
    expect(result.current[0]).toBe(2);
    rerender({ selected: '不在列表的镇' });
    expect(result.current[0]).toBe(2);
    rerender({ selected: '乡镇31' });
    expect(result.current[0]).toBe(1);
    act(() => result.current[1](0));
    rerender({ selected: '乡镇31' });
    expect(result.current[0]).toBe(0);
  });
});
