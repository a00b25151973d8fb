import { foldVietnamese } from '@dieu-hanh/shared/util-text';

/** The folded text that unit search matches against: code, names and aliases, diacritics removed. */
export function unitSearchText(u: { code: string; officialName: string; shortName: string; aliases: string[] }): string {
  return foldVietnamese([u.code, u.shortName, u.officialName, ...u.aliases].join(' | '));
}
