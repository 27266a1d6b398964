/**
 * The shared Playwright config on a private port (4273), for running the dashboard specs while
 * other specs use 4173 on the same machine:
 *   npx playwright test -c tests/e2e/dashboard.config.ts dashboard.spec.ts
 *   npx playwright test -c tests/e2e/dashboard.config.ts perf.measure.ts
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import base from '../../playwright.config';

const PORT = Number.parseInt(process.env.DASHBOARD_E2E_PORT ?? '4273', 10);

// Playwright reads a config file's default export (the root override covers root configs only).
// eslint-disable-next-line import-x/no-default-export
export default defineConfig({
  ...base,
  testDir: '.',
  // Also runs perf.measure.ts when named on the command line (the shared config never does).
  testMatch: ['**/*.spec.ts', '**/*.measure.ts'],
  use: { ...base.use, baseURL: `http://127.0.0.1:${PORT}` },
  webServer: {
    command: `npx vite preview --port ${PORT} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: false,
    timeout: 60_000,
    // The command runs where vite.config.ts and dist/ are, not next to this file.
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
  },
});
