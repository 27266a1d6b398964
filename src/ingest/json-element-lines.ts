/**
 * Physical line numbers for the elements of JSON arrays, so that issues in a JSON file can name
 * the line a user sees in an editor (JSON.parse keeps no positions). One linear pass over text
 * that JSON.parse has already accepted; no recursion, so hostile nesting depth costs nothing.
 */

interface Frame {
  readonly kind: 'object' | 'array';
  /** Object-key path of this container ('' = root); null once inside an array (not tracked). */
  readonly path: string | null;
  /** The key whose value comes next (objects only). */
  key: string | null;
  /** Element start lines (tracked arrays only). */
  readonly lines: number[] | null;
}

/**
 * Maps the object-key path of every array reached only through object keys ('' for a root
 * array, 'township_month', 'data/list') to the 1-based line on which each of its elements starts.
 * A key repeated in one object keeps the last array, as JSON.parse does.
 * @example jsonElementLines('{"a":[\n1,\n2]}').get('a') → [2, 3]
 */
export function jsonElementLines(text: string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const stack: Frame[] = [];
  let line = 1;
  let i = 0;
  const n = text.length;

  // Called at the first character of any value: records array element starts.
  const valueStarts = () => {
    const top = stack[stack.length - 1];
    if (top && top.kind === 'array' && top.lines) top.lines.push(line);
  };
  const childPath = (): string | null => {
    const top = stack[stack.length - 1];
    if (!top) return '';
    if (top.kind === 'array' || top.path === null || top.key === null) return null;
    return top.path === '' ? top.key : `${top.path}/${top.key}`;
  };

  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) {
      line++;
      i++;
      continue;
    }
    if (c === 0x20 || c === 0x09 || c === 0x0d || c === 0x2c || c === 0x3a) {
      i++;
      continue;
    }
    if (c === 0x22) {
      // A string: find its end, honouring escapes. Strings cannot contain raw newlines in JSON.
      let j = i + 1;
      while (j < n && text.charCodeAt(j) !== 0x22) j += text.charCodeAt(j) === 0x5c ? 2 : 1;
      const top = stack[stack.length - 1];
      if (top && top.kind === 'object' && top.key === null) {
        top.key = JSON.parse(text.slice(i, j + 1)) as string;
      } else {
        valueStarts();
        if (top && top.kind === 'object') top.key = null;
      }
      i = j + 1;
      continue;
    }
    if (c === 0x7b || c === 0x5b) {
      valueStarts();
      const path = childPath();
      const lines = c === 0x5b && path !== null ? [] : null;
      if (lines && path !== null) out.set(path, lines);
      stack.push({ kind: c === 0x7b ? 'object' : 'array', path, key: null, lines });
      i++;
      continue;
    }
    if (c === 0x7d || c === 0x5d) {
      stack.pop();
      const top = stack[stack.length - 1];
      if (top && top.kind === 'object') top.key = null;
      i++;
      continue;
    }
    // A literal (number, true, false, null): skip to the next delimiter.
    valueStarts();
    const top = stack[stack.length - 1];
    if (top && top.kind === 'object') top.key = null;
    while (i < n && !/[\s,\]}]/.test(text[i] ?? '')) i++;
  }
  return out;
}
