import { describe, expect, it } from 'vitest';
import { LEDGER_TODAY, ledgerCsv } from '../../scripts/sample/ledger';
import {
  CsvSpans,
  MAX_DICTIONARY_VALUES,
  SpanDictionary,
  TRAIT_COLON,
  TRAIT_JI,
  TRAIT_PLAIN,
  TRAIT_SETTLED,
} from './csv-spans';
import { ingestCsvText, ingestRows } from './ingest-file';
import { normaliseHeader } from './map-headers';
import { isPlainText } from './normalise-text';
import { normaliseLineEnds, readWithPapa, type CsvRow } from './read-csv-table';
import type { IngestOptions, IngestProgress } from './types';

/** Every record of `text` through the span reader, or 'unsupported'. */
function readSpans(text: string, delimiter = ','): CsvRow[] | 'unsupported' {
  const r = new CsvSpans(text, delimiter);
  const rows: CsvRow[] = [];
  for (;;) {
    const step = r.next();
    if (step === 'unsupported') return step;
    if (step === 'end') return rows;
    rows.push({ line: r.line, cells: r.cells() });
  }
}

const papaRows = (text: string, delimiter = ',') => {
  const t = readWithPapa(text, delimiter);
  return t.ok ? t.rows : null;
};

describe('CsvSpans', () => {
  it.each([
    ['plain rows', 'a,b,c\n1,2,3\n'],
    ['no final newline', 'a,b\n1,2'],
    [
      'quoted cells with a delimiter, a doubled quote and line breaks',
      'a,"b,1","say ""hi""\nthere"\nx,"",z\n',
    ],
    ['a multi-line cell moves the next line number', '"one\ntwo\nthree",x\nnext,y\n'],
    ['ragged rows', 'a,b,c\n1\n1,2,3,4,5\n,,\n'],
    ['blank lines', 'a,b\n\n\n1,2\n\n'],
    ['a quoted empty last record', 'a\n""\n'],
    ['GB18030-range text', '乡镇,月份\n城关镇,2026年9月\n"东关街道，新区",2026-09\n'],
    ['a lone quoted cell at the end', 'a,"b"'],
  ])('reads %s as PapaParse does', (_name, text) => {
    expect(readSpans(text)).toEqual(papaRows(text));
  });

  it('reads CRLF and CR files, once their line ends are LF, as PapaParse does', () => {
    const text = normaliseLineEnds('a,b\r\n"x\r\ny",2\r3,4\r\n');
    expect(readSpans(text)).toEqual(papaRows(text));
  });

  it('reads a tab- or semicolon-separated file', () => {
    expect(readSpans('a\tb\n1\t"2\t3"\n', '\t')).toEqual(papaRows('a\tb\n1\t"2\t3"\n', '\t'));
    expect(readSpans('a;b\n1;2\n', ';')).toEqual(papaRows('a;b\n1;2\n', ';'));
  });

  it.each([
    ['a quote inside an unquoted cell', 'a,b"c\n'],
    ['text after a closing quote', '"a"b,c\n'],
    ['an unterminated quote', 'a,"bc\nd\n'],
  ])('leaves %s to PapaParse', (_name, text) => {
    expect(readSpans(text)).toBe('unsupported');
  });

  it('does not take a leading BOM, an empty text or a two-character delimiter', () => {
    expect(CsvSpans.accepts('\uFEFFa,b', ',')).toBe(false);
    expect(CsvSpans.accepts('', ',')).toBe(false);
    expect(CsvSpans.accepts('a::b', '::')).toBe(false);
    expect(CsvSpans.accepts('a,b', ',')).toBe(true);
  });

  it('judges blank cells, traits and equality as the string functions do', () => {
    const cells = [
      '',
      ' \u3000\u00A0\t',
      '123',
      '序号',
      'No.',
      '合计',
      '填表人:张三',
      '填表人：张三',
      '１２',
      'a b',
      'say "hi"',
      '\u200B',
    ];
    const text = `${cells.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')}\n`;
    const r = new CsvSpans(text, ',');
    expect(r.next()).toBe('row');
    cells.forEach((c, j) => {
      expect(r.cell(j)).toBe(c);
      expect(r.isBlank(j)).toBe(c.trim() === '');
      expect(r.equals(j, c)).toBe(true);
      expect(r.equals(j, `${c}x`)).toBe(false);
      const t = r.traits(j);
      if (c.includes('"')) {
        expect(t).toBe(0); // an escaped cell: callers read its text
        return;
      }
      expect(Boolean(t & TRAIT_PLAIN)).toBe(isPlainText(c));
      expect(Boolean(t & TRAIT_JI)).toBe(c.includes('计'));
      expect(Boolean(t & TRAIT_COLON)).toBe(c.includes(':'));
      // A settled cell is its own normalised header.
      if (t & TRAIT_SETTLED) expect(normaliseHeader(c)).toBe(c);
    });
    // Beyond the record's cells: blank, ''.
    expect(r.isBlank(cells.length)).toBe(true);
    expect(r.cell(cells.length)).toBe('');
  });

  it('reads a record back from its offset and line', () => {
    const text = 'a,b\n"x\ny",2\nlast,3\n';
    const r = new CsvSpans(text, ',');
    r.next();
    r.next();
    r.next();
    expect(r.line).toBe(4);
    expect(CsvSpans.rowAt(text, ',', r.start, r.line)).toEqual(['last', '3']);
  });
});

