import fc from 'fast-check';
import { completeness, isOnTime } from './completeness';

describe('isOnTime', () => {
  it("counts the first submission's day in Vietnam (UTC+7), not in UTC", () => {
    // 23:30 on the due day in Hà Nội is 16:30 UTC the same day
    expect(isOnTime('2025-06-30T16:30:00Z', '2025-06-30')).toBe(true);
    // 06:00 on 1 July in Hà Nội is still 30 June in UTC: late
    expect(isOnTime('2025-06-30T23:00:00Z', '2025-06-30')).toBe(false);
    expect(isOnTime('2025-07-01T06:59:59+07:00', '2025-06-30')).toBe(false);
    expect(isOnTime('2025-06-30T23:59:59+07:00', '2025-06-30')).toBe(true);
    expect(isOnTime(null, '2025-06-30')).toBeNull();
    expect(isOnTime('not a date', '2025-06-30')).toBeNull();
  });
});

describe('completeness', () => {
  const due = '2025-06-30';

  it('counts submitted, on time and accepted against the expected units', () => {
    expect(
      completeness(
        4,
        [
          { submittedAt: '2025-06-29T03:00:00Z', accepted: true },
          { submittedAt: '2025-06-30T20:00:00Z', accepted: false }, // 1 July in Vietnam: late
          { submittedAt: null, accepted: false }, // a draft
        ],
        due,
      ),
    ).toEqual({ expected: 4, submitted: 2, onTime: 1, accepted: 1, completeness: 0.5, timeliness: 0.25 });
  });

  it('is complete and timely when nothing is expected', () => {
    expect(completeness(0, [], due)).toEqual({ expected: 0, submitted: 0, onTime: 0, accepted: 0, completeness: 1, timeliness: 1 });
  });

  it('caps the shares at 1 when more units reported than are expected now', () => {
    const r = completeness(1, [{ submittedAt: '2025-06-01T00:00:00Z', accepted: false }, { submittedAt: '2025-06-02T00:00:00Z', accepted: false }], due);
    expect(r).toMatchObject({ submitted: 2, completeness: 1, timeliness: 1 });
  });

  it('property: 0 ≤ timeliness ≤ completeness ≤ 1, and expected 0 gives 1 and 1', () => {
    const instant = fc
      .date({ min: new Date('2025-06-20T00:00:00Z'), max: new Date('2025-07-10T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString());
    const submission = fc.record({ submittedAt: fc.option(instant, { nil: null }), accepted: fc.boolean() });
    fc.assert(
      fc.property(fc.nat({ max: 200 }), fc.array(submission, { maxLength: 60 }), (expected, submissions) => {
        const r = completeness(expected, submissions, due);
        expect(0 <= r.timeliness && r.timeliness <= r.completeness && r.completeness <= 1).toBe(true);
        expect(r.onTime <= r.submitted && r.accepted <= submissions.length).toBe(true);
        if (expected === 0) expect([r.completeness, r.timeliness]).toEqual([1, 1]);
      }),
    );
  });
});
