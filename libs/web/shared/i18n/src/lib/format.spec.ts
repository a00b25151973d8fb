import { formatDmy, formatNumberVi } from './format';
import { MESSAGES } from './messages';

describe('formatDmy', () => {
  it.each([
    ['2025-12-31', '31/12/2025'],
    ['2025-07-01T10:00:00Z', '01/07/2025'],
    // An instant is shown on Vietnam's day: 20:00 UTC on 30/06 is already 01/07 in Hà Nội.
    ['2025-06-30T20:00:00Z', '01/07/2025'],
    [new Date('2026-12-31T23:30:00Z'), '01/01/2027'],
    [null, ''],
    ['not a date', ''],
  ])('%s → %s', (input, out) => expect(formatDmy(input)).toBe(out));
});

describe('formatNumberVi', () => {
  it('uses Vietnamese separators', () => expect(formatNumberVi(1234.5, 1)).toBe('1.234,5'));
});

describe('messages', () => {
  it('English is complete: every Vietnamese key has an English text', () => {
    expect(Object.keys(MESSAGES.en).sort()).toEqual(Object.keys(MESSAGES.vi).sort());
  });
});
