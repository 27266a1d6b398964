/**
 * The entry chunk carries only the message areas in `EAGER_MESSAGES` (src/i18n/catalog.ts); the
 * others arrive with the on-demand views (issue 13). A key of a lazy area used by code the entry
 * chunk runs would show as its raw key on the landing view. This walks the static (non-type)
 * import graph from src/main.tsx — the code the bundler puts in the entry chunk, dynamic
 * `import()`s excluded — and fails on any string literal that is a lazy-area key.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { EAGER_MESSAGES } from '../src/i18n/catalog';
import { LAZY_MESSAGES } from '../src/i18n/lazy-messages';

const ROOT = path.join(import.meta.dirname, '..');

function resolve(from: string, spec: string): string | null {
  const base = path.join(path.dirname(from), spec);
  for (const c of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')])
    if (fs.existsSync(c) && fs.statSync(c).isFile()) return c;
  return null;
}

/** Relative modules `sf` imports for their values (type-only imports are erased). */
function valueImports(sf: ts.SourceFile): string[] {
  const out: string[] = [];
  for (const node of sf.statements) {
    if (ts.isImportDeclaration(node)) {
      if (node.importClause?.isTypeOnly) continue;
      const spec = node.moduleSpecifier;
      if (ts.isStringLiteral(spec) && spec.text.startsWith('.')) out.push(spec.text);
    } else if (ts.isExportDeclaration(node) && !node.isTypeOnly && node.moduleSpecifier) {
      const spec = node.moduleSpecifier;
      if (ts.isStringLiteral(spec) && spec.text.startsWith('.')) out.push(spec.text);
    }
  }
  return out;
}

function stringLiterals(sf: ts.SourceFile): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n))
      out.push({ text: n.text, line: sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1 });
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

/** Every file the entry chunk holds, by the static value-import graph from `entry`. */
function entryGraph(entry: string): Map<string, ts.SourceFile> {
  const seen = new Map<string, ts.SourceFile>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file) || !/\.tsx?$/.test(file)) continue;
    const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    seen.set(file, sf);
    for (const spec of valueImports(sf)) {
      const target = resolve(file, spec);
      if (target) queue.push(target);
    }
  }
  return seen;
}

/**
 * Files that name lazy keys as codes they produce (validation results), not text they show: their
 * results are shown by the import report, settings and detail panel, which load on demand.
 */
const PRODUCES_CODES_ONLY = new Map([
  [
    'src/ingest/township-match.ts',
    'checkTownshipName returns cells.township.* codes; settings and import show them',
  ],
  [
    'src/analysis/hazard-figures.ts',
    'ledgerReportChecks returns ingest.crosscheck_* codes; import report and detail show them',
  ],
]);

describe('messages in the entry chunk', () => {
  const graph = entryGraph(path.join(ROOT, 'src', 'main.tsx'));

  it('walks the app shell and the landing view, and not the on-demand views', () => {
    const files = [...graph.keys()].map((f) => path.relative(ROOT, f));
    expect(files).toContain('src/app/routes/overview-route.tsx');
    expect(files).toContain('src/components/chart-frame.tsx');
    expect(files).not.toContain('src/features/import/import-report.tsx');
    expect(files).not.toContain('src/i18n/lazy-messages.ts');
  });

  it('uses no key of a lazy message area', () => {
    const lazy = new Set(Object.keys(LAZY_MESSAGES));
    const found: string[] = [];
    for (const [file, sf] of graph) {
      if (PRODUCES_CODES_ONLY.has(path.relative(ROOT, file))) continue;
      for (const s of stringLiterals(sf))
        if (lazy.has(s.text)) found.push(`${path.relative(ROOT, file)}:${s.line} ${s.text}`);
    }
    expect(found).toEqual([]);
  });

  it('splits the areas cleanly: no key is both eager and lazy', () => {
    const eager = new Set(Object.keys(EAGER_MESSAGES));
    expect(Object.keys(LAZY_MESSAGES).filter((k) => eager.has(k))).toEqual([]);
  });
});
