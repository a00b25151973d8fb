import fc from 'fast-check';
import { type Json, type PathKey, isObject, obj } from './json-text';
import { type Schema, SchemaResolver, typesOf } from './openapi';

const WORDS = [
  'Kế hoạch',
  'nhiệm vụ',
  'Phường Hoàn Kiếm',
  'chuyển đổi số',
  'Quý IV/2025',
  'báo cáo',
  'Sở',
  'UBND',
  'xã',
  'test',
];

/** Values that fit a schema as far as the document says (examples and enums first: they reach deeper). */
export class ValidArbitraries {
  constructor(private readonly resolver: SchemaResolver) {}

  of(schema: Schema | undefined, depth = 0): fc.Arbitrary<Json> {
    const s = this.resolver.resolve(schema);
    const choices = s.oneOf ?? s.anyOf;
    if (choices?.length) return fc.oneof(...choices.map((c) => this.of(c, depth)));
    if (s.const !== undefined) return fc.constant(s.const as Json);
    if (s.enum?.length) return fc.constantFrom(...(s.enum as Json[]));
    const types = typesOf(s);
    const base = this.nonNull(
      s,
      types.filter((t) => t !== 'null'),
      depth,
    );
    const example = this.example(s);
    const withExample =
      example !== undefined
        ? fc.oneof({ arbitrary: fc.constant(example), weight: 3 }, { arbitrary: base, weight: 2 })
        : base;
    return types.includes('null') ? fc.option(withExample, { nil: null, freq: 8 }) : withExample;
  }

  private example(s: Schema): Json | undefined {
    if (s.example !== undefined) return s.example as Json;
    if (Array.isArray(s.examples) && s.examples.length) return s.examples[0] as Json;
    if (s.default !== undefined) return s.default as Json;
    return undefined;
  }

  private nonNull(s: Schema, types: string[], depth: number): fc.Arbitrary<Json> {
    const type = types[0];
    if (types.length > 1) return fc.oneof(...types.map((t) => this.nonNull(s, [t], depth)));
    switch (type) {
      case 'object':
        return this.object(s, depth);
      case 'array': {
        const min = s.minItems ?? 0;
        const max = Math.max(min, Math.min(s.maxItems ?? min + 3, min + (depth > 2 ? 1 : 3)));
        return fc.array(this.of(s.items ?? {}, depth + 1), { minLength: min, maxLength: max });
      }
      case 'integer':
      case 'number':
        return this.number(s, type === 'integer');
      case 'boolean':
        return fc.boolean();
      case 'string':
        return this.string(s);
      default:
        // Untyped in the document: something plausible.
        return fc.oneof(fc.constantFrom<Json>('x', 1, true), this.string({}));
    }
  }

  private object(s: Schema, depth: number): fc.Arbitrary<Json> {
    const props = s.properties ?? {};
    const required = new Set(s.required ?? []);
    const keys = Object.keys(props);
    if (!keys.length) return fc.constant(obj());
    const entries = keys.map((k) =>
      required.has(k)
        ? this.of(props[k], depth + 1).map((v) => [k, v] as [string, Json])
        : fc.option(
            this.of(props[k], depth + 1).map((v) => [k, v] as [string, Json]),
            { nil: undefined, freq: depth > 2 ? 1 : 2 },
          ),
    );
    return fc.tuple(...entries).map((pairs) => obj(pairs.filter((p): p is [string, Json] => !!p)));
  }

  private number(s: Schema, integer: boolean): fc.Arbitrary<Json> {
    const lo =
      typeof s.exclusiveMinimum === 'number'
        ? s.exclusiveMinimum + 1
        : (s.minimum ?? 0) + (s.exclusiveMinimum === true ? 1 : 0);
    const hi =
      typeof s.exclusiveMaximum === 'number'
        ? s.exclusiveMaximum - 1
        : (s.maximum ?? Math.max(lo, 3000)) - (s.exclusiveMaximum === true ? 1 : 0);
    const min = Math.ceil(Math.min(lo, hi));
    const max = Math.floor(Math.max(lo, hi));
    return integer || Number.isInteger(min) ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true });
  }

  private string(s: Schema): fc.Arbitrary<Json> {
    const min = s.minLength ?? 0;
    const max = Math.max(min, Math.min(s.maxLength ?? 40, 40));
    switch (s.format) {
      case 'date':
        return fc
          .record({
            y: fc.integer({ min: 2024, max: 2027 }),
            m: fc.integer({ min: 1, max: 12 }),
            d: fc.integer({ min: 1, max: 28 }),
          })
          .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
      case 'date-time':
        return fc
          .date({ min: new Date('2024-01-01'), max: new Date('2027-12-31'), noInvalidDate: true })
          .map((d) => d.toISOString());
      case 'uuid':
        return fc.uuid();
      case 'email':
        return fc.emailAddress();
    }
    if (s.pattern) {
      try {
        return fc
          .stringMatching(new RegExp(s.pattern))
          .filter((x) => x.length >= min && x.length <= (s.maxLength ?? Infinity));
      } catch {
        /* a pattern JavaScript cannot read: fall through */
      }
    }
    return fc
      .oneof(fc.constantFrom(...WORDS), fc.string({ minLength: min, maxLength: max }))
      .map((x) => (x.length < min ? x.padEnd(min, 'a') : x.slice(0, s.maxLength ?? x.length)));
  }
}

/** One place in a generated body, with the schema the document gives it. */
export interface Location {
  path: PathKey[];
  schema: Schema;
  value: Json;
}

/** Every place in `value` (root included), walked together with its schema. */
export function locationsOf(
  value: Json,
  schema: Schema | undefined,
  resolver: SchemaResolver,
  path: PathKey[] = [],
  out: Location[] = [],
): Location[] {
  const s = resolver.resolve(schema);
  out.push({ path, schema: s, value });
  if (Array.isArray(value)) value.forEach((v, i) => locationsOf(v, s.items, resolver, [...path, i], out));
  else if (isObject(value))
    for (const k of Object.keys(value)) locationsOf(value[k], s.properties?.[k], resolver, [...path, k], out);
  return out;
}
