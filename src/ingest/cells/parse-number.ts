/**
 * Number grammars for counts, money and rates (docs/domain.md#not-reported-vs-zero; docs/input-rules.md D8–D14, D24–D26).
 * A strict, anchored grammar: `Number()` is never applied to raw text (it reads '' as 0, '0x1A'
 * as 26 and '1e3' as 1000). Input is capped before any regex runs (docs/input-rules.md F9).
 */
import { cellError, cellValue, quoteValue, type CellNote, type CellResult } from './cell-result';
import { CHINESE_NUMERAL_CHARS, parseChineseInteger } from './chinese-numerals';
import { isFinal, prepareCell } from './prepare-cell';

/** Longest number cell accepted (after normalisation); longer input is rejected before parsing. */
export const MAX_NUMBER_CHARS = 64;

// Counts above 2^53 cannot be held exactly; 15 significant digits keep every step exact.
const MAX_DIGITS = 15;

// "Reported as zero" words (docs/domain.md#not-reported-vs-zero). Not for rates, where they mean "not applicable".
const NONE_WORDS = new Set(['无', '没有', '未发生', '暂无', '未发现', '无发生', '没发生']);

const APPROX_PREFIX = /^(?:大约|大概|约|将近|接近|近)\s*/;
const APPROX_SUFFIX = /\s*(?:左右|上下|以上)$/;
const NEGATIVE_SIGN = /^[-\u2212\uFE63]\s*(?=[0-9.])/;
const NOT_FINITE = /^[-+]?(?:infinity|inf|nan|∞)$/i;
const SCIENTIFIC = /^[-+]?\d+(?:\.\d+)?e[-+]?\d+/i;
const RADIX = /^0[xob][0-9a-f]+$/i;
// Thousands groups: `1,234`, `1 234` (NFKC has turned `，` and U+3000 into `,` and a space).
const GROUPED = /^(\d{1,3})((?:[, ]\d{3})+)(?!\d)(?:\.(\d+))?/;
const PLAIN = /^(\d+)(?:\.(\d+))?/;
const CN_RUN = new RegExp(`^[${CHINESE_NUMERAL_CHARS}]+`);
const COUNT_REST = /^(万|千)?(余|多|来)?(.*)$/s;
const MONEY_REST = /^(余|多|来)?(万|千|百)?(余|多|来)?(元)?$/;
// A unit is a short run of letters (处, 人次, 场(次)); anything else after a number is not a unit.
const UNIT_LIKE = /^[\p{L}()]{1,6}$/u;

/** A non-negative decimal read from text, kept as digit strings so nothing is rounded. */
interface Scanned {
  readonly intDigits: string;
  readonly fracDigits: string;
  readonly grouped: boolean;
  readonly chinese: boolean;
  readonly approx: boolean;
  readonly negative: boolean;
  /** Text after the number with all whitespace removed (multiplier, 余, unit …). */
  readonly rest: string;
}

type ScanFailure = 'invalid' | 'scientific' | 'not_finite';

/** Reads the number at the start of a prepared cell, with approximation words around it. */
function scanNumber(text: string): Scanned | ScanFailure {
  let s = text;
  let approx = false;
  const pre = APPROX_PREFIX.exec(s);
  if (pre) {
    approx = true;
    s = s.slice(pre[0].length);
  }
  const suf = APPROX_SUFFIX.exec(s);
  if (suf) {
    approx = true;
    s = s.slice(0, s.length - suf[0].length);
  }
  if (NOT_FINITE.test(s)) return 'not_finite';
  if (SCIENTIFIC.test(s) || RADIX.test(s)) return 'scientific';
  let negative = false;
  const sign = NEGATIVE_SIGN.exec(s);
  if (sign) {
    negative = true;
    s = s.slice(sign[0].length);
  }
  const g = GROUPED.exec(s);
  if (g) {
    const groups = (g[2] ?? '').replace(/[, ]/g, '');
    return {
      intDigits: (g[1] ?? '') + groups,
      fracDigits: g[3] ?? '',
      grouped: true,
      chinese: false,
      approx,
      negative,
      rest: s.slice(g[0].length).replace(/\s+/g, ''),
    };
  }
  const p = PLAIN.exec(s);
  if (p) {
    return {
      intDigits: p[1] ?? '',
      fracDigits: p[2] ?? '',
      grouped: false,
      chinese: false,
      approx,
      negative,
      rest: s.slice(p[0].length).replace(/\s+/g, ''),
    };
  }
  const c = CN_RUN.exec(s);
  if (c && !negative) {
    const v = parseChineseInteger(c[0]);
    if (v === null) return 'invalid';
    return {
      intDigits: String(v),
      fracDigits: '',
      grouped: false,
      chinese: true,
      approx,
      negative,
      rest: s.slice(c[0].length).replace(/\s+/g, ''),
    };
  }
  return 'invalid';
}

