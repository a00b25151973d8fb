import { vietnamDate } from '@dieu-hanh/shared/util-timeframe';

/**
 * dd/MM/yyyy, as Vietnamese documents write dates. A calendar date (yyyy-MM-dd) is shown as it is; an
 * instant (a Date, or an ISO timestamp such as a notification's) is shown on the day it falls on in
 * Vietnam, whatever the browser's own zone: 20:00 UTC on 30/06 is 01/07 in Hà Nội.
 */
export function formatDmy(value: string | Date | null | undefined): string {
  if (!value) return '';
  if (typeof value === 'string') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (m) return `${m[3]}/${m[2]}/${m[1]}`;
    value = new Date(value);
  }
  if (Number.isNaN(value.getTime())) return '';
  const [y, mm, dd] = vietnamDate(value).split('-');
  return `${dd}/${mm}/${y}`;
}

/** Vietnamese number format: 1.234,5 */
export function formatNumberVi(value: number, fractionDigits = 0): string {
  return new Intl.NumberFormat('vi-VN', { maximumFractionDigits: fractionDigits }).format(value);
}
