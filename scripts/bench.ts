/**
 * Benchmarks: `npm run bench` times the ingest (hazard ledgers of 100k and 1M rows and 100k
 * township-month rows, bytes → records, against TextDecoder and PapaParse `header: true` and
 * `header: false` on the same bytes, time and peak memory, each contender in its own process):
 * options and how to read the table are in scripts/bench-ingest.ts. `--ledger` is the same run
 * (kept for old notes).
 *
 * Problem-classifier throughput only: `npm run bench -- --classifier` (rules alone and the
 * statistical model from public/models/problem-classifier.json, statements/s, each against its
 * first implementation kept in src/analysis/problems/classify-reference.ts).
 *
 * `npm run bench -- --problems` instead times the 问题 view's model on tests/scale/large-dataset.ts
 * (2,000 townships × 120 months, ~20k "other" statements) and P99 grouping at several sizes,
 * against the previous every-pair grouping (kept below as the "before" figure).
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { classifyStatement } from '../src/analysis/problems/classify';
import {
  classifyStatementReference,
  classifyWithModelReference,
} from '../src/analysis/problems/classify-reference';
import {
  classifyWithModel,
  parseProblemModelAsset,
  ProblemModel,
} from '../src/analysis/problems/problem-model';
import { loadProblemCorpus } from './problem-corpus';
import { EMPTY_PROBLEM_EDITS } from '../src/analysis/problems/edits';
import { groupUnmatched, UNMATCHED_SIMILARITY_THRESHOLD } from '../src/analysis/problems/group-unmatched';
import { charNgrams, jaccard } from '../src/analysis/problems/text';
import type { ProblemStatement } from '../src/analysis/problems/types';
import { deriveProblemModel, statementsFor } from '../src/features/problems/problem-model';
import { largeDataset } from '../tests/scale/large-dataset';
import { benchIngest } from './bench-ingest';

function argNumber(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const v = i >= 0 ? process.argv[i + 1] : undefined;
  return v !== undefined && /^\d+$/.test(v) ? Number.parseInt(v, 10) : fallback;
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};

function time(runs: number, fn: () => void): number {
  fn(); // warm-up: JIT and lazily built tables (e.g. the GB18030 decoder) are not what we measure
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    ms.push(performance.now() - t0);
  }
  return median(ms);
}

/** The grouping before the indexed join: every pair compared, an n×n similarity matrix kept. */
function groupEveryPair(statements: readonly ProblemStatement[]): number {
  const items = statements.filter((s) => s.category === 'P99');
  const grams = items.map((s) => charNgrams(s.normalised, 2));
  const parent = items.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const sim: number[][] = items.map(() => []);
  for (let i = 0; i < items.length; i++)
    for (let j = i + 1; j < items.length; j++) {
      const v = jaccard(grams[i]!, grams[j]!);
      sim[i]![j] = v;
      sim[j]![i] = v;
      if (v >= UNMATCHED_SIMILARITY_THRESHOLD) parent[find(j)] = find(i);
    }
  return new Set(items.map((_, i) => find(i))).size;
}

function benchProblems(runs: number): void {
  process.stderr.write('generating 2,000 townships × 120 months…\n');
  const ds = largeDataset();
  const t0 = performance.now();
  const all = statementsFor(ds, EMPTY_PROBLEM_EDITS);
  const splitMs = performance.now() - t0;
  const lines = [`split + classify ${all.length} statements (once per dataset): ${splitMs.toFixed(0)} ms`];
  const deriveMs = time(runs, () => {
    deriveProblemModel(ds, EMPTY_PROBLEM_EDITS, { from: null, to: null, townships: [] });
  });
  lines.push(`deriveProblemModel, statements cached: ${deriveMs.toFixed(0)} ms`);
  for (const n of [2000, 5000, all.length]) {
    const subset = all.slice(0, n);
    const after = time(runs, () => groupUnmatched(subset));
    // The every-pair version is quadratic in time and memory: only measured up to 5,000.
    const before = n <= 5000 ? time(1, () => groupEveryPair(subset)) : null;
    lines.push(
      `groupUnmatched ${n} statements: ${after.toFixed(0)} ms` +
        (before === null ? ' (every pair: not run, quadratic)' : ` (every pair: ${before.toFixed(0)} ms)`),
    );
  }
  process.stdout.write(
    `\nNode ${process.version}; median of the runs after one warm-up\n\n${lines.join('\n')}\n`,
  );
}

