/**
 * The indicator-values sheet (exceljs): exported per period — one row per unit × indicator — edited by people
 * in Excel, and imported back. The reader finds the header row by its titles (rows above it may change),
 * maps columns by title, refuses a file without it as a whole and a bad cell per row and field.
 */
import {
  IndicatorValuesRead,
  IndicatorValuesReadError,
  IndicatorValuesReadRow,
  IndicatorValuesSheet,
  IndicatorValuesSheetReader,
  SpreadsheetFormatError,
} from '@dieu-hanh/api/reporting/application';
import type { IndicatorValueKind } from '@dieu-hanh/shared/contracts';
import { formatVietnameseNumber, readVietnameseNumber } from '@dieu-hanh/shared/util-indicator-target';
import { foldVietnamese } from '@dieu-hanh/shared/util-text';
import ExcelJS from 'exceljs';

export const INDICATOR_SHEET_NAME = 'Chỉ tiêu';
/** Data rows an import reads at most (the period's units × indicators stay well below). */
export const MAX_INDICATOR_ROWS = 20_000;
const MAX_EVIDENCE_LENGTH = 2000;
/** The header row is looked for in the first rows only. */
const HEADER_SEARCH_ROWS = 50;

type Field =
  | 'unitCode'
  | 'unitName'
  | 'indicatorId'
  | 'ordinal'
  | 'name'
  | 'kind'
  | 'numerator'
  | 'denominator'
  | 'value'
  | 'rank'
  | 'evidence';

interface Column {
  field: Field;
  title: string;
  width: number;
  /** Needed to read a file back. */
  required: boolean;
}

/** The columns, in order (A…K). */
const COLUMNS: Column[] = [
  { field: 'unitCode', title: 'Mã đơn vị', width: 12, required: true },
  { field: 'unitName', title: 'Đơn vị', width: 30, required: false },
  { field: 'indicatorId', title: 'Mã chỉ tiêu', width: 5, required: true },
  { field: 'ordinal', title: 'STT', width: 6, required: false },
  { field: 'name', title: 'Chỉ tiêu', width: 50, required: false },
  { field: 'kind', title: 'Loại', width: 10, required: false },
  { field: 'numerator', title: 'Tử số', width: 12, required: true },
  { field: 'denominator', title: 'Mẫu số', width: 12, required: true },
  { field: 'value', title: 'Giá trị', width: 12, required: true },
  { field: 'rank', title: 'Xếp hạng', width: 10, required: true },
  { field: 'evidence', title: 'Minh chứng', width: 40, required: true },
];
const col = (field: Field) => COLUMNS.findIndex((c) => c.field === field) + 1;

const KIND_VI: Record<IndicatorValueKind, string> = { rate: 'Tỷ lệ', value: 'Giá trị', rank: 'Xếp hạng' };

/** Rows 1–4: title, plan, period, how to fill in; row 5 empty; the header on row 6. */
const HEADER_ROW = 6;

const THIN = { style: 'thin' as const, color: { argb: 'FF808080' } };
const BOX = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** Integers without decimals, others with two; Excel shows the separators of the reader's locale (vi-VN: 1.234,50). */
const numberFormat = (n: number) => (Number.isInteger(n) ? '#,##0' : '#,##0.00');

function toBuffer(data: ArrayBuffer | Uint8Array): Buffer {
  return Buffer.isBuffer(data) ? data : Buffer.from(data as ArrayBuffer);
}

