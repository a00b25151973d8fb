import { IsInt, IsString, MaxLength, MinLength } from 'class-validator';
import { ProblemException } from './problem';
import { ProblemValidationPipe } from './validation';

class Body {
  @IsString() name!: string;
  @IsInt() tier!: number;
}

class Amendment {
  @IsString() @MinLength(1) @MaxLength(2000) reason!: string;
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
});
