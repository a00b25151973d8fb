import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { UnitRefDto } from '@dieu-hanh/shared/contracts';
import { findSeedsDir, loadDirectorySeed } from '@dieu-hanh/shared/util-seed-directory';
import { loadPlanSeeds } from './load-plan-seeds';

/**
 * The plan of UBND phường Hải An (Hải Phòng, 2025) implementing the city's Công văn 9352/VP-VX,
 * against its source text. Section III numbers five activities; 3 and 4 are headings over a/b
 * sub-activities, so the tasks are 1, 2, 3a, 3b, 4a, 4b and 5. The text is hard-wrapped, so
 * comparisons fold white space.
 */
const seedsDir = findSeedsDir(__dirname);
const directory = loadDirectorySeed({ seedsDir, scope: 'demo' });
const seeds = loadPlanSeeds({ seedsDir, directory });
const found = seeds.find((s) => s.key === 'haiphong-hai-an');
if (!found) throw new Error('no seed plan "haiphong-hai-an"');
const seed = found;
const plan = seed.plan;
const source = readFileSync(join(seedsDir, 'planning', 'sources', seed.source), 'utf8');

const flat = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();
const flatSource = flat(source);
const refText = (r: UnitRefDto) => ('pending' in r ? r.pending : (r.asWritten ?? ''));
const code = (r: UnitRefDto) => ('unit' in r ? r.unit : 'group' in r ? `group:${r.group}` : `pending:${r.pending}`);
const heading4 = flat(source).match(/4\. (Các hoạt động đề VNPT .*?) a\)/)?.[1] ?? '';
const section3 = source.slice(source.indexOf('III. CÁC HOẠT ĐỘNG CỤ THỂ'), source.indexOf('IV. KINH PHÍ TRIỂN KHAI'));

/** Task labels from the numbering: a numbered item with a./a) sub-items is a heading. */
function taskLabelsFromSource(): string[] {
  const items: { num: string; subs: string[] }[] = [];
  for (const line of section3.split('\n').map((l) => l.trim())) {
    let m: RegExpMatchArray | null;
    if ((m = line.match(/^(\d)\. /))) items.push({ num: m[1], subs: [] });
    else if ((m = line.match(/^([a-z])[.)] /))) items[items.length - 1]?.subs.push(m[1]);
  }
  return items.flatMap((it) => (it.subs.length ? it.subs.map((s) => `${it.num}${s}`) : [it.num]));
}

