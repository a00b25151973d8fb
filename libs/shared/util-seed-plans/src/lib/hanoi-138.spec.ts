import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { UnitRefDto } from '@dieu-hanh/shared/contracts';
import { findSeedsDir, loadDirectorySeed } from '@dieu-hanh/shared/util-seed-directory';
import { loadPlanSeeds } from './load-plan-seeds';

/**
 * Plan 138/KH-UBND (Hà Nội, 15/05/2025, "Bình dân học vụ số") against its source text.
 * The tasks are re-read from seeds/planning/sources independently of the seed: every numbered item
 * of section III ("1.1.", or "(1)" under a heading such as "3.3.") is one task, and each
 * "- Đơn vị chủ trì / phối hợp / Thời gian" block applies to the items printed since the last block.
 */
const seedsDir = findSeedsDir(__dirname);
const directory = loadDirectorySeed({ seedsDir, scope: 'demo' });
const seeds = loadPlanSeeds({ seedsDir, directory });
const found = seeds.find((s) => s.key === 'hanoi-138');
if (!found) throw new Error('no seed plan "hanoi-138"');
const seed = found;
const plan = seed.plan;
const source = readFileSync(join(seedsDir, 'planning', 'sources', seed.source), 'utf8');

const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim().replace(/[.:;]$/, '').trim();
const refText = (r: UnitRefDto) => ('pending' in r ? r.pending : (r.asWritten ?? ''));
const code = (r: UnitRefDto) => ('unit' in r ? r.unit : 'group' in r ? `group:${r.group}` : `pending:${r.pending}`);

interface SourceTask {
  num: string;
  content: string;
  leads?: string;
  coordinators?: string;
  time?: string;
}

/** The tasks of section III as printed, with the lead/coordinator/time block each falls under. */
function tasksFromSource(text: string): { tasks: SourceTask[]; leadLines: number } {
  const body = text.slice(text.indexOf('III. CÁC NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU'), text.indexOf('IV. KINH PHÍ THỰC HIỆN'));
  const tasks: SourceTask[] = [];
  let open: SourceTask[] = [];
  let heading: SourceTask | null = null;
  let leadLines = 0;
  let leads = '';
  let coordinators = '';
  for (const line of body.split('\n').map((l) => l.trim())) {
    let m: RegExpMatchArray | null;
    if ((m = line.match(/^(\d\.\d)\.\s+(.*)$/))) {
      heading = { num: m[1], content: m[2] };
      tasks.push(heading);
      open.push(heading);
    } else if ((m = line.match(/^\((\d+)\)\s+(.*)$/))) {
      if (!heading) throw new Error(`item ${line} outside a numbered heading`);
      // A numbered line followed by (n) items is a heading, not a task.
      const h = heading;
      if (tasks.includes(h)) {
        tasks.splice(tasks.indexOf(h), 1);
        open = open.filter((t) => t !== h);
      }
      const t = { num: `${h.num}.(${m[1]})`, content: m[2] };
      tasks.push(t);
      open.push(t);
    } else if ((m = line.match(/^- Đơn vị chủ trì:\s*(.*)$/))) {
      leadLines++;
      leads = m[1];
    } else if ((m = line.match(/^- Đơn vị phối hợp:\s*(.*)$/))) {
      coordinators = m[1];
    } else if ((m = line.match(/^- Thời gian(?: thực hiện)?:\s*(.*)$/))) {
      for (const t of open) Object.assign(t, { leads, coordinators, time: m[1] });
      open = [];
    }
  }
  return { tasks, leadLines };
}

/** The appendix table: 7 rows of STT, name, 2025, 2026, implementing, focal, coordinating. */
function indicatorsFromSource(text: string): string[][] {
  const lines = text.split('\n').map((l) => l.trim());
  const start = lines.indexOf('BIỂU CHỈ TIÊU CỤ THỂ KẾ HOẠCH TRIỂN KHAI PHONG TRÀO BÌNH DÂN HỌC VỤ SỐ TRÊN ĐỊA BÀN THÀNH PHỐ HÀ NỘI');
  const header = lines.indexOf('Đơn vị phối hợp', start);
  const rows: string[][] = [];
  for (let i = header + 1; /^\d+$/.test(lines[i] ?? ''); i += 7) rows.push(lines.slice(i, i + 7));
  return rows;
}

