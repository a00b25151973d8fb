/**
 * Writes a ReportDocument as a Word file laid out per Decree 30/2020/NĐ-CP (Phụ lục I, thể thức văn bản hành chính):
 * A4, margins top/bottom 20 mm, left 30 mm, right 15 mm, Times New Roman; the header block as a borderless
 * two-column table (issuing body and number on the left, national title, motto and place/date on the right),
 * kind and title centred, body 14 pt justified with a 1,27 cm first-line indent, bordered tables with a repeated
 * header row, "Nơi nhận:" bottom left and the signer bottom right; page numbers centred in the header from page 2.
 */
import {
  DocBlock,
  DocTable,
  DocxRenderer,
  ReportDocument,
  documentDateLine,
  documentNumberLine,
} from '@dieu-hanh/api/reporting/application';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';

export const DOCUMENT_FONT = 'Times New Roman';

/** A4 in twips (w:pgSz 11906 × 16838). */
export const A4 = { width: 11906, height: 16838 } as const;

/** Millimetres: within the decree's ranges (top/bottom 20–25, left 30–35, right 15–20). */
export const MARGINS_MM = { top: 20, bottom: 20, left: 30, right: 15, header: 10, footer: 10 } as const;

/** Millimetres → twips, rounded up so 20 mm stays at least 20 mm. */
const mm = (v: number) => Math.ceil((v * 1440) / 25.4);
/** The text width: 210 − 30 − 15 = 165 mm. */
const TEXT_WIDTH = A4.width - mm(MARGINS_MM.left) - mm(MARGINS_MM.right);

/** Half-points. */
const SIZE = {
  body: 28,
  header: 26,
  nation: 24,
  motto: 26,
  table: 24,
  recipientsTitle: 24,
  recipients: 22,
  page: 26,
} as const;

/**
 * The header block's columns (twips): "SỞ KHOA HỌC VÀ CÔNG NGHỆ" at 13 pt bold measures about 3,980 twips and
 * "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" at 12 pt bold about 5,010: both stay on one line.
 */
const HEADER_LEFT = 4300;
/** As templates do, the header block reaches 5 mm into the (wide) left margin for air between its columns. */
const HEADER_OUTDENT = 284;
const HEADER_RIGHT = TEXT_WIDTH + HEADER_OUTDENT - HEADER_LEFT;
/** "Độc lập - Tự do - Hạnh phúc" at 13 pt bold measures about 3,180 twips: the line under it is as long. */
const MOTTO = 'Độc lập - Tự do - Hạnh phúc';
const MOTTO_RULE = 3190;
/** Average advance of Vietnamese bold capitals and spaces at 13 pt (twips), to size the short line under the issuing body. */
const CAPS_ADVANCE_13 = 166;

const FIRST_LINE_INDENT = 720; // 1,27 cm
const SPACING_6PT = 120;

type Align = (typeof AlignmentType)[keyof typeof AlignmentType];
const ALIGN: Record<string, Align> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
};

interface RunStyle {
  size: number;
  bold?: boolean;
  italics?: boolean;
}

function run(text: string, style: RunStyle): TextRun {
  return new TextRun({
    text,
    font: DOCUMENT_FONT,
    size: style.size,
    bold: style.bold,
    italics: style.italics,
    language: { value: 'vi-VN' },
  });
}

function line(
  text: string,
  style: RunStyle,
  options: { align?: Align; before?: number; after?: number; keepNext?: boolean } = {},
): Paragraph {
  return new Paragraph({
    alignment: options.align ?? AlignmentType.CENTER,
    spacing: {
      before: options.before ?? 0,
      after: options.after ?? 0,
      line: 240,
      lineRule: LineRuleType.AUTO,
    },
    keepNext: options.keepNext,
    children: [run(text, style)],
  });
}

/** A solid horizontal line `length` twips long, centred in a space `within` twips wide (a tiny paragraph's top border). */
function rule(length: number, within: number, before = 0): Paragraph {
  const side = Math.max(0, Math.round((within - length) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before, after: 0, line: 60, lineRule: LineRuleType.EXACT },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [run('', { size: 2 })],
  });
}

const NO_BORDERS = TableBorders.NONE;
const CELL_NO_BORDERS = {
  top: NO_BORDERS.top,
  bottom: NO_BORDERS.bottom,
  left: NO_BORDERS.left,
  right: NO_BORDERS.right,
};
const ZERO_MARGINS = { top: 0, bottom: 0, left: 0, right: 0 };

