import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { foldVietnamese } from '@dieu-hanh/shared/util-text';
import { findSeedsDir } from './find-seeds-dir';
import { loadDirectorySeed } from './load-directory-seed';

/**
 * The directory names units the way the seed plans do, so names in plan text resolve against it.
 * The plans are kept beside the data in seeds/organization/sources/ (copies of shared/seed-documents/).
 */
const seedsDir = findSeedsDir(__dirname);
const sourcesDir = join(seedsDir, 'organization', 'sources');
const read = (prefix: string) =>
  readdirSync(sourcesDir)
    .filter((f) => f.startsWith(prefix) && f.endsWith('.txt'))
    .map((f) => readFileSync(join(sourcesDir, f), 'utf8'))
    .join('\n');
/** Diacritics kept: only case, Unicode form and runs of white space are ignored. */
const exact = (s: string) => s.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();
const HANOI = read('hanoi-');
const HAI_AN = read('haiphong-phuong-hai-an-');

const demo = loadDirectorySeed({ seedsDir, scope: 'demo' });
const byCode = new Map(demo.units.map((u) => [u.code, u]));

/**
 * For every unit of the two directory files: the forms of its name that the plans write, copied by
 * hand from the documents. Each must be one of the unit's names in the data, character for character.
 */
const CITED: Record<string, { doc: 'hanoi' | 'hai-an'; names: string[] }> = {
  '01-UBND': {
    doc: 'hanoi',
    names: ['UBND Thành phố', 'Ủy ban nhân dân Thành phố', 'UBND thành phố Hà Nội', 'UBND TP'],
  },
  '01-VPUBND': { doc: 'hanoi', names: ['Văn phòng UBND Thành phố', 'VPUB'] },
  '01-SNV': { doc: 'hanoi', names: ['Sở Nội vụ'] },
  '01-STP': { doc: 'hanoi', names: ['Sở Tư pháp'] },
  '01-STC': { doc: 'hanoi', names: ['Sở Tài chính'] },
  '01-SCT': { doc: 'hanoi', names: ['Sở Công Thương', 'Sở Công Thương Hà Nội'] },
  '01-SXD': { doc: 'hanoi', names: ['Sở Xây dựng'] },
  '01-SQHKT': { doc: 'hanoi', names: ['Sở Quy hoạch - Kiến trúc'] },
  '01-SNNMT': { doc: 'hanoi', names: ['Sở Nông nghiệp và Môi trường'] },
  '01-SKHCN': { doc: 'hanoi', names: ['Sở Khoa học và Công nghệ'] },
  '01-SVHTT': { doc: 'hanoi', names: ['Sở Văn hóa và Thể thao', 'Sở Văn hóa Thể thao'] },
  '01-SDL': { doc: 'hanoi', names: ['Sở Du lịch'] },
  '01-SGDDT': { doc: 'hanoi', names: ['Sở Giáo dục và Đào tạo'] },
  '01-SYT': { doc: 'hanoi', names: ['Sở Y tế'] },
  '01-SDTTG': { doc: 'hanoi', names: ['Ban Dân tộc'] },
  '01-TTRA': { doc: 'hanoi', names: ['Thanh tra Thành phố'] },
  '01-CATP': { doc: 'hanoi', names: ['Công an Thành phố', 'Công an thành phố Hà Nội'] },
  '01-TDOAN': { doc: 'hanoi', names: ['Thành đoàn Hà Nội', 'Thành đoàn'] },
  '01-DPTTH': { doc: 'hanoi', names: ['Đài Phát thanh và Truyền hình Hà Nội'] },
  '01-TTPVHCC': { doc: 'hanoi', names: ['Trung tâm Phục vụ hành chính công', 'Trung tâm phục vụ HCC'] },
  '01-BQLCNCKCN': {
    doc: 'hanoi',
    names: ['Ban Quản lý các khu công nghiệp và chế xuất Hà Nội', 'Ban Quản lý Khu công nghệ cao Hòa Lạc'],
  },
  '01-TTXTDT': { doc: 'hanoi', names: ['Trung tâm XTĐTTMDL Hà Nội', 'Trung tâm xúc tiến ĐT, TM, DL Hà Nội'] },
  '01-TTBTDS': { doc: 'hanoi', names: ['Trung tâm Bảo tồn di sản Thăng Long Hà Nội'] },
  '01-VQHXD': { doc: 'hanoi', names: ['Viện Quy hoạch Xây dựng', 'Viện QHXD Hà Nội'] },
  '01-VNCPT': { doc: 'hanoi', names: ['Viện Nghiên cứu phát triển kinh tế - xã hội Hà Nội'] },
  '01-HLHPN': { doc: 'hanoi', names: ['Hội Liên hiệp Phụ nữ Thành phố'] },
  '01-STTTT': { doc: 'hanoi', names: ['Sở Thông tin và Truyền thông', 'Sở TT&TT'] },
  '01-SKHDT': { doc: 'hanoi', names: ['Sở Kế hoạch và Đầu tư', 'Sở KHĐT'] },
  '01-SGTVT': { doc: 'hanoi', names: ['Sở Giao thông vận tải'] },
  '01-STNMT': { doc: 'hanoi', names: ['Sở Tài nguyên và Môi trường'] },
  '01-SNNPTNT': { doc: 'hanoi', names: ['Sở Nông nghiệp và Phát triển nông thôn', 'Sở Nông nghiệp và PTNT'] },
  '01-SLDTBXH': {
    doc: 'hanoi',
    names: ['Sở Lao động, Thương binh và Xã hội', 'Sở Lao động Thương binh và Xã hội'],
  },
  '01-SNGV': { doc: 'hanoi', names: ['Sở Ngoại vụ'] },
  '01-BDT': { doc: 'hanoi', names: ['Ban Dân tộc'] },
  '01-BQLKCN': { doc: 'hanoi', names: ['Ban Quản lý các khu công nghiệp và chế xuất Hà Nội'] },
  '01-P-BQLHL': { doc: 'hanoi', names: ['Ban Quản lý Khu công nghệ cao Hòa Lạc'] },
  '01-P-MTTQ': {
    doc: 'hanoi',
    names: ['Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Hà Nội', 'UBMT Tổ quốc Việt Nam TP HN'],
  },
  '01-P-BTGDV': {
    doc: 'hanoi',
    names: ['Ban Tuyên giáo và Dân vận Thành ủy', 'Ban TG&DV Thành ủy', 'Ban Tuyên giáo Thành ủy'],
  },
  '01-P-VPTU': { doc: 'hanoi', names: ['Văn phòng Thành ủy'] },
  '01-P-CUCTHUE': { doc: 'hanoi', names: ['Cục Thuế Hà Nội', 'Cục Thuế thành phố Hà Nội'] },
  '01-P-THONGKE': { doc: 'hanoi', names: ['Cục Thống kê Hà Nội'] },
  '01-P-NHNN': {
    doc: 'hanoi',
    names: ['Ngân hàng Nhà nước Chi nhánh thành phố Hà Nội', 'Ngân hàng Nhà nước thành phố Hà Nội'],
  },
  '01-P-CVT': { doc: 'hanoi', names: ['Cục Viễn thông'] },
  '01-P-CKNDN': { doc: 'hanoi', names: ['Cục Khởi nghiệp và Doanh nghiệp công nghệ'] },
  '01-P-VINASA': { doc: 'hanoi', names: ['VINASA', 'Hiệp hội phần mềm và dịch vụ CNTT Việt Nam'] },
  '01-P-HTHVT': { doc: 'hanoi', names: ['Hội Tin học và Viễn thông Hà Nội'] },
  '01-P-CTN': { doc: 'hanoi', names: ['Cung Thanh niên Hà Nội'] },
  '01-P-CDCNC': { doc: 'hanoi', names: ['Trường Cao đẳng Công nghệ cao Hà Nội'] },
  '31-UBND': { doc: 'hai-an', names: ['Ủy ban nhân dân Thành phố'] },
  '31-SKHCN': { doc: 'hai-an', names: ['Sở Khoa học và Công nghệ'] },
  '11413-VHXH': { doc: 'hai-an', names: ['Phòng Văn hóa - Xã hội', 'Phòng Văn hóa -Xã hội'] },
  '11413-TTSNC': {
    doc: 'hai-an',
    names: ['Trung tâm Sự nghiệp công phường Hải An', 'TT Sự nghiệp công phường'],
  },
  '11413-TTPVHCC': { doc: 'hai-an', names: ['TT Phục vụ hành chính công phường'] },
  '11413-CA': { doc: 'hai-an', names: ['Công an phường Hải An', 'Công an phường'] },
  '11413-P-MTTQ': { doc: 'hai-an', names: ['Ủy ban Mặt trận Tổ quốc Việt Nam phường'] },
  '11413-P-VNPT': { doc: 'hai-an', names: ['VNPT Hải Phòng'] },
  '11413-P-VIETTEL': { doc: 'hai-an', names: ['Viettel Hải Phòng'] },
};

