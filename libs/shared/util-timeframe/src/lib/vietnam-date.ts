/** The time zone a calendar day is counted in: Vietnam's (UTC+7, no daylight saving). */
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const VIETNAM_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: VIETNAM_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * The calendar day (yyyy-MM-dd) an instant falls on in Vietnam: the one way "today" is computed, in the
 * API (through the injected Clock), the login server, the seeds and the browser. `toISOString().slice(0, 10)`
 * gives the UTC day, which is yesterday in Vietnam between 00:00 and 07:00: a plan issued or a merger
 * checked then would use the wrong date.
 */
export function vietnamDate(instant: Date): string {
  return VIETNAM_DAY.format(instant);
}
