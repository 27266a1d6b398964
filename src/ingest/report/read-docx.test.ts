import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readDocx } from './read-docx';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A docx package from raw parts, as Word or WPS would zip it. */
function docx(body: string, parts: Record<string, string> = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W} xmlns:mc="m" xmlns:wps="s" xmlns:v="v"><w:body>${body}</w:body></w:document>`),
  };
  for (const [k, v] of Object.entries(parts)) files[k] = strToU8(v);
  return zipSync(files);
}
const p = (text: string, ppr = ''): string => `<w:p><w:pPr>${ppr}</w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
const numPr = (numId: number, ilvl = 0): string => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`;
const lvl = (ilvl: number, fmt: string, text: string, extra = ''): string =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/>${extra}<w:lvlText w:val="${text}"/></w:lvl>`;

function texts(bytes: Uint8Array): string[] {
  const r = readDocx(bytes);
  if (!r.ok) throw new Error(r.error.code);
  return r.value.blocks.map((b) => b.text);
}

describe('readDocx numbering', () => {
  const numbering = (abstracts: string, nums: string): Record<string, string> => ({
    'word/numbering.xml': `<w:numbering ${W}>${abstracts}${nums}</w:numbering>`,
  });

  it('restores a multi-level outline: 一、 （一） 1. （1）, deeper levels restarting after a shallower one', () => {
    const abs = `<w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '%1、')}${lvl(1, 'chineseCountingThousand', '（%2）')}${lvl(2, 'decimal', '%3.')}${lvl(3, 'decimal', '（%4）')}</w:abstractNum>`;
    const bytes = docx(
      [p('主要工作', numPr(1, 0)), p('加强领导', numPr(1, 1)), p('开展检查', numPr(1, 1)), p('燃气', numPr(1, 2)), p('细项', numPr(1, 3)), p('存在的问题', numPr(1, 0)), p('意识淡薄', numPr(1, 1))].join(''),
      numbering(abs, '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'),
    );
    expect(texts(bytes)).toEqual(['一、主要工作', '（一）加强领导', '（二）开展检查', '1.燃气', '（1）细项', '二、存在的问题', '（一）意识淡薄']);
  });

  it('continues a list across instances of one definition, and restarts on startOverride', () => {
    const abs = `<w:abstractNum w:abstractNumId="0">${lvl(0, 'decimal', '%1.')}</w:abstractNum>`;
    const nums =
      '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>' +
      '<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>';
    const bytes = docx([p('甲', numPr(1)), p('乙', numPr(2)), p('丙', numPr(3)), p('丁', numPr(3))].join(''), numbering(abs, nums));
    expect(texts(bytes)).toEqual(['1.甲', '2.乙', '1.丙', '2.丁']);
  });

  it('honours lvlRestart 0 (never restart) and start values, and numbering that comes from the paragraph style', () => {
    const abs =
      `<w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '%1、')}${lvl(1, 'decimalEnclosedCircle', '%2', '<w:lvlRestart w:val="0"/>')}</w:abstractNum>` +
      `<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="11"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>`;
    const styles = `<w:styles ${W}><w:style w:type="paragraph" w:styleId="H"><w:name w:val="heading 1"/><w:pPr>${numPr(2, 0)}</w:pPr></w:style></w:styles>`;
    const bytes = docx(
      [p('一', numPr(1, 0)), p('a', numPr(1, 1)), p('二', numPr(1, 0)), p('b', numPr(1, 1)), p('十一项', '<w:pStyle w:val="H"/>'), p('不编号', `<w:pStyle w:val="H"/>${numPr(0)}`)].join(''),
      { ...numbering(abs, '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'), 'word/styles.xml': styles },
    );
    const r = readDocx(bytes);
    expect(r.ok && r.value.blocks.map((b) => [b.text, b.hint])).toEqual([
      ['一、一', undefined],
      ['①a', undefined],
      ['二、二', undefined],
      ['②b', undefined],
      ['十一、十一项', 'heading'],
      ['不编号', 'heading'],
    ]);
  });
});

