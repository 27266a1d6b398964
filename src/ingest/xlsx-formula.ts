/**
 * Formula cells without a cached value (a workbook written by a library, or saved with manual
 * calculation): the value is computed only when the formula is plain arithmetic on cells of its own
 * row (`=C3+D3`, `=SUM(C3:E3)`, `=(C3-D3)/2`) and every cell it reads holds a number. Anything else
 * (another sheet, another row, other functions, a blank or text operand) is not guessed: the caller
 * flags the cell with its sheet, address and formula. See docs/decisions/0003-xlsx-libraries.md.
 */

/** Why a formula was not computed. */
export type FormulaFailure = 'other_sheet' | 'not_row_arithmetic' | 'operand_not_number' | 'math_error';

export type FormulaValue = { ok: true; value: number } | { ok: false; why: FormulaFailure };

/** 0-based column of letters `A`…`XFD`. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Letters of a 0-based column index (0 → A, 26 → AA). */
export function columnLetters(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Parses `C5` / `$C$5` → 0-based column, 1-based row; null when not a cell address. */
export function parseCellRef(ref: string): { col: number; row: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref);
  if (!m?.[1] || !m[2]) return null;
  return { col: columnIndex(m[1]), row: Number(m[2]) };
}

const REF_IN_FORMULA = /(^|[^A-Za-z0-9_.$"])(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(])/g;

/**
 * A shared formula as it reads in a dependent cell: relative references of the master's text moved
 * by the offset between the two cells (`C3+D3` from row 3 becomes `C7+D7` in row 7); `$` parts stay.
 */
export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  // Text in double quotes is never a reference.
  return formula
    .split('"')
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(
            REF_IN_FORMULA,
            (_m, pre: string, cAbs: string, col: string, rAbs: string, row: string) => {
              const c = cAbs ? col : columnLetters(Math.max(0, columnIndex(col) + dCol));
              const r = rAbs ? row : String(Math.max(1, Number(row) + dRow));
              return `${pre}${cAbs}${c}${rAbs}${r}`;
            },
          ),
    )
    .join('"');
}

type Token =
  | { t: 'num'; v: number }
  | { t: 'ref'; col: number; row: number }
  | { t: 'range'; c1: number; c2: number; r1: number; r2: number }
  | { t: 'op'; v: string }
  | { t: 'sum' };

const TOKEN_RE =
  /\s*(?:(\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|(\$?[A-Za-z]{1,3}\$?\d+)(?::(\$?[A-Za-z]{1,3}\$?\d+))?|(SUM)\s*\(|([-+*/(),]))/iy;

function tokenize(formula: string): Token[] | FormulaFailure {
  if (formula.includes('!')) return 'other_sheet';
  const out: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  const src = formula.trim();
  while (TOKEN_RE.lastIndex < src.length) {
    const at = TOKEN_RE.lastIndex;
    const m = TOKEN_RE.exec(src);
    if (!m || m.index !== at) return 'not_row_arithmetic';
    if (m[1]) out.push({ t: 'num', v: Number(m[1]) });
    else if (m[4]) out.push({ t: 'sum' }, { t: 'op', v: '(' });
    else if (m[2]) {
      const a = parseCellRef(m[2]);
      const b = m[3] ? parseCellRef(m[3]) : a;
      if (!a || !b) return 'not_row_arithmetic';
      if (m[3]) out.push({ t: 'range', c1: a.col, c2: b.col, r1: a.row, r2: b.row });
      else out.push({ t: 'ref', col: a.col, row: a.row });
    } else if (m[5]) out.push({ t: 'op', v: m[5] });
    else if (m[0].trim() === '') break;
  }
  return out;
}

/**
 * Computes `formula` (without the leading `=`) in row `row`, reading operands through `cell`
 * (0-based column → the cell's number, or null when it is blank or not a number). Only the cells of
 * the formula's own row may be read.
 */
export function evaluateRowFormula(
  formula: string,
  row: number,
  cell: (col: number) => number | null,
): FormulaValue {
  const tokens = tokenize(formula.replace(/^=/, ''));
  if (typeof tokens === 'string') return { ok: false, why: tokens };
  let pos = 0;
  let failure: FormulaFailure | null = null;
  const fail = (why: FormulaFailure): number => {
    failure ??= why;
    return Number.NaN;
  };
  const read = (col: number, r: number): number => {
    if (r !== row) return fail('not_row_arithmetic');
    const v = cell(col);
    return v === null ? fail('operand_not_number') : v;
  };
  const peekOp = (v: string) => {
    const tk = tokens[pos];
    return tk?.t === 'op' && tk.v === v;
  };
  const expr = (): number => {
    let v = term();
    while (peekOp('+') || peekOp('-')) {
      const op = (tokens[pos++] as { v: string }).v;
      const w = term();
      v = op === '+' ? v + w : v - w;
    }
    return v;
  };
  const term = (): number => {
    let v = unary();
    while (peekOp('*') || peekOp('/')) {
      const op = (tokens[pos++] as { v: string }).v;
      const w = unary();
      if (op === '/' && w === 0) return fail('math_error');
      v = op === '*' ? v * w : v / w;
    }
    return v;
  };
  const unary = (): number => {
    if (peekOp('-')) {
      pos++;
      return -unary();
    }
    if (peekOp('+')) {
      pos++;
      return unary();
    }
    return primary();
  };
  const primary = (): number => {
    const tk = tokens[pos++];
    if (!tk) return fail('not_row_arithmetic');
    if (tk.t === 'num') return tk.v;
    if (tk.t === 'ref') return read(tk.col, tk.row);
    if (tk.t === 'sum') {
      pos++; // the '(' pushed with SUM
      let total = 0;
      for (;;) {
        const arg = tokens[pos];
        if (arg?.t === 'range') {
          pos++;
          if (arg.r1 !== row || arg.r2 !== row) return fail('not_row_arithmetic');
          for (let c = Math.min(arg.c1, arg.c2); c <= Math.max(arg.c1, arg.c2); c++) total += read(c, row);
        } else total += expr();
        if (peekOp(',')) {
          pos++;
          continue;
        }
        if (peekOp(')')) {
          pos++;
          return total;
        }
        return fail('not_row_arithmetic');
      }
    }
    if (tk.t === 'op' && tk.v === '(') {
      const v = expr();
      if (!peekOp(')')) return fail('not_row_arithmetic');
      pos++;
      return v;
    }
    return fail('not_row_arithmetic');
  };
  const value = expr();
  if (pos !== tokens.length) fail('not_row_arithmetic');
  if (failure) return { ok: false, why: failure };
  if (!Number.isFinite(value)) return { ok: false, why: 'math_error' };
  // Binary floating point: 0.1+0.2 must read as 0.3, as Excel shows it (15 significant digits).
  return { ok: true, value: Number(value.toPrecision(15)) };
}