/** Units the plans only name collectively ("các doanh nghiệp viễn thông", "các cơ quan báo chí Thành phố"). */
const NOT_IN_DOCUMENTS = [
  '01-P-VNPT',
  '01-P-VIETTEL',
  '01-P-HNM',
  '01-P-KTDT',
  '01-P-PNTD',
  '01-P-LDTD',
  '01-P-TTTD',
  // The demo commune's own offices (the 2025 structure of a ward: Nghị định 150/2025/NĐ-CP), which its
  // officers assign in their implementing plans; city plans do not name a ward's offices.
  '00070-VP',
  '00070-KTHTDT',
  '00070-VHXH',
  '00070-TTPVHCC',
];

const textOf = (doc: 'hanoi' | 'hai-an') => (doc === 'hanoi' ? HANOI : HAI_AN);
const appearsExactly = (name: string, text: string) => exact(text).includes(exact(name));
const appearsFolded = (name: string, text: string) => foldVietnamese(text).includes(foldVietnamese(name));

describe('unit names against the seed documents', () => {
  it('has the four plans to compare with', () => {
    expect(HANOI).toContain('Số: 402 /KH-UBND');
    expect(HANOI).toContain('Số: 138/KH-UBND');
    expect(HANOI).toContain('Số: 272 /KH-UBND');
    expect(HAI_AN).toContain('Ủy ban nhân dân phường Hải An');
  });

  it('accounts for every hand-written unit: cited from the plans, or declared as not named in them', () => {
    const handWritten = demo.units.filter((u) => u.kind !== 'commune').map((u) => u.code);
    expect([...Object.keys(CITED), ...NOT_IN_DOCUMENTS].sort()).toEqual(handWritten.sort());
  });

  it.each(Object.entries(CITED))(
    '%s: every cited name is a name of the unit and appears in the plan, diacritics included',
    (code, { doc, names }) => {
      const u = byCode.get(code);
      const unitNames = u ? [u.shortName, u.officialName, ...u.aliases] : [];
      for (const name of names) {
        expect({ name, isUnitName: unitNames.includes(name) }).toEqual({ name, isUnitName: true });
        expect({
          name,
          folded: appearsFolded(name, textOf(doc)),
          exact: appearsExactly(name, textOf(doc)),
        }).toEqual({ name, folded: true, exact: true });
      }
    },
  );

  it('lists the documents’ forms among the aliases, so plan text resolves against them', () => {
    for (const [code, { names }] of Object.entries(CITED)) {
      const u = byCode.get(code);
      for (const name of names.filter((n) => n !== u?.officialName))
        expect({ code, name, alias: u?.aliases.includes(name) }).toEqual({ code, name, alias: true });
    }
  });

  it('puts the names of closed bodies among their successors’ aliases', () => {
    for (const s of demo.successions) {
      const pred = byCode.get(s.predecessorCode);
      const succ = byCode.get(s.successorCode);
      expect({ code: s.successorCode, has: succ?.aliases.includes(pred?.shortName ?? '') }).toEqual({
        code: s.successorCode,
        has: true,
      });
    }
  });

  it('would catch a misspelt name: a wrong diacritic passes folding but not the exact comparison', () => {
    expect(appearsFolded('Sở Khoa hoc và Công nghệ', HANOI)).toBe(true);
    expect(appearsExactly('Sở Khoa hoc và Công nghệ', HANOI)).toBe(false);
    expect(appearsExactly('Sở Khoa học và Công nghệ', HANOI)).toBe(true);
    expect(appearsFolded('Sở Khoa học và Cong nghê mới', HANOI)).toBe(false);
  });
});
