import { vietnamDate } from './vietnam-date';

describe('vietnamDate', () => {
  it('counts the day in Vietnam: 23:30 UTC is already tomorrow', () => {
    expect(vietnamDate(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(vietnamDate(new Date('2025-06-30T16:59:59Z'))).toBe('2025-06-30');
    expect(vietnamDate(new Date('2025-06-30T17:00:00Z'))).toBe('2025-07-01');
  });

  it('does not depend on the process time zone', () => {
    // Jest runs with TZ=UTC; the formatter names its zone explicitly, so a server set to any zone agrees.
    expect(vietnamDate(new Date('2026-03-01T00:00:00+07:00'))).toBe('2026-03-01');
  });
});