/**
 * Times each function in turn, `runs` rounds after one warm-up round, and returns each one's
 * median wall-clock and CPU (user + system) milliseconds: interleaving the candidates spreads a
 * busy machine's load over all of them, so their ratio is fairer than one timed after the other,
 * and CPU time is what a shared machine's other processes disturb least.
 */
function timeInterleaved(runs: number, fns: readonly (() => void)[]): { wall: number; cpu: number }[] {
  for (const fn of fns) fn();
  const wall: number[][] = fns.map(() => []);
  const cpu: number[][] = fns.map(() => []);
  for (let r = 0; r < runs; r++)
    fns.forEach((fn, i) => {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      fn();
      wall[i]!.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpu[i]!.push((c.user + c.system) / 1000);
    });
  return fns.map((_, i) => ({ wall: median(wall[i]!), cpu: median(cpu[i]!) }));
}

/**
 * Statements per second for the rule classifier and the model over the corpus texts, each
 * against its first implementation (classify-reference.ts) measured in the same run. The
 * equivalence of the two paths is asserted by classify-equivalence.test.ts, not here.
 */
type Timing = { wall: number; cpu: number };

function benchClassifier(runs: number): void {
  const raw: unknown = JSON.parse(
    readFileSync(new URL('../public/models/problem-classifier.json', import.meta.url), 'utf8'),
  );
  const asset = parseProblemModelAsset(raw);
  if (!asset.ok) throw new Error(asset.error.join('\n'));
  const texts = loadProblemCorpus().items.map((i) => i.text);
  const t0 = performance.now();
  const model = ProblemModel.fromAsset(asset.value);
  const loadMs = performance.now() - t0;
  let sink = 0;
  const [rulesRef, rules, modelRef, withModel] = timeInterleaved(runs, [
    () => {
      for (const t of texts) sink += classifyStatementReference(t).confidence;
    },
    () => {
      for (const t of texts) sink += classifyStatement(t).confidence;
    },
    () => {
      for (const t of texts) sink += classifyWithModelReference(model, t).confidence;
    },
    () => {
      for (const t of texts) sink += classifyWithModel(model, t).confidence;
    },
  ]) as [Timing, Timing, Timing, Timing];
  const rate = (ms: number): string =>
    Math.round(texts.length / (ms / 1000))
      .toLocaleString('en-US')
      .padStart(9);
  const row = (name: string, t: Timing, before?: Timing): string =>
    `  ${name.padEnd(38)} ${rate(t.wall)}/s wall ${rate(t.cpu)}/s CPU` +
    (before ? `  ×${(before.wall / t.wall).toFixed(1)} wall ×${(before.cpu / t.cpu).toFixed(1)} CPU` : '') +
    '\n';
  process.stdout.write(
    `Node ${process.version}; ${texts.length} corpus statements (mean ${(
      texts.reduce((s, t) => s + t.length, 0) / texts.length
    ).toFixed(0)} chars), statements/s, median of ${runs} interleaved runs after one warm-up\n` +
      `  load model (parse counts)              ${loadMs.toFixed(1)} ms\n` +
      row('classifyStatement, reference (before)', rulesRef) +
      row('classifyStatement (compiled rules)', rules, rulesRef) +
      row('classifyWithModel, reference (before)', modelRef) +
      row('classifyWithModel', withModel, modelRef) +
      `  (checksum ${sink.toFixed(0)})\n`,
  );
}

if (process.argv.includes('--classifier')) benchClassifier(argNumber('--runs', 5));
else if (process.argv.includes('--problems')) benchProblems(argNumber('--runs', 3));
else void benchIngest();