export async function writeIndicatorValuesXlsx(model: IndicatorValuesSheet): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Hệ thống điều hành';
  const ws = wb.addWorksheet(INDICATOR_SHEET_NAME, {
    views: [{ state: 'frozen', xSplit: 2, ySplit: HEADER_ROW, activeCell: `G${HEADER_ROW + 1}` }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
    },
  });
  COLUMNS.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
  const last = COLUMNS.length;

  const banner = (row: number, text: string, font: Partial<ExcelJS.Font>) => {
    ws.mergeCells(row, 1, row, last);
    const cell = ws.getCell(row, 1);
    cell.value = text;
    cell.font = { name: 'Times New Roman', ...font };
    cell.alignment = { horizontal: row === 1 ? 'center' : 'left', vertical: 'middle', wrapText: true };
  };
  banner(1, 'SỐ LIỆU CHỈ TIÊU', { size: 14, bold: true });
  banner(2, `Kế hoạch số ${model.planSymbol}: ${model.planTitle}`, { size: 12 });
  banner(3, `Kỳ báo cáo: ${model.periodLabel}`, { size: 12, bold: true });
  banner(
    4,
    'Nhập số vào các cột Tử số, Mẫu số, Giá trị, Xếp hạng và ghi Minh chứng; không sửa các cột mã và không xóa dòng tiêu đề.',
    {
      size: 10,
      italic: true,
      color: { argb: 'FF595959' },
    },
  );
  ws.getRow(2).height = 30;

  const header = ws.getRow(HEADER_ROW);
  COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.title;
    cell.font = { name: 'Times New Roman', size: 11, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    cell.border = BOX;
  });
  header.getCell(col('indicatorId')).note = 'Mã dùng để nhập lại số liệu: không sửa.';
  header.height = 30;

  model.rows.forEach((r, i) => {
    const row = ws.getRow(HEADER_ROW + 1 + i);
    const values: Record<Field, string | number | null> = {
      unitCode: r.unitCode,
      unitName: r.unitName,
      indicatorId: r.indicatorId,
      ordinal: r.ordinal,
      name: r.name,
      kind: KIND_VI[r.kind],
      numerator: r.numerator,
      denominator: r.denominator,
      value: r.value,
      rank: r.rank,
      evidence: r.evidence,
    };
    COLUMNS.forEach((c, j) => {
      const cell = row.getCell(j + 1);
      const v = values[c.field];
      cell.value = v;
      cell.border = BOX;
      cell.font = { name: 'Times New Roman', size: 11 };
      if (typeof v === 'number')
        cell.numFmt = c.field === 'ordinal' || c.field === 'rank' ? '0' : numberFormat(v);
      if (c.field === 'name' || c.field === 'evidence' || c.field === 'unitName')
        cell.alignment = { wrapText: true, vertical: 'top' };
      else
        cell.alignment = {
          vertical: 'top',
          horizontal: c.field === 'ordinal' || c.field === 'kind' ? 'center' : undefined,
        };
    });
    // the indicator id: narrow and grey, there for the import
    row.getCell(col('indicatorId')).font = { name: 'Times New Roman', size: 8, color: { argb: 'FFA6A6A6' } };
  });
  ws.autoFilter = {
    from: { row: HEADER_ROW, column: 1 },
    to: { row: HEADER_ROW + Math.max(1, model.rows.length), column: last },
  };
  return toBuffer(await wb.xlsx.writeBuffer());
}

// ---------------------------------------------------------------------------------------------
// Reading back

