/**
 * CSV records as cell spans over the decoded text (docs/architecture.md, "Where a rule lives"): the
 * table ingest reads a city-scale ledger one record at a time, keeping each cell as a start and an
 * end offset instead of a string, so a row of a million-row file costs no array and, for the
 * columns whose values repeat (townships, sectors, levels, dates, statuses), no string either: a
 * cell is looked up in its column's dictionary straight from the text ({@link SpanDictionary}),
 * and each distinct value is parsed once. A cell becomes a string only when something needs its
 * text (a value seen for the first time, a free-text cell, a message quoting it).
 *
 * Accepts exactly what readPlainCsv in read-csv-table.ts accepts, with the same rows and lines:
 * LF-only text, a one-character delimiter, fields unquoted (no `"` in them) or wholly quoted with
 * `""` for a quote, LF or the end right after a closing quote, no leading BOM. Anything else makes
 * {@link CsvSpans.next} return `'unsupported'` and the caller reads the file the general way.
 */

import { isTrimSpace } from './normalise-text';

const QUOTE = 0x22;
const LF = 0x0a;

/** How a cell's span is to be read. */
const PLAIN = 0; // text[start, end) is the value
const QUOTED = 1; // wholly quoted without `""`: the value is text[start, end) (the inside)
const ESCAPED = 2; // wholly quoted with `""` inside: the value is the inside with `""` → `"`

/** Span traits, from one scan of the cell's characters. */
export const TRAIT_PLAIN = 1; // only printable ASCII and CJK ideographs (isPlainText)
export const TRAIT_SETTLED = 2; // plain, and no space, `.`, `:` or A–Z (normaliseHeader gives it back)
export const TRAIT_JI = 4; // contains 计 (every totals word ends in it)
export const TRAIT_COLON = 8; // contains `:`

/**
 * Reads the records of LF-only `text` one after another. After {@link next} returned `'row'`,
 * `count` cells of the record are available by index through {@link cell}, {@link isBlank},
 * {@link traits} and {@link equals}, `line` is its 1-based first line and `start` its offset.
 */
export class CsvSpans {
  /** Cells of the current record. */
  count = 0;
  /** 1-based physical line on which the current record starts. */
  line = 1;
  /** Offset of the current record in the text (for {@link rowAt}). */
  start = 0;
  private starts = new Int32Array(64);
  private ends = new Int32Array(64);
  private kinds = new Uint8Array(64);
  private pos = 0;
  private nextLine = 1;
  private readonly delim: number;
  private readonly len: number;

  constructor(
    readonly text: string,
    delimiter: string,
  ) {
    this.delim = delimiter.charCodeAt(0);
    this.len = text.length;
  }

  /** True when this reader can take `text` at all (else the caller reads it the general way). */
  static accepts(text: string, delimiter: string): boolean {
    return delimiter.length === 1 && text.length > 0 && text.charCodeAt(0) !== 0xfeff;
  }

  /** Makes the record at `offset`, starting on `line`, the next one {@link next} reads. */
  seek(offset: number, line: number): void {
    this.pos = offset;
    this.nextLine = line;
  }

  /** Offset reached so far (for progress). */
  get offset(): number {
    return this.pos;
  }

