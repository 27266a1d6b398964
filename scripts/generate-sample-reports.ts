/**
 * Writes the sample month of township reports (scripts/sample/sample-reports.ts) as Word files:
 *   public/sample/reports/<period>-<township code>.docx   one report per township (18)
 *   public/sample/reports/yunchuan-<period>-reports.zip   all of them, under the names a clerk gives them
 *   public/sample/reports/index.json                      what the app offers as 下载示例月报
 * Usage: npm run generate:sample-reports [-- --out DIR]
 * Deterministic: fixed zip times and document dates (scripts/report-docx.ts), so a re-run writes
 * identical bytes; scripts/sample/sample-reports.test.ts checks the committed files are current.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSampleReportFiles } from './sample/sample-report-files';

const USAGE = 'usage: generate-sample-reports [--out DIR]';

async function main(argv: readonly string[]): Promise<number> {
  let out = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'public');
  for (let i = 0; i < argv.length; i++) {
    const v = argv[i + 1];
    if (argv[i] === '--out' && v) {
      out = resolve(v);
      i++;
    } else {
      process.stderr.write(`${USAGE}\n`);
      return 2;
    }
  }
  for (const [rel, bytes] of await buildSampleReportFiles()) {
    const path = join(out, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, bytes);
    process.stdout.write(`wrote ${path} (${bytes.length} bytes)\n`);
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
