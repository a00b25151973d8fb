import type { ProblemFieldError } from '@dieu-hanh/shared/contracts';
import { ProblemException } from './problem';

/** Deepest nesting of arrays and objects a JSON body may have; real plans use fewer than 10 levels. */
export const MAX_JSON_DEPTH = 64;

/** Keys that would reach an object's prototype if a body were ever merged into another object. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** At most this many offending fields are named in one answer. */
const MAX_REPORTED = 20;

const OPEN_ARRAY = 0x5b;
const OPEN_OBJECT = 0x7b;
const CLOSE_ARRAY = 0x5d;
const CLOSE_OBJECT = 0x7d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * True when raw JSON text nests arrays/objects deeper than `max`. One pass, no recursion, stops at the
 * first level too deep; brackets inside strings do not count. Works on UTF-8 bytes (no multi-byte
 * sequence contains an ASCII byte) and on decoded text. Malformed text may be counted loosely, but up
 * to the first syntax error the count is exactly the depth a parser would reach.
 */
export function jsonNestingExceeds(text: Uint8Array | string, max = MAX_JSON_DEPTH): boolean {
  const isText = typeof text === 'string';
  let depth = 0;
  let inString = false;
  let escaped = false;
  for (let i = 0; i < text.length; i++) {
    const c = isText ? text.charCodeAt(i) : text[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (c === BACKSLASH) escaped = true;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) {
      inString = true;
    } else if (c === OPEN_ARRAY || c === OPEN_OBJECT) {
      if (++depth > max) return true;
    } else if (c === CLOSE_ARRAY || c === CLOSE_OBJECT) {
      depth--;
    }
  }
  return false;
}

/** A string PostgreSQL can store: no NUL (0x00 is refused in text and jsonb) and no lone UTF-16 surrogate. */
export function textProblem(s: string): 'noNulCharacter' | 'wellFormedUnicode' | null {
  if (s.includes('\u0000')) return 'noNulCharacter';
  if (!(s as unknown as { isWellFormed(): boolean }).isWellFormed()) return 'wellFormedUnicode';
  return null;
}

const MESSAGES = {
  noNulCharacter: { vi: 'Không được chứa ký tự NUL (\\u0000)', en: 'must not contain the NUL character (\\u0000)' },
  wellFormedUnicode: { vi: 'Chứa ký tự Unicode không hợp lệ', en: 'must be well-formed Unicode (no lone surrogate)' },
} as const;

/** A key as it can be shown back: NUL and lone surrogates replaced, so the answer itself is valid text. */
function printable(key: string): string {
  return (key.replaceAll('\u0000', '\uFFFD') as unknown as { toWellFormed(): string }).toWellFormed();
}

/**
 * Every string (values and object keys) anywhere in `value` that PostgreSQL would refuse, and every key
 * that reaches a prototype (`__proto__`, `constructor`, `prototype`: JSON.parse makes `__proto__` an own
 * property, which class-transformer then drops silently). Walks with an explicit stack, so depth cannot
 * overflow it; fields are named from `location` (`body.tasks.0.content`, `query.q`).
 */
export function findUnsafeInput(value: unknown, location: string): ProblemFieldError[] {
  const found: ProblemFieldError[] = [];
  // Each entry is a value at a path, or (with `key`) an object member whose name is checked first.
  const stack: { v: unknown; path: string; key?: string }[] = [{ v: value, path: location }];
  while (stack.length && found.length < MAX_REPORTED) {
    const { v, path, key } = stack.pop() as { v: unknown; path: string; key?: string };
    if (key !== undefined) {
      const keyCode = textProblem(key);
      if (keyCode) {
        found.push({ field: path, code: keyCode, message: { vi: MESSAGES[keyCode].vi, en: `the name of ${path} ${MESSAGES[keyCode].en}` } });
      } else if (FORBIDDEN_KEYS.has(key)) {
        found.push({ field: path, code: 'whitelistValidation', message: { vi: 'Trường này không được phép', en: `property ${key} should not exist` } });
      } else {
        stack.push({ v, path });
      }
    } else if (typeof v === 'string') {
      const code = textProblem(v);
      if (code) found.push({ field: path, code, message: { vi: MESSAGES[code].vi, en: `${path} ${MESSAGES[code].en}` } });
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path: `${path}.${i}` });
    } else if (v !== null && typeof v === 'object') {
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i >= 0; i--) {
        stack.push({ v: (v as Record<string, unknown>)[keys[i]], path: `${path}.${printable(keys[i])}`, key: keys[i] });
      }
    }
  }
  return found.slice(0, MAX_REPORTED);
}

/** Throws a 400 naming each field that `findUnsafeInput` finds. */
export function assertSafeInput(value: unknown, location: string): void {
  const fields = findUnsafeInput(value, location);
  if (fields.length) {
    throw new ProblemException(400, 'REQUEST.VALIDATION_FAILED', 'Dữ liệu gửi lên không hợp lệ.', 'The request failed validation.', fields);
  }
}

export function tooDeepProblem(max = MAX_JSON_DEPTH): ProblemException {
  return new ProblemException(
    400,
    'REQUEST.TOO_DEEP',
    `Nội dung JSON lồng nhau quá ${max} cấp.`,
    `The JSON body nests deeper than ${max} levels.`,
    [{ field: 'body', code: 'maxDepth', message: { vi: `Lồng nhau quá ${max} cấp`, en: `Nested deeper than ${max} levels` } }],
  );
}
