/**
 * Folds Vietnamese text for search: lower case, no diacritics, đ → d, single spaces.
 * "Phường Hoàn Kiếm" and "phuong hoan kiem" fold to the same key, so search ignores diacritics
 * (a rule of the product, see DOMAIN.md).
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
