import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ReportingDuty, dueDateFor, dutyKinds, periodFor, periodFromKey, periodsDue } from './periods';

const seedDuties = (file: string): ReportingDuty[] =>
  (JSON.parse(readFileSync(join(__dirname, '../../../../../../seeds/planning', file), 'utf8')) as { plan: { reportingDuties: ReportingDuty[] } }).plan.reportingDuties;

describe('periodFor', () => {
  it.each([
    ['month', '2025-11-14', { label: 'Tháng 11/2025', startDate: '2025-11-01', endDate: '2025-11-30', key: '2025-M11' }],
    ['month', '2024-02-10', { label: 'Tháng 2/2024', startDate: '2024-02-01', endDate: '2024-02-29', key: '2024-M02' }],
    ['quarter', '2025-11-14', { label: 'Quý IV/2025', startDate: '2025-10-01', endDate: '2025-12-31', key: '2025-Q4' }],
    ['quarter', '2025-01-01', { label: 'Quý I/2025', startDate: '2025-01-01', endDate: '2025-03-31', key: '2025-Q1' }],
    ['quarter', '2025-06-30', { label: 'Quý II/2025', startDate: '2025-04-01', endDate: '2025-06-30', key: '2025-Q2' }],
    ['quarter', '2025-07-01', { label: 'Quý III/2025', startDate: '2025-07-01', endDate: '2025-09-30', key: '2025-Q3' }],
    ['half-year', '2025-06-30', { label: '6 tháng đầu năm 2025', startDate: '2025-01-01', endDate: '2025-06-30', key: '2025-H1' }],
    ['half-year', '2025-07-01', { label: '6 tháng cuối năm 2025', startDate: '2025-07-01', endDate: '2025-12-31', key: '2025-H2' }],
    ['year', '2025-03-08', { label: 'Năm 2025', startDate: '2025-01-01', endDate: '2025-12-31', key: '2025' }],
  ] as const)('%s containing %s', (kind, reference, expected) => {
    expect(periodFor(kind, reference)).toEqual({ kind, ...expected });
  });

  it('refuses a date that does not exist', () => {
    expect(() => periodFor('month', '2025-02-30')).toThrow(RangeError);
    expect(() => periodFor('year', '30/6/2025')).toThrow(RangeError);
  });

  it('property: the period contains its reference, and its key names it back', () => {
    const day = fc.date({ min: new Date(Date.UTC(2000, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.constantFrom('month', 'quarter', 'half-year', 'year' as const), day, (kind, reference) => {
        const p = periodFor(kind, reference);
        expect(p.startDate <= reference && reference <= p.endDate).toBe(true);
        expect(periodFor(kind, p.startDate)).toEqual(p);
        expect(periodFor(kind, p.endDate)).toEqual(p);
        expect(periodFromKey(p.key)).toEqual(p);
      }),
    );
  });

  it('periodFromKey refuses what is not a key', () => {
    for (const key of ['2025-Q5', '2025-M13', '2025-H3', 'Q4-2025', '']) expect(periodFromKey(key)).toBeNull();
  });
});

describe('dutyKinds', () => {
  it('reads the reporting duties of Kế hoạch 402/KH-UBND (Hà Nội, 2025)', () => {
    expect(dutyKinds(seedDuties('hanoi-402.json'))).toEqual([
      { kind: 'quarter' },
      { kind: 'half-year', dueDate: '2025-06-30' },
      { kind: 'year', dueDate: '2025-12-30' },
    ]);
  });

  it('reads the reporting duties of Kế hoạch 138/KH-UBND: quarterly, and "định kỳ hoặc đột xuất" adds nothing', () => {
    expect(dutyKinds(seedDuties('hanoi-138.json'))).toEqual([{ kind: 'quarter' }]);
  });

  it.each([
    [{ text: 'Báo cáo', timeframe: 'Định kỳ hằng quý' }, [{ kind: 'quarter' }]],
    [{ text: 'Các đơn vị báo cáo kết quả trước ngày 20 hằng tháng' }, [{ kind: 'month', dueDay: 20 }]],
    [{ text: 'BAO CAO TRUOC NGAY 5 HANG THANG' }, [{ kind: 'month', dueDay: 5 }]],
    [{ text: 'Báo cáo hàng tháng, chậm nhất ngày 25' }, [{ kind: 'month', dueDay: 25 }]],
    [{ text: 'Báo cáo hằng quý trước ngày 15 của tháng cuối quý' }, [{ kind: 'quarter', dueDay: 15 }]],
    [{ text: 'Báo cáo 6 tháng, cả năm' }, [{ kind: 'half-year' }, { kind: 'year' }]],
    // two kinds, two dates: which is whose is not guessed
    [{ text: 'Báo cáo 6 tháng và cả năm (trước ngày 15/6 và 15/12)' }, [{ kind: 'half-year' }, { kind: 'year' }]],
    [{ text: 'Báo cáo tổng kết năm trước ngày 15/12' }, [{ kind: 'year', dueMonthDay: '12-15' }]],
    [{ text: 'Báo cáo 6 tháng cuối năm trước ngày 15 tháng 12 năm 2025' }, [{ kind: 'half-year', dueDate: '2025-12-15' }]],
    [{ text: 'Báo cáo 6 tháng một lần' }, [{ kind: 'half-year' }]],
    [{ text: 'Thực hiện theo Nghị định 09/2019/NĐ-CP và quy chế quản lý quỹ' }, []],
    [{ text: 'Báo cáo đột xuất khi có yêu cầu', timeframe: 'Định kỳ hoặc đột xuất' }, []],
    [{ text: 'Thực hiện hằng quý định kỳ kiểm tra' }, [{ kind: 'quarter' }]],
    [{ text: 'Tuân thủ mọi quy định về báo cáo' }, []],
    [{ text: 'Bố trí kinh phí từ quỹ hằng năm' }, [{ kind: 'year' }]],
  ] as const)('%j', (duty, expected) => {
    expect(dutyKinds([duty])).toEqual(expected);
  });

  it('deduplicates across duties, keeping the earliest explicit due day or date', () => {
    expect(
      dutyKinds([
        { text: 'Định kỳ hằng quý tổng hợp kết quả' },
        { text: 'Báo cáo hằng tháng trước ngày 25 hằng tháng' },
        { text: 'Báo cáo trước ngày 20 hằng tháng' },
        { text: 'Báo cáo hằng quý', timeframe: 'Định kỳ hằng quý' },
      ]),
    ).toEqual([{ kind: 'month', dueDay: 20 }, { kind: 'quarter' }]);
  });
});

describe('dueDateFor', () => {
  const h1 = periodFor('half-year', '2025-03-01');
  const year = periodFor('year', '2025-03-01');
  const nov = periodFor('month', '2025-11-01');
  const dec = periodFor('month', '2025-12-01');
  const q4 = periodFor('quarter', '2025-11-01');

  it("is the period's last day without a duty, or with one of another kind", () => {
    expect(dueDateFor(q4)).toBe('2025-12-31');
    expect(dueDateFor(q4, { kind: 'month', dueDay: 20 })).toBe('2025-12-31');
  });

  it('takes the explicit date when it is in the period or right after it', () => {
    expect(dueDateFor(h1, { kind: 'half-year', dueDate: '2025-06-30' })).toBe('2025-06-30');
    expect(dueDateFor(year, { kind: 'year', dueDate: '2025-12-30' })).toBe('2025-12-30');
    expect(dueDateFor(year, { kind: 'year', dueDate: '2026-01-15' })).toBe('2026-01-15');
    // "30/6/2025" says nothing about the second half of 2025, nor about 2026
    expect(dueDateFor(periodFor('half-year', '2025-09-01'), { kind: 'half-year', dueDate: '2025-06-30' })).toBe('2025-12-31');
    expect(dueDateFor(periodFor('year', '2026-05-01'), { kind: 'year', dueDate: '2025-12-30' })).toBe('2026-12-31');
  });

  it('places a day and month without a year in the period or right after it', () => {
    expect(dueDateFor(year, { kind: 'year', dueMonthDay: '12-15' })).toBe('2025-12-15');
    expect(dueDateFor(year, { kind: 'year', dueMonthDay: '01-10' })).toBe('2026-01-10');
    expect(dueDateFor(periodFor('year', '2025-01-01'), { kind: 'year', dueMonthDay: '02-29' })).toBe('2025-02-28');
    expect(dueDateFor(periodFor('half-year', '2025-07-01'), { kind: 'half-year', dueMonthDay: '06-15' })).toBe('2025-12-31');
    expect(dueDateFor(periodFor('half-year', '2024-01-01'), { kind: 'half-year', dueMonthDay: '02-29' })).toBe('2024-02-29');
  });

  it('a day of the month: from the 15th in the last month of the period, earlier in the month after', () => {
    expect(dueDateFor(nov, { kind: 'month', dueDay: 20 })).toBe('2025-11-20');
    expect(dueDateFor(nov, { kind: 'month', dueDay: 5 })).toBe('2025-12-05');
    expect(dueDateFor(dec, { kind: 'month', dueDay: 5 })).toBe('2026-01-05');
    expect(dueDateFor(nov, { kind: 'month', dueDay: 31 })).toBe('2025-11-30');
    expect(dueDateFor(q4, { kind: 'quarter', dueDay: 15 })).toBe('2025-12-15');
  });

  it('property: the due date is never before the period starts, nor later than the month after it ends', () => {
    const day = fc.date({ min: new Date(Date.UTC(2020, 0, 1)), max: new Date(Date.UTC(2030, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        fc.constantFrom('month', 'quarter', 'half-year', 'year' as const),
        day,
        fc.option(fc.integer({ min: 1, max: 31 }), { nil: undefined }),
        fc.option(day, { nil: undefined }),
        (kind, reference, dueDay, dueDate) => {
          const p = periodFor(kind, reference);
          const due = dueDateFor(p, { kind, dueDay, dueDate });
          expect(due >= p.startDate).toBe(true);
          const afterEnd = new Date(`${p.endDate}T00:00:00Z`);
          afterEnd.setUTCDate(afterEnd.getUTCDate() + 31);
          expect(due <= afterEnd.toISOString().slice(0, 10)).toBe(true);
        },
      ),
    );
  });
});

describe('periodsDue', () => {
  it("opens the current period of each of the plan's kinds, with its due date", () => {
    const kinds = dutyKinds(seedDuties('hanoi-402.json'));
    expect(periodsDue(kinds, '2025-05-20')).toEqual([
      { kind: 'quarter', label: 'Quý II/2025', startDate: '2025-04-01', endDate: '2025-06-30', key: '2025-Q2', dueDate: '2025-06-30' },
      { kind: 'half-year', label: '6 tháng đầu năm 2025', startDate: '2025-01-01', endDate: '2025-06-30', key: '2025-H1', dueDate: '2025-06-30' },
      { kind: 'year', label: 'Năm 2025', startDate: '2025-01-01', endDate: '2025-12-31', key: '2025', dueDate: '2025-12-30' },
    ]);
  });

  it('accepts bare kinds, skips ad hoc, one period per kind', () => {
    expect(periodsDue(['month', 'ad-hoc', 'month'], '2025-11-14').map((p) => [p.key, p.dueDate])).toEqual([['2025-M11', '2025-11-30']]);
    expect(periodsDue(['month', { kind: 'month', dueDay: 20 }], '2025-11-14').map((p) => p.dueDate)).toEqual(['2025-11-20']);
    expect(periodsDue([], '2025-11-14')).toEqual([]);
  });

  it('every period returned has started', () => {
    for (const p of periodsDue(['month', 'quarter', 'half-year', 'year'], '2025-10-01')) expect(p.startDate <= '2025-10-01').toBe(true);
  });
});
