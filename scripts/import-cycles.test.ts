import { describe, expect, it } from 'vitest';
import { importCycles, shippedSources } from './import-cycles';

describe('importCycles', () => {
  it('finds a cycle made of type-only imports (import-x/no-cycle does not)', () => {
    const sources = new Map([
      ['src/app/views.tsx', "import { bulletinViewDef } from './bulletin-view';\nexport interface ViewDef { id: string }"],
      ['src/app/bulletin-view.tsx', "import type { ViewDef } from './views';\nexport const bulletinViewDef = {};"],
      ['src/app/clock.ts', 'export const now = 1;'],
    ]);
    expect(importCycles(sources)).toEqual([['src/app/bulletin-view.tsx', 'src/app/views.tsx']]);
  });

  it('follows re-exports and folder paths, and ignores packages', () => {
    const sources = new Map([
      ['src/a.ts', "export { b } from './x/b';\nimport React from 'react';"],
      ['src/x/b.ts', "import type { A } from '../a';\nexport const b = 1;"],
    ]);
    expect(importCycles(sources)).toEqual([['src/a.ts', 'src/x/b.ts']]);
  });

  it('finds no cycle in shipped code under src/', () => {
    expect(importCycles(shippedSources('src'))).toEqual([]);
  });
});
