import fc from 'fast-check';
import { daysInMonth, formatTimeframeVi, isOverdue, parseTimeframe, type Timeframe } from '../index';
import { RULE_TABLE, SEED_DOCUMENT_TABLE, TIMEFRAME_TABLE } from './timeframe.table';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const ROMAN = ['I', 'II', 'III', 'IV'];

/** Any valid calendar date (leap days included) between 1900 and 2199. */
const validDate = fc
  .record({ y: fc.integer({ min: 1900, max: 2199 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })
  .map(({ y, m, d }) => ({ y, m, d: Math.min(d, daysInMonth(y, m)) }));
const isoOf = ({ y, m, d }: { y: number; m: number; d: number }) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

describe('parseTimeframe — the table from the seed documents and the rules', () => {
  it('has distinct forms', () => {
    const keys = TIMEFRAME_TABLE.map(([text, year]) => `${year}|${text}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each(SEED_DOCUMENT_TABLE)('seed document form %j (plan %i)', (text, planYear, expected) => {
    expect(parseTimeframe(text, { planYear })).toEqual(expected);
  });

  it.each(RULE_TABLE)('rule form %j (plan %i)', (text, planYear, expected) => {
    expect(parseTimeframe(text, { planYear })).toEqual(expected);
  });

  it('re-parses the normalized rendering of every understood form to the same meaning', () => {
    for (const [text, planYear, expected] of TIMEFRAME_TABLE) {
      if (expected.kind === 'unknown' || expected.kind === 'external' || expected.kind === 'done') continue;
      const again = parseTimeframe(formatTimeframeVi(expected), { planYear });
      expect({ text, again: { ...again, text: '' } }).toEqual({ text, again: { ...expected, text: '' } });
    }
  });
});

describe('formatTimeframeVi', () => {
  const f = (text: string, planYear = 2025) => formatTimeframeVi(parseTimeframe(text, { planYear }));
  it.each([
    ['Quý IV/2025', '01/10/2025 – 31/12/2025'],
    ['05/10 - 31/10', '05/10/2025 – 31/10/2025'],
    ['Trước ngày 15/11/2025', 'Trước ngày 15/11/2025'],
    ['Thường xuyên', 'Thường xuyên'],
    ['Cả năm', 'Cả năm 2025'],
    ['Thường xuyên, trong quý IV/2025', 'Thường xuyên, 01/10/2025 – 31/12/2025'],
    ['Từ tháng 6/2025', 'Thường xuyên, từ 01/06/2025'],
    ['Định kỳ Ngày thứ Sáu tuần thứ 4 hằng tháng', 'Hằng tháng, thứ Sáu tuần thứ 4'],
    ['Hằng quý', 'Hằng quý'],
    ['ngày 25 hằng tháng', 'Ngày 25 hằng tháng'],
    ['ngày 10/10 hằng năm', 'Ngày 10/10 hằng năm'],
    ['Đã triển khai', 'Đã hoàn thành'],
    ['Theo hướng dẫn của Bộ Công an', 'Theo Bộ Công an'],
    ['Khi có yêu cầu', 'Khi có yêu cầu'],
  ])('%j → %j', (text, expected) => expect(f(text)).toBe(expected));
});

describe('isOverdue', () => {
  const at = (text: string, today: string) => isOverdue(parseTimeframe(text, { planYear: 2025 }), today);
  it('is computed from the due date; the due day itself is not overdue', () => {
    expect(at('Quý IV/2025', '2025-12-31')).toBe(false);
    expect(at('Quý IV/2025', '2026-01-01')).toBe(true);
    expect(at('Trước ngày 10/10/2025', '2025-10-11')).toBe(true);
    expect(at('Cả năm', '2026-01-01')).toBe(true);
    expect(at('Thường xuyên', '2099-01-01')).toBe(false);
    expect(at('Hằng quý', '2099-01-01')).toBe(false);
    expect(at('Hằng quý năm 2025', '2026-01-01')).toBe(true);
  });
  it('refuses a malformed today', () => {
    expect(() => at('Quý IV/2025', '31/12/2025')).toThrow(RangeError);
  });
});

describe('properties', () => {
  it('"dd/MM/yyyy" round-trips through parse and format', () => {
    fc.assert(
      fc.property(validDate, fc.integer({ min: 1900, max: 2199 }), (date, planYear) => {
        const text = `${pad(date.d)}/${pad(date.m)}/${date.y}`;
        const t = parseTimeframe(text, { planYear });
        expect(t).toEqual({ kind: 'range', start: null, due: isoOf(date), text });
        expect(formatTimeframeVi(t)).toBe(`Trước ngày ${text}`);
      }),
    );
  });

  it('"Quý {q}/{y}" is a 3-month range inside year y, start ≤ due', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1900, max: 2199 }), fc.boolean(), (q, y, roman) => {
        const t = parseTimeframe(`Quý ${roman ? ROMAN[q - 1] : q}/${y}`, { planYear: 2025 });
        if (t.kind !== 'range' || t.start === null) throw new Error(`not a range: ${JSON.stringify(t)}`);
        expect(t.start <= t.due).toBe(true);
        expect(t.start.slice(0, 4)).toBe(String(y));
        expect(t.due.slice(0, 4)).toBe(String(y));
        expect(t.start).toBe(`${y}-${pad(q * 3 - 2)}-01`);
        const endMonth = Number(t.due.slice(5, 7));
        expect(endMonth - Number(t.start.slice(5, 7)) + 1).toBe(3);
        expect(Number(t.due.slice(8, 10))).toBe(daysInMonth(y, endMonth));
      }),
    );
  });

  it('never throws, and an unknown keeps the text verbatim', () => {
    const vietnamese = fc.constantFrom(
      'Quý', 'quý', 'IV', 'tháng', 'Tháng', 'năm', 'Năm', 'ngày', 'trước', 'Trước', 'đến', 'hết', 'từ', 'Từ', 'Thường xuyên', 'Cả năm',
      'hằng', 'tháng', 'quý', 'Định kỳ', 'thứ Sáu', 'tuần thứ', 'Theo hướng dẫn của', 'Đã', 'triển khai', '2025', '31/02', '05/10',
      '-', '–', '/', ',', '.', '(', ')', ' ', '  ', '6', '4', '13', '0', '\u00A0', '\uD800', 'İ',
    );
    const text = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.array(vietnamese, { maxLength: 8 }).map((xs) => xs.join(' ')), fc.array(vietnamese, { maxLength: 8 }).map((xs) => xs.join('')));
    fc.assert(
      fc.property(text, fc.integer({ min: 1900, max: 2199 }), (s, planYear) => {
        const t = parseTimeframe(s, { planYear });
        expect(t.text).toBe(s);
        if (t.kind === 'unknown') {
          expect(formatTimeframeVi(t)).toBe(s);
          expect(t.reason.length).toBeGreaterThan(0);
        }
        if (t.kind === 'range') expect(t.start === null || t.start <= t.due).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('format ∘ parse is stable for ranges', () => {
    const someRange = fc.oneof(
      fc.tuple(validDate, validDate).map(([a, b]) => {
        const [s, e] = [isoOf(a), isoOf(b)].sort();
        return { kind: 'range' as const, start: s as string | null, due: e as string, text: '' };
      }),
      validDate.map((d) => ({ kind: 'range' as const, start: null as string | null, due: isoOf(d), text: '' })),
    );
    fc.assert(
      fc.property(someRange, fc.integer({ min: 1900, max: 2199 }), (t, planYear) => {
        const text = formatTimeframeVi(t);
        const again = parseTimeframe(text, { planYear });
        expect(again).toEqual({ ...t, text });
        expect(formatTimeframeVi(again)).toBe(text);
      }),
    );
  });

  it('isOverdue is false for done, external and unknown', () => {
    const noDue: fc.Arbitrary<Timeframe> = fc.oneof(
      fc.string().map((text) => ({ kind: 'done' as const, text })),
      fc.tuple(fc.string(), fc.string()).map(([dependsOn, text]) => ({ kind: 'external' as const, dependsOn, text })),
      fc.tuple(fc.string(), fc.string()).map(([text, reason]) => ({ kind: 'unknown' as const, text, reason })),
    );
    fc.assert(fc.property(noDue, validDate, (t, today) => expect(isOverdue(t, isoOf(today))).toBe(false)));
  });
});
