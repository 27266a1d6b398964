/**
 * Prints the longest named functions in shipped code (src/ and scripts/, tests excluded), for the
 * structure reviews of docs/architecture.md: `npm run metrics [-- N]` (default 25 rows).
 */
import ts from 'typescript';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const limit = Number(process.argv[2] ?? 25);
const files = execFileSync('git', ['ls-files', 'src/**/*.ts', 'src/**/*.tsx', 'scripts/*.ts'])
  .toString()
  .trim()
  .split('\n')
  .filter((f) => !/\.test\.|test-|testing\//.test(f));

const rows: { lines: number; where: string }[] = [];
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const kind = file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const visit = (n: ts.Node): void => {
    if (ts.isFunctionLike(n) && 'body' in n && n.body !== undefined) {
      let name = n.name?.getText(sf) ?? '';
      if (name === '' && ts.isVariableDeclaration(n.parent)) name = n.parent.name.getText(sf);
      const start = sf.getLineAndCharacterOfPosition(n.getStart(sf)).line;
      const end = sf.getLineAndCharacterOfPosition(n.getEnd()).line;
      if (name !== '') rows.push({ lines: end - start + 1, where: `${file}:${start + 1} ${name}` });
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
}
rows.sort((a, b) => b.lines - a.lines);
for (const r of rows.slice(0, limit)) console.log(`${String(r.lines).padStart(5)}  ${r.where}`);
