import { strFromU8, unzipSync, zlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { BulletinFacts, TownshipFacts } from './bulletin-facts';
import { bulletinToDocx } from './bulletin-docx';
import { buildBulletinModel } from './bulletin-model';

const fig = (f: number | null, r: number | null) => ({
  hazardsFound: f,
  hazardsRectified: r,
  trainingsHeld: 1,
  trainingPersonTimes: 30,
});
const tf = (township: string, over: Partial<TownshipFacts> = {}): TownshipFacts => ({
  township,
  status: 'on_time',
  reportDate: '2024-03-20',
  current: fig(10, 9),
  previous: fig(8, 8),
  lastYear: null,
  ...over,
});
const facts: BulletinFacts = {
  district: '城东区',
  month: '2024-03',
  cutoffDate: '2024-04-02',
  issuingOffice: '城东区安全生产委员会办公室',
  dueDate: '2024-03-25',
  townships: [
    tf('小召乡'),
    tf('城关镇', { current: fig(5, 5) }),
    tf('东关街道', { status: 'missing', reportDate: null, current: null }),
  ],
  recurringProblems: [],
};

/** A minimal valid 1×1 PNG built here (signature, IHDR, IDAT, IEND) so the test needs no file. */
function tinyPng(): Uint8Array {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Uint8Array) => {
    let c = 0xffffffff;
    for (const b of bytes) c = (crcTable[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Uint8Array) => {
    const out = new Uint8Array(12 + data.length);
    const view = new DataView(out.buffer);
    view.setUint32(0, data.length);
    out.set(new TextEncoder().encode(type), 4);
    out.set(data, 8);
    view.setUint32(8 + data.length, crc(out.subarray(4, 8 + data.length)));
    return out;
  };
  const ihdr = new Uint8Array([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
  const idat = zlibSync(new Uint8Array([0, 255, 255, 255]));
  const parts = [
    new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', idat),
    chunk('IEND', new Uint8Array()),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const documentXml = (bytes: Uint8Array) =>
  strFromU8(unzipSync(bytes)['word/document.xml'] ?? new Uint8Array());

describe('bulletinToDocx', () => {
  const model = buildBulletinModel(facts);

  it('writes the title, headings, sentences and the ranking table with a repeating header row', async () => {
    const xml = documentXml(await bulletinToDocx(model));
    expect(xml).toContain(model.title);
    expect(xml).toContain('一、报送情况');
    expect(xml).toContain(model.sections[0]?.paragraphs[0] ?? '∅');
    expect(xml).toContain('全区共排查隐患15处');
    expect(xml).toMatch(/<w:tbl>/);
    expect(xml).toMatch(/<w:tblHeader\/>|<w:tblHeader w:val="(true|1|on)"\/>/);
    expect((xml.match(/<w:tr[ >]/g) ?? []).length).toBe(1 + facts.townships.length);
    expect(xml).toContain('整改率（%）');
    expect(xml).toContain('100.0');
    expect(xml).toContain('缺报');
    expect(xml).toContain('仿宋');
  });

  it('is A4 portrait', async () => {
    const xml = documentXml(await bulletinToDocx(model));
    expect(xml).toMatch(/<w:pgSz[^>]*w:w="11906"[^>]*w:h="16838"/);
  });

  it('embeds chart images as PNG with their captions', async () => {
    const bytes = await bulletinToDocx(model, [
      { title: '图1 各乡镇隐患整改率', png: tinyPng(), width: 2400, height: 1350 },
    ]);
    const files = unzipSync(bytes);
    const media = Object.keys(files).filter((k) => k.startsWith('word/media/'));
    expect(media).toHaveLength(1);
    const xml = documentXml(bytes);
    expect(xml).toContain('<w:drawing>');
    expect(xml).toContain('图1 各乡镇隐患整改率');
    expect(xml).toContain('附图');
  });

  it('still writes a valid document for a district without townships', async () => {
    const empty = buildBulletinModel({ ...facts, townships: [] });
    const xml = documentXml(await bulletinToDocx(empty));
    expect(xml).toContain(empty.title);
    expect((xml.match(/<w:tr[ >]/g) ?? []).length).toBe(1);
  });
});
