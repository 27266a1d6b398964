/**
 * Numbers inside running text (report paragraphs), as clerks write them: Arabic (`23处`),
 * full-width (`２３处`), thousands groups (`1,200份`), decimals with 万 (`1.2万元`), Chinese numerals
 * (`十二处`, `两场次`, `一百二十六家`, `二万三千元`) and approximations (`170余人次`, `近300人次`,
 * `约二百人次`, `50人左右`). Each quantity comes with its measure word (unit) and its position, so a
 * caller can read the words around it. The grammar is table-driven: the unit, approximation and
 * "not a quantity" tables below are data. Dates (`4月15日`, `2023年`), `4·15`, ranges (`1-5月`),
 * document numbers (`〔2023〕5号`), ordinals (`第23个`) and bare long digit runs (phone numbers)
 * are not quantities and are never returned. Percentages are returned with unit `%`.
 */
import { parseChineseInteger } from './chinese-numerals';

/** One quantity found in text. Positions are UTF-16 offsets into the scanned string. */
export interface TextQuantity {
  /** Start of the whole token (including an approximation prefix such as 近/约). */
  readonly start: number;
  /** Start of the numeral itself. */
  readonly numberStart: number;
  /** End of the whole token (after the unit and any 左右). */
  readonly end: number;
  /** The value in the unit written (`1.2万元` → 12000 with unit 元; `2.8万元` → 28000). */
  readonly value: number;
  /** Normalised unit (`家(次)` for `家（次）`), '%' for a percentage. */
  readonly unit: string;
  readonly approx: boolean;
  readonly chinese: boolean;
  /** The token as written. */
  readonly raw: string;
}

/** Measure words, longest first so 人次 wins over 人 and 万元 over 万. */
export const TEXT_UNITS: readonly string[] = [
  '家(次)',
  '家次',
  '人次',
  '场次',
  '批次',
  '户次',
  '车次',
  '万元',
  '小时',
  '公里',
  '家',
  '处',
  '条',
  '项',
  '个',
  '份',
  '册',
  '张',
  '人',
  '名',
  '场',
  '期',
  '次',
  '起',
  '件',
  '元',
  '挂',
  '箱',
  '台',
  '块',
  '根',
  '车',
  '辆',
  '户',
  '座',
  '吨',
  '所',
  '批',
  '套',
  '支',
  '组',
  '天',
  '米',
  '只',
  '间',
  '栋',
  '幅',
  '副',
  '封',
  '篇',
  '轮',
  '趟',
  '单',
];

/** Words before a numeral that make it approximate. */
const APPROX_BEFORE: readonly string[] = ['将近', '接近', '大约', '约', '近', '逾', '超过'];
/** Words between the numeral and its unit that make it approximate (170余人次). */
const APPROX_INSIDE: readonly string[] = ['余', '多', '来'];
/** Words after the unit that make it approximate (50人左右). */
const APPROX_AFTER: readonly string[] = ['左右', '以上', '上下'];

/** Characters right after a numeral that make it a date, time, range or code, not a quantity. */
const NOT_QUANTITY_AFTER =
  /^(?:年|月|日|号|时|点|·|\.\d|:|：|〕|\]|】|[-—–~～至到]\s*[0-9０-９一二三四五六七八九十])/u;
