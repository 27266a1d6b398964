/**
 * Import cycles in shipped code, counting type-only imports too. ESLint's import-x/no-cycle (on for
 * src/ in eslint.config.js) skips `import type`, so a cycle made of type imports alone, like the
 * one src/app/views.tsx once had with every route file, passes lint; this check catches it.
 *
 * Usage: `npx tsx scripts/import-cycles.ts` prints each cycle group (files that import each other,
 * directly or through others) and exits 1 when there is one.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** The relative module specifiers a file imports or re-exports (values and types alike). */
export function importsOf(fileName: string, text: string): string[] {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false);
  const out: string[] = [];
  for (const node of sf.statements) {
    const spec =
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier
        ? node.moduleSpecifier
        : undefined;
    if (spec && ts.isStringLiteral(spec) && spec.text.startsWith('.')) out.push(spec.text);
  }
  return out;
}

/** Resolves a relative specifier the way the project writes them (extensionless, or a folder index). */
function resolveIn(files: ReadonlySet<string>, from: string, spec: string): string | null {
  const base = path.posix.join(path.posix.dirname(from), spec);
  for (const c of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`])
    if (files.has(c)) return c;
  return null;
}

/**
 * The cycle groups (strongly connected components with more than one file, or a file importing
 * itself) of the import graph of `sources` (path → text, posix paths). Each group sorted by path.
 */
export function importCycles(sources: ReadonlyMap<string, string>): string[][] {
  const files = new Set(sources.keys());
  const edges = new Map<string, string[]>();
  for (const [file, text] of sources) {
    const targets: string[] = [];
    for (const spec of importsOf(file, text)) {
      const t = resolveIn(files, file, spec);
      if (t !== null) targets.push(t);
    }
    edges.set(file, targets);
  }
  // Tarjan's algorithm.
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v)!) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1 || edges.get(v)!.includes(v)) groups.push(group.sort());
    }
  };
  for (const v of [...files].sort()) if (!index.has(v)) visit(v);
  return groups;
}

/** The shipped TypeScript files under `dir` (tests and declaration files left out), posix paths. */
export function shippedSources(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(e.name) && !/\.test\.tsx?$|\.d\.ts$/.test(e.name))
        out.set(p.split(path.sep).join('/'), fs.readFileSync(p, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const groups = importCycles(shippedSources('src'));
  for (const g of groups) console.log(`cycle: ${g.join(' → ')}`);
  console.log(`${groups.length} import cycle group(s) in src/ (type-only imports included)`);
  process.exitCode = groups.length > 0 ? 1 : 0;
}
