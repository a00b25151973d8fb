import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { UnitRefDto } from '@dieu-hanh/shared/contracts';
import { findSeedsDir, loadDirectorySeed } from '@dieu-hanh/shared/util-seed-directory';
import { loadPlanSeeds } from './load-plan-seeds';

/**
 * Plan 272/KH-UBND (Hà Nội, 02/10/2025, Ngày Chuyển đổi số) against its source text.
 * Section III holds one unnumbered "Nhiệm vụ:" (III.1) carried out in two ways, each with its own
 * lead and coordinators ("- + Đơn vị chủ trì"), and eight numbered "Nhiệm vụ 1..8" (III.2): 10 tasks.
 */
const seedsDir = findSeedsDir(__dirname);
const directory = loadDirectorySeed({ seedsDir, scope: 'demo' });
const seeds = loadPlanSeeds({ seedsDir, directory });
const found = seeds.find((s) => s.key === 'hanoi-272');
if (!found) throw new Error('no seed plan "hanoi-272"');
const seed = found;
const plan = seed.plan;
const source = readFileSync(join(seedsDir, 'planning', 'sources', seed.source), 'utf8');

/** Whitespace folded, trailing punctuation and the extraction's italic markers (*…*) dropped. */
const norm = (s: string) => s.normalize('NFC').replace(/\*/g, '').replace(/\s+/g, ' ').trim().replace(/[.:;]$/, '').trim();
const refText = (r: UnitRefDto) => ('pending' in r ? r.pending : (r.asWritten ?? ''));
const code = (r: UnitRefDto) => ('unit' in r ? r.unit : 'group' in r ? `group:${r.group}` : `pending:${r.pending}`);

interface SourceTask {
  label: string;
  content: string;
  leads: string;
  coordinators: string;
  time: string;
}

/** The tasks of section III as printed. */
function tasksFromSource(text: string): SourceTask[] {
  const body = text.slice(text.indexOf('III. NỘI DUNG TRIỂN KHAI'), text.indexOf('IV. KINH PHÍ THỰC HIỆN'));
  const lines = body
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const tasks: SourceTask[] = [];
  let current: SourceTask | null = null;
  const ofSection1: SourceTask[] = [];
  for (const line of lines) {
    let m: RegExpMatchArray | null;
    if ((m = line.match(/^Nhiệm vụ (\d+): (.*)$/))) {
      current = { label: `Nhiệm vụ ${m[1]}`, content: m[2], leads: '', coordinators: '', time: '' };
      tasks.push(current);
    } else if (/^- Tuyên truyền /.test(line)) {
      // III.1: one activity per bullet, sharing the time printed after both.
      current = { label: `III.1 (${ofSection1.length + 1})`, content: line.slice(2).replace(/:$/, ''), leads: '', coordinators: '', time: '' };
      ofSection1.push(current);
      tasks.push(current);
    } else if ((m = line.match(/^- (?:\+ )?Đơn vị chủ trì:\s*(.*)$/)) && current) current.leads = m[1];
    else if ((m = line.match(/^- (?:\+ )?Đơn vị phối hợp:\s*(.*)$/)) && current) current.coordinators = m[1];
    else if ((m = line.match(/^- Thời gian thực hiện:\s*(.*)$/))) {
      if (current && ofSection1.includes(current)) for (const t of ofSection1) t.time = m[1];
      else if (current) current.time = m[1];
    }
  }
  return tasks;
}

const fromSource = tasksFromSource(source);

