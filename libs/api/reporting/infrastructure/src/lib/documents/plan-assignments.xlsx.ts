/**
 * A plan's assignments as a spreadsheet (exceljs): one row per task × unit, with the header frozen, an autofilter,
 * and the due date as a real Excel date shown dd/MM/yyyy (so sorting and filtering by date work in Excel).
 */
import { AssignmentsSheet, WORK_STATUS_VI } from '@dieu-hanh/api/reporting/application';
import type { Verification } from '@dieu-hanh/shared/contracts';
import ExcelJS from 'exceljs';

export const ASSIGNMENTS_SHEET_NAME = 'Giao nhiệm vụ';

const VERIFICATION_VI: Record<Verification, string> = {
  none: '',
  pending: 'Chờ thẩm định',
  verified: 'Đã xác nhận',
  returned: 'Trả lại',
};
const ROLE_VI = { lead: 'Chủ trì', coordinator: 'Phối hợp' } as const;

const COLUMNS = [
  { title: 'STT', width: 6 },
  { title: 'Mục', width: 8 },
  { title: 'Nhiệm vụ', width: 60 },
  { title: 'Mã đơn vị', width: 12 },
  { title: 'Đơn vị', width: 30 },
  { title: 'Vai trò', width: 10 },
  { title: 'Tình trạng', width: 16 },
  { title: 'Tiến độ (%)', width: 10 },
  { title: 'Thời hạn', width: 12 },
  { title: 'Thẩm định', width: 14 },
  { title: 'Kết quả', width: 50 },
];

/** Rows 1–2: title and plan; row 3 empty; the header on row 4. */
const HEADER_ROW = 4;
const THIN = { style: 'thin' as const, color: { argb: 'FF808080' } };
const BOX = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** yyyy-MM-dd → a Date at UTC midnight: exceljs writes it as a whole Excel serial day, whatever the server's zone. */
export function excelDate(iso: string | null): Date | null {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
}

export async function writeAssignmentsXlsx(model: AssignmentsSheet): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Hệ thống điều hành';
  const ws = wb.addWorksheet(ASSIGNMENTS_SHEET_NAME, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW, activeCell: `A${HEADER_ROW + 1}` }],
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

  ws.mergeCells(1, 1, 1, last);
  ws.getCell(1, 1).value = 'DANH SÁCH GIAO NHIỆM VỤ';
  ws.getCell(1, 1).font = { name: 'Times New Roman', size: 14, bold: true };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.mergeCells(2, 1, 2, last);
  ws.getCell(2, 1).value = `Kế hoạch số ${model.planSymbol}: ${model.planTitle}`;
  ws.getCell(2, 1).font = { name: 'Times New Roman', size: 12 };
  ws.getCell(2, 1).alignment = { wrapText: true, vertical: 'middle' };
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
  header.height = 30;

  model.rows.forEach((r, i) => {
    const row = ws.getRow(HEADER_ROW + 1 + i);
    row.values = [
      r.taskOrdinal,
      r.section ?? '',
      r.taskContent,
      r.unitCode,
      r.unitName,
      ROLE_VI[r.role],
      WORK_STATUS_VI[r.status],
      r.percent,
      excelDate(r.due),
      VERIFICATION_VI[r.verification],
      r.result ?? '',
    ];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      cell.border = BOX;
      cell.font = { name: 'Times New Roman', size: 11 };
      cell.alignment = {
        vertical: 'top',
        wrapText: c === 3 || c === 5 || c === 11,
        horizontal: c === 1 || c === 8 || c === 9 ? 'center' : undefined,
      };
    });
    row.getCell(8).numFmt = Number.isInteger(r.percent) ? '0' : '0.0';
    row.getCell(9).numFmt = 'dd/mm/yyyy';
  });
  ws.autoFilter = {
    from: { row: HEADER_ROW, column: 1 },
    to: { row: HEADER_ROW + Math.max(1, model.rows.length), column: last },
  };
  const data = await wb.xlsx.writeBuffer();
  return Buffer.isBuffer(data) ? data : Buffer.from(data as ArrayBuffer);
}
