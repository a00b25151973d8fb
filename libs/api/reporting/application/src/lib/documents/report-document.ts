/**
 * An administrative document as Decree 30/2020/NĐ-CP lays it out (thể thức văn bản hành chính), independent
 * of any file format: the issuing body over its parent, the number and symbol, place and date, the kind and
 * title, the body (headings numbered I., II.; paragraphs; tables), "Nơi nhận:" and the signer.
 * The renderers (DOCX, then PDF from it) only lay it out; every word is decided here or by the mappers.
 */

export interface DocIssuer {
  /** Cơ quan chủ quản, upright caps: "UBND THÀNH PHỐ HÀ NỘI"; null for a body without one. */
  parentBody: string | null;
  /** Cơ quan ban hành, bold caps: "SỞ KHOA HỌC VÀ CÔNG NGHỆ". */
  body: string;
  /** Chữ viết tắt tên cơ quan in the symbol: "SKHCN" (→ "125/BC-SKHCN"). */
  abbreviation: string;
}

export interface DocSigner {
  /** Thẩm quyền ký when signing for someone: "KT. GIÁM ĐỐC", "TM. ỦY BAN NHÂN DÂN"; null when signing in one's own name. */
  authority: string | null;
  /** Chức vụ: "PHÓ GIÁM ĐỐC". */
  title: string;
  /** Họ và tên; null leaves the line for the signer. */
  name: string | null;
}

export type DocAlign = 'left' | 'center' | 'right' | 'justify';

/** "I. KẾT QUẢ THỰC HIỆN" (level 1, bold caps) or "1. Tình hình thực hiện nhiệm vụ" (level 2, bold). */
export interface DocHeading {
  type: 'heading';
  level: 1 | 2;
  /** "I.", "II." at level 1; "1.", "2." at level 2; null for none. */
  numbering: string | null;
  text: string;
}

/** A body paragraph: justified, first line indented. Line breaks are not allowed inside; make one block per paragraph. */
export interface DocParagraph {
  type: 'paragraph';
  text: string;
  italic?: boolean;
  bold?: boolean;
  /** Centred text (a table's caption, "(Chi tiết tại Phụ lục kèm theo)"). */
  align?: DocAlign;
}

export interface DocTableColumn {
  title: string;
  /** How the column's cells align (the header row is always centred). */
  align: DocAlign;
}

/**
 * One row of a table. `cells` has one text per column; "\n" inside a cell starts a new line.
 * `group`: a row spanning every column (a section of the plan); `detail`: a sub-row in italics (a coordinator's
 * contribution under its task).
 */
export interface DocTableRow {
  cells: string[];
  kind?: 'normal' | 'group' | 'detail';
}

export interface DocTable {
  type: 'table';
  columns: DocTableColumn[];
  rows: DocTableRow[];
  /** Relative widths, one per column (percent of the text width; they need not add up to exactly 100). */
  widths: number[];
}

export type DocBlock = DocHeading | DocParagraph | DocTable;

export interface ReportDocument {
  issuer: DocIssuer;
  /** "125/BC-SKHCN"; null before the document is numbered (rendered "Số:      /BC-SKHCN" with blanks). */
  number: string | null;
  /** Địa danh: "Hà Nội". */
  place: string;
  /** yyyy-MM-dd; null before it is signed (rendered "ngày      tháng      năm 20…"). */
  date: string | null;
  /** Tên loại văn bản: "BÁO CÁO". */
  kind: string;
  /** Trích yếu nội dung: "Kết quả thực hiện Kế hoạch số 402/KH-UBND … (Quý IV/2025)". */
  title: string;
  blocks: DocBlock[];
  /** "Nơi nhận:" list, one line each: "- UBND Thành phố (để b/c);", …, "- Lưu: VT." */
  recipients: string[];
  signer: DocSigner;
}

/** The kind's abbreviation in the symbol (Phụ lục III of the decree): BÁO CÁO → BC. */
const KIND_ABBREVIATIONS: Record<string, string> = {
  'BÁO CÁO': 'BC',
  'KẾ HOẠCH': 'KH',
  'TỜ TRÌNH': 'TTr',
  'THÔNG BÁO': 'TB',
  'QUYẾT ĐỊNH': 'QĐ',
  'CÔNG VĂN': '',
};

/** Blanks left for the number until the clerk (văn thư) writes it. */
const NUMBER_BLANK = '\u00A0'.repeat(6);

/**
 * "Số: 125/BC-SKHCN"; a bare "125" gets the symbol; no number yet → "Số:      /BC-SKHCN" (non-breaking blanks
 * so the clerk can write the number in).
 */
export function documentNumberLine(doc: Pick<ReportDocument, 'number' | 'kind' | 'issuer'>): string {
  const kindAbbr = KIND_ABBREVIATIONS[doc.kind.toLocaleUpperCase('vi')] ?? 'BC';
  const symbol = kindAbbr ? `${kindAbbr}-${doc.issuer.abbreviation}` : doc.issuer.abbreviation;
  const number = doc.number?.trim();
  if (!number) return `Số:${NUMBER_BLANK}/${symbol}`;
  return number.includes('/') ? `Số: ${number}` : `Số: ${number}/${symbol}`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * "Hà Nội, ngày 20 tháng 12 năm 2025". The decree writes a day below 10 and the months 1 and 2 with a leading
 * zero ("ngày 05 tháng 02 năm 2025"); other months without ("tháng 3"). No date yet → blanks for the signer.
 */
export function documentDateLine(place: string, date: string | null): string {
  const m = date ? ISO_DATE.exec(date) : null;
  if (!m) {
    const blank = '\u00A0'.repeat(5);
    return `${place}, ngày${blank}tháng${blank}năm 20${'\u00A0'.repeat(2)}`;
  }
  const day = Number(m[3]);
  const month = Number(m[2]);
  const dd = day < 10 ? `0${day}` : String(day);
  const mm = month <= 2 ? `0${month}` : String(month);
  return `${place}, ngày ${dd} tháng ${mm} năm ${m[1]}`;
}
