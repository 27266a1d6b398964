/**
 * Hazard-ledger ingest benchmark (`npm run bench -- --ledger [--rows 100000,1000000] [--runs N]`):
 * the city-scale ledger of scripts/sample/ledger.ts (with its planted bad rows), as UTF-8 (with
 * BOM, Excel's "CSV UTF-8") and as GB18030 (a Chinese-locale "CSV"), timed bytes → records the
 * way the worker runs it (`ingestAnyBytes`) against PapaParse on the same bytes in the same run.
 *
 * Every measurement runs in its own child process (one warm-up on a 5,000-row file first, then
 * one timed run on the whole file), so time and memory of one step never share a heap with
 * another: peak RSS is the child's `maxRSS`, and "heap kept" is the V8 heap after a full GC with
 * the step's result still referenced (what the step leaves behind). Steps alternate, and each is
 * run `--runs` times; the medians are printed. Nothing here asserts a time.
 */
import Papa from 'papaparse';
import { fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { ingestAnyBytes } from '../src/ingest/ingest-any-file';
import { encodeGb18030 } from './sample/gb18030';
import { LEDGER_TODAY, ledgerCsv } from './sample/ledger';

type Step = 'decode' | 'papa-header' | 'papa-rows' | 'ingest';
const STEPS: readonly Step[] = ['decode', 'papa-header', 'papa-rows', 'ingest'];
type Encoding = 'utf-8' | 'gb18030';

interface Measure {
  /** Whole step (bytes → result), wall-clock ms. */
  readonly ms: number;
  /** CPU time of the process over the step (all threads, GC helpers included), ms. */
  readonly cpuMs: number;
  /** Of which decoding (Papa steps only), ms. */
  readonly decodeMs: number;
  readonly maxRssMb: number;
  readonly heapKeptMb: number;
  readonly summary: string;
}

function runStep(
  step: Step,
  bytes: Uint8Array,
  encoding: Encoding,
): { ms: number; decodeMs: number; keep: unknown; summary: string } {
  const t0 = performance.now();
  if (step === 'ingest') {
    const r = ingestAnyBytes(bytes, {
      fileName: 'ledger.csv',
      knownTownships: [],
      today: LEDGER_TODAY,
      limits: { maxBytes: Number.MAX_SAFE_INTEGER },
    });
    const ms = performance.now() - t0;
    const c = r.counts;
    return {
      ms,
      decodeMs: 0,
      keep: r,
      summary: `${r.status} ${r.encoding}: total ${c.total}, accepted ${c.accepted}, rejected ${c.rejected}, ignored ${c.ignored}, issues ${r.issues.length}`,
    };
  }
  const text = new TextDecoder(encoding).decode(bytes);
  const decodeMs = performance.now() - t0;
  if (step === 'decode') return { ms: decodeMs, decodeMs, keep: text, summary: `${text.length} chars` };
  const parsed = Papa.parse(text, { header: step === 'papa-header', skipEmptyLines: false });
  const ms = performance.now() - t0;
  return { ms, decodeMs, keep: parsed, summary: `${parsed.data.length} rows` };
}

/** Child side: warm up on the small file, time one run on the big one, report JSON on stdout. */
function child(step: Step, file: string, warmFile: string, encoding: Encoding): void {
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
  const warm = new Uint8Array(readFileSync(warmFile));
  runStep(step, warm, encoding);
  runStep(step, warm, encoding);
  const bytes = new Uint8Array(readFileSync(file));
  gc();
  const cpu0 = process.cpuUsage();
  const run = runStep(step, bytes, encoding);
  const cpu = process.cpuUsage(cpu0);
  gc();
  const heapKept = process.memoryUsage().heapUsed;
  const out: Measure = {
    ms: run.ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    decodeMs: run.decodeMs,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    heapKeptMb: heapKept / 2 ** 20,
    summary: run.summary,
  };
  // Keep the result alive until the heap was measured.
  if (run.keep === process) process.stdout.write('');
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

function measureInChild(step: Step, file: string, warmFile: string, encoding: Encoding): Promise<Measure> {
  return new Promise((resolve, reject) => {
    const p = fork(fileURLToPath(import.meta.url), ['--child', step, file, warmFile, encoding], {
      execArgv: [...process.execArgv, '--expose-gc', '--max-old-space-size=12000'],
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    });
    let out = '';
    p.stdout?.on('data', (d: Buffer) => (out += d.toString()));
    p.on('exit', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      if (code !== 0) reject(new Error(`${step} child exited with ${code}`));
      else resolve(JSON.parse(last) as Measure);
    });
  });
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

export async function benchLedger(): Promise<void> {
  const sizes = (argValue('--rows') ?? '100000,1000000').split(',').map((s) => Number.parseInt(s, 10));
  const runsArg = argValue('--runs');
  const dir = mkdtempSync(join(tmpdir(), 'tsd-bench-ledger-'));
  const lines: string[] = [];
  const pad = (s: string, n: number, right = false) => (right ? s.padStart(n) : s.padEnd(n));
  const header =
    `${pad('rows', 10)}${pad('encoding', 9)}${pad('MB', 7, true)}  ${pad('step', 24)}${pad('median ms', 10, true)}` +
    `${pad('÷Papa hdr', 10, true)}${pad('÷Papa+dec', 10, true)}${pad('CPU ms', 8, true)}${pad('CPU÷', 7, true)}${pad('peak RSS MB', 12, true)}${pad('heap kept MB', 13, true)}`;
  try {
    const warmCsv = ledgerCsv(5000, { seed: 7 });
    for (const rows of sizes) {
      process.stderr.write(`generating ${rows} ledger rows…\n`);
      const csv = ledgerCsv(rows);
      const runs = runsArg ? Number.parseInt(runsArg, 10) : rows >= 500_000 ? 1 : 3;
      for (const encoding of ['utf-8', 'gb18030'] as const) {
        const encode = (s: string) =>
          encoding === 'utf-8' ? new TextEncoder().encode(`\uFEFF${s}`) : encodeGb18030(s);
        const file = join(dir, `ledger-${rows}-${encoding}.csv`);
        const warmFile = join(dir, `warm-${encoding}.csv`);
        const bytes = encode(csv);
        writeFileSync(file, bytes);
        writeFileSync(warmFile, encode(warmCsv));
        const results = new Map<Step, Measure[]>(STEPS.map((s) => [s, []]));
        for (let k = 0; k < runs; k++) {
          for (const step of STEPS) {
            const m = await measureInChild(step, file, warmFile, encoding);
            results.get(step)?.push(m);
            process.stderr.write(
              `  ${rows} ${encoding} ${step} #${k + 1}: ${m.ms.toFixed(0)} ms, ${m.maxRssMb.toFixed(0)} MB — ${m.summary}\n`,
            );
          }
        }
        const med = (step: Step, f: (m: Measure) => number) => median((results.get(step) ?? []).map(f));
        const papaParse = med('papa-header', (m) => m.ms - m.decodeMs);
        const papaAll = med('papa-header', (m) => m.ms);
        const papaCpu = med('papa-header', (m) => m.cpuMs);
        for (const step of STEPS) {
          const ms = med(step, (m) => m.ms);
          const cpuMs = med(step, (m) => m.cpuMs);
          const label = {
            decode: 'TextDecoder',
            'papa-header': 'decode+Papa header:true',
            'papa-rows': 'decode+Papa header:false',
            ingest: 'ingestAnyBytes',
          }[step];
          lines.push(
            `${pad(rows.toLocaleString('en-US'), 10)}${pad(encoding, 9)}${pad((bytes.length / 1e6).toFixed(1), 7, true)}  ` +
              `${pad(label, 24)}${pad(ms.toFixed(0), 10, true)}${pad(`×${(ms / papaParse).toFixed(2)}`, 10, true)}` +
              `${pad(`×${(ms / papaAll).toFixed(2)}`, 10, true)}${pad(cpuMs.toFixed(0), 8, true)}` +
              `${pad(`×${(cpuMs / papaCpu).toFixed(2)}`, 7, true)}${pad(med(step, (m) => m.maxRssMb).toFixed(0), 12, true)}` +
              `${pad(med(step, (m) => m.heapKeptMb).toFixed(0), 13, true)}`,
          );
        }
        lines.push(
          `${pad('', 26)}  ${pad('(Papa header:true parse only)', 24)}${pad(papaParse.toFixed(0), 10, true)}`,
        );
        rmSync(file);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  process.stdout.write(
    `\nNode ${process.version}; each step in its own process (warm-up on 5,000 rows, then one timed run);\n` +
      `median of the runs. ÷Papa hdr: against Papa.parse(text, {header: true}) alone (text decoded outside the\n` +
      `timing); ÷Papa+dec: against TextDecoder + Papa header:true, i.e. bytes → rows. CPU ms: the child's CPU\n` +
      `time over the step (GC threads included; steadier than wall time on a busy machine), CPU÷ its ratio to\n` +
      `decode+Papa header:true.\n\n${header}\n${'-'.repeat(header.length)}\n${lines.join('\n')}\n`,
  );
}

if (process.argv[2] === '--child') {
  const [, , , step, file, warmFile, encoding] = process.argv;
  child(step as Step, file ?? '', warmFile ?? '', encoding as Encoding);
}
