/// <reference types="vitest/config" />
import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { contentSecurityPolicy } from './scripts/content-security-policy';
import { parseAppConfig } from './src/store/sources/config';

/**
 * Writes the Content-Security-Policy <meta> tag into the built index.html, first in <head> so it
 * governs everything after it. Build only: the dev server injects inline scripts (React refresh)
 * that a strict policy would block. connect-src follows public/config.json as it is at build
 * time; an invalid config fails the build rather than shipping a policy that blocks its hosts.
 */
function cspMeta(): Plugin {
  return {
    name: 'csp-meta',
    apply: 'build',
    transformIndexHtml(html) {
      const parsed = parseAppConfig(JSON.parse(readFileSync('public/config.json', 'utf8')) as unknown);
      if (!parsed.ok) throw new Error(`public/config.json is invalid: ${JSON.stringify(parsed.error)}`);
      const charset = '<meta charset="UTF-8" />';
      if (!html.includes(charset)) throw new Error('index.html: no <meta charset> to put the CSP after');
      // Written as plain text (not Vite's tag descriptor, which escapes the quotes) so an
      // administrator can read and edit it in dist/index.html (README "Security headers").
      const meta = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(parsed.value)}" />`;
      return html.replace(charset, `${charset}\n    ${meta}`);
    },
  };
}

// Relative base so dist/ works from any sub-path of an intranet web server.
export default defineConfig({
  base: './',
  plugins: [react(), cspMeta()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: false,
    // PROFILE_BUILD=1: readable function names in CPU profiles (the *.measure.ts scripts).
    minify: process.env.PROFILE_BUILD !== '1',
    chunkSizeWarningLimit: 1500,
  },
  server: { port: 5173 },
  preview: { port: 4173 },
  test: {
    environment: 'node',
    include: [
      'src/**/*.test.{ts,tsx}',
      'tests/**/*.test.{ts,tsx}',
      'scripts/**/*.test.ts',
      'mocks/**/*.test.ts',
    ],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    setupFiles: ['./tests/setup.ts'],
    testTimeout: 20000,
    env: { TZ: 'Asia/Shanghai' },
  },
});
