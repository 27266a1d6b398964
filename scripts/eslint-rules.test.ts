/**
 * The import rules of eslint.config.js really see the project's imports. They once did not: the
 * plugin could not resolve extensionless TypeScript imports, so the layer zones and no-cycle
 * passed every file without looking (docs/architecture.md, "Layers").
 */
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint();
}, 60_000);

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

describe('eslint import rules', () => {
  it('reports a pure layer importing the app layer', async () => {
    const ids = await ruleIds(
      "import { todayLocal } from '../app/clock';\nexport const probe = todayLocal;\n",
      'src/domain/layer-probe.ts',
    );
    expect(ids).toContain('import-x/no-restricted-paths');
  }, 60_000);

  it('reports an import cycle (app.tsx imports clock.ts, which would import app.tsx)', async () => {
    const ids = await ruleIds(
      "import { App } from './app';\nexport const probe = App;\nexport const todayLocal = (): string => '2025-01-01';\nexport const nowIso = (): string => '';\n",
      'src/app/clock.ts',
    );
    expect(ids).toContain('import-x/no-cycle');
  }, 60_000);
});
