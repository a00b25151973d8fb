import { parseIndicatorTarget } from '@dieu-hanh/shared/util-indicator-target';
import { indicatorKind } from './indicator-kind';

const kindOf = (name: string, target: string | null) => indicatorKind(name, target === null ? null : parseIndicatorTarget(target));

describe('indicatorKind', () => {
  it.each([
    ['Nằm trong nhóm các tỉnh, thành phố dẫn đầu cả nước về tỷ lệ người dân', 'Tốp 5', 'rank'],
    ['Nằm trong nhóm các tỉnh, thành phố dẫn đầu cả nước', 'Duy trì tốp 5', 'rank'],
    ['Tỷ trọng kinh tế số trong GRDP của thành phố Hà Nội', 'Khoảng 30%', 'rate'],
    ['Năng suất lao động hàng năm tăng', '7% - 7,5%', 'rate'],
    ['Tỷ lệ dân số trưởng thành có điện thoại thông minh', '> 85%', 'rate'],
    ['Tỷ lệ hồ sơ công việc tại các Sở, ban, ngành', '- Các sở, ban, ngành: 100%; - Cấp huyện: 100%; Cấp xã: 80%', 'rate'],
    ['Các cuộc họp cắt giảm thời gian họp', 'TP: 70% H: 60% X: 50%', 'rate'],
    ['- Tỷ lệ báo cáo định kỳ của các cơ quan hành chính', '100% 100%', 'rate'],
    ['Số doanh nghiệp công nghệ số', '500 doanh nghiệp', 'value'],
    ['Số doanh nghiệp công nghệ số', null, 'value'],
  ] as const)('%s — %s → %s', (name, target, kind) => {
    expect(kindOf(name, target)).toBe(kind);
  });

  it('reads "Tỷ lệ" in the name without diacritics, in either spelling, when the target says nothing', () => {
    expect(kindOf('TY LE hoc sinh duoc trang bi ky nang so', 'Hoàn thành')).toBe('rate');
    expect(kindOf('Tỉ lệ người dân có chữ ký số', null)).toBe('rate');
    expect(kindOf('1. Tỷ lệ xã có điểm phục vụ', null)).toBe('rate');
    // "tỷ lệ" in the middle of the name is not a rate of units reporting
    expect(kindOf('Số xã đạt tỷ lệ phủ sóng 5G', '50 xã')).toBe('value');
  });

  it('multi-part targets: rank only when every part is a rank', () => {
    expect(kindOf('Xếp hạng', 'Chỉ số DTI: tốp 5; Chỉ số PCI: tốp 10')).toBe('rank');
    expect(kindOf('Số người', 'Thành phố: 500 người; Cấp xã: 20 người')).toBe('value');
  });
});
