import fc from 'fast-check';
import { MAX_EVIDENCE_LENGTH, isBlankIndicatorValue, ratePercent, roundTo2, validateIndicatorValue } from './unit-indicator-value';

const fields = (r: ReturnType<typeof validateIndicatorValue>) => (r.ok ? [] : r.errors.map((e) => e.field));

describe('validateIndicatorValue', () => {
  describe('rate (tỷ lệ)', () => {
    it('computes the percentage from numerator and denominator, to 2 decimals', () => {
      expect(validateIndicatorValue('rate', { numerator: 1, denominator: 3, evidence: '  Báo cáo số 12/BC-UBND  ' })).toEqual({
        ok: true,
        value: { numerator: 1, denominator: 3, value: 33.33, rank: null, evidence: 'Báo cáo số 12/BC-UBND' },
      });
      expect(validateIndicatorValue('rate', { numerator: 0, denominator: 7 })).toMatchObject({ ok: true, value: { value: 0 } });
      expect(validateIndicatorValue('rate', { numerator: 45, denominator: 45 })).toMatchObject({ ok: true, value: { value: 100 } });
    });

    it('ignores a percentage sent by the client: it is always computed', () => {
      expect(validateIndicatorValue('rate', { numerator: 1, denominator: 2, value: 99 })).toMatchObject({ ok: true, value: { value: 50 } });
    });

    it.each([
      [{ denominator: 10 }, ['numerator']],
      [{ numerator: 1 }, ['denominator']],
      [{}, ['numerator', 'denominator']],
      [{ numerator: -1, denominator: 10 }, ['numerator']],
      [{ numerator: 0, denominator: 0 }, ['denominator']],
      [{ numerator: 11, denominator: 10 }, ['numerator']],
      [{ numerator: Number.NaN, denominator: Infinity }, ['numerator', 'denominator']],
      [{ numerator: '5', denominator: 10 }, ['numerator']],
      [{ numerator: 1, denominator: 2, rank: 3 }, ['rank']],
    ])('refuses %j', (input, expected) => {
      expect(fields(validateIndicatorValue('rate', input))).toEqual(expected);
    });

    it('says what is wrong in Vietnamese first, then English', () => {
      const r = validateIndicatorValue('rate', { numerator: 11, denominator: 10 });
      expect(r).toEqual({
        ok: false,
        errors: [{ field: 'numerator', vi: expect.stringContaining('Tử số không được lớn hơn mẫu số'), en: expect.stringContaining('cannot exceed') }],
      });
    });

    it('property: every 0 ≤ n ≤ d, d > 0 is accepted and its percentage lies in 0..100', () => {
      fc.assert(
        fc.property(fc.double({ min: Number.MIN_VALUE, max: 1e9, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (d, share) => {
          const n = Math.min(d, d * share);
          const r = validateIndicatorValue('rate', { numerator: n, denominator: d });
          expect(r.ok).toBe(true);
          if (r.ok) {
            expect(r.value.value).toBeGreaterThanOrEqual(0);
            expect(r.value.value).toBeLessThanOrEqual(100);
          }
        }),
      );
    });
  });

  describe('value', () => {
    it('accepts any finite number, negative included (a decrease)', () => {
      expect(validateIndicatorValue('value', { value: 1250 })).toEqual({ ok: true, value: { numerator: null, denominator: null, value: 1250, rank: null, evidence: null } });
      expect(validateIndicatorValue('value', { value: -2.5, numerator: null })).toMatchObject({ ok: true, value: { value: -2.5 } });
    });

    it.each([
      [{}, ['value']],
      [{ value: Infinity }, ['value']],
      [{ value: 3, numerator: 1, denominator: 2 }, ['numerator', 'denominator']],
      [{ value: 3, rank: 1 }, ['rank']],
    ])('refuses %j', (input, expected) => {
      expect(fields(validateIndicatorValue('value', input))).toEqual(expected);
    });
  });

  describe('rank (thứ hạng)', () => {
    it('accepts a whole number ≥ 1', () => {
      expect(validateIndicatorValue('rank', { rank: 4 })).toEqual({ ok: true, value: { numerator: null, denominator: null, value: null, rank: 4, evidence: null } });
    });

    it.each([
      [{}, ['rank']],
      [{ rank: 0 }, ['rank']],
      [{ rank: 2.5 }, ['rank']],
      [{ rank: -1 }, ['rank']],
      [{ rank: 3, value: 3 }, ['value']],
      [{ rank: 3, numerator: 1 }, ['numerator']],
    ])('refuses %j', (input, expected) => {
      expect(fields(validateIndicatorValue('rank', input))).toEqual(expected);
    });
  });

  describe('evidence (minh chứng)', () => {
    it(`is optional, trimmed, empty becomes null, at most ${MAX_EVIDENCE_LENGTH} characters`, () => {
      expect(validateIndicatorValue('value', { value: 1, evidence: '   ' })).toMatchObject({ ok: true, value: { evidence: null } });
      expect(validateIndicatorValue('value', { value: 1, evidence: 'ạ'.repeat(MAX_EVIDENCE_LENGTH) })).toMatchObject({ ok: true });
      // characters, not UTF-16 units: 2000 emoji are 4000 units and still fit
      expect(validateIndicatorValue('value', { value: 1, evidence: '📄'.repeat(MAX_EVIDENCE_LENGTH) })).toMatchObject({ ok: true });
      expect(fields(validateIndicatorValue('value', { value: 1, evidence: 'a'.repeat(MAX_EVIDENCE_LENGTH + 1) }))).toEqual(['evidence']);
      expect(fields(validateIndicatorValue('value', { value: 1, evidence: 42 }))).toEqual(['evidence']);
    });

    it('reports every problem at once', () => {
      expect(fields(validateIndicatorValue('rate', { numerator: 5, evidence: 'x'.repeat(3000) }))).toEqual(['evidence', 'denominator']);
    });
  });
});

describe('isBlankIndicatorValue', () => {
  it('is true when no figure was entered (evidence alone is not a figure)', () => {
    expect(isBlankIndicatorValue({})).toBe(true);
    expect(isBlankIndicatorValue({ numerator: null, denominator: null, value: null, rank: null, evidence: 'x' })).toBe(true);
    expect(isBlankIndicatorValue({ numerator: 0 })).toBe(false);
  });
});

describe('roundTo2 / ratePercent', () => {
  it('rounds half away from zero on the written decimals', () => {
    expect(roundTo2(1.005)).toBe(1.01);
    expect(roundTo2(-1.005)).toBe(-1.01);
    expect(roundTo2(33.333333)).toBe(33.33);
    expect(roundTo2(1e-9)).toBe(0);
    expect(ratePercent(2, 3)).toBe(66.67);
  });
});
