import { parseIndicatorTarget } from '@dieu-hanh/shared/util-indicator-target';
import { judgeAttainment } from './attainment';

const v = (value: number | null) => ({ value, rank: null });
const r = (rank: number | null) => ({ value: null, rank });

describe('judgeAttainment', () => {
  it.each([
    ['≥ 95%', v(95), 'met'],
    ['≥ 95%', v(94.99), 'not-met'],
    ['> 85%', v(85), 'not-met'],
    ['> 85%', v(85.01), 'met'],
    ['Trên 50%', v(50), 'not-met'],
    ['Trên 50%', v(62.5), 'met'],
    ['100%', v(100), 'met'],
    ['100%', v(99.5), 'not-met'],
    ['Tối thiểu 10%', v(10), 'met'],
    ['Khoảng 30%', v(30), 'met'],
    ['Khoảng 30%', v(27), 'met'],
    ['Khoảng 30%', v(33), 'met'],
    ['Khoảng 30%', v(26.9), 'not-met'],
    ['Khoảng 30%', v(33.1), 'not-met'],
    ['7% - 7,5%', v(7), 'met'],
    ['7% - 7,5%', v(7.5), 'met'],
    ['7% - 7,5%', v(7.25), 'met'],
    ['7% - 7,5%', v(6.99), 'not-met'],
    ['7% - 7,5%', v(7.51), 'not-met'],
    ['Tốp 5', r(5), 'met'],
    ['Tốp 5', r(1), 'met'],
    ['Tốp 5', r(6), 'not-met'],
    ['Duy trì tốp 5', r(3), 'met'],
    ['Không quá 5%', v(5), 'met'],
    ['Dưới 5%', v(5), 'not-met'],
  ] as const)('%s with %j → %s', (text, figure, expected) => {
    expect(judgeAttainment(parseIndicatorTarget(text), figure)).toBe(expected);
  });

  it('no figure → no-data', () => {
    for (const text of ['≥ 95%', '> 85%', 'Khoảng 30%', '7% - 7,5%', '100%', 'Trên 50%']) {
      expect(judgeAttainment(parseIndicatorTarget(text), v(null))).toBe('no-data');
    }
    expect(judgeAttainment(parseIndicatorTarget('Tốp 5'), r(null))).toBe('no-data');
    // a rank target needs a rank, not a value
    expect(judgeAttainment(parseIndicatorTarget('Tốp 5'), v(3))).toBe('no-data');
  });

  it('a target that cannot be read → unknown, with or without data', () => {
    expect(judgeAttainment(parseIndicatorTarget('Hoàn thành'), v(100))).toBe('unknown');
    expect(judgeAttainment(parseIndicatorTarget(''), v(null))).toBe('unknown');
    expect(judgeAttainment(null, v(100))).toBe('unknown');
  });

  it('a bare 0 is met only at 0', () => {
    expect(judgeAttainment(parseIndicatorTarget('0 vụ'), v(0))).toBe('met');
    expect(judgeAttainment(parseIndicatorTarget('0 vụ'), v(2))).toBe('not-met');
  });

  describe('multi-part targets', () => {
    const target = parseIndicatorTarget('- Các sở, ban, ngành: 100%; - Cấp huyện: 100%; Cấp xã: 80%');
    const short = parseIndicatorTarget('TP: 70% H: 60% X: 50%');

    it('are unknown for the city figure (no part named)', () => {
      expect(target.kind).toBe('multi');
      expect(judgeAttainment(target, v(100))).toBe('unknown');
    });

    it('are judged by the named part, matched without diacritics', () => {
      expect(judgeAttainment(target, v(85), 'cap xa')).toBe('met');
      expect(judgeAttainment(target, v(85), 'Cấp xã')).toBe('met');
      expect(judgeAttainment(target, v(85), '- CẤP HUYỆN:')).toBe('not-met');
      expect(judgeAttainment(target, v(null), 'Cấp xã')).toBe('no-data');
      expect(judgeAttainment(short, v(55), 'X')).toBe('met');
      expect(judgeAttainment(short, v(55), 'H')).toBe('not-met');
    });

    it('are unknown when no part has the label', () => {
      expect(judgeAttainment(target, v(100), 'Cấp tỉnh')).toBe('unknown');
    });
  });
});
