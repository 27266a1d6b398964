/**
 * Trains the problem classifier on the whole writers' corpus and writes the versioned asset
 * public/models/problem-classifier.json: `npm run train:problems` (`-- --stdout` prints the JSON
 * instead of writing it; the determinism test uses that).
 *
 * The calibration (temperature, P99 bias) is fitted leave-one-writer-out on the corpus, so it
 * reflects how the model does on a clerk it has not seen. Deterministic: no clock, no randomness,
 * sorted features, so re-running on the same corpus gives a byte-identical file.
 */
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { calibrateByWriters } from '../src/analysis/problems/model-accuracy';
import { DEFAULT_MODEL_OPTIONS, trainProblemModel } from '../src/analysis/problems/problem-model';
import { loadProblemCorpus } from './problem-corpus';

const OUT = new URL('../public/models/problem-classifier.json', import.meta.url);

const corpus = loadProblemCorpus();
const options = DEFAULT_MODEL_OPTIONS;
const calibration = calibrateByWriters(corpus.items, options);
const writers = [...new Set(corpus.items.map((i) => i.writer))];
const asset = trainProblemModel(corpus.items, options, calibration, {
  description:
    `Multinomial naive Bayes over binary character 1–${options.maxN}-grams + rule-classifier hits, ` +
    `trained on ${corpus.items.length} labelled 存在的问题 statements by ${writers.length} independent ` +
    `writers (${writers.join(', ')}; tests/fixtures/problems/corpus/README.md). Calibration fitted ` +
    `leave-one-writer-out.`,
  sources: corpus.sources,
  examples: corpus.items.length,
  sha256: corpus.sha256,
});

// One feature per line: small diffs when the corpus grows, still compact.
const { features, ...head } = asset;
const json =
  JSON.stringify(head).slice(0, -1) +
  ',"features":[\n' +
  features.map((f) => JSON.stringify(f)).join(',\n') +
  '\n]}\n';
if (process.argv.includes('--stdout')) {
  // No process.exit here: it would cut a piped write short.
  process.stdout.write(json);
} else {
  writeFileSync(OUT, json);
  const raw = Buffer.byteLength(json);
  const gz = gzipSync(json, { level: 9 }).length;
  console.log(
    `wrote public/models/problem-classifier.json: ${features.length} features, ${asset.classes.length} classes, ` +
      `${(raw / 1024).toFixed(1)} KB raw, ${(gz / 1024).toFixed(1)} KB gzip; ` +
      `T=${calibration.temperature} P99 bias=${calibration.otherBias}; corpus sha256 ${corpus.sha256.slice(0, 12)}…`,
  );
}
