/**
 * Normalizes the loose timeframes written in Vietnamese plans ("Quý IV/2025", "Trong tháng 10/2025",
 * "Thường xuyên", "Định kỳ Ngày thứ Sáu tuần thứ 4 hằng tháng", "Theo hướng dẫn của Bộ Công an", …).
 * Pure TypeScript: no framework, no Node module, no Date-with-timezone arithmetic (ISO strings only).
 *
 * Anything that is not understood with certainty becomes `unknown`, keeps the text verbatim and
 * carries a reason for the human who has to look at it: a deadline is never guessed.
 */

import { foldVietnameseAligned } from '@dieu-hanh/shared/util-text';

export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;
export type WeekOfMonth = 1 | 2 | 3 | 4 | -1;

export type RecurrenceRule =
  | { freq: 'monthly'; weekday: Weekday; nth: WeekOfMonth }
  | { freq: 'monthly'; day: number }
  | { freq: 'quarterly' }
  | { freq: 'half-yearly' }
  | { freq: 'yearly'; month?: number; day?: number };

export type Timeframe =
  | { kind: 'range'; start: string | null; due: string; text: string }
  | { kind: 'ongoing'; start: string | null; due: string | null; text: string }
  | { kind: 'recurring'; rule: RecurrenceRule; start: string | null; due: string | null; text: string }
  | { kind: 'done'; text: string }
  | { kind: 'external'; dependsOn: string; text: string }
  | { kind: 'unknown'; text: string; reason: string };

export interface TimeframeContext {
  /** Year of the plan; used when a date or month is written without a year ("05/10 - 31/10"). */
  planYear: number;
}

// ---------------------------------------------------------------------------------------------
// Calendar helpers (pure, on numbers; no Date object so no timezone can leak in)

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

const iso = (y: number, m: number, d: number): string => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
const monthStart = (y: number, m: number): string => iso(y, m, 1);
const monthEnd = (y: number, m: number): string => iso(y, m, daysInMonth(y, m));

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isValidIso(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** "2025-10-05" → "05/10/2025". */
export function formatDateVi(isoDate: string): string {
  const m = ISO_DATE.exec(isoDate);
  if (!m) return isoDate;
  return `${m[3]}/${m[2]}/${m[1]}`;
}

// ---------------------------------------------------------------------------------------------
// Text normalization

const fold = foldVietnameseAligned;

/** Unicode-normalized, single-spaced, ASCII dashes, no trailing punctuation; case and accents kept. */
function clean(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g, '-')
    .replace(/[\s\u00A0\u200B\u2000-\u200A\u202F\u205F\u3000]+/g, ' ')
    .trim()
    .replace(/^[-+*•]\s+/, '')
    .replace(/[\s.;,:]+$/, '')
    .trim();
}

// ---------------------------------------------------------------------------------------------
// Periods: the building blocks ("quý IV/2025", "tháng 10", "05/10", "năm 2025", …)

interface Period {
  start: string;
  end: string;
  /** A single calendar day (a deadline when it stands alone). */
  isDate: boolean;
  /** The year was written (false when it came from the plan year or the other end of a range). */
  explicitYear: boolean;
  unit: 'date' | 'month' | 'quarter' | 'half' | 'year';
}

type PeriodResult = Period | { error: string } | null;
const isError = (r: PeriodResult): r is { error: string } => r !== null && 'error' in r;

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

function yearOf(written: string | undefined, hint: number): { year: number; explicit: boolean } {
  return written ? { year: Number(written), explicit: true } : { year: hint, explicit: false };
}

function makeDate(d: number, m: number, y: number, explicit: boolean, written: string): PeriodResult {
  if (m < 1 || m > 12) return { error: `impossible date "${written}": month ${m}` };
  if (d < 1 || d > daysInMonth(y, m)) return { error: `impossible date "${written}": ${pad(m)}/${y} has ${daysInMonth(y, m)} days` };
  const day = iso(y, m, d);
  return { start: day, end: day, isDate: true, explicitYear: explicit, unit: 'date' };
}

