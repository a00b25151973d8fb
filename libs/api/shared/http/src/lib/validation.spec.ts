import { IsArray, IsInt, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { OptionalNotNull } from './optional-not-null';
import { ProblemException } from './problem';
import { ProblemValidationPipe } from './validation';

class Body {
  @IsString() name!: string;
  @IsInt() tier!: number;
}

class Amendment {
  @IsString() @MinLength(1) @MaxLength(2000) reason!: string;
}

class Update {
  @OptionalNotNull() @IsArray() @IsString({ each: true }) aliases?: string[];
  @OptionalNotNull() @IsString() @MinLength(1) name?: string;
  /** null clears the theme: a meaningful null keeps @IsOptional(). */
  @IsOptional() @IsString() theme?: string | null;
}

class Search {
  @IsOptional() @IsString() q?: string;
}

describe('ProblemValidationPipe', () => {
  const pipe = new ProblemValidationPipe();

  it('names each offending field with where it came from, in both languages', async () => {
    const error = await pipe.transform({ name: 1, tier: 'x', extra: true }, { type: 'body', metatype: Body }).catch((e) => e);
    expect(error).toBeInstanceOf(ProblemException);
    const fields = (error as ProblemException).fieldErrors;
    expect(fields.map((f) => f.field).sort()).toEqual(['body.extra', 'body.name', 'body.tier']);
    expect(fields.every((f) => f.message.vi && f.message.en)).toBe(true);
    expect((error as ProblemException).getStatus()).toBe(400);
  });

  it('says once that a missing field is required, instead of every rule it fails', async () => {
    const error = (await pipe.transform({}, { type: 'body', metatype: Amendment }).catch((e) => e)) as ProblemException;
    expect(error.fieldErrors).toEqual([{ field: 'body.reason', code: 'isDefined', message: { vi: 'Bắt buộc', en: 'reason is required' } }]);
    // A value that is there but wrong still gets the rule it breaks — and is never echoed back.
    const tooLong = (await pipe.transform({ reason: 'x'.repeat(2001) }, { type: 'body', metatype: Amendment }).catch((e) => e)) as ProblemException;
    expect(tooLong.fieldErrors.map((f) => f.code)).toEqual(['maxLength']);
    expect(JSON.stringify(tooLong.fieldErrors)).not.toContain('xxxx');
  });

  it('refuses a body that is not a JSON object', async () => {
    await expect(pipe.transform([1, 2], { type: 'body', metatype: Body })).rejects.toMatchObject({ code: 'REQUEST.VALIDATION_FAILED' });
    await expect(pipe.transform(undefined, { type: 'body', metatype: Body })).rejects.toBeInstanceOf(ProblemException);
  });

  it('lets a valid body through', async () => {
    await expect(pipe.transform({ name: 'a', tier: 1 }, { type: 'body', metatype: Body })).resolves.toMatchObject({ name: 'a', tier: 1 });
  });

  it('refuses null on a field that may be omitted but is not nullable, with one "must not be null" error', async () => {
    const error = (await pipe.transform({ aliases: null, name: null }, { type: 'body', metatype: Update }).catch((e) => e)) as ProblemException;
    expect(error).toBeInstanceOf(ProblemException);
    expect(error.fieldErrors).toEqual([
      { field: 'body.aliases', code: 'isNotNull', message: { vi: 'Không được là null', en: 'aliases must not be null' } },
      { field: 'body.name', code: 'isNotNull', message: { vi: 'Không được là null', en: 'name must not be null' } },
    ]);
    // Left out, it is fine; present, its rules apply; a nullable field still takes null.
    await expect(pipe.transform({ theme: null }, { type: 'body', metatype: Update })).resolves.toMatchObject({ theme: null });
    const wrong = (await pipe.transform({ aliases: [1] }, { type: 'body', metatype: Update }).catch((e) => e)) as ProblemException;
    expect(wrong.fieldErrors.map((f) => [f.field, f.code])).toEqual([['body.aliases', 'isString']]);
  });

  it('refuses NUL and lone surrogates in query strings and path parameters, naming the field', async () => {
    const q = (await pipe.transform({ q: 'ha\u0000noi' }, { type: 'query', metatype: Search }).catch((e) => e)) as ProblemException;
    expect(q).toBeInstanceOf(ProblemException);
    expect(q.fieldErrors.map((f) => [f.field, f.code])).toEqual([['query.q', 'noNulCharacter']]);
    const p = (await pipe.transform('\ud800', { type: 'param', metatype: String, data: 'code' }).catch((e) => e)) as ProblemException;
    expect(p.fieldErrors.map((f) => [f.field, f.code])).toEqual([['param.code', 'wellFormedUnicode']]);
    await expect(pipe.transform({ q: 'hà nội' }, { type: 'query', metatype: Search })).resolves.toMatchObject({ q: 'hà nội' });
  });

  it('refuses a __proto__ key in a query string instead of dropping it', async () => {
    const query = Object.assign(Object.create(null), { q: 'x', ['__proto__']: 'y' });
    const error = (await pipe.transform(query, { type: 'query', metatype: Search }).catch((e) => e)) as ProblemException;
    expect(error.fieldErrors.map((f) => [f.field, f.code])).toEqual([['query.__proto__', 'whitelistValidation']]);
  });
});
