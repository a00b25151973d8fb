import { IndicatorValuesSheet, SpreadsheetFormatError } from '@dieu-hanh/api/reporting/application';
import ExcelJS from 'exceljs';
import { ExcelSpreadsheetWriter } from './excel-spreadsheet.writer';
import {
  ExcelIndicatorValuesReader,
  INDICATOR_SHEET_NAME,
  MAX_INDICATOR_ROWS,
  readIndicatorValuesXlsx,
  writeIndicatorValuesXlsx,
} from './indicator-values.xlsx';
import { ASSIGNMENTS_SHEET_NAME, excelDate } from './plan-assignments.xlsx';

const MODEL: IndicatorValuesSheet = {
  planSymbol: '402/KH-UBND',
  planTitle: 'Chuyển đổi số, xây dựng thành phố Hà Nội thông minh năm 2025',
  periodLabel: 'Quý IV/2025',
  rows: [
    {
      unitCode: '01-STC',
      unitName: 'Sở Tài chính',
      indicatorId: 'ind-4',
      ordinal: 4,
      name: 'Tỷ lệ cấp kết quả giải quyết TTHC điện tử',
      kind: 'rate',
      numerator: 1180,
      denominator: 1260,
      value: 93.65,
      rank: null,
      evidence: 'Hệ thống một cửa',
    },
    {
      unitCode: '01-STC',
      unitName: 'Sở Tài chính',
      indicatorId: 'ind-9',
      ordinal: 9,
      name: 'Kinh phí chi cho chuyển đổi số (triệu đồng)',
      kind: 'value',
      numerator: null,
      denominator: null,
      value: null,
      rank: null,
      evidence: null,
    },
    {
      unitCode: '01-STP',
      unitName: 'Sở Tư pháp',
      indicatorId: 'ind-4',
      ordinal: 4,
      name: 'Tỷ lệ cấp kết quả giải quyết TTHC điện tử',
      kind: 'rate',
      numerator: 300,
      denominator: 300,
      value: 100,
      rank: null,
      evidence: null,
    },
    {
      unitCode: '01-STP',
      unitName: 'Sở Tư pháp',
      indicatorId: 'ind-12',
      ordinal: 12,
      name: 'Xếp hạng chỉ số chuyển đổi số',
      kind: 'rank',
      numerator: null,
      denominator: null,
      value: null,
      rank: 3,
      evidence: null,
    },
  ],
};

