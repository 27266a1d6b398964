/** Township ordering for problem views: the dataset's official order, then first appearance. */
import type { Township } from '../../domain/records';

/**
 * Orders township names: those in `official` first (in that order), then the others in order of
 * first appearance in `seen`. Duplicates are dropped; empty inputs give [].
 */
export function orderTownships(official: readonly Township[], seen: Iterable<string>): string[] {
  const out: string[] = [];
  const has = new Set<string>();
  const present = new Set(seen);
  for (const t of official)
    if (present.has(t.name) && !has.has(t.name)) {
      has.add(t.name);
      out.push(t.name);
    }
  for (const name of present)
    if (!has.has(name)) {
      has.add(name);
      out.push(name);
    }
  return out;
}
