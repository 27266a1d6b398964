import { describe, expect, it } from 'vitest';
import { parseViewState, patchViewState, serializeViewState } from './url-state';

// The 问题 view's URL parameters (`cat`, `pt`) added to url-state.ts.
const VIEWS = ['data', 'problems'];

describe('问题 URL state', () => {
  it('round-trips a category and a timeline township', () => {
    const s = parseViewState('?view=problems&townships=小召乡&cat=P04&pt=小召乡', VIEWS);
    expect([s.cat, s.pt]).toEqual(['P04', '小召乡']);
    expect(parseViewState(serializeViewState(s, VIEWS), VIEWS)).toEqual(s);
    expect(parseViewState('?cat=U01', VIEWS).cat).toBe('U01');
  });

  it.each([
    ['unknown built-in code', '?cat=P13'],
    ['prototype key', '?cat=__proto__'],
    ['custom code too long', `?cat=U${'x'.repeat(21)}`],
    ['township with a control character', '?pt=%01小召乡'],
    ['township too long', `?pt=${'镇'.repeat(65)}`],
    ['empty', '?cat=&pt='],
  ])('drops an invalid value: %s', (_n, query) => {
    const s = parseViewState(query, VIEWS);
    expect([s.cat, s.pt]).toEqual([undefined, undefined]);
    expect(serializeViewState(s, VIEWS)).toBe('');
  });

  it('clears a selection with undefined', () => {
    const s = parseViewState('?view=problems&cat=P04&pt=小召乡', VIEWS);
    expect(serializeViewState(patchViewState(s, { cat: undefined, pt: undefined }), VIEWS)).toBe(
      '?view=problems',
    );
  });
});
