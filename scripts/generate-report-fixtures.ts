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
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import * as CFB from 'cfb';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'tests', 'fixtures', 'reports');
const CORPUS = join(OUT, 'corpus');
/** Fixed time for zip entries and document properties, so re-runs are byte-identical. */
const FIXED_DATE = new Date(Date.UTC(2024, 0, 1, 0, 0, 0));

export interface CorpusBlock {
  readonly type: 'para' | 'heading' | 'table';
  readonly text?: string;
  readonly numbering?: string;
  readonly style?: 'title';
  readonly align?: 'center' | 'right';
  readonly rows?: readonly (readonly string[])[];
}
export interface CorpusReport {
  readonly id: string;
  readonly doc: {
    readonly header: string | null;
    readonly footer: string | null;
    readonly blocks: readonly CorpusBlock[];
  };
}

// ---- numbering -------------------------------------------------------------------------------

const CN = '一二三四五六七八九';
const cnValue = (s: string): number => {
  if (s === '十') return 10;
  if (s.startsWith('十')) return 10 + CN.indexOf(s.slice(1)) + 1;
  if (s.endsWith('十')) return (CN.indexOf(s.slice(0, -1)) + 1) * 10;
  if (s.includes('十')) {
    const [a = '', b = ''] = s.split('十');
    return (CN.indexOf(a) + 1) * 10 + CN.indexOf(b) + 1;
  }
  return CN.indexOf(s) + 1;
};

interface LabelStyle {
  readonly key: string;
  readonly format: (typeof LevelFormat)[keyof typeof LevelFormat];
  readonly text: string;
}

/** The label kinds the corpus uses, each its own Word list (so each restarts on its own). */
export function parseLabel(label: string, variant: number): { style: LabelStyle; value: number } | null {
  const cnFormat = variant % 2 === 0 ? LevelFormat.CHINESE_COUNTING : LevelFormat.CHINESE_COUNTING_THOUSAND;
  let m = /^([一二三四五六七八九十]+)、$/.exec(label);
  if (m) return { style: { key: 'cn', format: cnFormat, text: '%1、' }, value: cnValue(m[1] ?? '') };
  m = /^（([一二三四五六七八九十]+)）$/.exec(label);
  if (m) return { style: { key: 'cnparen', format: cnFormat, text: '（%1）' }, value: cnValue(m[1] ?? '') };
  m = /^(\d+)\.$/.exec(label);
  if (m) return { style: { key: 'dot', format: LevelFormat.DECIMAL, text: '%1.' }, value: Number(m[1]) };
  m = /^（(\d+)）$/.exec(label);
  if (m) return { style: { key: 'paren', format: LevelFormat.DECIMAL, text: '（%1）' }, value: Number(m[1]) };
  m = /^(\d+)、$/.exec(label);
  if (m) return { style: { key: 'dun', format: LevelFormat.DECIMAL, text: '%1、' }, value: Number(m[1]) };
  return null;
}

/**
 * Assigns each numbered block a list reference and instance so that Word's counters give exactly
 * the corpus label: a run of consecutive values stays in one list instance; a break (a new section
 * restarting at 1, or a jump) opens a new instance, whose startOverride restarts the count.
 */
function planNumbering(blocks: readonly CorpusBlock[], variant: number, ownListPerRun: boolean) {
  const refs = new Map<string, { style: LabelStyle; start: number; instances: number }>();
  const last = new Map<string, { ref: string; instance: number; value: number }>();
  const plan = blocks.map((b) => {
    if (b.numbering === undefined) return null;
    const parsed = parseLabel(b.numbering, variant);
    if (!parsed) throw new Error(`Unknown numbering label ${b.numbering}`);
    const prev = last.get(parsed.style.key);
    if (prev && prev.value + 1 === parsed.value) {
      last.set(parsed.style.key, { ...prev, value: parsed.value });
      return { reference: prev.ref, instance: prev.instance };
    }
    const ref = ownListPerRun
      ? `${parsed.style.key}-run-${refs.size}`
      : `${parsed.style.key}-from-${parsed.value}`;
    const entry = refs.get(ref) ?? { style: parsed.style, start: parsed.value, instances: 0 };
    refs.set(ref, entry);
    const instance = entry.instances++;
    last.set(parsed.style.key, { ref, instance, value: parsed.value });
    return { reference: ref, instance };
  });
  const config = [...refs].map(([reference, r]) => ({
    reference,
    levels: [
      { level: 0, format: r.style.format, text: r.style.text, start: r.start, alignment: AlignmentType.LEFT },
    ],
  }));
  return { plan, config };
}

