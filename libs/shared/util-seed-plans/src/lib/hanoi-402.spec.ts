import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlanIndicatorRequest, PlanTaskRequest, UnitRefDto } from '@dieu-hanh/shared/contracts';
import { findSeedsDir, loadDirectorySeed } from '@dieu-hanh/shared/util-seed-directory';
import { loadPlanSeeds } from './load-plan-seeds';
import type { PlanSeed } from './types';

/**
 * Plan 402/KH-UBND (Hà Nội, 31/12/2024) transcribed in seeds/planning/hanoi-402.json, checked against
 * the source text kept in seeds/planning/sources/: counts, the overall STT numbering, the counts printed
 * in the section headings, and a sample of rows field by field.
 */
const seedsDir = findSeedsDir(__dirname);
const directory = loadDirectorySeed({ seedsDir, scope: 'demo' });
const seeds = loadPlanSeeds({ seedsDir, directory });
const seed = seeds.find((s) => s.key === 'hanoi-402') as PlanSeed;
const plan = seed.plan;
const tasks = plan.tasks;
const indicators = plan.indicators ?? [];

const text = readFileSync(join(seedsDir, 'planning', 'sources', seed.source), 'utf8');
const lines = text.split('\n');
const appendix1Start = lines.findIndex((l) => l.trim() === 'PHỤ LỤC I');
const appendix2Start = lines.findIndex((l) => l.trim() === 'PHỤ LỤC 2');
const appendix1 = lines.slice(appendix1Start, appendix2Start);
const appendix2 = lines.slice(appendix2Start);

const clean = (s: string) => s.replace(/<\/?[ip]>/g, ' ').replace(/\s+/g, ' ').trim();
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A reference as a short string: "unit:01-STTTT", "group:01-G-XA-PHUONG", "pending:…". */
const ref = (r: UnitRefDto) => ('unit' in r ? `unit:${r.unit}` : 'group' in r ? `group:${r.group}` : `pending:${r.pending}`);
const refs = (rs: UnitRefDto[] | undefined) => (rs ?? []).map(ref);
const task = (stt: number): PlanTaskRequest => tasks[stt - 1];
const indicator = (stt: number): PlanIndicatorRequest => indicators[stt - 1];

const SO = 'group:01-G-SO-BAN-NGANH';
const XA = 'group:01-G-XA-PHUONG';
const STTTT = 'unit:01-STTTT';

/**
 * Heading counts the document prints that do not match its own rows. The overall STT column is the
 * authority (Appendix 2 numbers the first task of II.1.1 as 117 and ends at 178), so these are the
 * document's own inconsistencies, kept visible here: [printed, transcribed].
 */
const KNOWN_HEADING_MISMATCHES: Record<string, [number, number]> = {
  I: [117, 116], // II.1.1's first task carries STT 117, so section I holds 116 numbered tasks
  'I.6': [34, 36], // I.6.1 (9 tasks + 4 sub-items of item 10) + I.6.2 (23)
  'I.6.1': [10, 13], // item 10 only heads its 4 numbered sub-items
  II: [61, 62], // STT 117..178
  'II.1.1': [6, 5], // only five rows are printed
  'II.1.2': [26, 27], // 11 + 2 + 2 + 6 + 6 (there is no II.1.2.4)
  'II.3': [16, 5], // only II.3.1 (5 tasks) is printed
};

/** Finds each section heading in order in the appendix and reads the count it prints, if any. */
function printedCounts(appendix: string[], sections: { code: string; title: string }[], unit: 'nhiệm vụ' | 'chỉ tiêu') {
  const out = new Map<string, number | null>();
  let cursor = 0;
  for (const s of sections) {
    const rx = new RegExp(`^[IVXH\\d.\\s]*${escape(s.title)}:?\\s*(?:\\((\\d+) ${unit}\\)|Tổng số: (\\d+) ${unit})?$`);
    let found = -1;
    let count: number | null = null;
    for (let i = cursor; i < appendix.length && found < 0; i++) {
      for (const cell of appendix[i].split('\t').map(clean)) {
        const m = rx.exec(cell);
        if (m) {
          found = i;
          count = m[1] ?? m[2] ? Number(m[1] ?? m[2]) : null;
          break;
        }
      }
    }
    if (found < 0) throw new Error(`heading "${s.code} ${s.title}" not found in the source`);
    out.set(s.code, count);
    cursor = found + 1;
  }
  return out;
}
const inSection = (code: string) => (x: { section?: string | null }) => x.section === code || !!x.section?.startsWith(`${code}.`);