/** Characters right before a numeral that make it an ordinal, date part, range end or code. */
const NOT_QUANTITY_BEFORE = /(?:第|〔|\[|【|·|[-—–~～至到]|年|No\.?|NO\.?)$/u;

const CN_START = '一二两三四五六七八九十';
const CN_CHARS = '零〇一二两三四五六七八九十百千万';
const ARABIC = /^\d+(?:,\d{3})*(?:\.\d+)?/u;

/**
 * Folds full-width ASCII (U+FF01–U+FF5E) and the ideographic space to their ASCII forms one
 * character for one character, so offsets into the folded text are offsets into the original.
 */
export function foldWidth(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (ch.length === 1 && c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += ' ';
    else out += ch;
  }
  return out;
}

const startsWithAny = (s: string, words: readonly string[]): string | null => {
  for (const w of words) if (s.startsWith(w)) return w;
  return null;
};

function readArabic(s: string): { value: number; length: number } | null {
  const m = ARABIC.exec(s);
  if (!m) return null;
  const digits = m[0].replace(/,/g, '');
  const [int = '', frac = ''] = digits.split('.');
  if (int.length > 12) return null;
  let v = 0;
  for (const c of int) v = v * 10 + (c.charCodeAt(0) - 48);
  let scale = 1;
  for (const c of frac) {
    scale /= 10;
    v += (c.charCodeAt(0) - 48) * scale;
  }
  return { value: Math.round(v * 1e6) / 1e6, length: m[0].length };
}

/** The longest run of Chinese numeral characters at `s`'s start that parses, if it starts with a digit or 十. */
function readChinese(s: string): { value: number; length: number } | null {
  if (!CN_START.includes(s[0] ?? '')) return null;
  let n = 0;
  while (n < s.length && CN_CHARS.includes(s[n] ?? '')) n++;
  // Take the longest prefix that parses (一百二十六家 → 一百二十六; 一一 fails as a whole).
  for (let len = n; len > 0; len--) {
    const v = parseChineseInteger(s.slice(0, len));
    if (v !== null) return { value: v, length: len };
  }
  return null;
}

/**
 * Finds the quantities in `text`. Full-width digits are read (the text is folded internally;
 * offsets refer to `text`). A numeral without a measure word or `%` is not returned.
 * @example scanTextQuantities('排查隐患二十三处，已整改21处')
 *   // [{ value: 23, unit: '处', … }, { value: 21, unit: '处', … }]
 */
export function scanTextQuantities(text: string): TextQuantity[] {
  const s = foldWidth(text);
  const out: TextQuantity[] = [];
  let i = 0;
  while (i < s.length) {
    const ch = s[i] ?? '';
    const isDigit = ch >= '0' && ch <= '9';
    const prevCh = i > 0 ? (s[i - 1] ?? '') : '';
    // Inside a longer numeral or word run (一二三四 → only at the start of a run).
    const prevIsNumeral = (prevCh >= '0' && prevCh <= '9') || prevCh === '.' || prevCh === ',';
    const prevIsCn = CN_CHARS.includes(prevCh) && prevCh !== '';
    let num: { value: number; length: number } | null = null;
    let chinese = false;
    if (isDigit && !prevIsNumeral) num = readArabic(s.slice(i));
    else if (!isDigit && CN_START.includes(ch) && !prevIsCn) {
      num = readChinese(s.slice(i));
      chinese = num !== null;
    }
    if (!num) {
      i++;
      continue;
    }
    const numberStart = i;
    let pos = i + num.length;
    const afterNum = s.slice(pos);
    const before = s.slice(Math.max(0, numberStart - 3), numberStart);
    if (NOT_QUANTITY_AFTER.test(afterNum) || NOT_QUANTITY_BEFORE.test(before)) {
      i = pos;
      continue;
    }
    let approx = false;
    let start = numberStart;
    for (const w of APPROX_BEFORE) {
      if (s.slice(numberStart - w.length, numberStart) === w) {
        approx = true;
        start = numberStart - w.length;
        break;
      }
    }
    let value = num.value;
    // 万 as a multiplier: 1.2万元, 1.9万余份, 二万三千 is already inside the Chinese numeral.
    if (!chinese && s[pos] === '万' && s.slice(pos, pos + 2) !== '万元') {
      value = Math.round(value * 10000 * 1e6) / 1e6;
      pos += 1;
    }
    const inside = startsWithAny(s.slice(pos), APPROX_INSIDE);
    if (inside) {
      approx = true;
      pos += inside.length;
    }
    let unit: string | null = null;
    const rest = s.slice(pos);
    if (rest.startsWith('%')) unit = '%';
    else if (/^家\s*[(（]次[)）]/u.test(rest)) {
      unit = '家(次)';
      pos += (/^家\s*[(（]次[)）]/u.exec(rest)?.[0].length ?? 0) - 1;
    } else unit = startsWithAny(rest, TEXT_UNITS);
    if (unit === null) {
      i = pos;
      continue;
    }
    if (unit === '万元') {
      value = Math.round(value * 10000 * 1e6) / 1e6;
      unit = '元';
      pos += 2;
    } else pos += unit === '家(次)' ? 1 : unit.length;
    if (unit !== '%' && !approx) {
      const after = startsWithAny(s.slice(pos), APPROX_AFTER);
      if (after) {
        approx = true;
        pos += after.length;
      }
    }
    out.push({ start, numberStart, end: pos, value, unit, approx, chinese, raw: text.slice(start, pos) });
    i = pos;
  }
  return out;
}
