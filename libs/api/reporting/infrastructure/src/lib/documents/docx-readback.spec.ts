import {
  consolidatedReportDocument,
  documentNumberLine,
  unitReportDocument,
} from '@dieu-hanh/api/reporting/application';
import JSZip from 'jszip';
import * as mammoth from 'mammoth';
import {
  PLAN_402_SECTIONS,
  SKHCN_ISSUER,
  STC_ISSUER,
  consolidatedReport402,
  unitReport402,
} from './report-402.fixture';
import { A4, Decree30DocxRenderer } from './decree30-docx.renderer';

/** A part of the Word package, as text. */
async function part(docx: Buffer | JSZip, name: string): Promise<string> {
  const zip = docx instanceof JSZip ? docx : await JSZip.loadAsync(docx);
  const file = zip.file(name);
  if (!file) throw new Error(`${name} is missing from the package`);
  return file.async('string');
}

/** Renders the consolidated report of plan 402 for Quý IV/2025 and reads the file back as Word would see it. */
describe('Decree30DocxRenderer, read back', () => {
  const renderer = new Decree30DocxRenderer();
  let docx: Buffer;
  let text: string;
  let xml: string;

  beforeAll(async () => {
    const doc = consolidatedReportDocument(consolidatedReport402(), SKHCN_ISSUER, {
      sectionTitles: PLAN_402_SECTIONS,
    });
    docx = await renderer.render(doc);
    text = (await mammoth.extractRawText({ buffer: docx })).value;
    xml = await part(docx, 'word/document.xml');
  });

  /** mammoth writes each paragraph (and table cell paragraph) followed by a blank line. */
  const lines = () =>
    text
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);

  it('is a Word file', () => {
    expect(docx.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(docx.length).toBeGreaterThan(5000);
  });

  it('has the header block: issuing body, number, national title, motto, place and date', () => {
    const l = lines();
    expect(l.slice(0, 3)).toEqual(['UBND THÀNH PHỐ HÀ NỘI', 'SỞ KHOA HỌC VÀ CÔNG NGHỆ', 'Số: 125/BC-SKHCN']);
    expect(l.slice(3, 6)).toEqual([
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Hà Nội, ngày 20 tháng 12 năm 2025',
    ]);
  });

  it('has the kind, the title and the three sections', () => {
    const l = lines();
    expect(l[6]).toBe('BÁO CÁO');
    expect(l[7]).toBe(
      'Kết quả thực hiện Kế hoạch số 402/KH-UBND về chuyển đổi số, xây dựng thành phố Hà Nội thông minh năm 2025 (Quý IV/2025)',
    );
    for (const h of [
      'I. KẾT QUẢ THỰC HIỆN',
      '1. Tình hình chung',
      '2. Tình hình thực hiện nhiệm vụ',
      '3. Kết quả thực hiện các chỉ tiêu',
      'II. KHÓ KHĂN, VƯỚNG MẮC',
      'III. ĐỀ XUẤT, KIẾN NGHỊ',
    ]) {
      expect(l).toContain(h);
    }
    expect(l.indexOf('I. KẾT QUẢ THỰC HIỆN')).toBeLessThan(l.indexOf('II. KHÓ KHĂN, VƯỚNG MẮC'));
    expect(l.indexOf('II. KHÓ KHĂN, VƯỚNG MẮC')).toBeLessThan(l.indexOf('III. ĐỀ XUẤT, KIẾN NGHỊ'));
    expect(text).toContain('Đã nhận 118/126 báo cáo, 110 đúng hạn');
    expect(text).toContain('Kinh phí cho một số nhiệm vụ được bố trí chậm');
  });

  it("has the tables' cells: tasks with their lead units counted, indicators with figures and attainment", () => {
    const l = lines();
    // header rows
    for (const h of [
      'STT',
      'Nhiệm vụ',
      'Đơn vị chủ trì / tình trạng',
      'Tiến độ (%)',
      'Kết quả',
      'Chỉ tiêu',
      'Chỉ tiêu năm',
      'Kết quả thực hiện',
      'Đánh giá',
    ]) {
      expect(l).toContain(h);
    }
    // a section row, then a task row cell by cell
    expect(l).toContain('I.3. Phát triển hạ tầng số');
    const at = l.indexOf('34');
    expect(l.slice(at, at + 5)).toEqual([
      '34',
      'Nâng cấp Hệ thống thông tin giải quyết thủ tục hành chính Thành phố đáp ứng yêu cầu kết nối, chia sẻ dữ liệu.',
      '89 đơn vị: 40 hoàn thành, 35 đang thực hiện, 9 chưa thực hiện, 5 không thực hiện được; 7 quá hạn, 8 chờ thẩm định',
      '62,3',
      'Hoàn thành 40/89 đơn vị; quá hạn',
    ]);
    expect(l).toContain('94,34% (118.250/125.340)');
    expect(l).toContain('(118/126 đơn vị)');
    for (const a of ['Đạt', 'Chưa đạt', 'Chưa xác định']) expect(l).toContain(a);
  });

  it('closes with "Nơi nhận:" and the signer', () => {
    const l = lines();
    const at = l.indexOf('Nơi nhận:');
    expect(at).toBeGreaterThan(0);
    expect(l.slice(at + 1, at + 6)).toEqual([
      '- UBND Thành phố (để b/c);',
      '- Đ/c Phó Chủ tịch UBND Thành phố Hà Minh Hải (để b/c);',
      '- Các Sở, ban, ngành Thành phố;',
      '- UBND các xã, phường;',
      '- Lưu: VT, CĐS.',
    ]);
    expect(l.slice(at + 6)).toEqual(['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Trần Văn Minh']);
  });

  it('is set in Times New Roman, body 13–14 pt, on A4 with the decree margins', () => {
    const fonts = new Set([...xml.matchAll(/<w:rFonts [^>]*w:ascii="([^"]+)"/g)].map((m) => m[1]));
    expect([...fonts]).toEqual(['Times New Roman']);
    // body paragraphs (outside tables): justified with a first-line indent; their runs are 13–14 pt (26–28 half-points)
    const outsideTables = xml.replace(/<w:tbl>.*?<\/w:tbl>/gs, '');
    const body = [...outsideTables.matchAll(/<w:p>.*?<\/w:p>/gs)]
      .map((m) => m[0])
      .filter((p) => p.includes('<w:ind w:firstLine="720"/>'));
    expect(body.length).toBeGreaterThan(10);
    expect(body.every((p) => p.includes('<w:jc w:val="both"/>'))).toBe(true);
    const bodySizes = new Set(
      body.flatMap((p) => [...p.matchAll(/<w:sz w:val="(\d+)"\/>/g)].map((m) => Number(m[1]))),
    );
    expect([...bodySizes].every((s) => s >= 26 && s <= 28)).toBe(true);
    // tables are set at 12 pt (readable, the decree leaves table text to the drafter)
    const tableSizes = new Set(
      [...xml.matchAll(/<w:tbl>.*?<\/w:tbl>/gs)]
        .filter((t) => t[0].includes('<w:tblHeader/>'))
        .flatMap((t) => [...t[0].matchAll(/<w:sz w:val="(\d+)"\/>/g)].map((m) => Number(m[1]))),
    );
    expect([...tableSizes].every((s) => s >= 22 && s <= 28)).toBe(true);
    // page
    expect(xml).toMatch(new RegExp(`<w:pgSz w:w="${A4.width}" w:h="${A4.height}"`));
    const margin = /<w:pgMar ([^>]*)\/>/.exec(xml)?.[1] ?? '';
    const twip = (name: string) => Number(new RegExp(`w:${name}="(\\d+)"`).exec(margin)?.[1]);
    const mm = (t: number) => (t / 1440) * 25.4;
    expect(mm(twip('top'))).toBeGreaterThanOrEqual(20);
    expect(mm(twip('top'))).toBeLessThanOrEqual(25);
    expect(mm(twip('bottom'))).toBeGreaterThanOrEqual(20);
    expect(mm(twip('bottom'))).toBeLessThanOrEqual(25);
    expect(mm(twip('left'))).toBeGreaterThanOrEqual(30);
    expect(mm(twip('left'))).toBeLessThanOrEqual(35);
    expect(mm(twip('right'))).toBeGreaterThanOrEqual(15);
    expect(mm(twip('right'))).toBeLessThanOrEqual(20);
  });

  it('has bordered tables whose header row is bold and repeats on every page', () => {
    const tables = [...xml.matchAll(/<w:tbl>.*?<\/w:tbl>/gs)].map((m) => m[0]);
    // header block, tasks, indicators, closing block
    expect(tables).toHaveLength(4);
    const data = tables.filter((t) => t.includes('<w:tblHeader/>'));
    expect(data).toHaveLength(2);
    for (const t of data) {
      const firstRow = /<w:tr>.*?<\/w:tr>/s.exec(t)?.[0] ?? '';
      expect(firstRow).toContain('<w:tblHeader/>');
      expect(firstRow).toContain('<w:b/>');
      expect(firstRow).toContain('STT');
      expect(t).toMatch(/<w:tcBorders><w:top w:val="single"/);
    }
    // the header block and the closing block have no visible borders
    for (const t of tables.filter((x) => !x.includes('<w:tblHeader/>')))
      expect(t).not.toMatch(/w:val="single" w:color="000000" w:sz="4"/);
  });

  it('numbers the pages in the header from page 2', async () => {
    const zip = await JSZip.loadAsync(docx);
    expect(xml).toContain('<w:titlePg/>');
    const headers = await Promise.all(
      Object.keys(zip.files)
        .filter((f) => /^word\/header\d+\.xml$/.test(f))
        .map((f) => part(zip, f)),
    );
    expect(headers.some((h) => h.includes('PAGE'))).toBe(true);
  });

  it('leaves blanks for the number and the date of an unnumbered draft', async () => {
    const draft = consolidatedReportDocument(
      consolidatedReport402({ documentNumber: null, documentDate: null }),
      SKHCN_ISSUER,
    );
    expect(documentNumberLine(draft)).toMatch(/^Số:\s+\/BC-SKHCN$/u);
    const raw = (await mammoth.extractRawText({ buffer: await renderer.render(draft) })).value;
    expect(raw).toMatch(/Số:\s+\/BC-SKHCN/u);
    expect(raw).toMatch(/Hà Nội, ngày\s+tháng\s+năm 20/u);
  });
});

describe("Decree30DocxRenderer, a unit's report read back", () => {
  it("puts the coordinators' contributions, in italics, under the task the unit leads", async () => {
    const doc = unitReportDocument(unitReport402(), STC_ISSUER, {
      focalUnitName: 'Sở Khoa học và Công nghệ',
      sectionTitles: PLAN_402_SECTIONS,
    });
    const docx = await new Decree30DocxRenderer().render(doc);
    const l = (await mammoth.extractRawText({ buffer: docx })).value
      .split('\n')
      .map((x) => x.trim())
      .filter(Boolean);
    expect(l.slice(0, 3)).toEqual([
      'UBND THÀNH PHỐ HÀ NỘI',
      'SỞ TÀI CHÍNH',
      'Số:\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0/BC-STC',
    ]);
    expect(l).toContain('Hà Nội, ngày 12 tháng 12 năm 2025');
    const task = l.indexOf('34');
    const helper = l.indexOf('Sở Tư pháp (phối hợp)');
    const nextTask = l.indexOf('I.4. Phát triển nền tảng, hệ thống');
    expect(task).toBeGreaterThan(nextTask);
    expect(helper).toBeGreaterThan(task);
    expect(l.slice(helper, helper + 5)).toEqual([
      'Sở Tư pháp (phối hợp)',
      'Hoàn thành',
      '100',
      'Đã cung cấp dữ liệu hộ tịch',
      '(theo báo cáo của đơn vị)',
    ]);
    expect(l).toContain('Sở Xây dựng (phối hợp)');
    expect(l).toContain('- Nhiệm vụ số 34: Ba cơ sở dữ liệu chuyên ngành chưa có giao diện kết nối (API).');
    expect(l.slice(l.indexOf('Nơi nhận:') + 1)).toEqual([
      '- Sở Khoa học và Công nghệ (để tổng hợp);',
      '- Lưu: VT.',
      'GIÁM ĐỐC',
    ]);

    const xml = await part(docx, 'word/document.xml');
    const helperRun = new RegExp(
      '<w:r><w:rPr>((?:(?!</w:rPr>).)*)</w:rPr><w:t[^>]*>Sở Tư pháp \\(phối hợp\\)</w:t>',
      's',
    ).exec(xml);
    expect(helperRun?.[1]).toContain('<w:i/>');
  });
});
