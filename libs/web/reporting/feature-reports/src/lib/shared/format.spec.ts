import { formatDmyTime, numberInput, parseDmy, parseNumberVi, percent, ratePercent, ratio } from './format';

describe('format', () => {
  it('reads numbers as typed in Vietnam', () => {
    expect(parseNumberVi('12,5')).toBe(12.5);
    expect(parseNumberVi('1.234')).toBe(1234);
    expect(parseNumberVi('1.234,5')).toBe(1234.5);
    expect(parseNumberVi('12.5')).toBe(12.5);
    expect(parseNumberVi(' 42 ')).toBe(42);
    expect(parseNumberVi('')).toBeNull();
    expect(parseNumberVi('abc')).toBeNaN();
    expect(numberInput(12.5)).toBe('12,5');
    expect(numberInput(null)).toBe('');
  });

  it('computes a rate and formats percents and ratios the Vietnamese way', () => {
    expect(ratePercent(45, 50)).toBe(90);
    expect(ratePercent(1, 0)).toBeNull();
    expect(ratePercent(null, 3)).toBeNull();
    expect(percent(85.75)).toBe('85,8%');
    expect(ratio(0.4)).toBe('40%');
    expect(ratio(1 / 3)).toBe('33,3%');
  });

  it('reads dd/MM/yyyy and shows instants on Vietnam’s clock', () => {
    expect(parseDmy('2/10/2025')).toBe('2025-10-02');
    expect(parseDmy('31/02/2025')).toBeNull();
    expect(formatDmyTime('2025-12-19T17:30:00Z')).toBe('20/12/2025 00:30');
    expect(formatDmyTime(null)).toBe('');
  });
});
