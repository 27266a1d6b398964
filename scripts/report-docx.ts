/**
 * The .docx writer shared by the report fixtures (generate-report-fixtures.ts) and the sample
 * month of reports (generate-sample-reports.ts): a report given as corpus blocks (paragraphs,
 * headings, tables, Word automatic-numbering labels that are NOT part of the text, page header and
 * footer) becomes a real Word document via the `docx` package, with fixed zip timestamps and
 * document dates so a re-run writes identical bytes (docs/decisions/0006-report-readers.md).
 */
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

/**
 * Fixed time for zip entries, so re-runs are byte-identical. A zip stores local wall-clock time
 * and fflate reads the Date's local fields, so the Date is built from local fields: the same bytes
 * in every time zone (the tests run with TZ=Asia/Shanghai, the generators wherever they run).
 */
export const FIXED_DATE = new Date(2024, 0, 1, 0, 0, 0);
/** Fixed document dates (docProps/core.xml, W3CDTF in UTC). */
const FIXED_ISO = '2024-01-01T00:00:00Z';

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
  const iso = FIXED_ISO;
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

