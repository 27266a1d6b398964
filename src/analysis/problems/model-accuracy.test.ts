import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  evaluateModelHeldOut,
  evaluateRules,
  parseCorpusJsonl,
  summarise,
  type CorpusItem,
} from './model-accuracy';

const dir = new URL('../../../tests/fixtures/problems/corpus/', import.meta.url);
const files = readdirSync(dir)
  .filter((f) => /^W\d+\.jsonl$/u.test(f))
  .sort();
const parsed = files.map((f) =>
  parseCorpusJsonl(f.replace('.jsonl', ''), readFileSync(new URL(f, dir), 'utf8')),
);
const items: CorpusItem[] = parsed.flatMap((p) => p.items);

// Floors = the held-out figures measured with 5 writers (strict 91.1 %, with alternatives
// 95.7 %, P99 precision 93.8 %; README.md), rounded down. The issue asks for ≥ 90 % with
// alternatives and P99 precision ≥ 70 %. These are leave-one-writer-out figures: every writer
// is predicted by a model trained and calibrated without it. Never replace them with the
// training-set figure, and never lower them to make a change pass.
const LENIENT_FLOOR = 0.95;
const STRICT_FLOOR = 0.9;
const OTHER_PRECISION_FLOOR = 0.85;

describe('problem model, leave-one-writer-out on the writers corpus', () => {
  const result = evaluateModelHeldOut(items);

  it('reads every line of every writer file', () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const p of parsed) {
      expect(p.errors).toEqual([]);
      expect(p.items.length).toBe(320);
    }
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
  });

  it('predicts each item exactly once, from a model that never saw its writer', () => {
    expect(result.predictions.length).toBe(items.length);
    expect(result.perWriter.map((w) => w.writer)).toEqual(files.map((f) => f.replace('.jsonl', '')));
  });

  it(`is right ≥ ${LENIENT_FLOOR * 100}% counting alternatives, ≥ ${STRICT_FLOOR * 100}% strictly`, () => {
    expect(result.summary.lenient).toBeGreaterThanOrEqual(LENIENT_FLOOR);
    expect(result.summary.strict).toBeGreaterThanOrEqual(STRICT_FLOOR);
    // No single writer falls below the 90 % (with alternatives).
    for (const w of result.perWriter) expect(w.summary.lenient, w.writer).toBeGreaterThanOrEqual(0.9);
  });

  it(`decides P99 with precision ≥ ${OTHER_PRECISION_FLOOR * 100}% (not "no keyword matched")`, () => {
    expect(result.summary.otherPrecision).toBeGreaterThanOrEqual(OTHER_PRECISION_FLOOR);
    const other = result.summary.perCategory.find((c) => c.code === 'P99')!;
    expect(other.recall).toBeGreaterThanOrEqual(0.85);
  });

  it('gives calibrated confidences (expected calibration error ≤ 0.06)', () => {
    expect(result.summary.calibrationError).toBeLessThanOrEqual(0.06);
  });

  it('beats the rule classifier on the same statements', () => {
    const rules = evaluateRules(items);
    expect(result.summary.strict - rules.strict).toBeGreaterThan(0.2);
    expect(result.summary.otherPrecision).toBeGreaterThan(rules.otherPrecision);
  });
});

describe('summarise', () => {
  const item = (category: 'P01' | 'P99', alternatives: ('P01' | 'P02')[] = []): CorpusItem => ({
    id: 'x',
    text: 't',
    category,
    alternatives,
    writer: 'W0',
  });

  it('counts an accepted alternative as right only in the lenient figure', () => {
    const s = summarise([
      { item: item('P01', ['P02']), predicted: 'P02', confidence: 0.5 },
      { item: item('P01'), predicted: 'P01', confidence: 0.9 },
      { item: item('P01'), predicted: 'P99', confidence: 0.6 },
      { item: item('P99'), predicted: 'P99', confidence: 0.7 },
    ]);
    expect(s.strict).toBe(0.5);
    expect(s.lenient).toBe(0.75);
    expect(s.otherPrecision).toBe(0.5);
    expect(s.confusion.get('P01')?.get('P99')).toBe(1);
    expect(summarise([]).strict).toBe(0);
  });

  it('reports a bad corpus line with writer and line number, never drops it silently', () => {
    const r = parseCorpusJsonl(
      'W9',
      '{"id":"a","text":"t","category":"P01","alternatives":[]}\nnot json\n{"id":"b","text":"t","category":"P77"}\n',
    );
    expect(r.items.length).toBe(1);
    expect(r.errors).toEqual(['W9:2: not valid JSON', 'W9:3: unknown category P77']);
  });
});
