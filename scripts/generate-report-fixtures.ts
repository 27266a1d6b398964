/**
 * Renders the monthly-report corpus (tests/fixtures/reports/corpus/R*.json) to real files under
 * tests/fixtures/reports/ (run: npm run generate:report-fixtures), so the report readers are tested
 * on the bytes Word, WPS and LibreOffice write (docs/decisions/0006-report-readers.md):
 * - every report as .docx (the `docx` package), numbered blocks with REAL automatic numbering (the
 *   label is in numbering.xml, not in the text), page header/footer text, a page-number field,
 *   tables, the title style and alignment;
 * - every third report (index % 3 === 0) also as .doc, converted by LibreOffice
 *   (`soffice --headless --convert-to doc`); the .doc files are committed, and a .doc is converted
 *   again only when its .docx changed (the source hash is kept in manifest.json), because
 *   LibreOffice output is not byte-stable; without soffice the conversion is skipped with a message;
 * - every third report (index % 3 === 1) as .txt in UTF-8, GB18030 or UTF-16LE with BOM (labels typed);
 * - hostile files under hostile/.
 * Deterministic: fixed zip timestamps and document dates, so a re-run writes identical bytes.
 */
import { encodeGb18030 } from './sample/gb18030';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import * as CFB from 'cfb';
import { FIXED_DATE, renderDocx, type CorpusReport } from './report-docx';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'tests', 'fixtures', 'reports');
const CORPUS = join(OUT, 'corpus');

// ---- text ------------------------------------------------------------------------------------

/** The report as a clerk pastes it into a .txt: labels typed, tables as tab-separated lines. */
export function reportLines(report: CorpusReport): string[] {
  return report.doc.blocks.flatMap((b) =>
    b.type === 'table' ? (b.rows ?? []).map((r) => r.join('\t')) : [`${b.numbering ?? ''}${b.text ?? ''}`],
  );
}

function renderText(report: CorpusReport, variant: number): string {
  // Vary the layout as real files do: blank lines between paragraphs, full-width indents, CRLF.
  const lines = reportLines(report).map((l, i) => (variant % 2 === 0 && i > 3 ? `\u3000\u3000${l}` : l));
  const sep = variant % 3 === 0 ? '\r\n' : '\n';
  return (variant % 2 === 1 ? lines.join(sep + sep) : lines.join(sep)) + sep;
}

const TEXT_ENCODINGS = ['utf-8', 'gb18030', 'utf-16le'] as const;
export type TextEncodingName = (typeof TEXT_ENCODINGS)[number];

function encodeText(text: string, encoding: TextEncodingName): Uint8Array {
  if (encoding === 'utf-8') return new TextEncoder().encode(text);
  if (encoding === 'gb18030') return encodeGb18030(text);
  const out = new Uint8Array(2 + text.length * 2);
  out[0] = 0xff;
  out[1] = 0xfe;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 + i * 2] = c & 0xff;
    out[3 + i * 2] = c >> 8;
  }
  return out;
}

// ---- hostile files ---------------------------------------------------------------------------

/** A minimal Compound File (one sector of header, FAT, directory) holding the named streams. */
function fakeEncryptedCfb(): Uint8Array {
  // Built with cfb so the container is valid and only its content (EncryptionInfo) says "encrypted".
  return cfbWith({
    EncryptionInfo: new Uint8Array([4, 0, 4, 0, 0x40, 0, 0, 0]),
    EncryptedPackage: new Uint8Array(64).fill(0x5a),
  });
}

function cfbWith(streams: Record<string, Uint8Array>): Uint8Array {
  const c = CFB.utils.cfb_new();
  for (const [name, data] of Object.entries(streams)) CFB.utils.cfb_add(c, `/${name}`, data);
  const written = CFB.write(c, { type: 'array' }) as number[] | Uint8Array;
  return Uint8Array.from(written);
}

const MEETING_NOTICE: CorpusReport = {
  id: 'notice',
  doc: {
    header: null,
    footer: null,
    blocks: [
      { type: 'para', text: '关于召开全镇安全生产工作会议的通知', style: 'title' },
      { type: 'para', text: '各村（社区）、镇直各单位：' },
      {
        type: 'para',
        text: '经研究，定于2024年6月5日上午9时在镇政府三楼会议室召开全镇安全生产工作会议，现将有关事项通知如下：',
      },
      { type: 'heading', text: '参会人员', numbering: '一、' },
      { type: 'para', text: '各村（社区）党支部书记、安全员，镇直各单位主要负责人。' },
      { type: 'heading', text: '会议内容', numbering: '二、' },
      { type: 'para', text: '传达区安委会第二次全体会议精神，安排部署“安全生产月”活动。' },
      { type: 'para', text: '请参会人员提前10分钟到场签到，不得缺席。' },
      { type: 'para', text: '青石镇人民政府', align: 'right' },
      { type: 'para', text: '2024年6月3日', align: 'right' },
    ],
  },
};

