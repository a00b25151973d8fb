import { formatDmy, formatNumberVi } from './format';
import { MESSAGES } from './messages';

describe('formatDmy', () => {
  it.each([
    ['2025-12-31', '31/12/2025'],
    ['2025-07-01T10:00:00Z', '01/07/2025'],
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