const HEADER_ROW = 6;

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet "${name}"`);
  return ws;
}
const FIRST_DATA_ROW = HEADER_ROW + 1;

/** Opens the file as a person would in Excel, changes it, saves it. */
async function edit(
  xlsx: Buffer,
  change: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
  change(sheet(wb, INDICATOR_SHEET_NAME), wb);
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The column holding a header title, as the reader would find it. */
function columnOf(ws: ExcelJS.Worksheet, title: string): number {
  let found = 0;
  ws.getRow(HEADER_ROW).eachCell((cell, c) => {
    if (cell.value === title) found = c;
  });
  expect(found).toBeGreaterThan(0);
  return found;
}

describe('indicator values as XLSX', () => {
  let exported: Buffer;

  beforeAll(async () => {
    exported = await writeIndicatorValuesXlsx(MODEL);
  });

  it('exports the sheet "Chỉ tiêu": title, plan, period, a bold frozen header, one row per unit × indicator', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported as unknown as ArrayBuffer);
    const ws = sheet(wb, 'Chỉ tiêu');
    expect(ws).toBeDefined();
    expect(ws.getCell('A1').value).toBe('SỐ LIỆU CHỈ TIÊU');
    expect(ws.getCell('A2').value).toBe(
      'Kế hoạch số 402/KH-UBND: Chuyển đổi số, xây dựng thành phố Hà Nội thông minh năm 2025',
    );
    expect(ws.getCell('A3').value).toBe('Kỳ báo cáo: Quý IV/2025');
    const header = (ws.getRow(HEADER_ROW).values as unknown[]).slice(1);
    expect(header).toEqual([
      'Mã đơn vị',
      'Đơn vị',
      'Mã chỉ tiêu',
      'STT',
      'Chỉ tiêu',
      'Loại',
      'Tử số',
      'Mẫu số',
      'Giá trị',
      'Xếp hạng',
      'Minh chứng',
    ]);
    expect(ws.getRow(HEADER_ROW).getCell(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: HEADER_ROW });
    expect(ws.getColumn(3).width).toBeLessThanOrEqual(6); // the indicator code: narrow
    expect(ws.getColumn(5).width).toBeGreaterThanOrEqual(40);
    const first = (ws.getRow(FIRST_DATA_ROW).values as unknown[]).slice(1);
    expect(first).toEqual([
      '01-STC',
      'Sở Tài chính',
      'ind-4',
      4,
      'Tỷ lệ cấp kết quả giải quyết TTHC điện tử',
      'Tỷ lệ',
      1180,
      1260,
      93.65,
      undefined,
      'Hệ thống một cửa',
    ]);
    expect(ws.getCell(FIRST_DATA_ROW, 7).numFmt).toBe('#,##0');
    expect(ws.getCell(FIRST_DATA_ROW, 9).numFmt).toBe('#,##0.00');
    expect(ws.getCell(FIRST_DATA_ROW + 3, 6).value).toBe('Xếp hạng');
    expect(ws.rowCount).toBe(HEADER_ROW + MODEL.rows.length);
  });

  it('reads back what it exported', async () => {
    const read = await new ExcelIndicatorValuesReader().read(exported);
    expect(read.errors).toEqual([]);
    expect(read.rows).toEqual([
      {
        row: 7,
        unitCode: '01-STC',
        indicatorId: 'ind-4',
        numerator: 1180,
        denominator: 1260,
        value: 93.65,
        rank: null,
        evidence: 'Hệ thống một cửa',
      },
      {
        row: 8,
        unitCode: '01-STC',
        indicatorId: 'ind-9',
        numerator: null,
        denominator: null,
        value: null,
        rank: null,
        evidence: null,
      },
      {
        row: 9,
        unitCode: '01-STP',
        indicatorId: 'ind-4',
        numerator: 300,
        denominator: 300,
        value: 100,
        rank: null,
        evidence: null,
      },
      {
        row: 10,
        unitCode: '01-STP',
        indicatorId: 'ind-12',
        numerator: null,
        denominator: null,
        value: null,
        rank: 3,
        evidence: null,
      },
    ]);
  });

  it('sees a value a person edited in Excel, typed as a number or as Vietnamese text', async () => {
    const edited = await edit(exported, (ws) => {
      const value = columnOf(ws, 'Giá trị');
      ws.getCell(FIRST_DATA_ROW + 1, value).value = 1250.5; // typed into an empty cell
      ws.getCell(FIRST_DATA_ROW, columnOf(ws, 'Tử số')).value = '1.200'; // text, thousands dot
      ws.getCell(FIRST_DATA_ROW, value).value = '95,24'; // text, decimal comma
      ws.getCell(FIRST_DATA_ROW + 2, columnOf(ws, 'Minh chứng')).value = {
        richText: [{ text: 'Công văn ' }, { font: { bold: true }, text: '15/STP' }],
      };
    });
    const read = await readIndicatorValuesXlsx(edited);
    expect(read.errors).toEqual([]);
    expect(read.rows[0]).toMatchObject({ row: 7, numerator: 1200, value: 95.24 });
    expect(read.rows[1]).toMatchObject({ row: 8, unitCode: '01-STC', indicatorId: 'ind-9', value: 1250.5 });
    expect(read.rows[2].evidence).toBe('Công văn 15/STP');
  });

  it('reads a percentage Excel stored as a fraction (87,5% typed in a % cell) as percent', async () => {
    const edited = await edit(exported, (ws) => {
      const cell = ws.getCell(FIRST_DATA_ROW, columnOf(ws, 'Giá trị'));
      cell.value = 0.875;
      cell.numFmt = '0.0%';
    });
    expect((await readIndicatorValuesXlsx(edited)).rows[0].value).toBe(87.5);
  });

  it('reports a text in a number cell with its row and field, and keeps the other rows', async () => {
    const edited = await edit(exported, (ws) => {
      ws.getCell(FIRST_DATA_ROW + 2, columnOf(ws, 'Mẫu số')).value = 'ba trăm';
      ws.getCell(FIRST_DATA_ROW + 3, columnOf(ws, 'Xếp hạng')).value = 2.5;
      ws.getCell(FIRST_DATA_ROW, columnOf(ws, 'Tử số')).value = -4;
    });
    const read = await readIndicatorValuesXlsx(edited);
    expect(read.errors).toEqual([
      {
        row: 7,
        field: 'numerator',
        vi: 'Dòng 7, cột «Tử số»: không được là số âm.',
        en: 'Row 7, column “Tử số” (numerator): must not be negative.',
      },
      {
        row: 9,
        field: 'denominator',
        vi: 'Dòng 9, cột «Mẫu số»: «ba trăm» không phải là số.',
        en: 'Row 9, column “Mẫu số” (denominator): “ba trăm” is not a number.',
      },
      {
        row: 10,
        field: 'rank',
        vi: 'Dòng 10, cột «Xếp hạng»: phải là số nguyên từ 1 trở lên.',
        en: 'Row 10, column “Xếp hạng” (rank): must be a whole number from 1 up.',
      },
    ]);
    expect(read.rows.map((r) => r.row)).toEqual([8]);
  });

  it('reports missing codes and a unit × indicator given twice', async () => {
    const edited = await edit(exported, (ws) => {
      ws.getCell(FIRST_DATA_ROW + 1, 1).value = null;
      ws.getRow(FIRST_DATA_ROW + 4).values = [
        '01-STP',
        'Sở Tư pháp',
        'ind-4',
        4,
        'Lặp lại',
        'Tỷ lệ',
        1,
        2,
        50,
        null,
        null,
      ];
    });
    const read = await readIndicatorValuesXlsx(edited);
    expect(read.errors.map((e) => [e.row, e.field])).toEqual([
      [8, 'unitCode'],
      [11, 'indicatorId'],
    ]);
    expect(read.errors[1].vi).toBe('Dòng 11: chỉ tiêu này của đơn vị đã có ở dòng 9.');
  });

  it('finds the header by its titles when rows above it were added, removed or columns moved', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['Số liệu do đơn vị tự lập']);
    ws.addRow(['Minh chứng', 'Xếp hạng', 'Giá trị (%)', 'Mẫu số', 'Tử số', 'mã chỉ tiêu', 'MÃ ĐƠN VỊ']);
    ws.addRow(['Báo cáo số 5', null, '87,5', 40, 35, 'ind-4', '01-SXD']);
    const read = await readIndicatorValuesXlsx(Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    expect(read).toEqual({
      rows: [
        {
          row: 3,
          unitCode: '01-SXD',
          indicatorId: 'ind-4',
          numerator: 35,
          denominator: 40,
          value: 87.5,
          rank: null,
          evidence: 'Báo cáo số 5',
        },
      ],
      errors: [],
    });
  });

  it('refuses a file without the header row, in both languages', async () => {
    const edited = await edit(exported, (ws) => ws.spliceRows(HEADER_ROW, 1));
    const error = await readIndicatorValuesXlsx(edited).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpreadsheetFormatError);
    expect(error).toMatchObject({ reason: 'no-header' });
    expect((error as SpreadsheetFormatError).vi).toContain('Không tìm thấy dòng tiêu đề');
    expect((error as SpreadsheetFormatError).en).toContain('header row');
  });

  it('refuses a header that lost a value column, naming it', async () => {
    const edited = await edit(exported, (ws) => (ws.getCell(HEADER_ROW, 9).value = 'Ghi chú'));
    await expect(readIndicatorValuesXlsx(edited)).rejects.toMatchObject({
      reason: 'no-header',
      vi: expect.stringContaining('«Giá trị»'),
    });
  });

  it('refuses what is not a workbook and a sheet with too many rows', async () => {
    await expect(readIndicatorValuesXlsx(Buffer.from('Mã đơn vị;Mã chỉ tiêu\n'))).rejects.toMatchObject({
      reason: 'unreadable',
    });
    const big = await writeIndicatorValuesXlsx({
      ...MODEL,
      rows: Array.from({ length: MAX_INDICATOR_ROWS + 1 }, (_, i) => ({
        ...MODEL.rows[1],
        unitCode: `U${i}`,
      })),
    });
    await expect(readIndicatorValuesXlsx(big)).rejects.toMatchObject({ reason: 'too-many-rows' });
  }, 60_000);
});

describe('plan assignments as XLSX', () => {
  it('has a frozen header with an autofilter and due dates as real Excel dates', async () => {
    const xlsx = await new ExcelSpreadsheetWriter().assignments({
      planSymbol: '402/KH-UBND',
      planTitle: 'Chuyển đổi số, xây dựng thành phố Hà Nội thông minh năm 2025',
      rows: [
        {
          taskOrdinal: 34,
          section: 'I.4',
          taskContent: 'Nâng cấp Hệ thống thông tin giải quyết TTHC',
          unitCode: '01-STC',
          unitName: 'Sở Tài chính',
          role: 'lead',
          status: 'in-progress',
          percent: 75,
          due: '2025-12-31',
          verification: 'none',
          result: null,
        },
        {
          taskOrdinal: 34,
          section: 'I.4',
          taskContent: 'Nâng cấp Hệ thống thông tin giải quyết TTHC',
          unitCode: '01-STP',
          unitName: 'Sở Tư pháp',
          role: 'coordinator',
          status: 'done',
          percent: 100,
          due: null,
          verification: 'verified',
          result: 'Đã cung cấp dữ liệu',
        },
      ],
    });
    expect(xlsx.subarray(0, 2).toString('latin1')).toBe('PK');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
    const ws = sheet(wb, ASSIGNMENTS_SHEET_NAME);
    expect((ws.getRow(4).values as unknown[]).slice(1)).toEqual([
      'STT',
      'Mục',
      'Nhiệm vụ',
      'Mã đơn vị',
      'Đơn vị',
      'Vai trò',
      'Tình trạng',
      'Tiến độ (%)',
      'Thời hạn',
      'Thẩm định',
      'Kết quả',
    ]);
    expect(ws.getRow(4).getCell(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(ws.autoFilter).toBe('A4:K6'); // exceljs reads the range back as written in the file
    const due = ws.getCell('I5');
    expect(due.value).toBeInstanceOf(Date);
    expect((due.value as Date).toISOString()).toBe('2025-12-31T00:00:00.000Z');
    expect(due.numFmt).toBe('dd/mm/yyyy');
    expect(ws.getCell('I6').value).toBeNull();
    expect((ws.getRow(5).values as unknown[]).slice(1, 8)).toEqual([
      34,
      'I.4',
      'Nâng cấp Hệ thống thông tin giải quyết TTHC',
      '01-STC',
      'Sở Tài chính',
      'Chủ trì',
      'Đang thực hiện',
    ]);
    expect(ws.getCell('J6').value).toBe('Đã xác nhận');
  });
});

describe('excelDate', () => {
  it('turns yyyy-MM-dd into UTC midnight, and anything else into no date', () => {
    expect(excelDate('2025-02-05')?.toISOString()).toBe('2025-02-05T00:00:00.000Z');
    expect(excelDate(null)).toBeNull();
    expect(excelDate('05/02/2025')).toBeNull();
  });
});
