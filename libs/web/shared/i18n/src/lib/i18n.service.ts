import { Injectable, signal } from '@angular/core';
import { type Lang, MESSAGES, type MessageKey } from './messages';

const STORAGE_KEY = 'dh.lang';

/** Vietnamese by default; English on a toggle, remembered per browser. */
@Injectable({ providedIn: 'root' })
export class I18nService {
  readonly lang = signal<Lang>(readStoredLang());

  setLang(lang: Lang): void {
    this.lang.set(lang);
    try {
      localStorage.setItem(STORAGE_KEY, lang);
    } catch {
      /* private mode */
    }
    document.documentElement.lang = lang;
  }

  toggle(): void {
    this.setLang(this.lang() === 'vi' ? 'en' : 'vi');
  }

  t(key: MessageKey | string, params: Record<string, string | number> = {}): string {
    const dict = MESSAGES[this.lang()] as Record<string, string>;
    const text = dict[key] ?? (MESSAGES.vi as Record<string, string>)[key] ?? key;
    return text.replace(/\{(\w+)\}/g, (_, p: string) => String(params[p] ?? `{${p}}`));
  }
}

function readStoredLang(): Lang {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return v === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}