describe('seed plan hanoi-402 (Kế hoạch 402/KH-UBND, 31/12/2024)', () => {
  it('is loaded and checked by loadPlanSeeds', () => {
    expect(seed).toBeDefined();
    expect(seed).toMatchObject({
      source: 'hanoi-402-KH-UBND-2024-chuyen-doi-so-2025.txt',
      provinceCode: '01',
      issuerUnitCode: '01-UBND',
      draftingUnitCode: '01-STTTT',
      number: 402,
      issueDate: '2024-12-31',
      parentKey: null,
      declared: { tasks: 178, indicators: 46 },
    });
    expect(plan).toMatchObject({ year: 2025, symbol: 'KH-UBND', focalUnitCode: '01-STTTT', theme: null });
    expect(text).toContain(`Số: ${seed.number} /${plan.symbol}`);
    expect(text).toContain(plan.title);
  });

  it('has the 178 tasks and 46 indicators the document declares', () => {
    expect(text).toMatch(/TỔNG SỐ: 178 NHIỆM VỤ/);
    expect(text).toMatch(/Tổng số: 46 chỉ tiêu/);
    expect(tasks).toHaveLength(Number(/TỔNG SỐ: (\d+) NHIỆM VỤ/.exec(text)?.[1]));
    expect(indicators).toHaveLength(Number(/Tổng số: (\d+) chỉ tiêu/.exec(text)?.[1]));
  });

  it('puts every task at its overall STT where the document prints one', () => {
    // Pages whose header starts "STT" carry the overall number in the first column; pages headed
    // "Chi tiết" print only the number within the section.
    let withStt = true;
    const numbered: string[][] = [];
    for (const l of appendix2) {
      if (l.startsWith('STT\t')) withStt = true;
      else if (/^T? ?Chi tiết\t/.test(l)) withStt = false;
      else if (withStt && /^\d+\t/.test(l)) numbered.push(l.split('\t'));
    }
    expect(numbered.length).toBeGreaterThanOrEqual(60);
    const stts = new Set(numbered.map((c) => Number(c[0])));
    expect(Math.max(...stts)).toBe(178);
    for (const c of numbered) {
      const printed = clean(c[2]).slice(0, 60);
      expect({ stt: Number(c[0]), content: task(Number(c[0])).content.slice(0, 60) }).toEqual({ stt: Number(c[0]), content: printed });
    }
  });

  it('keeps the indicators in the order of Appendix I', () => {
    const numbered = appendix1.map((l) => l.split('\t')).filter((c) => /^\d+$/.test(c[0]) && /^\d+$/.test(c[1]));
    expect(numbered).toHaveLength(46);
    for (const c of numbered) expect(indicator(Number(c[0])).name.startsWith(clean(c[2]))).toBe(true);
  });

  it('has the per-section task counts printed in the headings of Appendix 2', () => {
    const taskSections = (plan.sections ?? []).filter((s) => !s.code.startsWith('CT-'));
    const printed = printedCounts(appendix2, taskSections, 'nhiệm vụ');
    expect(printed.get('I.1')).toBe(6);
    let checked = 0;
    for (const s of taskSections) {
      const count = printed.get(s.code);
      if (count == null) continue; // II.1 prints no count
      const actual = tasks.filter(inSection(s.code)).length;
      const known = KNOWN_HEADING_MISMATCHES[s.code];
      if (known) expect({ code: s.code, printed: count, actual }).toEqual({ code: s.code, printed: known[0], actual: known[1] });
      else expect({ code: s.code, actual }).toEqual({ code: s.code, actual: count });
      checked++;
    }
    expect(checked).toBe(taskSections.length - 1);
    // the two top-level counts still add up to the declared total
    expect((printed.get('I') ?? 0) + (printed.get('II') ?? 0)).toBe(178);
  });

  it('has the per-section indicator counts printed in Appendix I', () => {
    const sections = (plan.sections ?? []).filter((s) => s.code.startsWith('CT-'));
    expect(sections.map((s) => s.code)).toEqual(['CT-I', 'CT-II', 'CT-III']);
    const printed = printedCounts(appendix1, sections, 'chỉ tiêu');
    expect([...printed.values()]).toEqual([25, 8, 13]);
    for (const s of sections) expect(indicators.filter(inSection(s.code))).toHaveLength(printed.get(s.code) as number);
  });

  it('files every task and indicator under a section of its own appendix', () => {
    for (const t of tasks) expect(t.section).toMatch(/^II?(\.\d+)*$/);
    for (const i of indicators) expect(i.section).toMatch(/^CT-I{1,3}$/);
    for (const s of plan.sections ?? []) expect(s.title).not.toMatch(/\(\d+ (nhiệm vụ|chỉ tiêu)\)|Tổng số/);
  });

  describe('a sample of tasks, field by field', () => {
    it('1 — I.1, Sở/ban/ngành and the districts lead, Sở TT&TT coordinates', () => {
      const t = task(1);
      expect(t.section).toBe('I.1');
      expect(t.content.startsWith('Tiếp tục duy trì, phát huy hiệu quả các kênh truyền thông')).toBe(true);
      expect(t.directingLeader).toBe('PCT UBND Thành phố Hà Minh Hải');
      expect(refs(t.leads)).toEqual([SO, XA]);
      expect(t.leads[0]).toEqual({ group: '01-G-SO-BAN-NGANH', asWritten: 'Các Sở, ban, ngành, đơn vị của Thành phố' });
      expect(refs(t.coordinators)).toEqual([STTTT]);
      expect(t.timeframe).toBe('Quý IV Năm 2025');
      expect(t.notes).toBeNull();
    });

    it('11 — I.2 item 5, whose content continues after a page break', () => {
      const t = task(11);
      expect(t.section).toBe('I.2');
      expect(t.content.startsWith('Rà soát, cập nhật, sửa đổi, bổ sung, hoàn thiện cơ chế, chính sách')).toBe(true);
      expect(t.content.endsWith('tiền tới thử nghiệm hình thành 01 sàn giao dịch dữ liệu trên địa bàn Thành phố.')).toBe(true);
      expect(refs(t.leads)).toEqual([STTTT]);
      expect(refs(t.coordinators)).toEqual([SO, XA]);
      expect(t.timeframe).toBe('Quý II Năm 2025');
    });

    it('26 — I.3 item 13, led by Sở Xây dựng, with a note', () => {
      const t = task(26);
      expect(t.content.startsWith('- Phát triển hạ tầng viễn thông bền vững, an toàn')).toBe(true);
      expect(t.directingLeader).toBe('PCT UBND Thành phố Đương Đức Tuấn');
      expect(refs(t.leads)).toEqual(['unit:01-SXD']);
      expect(refs(t.coordinators)).toEqual([STTTT, SO, XA]);
      expect(t.timeframe).toBe('Quý IV Năm 2025');
      expect(t.notes).toBe('KH 127 giao Sở Xây dựng chủ trì.');
    });

    it('36 — I.4 item 7, whose timeframe is split across pages', () => {
      const t = task(36);
      expect(t.content.startsWith('Triển khai hệ thống Giao thông thông minh giai đoạn 1')).toBe(true);
      expect(refs(t.leads)).toEqual(['unit:01-SGTVT']);
      expect(t.timeframe).toBe('Năm 2025 (Hoàn thành việc lựa chọn đơn vị cung cấp dịch vụ CNTT để thực hiện)');
    });

    it('38 — I.5 sub-item 1.1, directed by the leader of its group row', () => {
      const t = task(38);
      expect(t.section).toBe('I.5');
      expect(t.content).toBe('Triển khai Số hóa tài liệu lưu trữ phòng Sở Nhà đất Hà Nội.');
      expect(t.directingLeader).toBe('Các PCT UBND Thành phố chỉ đạo tại các đơn vị, địa phương theo lĩnh vực được phân công, phụ trách');
      expect(refs(t.leads)).toEqual(['unit:01-SNV']);
      expect(refs(t.coordinators)).toEqual([STTTT]);
      expect(t.timeframe).toBe('Quý IV năm 2025');
    });

    it('83 — I.6.1, led by the city universities: left pending', () => {
      const t = task(83);
      expect(t.section).toBe('I.6.1');
      expect(t.content.startsWith('Ứng dụng công nghệ thông tin và Chuyển đổi số trong hoạt động quản lý và dạy học')).toBe(true);
      expect(t.leads).toEqual([{ pending: 'Các trường Đại học, Cao đẳng, cơ sở đào tạo thuộc Thành phố' }]);
      expect(refs(t.coordinators)).toEqual([STTTT]);
    });

    it('116 — I.7 item 9, the last task of section I', () => {
      const t = task(116);
      expect(t.section).toBe('I.7');
      expect(t.content.startsWith('Hoàn thành quy trình, phương án ứng cứu sự cố')).toBe(true);
      expect(refs(t.leads)).toEqual([STTTT]);
      expect(t.coordinators).toEqual([{ pending: 'Các Sở, ngành tham gia thành viên Đội Ứng cứu sự cố an toàn thông tin mạng Thành phố' }]);
    });

    it('134 — II.1.2.2 item 2, led by the departments listed by field', () => {
      const t = task(134);
      expect(t.section).toBe('II.1.2.2');
      expect(refs(t.leads)).toEqual(
        ['01-SXD', '01-SQHKT', '01-SGTVT', '01-STNMT', '01-STTTT', '01-SCT', '01-SNNPTNT', '01-SYT', '01-SGDDT', '01-SVHTT', '01-SDL'].map((c) => `unit:${c}`),
      );
      expect(refs(t.coordinators)).toEqual(['pending:Các Sở, ngành liên quan', XA]);
    });

    it('153 — II.2.3 item 2, a row split across pages', () => {
      const t = task(153);
      expect(t.section).toBe('II.2.3');
      expect(t.content).toBe('Nông nghiệp');
      expect(t.directingLeader).toBe('PCT UBND Thành phố Nguyễn Mạnh Quyền');
      expect(t.leads).toEqual([{ unit: '01-SNNPTNT', asWritten: 'Sở Nông nghiệp và Phát triển nông thôn' }]);
      expect(refs(t.coordinators)).toEqual([SO, XA, 'pending:các đơn vị liên quan']);
      expect(t.timeframe).toBe('Cả năm');
    });

    it('159 — II.2.3 item 8, led by the State Bank branch', () => {
      const t = task(159);
      expect(t.content.startsWith('Triển khai hiệu quả các kế hoạch thanh toán không dùng tiền mặt')).toBe(true);
      expect(t.content.endsWith('tăng cường nộp thuế điện tử đối với cá nhân, hộ kinh doanh.')).toBe(true);
      expect(refs(t.leads)).toEqual(['unit:01-P-NHNN']);
      expect(refs(t.coordinators)).toEqual(['unit:01-P-CUCTHUE', 'unit:01-SGDDT', 'unit:01-SYT', SO, XA, 'pending:các đơn vị liên quan']);
      expect(t.timeframe).toBe('Cá năm'); // printed so (sic) in the merged cell of "Tài chính, ngân hàng"
    });

    it('170 — II.5 sub-item 1.1, which takes its leader, lead and coordinators from item 1', () => {
      const t = task(170);
      expect(t.section).toBe('II.5');
      expect(t.content.startsWith('Tiếp tục tham gia tích cực các hoạt động với các tổ chức WEGO')).toBe(true);
      expect(t.directingLeader).toBe('PCT UBND Thành phố Hà Minh Hải');
      expect(refs(t.leads)).toEqual(['unit:01-SNGV']);
      expect(refs(t.coordinators)).toEqual(['pending:Các Sở, ngành liên quan', XA]);
      expect(t.timeframe).toBe('Cả năm');
    });

    it('178 — II.7 item 3, the last task', () => {
      const t = task(178);
      expect(t.section).toBe('II.7');
      expect(t.content.startsWith('Tổ chức triển khai mô hình thu gom sản phẩm công nghệ')).toBe(true);
      expect(t.directingLeader).toBe('PCT UBND Thành phố Nguyễn Trọng Đông');
      expect(refs(t.leads)).toEqual(['unit:01-STNMT']);
      expect(t.timeframe).toBe('Cả năm');
    });
  });

  describe('a sample of indicators, field by field', () => {
    it('1 — DVCTT redesigned, 100%', () => {
      const i = indicator(1);
      expect(i.section).toBe('CT-I');
      expect(i.name.startsWith('Tỷ lệ DVCTT được thiết kế, thiết kế lại')).toBe(true);
      expect(i.targets).toEqual([{ year: 2025, text: '100%' }]);
      expect(i.directingLeader).toBe('PCT UBND Thành phố Hà Minh Hải');
      expect(refs(i.focal)).toEqual(['unit:01-TTPVHCC']);
      expect(refs(i.implementing)).toEqual([SO, XA, STTTT]);
      expect(i.coordinators).toEqual([]);
    });

    it('7 — "Trên 90%"', () => {
      expect(indicator(7).targets).toEqual([{ year: 2025, text: 'Trên 90%' }]);
      expect(refs(indicator(7).focal)).toEqual(['unit:01-TTPVHCC']);
    });

    it('15 — a multi-part target', () => {
      expect(indicator(15).targets[0].text).toBe('- Các sở, ban, ngành: 100%; - Cấp huyện: 100%; Cấp xã: 80%');
      expect(refs(indicator(15).focal)).toEqual(['unit:01-VPUBND']);
    });

    it('19 — name and leader continued after a page break', () => {
      const i = indicator(19);
      expect(i.name.endsWith('qua môi trường số và hệ thống thông tin của cơ quan quản lý.')).toBe(true);
      expect(i.directingLeader).toBe('PCTTT UBND Thành phố Lê Hồng Sơn');
      expect(i.targets[0].text).toBe('50%');
      expect(refs(i.focal)).toEqual(['unit:01-TTRA']);
    });

    it('26 — the first indicator of Kinh tế số', () => {
      const i = indicator(26);
      expect(i.section).toBe('CT-II');
      expect(i.targets[0].text).toBe('Khoảng 30%');
      expect(refs(i.focal)).toEqual(['unit:01-P-THONGKE']);
    });

    it('33 — two sub-indicators with their own targets', () => {
      const i = indicator(33);
      expect(i.name).toContain('Trung tâm thương mại trên địa bàn');
      expect(i.name).toContain('Cơ sở cung cấp dịch vụ ăn uống');
      expect(i.targets[0].text).toBe('100% 80%');
      expect(refs(i.focal)).toEqual(['unit:01-P-CUCTHUE']);
    });

    it('35 — Công an Thành phố', () => {
      const i = indicator(35);
      expect(i.section).toBe('CT-III');
      expect(i.targets[0].text).toBe('Trên 50%');
      expect(i.directingLeader).toBe('PCTTT UBND Thành phố Lê Hồng Sơn');
      expect(refs(i.focal)).toEqual(['unit:01-CATP']);
      expect(refs(i.implementing)).toEqual(['unit:01-CATP', XA]);
    });

    it('46 — the last indicator', () => {
      const i = indicator(46);
      expect(i.targets[0].text).toBe('100%');
      expect(i.directingLeader).toBe('PCT UBND Thành phố Vũ Thu Hà');
      expect(refs(i.focal)).toEqual(['unit:01-SYT']);
    });
  });

  it('keeps every cited document as a legal basis and the reporting duties of the implementation section', () => {
    expect(plan.legalBases).toHaveLength(21);
    for (const b of plan.legalBases ?? []) expect(text.replace(/\s+/g, ' ')).toContain(b.slice(1, 60));
    expect(plan.legalBases?.[0]).toMatch(/^Nghị quyết số 52-NQ\/TW ngày 27\/9\/2019/);
    expect(plan.legalBases?.[20]).toMatch(/^Công văn số 3816\/BTTTT-CDSQG/);
    expect(plan.reportingDuties?.filter((d) => d.unitCode === '01-STTTT').map((d) => d.timeframe)).toEqual([
      '6 tháng (ngày 30/6/2025)',
      'cả năm (ngày 30/12/2025)',
    ]);
    expect(plan.reportingDuties?.some((d) => d.timeframe === 'Định kỳ hằng quý')).toBe(true);
    for (const l of plan.directingLeaders ?? []) expect(text).toContain(l);
  });
});
