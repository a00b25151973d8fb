import { ValidateBy, ValidateIf, type ValidationOptions } from 'class-validator';

/**
 * An optional field that may be left out but not sent as `null`. class-validator's `@IsOptional()`
 * skips every rule for `null` as well as for a missing value, so `"aliases": null` reached handlers that
 * expect an array or nothing. Use `@IsOptional()` only where `null` means something (clears a value).
 * A `null` here is refused with the single error `isNotNull`.
 */
export function OptionalNotNull(options?: ValidationOptions): PropertyDecorator {
  const whenPresent = ValidateIf((_object: unknown, value: unknown) => value !== undefined, options);
  const notNull = ValidateBy(
    {
      name: 'isNotNull',
      validator: {
        validate: (value: unknown) => value !== null,
        defaultMessage: (args) => `${args?.property ?? 'value'} must not be null`,
      },
    },
    options,
  );
  return (target: object, key: string | symbol) => {
    whenPresent(target, key);
    notNull(target, key);
  };
}
