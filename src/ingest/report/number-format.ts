/**
 * Word list-number formats (ST_NumberFormat in docx; the matching MSONFC codes in .doc) rendered as
 * the characters a reader sees, so an automatic label such as （三） or 2. is restored exactly as Word
 * shows it (docs/decisions/0006-report-readers.md).
 */
const CN_DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const CN_LEGAL = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];

/** 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五, 1000 → 一千 (up to 9999; above that, digit by digit). */
export function chineseCounting(n: number, digits: readonly string[] = CN_DIGITS, units = ['', '十', '百', '千']): string {
  if (n <= 0 || n > 9999) return ideographDigital(n, digits);
  const ds = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  ds.forEach((d, i) => {
    const unit = units[ds.length - 1 - i] ?? '';
    if (d === 0) {
      zero = out !== '';
      return;
    }
    // A skipped place reads 零 (一百零五), in legal digits too.
    if (zero) out += '零';
    zero = false;
    // 十一 not 一十一 for 10–19.
    out += ds.length === 2 && i === 0 && d === 1 ? unit : `${digits[d] ?? ''}${unit}`;
  });
  return out;
}

/** Each decimal digit as an ideograph: 10 → 一〇. */
export const ideographDigital = (n: number, digits: readonly string[] = CN_DIGITS): string =>
  String(Math.max(0, Math.trunc(n)))
    .split('')
    .map((d) => digits[Number(d)] ?? d)
    .join('');

const roman = (n: number): string => {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let out = '';
  let rest = n;
  for (const [v, s] of table) while (rest >= v) { out += s; rest -= v; }
  return out;
};

/** Word's letter numbering: a … z, aa … zz, aaa … (the letter repeated, not base 26). */
const letters = (n: number): string => {
  if (n <= 0) return String(n);
  const ch = String.fromCharCode(0x61 + ((n - 1) % 26));
  return ch.repeat(Math.floor((n - 1) / 26) + 1);
};

const enclosed = (n: number, first: number, max: number): string =>
  n >= 1 && n <= max ? String.fromCodePoint(first + n - 1) : String(n);

const circled = (n: number): string => {
  if (n >= 1 && n <= 20) return String.fromCodePoint(0x2460 + n - 1);
  if (n >= 21 && n <= 35) return String.fromCodePoint(0x3251 + n - 21);
  if (n >= 36 && n <= 50) return String.fromCodePoint(0x32b1 + n - 36);
  return String(n);
};

const fullWidth = (s: string): string => s.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));

/**
 * The text of counter `n` in docx number format `fmt` (w:numFmt/@w:val). Unknown formats fall back
 * to decimal, as Word does for formats it cannot draw. `none` and `bullet` give ''.
 */
export function formatListNumber(n: number, fmt: string): string {
  switch (fmt) {
    case 'none':
    case 'bullet':
      return '';
    case 'decimalZero':
      return n < 10 && n >= 0 ? `0${n}` : String(n);
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperLetter':
      return letters(n).toUpperCase();
    case 'lowerLetter':
      return letters(n);
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return chineseCounting(n);
    case 'ideographDigital':
    case 'japaneseDigitalTenThousand':
    case 'taiwaneseDigital':
      return ideographDigital(n);
    case 'chineseLegalSimplified':
      return chineseCounting(n, CN_LEGAL, ['', '拾', '佰', '仟']);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return circled(n);
    case 'decimalEnclosedParen':
      return enclosed(n, 0x2474, 20);
    case 'decimalEnclosedFullstop':
      return enclosed(n, 0x2488, 20);
    case 'ideographEnclosedCircle':
      return n >= 1 && n <= 10 ? String.fromCodePoint(0x3280 + n - 1) : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return fullWidth(String(n));
    case 'decimalHalfWidth':
    case 'decimal':
    default:
      return String(n);
  }
}

/**
 * The docx format name for a Word 97–2003 number format code (nfc, MSONFC in [MS-OSHARED] 2.2.1.3),
 * so both readers share {@link formatListNumber}. Unknown codes read as decimal.
 */
export function nfcToFormat(nfc: number): string {
  const map: Record<number, string> = {
    0: 'decimal', 1: 'upperRoman', 2: 'lowerRoman', 3: 'upperLetter', 4: 'lowerLetter',
    5: 'ordinal', 6: 'cardinalText', 7: 'ordinalText', 14: 'decimalFullWidth', 18: 'decimalEnclosedCircle',
    22: 'decimalZero', 23: 'bullet', 24: 'ganada', 25: 'chosung', 26: 'decimalEnclosedFullstop',
    27: 'decimalEnclosedParen', 28: 'decimalEnclosedCircleChinese', 29: 'ideographEnclosedCircle',
    30: 'ideographTraditional', 31: 'ideographZodiac', 33: 'taiwaneseCounting', 34: 'ideographLegalTraditional',
    35: 'taiwaneseCountingThousand', 36: 'taiwaneseDigital', 37: 'chineseCounting', 38: 'chineseLegalSimplified',
    39: 'chineseCountingThousand', 40: 'decimal', 41: 'koreanDigital', 255: 'none',
  };
  return map[nfc] ?? 'decimal';
}