/** A header title folded for matching: "Giá trị (%)" → "gia tri". */
const headerKey = (text: string) =>
  foldVietnamese(text)
    .replace(/\(.*?\)/g, '')
    .replace(/[^a-z0-9 ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
const KEYS = new Map(COLUMNS.map((c) => [headerKey(c.title), c]));

type Plain = string | number | boolean | Date | { error: string } | null;

/** A cell's value with formulas, rich text and hyperlinks reduced to what the cell shows. */
function plain(value: ExcelJS.CellValue | undefined): Plain {
  if (value === null || value === undefined) return null;
  if (
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean' ||
    value instanceof Date
  )
    return value;
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText))
      return value.richText.map((t) => t.text).join('');
    if ('formula' in value || 'sharedFormula' in value)
      return plain((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('text' in value && typeof (value as ExcelJS.CellHyperlinkValue).text === 'string')
      return (value as ExcelJS.CellHyperlinkValue).text;
    if ('error' in value) return { error: String((value as ExcelJS.CellErrorValue).error) };
  }
  return String(value);
}

function text(value: Plain): string {
  if (value === null) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') return value.error;
  return String(value).trim();
}

function findHeader(ws: ExcelJS.Worksheet): { row: number; columns: Map<Field, number> } | null {
  const limit = Math.min(ws.rowCount, HEADER_SEARCH_ROWS);
  for (let r = 1; r <= limit; r++) {
    const columns = new Map<Field, number>();
    ws.getRow(r).eachCell({ includeEmpty: false }, (cell, c) => {
      const found = KEYS.get(headerKey(text(plain(cell.value))));
      if (found && !columns.has(found.field)) columns.set(found.field, c);
    });
    if (columns.has('unitCode') && columns.has('indicatorId')) return { row: r, columns };
  }
  return null;
}

const NOT_SHEET = (reason: 'unreadable' | 'no-sheet', detail = '') =>
  new SpreadsheetFormatError(
    reason,
    `Không đọc được tệp: cần tệp Excel (.xlsx) xuất từ hệ thống${detail}.`,
    `The file cannot be read: an Excel workbook (.xlsx) exported by the system is expected${detail}.`,
  );

function noHeader(missing: Column[] = []): SpreadsheetFormatError {
  const list = (missing.length ? missing : COLUMNS.filter((c) => c.required)).map((c) => c.title);
  return new SpreadsheetFormatError(
    'no-header',
    `Không tìm thấy dòng tiêu đề của bảng số liệu (thiếu cột ${list.map((t) => `«${t}»`).join(', ')}). Hãy dùng tệp xuất từ hệ thống và không xóa, sửa dòng tiêu đề.`,
    `The header row of the values table was not found (missing column${list.length > 1 ? 's' : ''} ${list.map((t) => `“${t}”`).join(', ')}). Use the file exported by the system and keep its header row as it is.`,
  );
}

const FIELD_EN: Partial<Record<Field, string>> = {
  numerator: 'numerator',
  denominator: 'denominator',
  value: 'value',
  rank: 'rank',
  evidence: 'evidence',
  unitCode: 'unit code',
  indicatorId: 'indicator code',
};

type NumberResult = { ok: true; value: number | null } | { ok: false; shown: string };

/** A number as Excel stores it, or as text typed the Vietnamese way ("87,5", "1.250", "87,5%"). */
function readNumber(cell: ExcelJS.Cell, field: Field): NumberResult {
  const v = plain(cell.value);
  if (v === null) return { ok: true, value: null };
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { ok: false, shown: String(v) };
    // "87,5%" typed into a cell Excel then formats as a percentage is stored as 0.875
    const percent = field === 'value' && typeof cell.numFmt === 'string' && cell.numFmt.includes('%');
    return { ok: true, value: percent ? Math.round(v * 100 * 1e9) / 1e9 : v };
  }
  if (typeof v === 'string') {
    const s = v.replace(/[\s\u00A0]/g, '');
    if (s === '') return { ok: true, value: null };
    const m = /^([-+]?)(.+?)(%?)$/.exec(s);
    if (!m || (m[3] === '%' && field !== 'value')) return { ok: false, shown: v.trim() };
    const n = readVietnameseNumber(m[2]);
    if (n === null) return { ok: false, shown: v.trim() };
    return { ok: true, value: m[1] === '-' ? -n : n };
  }
  return { ok: false, shown: text(v) };
}

function cellError(row: number, field: Field, vi: string, en: string): IndicatorValuesReadError {
  return { row, field, vi, en };
}