function layoutTable(
  widths: [number, number],
  cells: [Paragraph[], Paragraph[]],
  options: { cantSplit?: boolean; outdent?: number } = {},
): Table {
  const { cantSplit = false, outdent = 0 } = options;
  return new Table({
    width: { size: widths[0] + widths[1], type: WidthType.DXA },
    indent: outdent ? { size: -outdent, type: WidthType.DXA } : undefined,
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        cantSplit,
        children: cells.map(
          (children, i) =>
            new TableCell({
              width: { size: widths[i], type: WidthType.DXA },
              borders: CELL_NO_BORDERS,
              margins: ZERO_MARGINS,
              children,
            }),
        ),
      }),
    ],
  });
}

// ---------------------------------------------------------------------------------------------
// Parts of the document

/** Ô số 1–4: cơ quan chủ quản / cơ quan ban hành, số và ký hiệu | Quốc hiệu và Tiêu ngữ, địa danh và ngày tháng. */
function headerBlock(doc: ReportDocument): Table {
  const body = doc.issuer.body.toLocaleUpperCase('vi');
  const bodyWidth = Math.min(HEADER_LEFT, body.length * CAPS_ADVANCE_13);
  const left: Paragraph[] = [
    ...(doc.issuer.parentBody
      ? [line(doc.issuer.parentBody.toLocaleUpperCase('vi'), { size: SIZE.header })]
      : []),
    line(body, { size: SIZE.header, bold: true }),
    rule(Math.max(900, Math.round(bodyWidth * 0.4)), HEADER_LEFT, 100),
    line(documentNumberLine(doc), { size: SIZE.header }, { before: 140 }),
  ];
  const right: Paragraph[] = [
    line('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { size: SIZE.nation, bold: true }),
    line(MOTTO, { size: SIZE.motto, bold: true }),
    rule(MOTTO_RULE, HEADER_RIGHT, 100),
    line(documentDateLine(doc.place, doc.date), { size: SIZE.body, italics: true }, { before: 140 }),
  ];
  return layoutTable([HEADER_LEFT, HEADER_RIGHT], [left, right], { outdent: HEADER_OUTDENT });
}

/** Ô số 5: tên loại và trích yếu nội dung, a short line under it. */
function titleBlock(doc: ReportDocument): Paragraph[] {
  return [
    line(doc.kind.toLocaleUpperCase('vi'), { size: SIZE.body, bold: true }, { before: 360, keepNext: true }),
    line(doc.title, { size: SIZE.body, bold: true }, { keepNext: true }),
    rule(2800, TEXT_WIDTH, 110),
    new Paragraph({ spacing: { before: 0, after: 120 }, children: [run('', { size: 12 })] }),
  ];
}

function bodyParagraph(
  text: string,
  style: Partial<RunStyle> = {},
  options: { align?: Align; keepNext?: boolean; after?: number } = {},
): Paragraph {
  const align = options.align ?? AlignmentType.JUSTIFIED;
  return new Paragraph({
    alignment: align,
    indent:
      align === AlignmentType.JUSTIFIED || align === AlignmentType.LEFT
        ? { firstLine: FIRST_LINE_INDENT }
        : undefined,
    spacing: { before: SPACING_6PT, after: options.after ?? 0, line: 264, lineRule: LineRuleType.AUTO },
    keepNext: options.keepNext,
    children: [run(text, { size: SIZE.body, ...style })],
  });
}

function cellParagraphs(text: string, align: Align, style: RunStyle): Paragraph[] {
  const lines = text.split('\n');
  return lines.map(
    (l) =>
      new Paragraph({
        alignment: align,
        spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO },
        children: [run(l, style)],
      }),
  );
}

const CELL_BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const CELL_BORDERS = { top: CELL_BORDER, bottom: CELL_BORDER, left: CELL_BORDER, right: CELL_BORDER };
const CELL_MARGINS = { top: 40, bottom: 40, left: 80, right: 80 };

/** Widths in percent → twips that fill the text width exactly. */
function columnWidths(widths: number[], count: number): number[] {
  const w = widths.length === count ? widths : Array.from({ length: count }, () => 1);
  const total = w.reduce((a, b) => a + b, 0);
  const twips = w.map((x) => Math.floor((x / total) * TEXT_WIDTH));
  twips[twips.length - 1] += TEXT_WIDTH - twips.reduce((a, b) => a + b, 0);
  return twips;
}