/** Digits → number; only ever called on a validated run of at most 15 ASCII digits. */
function digitsToNumber(digits: string): number {
  let v = 0;
  for (let i = 0; i < digits.length; i++) v = v * 10 + (digits.charCodeAt(i) - 48);
  return v;
}

/** value = digits × 10^exp, with exp ≤ 0 done as ONE division so the result is correctly rounded. */
function scaled(digits: string, exp: number): number {
  const n = digitsToNumber(digits);
  return exp >= 0 ? n * 10 ** exp : n / 10 ** -exp;
}

const stripLeadingZeros = (d: string): string => d.replace(/^0+(?=\d)/, '');

function scanError(
  f: ScanFailure,
  raw: string,
  invalidCode: 'cells.count.invalid' | 'cells.money.invalid' | 'cells.rate.invalid',
) {
  const value = quoteValue(raw);
  if (f === 'scientific') return cellError('cells.number.scientific', { value });
  if (f === 'not_finite') return cellError('cells.number.not_finite', { value });
  return cellError(invalidCode, { value });
}

const unwrapParens = (unit: string): string => unit.replace(/^\((.+)\)$/, '$1');

/**
 * Parses a count (non-negative integer). Accepts full-width digits, thousands separators
 * (`1,234`, `1，234`, `1 234`), a unit listed in `opts.units` (`6处`), approximations (`380余`,
 * `近200`, `约50`, `50左右`, `300多` → note `approx`), `万`/`千` multipliers (`1.9万余份` → 19000,
 * approx), Chinese numerals (`六`, `十二`, `三次`), `6.0` (→ 6, `integer_from_decimal`) and Excel's
 * text markers. Blank, `/`, dashes and Excel errors → null; `无`/`没有`/`未发生` → 0 (`none_as_zero`).
 * Errors: negative, fractional (`3.5`), `1.234` (dot used as a thousands separator), a unit not
 * in `opts.units` (`6人次` for hazards; with no units, any unit), scientific/hex, Infinity/NaN.
 * @example parseCount('1,600余人', { units: ['人次', '人'] }) // value 1600, notes thousands_separator, approx, unit_stripped
 */
export function parseCount(raw: string, opts: { units: readonly string[] }): CellResult<number> {
  const prepared = prepareCell(raw, MAX_NUMBER_CHARS);
  if (isFinal(prepared)) return prepared;
  const notes: CellNote[] = [...prepared.notes];
  const value = quoteValue(raw);
  if (NONE_WORDS.has(prepared.text)) return cellValue(0, [...notes, 'none_as_zero']);
  const sc = scanNumber(prepared.text);
  if (typeof sc === 'string') return scanError(sc, raw, 'cells.count.invalid');
  if (sc.negative) return cellError('cells.number.negative', { value });
  const m = COUNT_REST.exec(sc.rest);
  if (!m) return cellError('cells.count.invalid', { value });
  const multiplier = sc.chinese ? undefined : m[1];
  if (sc.chinese && m[1] !== undefined) return cellError('cells.count.invalid', { value });
  const unit = unwrapParens(m[3] ?? '');
  if (unit !== '') {
    if (!UNIT_LIKE.test(unit)) return cellError('cells.count.invalid', { value });
    if (!opts.units.includes(unit) && !opts.units.map(unwrapParens).includes(unit)) {
      return cellError('cells.count.wrong_unit', {
        value,
        unit,
        expected: opts.units.length > 0 ? opts.units.join('、') : '（无单位）',
      });
    }
    notes.push('unit_stripped');
  }
  if (sc.grouped) notes.push('thousands_separator');
  // A multiplier or 余/多/来 means the clerk rounded: 3千 and 1.9万 are not exact counts.
  if (sc.approx || m[2] !== undefined || multiplier !== undefined) notes.push('approx');
  const exp = multiplier === '万' ? 4 : multiplier === '千' ? 3 : 0;
  const frac = sc.fracDigits;
  if (exp === 0 && frac.length === 3 && sc.intDigits.length <= 3 && !sc.grouped) {
    // `1.234` is how a European locale writes 1234; in a count it cannot be a decimal.
    return cellError('cells.count.dot_separator', {
      value,
      suggestion: stripLeadingZeros(sc.intDigits + frac),
    });
  }
  let digits = stripLeadingZeros(sc.intDigits + frac);
  const shift = exp - frac.length;
  if (shift >= 0) {
    digits = digits === '0' ? '0' : digits + '0'.repeat(shift);
  } else {
    const dropped = digits.slice(shift);
    if (/[1-9]/.test(dropped)) return cellError('cells.count.fraction', { value });
    digits = digits.slice(0, shift) || '0';
    if (exp === 0) notes.push('integer_from_decimal');
  }
  if (digits.length > MAX_DIGITS) return cellError('cells.number.too_large', { value });
  return cellValue(digitsToNumber(digits), notes);
}