  /**
   * Reads the next record: `'row'`, `'end'` (no more; the empty record after a final newline is
   * not one), or `'unsupported'` when the text has a quote this reader leaves to PapaParse.
   */
  next(): 'row' | 'end' | 'unsupported' {
    const { text, len, delim } = this;
    let pos = this.pos;
    if (pos > len || (pos === len && pos > 0)) return 'end';
    this.start = pos;
    this.line = this.nextLine;
    let line = this.nextLine;
    let n = 0;
    for (;;) {
      if (n === this.starts.length) this.grow();
      let end: number; // the char after the field: delimiter, LF or len
      if (pos < len && text.charCodeAt(pos) === QUOTE) {
        let kind = QUOTED;
        let from = pos + 1;
        let q: number;
        for (;;) {
          q = text.indexOf('"', from);
          if (q < 0) return 'unsupported';
          if (q + 1 < len && text.charCodeAt(q + 1) === QUOTE) {
            kind = ESCAPED;
            from = q + 2;
            continue;
          }
          break;
        }
        for (let i = text.indexOf('\n', pos + 1); i >= 0 && i < q; i = text.indexOf('\n', i + 1)) line++;
        end = q + 1;
        if (end < len) {
          const c = text.charCodeAt(end);
          if (c !== delim && c !== LF) return 'unsupported';
        }
        this.starts[n] = pos + 1;
        this.ends[n] = q;
        this.kinds[n] = kind;
      } else {
        end = pos;
        while (end < len) {
          const c = text.charCodeAt(end);
          if (c === delim || c === LF) break;
          if (c === QUOTE) return 'unsupported';
          end++;
        }
        this.starts[n] = pos;
        this.ends[n] = end;
        this.kinds[n] = PLAIN;
      }
      n++;
      if (end < len && text.charCodeAt(end) === delim) {
        pos = end + 1;
        continue;
      }
      this.count = n;
      this.nextLine = line + 1;
      this.pos = end + 1;
      return 'row';
    }
  }

  private grow(): void {
    const size = this.starts.length * 2;
    const starts = new Int32Array(size);
    const ends = new Int32Array(size);
    const kinds = new Uint8Array(size);
    starts.set(this.starts);
    ends.set(this.ends);
    kinds.set(this.kinds);
    this.starts = starts;
    this.ends = ends;
    this.kinds = kinds;
  }

  /** The text of cell `j` ('' beyond the record's cells). */
  cell(j: number): string {
    if (j >= this.count) return '';
    const s = this.text.slice(this.starts[j]!, this.ends[j]!);
    return this.kinds[j] === ESCAPED ? s.replace(/""/g, '"') : s;
  }

  /** Every cell of the current record as text. */
  cells(): string[] {
    const out = new Array<string>(this.count);
    for (let j = 0; j < this.count; j++) out[j] = this.cell(j);
    return out;
  }

  /** True when cell `j` is absent, empty or whitespace (`cell(j).trim() === ''`), without a string. */
  isBlank(j: number): boolean {
    if (j >= this.count) return true;
    const text = this.text;
    const end = this.ends[j]!;
    for (let i = this.starts[j]!; i < end; i++) if (!isTrimSpace(text.charCodeAt(i))) return false;
    return true;
  }

  /** The TRAIT_* bits of cell `j`'s text (0 for an escaped cell: callers then read its text). */
  traits(j: number): number {
    if (j >= this.count) return TRAIT_PLAIN | TRAIT_SETTLED;
    if (this.kinds[j] === ESCAPED) return 0;
    const text = this.text;
    const end = this.ends[j]!;
    let plain = true;
    let settled = true;
    let bits = 0;
    for (let i = this.starts[j]!; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c > 0x7e ? c < 0x4e00 || c > 0x9fff : c < 0x20) plain = false;
      else if (c === 0x20 || c === 0x2e || (c >= 0x41 && c <= 0x5a)) settled = false;
      else if (c === 0x3a) {
        settled = false;
        bits |= TRAIT_COLON;
      } else if (c === 0x8ba1) bits |= TRAIT_JI;
    }
    if (plain) bits |= TRAIT_PLAIN;
    if (plain && settled) bits |= TRAIT_SETTLED;
    return bits;
  }

  /** True when cell `j`'s text is exactly `value` (an escaped cell is compared as text). */
  equals(j: number, value: string): boolean {
    if (j >= this.count) return value === '';
    if (this.kinds[j] === ESCAPED) return this.cell(j) === value;
    const start = this.starts[j]!;
    return this.ends[j]! - start === value.length && this.text.startsWith(value, start);
  }

  /** Looks cell `j` up in `dict` (see {@link SpanDictionary.find}); -1 for an escaped or absent cell. */
  find(j: number, dict: SpanDictionary): number {
    if (j >= this.count || this.kinds[j] === ESCAPED) return -1;
    return dict.find(this.text, this.starts[j]!, this.ends[j]!);
  }

  /** Adds cell `j`'s text to `dict` and returns its entry (after {@link find} gave -1). */
  add(j: number, dict: SpanDictionary): number {
    if (j >= this.count || this.kinds[j] === ESCAPED) return -1;
    return dict.add(this.text, this.starts[j]!, this.ends[j]!);
  }

  /**
   * Reads the record starting at `offset` on `line` again and returns its cells (a row kept for a
   * later check, read back only when needed).
   */
  static rowAt(text: string, delimiter: string, offset: number, line: number): string[] {
    const r = new CsvSpans(text, delimiter);
    r.seek(offset, line);
    return r.next() === 'row' ? r.cells() : [];
  }
}

