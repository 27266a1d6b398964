/**
 * One contender of the ingest benchmark (scripts/bench-ingest.ts) in a process of its own:
 * `tsx scripts/bench-ingest-child.ts STEP FILE WARM_FILE ENCODING TODAY RUNS`. Warms up twice on
 * the small file, then times RUNS runs on the big one (a full GC before each, the previous result
 * dropped) and prints one JSON array of measures on stdout. Kept apart from the parent so a child
 * loads only the ingest and PapaParse.
 */
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { ingestAnyBytes } from '../src/ingest/ingest-any-file';

export type Step = 'decode' | 'papa-header' | 'papa-rows' | 'ingest';
export type Encoding = 'utf-8' | 'gb18030';

export interface ChildMeasure {
  /** Whole step (bytes → result), wall-clock ms. */
  readonly ms: number;
  /** CPU time of the process over the step (all threads, GC helpers included), ms. */
  readonly cpuMs: number;
  /** Peak RSS of the process so far, MB. */
  readonly maxRssMb: number;
  /** V8 heap after a full GC with the step's result still referenced, MB. */
  readonly heapKeptMb: number;
  readonly summary: string;
}

function runStep(
  step: Step,
  bytes: Uint8Array,
  encoding: Encoding,
  today: string,
): { ms: number; keep: unknown; summary: string } {
  const t0 = performance.now();
  if (step === 'ingest') {
    const r = ingestAnyBytes(bytes, {
      fileName: 'bench.csv',
      knownTownships: [],
      today,
      limits: { maxBytes: Number.MAX_SAFE_INTEGER },
    });
    const ms = performance.now() - t0;
    const c = r.counts;
    return {
      ms,
      keep: r,
      summary: `${r.status} ${r.encoding}: total ${c.total}, accepted ${c.accepted}, rejected ${c.rejected}, ignored ${c.ignored}, issues ${r.issues.length}`,
    };
  }
  const text = new TextDecoder(encoding).decode(bytes);
  if (step === 'decode') return { ms: performance.now() - t0, keep: text, summary: `${text.length} chars` };
  const parsed = Papa.parse(text, { header: step === 'papa-header', skipEmptyLines: false });
  return { ms: performance.now() - t0, keep: parsed, summary: `${parsed.data.length} rows` };
}

function main(): void {
  const [, , step, file, warmFile, encoding, today, runsArg] = process.argv;
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
  const warm = new Uint8Array(readFileSync(warmFile ?? ''));
  runStep(step as Step, warm, encoding as Encoding, today ?? '');
  runStep(step as Step, warm, encoding as Encoding, today ?? '');
  const bytes = new Uint8Array(readFileSync(file ?? ''));
  const out: ChildMeasure[] = [];
  let keep: unknown = null;
  for (let k = 0; k < Number.parseInt(runsArg ?? '1', 10); k++) {
    keep = null;
    gc();
    const cpu0 = process.cpuUsage();
    const run = runStep(step as Step, bytes, encoding as Encoding, today ?? '');
    const cpu = process.cpuUsage(cpu0);
    keep = run.keep;
    gc();
    out.push({
      ms: run.ms,
      cpuMs: (cpu.user + cpu.system) / 1000,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
      heapKeptMb: process.memoryUsage().heapUsed / 2 ** 20,
      summary: run.summary,
    });
  }
  // The last result stays referenced until its heap was measured.
  if (keep === process) process.stdout.write('');
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

main();
