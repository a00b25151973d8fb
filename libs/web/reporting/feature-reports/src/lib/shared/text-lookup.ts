/** A Vietnamese/English dictionary of the feature's texts; English falls back to Vietnamese, then to the key. */
export type TextDictionary = { vi: Record<string, string>; en: Record<string, string> };

/** The text for `key` in `lang`, with `{name}` placeholders filled from `params`. */
export function lookupText(dict: TextDictionary, lang: 'vi' | 'en', key: string, params: Record<string, string | number> = {}): string {
  const text = dict[lang][key] ?? dict.vi[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, p: string) => String(params[p] ?? `{${p}}`));
}
