/**
 * The bulletin as a real Word document (docx): A4 portrait with GB/T 9704-style margins, a
 * centred title in 宋体, headings in 黑体, body in 仿宋 (三号), the ranking table with a header row
 * repeated on every page, and charts as PNG images passed in. Returns the .docx bytes.
 */
import { pushAll } from '../../domain/arrays';
import {
  AlignmentType,
  Document,
  ImageRun,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { rankingCellText, type BulletinModel } from './bulletin-model';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A chart image for the Word file, e.g. rendered with download.ts at pixel ratio 2. */
export interface BulletinImage {
  /** Caption printed under the image. */
  readonly title: string;
  readonly png: Uint8Array;
  /** Pixel size of the PNG, for the aspect ratio. */
  readonly width: number;
  readonly height: number;
}

// Twips (1/20 pt). A4 = 210 × 297 mm; GB/T 9704: top 37 mm, left 28 mm, text block 156 × 225 mm.
const MM = 56.692;
const PAGE = { width: 11906, height: 16838 };
const MARGIN = {
  top: Math.round(37 * MM),
  bottom: Math.round(35 * MM),
  left: Math.round(28 * MM),
  right: Math.round(26 * MM),
};
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
/** Image width in pixels at 96 dpi that fills the text block (156 mm). */
const IMAGE_MAX_PX = Math.floor((156 / 25.4) * 96);

// Half-points: 二号 22 pt, 三号 16 pt, 五号 10.5 pt.
const SIZE_TITLE = 44;
const SIZE_BODY = 32;
const SIZE_TABLE = 21;
const FONT_TITLE = '宋体';
const FONT_HEADING = '黑体';
const FONT_BODY = '仿宋';
const FONT_TABLE = '宋体';

/** Relative widths of the ranking columns (rank, township, status, 6 numbers). */
const COLUMN_WEIGHTS = [6, 15, 13, 10, 10, 10, 11, 9, 10];

const run = (text: string, font: string, size: number, bold = false): TextRun =>
  new TextRun({ text, font: { name: font, eastAsia: font }, size, bold });

const body = (text: string): Paragraph =>
  new Paragraph({
    children: [run(text, FONT_BODY, SIZE_BODY)],
    indent: { firstLine: SIZE_BODY * 20 }, // two characters: size (half-points) × 10 twips × 2
    spacing: { line: 560, lineRule: 'exact' }, // 28 pt fixed line, the usual 公文 grid
    alignment: AlignmentType.JUSTIFIED,
  });

const heading = (text: string): Paragraph =>
  new Paragraph({
    children: [run(text, FONT_HEADING, SIZE_BODY)],
    indent: { firstLine: SIZE_BODY * 20 },
    spacing: { line: 560, lineRule: 'exact' },
    keepNext: true,
  });

function rankingTable(model: BulletinModel): Table {
  const { columns, rows } = model.ranking.table;
  const total = COLUMN_WEIGHTS.slice(0, columns.length).reduce((a, b) => a + b, 0) || 1;
  const widths = columns.map((_, i) => Math.floor(((COLUMN_WEIGHTS[i] ?? 10) / total) * TEXT_WIDTH));
  const cell = (text: string, i: number, bold: boolean): TableCell =>
    new TableCell({
      width: { size: widths[i] ?? 0, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [run(text, FONT_TABLE, SIZE_TABLE, bold)],
        }),
      ],
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      // tableHeader repeats this row at the top of every page the table runs onto.
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: columns.map((c, i) => cell(c.label, i, true)),
      }),
      ...rows.map(
        (r) =>
          new TableRow({
            cantSplit: true,
            children: columns.map((c, i) => cell(rankingCellText(c.key, r[i] ?? null), i, false)),
          }),
      ),
    ],
  });
}

function imageParagraphs(img: BulletinImage): Paragraph[] {
  const scale = img.width > 0 ? Math.min(1, IMAGE_MAX_PX / img.width) : 1;
  const width = Math.max(1, Math.round(img.width * scale));
  const height = Math.max(1, Math.round(img.height * scale));
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      children: [new ImageRun({ type: 'png', data: img.png, transformation: { width, height } })],
    }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [run(img.title, FONT_TABLE, SIZE_TABLE)] }),
  ];
}

/**
 * Writes the bulletin model as .docx bytes: title, issuing office and cut-off line, each section
 * heading with its paragraphs, the ranking heading, table and note, then the images (if any) under
 * a "附图" heading, in the order given. A model without sections still yields a valid document
 * with the title and an empty-bodied table.
 */
export async function bulletinToDocx(
  model: BulletinModel,
  images: readonly BulletinImage[] = [],
  labels: { readonly chartsHeading: string } = { chartsHeading: model.lang === 'en' ? 'Charts' : '附图' },
): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [run(model.title, FONT_TITLE, SIZE_TITLE, true)],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [run(`${model.issuingOffice}\u3000${model.cutoffLine}`, FONT_BODY, SIZE_BODY)],
    }),
  ];
  for (const s of model.sections) {
    children.push(heading(s.heading));
    for (const p of s.paragraphs) children.push(body(p));
  }
  children.push(heading(model.ranking.heading), rankingTable(model));
  children.push(
    new Paragraph({ spacing: { before: 120 }, children: [run(model.ranking.note, FONT_TABLE, SIZE_TABLE)] }),
  );
  if (images.length > 0) {
    children.push(heading(labels.chartsHeading));
    for (const img of images) pushAll(children, imageParagraphs(img));
  }
  const doc = new Document({
    creator: model.issuingOffice,
    title: model.title,
    styles: { default: { document: { run: { font: FONT_BODY, size: SIZE_BODY } } } },
    sections: [
      {
        properties: {
          page: { size: { ...PAGE, orientation: PageOrientation.PORTRAIT }, margin: MARGIN },
        },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
