/**
 * Enumerated cells: sectors, hazard level and status, period scope, problem category
 * (docs/input-rules.md D28). Each accepts the codes, the Chinese words clerks use and English names;
 * matching is on the normalised, case-folded text. Unknown words are errors naming the word.
 */
import { PROBLEM_CATEGORIES, type ProblemCategoryCode } from '../../domain/problem-categories';
import { SECTORS, resolveSectorToken, type SectorCode } from '../../domain/sectors';
import { cellError, cellValue, quoteValue, type CellNote, type CellResult } from './cell-result';
import { isFinal, prepareCell } from './prepare-cell';

/** Longest enum cell accepted (a sector list may name several sectors). */
export const MAX_ENUM_CHARS = 200;

// Strong list separators; whitespace is a weaker one (tried only when a part does not resolve,
// so English names with spaces such as "Fire safety" still work).
const LIST_SEPARATORS = /[;、,/|]+/;

// Sector names in domain/sectors.ts carry full-width brackets (教育（校园）) which NFKC turns
// into ASCII ones; compare on the normalised form too.
const SECTOR_BY_NORMALISED_NAME = new Map<string, SectorCode>(
  SECTORS.flatMap((s) => [[s.zh.normalize('NFKC'), s.code] as const, [s.en.toLowerCase(), s.code] as const]),
);

function resolveSector(token: string): SectorCode | undefined {
  return (
    SECTOR_BY_NORMALISED_NAME.get(token) ??
    SECTOR_BY_NORMALISED_NAME.get(token.toLowerCase()) ??
    resolveSectorToken(token)
  );
}

export interface SectorOptions {
  /**
   * 'error' (default): an unknown token is `cells.sector.unknown`. 'other': it becomes `other`
   * and the result carries the `sector_unknown_as_other` note, so the row is kept and the caller
   * warns (docs/decisions/0005-ledger-and-report-totals.md: a sector is never a reason to reject).
   */
  readonly unknown?: 'error' | 'other';
}

/**
 * Parses a list of sectors: `fire;gas`, `消防、燃气`, `消防,燃气`, `消防 燃气`, `消防/燃气`; codes,
 * Chinese names, English names and keywords (`加油站` → hazchem) all resolve. Duplicates are
 * dropped, first-seen order kept. Blank or a missing marker → null. An unknown token is an error
 * that names it (`cells.sector.unknown`, param `token`).
 */
export function parseSectorList(raw: string, options: SectorOptions = {}): CellResult<SectorCode[]> {
  const prepared = prepareCell(raw, MAX_ENUM_CHARS);
  if (isFinal(prepared)) return prepared;
  // A full sector name may itself contain a separator ("Culture, tourism & sports venues").
  const exact =
    SECTOR_BY_NORMALISED_NAME.get(prepared.text) ??
    SECTOR_BY_NORMALISED_NAME.get(prepared.text.toLowerCase());
  if (exact !== undefined) return cellValue([exact], prepared.notes);
  const out: SectorCode[] = [];
  const notes: CellNote[] = [...prepared.notes];
  for (const part of prepared.text.split(LIST_SEPARATORS)) {
    const p = part.trim();
    if (p === '') continue;
    // Split on spaces first (`消防 燃气`), and fall back to the whole part for names that
    // contain spaces (`Fire safety`): a keyword match on the whole would hide the second sector.
    const words = p.split(/\s+/);
    const codes = words.map(resolveSector);
    const wholeCode = words.length > 1 && codes.some((c) => c === undefined) ? resolveSector(p) : undefined;
    const resolved = wholeCode !== undefined ? [wholeCode] : codes;
    for (let i = 0; i < resolved.length; i++) {
      let code = resolved[i];
      if (code === undefined && options.unknown === 'other') {
        code = 'other';
        notes.push('sector_unknown_as_other');
      }
      if (code === undefined) {
        return cellError('cells.sector.unknown', {
          value: quoteValue(raw),
          token: quoteValue(words[i] ?? p),
        });
      }
      if (!out.includes(code)) out.push(code);
    }
  }
  return out.length === 0 ? { kind: 'null' } : cellValue(out, notes);
}

/**
 * Parses one sector (code, Chinese or English name, or keyword). Blank → null (the caller
 * applies its default); several sectors → `cells.sector.multiple`; unknown → `cells.sector.unknown`.
 */
export function parseSector(raw: string, options: SectorOptions = {}): CellResult<SectorCode> {
  const list = parseSectorList(raw, options);
  if (list.kind !== 'value') return list;
  const [first, ...more] = list.value;
  if (first === undefined || more.length > 0)
    return cellError('cells.sector.multiple', { value: quoteValue(raw) });
  return cellValue(first, list.notes);
}

/** Builds a lookup from words to a value; keys are NFKC-normalised and lower-cased. */
function table<T>(entries: readonly (readonly [T, readonly string[]])[]): Map<string, T> {
  const m = new Map<string, T>();
  for (const [v, words] of entries) for (const w of words) m.set(w.normalize('NFKC').toLowerCase(), v);
  return m;
}

