/**
 * Loads the writers' corpus (tests/fixtures/problems/corpus/W*.jsonl) for the training and
 * accuracy scripts. Files in writer order; a bad line stops the script with its file and line.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { parseCorpusJsonl, type CorpusItem } from '../src/analysis/problems/model-accuracy';

export const CORPUS_DIR = new URL('../tests/fixtures/problems/corpus/', import.meta.url);

export interface LoadedCorpus {
  readonly items: CorpusItem[];
  readonly sources: string[];
  /** SHA-256 over each file's name and bytes, in `sources` order. */
  readonly sha256: string;
}

export function loadProblemCorpus(): LoadedCorpus {
  const files = readdirSync(CORPUS_DIR)
    .filter((f) => /^W\d+\.jsonl$/u.test(f))
    .sort((a, b) => Number(a.slice(1, -6)) - Number(b.slice(1, -6)));
  const hash = createHash('sha256');
  const items: CorpusItem[] = [];
  const errors: string[] = [];
  for (const f of files) {
    const bytes = readFileSync(new URL(f, CORPUS_DIR));
    hash.update(f).update('\0').update(bytes).update('\0');
    const r = parseCorpusJsonl(f.replace(/\.jsonl$/u, ''), bytes.toString('utf8'));
    items.push(...r.items);
    errors.push(...r.errors);
  }
  if (errors.length > 0) throw new Error(`corpus errors:\n${errors.join('\n')}`);
  return {
    items,
    sources: files.map((f) => `tests/fixtures/problems/corpus/${f}`),
    sha256: hash.digest('hex'),
  };
}