async function hostileFiles(): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  files.set('empty.docx', new Uint8Array(0));
  const good = await renderDocx(
    JSON.parse(readFileSync(join(CORPUS, 'R1-01.json'), 'utf8')) as CorpusReport,
    0,
  );
  files.set('truncated.docx', good.slice(0, Math.floor(good.length / 2)));
  const xlsx = zipSync({
    '[Content_Types].xml': [
      strToU8(
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
      ),
      { mtime: FIXED_DATE },
    ],
    'xl/workbook.xml': [
      strToU8(
        '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="Sheet1" sheetId="1"/></sheets></workbook>',
      ),
      { mtime: FIXED_DATE },
    ],
    'xl/worksheets/sheet1.xml': [
      strToU8(
        '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>',
      ),
      { mtime: FIXED_DATE },
    ],
  });
  files.set('really-xlsx.docx', xlsx);
  files.set('password-protected.docx', fakeEncryptedCfb());
  files.set('meeting-notice.docx', await renderDocx(MEETING_NOTICE, 0));
  return files;
}

// ---- main ------------------------------------------------------------------------------------

const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

interface Manifest {
  /** .doc file → sha256 of the .docx it was converted from. */
  readonly doc: Record<string, string>;
  /** .txt file → the encoding it was written in. */
  readonly txt: Record<string, TextEncodingName>;
}

function hasSoffice(): boolean {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  mkdirSync(CORPUS, { recursive: true });
  const names = readdirSync(CORPUS)
    .filter((n) => /^R.*\.json$/.test(n))
    .sort();
  for (const dir of ['docx', 'doc', 'txt', 'hostile']) mkdirSync(join(OUT, dir), { recursive: true });
  const manifestPath = join(OUT, 'manifest.json');
  const old: Manifest = existsSync(manifestPath)
    ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest)
    : { doc: {}, txt: {} };
  const manifest: Manifest = { doc: {}, txt: {} };
  const soffice = hasSoffice();
  const toConvert: string[] = [];
  for (const [i, name] of names.entries()) {
    const report = JSON.parse(readFileSync(join(CORPUS, name), 'utf8')) as CorpusReport;
    const docx = await renderDocx(report, i, i % 3 === 0);
    writeFileSync(join(OUT, 'docx', `${report.id}.docx`), docx);
    if (i % 3 === 0) {
      const docName = `${report.id}.doc`;
      const hash = sha256(docx);
      if (old.doc[docName] === hash && existsSync(join(OUT, 'doc', docName))) manifest.doc[docName] = hash;
      else if (soffice) {
        toConvert.push(report.id);
        manifest.doc[docName] = hash;
      } else {
        console.warn(`soffice not found: ${docName} not converted (the committed .doc files are kept).`);
        if (old.doc[docName] !== undefined) manifest.doc[docName] = old.doc[docName];
      }
    }
    if (i % 3 === 1) {
      const encoding = TEXT_ENCODINGS[Math.floor(i / 3) % 3] ?? 'utf-8';
      const file = `${report.id}.txt`;
      writeFileSync(join(OUT, 'txt', file), encodeText(renderText(report, Math.floor(i / 3)), encoding));
      manifest.txt[file] = encoding;
    }
  }
  if (toConvert.length > 0) {
    const tmp = mkdtempSync(join(tmpdir(), 'report-doc-'));
    try {
      // A private profile so a running LibreOffice of the user is neither used nor disturbed.
      execFileSync(
        'soffice',
        [
          `-env:UserInstallation=file://${tmp}/profile`,
          '--headless',
          '--convert-to',
          'doc:MS Word 97',
          '--outdir',
          join(OUT, 'doc'),
          ...toConvert.map((id) => join(OUT, 'docx', `${id}.docx`)),
        ],
        { stdio: 'inherit' },
      );
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }
  for (const [name, data] of await hostileFiles()) writeFileSync(join(OUT, 'hostile', name), data);
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(
    `docx ${names.length}, doc ${Object.keys(manifest.doc).length} (converted now: ${toConvert.length}), txt ${Object.keys(manifest.txt).length}, hostile 5`,
  );
}

await main();
