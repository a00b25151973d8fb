/** dd/MM/yyyy for an ISO date (yyyy-MM-dd) or a Date, as Vietnamese documents write dates. */
export function formatDmy(value: string | Date | null | undefined): string {
  if (!value) return '';
  if (typeof value === 'string') {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
    if (m) return `${m[3]}/${m[2]}/${m[1]}`;
    value = new Date(value);
  }
  if (Number.isNaN(value.getTime())) return '';
  const dd = String(value.getDate()).padStart(2, '0');
  const mm = String(value.getMonth() + 1).padStart(2, '0');
  return `${dd}/${mm}/${value.getFullYear()}`;
}

/** Vietnamese number format: 1.234,5 */
export function formatNumberVi(value: number, fractionDigits = 0): string {
  return new Intl.NumberFormat('vi-VN', { maximumFractionDigits: fractionDigits }).format(value);
}