describe('seed plan hanoi-272 (272/KH-UBND, Ngày Chuyển đổi số 2025)', () => {
  it('is the plan the document prints', () => {
    expect(source).toContain('Số: 272 /KH-UBND');
    expect(source).toContain('Hà Nội, ngày 02 tháng 10 năm 2025');
    expect(seed).toMatchObject({ number: 272, issueDate: '2025-10-02', provinceCode: '01', issuerUnitCode: '01-UBND', draftingUnitCode: '01-SKHCN' });
    expect(plan).toMatchObject({ symbol: 'KH-UBND', year: 2025, focalUnitCode: '01-SKHCN' });
    expect(source).toContain(plan.title);
    expect(plan.theme).toBe('Chuyển đổi số: nhanh hơn, hiệu quả hơn, gần dân hơn');
    expect(source).toContain(`chủ đề của Ngày Chuyển đổi số quốc gia năm 2025 là “*${plan.theme}*”`);
    expect(plan.legalBases).toHaveLength(4);
    for (const basis of plan.legalBases ?? []) expect(source).toContain(basis);
    expect(plan.indicators ?? []).toHaveLength(0);
  });

  it('has the 10 tasks the document assigns: 8 numbered "Nhiệm vụ" and the two ways of III.1', () => {
    const numbered = source.match(/^Nhiệm vụ \d+:/gm) ?? [];
    expect(numbered).toHaveLength(8);
    const leadLines = source.match(/Đơn vị chủ trì:/g) ?? [];
    expect(leadLines).toHaveLength(10);
    expect(fromSource).toHaveLength(10);
    expect(plan.tasks).toHaveLength(10);
    expect(seed.declared.tasks).toBe(10);
  });

  it('transcribes every task: content, timeframe and the names of its leads and coordinators', () => {
    fromSource.forEach((src, i) => {
      const t = plan.tasks[i];
      expect({ task: src.label, content: norm(t.content) }).toEqual({ task: src.label, content: norm(src.content) });
      expect({ task: src.label, timeframe: t.timeframe }).toEqual({ task: src.label, timeframe: norm(src.time) });
      expect(t.leads.length).toBeGreaterThan(0);
      for (const r of t.leads) expect({ task: src.label, lead: refText(r), printed: norm(src.leads).includes(norm(refText(r))) }).toEqual({ task: src.label, lead: refText(r), printed: true });
      for (const r of t.coordinators)
        expect({ task: src.label, coordinator: refText(r), printed: norm(src.coordinators).includes(norm(refText(r))) }).toEqual({ task: src.label, coordinator: refText(r), printed: true });
      expect(t.section).toBe(src.label.startsWith('III.1') ? 'III.1' : 'III.2');
    });
  });

  it('keeps "UBND các xã, phường đã đề xuất" as a pending lead, never as every commune', () => {
    const proposed = plan.tasks.filter((t) => t.leads.some((r) => 'pending' in r && r.pending === 'UBND các xã, phường đã đề xuất'));
    expect(proposed).toHaveLength((source.match(/Đơn vị chủ trì: UBND các xã, phường đã đề xuất\./g) ?? []).length);
    expect(proposed).toHaveLength(3);
    for (const t of [plan.tasks[7], plan.tasks[8], plan.tasks[9]]) expect(t.leads).toEqual([{ pending: 'UBND các xã, phường đã đề xuất' }]);
    for (const t of plan.tasks)
      for (const r of [...t.leads, ...t.coordinators]) if ('group' in r) expect(r.asWritten ?? '').not.toMatch(/đã đề xuất/);
  });

  it('resolves a sample of tasks as the document assigns them', () => {
    const [tt1, tt2, nv1, nv2, nv3, nv4, , nv6] = plan.tasks;
    expect(tt1.content.startsWith('Tuyên truyền trên các cơ quan Báo, Đài')).toBe(true);
    expect(tt1.leads.map(code)).toEqual(['01-SVHTT']);
    expect(tt1.coordinators.map(code)).toEqual(['01-DPTTH', 'group:01-G-BAO-CHI']);
    expect(tt1.timeframe).toBe('Thường xuyên, trong quý IV/2025');
    expect(tt2.leads).toEqual([{ group: '01-G-XA-PHUONG', asWritten: 'UBND các xã, phường' }]);
    expect(tt2.coordinators.map(code)).toEqual(['01-SKHCN', '01-SVHTT']);

    expect(nv1.content.startsWith('Tổ chức Lễ phát động phong trào Học tập số')).toBe(true);
    expect(nv1.leads).toEqual([
      { unit: '01-SKHCN', asWritten: 'Sở Khoa học và Công nghệ' },
      { unit: '00454', asWritten: 'UBND xã Đông Anh' },
    ]);
    expect(nv1.coordinators.map(code)).toEqual(['01-SGDDT', '01-TDOAN', 'pending:các Sở, ban, ngành liên quan', 'group:01-G-XA-PHUONG']);
    expect(nv1.timeframe).toBe('Trong tháng 10/2025');
    expect(nv2.leads.map(code)).toEqual(['01-P-CKNDN', '01-SKHCN', '01-P-VINASA']);
    expect(nv2.timeframe).toBe('Quý IV/2025');
    expect(nv3.leads.map(code)).toEqual(['01-SDL']);
    expect(nv3.timeframe).toBe('Đã triển khai');
    expect(nv4.coordinators.map(code)).toEqual(['01-P-CTN', 'pending:Các cơ sở đoàn tại các trường Đại học, Cao đẳng', 'group:01-G-XA-PHUONG']);
    expect(nv6.coordinators.map(code)).toEqual(['01-SCT', 'pending:các Sở, ban, ngành liên quan', 'pending:Các doanh nghiệp nền tảng số']);
  });

  it('reports quarterly to the city through Sở Khoa học và Công nghệ', () => {
    expect(source).toContain('báo cáo UBND Thành phố kết quả triển khai (qua Sở Khoa học và Công nghệ) lồng ghép vào báo cáo định kỳ hằng quý');
    expect(plan.reportingDuties).toContainEqual(expect.objectContaining({ unitCode: '01-SKHCN', timeframe: 'Định kỳ hằng quý' }));
    expect(plan.directingLeaders?.[0]).toContain('Trương Việt Dũng');
  });
});
