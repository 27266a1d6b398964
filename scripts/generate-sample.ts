/**
 * Writes the bundled sample and the template under public/ (or --out DIR):
 *   npm run generate:sample [-- --out DIR] [--seed N]
 * Output is deterministic: running it twice gives byte-identical files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SAMPLE_SEED } from './sample/district';
import { buildSampleFiles } from './sample/files';

const USAGE = 'usage: generate-sample [--out DIR] [--seed N]';

function main(argv: readonly string[]): number {
  let out = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'public');
  let seed = SAMPLE_SEED;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = argv[i + 1];
    if (a === '--out' && v) {
      out = resolve(v);
      i++;
    } else if (a === '--seed' && v && /^\d{1,10}$/.test(v)) {
      seed = Number.parseInt(v, 10);
      i++;
    } else {
      process.stderr.write(`${USAGE}\n`);
      return 2;
    }
  }
  for (const [rel, text] of buildSampleFiles(seed)) {
    const path = join(out, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text, 'utf8');
    process.stdout.write(`wrote ${path} (${Buffer.byteLength(text, 'utf8')} bytes)\n`);
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