/** Most distinct values a column's dictionary keeps. */
export const MAX_DICTIONARY_VALUES = 50_000;
/** After this many lookups, a column with more distinct values than half of them stops looking up. */
const DICTIONARY_PROBE = 4096;

/**
 * The distinct values of one column, looked up by a span of the text without building a string:
 * an open-addressing table of FNV-1a hashes over the span's char codes; a hit compares the span
 * with the entry's first occurrence in the same text, char code by char code. One dictionary
 * serves one text. Each entry keeps its text and whatever the caller
 * stores for it by entry number. A column of mostly distinct values (free text, row numbers)
 * turns itself off after {@link DICTIONARY_PROBE} lookups (`enabled` false), and no column grows
 * past {@link MAX_DICTIONARY_VALUES} entries.
 */
export class SpanDictionary {
  readonly texts: string[] = [];
  enabled = true;
  private hashes: number[] = [];
  /** Where each entry first occurred in the text, and its length. */
  private starts: number[] = [];
  private lengths: number[] = [];
  private table = new Int32Array(1024).fill(-1);
  private lookups = 0;

  private static hash(text: string, start: number, end: number): number {
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    return h >>> 0;
  }

  /** The entry whose text equals text[start, end), or -1. */
  find(text: string, start: number, end: number): number {
    if (!this.enabled) return -1;
    if (++this.lookups === DICTIONARY_PROBE && this.texts.length * 2 > DICTIONARY_PROBE) {
      this.enabled = false;
      return -1;
    }
    const h = SpanDictionary.hash(text, start, end);
    const mask = this.table.length - 1;
    const len = end - start;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const e = this.table[slot]!;
      if (e < 0) return -1;
      if (this.hashes[e] !== h || this.lengths[e] !== len) continue;
      // Compared with the entry's first occurrence in the same text: char codes of one flat string.
      const at = this.starts[e]! - start;
      let i = start;
      while (i < end && text.charCodeAt(i) === text.charCodeAt(i + at)) i++;
      if (i === end) return e;
    }
  }

  /** Adds text[start, end) (not present) and returns its entry, or -1 when the dictionary is full or off. */
  add(text: string, start: number, end: number): number {
    if (!this.enabled || this.texts.length >= MAX_DICTIONARY_VALUES) return -1;
    const e = this.texts.length;
    const h = SpanDictionary.hash(text, start, end);
    this.texts.push(text.slice(start, end));
    this.hashes.push(h);
    this.starts.push(start);
    this.lengths.push(end - start);
    if (this.texts.length * 2 > this.table.length) this.rehash();
    else this.place(e, h);
    return e;
  }

  private place(e: number, h: number): void {
    const mask = this.table.length - 1;
    let slot = h & mask;
    while (this.table[slot]! >= 0) slot = (slot + 1) & mask;
    this.table[slot] = e;
  }

  private rehash(): void {
    this.table = new Int32Array(this.table.length * 2).fill(-1);
    for (let e = 0; e < this.texts.length; e++) this.place(e, this.hashes[e]!);
  }
}