/**
 * Parses an amount of money and returns it in 万元 (10k yuan), rounded to 6 decimals so sums do
 * not drift. `1.2万元` / `1.2万` → 1.2; `25000元` → 2.5 (note `converted_yuan_to_10k`); `3千元` → 0.3;
 * a plain number takes the header unit (`元` → ÷10000 with the note, `千元` → ÷10, `万元`/null/other
 * → as is). Thousands separators, `¥`, approximations (`20余万元`) and Chinese numerals are
 * accepted. Blank/markers → null; `无` → 0 (`none_as_zero`). Negative, non-money units
 * (`3处`), scientific and non-finite values are errors.
 */
export function parseMoney(raw: string, opts: { headerUnit: string | null }): CellResult<number> {
  const prepared = prepareCell(raw, MAX_NUMBER_CHARS);
  if (isFinal(prepared)) return prepared;
  const notes: CellNote[] = [...prepared.notes];
  const value = quoteValue(raw);
  if (NONE_WORDS.has(prepared.text)) return cellValue(0, [...notes, 'none_as_zero']);
  const text = prepared.text.replace(/^[¥$]\s*/, '');
  const sc = scanNumber(text);
  if (typeof sc === 'string') return scanError(sc, raw, 'cells.money.invalid');
  if (sc.negative) return cellError('cells.number.negative', { value });
  const m = MONEY_REST.exec(sc.rest);
  if (!m) {
    if (UNIT_LIKE.test(sc.rest)) {
      return cellError('cells.money.wrong_unit', { value, unit: sc.rest });
    }
    return cellError('cells.money.invalid', { value });
  }
  if (sc.chinese && m[2] !== undefined) return cellError('cells.money.invalid', { value });
  if (sc.grouped) notes.push('thousands_separator');
  if (sc.approx || m[1] !== undefined || m[3] !== undefined) notes.push('approx');
  const mult = m[2] === '万' ? 4 : m[2] === '千' ? 3 : m[2] === '百' ? 2 : 0;
  const explicitUnit = m[2] !== undefined || m[4] !== undefined;
  let unitShift: number; // power of ten from the written unit down to 万元
  if (explicitUnit) {
    unitShift = mult - 4;
    notes.push('unit_stripped');
    if (m[2] !== '万') notes.push('converted_yuan_to_10k');
  } else {
    const hu = opts.headerUnit === null ? null : opts.headerUnit.normalize('NFKC').trim();
    unitShift = hu === '元' ? -4 : hu === '千元' ? -1 : 0;
    if (unitShift !== 0) notes.push('converted_yuan_to_10k');
  }
  const digits = stripLeadingZeros(sc.intDigits + sc.fracDigits);
  if (digits.length > MAX_DIGITS) return cellError('cells.number.too_large', { value });
  const v = scaled(digits, unitShift - sc.fracDigits.length);
  return cellValue(Math.round(v * 1e6) / 1e6, notes);
}

/**
 * Parses a supplied rate (only ever cross-checked, docs/domain.md#pooled-rates) as a fraction: `85%` → 0.85,
 * `８５％` → 0.85, `0.85` → 0.85, `85` → 0.85, `97.3` → 0.973. A plain number ≤ 1 is read as a
 * fraction and above 1 as a percentage, so `1` → 1 (100%). Values above 100% (`120%` → 1.2) are
 * returned for the caller to flag. Blank, `/`, dashes, `#DIV/0!` and `无` → null. Negative,
 * units other than `%`, scientific and non-finite values are errors.
 */
export function parseRate(raw: string): CellResult<number> {
  const prepared = prepareCell(raw, MAX_NUMBER_CHARS);
  if (isFinal(prepared)) return prepared;
  if (NONE_WORDS.has(prepared.text)) return { kind: 'null' };
  const notes: CellNote[] = [...prepared.notes];
  const value = quoteValue(raw);
  const sc = scanNumber(prepared.text);
  if (typeof sc === 'string') return scanError(sc, raw, 'cells.rate.invalid');
  if (sc.negative) return cellError('cells.number.negative', { value });
  if (sc.chinese || (sc.rest !== '' && sc.rest !== '%')) return cellError('cells.rate.invalid', { value });
  if (sc.grouped) return cellError('cells.rate.invalid', { value });
  if (sc.approx) notes.push('approx');
  const digits = stripLeadingZeros(sc.intDigits + sc.fracDigits);
  if (digits.length > MAX_DIGITS) return cellError('cells.number.too_large', { value });
  const asNumber = scaled(digits, -sc.fracDigits.length);
  const percent = sc.rest === '%' || asNumber > 1;
  if (sc.rest === '%') notes.push('unit_stripped');
  const v = percent ? scaled(digits, -sc.fracDigits.length - 2) : asNumber;
  return cellValue(Math.round(v * 1e9) / 1e9, notes);
}
