/**
 * Every rendered report fixture (npm run generate:report-fixtures) read back through the readers
 * gives the corpus blocks in order: label + text for paragraphs, tab/newline-joined cells for
 * tables; page headers and footers are not among the blocks but counted in `skipped`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readReportFile } from '../../src/ingest/report/read-report';
import type { ReportDocument } from '../../src/ingest/report/report-document';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'reports');

interface CorpusBlock {
  type: 'para' | 'heading' | 'table';
  text?: string;
  numbering?: string;
  rows?: string[][];
}
interface Corpus {
  id: string;
  doc: { header: string | null; footer: string | null; blocks: CorpusBlock[] };
}
const corpus = (id: string): Corpus =>
  JSON.parse(readFileSync(join(DIR, 'corpus', `${id}.json`), 'utf8')) as Corpus;
const files = (dir: string): string[] => readdirSync(join(DIR, dir)).sort();
const bytes = (dir: string, name: string): Uint8Array => new Uint8Array(readFileSync(join(DIR, dir, name)));

function read(dir: string, name: string): ReportDocument {
  const routed = readReportFile(bytes(dir, name));
  if (routed.route !== 'report') throw new Error(`${name} routed to ${routed.route}`);
  if (!routed.result.ok) throw new Error(`${name} rejected: ${routed.result.error.code}`);
  return routed.result.value;
}

/** What a Word reader must see: the label Word draws, then the text; a table as its grid. */
const wordTexts = (c: Corpus): string[] =>
  c.doc.blocks.map((b) =>
    b.type === 'table'
      ? (b.rows ?? []).map((r) => r.join('\t')).join('\n')
      : `${b.numbering ?? ''}${b.text ?? ''}`,
  );
/** What a text reader must see: one line per paragraph and per table row (labels typed). */
const textLines = (c: Corpus): string[] =>
  c.doc.blocks.flatMap((b) =>
    b.type === 'table' ? (b.rows ?? []).map((r) => r.join('\t')) : [`${b.numbering ?? ''}${b.text ?? ''}`],
  );

