/**
 * Shared tokens for the month and date grammars: years, months and days written with Arabic or
 * Chinese numerals, English month names, and the check against "today". No `Date` anywhere.
 */
import { isIsoDate } from '../../domain/month';
import { parseChineseInteger } from './chinese-numerals';

/** Regex source for a year: `2022`, `22`, `二〇二二`, `二零二二`, `二O二二`. */
export const YEAR_SRC = '(\\d{4}|\\d{2}|[〇○O零0一二三四五六七八九]{4}|[〇○O零0一二三四五六七八九]{2})';
/** Regex source for a month or day number: `4`, `04`, `四`, `十二`, `二十七`. */
export const SMALL_SRC = '(\\d{1,2}|[零〇一二三四五六七八九十]{1,3})';
/** Regex source for a range dash as clerks type it: `-`, `—`, `–`, `~`, `至`, `到` (one or two). */
export const RANGE_SRC = '[-~\\u2010-\\u2015至到]{1,2}';

const YEAR_DIGITS = new Map<string, number>([
  ['〇', 0],
  ['○', 0],
  ['O', 0],
  ['零', 0],
  ['0', 0],
  ['一', 1],
  ['二', 2],
  ['三', 3],
  ['四', 4],
  ['五', 5],
  ['六', 6],
  ['七', 7],
  ['八', 8],
  ['九', 9],
]);

/** Reads a year token matched by {@link YEAR_SRC}; two-digit years are 20xx. Null if malformed. */
export function readYear(token: string): number | null {
  let v = 0;
  for (const ch of token) {
    const d = /[0-9]/.test(ch) ? ch.charCodeAt(0) - 48 : YEAR_DIGITS.get(ch);
    if (d === undefined) return null;
    v = v * 10 + d;
  }
  return token.length === 2 ? 2000 + v : v;
}

/** Reads a month/day token matched by {@link SMALL_SRC}. Null if malformed (`十十`). */
export function readSmall(token: string): number | null {
  if (/^\d{1,2}$/.test(token)) return readDigits(token);
  return parseChineseInteger(token);
}

/** Reads a run of 1–8 ASCII digits (already matched by a regex) without `Number()`. */
export function readDigits(token: string): number {
  let v = 0;
  for (let i = 0; i < token.length; i++) v = v * 10 + (token.charCodeAt(i) - 48);
  return v;
}

const EN_MONTHS = new Map<string, number>([
  ['jan', 1],
  ['january', 1],
  ['feb', 2],
  ['february', 2],
  ['mar', 3],
  ['march', 3],
  ['apr', 4],
  ['april', 4],
  ['may', 5],
  ['jun', 6],
  ['june', 6],
  ['jul', 7],
  ['july', 7],
  ['aug', 8],
  ['august', 8],
  ['sep', 9],
  ['sept', 9],
  ['september', 9],
  ['oct', 10],
  ['october', 10],
  ['nov', 11],
  ['november', 11],
  ['dec', 12],
  ['december', 12],
]);

/** Month number for an English month name or abbreviation (case-insensitive); null if unknown. */
export const readEnglishMonth = (name: string): number | null => EN_MONTHS.get(name.toLowerCase()) ?? null;

/**
 * Validates "today" as passed in by the caller (pure code never reads the clock). A malformed
 * value is a programmer error, so this throws.
 */
export function checkToday(today: string): string {
  if (!isIsoDate(today)) throw new Error(`today must be YYYY-MM-DD, got ${JSON.stringify(today)}`);
  return today;
}