// ---- docx ------------------------------------------------------------------------------------

/** Footer text with its page numbers as fields: '第 1 页 共 2 页' → 第 PAGE 页 共 NUMPAGES 页. */
function footerRuns(text: string): TextRun {
  const parts = text.split(/(\d+)/);
  let n = 0;
  const children: (string | (typeof PageNumber)[keyof typeof PageNumber])[] = [];
  for (const p of parts) {
    if (/^\d+$/.test(p)) children.push(n++ === 0 ? PageNumber.CURRENT : PageNumber.TOTAL_PAGES);
    else if (p !== '') children.push(p);
  }
  return new TextRun({ children });
}

/**
 * `ownListPerRun`: each run of consecutive labels is a list of its own (its abstractNum's start gives
 * the first value) and numbering.xml carries no startOverride. Used for the files converted to .doc:
 * LibreOffice's .doc export splits a list restarted by startOverride into unrelated lists, so its
 * .doc would show （一）（一） where Word shows （一）（二） in the .docx. The other files restart lists
 * with new instances (startOverride), as Word's "restart numbering" does.
 */
export async function renderDocx(
  report: CorpusReport,
  variant: number,
  ownListPerRun = false,
): Promise<Uint8Array> {
  const { plan, config } = planNumbering(report.doc.blocks, variant, ownListPerRun);
  const children = report.doc.blocks.map((b, i) => {
    if (b.type === 'table') {
      return new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: (b.rows ?? []).map(
          (r) =>
            new TableRow({
              children: r.map(
                (c) =>
                  new TableCell({ children: [new Paragraph({ text: c, alignment: AlignmentType.CENTER })] }),
              ),
            }),
        ),
      });
    }
    const numbering = plan[i];
    return new Paragraph({
      children: [new TextRun(b.text ?? '')],
      ...(b.style === 'title' ? { heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER } : {}),
      ...(b.type === 'heading' ? { heading: HeadingLevel.HEADING_1 } : {}),
      ...(b.align === 'center' ? { alignment: AlignmentType.CENTER } : {}),
      ...(b.align === 'right' ? { alignment: AlignmentType.RIGHT } : {}),
      ...(numbering
        ? { numbering: { reference: numbering.reference, level: 0, instance: numbering.instance } }
        : {}),
    });
  });
  const doc = new Document({
    creator: '乡镇安全生产办公室',
    title: report.doc.blocks.find((b) => b.style === 'title')?.text ?? report.id,
    styles: { default: { document: { run: { font: '仿宋_GB2312', size: 32 } } } },
    numbering: { config },
    sections: [
      {
        ...(report.doc.header !== null
          ? {
              headers: {
                default: new Header({
                  children: [new Paragraph({ text: report.doc.header, alignment: AlignmentType.CENTER })],
                }),
              },
            }
          : {}),
        ...(report.doc.footer !== null
          ? {
              footers: {
                default: new Footer({
                  children: [
                    new Paragraph({
                      children: [footerRuns(report.doc.footer)],
                      alignment: AlignmentType.CENTER,
                    }),
                  ],
                }),
              },
            }
          : {}),
        children,
      },
    ],
  });
  return normaliseZip(new Uint8Array(await Packer.toBuffer(doc)), ownListPerRun);
}

/** Re-zips with fixed entry times and fixed document dates (docProps/core.xml), in name order. */
export function normaliseZip(bytes: Uint8Array, dropStartOverrides = false): Uint8Array {
  const files = unzipSync(bytes);
  const out: Zippable = {};
  const iso = FIXED_DATE.toISOString().replace(/\.\d+Z$/, 'Z');
  for (const name of Object.keys(files).sort((a, b) =>
    a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : a < b ? -1 : a > b ? 1 : 0,
  )) {
    let data = files[name] as Uint8Array;
    if (name === 'docProps/core.xml') {
      data = strToU8(
        strFromU8(data).replace(/(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${iso}$3`),
      );
    }
    if (name === 'word/numbering.xml' && dropStartOverrides) {
      data = strToU8(strFromU8(data).replace(/<w:lvlOverride\b[^>]*>.*?<\/w:lvlOverride>/g, ''));
    }
    out[name] = [data, { mtime: FIXED_DATE, level: 6 }];
  }
  return zipSync(out);
}

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
