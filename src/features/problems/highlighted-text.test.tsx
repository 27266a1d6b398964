// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { HighlightedText, mergeRanges } from './highlighted-text';

afterEach(cleanup);

describe('mergeRanges', () => {
  it.each([
    ['empty', [], 10, []],
    [
      'sorted and overlap joined',
      [
        { start: 5, end: 8 },
        { start: 0, end: 2 },
        { start: 6, end: 9 },
      ],
      10,
      [
        { start: 0, end: 2 },
        { start: 5, end: 9 },
      ],
    ],
    [
      'touching kept apart',
      [
        { start: 0, end: 2 },
        { start: 2, end: 6 },
      ],
      10,
      [
        { start: 0, end: 2 },
        { start: 2, end: 6 },
      ],
    ],
    [
      'clipped to the text, empty dropped',
      [
        { start: -3, end: 2 },
        { start: 8, end: 20 },
        { start: 4, end: 4 },
      ],
      10,
      [
        { start: 0, end: 2 },
        { start: 8, end: 10 },
      ],
    ],
  ])('%s', (_n, ranges, length, expected) => {
    expect(mergeRanges(ranges, length)).toEqual(expected);
  });
});

describe('HighlightedText', () => {
  it('wraps each range in <mark> and keeps the text intact, markup in data stays text', () => {
    const text = '<b>企业</b>主体责任落实不到位';
    const start = text.indexOf('企业');
    const { container } = render(
      <HighlightedText
        text={text}
        ranges={[
          { start, end: start + 2 },
          { start: start + 6, end: start + 10 },
        ]}
      />,
    );
    expect([...container.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['企业', '主体责任']);
    expect(container.textContent).toBe(text);
    expect(container.querySelector('b')).toBeNull();
  });
});