const fromSource = tasksFromSource(source);
const byNum = (num: string) => {
  const i = fromSource.tasks.findIndex((t) => t.num === num);
  if (i < 0) throw new Error(`no item ${num} in the source`);
  return plan.tasks[i];
};

describe('seed plan hanoi-138 (138/KH-UBND, Bình dân học vụ số)', () => {
  it('is the plan the document prints', () => {
    expect(source).toContain('Số: 138/KH-UBND');
    expect(source).toContain('Hà Nội, ngày 15 tháng 5 năm 2025');
    expect(seed).toMatchObject({ number: 138, issueDate: '2025-05-15', provinceCode: '01', issuerUnitCode: '01-UBND', draftingUnitCode: '01-SKHCN' });
    expect(plan).toMatchObject({ symbol: 'KH-UBND', year: 2025, focalUnitCode: '01-SKHCN' });
    expect(source).toContain(plan.title);
    expect(plan.legalBases).toHaveLength(4);
    for (const basis of plan.legalBases ?? []) expect(source).toContain(basis);
  });

  it('has the 29 tasks the numbering of section III gives (22 lead blocks)', () => {
    expect(fromSource.tasks).toHaveLength(29);
    expect(fromSource.leadLines).toBe(22);
    expect(plan.tasks).toHaveLength(fromSource.tasks.length);
    expect(seed.declared.tasks).toBe(fromSource.tasks.length);
  });

  it('transcribes every task: content, timeframe and the names of its leads and coordinators', () => {
    fromSource.tasks.forEach((src, i) => {
      const t = plan.tasks[i];
      expect({ num: src.num, content: norm(t.content) }).toEqual({ num: src.num, content: norm(src.content) });
      // The whole printed time, or (5.5) its time part before the place printed after it.
      const time = norm(src.time ?? '');
      const tf = norm(t.timeframe ?? '—');
      expect({ num: src.num, time: time === tf || time.startsWith(`${tf}, `) }).toEqual({ num: src.num, time: true });
      expect(t.leads.length).toBeGreaterThan(0);
      for (const r of t.leads) expect({ num: src.num, lead: refText(r), printed: norm(src.leads ?? '').includes(norm(refText(r))) }).toEqual({ num: src.num, lead: refText(r), printed: true });
      for (const r of t.coordinators)
        expect({ num: src.num, coordinator: refText(r), printed: norm(src.coordinators ?? '').includes(norm(refText(r))) }).toEqual({ num: src.num, coordinator: refText(r), printed: true });
      expect(plan.sections?.map((s) => s.code)).toContain(t.section);
    });
  });

  it('resolves a sample of tasks as the document assigns them', () => {
    const t11 = byNum('1.1');
    expect(t11.content.startsWith('Tổ chức quán triệt, tuyên truyền sâu rộng nội dung Kế hoạch số 05-KH/BCĐ57')).toBe(true);
    expect(t11.leads).toEqual([{ group: '01-G-SO-BAN-NGANH', asWritten: 'Các cơ quan, đơn vị thuộc UBND Thành phố' }]);
    expect(t11.coordinators.map(code)).toEqual(['01-SVHTT']);
    expect(t11.timeframe).toBe('Thường xuyên');
    expect(t11.section).toBe('III.1');

    const t13 = byNum('1.3');
    expect(t13.leads.map(code)).toEqual(['01-SKHCN']);
    expect(t13.coordinators.map(code)).toEqual(['01-SVHTT', '01-SGDDT', '01-SNV', '01-CATP', '01-DPTTH', '01-TDOAN', '01-P-CDCNC', 'group:01-G-SO-BAN-NGANH']);
    expect(t13.timeframe).toBe('Tháng 5/2025');

    const t22 = byNum('2.2');
    expect(t22.leads.map(code)).toEqual(['01-CATP']);
    expect(t22.coordinators.map(code)).toEqual(['01-SKHCN', '01-SGDDT', '01-SNV', 'pending:các đơn vị liên quan']);
    expect(t22.timeframe).toBe('Theo hướng dẫn của Bộ Công an');

    const t312 = byNum('3.1.(2)');
    expect(t312.content.startsWith('Biên soạn bổ sung, phát hành tài liệu, bài giảng')).toBe(true);
    expect(t312.leads.map(code)).toEqual(['01-SGDDT']);
    expect(t312.timeframe).toBe('Tháng 6/2025');
    expect(t312.section).toBe('III.3.1');

    const t32 = byNum('3.2');
    expect(t32.section).toBe('III.3');
    expect(t32.timeframe).toBe('Năm 2025 - 2026');

    const t353 = byNum('3.5.(3)');
    expect(t353.content.startsWith('Tổ chức các lớp học “Bình dân học vụ số” cho người cao tuổi')).toBe(true);
    expect(t353.leads).toEqual([{ group: '01-G-XA-PHUONG', asWritten: 'UBND quận, huyện, thị xã (UBND xã, phường, thị trấn sau sắp xếp)' }]);
    expect(t353.coordinators.map(code)).toEqual(['01-SKHCN', '01-SNV', '01-SGDDT', 'pending:các đơn vị liên quan']);
    expect(t353.coordinators[0]).toEqual({ unit: '01-SKHCN', asWritten: 'Sớ Khoa học và Công nghệ' }); // the document's typo, kept

    const t52 = byNum('5.2');
    expect(t52.coordinators).toEqual([{ unit: '01-HLHPN', asWritten: 'Hội liên hiệp phụ nữ Thành phố' }]);

    const t55 = byNum('5.5');
    expect(t55.timeframe).toBe('Định kỳ Ngày thứ Sáu tuần thứ 4 hằng tháng');
    expect(t55.coordinators.map(code)).toEqual([
      '01-SGDDT',
      '01-TDOAN',
      'pending:các trường đại học và cao đẳng thuộc Thành phố',
      'pending:các cơ quan nhà nước thuộc Thành phố',
      '01-P-HTHVT',
      'pending:các doanh nghiệp công nghệ số trên địa bàn Thành phố',
    ]);
    expect(byNum('5.6').leads.map(code)).toEqual(['01-TDOAN']);
  });

  it('has the 7 indicators of the appendix with their 2025 and 2026 targets as printed', () => {
    const rows = indicatorsFromSource(source);
    expect(rows).toHaveLength(7);
    expect(seed.declared.indicators).toBe(7);
    expect(plan.indicators).toHaveLength(7);
    rows.forEach(([stt, name, t2025, t2026], i) => {
      const ind = plan.indicators?.[i];
      expect({ stt, name: ind?.name, targets: ind?.targets }).toEqual({
        stt,
        name,
        targets: [
          { year: 2025, text: t2025 },
          { year: 2026, text: t2026 },
        ],
      });
      for (const r of ind?.implementing ?? []) expect(norm(rows[i][4]).includes(norm(refText(r)))).toBe(true);
      for (const r of ind?.focal ?? []) expect(norm(rows[i][5]).includes(norm(refText(r)))).toBe(true);
      for (const r of ind?.coordinators ?? []) expect(norm(rows[i][6]).includes(norm(refText(r)))).toBe(true);
      expect(ind?.section).toBe('II');
    });
    const ind = plan.indicators ?? [];
    expect(ind.map((x) => x.targets.map((t) => t.text))).toEqual([
      ['95%', '100%'],
      ['100%', '100%'],
      ['> 85%', '100%'],
      ['85%', '>85%'],
      ['50%', '>50%'],
      ['Tốp 5', 'Duy trì tốp 5'],
      ['80%', '100%'],
    ]);
    expect(ind[0].implementing).toEqual([{ pending: 'Các cơ quan nhà nước Thành phố' }]);
    expect(ind[0].focal.map(code)).toEqual(['01-SKHCN']);
    expect(ind[0].coordinators?.map(code)).toEqual(['01-CATP', '01-SNV']);
    expect(ind[1].focal.map(code)).toEqual(['01-SGDDT']);
    expect(ind[3].coordinators?.map(code)).toEqual(['group:01-G-DN-VIEN-THONG', 'pending:các cơ quan, đơn vị có liên quan']);
    expect(ind[4].implementing.map(code)).toEqual(['01-P-NHNN']);
    expect(ind[5].focal.map(code)).toEqual(['01-SNV']);
  });

  it('keeps the quarterly reporting through Sở Khoa học và Công nghệ', () => {
    expect(source).toContain('Định kỳ hằng quý tổng hợp kết quả thực hiện, báo cáo Ủy ban nhân dân Thành phố (qua Sở Khoa học và Công nghệ)');
    expect(plan.reportingDuties).toContainEqual(expect.objectContaining({ unitCode: '01-SKHCN', timeframe: 'Định kỳ hằng quý' }));
  });
});
