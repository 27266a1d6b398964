/**
 * Prints the rule classifier's accuracy on the labelled set: overall, tuning part vs held-out
 * part, per category, and every confusion. Usage: npx tsx scripts/problem-accuracy.ts [--quiet]
 */
import { readFileSync } from 'node:fs';
import {
  evaluateAccuracy,
  type AccuracyReport,
  type LabelledStatement,
} from '../src/analysis/problems/accuracy';

const path = new URL('../tests/fixtures/problems/labelled-statements.json', import.meta.url);
const items = (JSON.parse(readFileSync(path, 'utf8')) as { statements: LabelledStatement[] }).statements;
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const line = (name: string, r: AccuracyReport): string =>
  `${name.padEnd(10)} ${pct(r.accuracy).padStart(6)}  (${r.correct}/${r.total})`;

const all = evaluateAccuracy(items);
console.log(line('overall', all));
console.log(line('tuning', evaluateAccuracy(items.filter((i) => !i.holdout))));
console.log(line('held-out', evaluateAccuracy(items.filter((i) => i.holdout))));
console.log('\nper category:');
for (const [code, row] of all.perCategory)
  if (row.total > 0)
    console.log(`  ${code}  ${pct(row.accuracy).padStart(6)}  (${row.correct}/${row.total})`);
if (!process.argv.includes('--quiet')) {
  console.log('\nconfusions (expected → predicted):');
  for (const c of all.confusions)
    console.log(`  ${c.id} ${c.expected} → ${c.predicted}  [${c.keywords.join('、')}]  ${c.text}`);
}
