import type { BilingualMessage } from '@dieu-hanh/shared/contracts';
import { formatDmy, formatNumberVi } from '@dieu-hanh/web/shared/i18n';

/** "28/11/2026 17:05", on Vietnam's clock whatever the browser's zone. */
export function formatDmyTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false }).formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('day')}/${get('month')}/${get('year')} ${get('hour')}:${get('minute')}`;
}

/** "02/10/2025" (or "2/10/2025") → "2025-10-02"; null when it is not a real date. */
export function parseDmy(text: string): string | null {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (mo < 1 || mo > 12 || d < 1 || d > days) return null;
  return `${m[3]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A calendar date (yyyy-MM-dd) as a form shows it (dd/MM/yyyy); '' for none. */
export function dmyInput(date: string | null | undefined): string {
  return formatDmy(date ?? null);
}

/**
 * A number as typed in Vietnam: "12,5" (decimal comma), "1.234" or "1.234,5" (dot thousands), or "12.5".
 * Empty → null; anything else → NaN (the form says so).
 */
export function parseNumberVi(text: string | null | undefined): number | null {
  const s = (text ?? '').replace(/\s/g, '');
  if (!s) return null;
  let normal = s;
  if (s.includes(',')) normal = s.replace(/\./g, '').replace(',', '.');
  else if (/^-?\d{1,3}(\.\d{3})+$/.test(s)) normal = s.replace(/\./g, '');
  return /^-?\d+(\.\d+)?$/.test(normal) ? Number(normal) : Number.NaN;
}

/** A number as a form shows it back: "12,5"; '' for none. */
export function numberInput(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value).replace('.', ',');
}

/** A rate's value in percent from its numerator and denominator; null when it cannot be computed. */
export function ratePercent(numerator: number | null, denominator: number | null): number | null {
  if (numerator === null || denominator === null || !Number.isFinite(numerator) || !Number.isFinite(denominator) || denominator <= 0) return null;
  return (numerator / denominator) * 100;
}

/** A 0..1 ratio as "85%" or "85,7%". */
export function ratio(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return `${formatNumberVi(Math.round(value * 1000) / 10, 1)}%`;
}

/** A percent (0..100) as "85%" or "85,7%". */
export function percent(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return `${formatNumberVi(value, digits)}%`;
}

/** A bilingual message in the chosen language. */
export function say(lang: 'vi' | 'en', m: BilingualMessage | null | undefined): string {
  if (!m) return '';
  return lang === 'en' ? m.en : m.vi;
}
