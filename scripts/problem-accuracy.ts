/**
 * Prints classifier accuracy: `npm run problems:accuracy [-- --quiet]`.
 *
 * 1. The writers' corpus (tests/fixtures/problems/corpus/), leave-one-writer-out: the rule
 *    classifier alone and the statistical model (trained and calibrated without the writer it is
 *    tested on). Strict (main label) and lenient (main label or an accepted alternative),
 *    per-category precision/recall, confusion matrix, P99 precision.
 * 2. The older labelled set (tests/fixtures/problems/labelled-statements.json, written by the
 *    rules' author): rules (tuning vs held-out part) and the shipped model.
 */
import { readFileSync } from 'node:fs';
import {
  evaluateAccuracy,
  type AccuracyReport,
  type LabelledStatement,
} from '../src/analysis/problems/accuracy';
import {
  evaluateModelHeldOut,
  evaluateRules,
  type EvaluationSummary,
} from '../src/analysis/problems/model-accuracy';
import { parseProblemModelAsset, ProblemModel } from '../src/analysis/problems/problem-model';
import { loadProblemCorpus } from './problem-corpus';

const quiet = process.argv.includes('--quiet');
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

function printSummary(name: string, s: EvaluationSummary): void {
  console.log(`\n== ${name} ==`);
  console.log(
    `  strict ${pct(s.strict)}   with alternatives ${pct(s.lenient)}   P99 precision ${pct(s.otherPrecision)}` +
      `   (n = ${s.total}${s.logLoss === null ? '' : `, log-loss ${s.logLoss.toFixed(3)}`}, ECE ${s.calibrationError.toFixed(3)})`,
  );
  console.log('  code  support  predicted  precision  prec(alt)  recall');
  for (const c of s.perCategory)
    console.log(
      `  ${c.code}  ${String(c.support).padStart(7)}  ${String(c.predicted).padStart(9)}  ${pct(c.precision).padStart(9)}` +
        `  ${pct(c.precisionLenient).padStart(9)}  ${pct(c.recall).padStart(6)}`,
    );
  if (quiet) return;
  const codes = s.perCategory.map((c) => c.code);
  console.log(
    `  confusion (rows = label, columns = predicted)\n        ${codes.map((c) => c.padStart(4)).join('')}`,
  );
  for (const row of codes)
    console.log(
      `  ${row}  ${codes.map((col) => String(s.confusion.get(row)?.get(col) ?? 0).padStart(4)).join('')}`,
    );
}

const corpus = loadProblemCorpus();
const writers = [...new Set(corpus.items.map((i) => i.writer))];
console.log(`corpus: ${corpus.items.length} statements by ${writers.length} writers (${writers.join(', ')})`);
printSummary('rules alone (classifyStatement)', evaluateRules(corpus.items));
const held = evaluateModelHeldOut(corpus.items);
printSummary('model, leave-one-writer-out (classifyWithModel)', held.summary);
console.log('  per held-out writer:');
for (const w of held.perWriter)
  console.log(
    `    ${w.writer}: strict ${pct(w.summary.strict)}, with alternatives ${pct(w.summary.lenient)}, ` +
      `P99 precision ${pct(w.summary.otherPrecision)} (T=${w.calibration.temperature}, P99 bias ${w.calibration.otherBias})`,
  );
if (!quiet) {
  console.log('\n  model misses not covered by an alternative (label → predicted, confidence):');
  for (const p of held.predictions)
    if (p.predicted !== p.item.category && !p.item.alternatives.includes(p.predicted))
      console.log(
        `    ${p.item.id} ${p.item.category} → ${p.predicted} ${p.confidence.toFixed(2)}  ${p.item.text}`,
      );
}

// The older set: the rules were tuned on part of it; the model has never seen any of it.
const path = new URL('../tests/fixtures/problems/labelled-statements.json', import.meta.url);
const items = (JSON.parse(readFileSync(path, 'utf8')) as { statements: LabelledStatement[] }).statements;
const line = (name: string, r: AccuracyReport): string =>
  `  ${name.padEnd(24)} ${pct(r.accuracy).padStart(6)}  (${r.correct}/${r.total})`;
console.log('\n== older labelled set (labelled-statements.json) ==');
console.log(line('rules, tuning part', evaluateAccuracy(items.filter((i) => !i.holdout))));
console.log(line('rules, held-out part', evaluateAccuracy(items.filter((i) => i.holdout))));
const asset = parseProblemModelAsset(
  JSON.parse(readFileSync(new URL('../public/models/problem-classifier.json', import.meta.url), 'utf8')),
);
if (asset.ok) {
  const model = ProblemModel.fromAsset(asset.value);
  const right = items.filter((i) => model.classify(i.text).category === i.category).length;
  console.log(
    `  ${'shipped model, all'.padEnd(24)} ${pct(right / items.length).padStart(6)}  (${right}/${items.length})`,
  );
} else console.log(`  shipped model not loadable: ${asset.error.join('; ')}`);
