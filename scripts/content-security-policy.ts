/**
 * The Content-Security-Policy the build writes into dist/index.html as a <meta> tag (see the
 * `csp-meta` plugin in vite.config.ts and README "Security headers").
 *
 * Strict by default: scripts, workers, styles, images and fetches from the app's own origin only;
 * no inline script, no eval. `connect-src` also names the hosts `public/config.json` allows at
 * build time (URL import allow-list, reporting endpoint), because a <meta> policy and a header
 * policy are both enforced: a server header can narrow what the meta tag allows, never widen it.
 *
 * Not here because a <meta> policy cannot carry them: `frame-ancestors`, `report-uri`/`report-to`
 * and `sandbox` (browsers ignore them in meta, with a console error). The server sends those.
 */
import type { AppConfig } from '../src/store/sources/config';

/** A config allow-list host (`example.gov.cn`, `*.example.gov.cn`, `host:8443`) as a CSP source. */
const hostSource = (host: string): string => `https://${host}`;

/** The origins the app may fetch from, besides its own: allow-listed hosts and the reporting endpoint. */
export function connectSources(config: AppConfig): string[] {
  const sources = config.urlAllowList.map(hostSource);
  if (config.reportingEndpoint) sources.push(new URL(config.reportingEndpoint.baseUrl).origin);
  return [...new Set(sources)];
}

/**
 * The policy for a config. Every directive, and why:
 * - default-src 'none': anything not named below is refused (frames, media, objects).
 * - script-src 'self': the hashed bundles only; no inline script, no eval (none is needed).
 * - worker-src 'self' blob: — the ingest worker is a bundled same-origin module. blob: because
 *   fflate (inside the XLSX reader and writer) compresses entries of 160 KB or more and inflates
 *   entries of 512 KB or more in workers it starts from blob: URLs; the data table's XLSX export
 *   of a year of reports is such a file, and without blob: it never finishes. A blob: URL can only
 *   be made by script already running in the page, so this does not let injected markup run code.
 * - style-src 'self': the bundled CSS files. React and ECharts set inline styles through the
 *   CSSOM (element.style), which CSP does not restrict; no <style> element or style="" markup
 *   is created at run time (checked by tests/e2e/csp.spec.ts), so 'unsafe-inline' is not needed.
 * - img-src 'self' data: blob: — the favicon; chart images become data: URLs (canvas toDataURL)
 *   and downloads are blob: URLs.
 * - font-src 'self': no web fonts are loaded, but a same-origin one would be allowed.
 * - connect-src 'self' + config hosts: config.json, the sample data, URL import, reporting.
 * - base-uri 'none', form-action 'none', object-src 'none': nothing needs them.
 */
export function contentSecurityPolicy(config: AppConfig): string {
  const directives: [string, ...string[]][] = [
    ['default-src', "'none'"],
    ['script-src', "'self'"],
    ['worker-src', "'self'", 'blob:'],
    ['style-src', "'self'"],
    ['img-src', "'self'", 'data:', 'blob:'],
    ['font-src', "'self'"],
    ['connect-src', "'self'", ...connectSources(config)],
    ['manifest-src', "'self'"],
    ['base-uri', "'none'"],
    ['form-action', "'none'"],
    ['object-src', "'none'"],
  ];
  return directives.map((d) => d.join(' ')).join('; ');
}
