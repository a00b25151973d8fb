import type { IndicatorValueKind } from '@dieu-hanh/shared/contracts';

/** Longest evidence note (minh chứng: where the figure comes from) on one indicator value. */
export const MAX_EVIDENCE_LENGTH = 2000;

/** One unit's entry as it arrives (IndicatorValueRequest without the id); anything may be missing or mistyped. */
export interface IndicatorValueInput {
  numerator?: unknown;
  denominator?: unknown;
  value?: unknown;
  rank?: unknown;
  evidence?: unknown;
}

/** A valid entry: a rate carries its parts and the percentage computed from them; the other fields are null. */
export interface NormalizedValue {
  numerator: number | null;
  denominator: number | null;
  /** A rate's percentage (numerator / denominator × 100, 2 decimals) or the value as entered. */
  value: number | null;
  rank: number | null;
  evidence: string | null;
}

export interface IndicatorValueError {
  field: 'numerator' | 'denominator' | 'value' | 'rank' | 'evidence';
  vi: string;
  en: string;
}

export type IndicatorValueValidation = { ok: true; value: NormalizedValue } | { ok: false; errors: IndicatorValueError[] };

/** Half away from zero on the decimal digits as written (so 1.005 → 1.01, where `Math.round(x * 100) / 100` gives 1). */
export function roundTo2(x: number): number {
  const written = String(Math.abs(x));
  // exponent notation (below 1e-6 or above 1e21): shifting the text does not work, and no cent is at stake
  if (/e/i.test(written)) return Math.round(x * 100) / 100;
  const r = Number(`${Math.round(Number(`${written}e2`))}e-2`);
  return x < 0 ? -r : r;
}

/** numerator / denominator × 100, to 2 decimals. */
export const ratePercent = (numerator: number, denominator: number): number => roundTo2((numerator / denominator) * 100);

const absent = (x: unknown) => x === undefined || x === null;

/** True when the unit has entered nothing yet (a blank row in a draft report is not an error). */
export function isBlankIndicatorValue(input: IndicatorValueInput): boolean {
  return absent(input.numerator) && absent(input.denominator) && absent(input.value) && absent(input.rank);
}

const LABEL = {
  numerator: { vi: 'Tử số', en: 'The numerator' },
  denominator: { vi: 'Mẫu số', en: 'The denominator' },
  value: { vi: 'Giá trị', en: 'The value' },
  rank: { vi: 'Thứ hạng', en: 'The rank' },
} as const;

type NumberField = keyof typeof LABEL;

/**
 * Validates one unit's value for one indicator (giá trị chỉ tiêu của đơn vị) by the indicator's kind:
 * - rate (tỷ lệ): numerator and denominator required, 0 ≤ numerator ≤ denominator, denominator > 0; the
 *   percentage is computed here, never taken from the client, so the city's ratio of sums can be recomputed;
 * - value: a finite number, no numerator or denominator;
 * - rank (thứ hạng): a whole number ≥ 1.
 * Every problem is reported at once (Vietnamese first), so a form or an XLSX row can show them all.
 */
export function validateIndicatorValue(kind: IndicatorValueKind, input: IndicatorValueInput): IndicatorValueValidation {
  const errors: IndicatorValueError[] = [];
  const fail = (field: IndicatorValueError['field'], vi: string, en: string) => errors.push({ field, vi, en });

  const number = (field: NumberField, required: boolean): number | null => {
    const x = input[field];
    if (absent(x)) {
      if (required) fail(field, `${LABEL[field].vi} là bắt buộc.`, `${LABEL[field].en} is required.`);
      return null;
    }
    if (typeof x !== 'number' || !Number.isFinite(x)) {
      fail(field, `${LABEL[field].vi} phải là một số.`, `${LABEL[field].en} must be a number.`);
      return null;
    }
    return x;
  };
  const forbid = (field: NumberField, why: { vi: string; en: string }) => {
    if (!absent(input[field])) fail(field, `${LABEL[field].vi} không dùng cho ${why.vi}.`, `${LABEL[field].en} does not apply to ${why.en}.`);
  };

  const evidence = readEvidence(input.evidence, fail);
  let result: NormalizedValue | null = null;

  switch (kind) {
    case 'rate': {
      const why = { vi: 'chỉ tiêu tỷ lệ (nhập tử số và mẫu số)', en: 'a rate (enter the numerator and denominator)' };
      forbid('rank', why);
      // `value` is derived; a client echoing the previous percentage is not an error, it is ignored
      const n = number('numerator', true);
      const d = number('denominator', true);
      if (n !== null && n < 0) fail('numerator', 'Tử số không được âm.', 'The numerator cannot be negative.');
      if (d !== null && d <= 0) fail('denominator', 'Mẫu số phải lớn hơn 0.', 'The denominator must be greater than 0.');
      if (n !== null && d !== null && n >= 0 && d > 0 && n > d) {
        fail('numerator', 'Tử số không được lớn hơn mẫu số (tỷ lệ không vượt quá 100%).', 'The numerator cannot exceed the denominator (a rate is at most 100%).');
      }
      if (n !== null && d !== null) result = { numerator: n, denominator: d, value: ratePercent(n, d), rank: null, evidence };
      break;
    }
    case 'value': {
      const why = { vi: 'chỉ tiêu giá trị', en: 'a plain value' };
      forbid('numerator', why);
      forbid('denominator', why);
      forbid('rank', why);
      const v = number('value', true);
      if (v !== null) result = { numerator: null, denominator: null, value: v, rank: null, evidence };
      break;
    }
    case 'rank': {
      const why = { vi: 'chỉ tiêu xếp hạng', en: 'a rank' };
      forbid('numerator', why);
      forbid('denominator', why);
      forbid('value', why);
      const r = number('rank', true);
      if (r !== null && (!Number.isInteger(r) || r < 1)) fail('rank', 'Thứ hạng phải là số nguyên dương.', 'The rank must be a whole number of 1 or more.');
      else if (r !== null) result = { numerator: null, denominator: null, value: null, rank: r, evidence };
      break;
    }
  }
  return errors.length === 0 && result ? { ok: true, value: result } : { ok: false, errors };
}

function readEvidence(x: unknown, fail: (field: 'evidence', vi: string, en: string) => void): string | null {
  if (absent(x)) return null;
  if (typeof x !== 'string') {
    fail('evidence', 'Minh chứng phải là văn bản.', 'The evidence must be text.');
    return null;
  }
  const text = x.trim();
  // counted in characters as a reader counts them (code points), not UTF-16 units
  if ([...text].length > MAX_EVIDENCE_LENGTH) {
    fail('evidence', `Minh chứng dài quá ${MAX_EVIDENCE_LENGTH} ký tự.`, `The evidence is longer than ${MAX_EVIDENCE_LENGTH} characters.`);
    return null;
  }
  return text === '' ? null : text;
}
