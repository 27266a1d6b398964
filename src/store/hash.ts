/**
 * SHA-256 of file bytes for batch fingerprints. `crypto.subtle` needs a secure context
 * (docs/input-rules.md H1), so plain-HTTP intranet deployments fall back to the JS implementation
 * (sha256-js.ts), loaded when first needed: most fingerprints come from the ingest worker, and the
 * entry chunk has a size budget (issue 13, target 5).
 */

/** Lower-case hex of `bytes`. */
export const toHex = (bytes: Uint8Array): string =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/**
 * Hex SHA-256 of `data`: `crypto.subtle.digest` when available (secure context), else
 * the JS implementation (sha256-js.ts). Both give the same digest, so fingerprints match across deployments.
 */
export async function sha256Hex(data: Uint8Array): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (subtle) {
    try {
      // Copy into a fresh ArrayBuffer: digest() rejects views over SharedArrayBuffer.
      const digest = await subtle.digest('SHA-256', data.slice().buffer);
      return toHex(new Uint8Array(digest));
    } catch {
      // Some browsers expose subtle on insecure origins but reject calls; fall through.
    }
  }
  const { sha256Sync } = await import('./sha256-js');
  return toHex(sha256Sync(data));
}
