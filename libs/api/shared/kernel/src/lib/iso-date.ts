const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written yyyy-MM-dd (rejects 2025-02-30). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** The time zone a calendar day is counted in: Vietnam's (UTC+7, no daylight saving). */
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const VIETNAM_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: VIETNAM_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * The calendar day (yyyy-MM-dd) an instant falls on in Vietnam. `toISOString().slice(0, 10)` gives the UTC
 * day, which is yesterday in Vietnam between 00:00 and 07:00: a plan issued or a merger checked then would
 * use the wrong date.
 */
export function vietnamDate(instant: Date): string {
  return VIETNAM_DAY.format(instant);
}
