/**
 * Chinese numerals as clerks write them in reports: `六`, `十二`, `一百零五`, `三百五` (= 350),
 * `一万二千`, and digit-by-digit years `二〇二二` / `二零二二`. Integers only, up to 亿 (exclusive).
 */

const DIGITS = new Map<string, number>([
  ['零', 0],
  ['〇', 0],
  ['○', 0], // U+25CB WHITE CIRCLE, widely typed in place of 〇
  ['O', 0], // a Latin O typed for 〇 in years such as 二O二二
  ['一', 1],
  ['壹', 1],
  ['二', 2],
  ['两', 2],
  ['贰', 2],
  ['三', 3],
  ['叁', 3],
  ['四', 4],
  ['肆', 4],
  ['五', 5],
  ['伍', 5],
  ['六', 6],
  ['陆', 6],
  ['七', 7],
  ['柒', 7],
  ['八', 8],
  ['捌', 8],
  ['九', 9],
  ['玖', 9],
]);

const SMALL_UNITS = new Map<string, number>([
  ['十', 10],
  ['拾', 10],
  ['百', 100],
  ['佰', 100],
  ['千', 1000],
  ['仟', 1000],
]);

/** Characters {@link parseChineseInteger} understands (for building "starts with a numeral" scans). */
export const CHINESE_NUMERAL_CHARS = '零〇○一壹二两贰三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟万';

/**
 * Reads a Chinese integer. Positional forms (`十二`, `二十`, `一百零五`, `一万二千`) and the
 * colloquial trailing digit (`三百五` = 350, `一万二` = 12000) are supported; a string of digits
 * only (`二〇二二`, `二零二二`) is read digit by digit. Returns null for empty or malformed input
 * (`十十`, `二三`, units out of order such as `十百`).
 * @example parseChineseInteger('二十七') === 27
 */
export function parseChineseInteger(s: string): number | null {
  if (s === '') return null;
  const chars = [...s];
  if (chars.every((c) => DIGITS.has(c))) {
    // `二三` as a count is not a number; only a single digit or a year-like run of 2+ digits that
    // contains a zero form (二〇二二) or is 4 long is read digit by digit.
    if (chars.length === 1) return DIGITS.get(chars[0] as string) ?? null;
    if (chars.length !== 4 && !chars.some((c) => DIGITS.get(c) === 0)) return null;
    let v = 0;
    for (const c of chars) v = v * 10 + (DIGITS.get(c) ?? 0);
    return v;
  }
  let total = 0; // completed 万 sections
  let section = 0; // value below 万
  let pending: number | null = null; // a digit waiting for its unit
  let lastUnit = Infinity; // units inside a section must decrease
  let lastWasZero = false;
  let prevUnit: number | null = null; // unit just before the pending digit (for 三百五)
  for (const c of chars) {
    const d = DIGITS.get(c);
    if (d !== undefined) {
      if (pending !== null) return null; // two digits in a row (二三)
      if (d === 0) {
        lastWasZero = true;
        prevUnit = null;
        continue;
      }
      pending = d;
      continue;
    }
    const u = SMALL_UNITS.get(c);
    if (u !== undefined) {
      if (u >= lastUnit) return null;
      section += (pending ?? 1) * u;
      pending = null;
      lastUnit = u;
      prevUnit = lastWasZero ? null : u;
      lastWasZero = false;
      continue;
    }
    if (c === '万') {
      if (total !== 0) return null; // 万万 = 亿 is out of range here
      const sec = section + (pending ?? 0);
      total = (sec === 0 ? 1 : sec) * 10000;
      section = 0;
      pending = null;
      lastUnit = Infinity;
      prevUnit = lastWasZero ? null : 10000;
      lastWasZero = false;
      continue;
    }
    return null;
  }
  if (pending !== null) {
    // 三百五 means 350 and 一万二 means 12000; after 零 (一百零五) the digit is literal.
    const scale = prevUnit !== null && prevUnit > 10 ? prevUnit / 10 : 1;
    section += pending * scale;
  }
  return total + section;
}
