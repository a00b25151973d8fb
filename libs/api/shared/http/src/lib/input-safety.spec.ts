import { MAX_JSON_DEPTH, assertSafeInput, findUnsafeInput, jsonNestingExceeds } from './input-safety';
import { ProblemException } from './problem';

describe('jsonNestingExceeds', () => {
  const nested = (n: number) => `{"title":${'['.repeat(n)}${']'.repeat(n)}}`;

  it('refuses nesting beyond the limit, on text and on UTF-8 bytes, without recursing', () => {
    expect(jsonNestingExceeds(nested(5_000))).toBe(true);
    expect(jsonNestingExceeds(Buffer.from(nested(1_000_000)))).toBe(true);
    // The object counts as one level: 63 arrays inside it make 64.
    expect(jsonNestingExceeds(nested(MAX_JSON_DEPTH - 1))).toBe(false);
    expect(jsonNestingExceeds(nested(MAX_JSON_DEPTH))).toBe(true);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    const text = JSON.stringify({ title: '['.repeat(5_000), note: '\\"[[[[' + '{'.repeat(100), ok: [[1]] });
    expect(jsonNestingExceeds(text)).toBe(false);
    expect(jsonNestingExceeds(Buffer.from(JSON.stringify({ t: 'Kế hoạch "số" [' + '['.repeat(200) })))).toBe(false);
  });
});

describe('findUnsafeInput', () => {
  it('names every string PostgreSQL would refuse: NUL, lone surrogates, in values and in keys', () => {
    const body = JSON.parse('{"title":"a\\u0000b","tasks":[{"content":"ok"},{"content":"\\ud800x"}],"\\udc00k":1,"n\\u0000":2}');
    expect(findUnsafeInput(body, 'body').map((f) => [f.field, f.code])).toEqual([
      ['body.title', 'noNulCharacter'],
      ['body.tasks.1.content', 'wellFormedUnicode'],
      ['body.\uFFFDk', 'wellFormedUnicode'],
      ['body.n\uFFFD', 'noNulCharacter'],
    ]);
    // The answer is itself valid text: nothing refused is echoed back.
    expect(findUnsafeInput(body, 'body').every((f) => !/[\ud800-\udfff]/.test(f.field) && !f.field.includes('\u0000'))).toBe(true);
  });

  it('accepts well-formed text, surrogate pairs (emoji) and Vietnamese included', () => {
    expect(findUnsafeInput({ title: 'Chuyển đổi số 🇻🇳', tasks: [{ content: '𝒳' }], n: 1, b: null }, 'body')).toEqual([]);
  });

  it('refuses keys that reach a prototype, which JSON.parse keeps as own properties', () => {
    const body = JSON.parse('{"__proto__":{"admin":true},"tasks":[{"constructor":{"prototype":{}}}],"x":{"prototype":1}}');
    expect(findUnsafeInput(body, 'body').map((f) => [f.field, f.code])).toEqual([
      ['body.__proto__', 'whitelistValidation'],
      ['body.tasks.0.constructor', 'whitelistValidation'],
      ['body.x.prototype', 'whitelistValidation'],
    ]);
  });

  it('walks any depth without overflowing the stack', () => {
    let deep: unknown = 'a\u0000';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(findUnsafeInput(deep, 'query')).toHaveLength(1);
  });

  it('throws a 400 problem naming the fields', () => {
    const error = (() => {
      try {
        assertSafeInput({ q: '\u0000' }, 'query');
      } catch (e) {
        return e as ProblemException;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ProblemException);
    expect(error?.getStatus()).toBe(400);
    expect(error?.code).toBe('REQUEST.VALIDATION_FAILED');
    expect(error?.fieldErrors[0]).toMatchObject({ field: 'query.q', code: 'noNulCharacter', message: { vi: expect.any(String), en: expect.any(String) } });
  });
});
