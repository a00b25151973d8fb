import { escapeLikePattern, foldVietnamese, foldVietnameseAligned } from './fold-vietnamese';

describe('foldVietnamese', () => {
  it.each([
    ['Phường Hoàn Kiếm', 'phuong hoan kiem'],
    ['PHƯỜNG HOÀN KIẾM', 'phuong hoan kiem'],
    ['Sở Khoa học và Công nghệ', 'so khoa hoc va cong nghe'],
    ['Đặc khu Côn Đảo', 'dac khu con dao'],
    ['  Xã   Đông Anh ', 'xa dong anh'],
    ['Thành phố Huế', 'thanh pho hue'],
  ])('%s → %s', (input, expected) => {
    expect(foldVietnamese(input)).toBe(expected);
  });

  it('folds precomposed and decomposed forms to the same key', () => {
    const precomposed = 'Kiếm'.normalize('NFC');
    const decomposed = 'Kiếm'.normalize('NFD');
    expect(foldVietnamese(precomposed)).toBe(foldVietnamese(decomposed));
  });
});

describe('escapeLikePattern', () => {
  it('escapes % _ and backslash', () => {
    expect(escapeLikePattern('50%_a\\b')).toBe('50\\%\\_a\\\\b');
  });
});

describe('foldVietnameseAligned', () => {
  it('folds like search does but keeps every index in place', () => {
    const text = 'Quý IV/2025 – Đồng Nai';
    const folded = foldVietnameseAligned(text);
    expect(folded).toBe('quy iv/2025 – dong nai');
    expect(folded.length).toBe(text.length);
    expect(text.slice(folded.indexOf('dong'))).toBe('Đồng Nai');
  });
});