export async function readIndicatorValuesXlsx(xlsx: Buffer): Promise<IndicatorValuesRead> {
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs types its input as an ArrayBuffer; it reads a Node Buffer as well (JSZip underneath)
    await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
  } catch {
    throw NOT_SHEET('unreadable');
  }
  if (!wb.worksheets.length) throw NOT_SHEET('no-sheet', ' (tệp không có trang tính nào)');
  const named = wb.getWorksheet(INDICATOR_SHEET_NAME);
  const candidates = named ? [named, ...wb.worksheets.filter((w) => w !== named)] : wb.worksheets;
  const found = candidates.map((ws) => ({ ws, header: findHeader(ws) })).find((c) => c.header !== null);
  if (!found?.header) throw noHeader();
  const { ws } = found;
  const { row: headerRow, columns } = found.header;
  const missing = COLUMNS.filter((c) => c.required && !columns.has(c.field));
  if (missing.length) throw noHeader(missing);
  /** The column of a field; every one read below is required, so present. */
  const at = (field: Field) => columns.get(field) ?? 0;

  // rows holding anything below the header, counted before any is read
  let below = 0;
  ws.eachRow({ includeEmpty: false }, (_row, r) => {
    if (r > headerRow) below++;
  });
  if (below > MAX_INDICATOR_ROWS) {
    throw new SpreadsheetFormatError(
      'too-many-rows',
      `Tệp có quá nhiều dòng: tối đa ${formatVietnameseNumber(MAX_INDICATOR_ROWS)} dòng số liệu.`,
      `The file has too many rows: at most ${MAX_INDICATOR_ROWS.toLocaleString('en-US')} data rows.`,
    );
  }

  const titleOf = (field: Field) => COLUMNS.find((c) => c.field === field)?.title ?? field;
  const rows: IndicatorValuesReadRow[] = [];
  const errors: IndicatorValuesReadError[] = [];
  const seen = new Map<string, number>();

  // eachRow visits only the rows that exist: a sheet formatted down to row 1,048,576 costs nothing more
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    if (r <= headerRow) return;
    const cells = [...columns.values()].map((c) => text(plain(row.getCell(c).value)));
    if (cells.every((c) => c === '')) return;

    const rowErrors: IndicatorValuesReadError[] = [];
    const unitCode = text(plain(row.getCell(at('unitCode')).value));
    const indicatorId = text(plain(row.getCell(at('indicatorId')).value));
    if (!unitCode)
      rowErrors.push(
        cellError(r, 'unitCode', `Dòng ${r}: thiếu mã đơn vị.`, `Row ${r}: the unit code is missing.`),
      );
    if (!indicatorId)
      rowErrors.push(
        cellError(
          r,
          'indicatorId',
          `Dòng ${r}: thiếu mã chỉ tiêu.`,
          `Row ${r}: the indicator code is missing.`,
        ),
      );

    const numbers: Partial<Record<'numerator' | 'denominator' | 'value' | 'rank', number | null>> = {};
    for (const field of ['numerator', 'denominator', 'value', 'rank'] as const) {
      const title = titleOf(field);
      const read = readNumber(row.getCell(at(field)), field);
      if (!read.ok) {
        rowErrors.push(
          cellError(
            r,
            field,
            `Dòng ${r}, cột «${title}»: «${read.shown}» không phải là số.`,
            `Row ${r}, column “${title}” (${FIELD_EN[field]}): “${read.shown}” is not a number.`,
          ),
        );
        continue;
      }
      const n = read.value;
      if (n !== null && (field === 'numerator' || field === 'denominator') && n < 0) {
        rowErrors.push(
          cellError(
            r,
            field,
            `Dòng ${r}, cột «${title}»: không được là số âm.`,
            `Row ${r}, column “${title}” (${FIELD_EN[field]}): must not be negative.`,
          ),
        );
        continue;
      }
      if (n !== null && field === 'rank' && (!Number.isInteger(n) || n < 1)) {
        rowErrors.push(
          cellError(
            r,
            field,
            `Dòng ${r}, cột «${title}»: phải là số nguyên từ 1 trở lên.`,
            `Row ${r}, column “${title}” (${FIELD_EN[field]}): must be a whole number from 1 up.`,
          ),
        );
        continue;
      }
      numbers[field] = n;
    }

    const evidence = text(plain(row.getCell(at('evidence')).value));
    if (evidence.length > MAX_EVIDENCE_LENGTH) {
      rowErrors.push(
        cellError(
          r,
          'evidence',
          `Dòng ${r}, cột «Minh chứng»: dài quá ${formatVietnameseNumber(MAX_EVIDENCE_LENGTH)} ký tự.`,
          `Row ${r}, column “Minh chứng” (evidence): longer than ${MAX_EVIDENCE_LENGTH} characters.`,
        ),
      );
    }

    if (unitCode && indicatorId) {
      const key = `${unitCode}\u0000${indicatorId}`;
      const first = seen.get(key);
      if (first !== undefined) {
        rowErrors.push(
          cellError(
            r,
            'indicatorId',
            `Dòng ${r}: chỉ tiêu này của đơn vị đã có ở dòng ${first}.`,
            `Row ${r}: this unit's indicator is already on row ${first}.`,
          ),
        );
      } else {
        seen.set(key, r);
      }
    }

    if (rowErrors.length) {
      errors.push(...rowErrors);
      return;
    }
    rows.push({
      row: r,
      unitCode,
      indicatorId,
      numerator: numbers.numerator ?? null,
      denominator: numbers.denominator ?? null,
      value: numbers.value ?? null,
      rank: numbers.rank ?? null,
      evidence: evidence || null,
    });
  });
  return { rows, errors };
}

/** The import's port: reads an indicator-values sheet back. */
export class ExcelIndicatorValuesReader extends IndicatorValuesSheetReader {
  read(xlsx: Buffer): Promise<IndicatorValuesRead> {
    return readIndicatorValuesXlsx(xlsx);
  }
}
