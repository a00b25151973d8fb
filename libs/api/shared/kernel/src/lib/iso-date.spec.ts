import { Clock } from './clock.port';
import { isIsoDate, vietnamDate } from './iso-date';

describe('isIsoDate', () => {
  it.each(['2025-07-01', '2024-02-29', '2025-12-31'])('accepts %s', (v) => expect(isIsoDate(v)).toBe(true));
  it.each(['2025-02-30', '2025-13-01', '01/07/2025', '2025-7-1', '', '2025-07-01T00:00:00Z'])('rejects %s', (v) =>
    expect(isIsoDate(v)).toBe(false),
  );
});

describe('vietnamDate and Clock.today', () => {
  it('counts the day in Vietnam: 00:00–07:00 there is still the previous day in UTC', () => {
    expect(vietnamDate(new Date('2025-09-30T17:00:00Z'))).toBe('2025-10-01'); // 00:00 on 1 October in Hà Nội
    expect(vietnamDate(new Date('2025-09-30T16:59:59Z'))).toBe('2025-09-30');
    expect(vietnamDate(new Date('2024-12-31T23:30:00Z'))).toBe('2025-01-01');
  });

  it('a clock says which day it is in Vietnam, whatever the process time zone', () => {
    const clock = new (class extends Clock {
      now() {
        return new Date('2025-06-30T18:30:00Z');
      }
    })();
    expect(clock.today()).toBe('2025-07-01');
  });
});
