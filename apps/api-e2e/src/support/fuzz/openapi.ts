/**
 * The slice of OpenAPI 3.x the fuzzer reads: operations, their parameters and bodies, and JSON schemas
 * ($ref, allOf, oneOf/anyOf, nullable, type arrays of 3.1). Nothing here knows the API's own paths.
 */
export interface Schema {
  $ref?: string;
  type?: string | string[];
  nullable?: boolean;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  example?: unknown;
  examples?: unknown;
  default?: unknown;
}

export interface OpenApiDocument {
  openapi?: string;
  security?: Record<string, unknown>[];
  paths: Record<string, Record<string, RawOperation | unknown>>;
  components?: {
    schemas?: Record<string, Schema>;
    parameters?: Record<string, RawParameter>;
    requestBodies?: Record<string, unknown>;
  };
}

interface RawParameter {
  $ref?: string;
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

interface RawOperation {
  operationId?: string;
  parameters?: RawParameter[];
  requestBody?: { $ref?: string; required?: boolean; content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, { $ref?: string; content?: Record<string, { schema?: Schema }> }>;
  security?: Record<string, unknown>[];
}

export interface Parameter {
  name: string;
  required: boolean;
  schema: Schema;
}

export interface Operation {
  /** `POST /plans/{id}/issue` */
  key: string;
  method: string;
  path: string;
  pathParams: Parameter[];
  queryParams: Parameter[];
  /** Documented request headers (besides authorization, content-type and accept). */
  headerParams: Parameter[];
  /** The JSON request body schema, when the operation takes one. */
  body?: Schema;
  bodyRequired: boolean;
  /** The document requires credentials (a security requirement without an empty alternative). */
  secured: boolean;
  /** Documented responses: status (or `4XX`, `default`) → JSON schema, if any. */
  responses: Record<string, Schema | undefined>;
}

const METHODS = ['get', 'put', 'post', 'patch', 'delete'];
export const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export class SchemaResolver {
  constructor(private readonly doc: OpenApiDocument) {}

  /** Follows `$ref`s (local ones) and merges `allOf`; cycles end in an empty schema. */
  resolve(schema: Schema | undefined, seen: Set<string> = new Set()): Schema {
    if (!schema || typeof schema !== 'object') return {};
    if (schema.$ref) {
      if (seen.has(schema.$ref)) return {};
      const target = this.pointer(schema.$ref) as Schema | undefined;
      const { $ref: _ref, ...siblings } = schema;
      return this.resolve({ ...(target ?? {}), ...siblings }, new Set([...seen, schema.$ref]));
    }
    if (schema.allOf?.length) {
      const parts = schema.allOf.map((s) => this.resolve(s, seen));
      const { allOf: _allOf, ...rest } = schema;
      return parts.reduce<Schema>(
        (acc, p) => ({
          ...acc,
          ...p,
          properties: { ...(acc.properties ?? {}), ...(p.properties ?? {}) },
          required: [...new Set([...(acc.required ?? []), ...(p.required ?? [])])],
        }),
        rest,
      );
    }
    return schema;
  }

  pointer(ref: string): unknown {
    if (!ref.startsWith('#/')) return undefined;
    return ref
      .slice(2)
      .split('/')
      .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<unknown>(
        (node, key) =>
          node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined,
        this.doc,
      );
  }
}

/** The types a schema admits (`nullable` and 3.1's `type: [..., 'null']` both give `null`). */
export function typesOf(s: Schema): string[] {
  const types = Array.isArray(s.type) ? [...s.type] : s.type ? [s.type] : [];
  if (!types.length) {
    if (s.properties) types.push('object');
    else if (s.items) types.push('array');
  }
  if (s.nullable && !types.includes('null')) types.push('null');
  return types;
}

function jsonContent(content: Record<string, { schema?: Schema }> | undefined): Schema | undefined {
  if (!content) return undefined;
  const key = Object.keys(content).find((k) => /json/i.test(k)) ?? Object.keys(content)[0];
  return key ? (content[key].schema ?? {}) : undefined;
}

/** Every operation of the document, with path parameters taken from the template when the document omits them. */
export function operationsOf(doc: OpenApiDocument): Operation[] {
  const resolver = new SchemaResolver(doc);
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    const shared = ((item as { parameters?: RawParameter[] }).parameters ?? []).map((p) =>
      p.$ref ? (resolver.pointer(p.$ref) as RawParameter) : p,
    );
    for (const method of METHODS) {
      const raw = (item as Record<string, RawOperation | undefined>)[method];
      if (!raw) continue;
      const params = [
        ...shared,
        ...(raw.parameters ?? []).map((p) => (p.$ref ? (resolver.pointer(p.$ref) as RawParameter) : p)),
      ].filter(Boolean);
      const fromTemplate = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      const pathParams = fromTemplate.map((name) => {
        const documented = params.find((p) => p.in === 'path' && p.name === name);
        return { name, required: true, schema: resolver.resolve(documented?.schema ?? { type: 'string' }) };
      });
      const queryParams = params
        .filter((p) => p.in === 'query')
        .map((p) => ({
          name: p.name,
          required: !!p.required,
          schema: resolver.resolve(p.schema ?? { type: 'string' }),
        }));
      const headerParams = params
        .filter(
          (p) =>
            p.in === 'header' && !['authorization', 'content-type', 'accept'].includes(p.name.toLowerCase()),
        )
        .map((p) => ({
          name: p.name,
          required: !!p.required,
          schema: resolver.resolve(p.schema ?? { type: 'string' }),
        }));
      const rb = raw.requestBody?.$ref
        ? (resolver.pointer(raw.requestBody.$ref) as RawOperation['requestBody'])
        : raw.requestBody;
      const body = jsonContent(rb?.content);
      const responses: Record<string, Schema | undefined> = {};
      for (const [status, r] of Object.entries(raw.responses ?? {})) {
        const resolved = r?.$ref ? (resolver.pointer(r.$ref) as typeof r) : r;
        const schema = jsonContent(resolved?.content);
        responses[status] = schema ? resolver.resolve(schema) : undefined;
      }
      ops.push({
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        pathParams,
        queryParams,
        headerParams,
        secured: isSecured(raw.security ?? doc.security),
        body: body ? resolver.resolve(body) : undefined,
        bodyRequired: !!rb?.required || !!body,
        responses,
      });
    }
  }
  return ops;
}

function isSecured(requirements: Record<string, unknown>[] | undefined): boolean {
  return !!requirements?.length && requirements.every((r) => Object.keys(r).length > 0);
}