function lookup<T>(raw: string, words: Map<string, T>, code: Parameters<typeof cellError>[0]): CellResult<T> {
  const prepared = prepareCell(raw, MAX_ENUM_CHARS);
  if (isFinal(prepared)) return prepared;
  const v = words.get(prepared.text.replace(/\s+/g, ' ').toLowerCase());
  return v === undefined ? cellError(code, { value: quoteValue(raw) }) : cellValue(v, prepared.notes);
}

const LEVELS = table<'general' | 'major'>([
  ['general', ['一般', '一般隐患', '一般事故隐患', '一般安全隐患', 'general', 'normal']],
  ['major', ['重大', '重大隐患', '重大事故隐患', '重大安全隐患', 'major']],
]);

/** Parses a hazard level: 一般/一般隐患/general → general; 重大/重大隐患/major → major. Blank → null. */
export function parseHazardLevel(raw: string): CellResult<'general' | 'major'> {
  return lookup(raw, LEVELS, 'cells.level.unknown');
}

type HazardStatus = 'rectified' | 'closed' | 'in_progress' | 'transferred';
const STATUSES = table<HazardStatus>([
  [
    'rectified',
    [
      '已整改',
      '整改完成',
      '已整改完成',
      '完成整改',
      '已完成整改',
      '完成',
      '已完成',
      '整改到位',
      '已整改到位',
      '整改完毕',
      // A 是否整改 column answers yes/no (docs/decisions/0005-ledger-and-report-totals.md).
      '是',
      '√',
      'y',
      'yes',
      'rectified',
      'done',
    ],
  ],
  ['closed', ['已销号', '销号', '已闭环', '闭环', '已办结', 'closed']],
  [
    'in_progress',
    [
      '整改中',
      '未整改',
      '正在整改',
      '限期整改',
      '限期整改中',
      '未完成',
      '未销号',
      '待整改',
      '部分整改',
      '逾期未整改',
      '否',
      '×',
      'n',
      'no',
      'in_progress',
      'in progress',
      'open',
    ],
  ],
  ['transferred', ['已移交', '移交', '已移送', '移送', 'transferred']],
]);

/**
 * Parses a hazard status (整改情况/整改状态, or a 是否整改 yes/no column): 已整改/整改完成/完成/是
 * → rectified; 已销号/销号 → closed; 整改中/未整改/未销号/否 → in_progress; 已移交/移交 →
 * transferred. Blank → null (the row decides from its rectified date).
 */
export function parseHazardStatus(raw: string): CellResult<HazardStatus> {
  return lookup(raw, STATUSES, 'cells.status.unknown');
}

const SCOPES = table<'month' | 'ytd'>([
  ['month', ['本月', '当月', '月', '月度', '本月数', '当月数', 'month', 'monthly']],
  [
    'ytd',
    ['累计', '本年累计', '年累计', '今年累计', '累计数', '1月至今', 'ytd', 'year to date', 'year_to_date'],
  ],
]);
// `1-4月`, `1—4月`, `1至4月(累计)`: a year-to-date range.
const YTD_RANGE =
  /^(?:1|一)月?[-~\u2010-\u2015至到]{1,2}(?:\d{1,2}|[一二三四五六七八九十]{1,3})月份?(?:累计)?$/;

/** Parses a period scope: 本月/当月/month → month; 累计/1-N月/ytd → ytd. Blank → null. */
export function parsePeriodScope(raw: string): CellResult<'month' | 'ytd'> {
  const r = lookup(raw, SCOPES, 'cells.scope.unknown');
  if (r.kind !== 'error') return r;
  const prepared = prepareCell(raw, MAX_ENUM_CHARS);
  if (!isFinal(prepared) && YTD_RANGE.test(prepared.text.replace(/\s+/g, '')))
    return cellValue('ytd', prepared.notes);
  return r;
}

const CATEGORY_WORDS = new Map<string, ProblemCategoryCode>(
  PROBLEM_CATEGORIES.flatMap((c) => [
    [c.code.toLowerCase(), c.code] as const,
    [c.zh.normalize('NFKC').toLowerCase(), c.code] as const,
    [c.en.toLowerCase(), c.code] as const,
  ]),
);
const SHORT_CODE = /^p(\d{1,2})$/i;

/**
 * Parses a problem category: a code (`P01`, `p1`, `P99`), the Chinese category name or the English
 * name. Blank → null; anything else → `cells.category.unknown`.
 */
export function parseCategoryCode(raw: string): CellResult<ProblemCategoryCode> {
  const prepared = prepareCell(raw, MAX_ENUM_CHARS);
  if (isFinal(prepared)) return prepared;
  const key = prepared.text.replace(/\s+/g, ' ').toLowerCase();
  const short = SHORT_CODE.exec(key);
  const normalisedKey = short ? `p${(short[1] ?? '').padStart(2, '0')}` : key;
  const code = CATEGORY_WORDS.get(normalisedKey);
  return code === undefined
    ? cellError('cells.category.unknown', { value: quoteValue(raw) })
    : cellValue(code, prepared.notes);
}