/** Parses one whole period, `s` already folded and normalized. `yearHint` replaces a missing year. */
function parsePeriod(s: string, yearHint: number): PeriodResult {
  let m: RegExpExecArray | null;

  // Quarter: "quy iv/2025", "quy iv nam 2025", "quy 3 nam 2025", "quy ii" (plan year)
  if ((m = /^qu[yi] ([a-z0-9]+)(?:(?: nam |\/|-| )(\d{4}))?$/.exec(s))) {
    const q = ROMAN[m[1]];
    if (!q) return { error: `no quarter "${m[1]}" (quarters are I–IV)` };
    const { year, explicit } = yearOf(m[2], yearHint);
    return { start: monthStart(year, q * 3 - 2), end: monthEnd(year, q * 3), isDate: false, explicitYear: explicit, unit: 'quarter' };
  }
  // Half year: "6 thang dau nam 2025", "6 thang cuoi nam", "nua dau nam 2025"
  if ((m = /^(?:(?:6|sau) thang|nua) (dau|cuoi) nam(?: (\d{4}))?$/.exec(s))) {
    const { year, explicit } = yearOf(m[2], yearHint);
    const first = m[1] === 'dau';
    return {
      start: first ? monthStart(year, 1) : monthStart(year, 7),
      end: first ? monthEnd(year, 6) : monthEnd(year, 12),
      isDate: false,
      explicitYear: explicit,
      unit: 'half',
    };
  }
  // Month: "thang 10/2025", "thang 10 nam 2025", "thang 10", "10/2025"
  if ((m = /^thang (\d{1,2})(?:(?: nam |\/|-| )(\d{4}))?$/.exec(s)) || (m = /^(\d{1,2})\/(\d{4})()$/.exec(s))) {
    const mo = Number(m[1]);
    if (mo < 1 || mo > 12) return { error: `no month ${m[1]}` };
    const { year, explicit } = yearOf(m[2] || undefined, yearHint);
    return { start: monthStart(year, mo), end: monthEnd(year, mo), isDate: false, explicitYear: explicit, unit: 'month' };
  }
  // Year: "nam 2025", "2025"
  if ((m = /^(?:nam )?(\d{4})$/.exec(s))) {
    const y = Number(m[1]);
    return { start: iso(y, 1, 1), end: iso(y, 12, 31), isDate: false, explicitYear: true, unit: 'year' };
  }
  // Date: "31/12/2025", "ngay 30/6/2025", "05/10" (plan year), "30.6.2025"
  if ((m = /^(?:ngay )?(\d{1,2})([/.])(\d{1,2})(?:\2(\d{4}))?$/.exec(s))) {
    const { year, explicit } = yearOf(m[4], yearHint);
    return makeDate(Number(m[1]), Number(m[3]), year, explicit, m[0].replace(/^ngay /, ''));
  }
  // Date in words: "ngay 30 thang 6 nam 2025", "ngay 30 thang 6"
  if ((m = /^(?:ngay )?(\d{1,2}) thang (\d{1,2})(?: nam (\d{4}))?$/.exec(s))) {
    const { year, explicit } = yearOf(m[3], yearHint);
    return makeDate(Number(m[1]), Number(m[2]), year, explicit, s);
  }
  // ISO date
  if ((m = ISO_DATE.exec(s))) {
    return makeDate(Number(m[3]), Number(m[2]), Number(m[1]), true, s);
  }
  return null;
}

/** "A-B" where A and B are periods: start of A to end of B. A inherits B's year when it has none. */
function parseRange(s: string, planYear: number): { start: string; due: string } | { error: string } | null {
  let firstError: { error: string } | null = null;
  for (let i = s.indexOf('-'); i > 0; i = s.indexOf('-', i + 1)) {
    const left = s.slice(0, i).trim();
    const right = s.slice(i + 1).trim();
    if (!left || !right) continue;
    let b = parsePeriod(right, planYear);
    if (b === null) {
      // "quy iii-iv/2025", "thang 10-12 nam 2025": the right side omits the unit word.
      const unit = /^(qu[yi]|thang) /.exec(left);
      if (unit) b = parsePeriod(`${unit[1]} ${right}`, planYear);
    }
    if (b === null) continue;
    if (isError(b)) {
      firstError ??= b;
      continue;
    }
    const hint = Number(b.start.slice(0, 4));
    let a = parsePeriod(left, hint);
    if (a === null) continue;
    if (isError(a)) {
      firstError ??= a;
      continue;
    }
    if (!a.explicitYear && a.start > b.end && Number(a.start.slice(5, 7)) >= 10 && Number(b.end.slice(5, 7)) <= 3) {
      // "15/12 - 15/01/2026": crossing the new year, the start is in the previous year. Anything else
      // written backwards ("31/10 - 05/10/2025") is more likely a typo and stays unknown.
      const prev = parsePeriod(left, hint - 1);
      if (prev && !isError(prev)) a = prev;
    }
    if (a.start > b.end) return { error: `start ${formatDateVi(a.start)} is after due ${formatDateVi(b.end)}` };
    return { start: a.start, due: b.end };
  }
  return firstError;
}

