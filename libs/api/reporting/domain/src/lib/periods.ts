import { isIsoDate } from '@dieu-hanh/api/shared/kernel';
import type { PeriodKind } from '@dieu-hanh/shared/contracts';
import { daysInMonth } from '@dieu-hanh/shared/util-timeframe';
import { foldVietnamese } from '@dieu-hanh/shared/util-text';

/** The kinds that come round on the calendar; ad hoc periods (đột xuất) are opened by hand with their own dates. */
export type RegularPeriodKind = Exclude<PeriodKind, 'ad-hoc'>;
export const REGULAR_PERIOD_KINDS: readonly RegularPeriodKind[] = ['month', 'quarter', 'half-year', 'year'];

/** A reporting period (kỳ báo cáo) on Vietnam's calendar; dates are yyyy-MM-dd, both ends included. */
export interface Period {
  kind: RegularPeriodKind;
  /** "Tháng 11/2025", "Quý IV/2025", "6 tháng đầu năm 2025", "Năm 2025" */
  label: string;
  startDate: string;
  endDate: string;
  /** Stable and sortable within a kind: "2025-M11", "2025-Q4", "2025-H1", "2025"; one period per plan and key. */
  key: string;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const iso = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
const ROMAN = ['I', 'II', 'III', 'IV'];

/** Months firstMonth..lastMonth of year y as a period. */
function span(kind: RegularPeriodKind, y: number, firstMonth: number, lastMonth: number, label: string, key: string): Period {
  return { kind, label, startDate: iso(y, firstMonth, 1), endDate: iso(y, lastMonth, daysInMonth(y, lastMonth)), key };
}

/** The period of a kind that contains `reference` (yyyy-MM-dd). Throws RangeError on a date that does not exist. */
export function periodFor(kind: RegularPeriodKind, reference: string): Period {
  if (!isIsoDate(reference)) throw new RangeError(`Not a calendar date (yyyy-MM-dd): "${reference}"`);
  const y = Number(reference.slice(0, 4));
  const m = Number(reference.slice(5, 7));
  switch (kind) {
    case 'month':
      return span(kind, y, m, m, `Tháng ${m}/${y}`, `${y}-M${pad(m)}`);
    case 'quarter': {
      const q = Math.ceil(m / 3);
      return span(kind, y, q * 3 - 2, q * 3, `Quý ${ROMAN[q - 1]}/${y}`, `${y}-Q${q}`);
    }
    case 'half-year':
      return m <= 6 ? span(kind, y, 1, 6, `6 tháng đầu năm ${y}`, `${y}-H1`) : span(kind, y, 7, 12, `6 tháng cuối năm ${y}`, `${y}-H2`);
    case 'year':
      return span(kind, y, 1, 12, `Năm ${y}`, String(y));
  }
}

/** The period a key names ("2025-Q4" → Quý IV/2025), or null for anything else. */
export function periodFromKey(key: string): Period | null {
  const m = /^(\d{4})(?:-(?:M(0[1-9]|1[0-2])|Q([1-4])|H([12])))?$/.exec(key);
  if (!m) return null;
  const y = m[1];
  if (m[2]) return periodFor('month', `${y}-${m[2]}-01`);
  if (m[3]) return periodFor('quarter', `${y}-${pad(Number(m[3]) * 3)}-01`);
  if (m[4]) return periodFor('half-year', `${y}-${m[4] === '1' ? '01' : '07'}-01`);
  return periodFor('year', `${y}-01-01`);
}

// ---------------------------------------------------------------------------------------------
// Reporting duties (chế độ báo cáo) → regular kinds

/** One reporting duty of a plan as the seed and the editor hold it. */
export interface ReportingDuty {
  text: string;
  timeframe?: string | null;
}

/** A regular kind a plan's duties imply, with the due day or date the text gives, if any. */
export interface DutyKind {
  kind: RegularPeriodKind;
  /** "trước ngày 20 hằng tháng" → 20 (a day of the month; see {@link dueDateFor}). */
  dueDay?: number;
  /** "6 tháng (ngày 30/6/2025)" → "2025-06-30". */
  dueDate?: string;
  /** A date without a year, "trước ngày 15/12" → "12-15" (MM-dd). */
  dueMonthDay?: string;
}

/** Matched on folded text (lower case, no diacritics, đ → d), so "hằng"/"hàng"/"HANG" all read alike. */
const KIND_PATTERNS: Record<RegularPeriodKind, RegExp[]> = {
  month: [/\b(?:hang|moi) thang\b/, /(?<!\d )\bthang mot lan\b/, /\bbao cao thang\b/],
  // "quy" is also the fold of "quỹ" (fund) and the start of "quy định" (regulation): exclude what follows those
  quarter: [/\b(?:hang|moi|tung) quy\b(?! (?:dinh(?! ky)|che|hoach|mo|trinh|tac|uoc|dat|tien|doi))/, /\bquy mot lan\b/, /\b3 thang mot lan\b/],
  'half-year': [/\b(?:6|sau) thang\b/, /\bnua nam\b/],
  year: [/\bca nam\b/, /\b(?:hang|moi) nam\b/, /\bbao cao nam\b/, /\bnam mot lan\b/, /\btong ket nam\b/, /(?<!(?:6|sau) thang )\bcuoi nam\b/],
};

/** A day of the month tied to the kind's own words, so it can be attached even when a duty names several kinds. */
const DAY_PATTERNS: Partial<Record<RegularPeriodKind, RegExp[]>> = {
  month: [/\bngay (\d{1,2}) (?:cua )?(?:hang|moi) thang\b/, /\b(?:hang|moi) thang,? (?:vao |truoc |cham nhat )?ngay (\d{1,2})\b(?![/-])/],
  quarter: [/\bngay (\d{1,2}) (?:cua )?thang cuoi (?:cua )?(?:moi |hang |)quy\b/],
};

/** "ngày 30/6/2025", "trước 15/12", "ngày 30 tháng 6 năm 2025"; a bare "09/2019" (a decree's number) is not a date. */
const DATE_PATTERNS = [/\b(?:ngay|truoc|han|den) (\d{1,2})[/-](\d{1,2})(?:[/-](\d{4}))?\b/g, /\bngay (\d{1,2}) thang (\d{1,2})(?: nam (\d{4}))?\b/g];

type ExplicitDate = { dueDate: string } | { dueMonthDay: string };

function explicitDates(folded: string): ExplicitDate[] {
  const found: ExplicitDate[] = [];
  for (const re of DATE_PATTERNS) {
    for (const m of folded.matchAll(re)) {
      const [d, mo] = [Number(m[1]), Number(m[2])];
      if (mo < 1 || mo > 12 || d < 1) continue;
      if (m[3]) {
        const date = iso(Number(m[3]), mo, d);
        if (isIsoDate(date)) found.push({ dueDate: date });
      } else if (d <= daysInMonth(2024, mo)) {
        // a leap year, so "29/2" is kept; dueDateFor clamps it in other years
        found.push({ dueMonthDay: `${pad(mo)}-${pad(d)}` });
      }
    }
  }
  return found;
}

const minOf = <T extends string | number>(a: T | undefined, b: T | undefined): T | undefined => (a === undefined ? b : b === undefined ? a : a < b ? a : b);

/**
 * The regular period kinds a plan's reporting duties imply, one entry per kind in calendar order:
 * "Định kỳ hằng quý" → quarter; "6 tháng (ngày 30/6/2025)" → half-year due 2025-06-30;
 * "cả năm (ngày 30/12/2025)" → year due 2025-12-30; "trước ngày 20 hằng tháng" → month, due day 20.
 * "Định kỳ hoặc đột xuất" names no frequency and implies nothing (ad hoc periods are opened by hand).
 * A date is attached only when its duty implies a single kind (with two, which date is whose is a guess);
 * when duties disagree, the earliest due day or date is kept, the stricter reading.
 */
export function dutyKinds(duties: readonly ReportingDuty[]): DutyKind[] {
  const byKind = new Map<RegularPeriodKind, DutyKind>();
  const add = (entry: DutyKind) => {
    const had = byKind.get(entry.kind);
    const merged: DutyKind = { kind: entry.kind };
    const dueDay = minOf(had?.dueDay, entry.dueDay);
    const dueDate = minOf(had?.dueDate, entry.dueDate);
    const dueMonthDay = minOf(had?.dueMonthDay, entry.dueMonthDay);
    if (dueDay !== undefined) merged.dueDay = dueDay;
    if (dueDate !== undefined) merged.dueDate = dueDate;
    if (dueMonthDay !== undefined) merged.dueMonthDay = dueMonthDay;
    byKind.set(entry.kind, merged);
  };

  for (const duty of duties) {
    const timeframe = foldVietnamese(duty.timeframe ?? '');
    const text = foldVietnamese(duty.text ?? '');
    const both = `${timeframe} ; ${text}`;
    const kinds = REGULAR_PERIOD_KINDS.filter((k) => KIND_PATTERNS[k].some((re) => re.test(both)));
    // the timeframe is the structured field: its dates win over those in the prose
    const inTimeframe = explicitDates(timeframe);
    const dates = inTimeframe.length ? inTimeframe : explicitDates(text);
    for (const kind of kinds) {
      const entry: DutyKind = { kind };
      for (const re of DAY_PATTERNS[kind] ?? []) {
        const m = re.exec(both);
        const day = m ? Number(m[1]) : NaN;
        if (day >= 1 && day <= 31) entry.dueDay = minOf(entry.dueDay, day);
      }
      if (kinds.length === 1) {
        for (const date of dates) {
          if ('dueDate' in date) entry.dueDate = minOf(entry.dueDate, date.dueDate);
          else entry.dueMonthDay = minOf(entry.dueMonthDay, date.dueMonthDay);
        }
      }
      add(entry);
    }
  }
  return REGULAR_PERIOD_KINDS.filter((k) => byKind.has(k)).map((k) => byKind.get(k) as DutyKind);
}

// ---------------------------------------------------------------------------------------------
// Due dates

/** Last day of the month after the one `date` falls in: how far "right after the period" reaches. */
function endOfNextMonth(date: string): string {
  let y = Number(date.slice(0, 4));
  let m = Number(date.slice(5, 7)) + 1;
  if (m > 12) [y, m] = [y + 1, 1];
  return iso(y, m, daysInMonth(y, m));
}

/** Day `day` of month m of year y, clamped to the month's length ("ngày 31" in November is the 30th). */
const clampedDay = (y: number, m: number, day: number) => iso(y, m, Math.min(day, daysInMonth(y, m)));

/**
 * The due date (hạn nộp) of a period's reports:
 * 1. the duty's explicit date ("ngày 30/6/2025") when it falls in the period or right after it (by the end of
 *    the following month) — a date meant for another year's period does not move this one;
 * 2. the duty's day and month without a year ("15/12"), in the period's last year or the next (the later when
 *    both fit), on the same condition;
 * 3. the duty's day of the month ("trước ngày 20 hằng tháng"): day 15 or later is in the period's last month
 *    (the figures are closed mid-month, so the 20th reports on the month it is in); an earlier day ("ngày 5")
 *    is in the month after the period (it reports on the month just ended);
 * 4. otherwise the period's last day.
 * A duty of another kind is ignored.
 */
export function dueDateFor(period: Period, duty?: DutyKind | null): string {
  if (!duty || duty.kind !== period.kind) return period.endDate;
  const latest = endOfNextMonth(period.endDate);
  const fits = (date: string) => date >= period.startDate && date <= latest;

  if (duty.dueDate && isIsoDate(duty.dueDate) && fits(duty.dueDate)) return duty.dueDate;
  if (duty.dueMonthDay) {
    const [m, d] = duty.dueMonthDay.split('-').map(Number);
    const endYear = Number(period.endDate.slice(0, 4));
    // the later of the two when both fit: "10/1" for the year 2025 is 10 January 2026, not the period's 10th day
    const date = [endYear + 1, endYear].map((y) => clampedDay(y, m, d)).find(fits);
    if (date) return date;
  }
  if (duty.dueDay) {
    const y = Number(period.endDate.slice(0, 4));
    const m = Number(period.endDate.slice(5, 7));
    if (duty.dueDay >= 15) return clampedDay(y, m, duty.dueDay);
    return m === 12 ? clampedDay(y + 1, 1, duty.dueDay) : clampedDay(y, m + 1, duty.dueDay);
  }
  return period.endDate;
}

/** A period a scheduled job should have open, with its due date. */
export interface ScheduledPeriod extends Period {
  dueDate: string;
}

/**
 * The current period of each regular kind (the one containing `today`, so its start ≤ today): what a daily
 * job opens when it is not open yet. Accepts bare kinds or the duties from {@link dutyKinds}, whose due
 * days and dates set the due date; `ad-hoc` is skipped. One period per kind, in calendar order.
 */
export function periodsDue(kinds: readonly (PeriodKind | DutyKind)[], today: string): ScheduledPeriod[] {
  const duties = new Map<RegularPeriodKind, DutyKind>();
  for (const k of kinds) {
    const duty: DutyKind | { kind: 'ad-hoc' } = typeof k === 'string' ? { kind: k } : k;
    if (duty.kind === 'ad-hoc') continue;
    // a duty with due information wins over a bare kind
    if (!duties.has(duty.kind) || Object.keys(duty).length > 1) duties.set(duty.kind, duty as DutyKind);
  }
  return REGULAR_PERIOD_KINDS.filter((k) => duties.has(k)).map((k) => {
    const period = periodFor(k, today);
    return { ...period, dueDate: dueDateFor(period, duties.get(k)) };
  });
}
