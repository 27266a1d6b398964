import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as CFB from 'cfb';
import { describe, expect, it } from 'vitest';
import { readCompoundFile } from './compound-file';

const DIR = join(import.meta.dirname, '..', '..', '..', 'tests', 'fixtures', 'reports', 'doc');

describe('readCompoundFile', () => {
  it.each(readdirSync(DIR))('gives the same streams as the cfb package for %s', (name) => {
    const bytes = new Uint8Array(readFileSync(join(DIR, name)));
    const ours = readCompoundFile(bytes);
    if (!ours.ok) throw new Error(ours.error);
    const theirs = CFB.read(bytes, { type: 'array' });
    for (const stream of ['WordDocument', '1Table']) {
      const entry = CFB.find(theirs, stream);
      expect(Uint8Array.from(ours.value.get(stream) ?? [])).toEqual(Uint8Array.from(entry?.content ?? []));
    }
  });
  it('rejects a truncated or looping file as a value', () => {
    const bytes = new Uint8Array(readFileSync(join(DIR, readdirSync(DIR)[0] ?? '')));
    expect(readCompoundFile(bytes.slice(0, 600)).ok).toBe(false);
    expect(readCompoundFile(new Uint8Array(10)).ok).toBe(false);
  });
});