interface Bounds {
  start: string | null;
  due: string | null;
}

/** Optional bounds after "Thường xuyên" or a recurrence: "", "trong quy iv/2025", "tu thang 6/2025", "01/01/2025-31/12/2025", "truoc ngay 31/12/2025". */
function parseBounds(raw: string, planYear: number): Bounds | { error: string } | null {
  const s = raw.replace(/^[\s,;:]+/, '').replace(/^(?:trong|thuc hien trong) /, '').trim();
  if (s === '') return { start: null, due: null };
  let m: RegExpExecArray | null;
  if ((m = /^(?:tu|bat dau tu) (?:ngay )?(.+)$/.exec(s))) {
    const r = parseRange(m[1], planYear);
    if (r && !('error' in r)) return r;
    const p = parsePeriod(m[1], planYear);
    if (p === null) return r;
    if (isError(p)) return p;
    return { start: p.start, due: null };
  }
  if ((m = /^(?:truoc|cham nhat|den het|den) (?:ngay )?(.+)$/.exec(s))) {
    const p = parsePeriod(m[1], planYear);
    if (p === null || isError(p)) return p;
    if (!p.isDate && m[0].startsWith('truoc')) return { error: 'ambiguous "trước" a period (before its start or by its end?)' };
    return { start: null, due: p.end };
  }
  const p = parsePeriod(s, planYear);
  if (p !== null) return isError(p) ? p : { start: p.start, due: p.end };
  return parseRange(s, planYear);
}

// ---------------------------------------------------------------------------------------------
// Recurrences

const WEEKDAY_WORD: Record<string, Weekday> = {
  hai: 1, '2': 1, ba: 2, '3': 2, tu: 3, '4': 3, nam: 4, '5': 4, sau: 5, '6': 5, bay: 6, '7': 6, 'chu nhat': 7, cn: 7,
};
const NTH_WORD: Record<string, WeekOfMonth> = {
  nhat: 1, mot: 1, '1': 1, hai: 2, '2': 2, ba: 3, '3': 3, tu: 4, '4': 4, cuoi: -1, 'cuoi cung': -1,
};

const WEEKDAY = '(?:thu (hai|ba|tu|nam|sau|bay|[2-7])|(chu nhat|cn))';
const NTH = '(nhat|mot|hai|ba|tu|[1-4]|cuoi(?: cung)?)';
const EVERY = '(?:hang|moi)';

interface RecurrenceMatch {
  rule: RecurrenceRule;
  rest: string;
}

function weekdayOf(m: RegExpExecArray, i: number): Weekday {
  return WEEKDAY_WORD[m[i] ?? m[i + 1]];
}