describe('SpanDictionary', () => {
  it('finds a value by its span wherever it occurs in the text, and only an equal one', () => {
    const text = '城关镇,城关镇一,城关镇,城关,2026-09-01,2026-09-01';
    const d = new SpanDictionary();
    expect(d.find(text, 0, 3)).toBe(-1);
    const e = d.add(text, 0, 3);
    expect(d.texts[e]).toBe('城关镇');
    expect(d.find(text, 9, 12)).toBe(e);
    expect(d.find(text, 4, 8)).toBe(-1); // 城关镇一: longer
    expect(d.find(text, 13, 15)).toBe(-1); // 城关: a prefix
    const date = d.add(text, 16, 26);
    expect(d.find(text, 27, 37)).toBe(date);
  });

  it('keeps every entry findable as the table grows', () => {
    const values = Array.from({ length: 3000 }, (_, i) => `v${(i * 7919) % 100_000}`);
    const text = values.join(',');
    const d = new SpanDictionary();
    const at: [number, number][] = [];
    let pos = 0;
    for (const v of values) {
      at.push([pos, pos + v.length]);
      pos += v.length + 1;
    }
    const entries = at.map(([s, e]) => d.add(text, s, e));
    at.forEach(([s, e], i) => expect(d.find(text, s, e)).toBe(entries[i]));
  });

  it('turns itself off for a column of mostly distinct values, and never grows past its cap', () => {
    const text = Array.from({ length: 5000 }, (_, i) => String(i)).join(',');
    const d = new SpanDictionary();
    let pos = 0;
    for (let i = 0; i < 5000 && d.enabled; i++) {
      const end = pos + String(i).length;
      if (d.find(text, pos, end) < 0) d.add(text, pos, end);
      pos = end + 1;
    }
    expect(d.enabled).toBe(false);
    expect(d.add(text, 0, 1)).toBe(-1);
    expect(MAX_DICTIONARY_VALUES).toBeGreaterThan(1000);
  });
});

/**
 * The span path of ingestCsvText against the general path (PapaParse rows through ingestRows) on
 * the same text: everything must be equal, cell caches included.
 */
