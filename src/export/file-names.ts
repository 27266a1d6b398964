/**
 * Safe download names (docs/input-rules.md F11, ECharts `saveAsImage.name` caveat). Titles and township
 * names are user data, so every part is sanitised: no path separators, no characters Windows
 * forbids, no control or bidi-override characters, no leading dots or `..`, no reserved device
 * names, and a length cap that keeps the extension.
 */
import { isPeriod, periodMonth, periodYear, type Period } from '../domain/month';

/** Longest base name (before the extension), in code points; well under common 255-byte limits in UTF-8. */
export const MAX_BASE_NAME_LENGTH = 80;

// Runs of Windows-forbidden characters, C0/C1 controls and `..`; each run becomes one `_` (replaced,
// not dropped, so `城关镇/东关` stays readable and distinct from `城关镇东关`).
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /(?:[/\\:*?"<>|\u0000-\u001f\u007f-\u009f]|\.{2,})+/g;
// Zero-width and bidi controls can disguise an extension (`报告\u202Egnp.exe`).
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
const FALLBACK = '未命名';

/**
 * Makes one free-text part of a file name safe: each run of forbidden characters or dots (`..`) becomes one `_` (or
 * nothing at either end), invisible
 * characters are removed, whitespace runs collapse to one space, leading dots and
 * trailing dots/spaces (which Windows drops) are removed, a reserved device name (`CON`, `nul`,
 * `COM1`…, also before an extension like `CON.txt`) gets a `_` prefix, and the result is cut to
 * `maxLength` code points. Empty or all-unsafe input yields `未命名`.
 * @example sanitizeFileNamePart('../../城关镇/东关') === '城关镇_东关'
 */
export function sanitizeFileNamePart(text: string, maxLength = MAX_BASE_NAME_LENGTH): string {
  let s: string = text.normalize('NFC').replace(INVISIBLE, '').replace(/\s+/g, ' ');
  // A run at either end (`../../x`, `x/`) is dropped rather than turned into a stray `_`.
  s = s.replace(FORBIDDEN, (run, at: number) => (at === 0 || at + run.length === s.length ? '' : '_'));
  s = s.replace(/^[\s.]+/, '');
  s = [...s]
    .slice(0, maxLength)
    .join('')
    .replace(/[\s.]+$/, '');
  if (s === '' || /^_+$/.test(s)) return FALLBACK;
  const stem = s.split('.')[0] ?? s;
  return RESERVED.test(stem.trim()) ? `_${s}` : s;
}

/** Lower-case ASCII letters and digits only; anything else falls back to `bin`. */
function safeExtension(ext: string): string {
  const e = ext.replace(/^\./, '').toLowerCase();
  return /^[a-z0-9]{1,8}$/.test(e) ? e : 'bin';
}

/** `2024年03月` for a period; the text itself (sanitised later) when it is not a `YYYY-MM`. */
export function periodLabelForFileName(p: Period): string {
  return isPeriod(p) ? `${periodYear(p)}年${String(periodMonth(p)).padStart(2, '0')}月` : p;
}

export interface ExportFileNameParts {
  /** One month, or a range; omitted when the export has no period. */
  readonly period?: Period | { readonly from: Period; readonly to: Period };
  /** Township name when the export is about one township (user data, sanitised). */
  readonly township?: string;
  /** Chart or table title, e.g. `各乡镇隐患整改率`. */
  readonly title: string;
  /** Extension without the dot, e.g. `png`, `csv`, `xlsx`. */
  readonly ext: string;
}

/**
 * Builds a download name like `2024年03月_各乡镇隐患整改率.png` or
 * `2024年01月-2024年03月_城关镇_排查隐患.csv`. Each part is sanitised separately (so a `/` in a
 * township name cannot create a folder), parts are joined with `_`, and the base is capped at
 * {@link MAX_BASE_NAME_LENGTH} code points before the extension is added. A range whose ends are
 * equal is written as one month.
 */
export function exportFileName(parts: ExportFileNameParts): string {
  const pieces: string[] = [];
  const p = parts.period;
  if (typeof p === 'string') pieces.push(periodLabelForFileName(p));
  else if (p)
    pieces.push(
      p.from === p.to
        ? periodLabelForFileName(p.from)
        : `${periodLabelForFileName(p.from)}-${periodLabelForFileName(p.to)}`,
    );
  if (parts.township !== undefined) pieces.push(sanitizeFileNamePart(parts.township));
  pieces.push(sanitizeFileNamePart(parts.title));
  const base = sanitizeFileNamePart(pieces.map((x) => sanitizeFileNamePart(x)).join('_'));
  return `${base}.${safeExtension(parts.ext)}`;
}
