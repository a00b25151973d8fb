import { isIsoDate } from './iso-date';

describe('isIsoDate', () => {
  it.each(['2025-07-01', '2024-02-29', '2025-12-31'])('accepts %s', (v) => expect(isIsoDate(v)).toBe(true));
  it.each(['2025-02-30', '2025-13-01', '01/07/2025', '2025-7-1', '', '2025-07-01T00:00:00Z'])('rejects %s', (v) =>
    expect(isIsoDate(v)).toBe(false),
  );
});