function matchRecurrence(s0: string): RecurrenceMatch | { error: string } | null {
  const dinhKy = /^dinh ky /.test(s0);
  const s = s0.replace(/^dinh ky /, '').replace(/^vao /, '');
  let m: RegExpExecArray | null;
  const rest = (mm: RegExpExecArray) => s.slice(mm[0].length);

  // "ngay thu sau tuan thu 4 hang thang"
  if ((m = new RegExp(`^(?:ngay )?${WEEKDAY} (?:cua )?tuan (?:thu )?${NTH} (?:cua )?${EVERY} thang`).exec(s))) {
    return { rule: { freq: 'monthly', weekday: weekdayOf(m, 1), nth: NTH_WORD[m[3]] }, rest: rest(m) };
  }
  // "hang thang, thu sau tuan thu 4" (the normalized form this library prints)
  if ((m = new RegExp(`^${EVERY} thang,? (?:vao )?(?:ngay )?${WEEKDAY} (?:cua )?tuan (?:thu )?${NTH}`).exec(s))) {
    return { rule: { freq: 'monthly', weekday: weekdayOf(m, 1), nth: NTH_WORD[m[3]] }, rest: rest(m) };
  }
  // "ngay 25 hang thang", "hang thang, ngay 25"
  if ((m = new RegExp(`^ngay (\\d{1,2}) ${EVERY} thang`).exec(s)) || (m = new RegExp(`^${EVERY} thang,? (?:vao )?ngay (\\d{1,2})(?![\\d/])`).exec(s))) {
    const day = Number(m[1]);
    if (day < 1 || day > 31) return { error: `no day ${m[1]} in a month` };
    return { rule: { freq: 'monthly', day }, rest: rest(m) };
  }
  // "hang quy", "dinh ky hang quy", "moi quy"
  if ((m = new RegExp(`^${EVERY} qu[yi](?![a-z])`).exec(s))) {
    return { rule: { freq: 'quarterly' }, rest: rest(m) };
  }
  // "6 thang mot lan", "hang nua nam", "dinh ky 6 thang"
  if (
    (m = /^(?:6|sau) thang (?:mot |1 |\/ ?)?lan/.exec(s)) ||
    (m = new RegExp(`^${EVERY} (?:nua nam|(?:6|sau) thang)`).exec(s)) ||
    (dinhKy && (m = /^(?:6|sau) thang(?! (?:dau|cuoi))/.exec(s)))
  ) {
    return { rule: { freq: 'half-yearly' }, rest: rest(m) };
  }
  // "ngay 10/10 hang nam"
  if ((m = new RegExp(`^ngay (\\d{1,2})/(\\d{1,2}) ${EVERY} nam`).exec(s))) {
    const [day, month] = [Number(m[1]), Number(m[2])];
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(2024, month)) return { error: `impossible yearly date ${m[1]}/${m[2]}` };
    return { rule: { freq: 'yearly', month, day }, rest: rest(m) };
  }
  // "ngay 10 thang 10 hang nam"
  if ((m = new RegExp(`^ngay (\\d{1,2}) thang (\\d{1,2}) ${EVERY} nam`).exec(s))) {
    const [day, month] = [Number(m[1]), Number(m[2])];
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(2024, month)) return { error: `impossible yearly date ${m[1]}/${m[2]}` };
    return { rule: { freq: 'yearly', month, day }, rest: rest(m) };
  }
  // "thang 10 hang nam"
  if ((m = new RegExp(`^thang (\\d{1,2}) ${EVERY} nam`).exec(s))) {
    const month = Number(m[1]);
    if (month < 1 || month > 12) return { error: `no month ${m[1]}` };
    return { rule: { freq: 'yearly', month }, rest: rest(m) };
  }
  // "dinh ky hang nam" (plain "Hằng năm" is ongoing work, see below)
  if (dinhKy && (m = new RegExp(`^${EVERY} nam(?! \\d)`).exec(s))) {
    return { rule: { freq: 'yearly' }, rest: rest(m) };
  }
  if (new RegExp(`^${EVERY} (?:thang|tuan|ngay)(?![a-z])`).test(s)) {
    return { error: 'recurrence without a day that the model can express (monthly needs a day or a weekday)' };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// The parser

const unknown = (text: string, reason: string): Timeframe => ({ kind: 'unknown', text, reason });

export function parseTimeframe(text: string, context: TimeframeContext): Timeframe {
  try {
    return parse(String(text ?? ''), context.planYear);
  } catch (e) {
    return unknown(String(text ?? ''), `parser failure: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function parse(text: string, planYear: number): Timeframe {
  let c = clean(text);
  // A label copied with the cell: "Thời gian thực hiện: Quý IV/2025"
  const label = /^(?:thoi gian(?: thuc hien| hoan thanh)?|tien do(?: thuc hien)?|han hoan thanh)\s*:\s*/.exec(fold(c));
  if (label) c = c.slice(label[0].length);
  const f = fold(c);
  if (f === '') return unknown(text, 'empty cell (no timeframe written)');

  // Already done
  if (/^da (?:trien khai|hoan thanh|thuc hien|to chuc|xong)(?![a-z])/.test(f)) return { kind: 'done', text };

  // Depends on an outside body: "Theo hướng dẫn của Bộ Công an", "Theo lộ trình của Trung ương"
  const ext = /^theo (?:huong dan|lo trinh|ke hoach|chi dao|yeu cau|quy dinh|tien do|van ban|huong dan va lo trinh)(?: cua)? (\S.*)$/.exec(f);
  const bare = /^theo ((?:bo|so|ubnd|uy ban|trung uong|chinh phu|thu tuong|thanh uy|cuc|tong cuc|ban chi dao)(?![a-z]).*)$/.exec(f);
  const dep = ext ?? bare;
  if (dep) {
    const at = dep[0].length - dep[1].length;
    return { kind: 'external', dependsOn: c.slice(at).trim(), text };
  }

  // Compact form for periods and ranges
  const g = f
    .replace(/(?<=[a-z0-9/])\s+den\s+(?:het\s+)?(?:ngay\s+)?/g, '-')
    .replace(/\s*-\s*/g, '-')
    .replace(/\s*\/\s*/g, '/')
    .replace(/\s*,\s*/g, ', ');

  const recurrence = matchRecurrence(g);
  if (recurrence) {
    if ('error' in recurrence) return unknown(text, recurrence.error);
    const b = parseBounds(recurrence.rest, planYear);
    if (b && !('error' in b)) return { kind: 'recurring', rule: recurrence.rule, start: b.start, due: b.due, text };
    // A trailing clause after a comma (a place, an audience) does not change the rule.
    if (/^[,;:]/.test(recurrence.rest.trim())) return { kind: 'recurring', rule: recurrence.rule, start: null, due: null, text };
    return unknown(text, b ? b.error : `recurrence followed by an unrecognised qualifier "${recurrence.rest.trim()}"`);
  }

  // Ongoing work
  const ongoing = /^(thuong xuyen(?:,? lien tuc)?|lien tuc|(?:trong )?ca nam|quanh nam|hang nam)(?=$|[\s,;:])/.exec(g);
  if (ongoing) {
    const rest = g.slice(ongoing[0].length);
    const b = parseBounds(rest, planYear);
    if (b === null || 'error' in b) return unknown(text, b ? b.error : `ongoing work with an unrecognised qualifier "${rest.trim()}"`);
    if (/ca nam$/.test(ongoing[1]) && b.start === null && b.due === null) {
      return { kind: 'ongoing', start: iso(planYear, 1, 1), due: iso(planYear, 12, 31), text };
    }
    return { kind: 'ongoing', start: b.start, due: b.due, text };
  }

  // Deadline only: "Trước ngày 15/11/2025", "trước 15/11", "Chậm nhất ngày 30/6/2025"
  let m = /^(?:hoan thanh )?(truoc|cham nhat(?: (?:trong|vao))?|han(?: chot)?|den het|den) (?:ngay )?(.+)$/.exec(g);
  if (m) {
    const p = parsePeriod(m[2], planYear);
    if (p === null) return unknown(text, `deadline "${m[2]}" not recognised`);
    if (isError(p)) return unknown(text, p.error);
    if (!p.isDate && m[1] === 'truoc') return unknown(text, 'ambiguous "trước" a period (before its start or by its end?)');
    return { kind: 'range', start: null, due: p.end, text };
  }

  // Open-ended start: "Từ tháng 6/2025"; or "Từ 05/10 đến 31/10"
  if ((m = /^(?:bat dau )?tu (?:ngay )?(.+)$/.exec(g))) {
    const r = parseRange(m[1], planYear);
    if (r && !('error' in r)) return { kind: 'range', start: r.start, due: r.due, text };
    const p = parsePeriod(m[1], planYear);
    if (p && !isError(p)) return { kind: 'ongoing', start: p.start, due: null, text };
    const err = (p && isError(p) ? p : null) ?? r;
    return unknown(text, err ? err.error : `start "${m[1]}" not recognised`);
  }

  // A period, possibly with an explanatory note in brackets: "Năm 2025 (Hoàn thành việc lựa chọn …)"
  let body = g.replace(/^(?:hoan thanh trong|thuc hien trong|trien khai trong|trong thoi gian|trong) /, '').replace(/^toan bo /, '');
  const note = /\s*\(([^()]*)\)$/.exec(body);
  if (note) {
    if (/\d/.test(note[1])) return unknown(text, 'the note in brackets contains dates or numbers; a human must decide which one counts');
    body = body.slice(0, note.index).trim();
  }
  const p = parsePeriod(body, planYear);
  if (p && !isError(p)) return { kind: 'range', start: p.isDate ? null : p.start, due: p.end, text };
  const r = parseRange(body, planYear);
  if (r && !('error' in r)) return { kind: 'range', start: r.start, due: r.due, text };
  const err = (p && isError(p) ? p : null) ?? r;
  if (err) return unknown(text, err.error);
  return unknown(text, 'not a recognised timeframe');
}

// ---------------------------------------------------------------------------------------------
// Formatting and overdue

const WEEKDAY_VI: Record<Weekday, string> = { 1: 'thứ Hai', 2: 'thứ Ba', 3: 'thứ Tư', 4: 'thứ Năm', 5: 'thứ Sáu', 6: 'thứ Bảy', 7: 'Chủ nhật' };

function formatBounds(start: string | null, due: string | null): string {
  if (start && due) return `${formatDateVi(start)} – ${formatDateVi(due)}`;
  if (start) return `từ ${formatDateVi(start)}`;
  if (due) return `trước ngày ${formatDateVi(due)}`;
  return '';
}

function formatRule(rule: RecurrenceRule): string {
  switch (rule.freq) {
    case 'monthly':
      if ('weekday' in rule) return `Hằng tháng, ${WEEKDAY_VI[rule.weekday]} tuần ${rule.nth === -1 ? 'cuối' : `thứ ${rule.nth}`}`;
      return `Ngày ${rule.day} hằng tháng`;
    case 'quarterly':
      return 'Hằng quý';
    case 'half-yearly':
      return 'Định kỳ 6 tháng';
    case 'yearly':
      if (rule.month && rule.day) return `Ngày ${pad(rule.day)}/${pad(rule.month)} hằng năm`;
      if (rule.month) return `Tháng ${rule.month} hằng năm`;
      return 'Định kỳ hằng năm';
  }
}

/** Normalized Vietnamese rendering, dates as dd/MM/yyyy. `unknown` is returned verbatim. */
export function formatTimeframeVi(t: Timeframe): string {
  switch (t.kind) {
    case 'range':
      return t.start ? formatBounds(t.start, t.due) : `Trước ngày ${formatDateVi(t.due)}`;
    case 'ongoing': {
      const y = t.start?.slice(0, 4);
      if (y && t.start === `${y}-01-01` && t.due === `${y}-12-31`) return `Cả năm ${y}`;
      const b = formatBounds(t.start, t.due);
      return b ? `Thường xuyên, ${b}` : 'Thường xuyên';
    }
    case 'recurring': {
      const b = formatBounds(t.start, t.due);
      return b ? `${formatRule(t.rule)}, ${b}` : formatRule(t.rule);
    }
    case 'done':
      return 'Đã hoàn thành';
    case 'external':
      return `Theo ${t.dependsOn}`;
    case 'unknown':
      return t.text;
  }
}

/**
 * Whether the timeframe's due date has passed on `today` (ISO yyyy-MM-dd; the due day itself is not
 * overdue). Only timeframes with a due date can be overdue: ranges, and ongoing/recurring work with a
 * due. Whether the task is finished is the caller's business (progress, not timeframe).
 */
export function isOverdue(t: Timeframe, today: string): boolean {
  if (!isValidIso(today)) throw new RangeError(`today must be an ISO date yyyy-MM-dd, got "${today}"`);
  switch (t.kind) {
    case 'range':
      return today > t.due;
    case 'ongoing':
    case 'recurring':
      return t.due !== null && today > t.due;
    default:
      return false;
  }
}
