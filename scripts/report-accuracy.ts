/**
 * Prints the report extractor's accuracy on the labelled report corpus
 * (tests/fixtures/reports/corpus/, see its README): township, period and report-date accuracy,
 * count precision and recall (field, value and approximation flag must match the key) and
 * problem-split recall, per writer. R1, R2 and R4 are the development set, R3 is held out: its
 * misses are not listed unless --holdout-misses is given (so tuning never looks at them).
 * --dir DIR (repeatable) scores the R*-NN.json files of other directories instead of the corpus
 * (a new writer's reports before they join it); --held-out W,W names the held-out writers.
 * Usage: npx tsx scripts/report-accuracy.ts [--quiet] [--holdout-misses] [--dir DIR]… [--held-out R3]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { inferTownshipType } from '../src/domain/townships';
import type { Township } from '../src/domain/records';
import {
  CORPUS_TOWNSHIP_NAMES,
  precision,
  problemRecall,
  recall,
  scoreEntries,
  type CorpusEntry,
  type WriterScore,
} from '../src/ingest/report/report-accuracy';

const argValues = (flag: string): string[] =>
  process.argv.flatMap((a, i) => (a === flag && process.argv[i + 1] ? [process.argv[i + 1] as string] : []));
const dirs = argValues('--dir').map((d) => pathToFileURL(`${resolve(d)}/`));
if (dirs.length === 0) dirs.push(new URL('../tests/fixtures/reports/corpus/', import.meta.url));
const townships: Township[] = CORPUS_TOWNSHIP_NAMES.map((name) => ({
  name,
  type: inferTownshipType(name),
  code: null,
  aliases: [],
}));
const entries = dirs.flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => /^R\d+-\d+\.json$/.test(f))
    .sort()
    .map((f) => JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as CorpusEntry),
);
const writers = [...new Set(entries.map((e) => e.id.split('-')[0] ?? ''))];
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`.padStart(6);
const heldOutArg = argValues('--held-out');
const HELD_OUT = new Set(heldOutArg.length > 0 ? heldOutArg.flatMap((a) => a.split(',')) : ['R3']);

const row = (s: WriterScore, label: string): string =>
  [
    label.padEnd(14),
    `township ${pct(s.township / s.reports)}`,
    `period ${pct(s.period / s.reports)}`,
    `date ${pct(s.reportDate / s.reports)}`,
    `count P ${pct(precision(s))} (${s.countsCorrect}/${s.countsExtracted})`,
    `R ${pct(recall(s))} (${s.countsCorrect}/${s.countsInKey})`,
    `problems ${pct(problemRecall(s))} (${s.problemsFound}/${s.problemsInKey})`,
  ].join('  ');

const scores = writers.map((w) =>
  scoreEntries(
    w,
    entries.filter((e) => e.id.startsWith(`${w}-`)),
    townships,
  ),
);
for (const s of scores)
  console.log(row(s, `${s.writer}${HELD_OUT.has(s.writer) ? ' (held out)' : ' (dev)'}`));
const sum = (list: WriterScore[], label: string): WriterScore => ({
  writer: label,
  reports: list.reduce((a, s) => a + s.reports, 0),
  township: list.reduce((a, s) => a + s.township, 0),
  period: list.reduce((a, s) => a + s.period, 0),
  reportDate: list.reduce((a, s) => a + s.reportDate, 0),
  countsCorrect: list.reduce((a, s) => a + s.countsCorrect, 0),
  countsExtracted: list.reduce((a, s) => a + s.countsExtracted, 0),
  countsInKey: list.reduce((a, s) => a + s.countsInKey, 0),
  problemsFound: list.reduce((a, s) => a + s.problemsFound, 0),
  problemsInKey: list.reduce((a, s) => a + s.problemsInKey, 0),
  misses: [],
});
const dev = scores.filter((s) => !HELD_OUT.has(s.writer));
const heldOut = scores.filter((s) => HELD_OUT.has(s.writer));
if (dev.length > 0) console.log(row(sum(dev, 'dev'), 'dev total'));
if (heldOut.length > 0) console.log(row(sum(heldOut, 'held-out'), 'held-out total'));
if (dev.length > 0 && heldOut.length > 0) console.log(row(sum(scores, 'all'), 'all writers'));
if (!process.argv.includes('--quiet')) {
  const showHeld = process.argv.includes('--holdout-misses');
  for (const s of scores) {
    if (HELD_OUT.has(s.writer) && !showHeld) continue;
    if (s.misses.length === 0) continue;
    console.log(`\n${s.writer} misses:`);
    for (const m of s.misses) console.log(`  ${m}`);
  }
}
