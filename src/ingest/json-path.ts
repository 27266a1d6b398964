/**
 * JSON paths that name where a record is inside a JSON document (`township_month[12]`,
 * `township_month[12].hazards_found`), for issues, rejected and ignored records: a minified JSON
 * file is a single line, so "line 1" cannot tell its records apart (docs/architecture.md,
 * "Bad data is a value": every issue names where it is). Written without the leading `$`, with
 * 0-based indexes as in jq and JavaScript.
 */

const IDENTIFIER = /^[\p{L}_$][\p{L}\p{N}_$]*$/u;

/** One key appended to a path: `.key`, or `["odd key"]` when it is not identifier-like. */
export function appendKey(path: string, key: string): string {
  if (!IDENTIFIER.test(key)) return `${path}[${JSON.stringify(key)}]`;
  return path === '' ? key : `${path}.${key}`;
}

/**
 * The path of element `index` of the array at an object-key path as jsonElementLines names it
 * ('' for a root array, 'township_month', 'data/list'): `[3]`, `township_month[3]`, `data.list[3]`.
 */
export function elementPath(keyPath: string, index: number): string {
  const keys = keyPath === '' ? [] : keyPath.split('/');
  return `${keys.reduce(appendKey, '')}[${index}]`;
}
