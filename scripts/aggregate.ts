/**
 * The scale-out aggregate CLI (docs/scale-out.md):
 *
 *   npm run --silent aggregate -- --as-of YYYY-MM-DD [--skip N] [--threads N] [--memory-limit 2GB] [--verbose] FILES... --out agg.json
 *
 * FILES are hazard ledgers as CSV (UTF-8, as townships send them) or Parquet/CSV with the
 * canonical columns. Prints the accounting (rows read = aggregated + rejected + ignored, each
 * reason with its count and example rows).
 *
 *   npm run --silent aggregate -- --as-of YYYY-MM-DD --cell-dict distinct.csv --out cell_dict.csv
 *
 * reads another engine's distinct cell texts (columns field, raw) and writes the cell_dict table
 * sql/hazard-tally.sql joins, read by the app's own cell grammars (docs/scale-out.md). Exit status: 0 written; 1 a file could not be
 * aggregated (nothing written); 2 usage error.
 */
import { writeFileSync } from 'node:fs';
import { isIsoDate } from '../src/domain/month';
import { aggregateLedgers, formatAggregate, writeCellDictionary } from './hazard-aggregate';

const USAGE =
  'usage: npm run --silent aggregate -- --as-of YYYY-MM-DD [--skip N] [--threads N] [--memory-limit 2GB] [--verbose] FILES... --out agg.json\n       npm run --silent aggregate -- --as-of YYYY-MM-DD --cell-dict distinct.csv --out cell_dict.csv';

async function main(argv: readonly string[]): Promise<number> {
  const files: string[] = [];
  let out: string | null = null;
  let asOf: string | null = null;
  let skip: number | undefined;
  let threads: number | undefined;
  let memoryLimit: string | undefined;
  let verbose = false;
  let cellDict: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    const next = (): string => argv[++i] ?? '';
    if (a === '--out') out = next();
    else if (a === '--as-of') asOf = next();
    else if (a === '--skip') skip = Number(next());
    else if (a === '--threads') threads = Number(next());
    else if (a === '--memory-limit') memoryLimit = next();
    else if (a === '--verbose') verbose = true;
    else if (a === '--cell-dict') cellDict = next();
    else if (a.startsWith('--')) {
      process.stderr.write(`unknown option ${a}\n${USAGE}\n`);
      return 2;
    } else files.push(a);
  }
  if (cellDict !== null && out && asOf && isIsoDate(asOf)) {
    const n = await writeCellDictionary(cellDict, out, asOf);
    process.stdout.write(`${n} cell_dict entries → ${out}\n`);
    return 0;
  }
  if (
    files.length === 0 ||
    !out ||
    !asOf ||
    !isIsoDate(asOf) ||
    (skip !== undefined && (!Number.isInteger(skip) || skip < 0))
  ) {
    process.stderr.write(
      `${USAGE}\n(--as-of is required: overdue is counted at that date, so the output is reproducible)\n`,
    );
    return 2;
  }
  const started = Date.now();
  const onPhase = verbose
    ? (file: string, phase: string, ms: number) =>
        void process.stderr.write(`${file}: ${phase} ${(ms / 1000).toFixed(1)} s\n`)
    : undefined;
  const doc = await aggregateLedgers(files, { asOf, skip, threads, memoryLimit, onPhase });
  const a = doc.accounting;
  const log = (s: string): void => void process.stdout.write(`${s}\n`);
  for (const f of doc.inputs) {
    log(
      f.error
        ? `${f.file}: FAILED: ${f.error}`
        : `${f.file} (${f.format}${f.header_line ? `, header on line ${f.header_line}` : ''}): ${f.rows_read} rows read = ${f.aggregated} aggregated + ${f.rejected} rejected + ${f.ignored} ignored`,
    );
    const unused = f.columns.filter((c) => c.field === null).map((c) => c.header);
    if (unused.length > 0) log(`  columns not used: ${unused.join(', ')}`);
  }
  log(
    `total: ${a.rows_read} rows read = ${a.aggregated} aggregated + ${a.rejected} rejected + ${a.ignored} ignored`,
  );
  for (const r of a.reasons) {
    const where = r.samples
      .map((s) => `${s.file}:${s.line !== undefined ? `line ${s.line}` : `row ${s.row}`}`)
      .join(', ');
    log(
      `  ${r.kind} ${r.count} × ${r.reason}${r.field ? ` (${r.field})` : ''}${where ? `, e.g. ${where}` : ''}`,
    );
  }
  const failed = doc.inputs.filter((f) => f.error);
  if (failed.length > 0) {
    process.stderr.write(`${failed.length} file(s) could not be aggregated; nothing written\n`);
    return 1;
  }
  if (a.rows_read !== a.aggregated + a.rejected + a.ignored) {
    process.stderr.write('accounting does not add up; nothing written\n');
    return 1;
  }
  writeFileSync(out, formatAggregate(doc));
  log(
    `${doc.tallies.length} tally rows (as of ${doc.as_of}) → ${out} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