describe('seed plan haiphong-hai-an (UBND phường Hải An, Ngày Chuyển đổi số 2025)', () => {
  it('is the ward plan the document prints, implementing the city instruction', () => {
    expect(source).toContain('Ủy ban nhân dân phường Hải An xây dựng Kế hoạch triển khai');
    expect(seed).toMatchObject({ provinceCode: '31', issuerUnitCode: '11413', draftingUnitCode: '11413-VHXH', parentKey: null });
    expect(source).toContain('Lưu: VT, VHXH.');
    expect(flatSource).toContain(seed.parentDocument);
    expect(seed.parentDocument?.startsWith('Công văn số 9352/VP-VX ngày 26/9/2025')).toBe(true);
    expect(flatSource).toContain(plan.title);
    expect(plan).toMatchObject({ symbol: 'KH-UBND', year: 2025, focalUnitCode: '11413-VHXH', theme: 'Chuyển đổi số: nhanh hơn, hiệu quả hơn, gần dân hơn' });
    expect(flatSource).toContain(`chủ đề của Ngày Chuyển đổi số quốc gia năm 2025 là “${plan.theme}”`);
  });

  it('has no number or day printed, so the seed uses number 1 and a 2025 date', () => {
    expect(source).not.toMatch(/Số:\s*\d+/);
    expect(source).toMatch(/Hải An, ngày\s+tháng\s+năm 2025/);
    expect(seed.number).toBe(1);
    expect(seed.issueDate.startsWith('2025-')).toBe(true);
  });

  it('has the 7 tasks the numbering of section III gives', () => {
    const labels = taskLabelsFromSource();
    expect(labels).toEqual(['1', '2', '3a', '3b', '4a', '4b', '5']);
    expect((section3.match(/Thời gian thực hiện:/g) ?? []).length).toBe(7);
    expect(plan.tasks).toHaveLength(labels.length);
    expect(seed.declared.tasks).toBe(labels.length);
    expect(plan.tasks.map((t) => t.section)).toEqual(['III', 'III', 'III.3', 'III.3', 'III.4', 'III.4', 'III']);
  });

  it('transcribes every task as printed and names only the ward’s units and partners', () => {
    const wardUnits = new Set(directory.units.filter((u) => u.code === '11413' || u.parentCode === '11413').map((u) => u.code));
    for (const t of plan.tasks) {
      expect(flatSource).toContain(flat(t.content));
      expect(flatSource).toContain(`Thời gian thực hiện: ${t.timeframe}`);
      expect(t.leads.length).toBeGreaterThan(0);
      for (const r of [...t.leads, ...t.coordinators]) if ('unit' in r) expect(wardUnits.has(r.unit)).toBe(true);
      // The lines printed between the task and its time: "- Chủ trì thực hiện: …", "- Phối hợp thực hiện: …".
      const at = flatSource.indexOf(flat(t.content)) + flat(t.content).length;
      const block = flatSource.slice(at, flatSource.indexOf('Thời gian thực hiện:', at));
      const leadsText = block.match(/Chủ trì thực hiện: (.*?)(?:- Phối hợp thực hiện:|$)/)?.[1] ?? heading4; // 4a, 4b: the heading names them
      const coordText = block.match(/Phối hợp thực hiện: (.*)$/)?.[1] ?? t.content; // 4b names its partner in the text
      for (const r of t.leads) expect({ lead: refText(r), printed: leadsText.includes(refText(r)) }).toEqual({ lead: refText(r), printed: true });
      for (const r of t.coordinators) expect({ coordinator: refText(r), printed: coordText.includes(refText(r)) }).toEqual({ coordinator: refText(r), printed: true });
    }
  });

  it('lists exactly the units each task names', () => {
    const group = 'group:11413-G-PHONG-DON-VI';
    expect(plan.tasks.map((t) => t.coordinators.map(code))).toEqual([
      [],
      [group, '11413-TTSNC', '11413-CA'],
      [group, '11413-TTSNC', '11413-CA'],
      [group, '11413-TTSNC', '11413-CA'],
      [],
      ['11413-VHXH'],
      [],
    ]);
    expect(plan.tasks.map((t) => t.leads.map(code))).toEqual([
      [group, '11413-TTSNC', '11413-CA', 'pending:các trường trên địa bàn phường'],
      ['11413-TTSNC'],
      ['11413-VHXH'],
      ['11413-VHXH'],
      ['11413-P-VNPT', '11413-P-VIETTEL'],
      ['11413-P-VNPT', '11413-P-VIETTEL'],
      ['11413-TTSNC', '11413-P-VNPT', '11413-P-VIETTEL', 'pending:các trường trên địa bàn phường'],
    ]);
  });

  it('resolves a sample of tasks as the document assigns them', () => {
    const [t1, t2, t3a, , t4a, t4b, t5] = plan.tasks;
    expect(t1.content.startsWith('Phát động, tổ chức các hoạt động hưởng ứng Ngày Chuyển đổi số quốc gia năm 2025')).toBe(true);
    expect(t1.leads.map(code)).toEqual(['group:11413-G-PHONG-DON-VI', '11413-TTSNC', '11413-CA', 'pending:các trường trên địa bàn phường']);
    expect(t1.timeframe).toBe('Tháng 10/2025');
    expect(t2.content.startsWith('Thực hiện chiến dịch truyền thông “Chuyển đổi số: nhanh hơn, hiệu quả hơn, gần dân hơn”')).toBe(true);
    expect(t2.leads.map(code)).toEqual(['11413-TTSNC']);
    expect(t2.coordinators.map(code)).toEqual(['group:11413-G-PHONG-DON-VI', '11413-TTSNC', '11413-CA']);
    expect(t2.timeframe).toBe('Trước ngày 10/10/2025');
    expect(t3a.leads).toEqual([{ unit: '11413-VHXH', asWritten: 'Phòng Văn hóa -Xã hội' }]);
    expect(t4a.leads.map(code)).toEqual(['11413-P-VNPT', '11413-P-VIETTEL']);
    expect(t4a.coordinators).toEqual([]);
    expect(t4b.coordinators.map(code)).toEqual(['11413-VHXH']);
    expect(t5.leads.map(code)).toEqual(['11413-TTSNC', '11413-P-VNPT', '11413-P-VIETTEL', 'pending:các trường trên địa bàn phường']);
    expect(t5.timeframe).toBe('Trước ngày 10/10/2025');
  });

  it('reports obstacles through Phòng Văn hóa - Xã hội', () => {
    expect(flatSource).toContain('(qua phòng Văn hóa - Xã hội tổng hợp)');
    expect(plan.reportingDuties).toContainEqual(expect.objectContaining({ unitCode: '11413-VHXH' }));
    expect(plan.directingLeaders?.[0]).toContain('Bùi Quang Ngân');
  });
});