function dataTable(t: DocTable): Table {
  const widths = columnWidths(t.widths, t.columns.length);
  const cell = (children: Paragraph[], width: number, columnSpan?: number) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      columnSpan,
      borders: CELL_BORDERS,
      margins: CELL_MARGINS,
      verticalAlign: VerticalAlignTable.CENTER,
      children,
    });
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: t.columns.map((c, i) =>
      cell(cellParagraphs(c.title, AlignmentType.CENTER, { size: SIZE.table, bold: true }), widths[i]),
    ),
  });
  const rows = t.rows.map((r, i) => {
    if (r.kind === 'group') {
      return new TableRow({
        cantSplit: true,
        keepNext: true, // a plan section's row never ends a page alone
        children: [
          cell(
            cellParagraphs(r.cells.join(' '), AlignmentType.LEFT, { size: SIZE.table, bold: true }),
            TEXT_WIDTH,
            t.columns.length,
          ),
        ],
      });
    }
    const style: RunStyle = { size: SIZE.table, italics: r.kind === 'detail' };
    return new TableRow({
      cantSplit: true,
      // a task stays on the page of the contributions listed under it
      keepNext: t.rows[i + 1]?.kind === 'detail',
      children: t.columns.map((c, i) =>
        cell(cellParagraphs(r.cells[i] ?? '', ALIGN[c.align] ?? AlignmentType.LEFT, style), widths[i]),
      ),
    });
  });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [header, ...rows],
  });
}

/** A block as paragraphs or a table; the text just before a table keeps with it and leaves 6 pt above it. */
function blockElements(block: DocBlock, beforeTable: boolean): (Paragraph | Table)[] {
  const after = beforeTable ? SPACING_6PT : 0;
  switch (block.type) {
    case 'heading': {
      const text = block.numbering ? `${block.numbering} ${block.text}` : block.text;
      return [
        bodyParagraph(
          block.level === 1 ? text.toLocaleUpperCase('vi') : text,
          { bold: true },
          { keepNext: true, after },
        ),
      ];
    }
    case 'paragraph':
      return [
        bodyParagraph(
          block.text,
          { bold: block.bold, italics: block.italic },
          { align: block.align ? ALIGN[block.align] : undefined, keepNext: beforeTable, after },
        ),
      ];
    case 'table':
      // a little air between the table and the text after it
      return [
        dataTable(block),
        new Paragraph({
          spacing: { before: 0, after: 0, line: 120, lineRule: LineRuleType.EXACT },
          children: [run('', { size: 12 })],
        }),
      ];
  }
}

/** Ô số 7, 9: chức vụ, họ tên người ký (right) and "Nơi nhận:" (left), kept on one page. */
function closingBlock(doc: ReportDocument): Table {
  const leftWidth = Math.round(TEXT_WIDTH * 0.45);
  const left: Paragraph[] = [
    new Paragraph({
      spacing: { before: 0, after: 0 },
      children: [run('Nơi nhận:', { size: SIZE.recipientsTitle, bold: true, italics: true })],
    }),
    ...doc.recipients.map(
      (r) =>
        new Paragraph({ spacing: { before: 0, after: 0 }, children: [run(r, { size: SIZE.recipients })] }),
    ),
  ];
  const signer = doc.signer;
  const right: Paragraph[] = [
    ...(signer.authority
      ? [line(signer.authority.toLocaleUpperCase('vi'), { size: SIZE.body, bold: true })]
      : []),
    line(signer.title.toLocaleUpperCase('vi'), { size: SIZE.body, bold: true }),
    // room for the signature and the seal
    ...Array.from({ length: 4 }, () => line('', { size: SIZE.body })),
    line(signer.name ?? '', { size: SIZE.body, bold: true }),
  ];
  return layoutTable([leftWidth, TEXT_WIDTH - leftWidth], [left, right], { cantSplit: true });
}

/** Ô số 11 (số trang): centred in the header, not on the first page. */
function pageNumberHeader(): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], font: DOCUMENT_FONT, size: SIZE.page })],
      }),
    ],
  });
}

export function buildDecree30Document(doc: ReportDocument): Document {
  return new Document({
    creator: doc.issuer.body,
    title: `${doc.kind} ${doc.title}`,
    styles: {
      default: {
        document: { run: { font: DOCUMENT_FONT, size: SIZE.body, language: { value: 'vi-VN' } } },
      },
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: A4.width, height: A4.height },
            margin: {
              top: mm(MARGINS_MM.top),
              bottom: mm(MARGINS_MM.bottom),
              left: mm(MARGINS_MM.left),
              right: mm(MARGINS_MM.right),
              header: mm(MARGINS_MM.header),
              footer: mm(MARGINS_MM.footer),
            },
          },
        },
        headers: {
          default: pageNumberHeader(),
          first: new Header({ children: [new Paragraph({ children: [] })] }),
        },
        children: [
          headerBlock(doc),
          ...titleBlock(doc),
          ...doc.blocks.flatMap((block, i) => blockElements(block, doc.blocks[i + 1]?.type === 'table')),
          new Paragraph({ spacing: { before: 0, after: 0 }, children: [run('', { size: SIZE.body })] }),
          closingBlock(doc),
        ],
      },
    ],
  });
}

export class Decree30DocxRenderer extends DocxRenderer {
  async render(doc: ReportDocument): Promise<Buffer> {
    return Packer.toBuffer(buildDecree30Document(doc));
  }
}
