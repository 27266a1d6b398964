import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseProblemModelAsset } from '../src/analysis/problems/problem-model';
import { loadProblemCorpus } from './problem-corpus';

const ASSET = new URL('../public/models/problem-classifier.json', import.meta.url);

describe('public/models/problem-classifier.json', () => {
  const text = readFileSync(ASSET, 'utf8');
  const parsed = parseProblemModelAsset(JSON.parse(text));

  it('is a valid, versioned asset trained on the current corpus (re-run npm run train:problems)', () => {
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const corpus = loadProblemCorpus();
    expect(parsed.value.training.sha256).toBe(corpus.sha256);
    expect(parsed.value.training.examples).toBe(corpus.items.length);
    expect(parsed.value.training.sources).toEqual(corpus.sources);
  });

  it('stays within 300 KB gzip', () => {
    expect(gzipSync(text, { level: 9 }).length).toBeLessThanOrEqual(300 * 1024);
  });

  it('is byte-identical when retrained', () => {
    const out = execFileSync('npx', ['tsx', 'scripts/train-problem-model.ts', '--stdout'], {
      cwd: new URL('..', import.meta.url),
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(out === text).toBe(true);
  }, 180_000);
});