describe('the span path gives what the general path gives', () => {
  const options: IngestOptions = { fileName: 'a.csv', today: LEDGER_TODAY, knownTownships: [] };
  const both = (text: string) => {
    const spans = ingestCsvText(text, text.length, 'utf-8', options);
    const rows = readWithPapa(text, ',');
    if (!rows.ok) throw new Error('fixture must parse');
    const general = ingestRows(
      rows.rows,
      { bytes: text.length, encoding: 'utf-8', format: 'csv', delimiter: ',' },
      options,
    );
    return { spans, general };
  };
  const HEADER = '乡镇,隐患描述,发现日期,整改期限,是否整改,整改日期';

  it('on a generated ledger with every odd row planted', () => {
    const { spans, general } = both(ledgerCsv(400, { seed: 3, townships: 9, plantEvery: 3 }));
    expect(spans).toEqual(general);
  });

  it('counts progress in rows checked, not characters, and ends on the data rows of both paths', () => {
    const text = ledgerCsv(5000, { seed: 5, townships: 9, plantEvery: 97 });
    const seen: IngestProgress[] = [];
    const r = ingestCsvText(text, text.length, 'utf-8', { ...options, onProgress: (p) => seen.push(p) });
    const validate = seen.filter((p) => p.phase === 'validate');
    const dataRows = r.counts.accepted + r.counts.rejected;
    expect(validate.length).toBeGreaterThan(1);
    expect(validate.every((p) => p.rows !== undefined && p.rows <= dataRows)).toBe(true);
    const last = validate.at(-1)!;
    expect(last.rows).toBe(last.rowsTotal);
    expect(last.rows).toBeGreaterThan(dataRows - 10);
    const general: IngestProgress[] = [];
    const rows = readWithPapa(text, ',');
    if (!rows.ok) throw new Error('fixture must parse');
    ingestRows(rows.rows, { bytes: text.length, encoding: 'utf-8', format: 'csv', delimiter: ',' }, {
      ...options,
      onProgress: (p) => general.push(p),
    });
    // The general path counts the same rows checked.
    expect(general.filter((p) => p.phase === 'validate').at(-1)).toMatchObject({ rows: last.rows });
  });

  it('when the same raw value means different things in two columns', () => {
    // 2027-01-05 is a valid 整改期限 (a deadline lies ahead) but a future 发现日期.
    const text = `${HEADER}\n城关镇,电线老化,2026-01-05,2027-01-05,否,\n城关镇,电线老化,2027-01-05,2027-01-05,否,\n`;
    const { spans, general } = both(text);
    expect(spans).toEqual(general);
    expect(spans.counts).toMatchObject({ accepted: 1, rejected: 1 });
  });

  it('when a cached cell is fine in one row and its row breaks a rule in another', () => {
    // The same 整改日期 passes after one 发现日期 and is before the other: row rules are never cached.
    const text = `${HEADER}\n城关镇,a,2026-03-01,,是,2026-03-10\n城关镇,b,2026-03-20,,是,2026-03-10\n城关镇,c,2026-03-02,,是,2026-03-10\n`;
    const { spans, general } = both(text);
    expect(spans).toEqual(general);
    expect(spans.rejectedRows.map((r) => r.line)).toEqual([3]);
  });

  it('on a value valid at first and invalid later only through its cell text', () => {
    // 2026-02-30 never parses; the same text twice gives the same error twice, with its own line.
    const text = `${HEADER}\n城关镇,a,2026-02-28,,否,\n城关镇,b,2026-02-30,,否,\n城关镇,c,2026-02-30,,否,\n`;
    const { spans, general } = both(text);
    expect(spans).toEqual(general);
    expect(spans.issues.filter((i) => i.code === 'cells.date.impossible').map((i) => i.line)).toEqual([3, 4]);
  });

  it('on set-aside rows: title, blank, repeated header, totals, footer, short and long rows', () => {
    const text =
      `云川区隐患台账,,,,,\n${HEADER}\n城关镇,a,2026-03-01,,否,\n,,,,,\n${HEADER}\n` +
      `合计,,,,,\n城关镇,b\n城关镇,c,2026-03-01,,否,,多余\n"东关街道","多行\n描述",2026-03-02,,否,\n填表人：张三,,,,,\n`;
    const { spans, general } = both(text);
    expect(spans).toEqual(general);
    expect(spans.counts).toEqual({ total: 10, accepted: 2, rejected: 2, ignored: 6 });
  });
});