describe('readDocx content', () => {
  it('keeps insertions, drops deletions (counted), reads tabs and breaks as whitespace, skips field codes', () => {
    const body =
      '<w:p><w:r><w:t xml:space="preserve">排查隐患</w:t></w:r><w:del w:id="1"><w:r><w:delText>30</w:delText></w:r></w:del>' +
      '<w:ins w:id="2"><w:r><w:t>23</w:t></w:r></w:ins><w:r><w:t>处</w:t><w:tab/><w:t>已整改</w:t><w:br/><w:t>21处</w:t></w:r>' +
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> DATE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>（5月）</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>';
    const r = readDocx(docx(body));
    expect(r.ok && r.value.blocks.map((b) => b.text)).toEqual(['排查隐患23处\t已整改\n21处（5月）']);
    expect(r.ok && r.value.skipped).toEqual([{ what: 'deleted-revision', count: 1 }]);
  });

  it('reads text boxes once (the mc:Fallback copy is skipped) after their paragraph', () => {
    const box = '<w:txbxContent><w:p><w:r><w:t>框内文字</w:t></w:r></w:p></w:txbxContent>';
    const body = `<w:p><w:r><w:t>正文</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx>${box}</wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox>${box}</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>${p('下一段')}`;
    expect(texts(docx(body))).toEqual(['正文', '框内文字', '下一段']);
  });

  it('reads a table with merged cells once, and counts comments, footnotes, headers and page numbers', () => {
    const tc = (t: string, pr = ''): string => `<w:tc><w:tcPr>${pr}</w:tcPr>${p(t)}</w:tc>`;
    const body =
      `<w:tbl><w:tr>${tc('项目', '<w:vMerge w:val="restart"/>')}${tc('数量', '<w:gridSpan w:val="2"/>')}</w:tr>` +
      `<w:tr>${tc('', '<w:vMerge/>')}${tc('本月')}${tc('累计')}</w:tr></w:tbl>` +
      '<w:p><w:r><w:t>正文</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:commentReference w:id="0"/></w:r></w:p>';
    const r = readDocx(
      docx(body, {
        'word/comments.xml': `<w:comments ${W}><w:comment w:id="0">${p('批注')}</w:comment></w:comments>`,
        'word/footnotes.xml': `<w:footnotes ${W}><w:footnote w:type="separator" w:id="-1"><w:p/></w:footnote><w:footnote w:id="1">${p('脚注')}</w:footnote></w:footnotes>`,
        'word/header1.xml': `<w:hdr ${W}>${p('青石镇人民政府')}</w:hdr>`,
        'word/footer1.xml': `<w:ftr ${W}><w:p><w:r><w:t>第</w:t></w:r><w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple><w:r><w:t>页</w:t></w:r></w:p></w:ftr>`,
      }),
    );
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.blocks.map((b) => [b.kind, b.text, b.line])).toEqual([
      ['table', '项目\t数量\n\t本月\t累计', 1],
      ['paragraph', '正文', 2],
    ]);
    expect(r.value.blocks[0]?.rows).toEqual([['项目', '数量'], ['', '本月', '累计']]);
    expect(r.value.skipped).toEqual([
      { what: 'header', count: 1 },
      { what: 'footer', count: 1 },
      { what: 'page-number', count: 1 },
      { what: 'comment', count: 1 },
      { what: 'footnote', count: 1 },
    ]);
  });

  it('rejects malformed XML and a DOCTYPE (no entity expansion) as values', () => {
    const bad = zipSync({ 'word/document.xml': strToU8('<w:document><w:body><w:p></w:body></w:document>') });
    expect(readDocx(bad)).toMatchObject({ ok: false, error: { code: 'ingest.report_bad_xml' } });
    const dtd = zipSync({ 'word/document.xml': strToU8('<!DOCTYPE x [<!ENTITY a "aaaa">]><w:document/>') });
    expect(readDocx(dtd)).toMatchObject({ ok: false, error: { code: 'ingest.report_bad_xml' } });
  });
});
