/** A Vietnamese/English dictionary of the feature's texts; English falls back to Vietnamese, then to the key. */
export type TextDictionary = { vi: Record<string, string>; en: Record<string, string> };

/** A number as the language writes it: "13.360" and "2,4" in Vietnamese, "13,360" and "2.4" in English (one decimal at most). */
function numberText(n: number, lang: 'vi' | 'en'): string {
  return new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 }).format(n);
}

/** The text for `key` in `lang`, with `{name}` placeholders filled from `params` (numbers in the language's format). */
export function lookupText(dict: TextDictionary, lang: 'vi' | 'en', key: string, params: Record<string, string | number> = {}): string {
  const text = dict[lang][key] ?? dict.vi[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, p: string) => {
    const v = params[p];
    if (v === undefined || v === null) return `{${p}}`;
    return typeof v === 'number' && Number.isFinite(v) ? numberText(v, lang) : String(v);
  });
}
