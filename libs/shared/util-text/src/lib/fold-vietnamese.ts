/**
 * Folds Vietnamese text for search: lower case, no diacritics, đ → d, single spaces.
 * "Phường Hoàn Kiếm" and "phuong hoan kiem" fold to the same key, so search ignores diacritics
 * (a rule of the product, see docs/domain.md, "Search").
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Escapes LIKE wildcards so user input is matched literally. */
export function escapeLikePattern(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Folds one UTF-16 code unit at a time (lower case, no diacritics, đ → d), keeping the length, so an
 * index found in the folded text points at the same place in the original: parsers match on the
 * folded text and cut labels out of the original spelling.
 */
export function foldVietnameseAligned(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += foldCodeUnit(text[i]);
  return out;
}

function foldCodeUnit(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code >= 0xd800 && code <= 0xdfff) return ch;
  if (ch === 'đ' || ch === 'Đ') return 'd';
  const base = ch.normalize('NFD')[0] ?? ch;
  const lower = base.toLowerCase();
  return lower.length === 1 ? lower : base.length === 1 ? base : ch;
}
