// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { readFileText } from './read-file-text';

describe('readFileText', () => {
  it.each([
    ['Chinese text', '{"districtName":"云川区"}'],
    ['an empty file', ''],
  ])('reads %s as UTF-8', async (_label, text) => {
    const bytes = new TextEncoder().encode(text);
    expect(await readFileText(new Blob([bytes], { type: 'application/json' }))).toBe(text);
  });
});