describe('report fixtures', () => {
  it('cover every corpus report as docx, a third as doc and a third as txt', () => {
    const ids = files('corpus')
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.replace(/\.json$/, ''));
    expect(ids.length).toBeGreaterThanOrEqual(42);
    expect(files('docx')).toHaveLength(ids.length);
    expect(files('doc').length).toBe(Math.ceil(ids.length / 3));
    expect(files('txt').length).toBe(Math.ceil((ids.length - 1) / 3));
  });

  describe.each(files('docx'))('%s', (name) => {
    const c = corpus(name.replace(/\.docx$/, ''));
    const doc = read('docx', name);
    it('reads the corpus blocks in order, labels from Word numbering', () => {
      expect(doc.format).toBe('docx');
      expect(doc.blocks.map((b) => b.text)).toEqual(wordTexts(c));
      const numbered = c.doc.blocks.map((b) => b.numbering);
      expect(doc.blocks.map((b) => b.label)).toEqual(numbered);
    });
    it('keeps header and footer out of the blocks and counts them', () => {
      const skipped = new Map(doc.skipped.map((s) => [s.what, s.count]));
      expect(skipped.get('header') ?? 0).toBe(c.doc.header === null ? 0 : 1);
      expect(skipped.get('footer') ?? 0).toBe(c.doc.footer === null ? 0 : 1);
      if (c.doc.footer !== null && /\d/.test(c.doc.footer))
        expect(skipped.get('page-number') ?? 0).toBeGreaterThan(0);
      const all = doc.blocks.map((b) => b.text);
      if (c.doc.header !== null && !c.doc.blocks.some((b) => b.text === c.doc.header))
        expect(all).not.toContain(c.doc.header);
    });
    it('gives tables as rows and the title and alignment hints', () => {
      const tables = c.doc.blocks.filter((b) => b.type === 'table').map((b) => b.rows);
      expect(doc.blocks.filter((b) => b.kind === 'table').map((b) => b.rows)).toEqual(tables);
      const hints = c.doc.blocks.map((b) => {
        const block = b as CorpusBlock & { style?: string; align?: string };
        return block.style === 'title' ? 'title' : b.type === 'heading' ? 'heading' : block.align;
      });
      expect(doc.blocks.map((b) => b.hint)).toEqual(hints);
    });
  });

  it('labels come from numbering.xml, not from the text (R1-01: 一、 and 1. are Word numbering)', () => {
    const xml = strFromU8(unzipSync(bytes('docx', 'R1-01.docx'))['word/document.xml'] ?? new Uint8Array());
    expect(xml).toContain('>主要工作开展情况<');
    expect(xml).not.toContain('一、主要工作开展情况');
    expect(xml).toContain('<w:numPr>');
    const doc = read('docx', 'R1-01.docx');
    const heading = doc.blocks.find((b) => b.text.endsWith('主要工作开展情况'));
    expect(heading).toMatchObject({ text: '一、主要工作开展情况', label: '一、', hint: 'heading' });
    expect(doc.blocks.filter((b) => b.label === '1.' || b.label === '2.' || b.label === '3.')).toHaveLength(
      3,
    );
  });

  describe.each(files('doc'))('%s', (name) => {
    const c = corpus(name.replace(/\.doc$/, ''));
    it('reads the LibreOffice .doc to the same blocks, labels from the list tables', () => {
      const doc = read('doc', name);
      expect(doc.format).toBe('doc');
      expect(doc.blocks.map((b) => b.text)).toEqual(wordTexts(c));
      expect(doc.blocks.map((b) => b.label)).toEqual(c.doc.blocks.map((b) => b.numbering));
      if (c.doc.header !== null || c.doc.footer !== null)
        expect(doc.skipped.map((s) => s.what)).toContain('header-footer-text');
    });
  });

  const manifest = JSON.parse(readFileSync(join(DIR, 'manifest.json'), 'utf8')) as {
    txt: Record<string, string>;
  };
  describe.each(files('txt'))('%s', (name) => {
    const c = corpus(name.replace(/\.txt$/, ''));
    it('reads each non-empty line as a block, in the encoding it was written', () => {
      const doc = read('txt', name);
      expect(doc.format).toBe('txt');
      const expected = { 'utf-8': 'utf-8', gb18030: 'gb18030', 'utf-16le': 'utf-16le' }[
        manifest.txt[name] ?? ''
      ];
      expect(doc.encoding).toBe(expected);
      expect(doc.blocks.map((b) => b.text)).toEqual(textLines(c));
      expect(doc.blocks.every((b) => b.label === undefined)).toBe(true);
    });
  });

  it('covers all three text encodings', () => {
    expect(new Set(Object.values(manifest.txt))).toEqual(new Set(['utf-8', 'gb18030', 'utf-16le']));
  });
});

describe('hostile report files', () => {
  const rejection = (name: string): string => {
    const routed = readReportFile(bytes('hostile', name));
    if (routed.route !== 'report' || routed.result.ok) return 'not rejected';
    return routed.result.error.code;
  };
  it('an empty .docx is rejected as empty', () =>
    expect(rejection('empty.docx')).toBe('ingest.report_empty'));
  it('a truncated .docx is rejected as damaged', () =>
    expect(rejection('truncated.docx')).toBe('ingest.report_corrupt_zip'));
  it('a .docx that is really a workbook is said to be one', () =>
    expect(rejection('really-xlsx.docx')).toBe('ingest.report_is_xlsx'));
  it('a password-protected document is rejected as encrypted', () =>
    expect(rejection('password-protected.docx')).toBe('ingest.report_encrypted'));
  it('a meeting notice is read (whether it is a monthly report is the extractor’s call)', () => {
    const doc = read('hostile', 'meeting-notice.docx');
    expect(doc.blocks[0]).toMatchObject({ text: '关于召开全镇安全生产工作会议的通知', hint: 'title' });
    expect(doc.blocks.map((b) => b.label).filter(Boolean)).toEqual(['一、', '二、']);
  });
});
