import type { DirectoryImportData } from '@dieu-hanh/api/organization/application';
import type { UnitKind } from '@dieu-hanh/shared/util-seed-directory';

/** A small directory for in-process API tests: two provinces, two Hà Nội communes, one merger. */
export const FIXTURE_DIRECTORY: DirectoryImportData = {
  provinces: [
    { code: '01', name: 'Thành phố Hà Nội', realm: 'ha-noi' },
    { code: '31', name: 'Thành phố Hải Phòng', realm: 'hai-phong' },
  ],
  units: [
    u('01-UBND', 'Ủy ban nhân dân thành phố Hà Nội', 'UBND Thành phố', 'people-committee', 1, null, '01'),
    u('01-VPUBND', 'Văn phòng Ủy ban nhân dân thành phố Hà Nội', 'Văn phòng UBND Thành phố', 'department', 1, '01-UBND', '01'),
    u('01-SKHCN', 'Sở Khoa học và Công nghệ thành phố Hà Nội', 'Sở Khoa học và Công nghệ', 'department', 1, '01-UBND', '01', ['Sở KH&CN']),
    { ...u('01-STTTT', 'Sở Thông tin và Truyền thông thành phố Hà Nội', 'Sở Thông tin và Truyền thông', 'department', 1, '01-UBND', '01', ['Sở TT&TT']), validFrom: '2008-08-01', validTo: '2025-02-28' },
    u('01-SGDDT', 'Sở Giáo dục và Đào tạo thành phố Hà Nội', 'Sở Giáo dục và Đào tạo', 'department', 1, '01-UBND', '01'),
    u('00070', 'Ủy ban nhân dân phường Hoàn Kiếm', 'Phường Hoàn Kiếm', 'commune', 2, '01-UBND', '01'),
    u('00004', 'Ủy ban nhân dân phường Ba Đình', 'Phường Ba Đình', 'commune', 2, '01-UBND', '01'),
    u('00070-VHXH', 'Phòng Văn hóa - Xã hội phường Hoàn Kiếm', 'Phòng Văn hóa - Xã hội', 'commune-office', 2, '00070', '01'),
    u('31-UBND', 'Ủy ban nhân dân thành phố Hải Phòng', 'UBND thành phố Hải Phòng', 'people-committee', 1, null, '31'),
    u('11413', 'Ủy ban nhân dân phường Hải An', 'Phường Hải An', 'commune', 2, '31-UBND', '31'),
  ],
  groups: [
    { code: '01-G-SO-BAN-NGANH', name: 'Các Sở, ban, ngành', provinceCode: '01', memberCodes: ['01-SKHCN', '01-SGDDT', '01-VPUBND'] },
    { code: '01-G-XA-PHUONG', name: 'UBND các xã, phường', provinceCode: '01', memberCodes: ['00070', '00004'] },
  ],
  successions: [{ predecessorCode: '01-STTTT', successorCode: '01-SKHCN', kind: 'merged-into', effectiveDate: '2025-03-01' }],
};

function u(
  code: string,
  officialName: string,
  shortName: string,
  kind: UnitKind,
  tier: 1 | 2,
  parentCode: string | null,
  provinceCode: string,
  aliases: string[] = [],
) {
  return { code, officialName, shortName, kind, tier, parentCode, provinceCode, validFrom: '2025-07-01', validTo: null, aliases };
}
