import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import Ajv, { type ValidateFunction } from 'ajv';
import * as ts from 'typescript';
import { apiConfigFromEnv } from './api.config';
import { buildOpenApiDocumentOffline } from './openapi';
import { keycloakClaims } from '@dieu-hanh/api/shared/testing';
import { type TestAccount, startTestApi } from './test-harness';

const ROOT = resolve(__dirname, '../../../..');
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
type Method = (typeof METHODS)[number];
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
// A class, as class-validator and Nest key their metadata.
type Constructor = abstract new (...args: never[]) => unknown;

interface LintReport {
  totals: { errors: number; warnings: number };
  problems: { ruleId: string; severity: string; message: string; location: { pointer: string }[] }[];
}

/** `redocly lint` with the repository's redocly.yaml, as a child process (the CLI is ESM and bundles its own core). */
function redoclyLint(file: string): LintReport {
  const run = spawnSync(
    process.execPath,
    [
      join(ROOT, 'node_modules/@redocly/cli/bin/cli.js'),
      'lint',
      file,
      '--config',
      join(ROOT, 'redocly.yaml'),
      '--format=json',
    ],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: {
        ...process.env,
        REDOCLY_TELEMETRY: 'off',
        REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
        NO_COLOR: '1',
      },
      timeout: 60_000,
    },
  );
  const start = run.stdout.indexOf('{');
  if (start < 0) throw new Error(`redocly lint printed no report (exit ${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout.slice(start)) as LintReport;
}

const describeProblems = (r: LintReport) =>
  r.problems.map(
    (p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location.map((l) => l.pointer).join(', ')}`,
  );

/**
 * The OpenAPI document the API serves: complete (every operation, parameter, body, success and error
 * response), lint-clean under redocly.yaml, good for client types that equal the shared contracts, and
 * true to what the API really answers.
 */
describe('OpenAPI document', () => {
  let api: Awaited<ReturnType<typeof startTestApi>>;
  let doc: OpenAPIObject;
  let dir: string;
  let file: string;

  beforeAll(async () => {
    api = await startTestApi();
    const r = await api.call('/api/docs-json');
    expect(r.status).toBe(200);
    doc = r.body;
    dir = mkdtempSync(join(tmpdir(), 'openapi-'));
    file = join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(doc, null, 2));
  }, 60_000);

  afterAll(async () => {
    await api?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, item]) =>
      METHODS.filter((m) => item[m]).map((m) => ({ path, method: m, op: item[m] as Json })),
    );

  it('is the same without a database (main.js openapi)', async () => {
    expect(await buildOpenApiDocumentOffline(apiConfigFromEnv({}))).toEqual(doc);
  });

  it('passes redocly lint (redocly.yaml) with no error and no warning', () => {
    const report = redoclyLint(file);
    expect(describeProblems(report)).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  }, 60_000);

  it('the lint catches an undeclared path parameter, a missing error response and an undefined security scheme', () => {
    const broken = structuredClone(doc) as Json;
    broken.paths['/units/{code}'].get.parameters = [];
    broken.paths['/plans/{id}'].get.responses = { 200: broken.paths['/plans/{id}'].get.responses[200] };
    delete broken.components.securitySchemes;
    const brokenFile = join(dir, 'broken.json');
    writeFileSync(brokenFile, JSON.stringify(broken));
    const rules = new Set(redoclyLint(brokenFile).problems.map((p) => p.ruleId));
    expect([...rules]).toEqual(
      expect.arrayContaining([
        'path-parameters-defined',
        'rule/protected-operation-4xx-response',
        'security-defined',
      ]),
    );
  }, 60_000);

  it('every operation: summary, parameters with their schemas, a success schema, problem+json errors; bearer unless public', () => {
    expect(doc.security).toEqual([{ bearer: [] }]);
    for (const { path, method, op } of operations()) {
      const where = `${method.toUpperCase()} ${path}`;
      expect([where, typeof op.summary === 'string' && op.summary.length > 0]).toEqual([where, true]);
      for (const name of [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1])) {
        const p = op.parameters.find((x: Json) => x.in === 'path' && x.name === name);
        expect([where, name, p?.required, Boolean(p?.schema?.pattern)]).toEqual([where, name, true, true]);
      }
      const ok = Object.keys(op.responses).filter((s) => s.startsWith('2'));
      expect([where, ok.length]).toEqual([where, 1]);
      // JSON, or a file: a download documents each media type it may send as a binary string.
      const success = Object.entries((op.responses[ok[0]].content ?? {}) as Record<string, Json>);
      const isDownload = success.length > 0 && success.every(([, c]) => c.schema?.type === 'string' && c.schema?.format === 'binary');
      expect([where, isDownload ? success[0][1].schema : op.responses[ok[0]].content?.['application/json']?.schema]).toEqual([
        where,
        expect.anything(),
      ]);
      for (const [status, res] of Object.entries(op.responses as Record<string, Json>)) {
        if (!status.startsWith('4')) continue;
        expect([where, status, res.content['application/problem+json'].schema]).toEqual([
          where,
          status,
          { $ref: '#/components/schemas/ProblemDetails' },
        ]);
      }
      const isPublic = path === '/health';
      expect([where, op.security]).toEqual([where, isPublic ? [] : undefined]);
      if (!isPublic)
        expect([where, Object.keys(op.responses)]).toEqual([where, expect.arrayContaining(['401', '503'])]);
    }
    const search = doc.paths['/units'].get as Json;
    expect(search.parameters.find((p: Json) => p.name === 'limit')).toMatchObject({
      in: 'query',
      required: false,
      schema: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
    });
    expect(search.parameters.find((p: Json) => p.name === 'kind').schema.enum).toContain('commune');
    const register = (doc.components as Json).schemas.RegisterUnitBody.properties;
    expect(register.parentCode).toMatchObject({
      type: 'string',
      nullable: true,
      pattern: '^[0-9A-Z][0-9A-Z-]{1,31}$',
    });
    expect(register.officialName).toMatchObject({ type: 'string', minLength: 1, maxLength: 300 });
    expect((doc.components as Json).schemas.PlanDraftBody.properties.legalBases).toMatchObject({
      maxItems: 100,
      items: { type: 'string', maxLength: 2000 },
    });
  });

  it('states exactly the rules the server enforces: required, nullable, lengths, patterns, ranges, enums, item limits', () => {
    const storage = getMetadataStorage();
    const schemas = (doc.components as Json).schemas as Record<string, Json>;
    const mismatches: string[] = [];
    const compare = (
      where: string,
      metas: ValidationMetadata[],
      schema: Json,
      required: boolean,
      inBody: boolean,
    ) => {
      const conditions = metas
        .filter((m) => m.type === 'conditionalValidation')
        .map((m) => m.constraints[0] as (o: object, v: unknown) => boolean);
      const prop = metas[0].propertyName;
      const expected: Json = { required: !conditions.some((c) => !c({}, undefined)) };
      const actual: Json = { required };
      if (inBody) {
        expected.nullable = conditions.some((c) => !c({ [prop]: null }, null));
        actual.nullable = schema.nullable === true;
      }
      const keys: Record<string, string> = {
        maxLength: 'maxLength',
        minLength: 'minLength',
        matches: 'pattern',
        arrayMaxSize: 'maxItems',
        min: 'minimum',
        max: 'maximum',
        isIn: 'enum',
      };
      for (const m of metas) {
        const key = keys[m.name ?? ''];
        if (key) {
          const value =
            key === 'pattern'
              ? (m.constraints[0] as RegExp).source
              : key === 'enum'
                ? [...(m.constraints[0] as unknown[])].sort()
                : m.constraints[0];
          expected[`${m.each ? 'items.' : ''}${key}`] = value;
        }
        if (m.name === 'isInt') expected.type = 'integer';
        if (m.name === 'isBoolean') expected.type = 'boolean';
        if (m.name === 'isArray') expected.type = 'array';
      }
      for (const key of Object.values(keys)) {
        if (schema[key] !== undefined) actual[key] = key === 'enum' ? [...schema[key]].sort() : schema[key];
        if (schema.items?.[key] !== undefined) actual[`items.${key}`] = schema.items[key];
      }
      if (expected.type) actual.type = schema.type;
      if (JSON.stringify(Object.entries(expected).sort()) !== JSON.stringify(Object.entries(actual).sort())) {
        mismatches.push(`${where}: server ${JSON.stringify(expected)} ≠ document ${JSON.stringify(actual)}`);
      }
    };
    const byProperty = (cls: Constructor) => {
      const groups = new Map<string, ValidationMetadata[]>();
      for (const m of storage.getTargetValidationMetadatas(cls, '', true, false))
        groups.set(m.propertyName, [...(groups.get(m.propertyName) ?? []), m]);
      return groups;
    };
    let checked = 0;
    for (const module of api.app.get(ModulesContainer).values()) {
      for (const { metatype } of module.controllers.values()) {
        if (typeof metatype !== 'function') continue;
        for (const key of Object.getOwnPropertyNames(metatype.prototype)) {
          const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, metatype, key) ?? {}) as Record<
            string,
            { index: number }
          >;
          const types = (Reflect.getMetadata('design:paramtypes', metatype.prototype, key) ??
            []) as Constructor[];
          const op = operations().find(
            (o) => o.op.operationId === `${metatype.name.replace(/Controller$/, '')}_${key}`,
          )?.op;
          for (const [argKey, { index }] of Object.entries(args)) {
            const kind = Number(argKey.split(':')[0]);
            if (!op || ![RouteParamtypes.BODY, RouteParamtypes.QUERY, RouteParamtypes.PARAM].includes(kind))
              continue;
            if (kind === RouteParamtypes.BODY) continue; // bodies: every validated class below, nested ones included
            const where = kind === RouteParamtypes.QUERY ? 'query' : 'path';
            for (const [prop, metas] of byProperty(types[index])) {
              const param = op.parameters.find((p: Json) => p.in === where && p.name === prop);
              if (!param) mismatches.push(`${op.operationId}: ${where} parameter ${prop} is not documented`);
              else
                compare(
                  `${op.operationId} ${where}.${prop}`,
                  metas,
                  param.schema,
                  param.required === true,
                  false,
                );
              checked++;
            }
          }
        }
      }
    }
    // Every class with validation rules whose name is a schema of the document (bodies and their nested parts).
    for (const cls of (
      storage as unknown as { validationMetadatas: Map<Constructor, ValidationMetadata[]> }
    ).validationMetadatas.keys()) {
      const schema = schemas[cls.name];
      if (!schema || typeof cls !== 'function') continue;
      for (const [prop, metas] of byProperty(cls)) {
        if (metas.every((m) => m.type === 'whitelistValidation')) continue;
        const property = schema.properties?.[prop];
        if (!property) mismatches.push(`${cls.name}.${prop} is not documented`);
        else compare(`${cls.name}.${prop}`, metas, property, (schema.required ?? []).includes(prop), true);
        checked++;
      }
    }
    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThan(80);
  });

  it('gives client types (openapi-typescript) that equal the shared contracts', () => {
    // Its CLI, as a client project would run it (the package is ESM: no in-process import under Jest).
    const gen = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules/openapi-typescript/bin/cli.js'), file, '-o', join(dir, 'api.d.ts')],
      { cwd: ROOT, encoding: 'utf8', timeout: 60_000 },
    );
    expect([gen.status, gen.stderr]).toEqual([0, expect.any(String)]);
    // Mutual assignability both ways: a missing or extra required field, a wrong type, `never` or
    // `unknown` where a schema should be, all fail to compile.
    const check = `
      import type { components, paths } from './api';
      import type * as C from '@dieu-hanh/shared/contracts';
      type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
      type Res<P extends keyof paths, M extends 'get' | 'post' | 'put' | 'patch', S extends number, T extends string = 'application/json'> =
        NonNullable<paths[P][M]> extends { responses: infer R } ? (S extends keyof R ? (R[S] extends { content: infer Co } ? (T extends keyof Co ? Co[T] : 'no such media type') : 'no content') : 'no such status') : 'no such operation';
      type Req<P extends keyof paths, M extends 'post' | 'put' | 'patch'> =
        NonNullable<paths[P][M]> extends { requestBody?: infer B } ? (NonNullable<B> extends { content: { 'application/json': infer J } } ? J : 'no json body') : 'no body';
      export const checks: true[] = [
        true as Same<Res<'/plans', 'get', 200>, C.PlanListDto>,
        true as Same<Res<'/plans/{id}', 'get', 200>, C.PlanDetailDto>,
        true as Same<Res<'/plans/{id}/tasks/{taskId}/assignments', 'get', 200>, C.TaskAssignmentsDto>,
        true as Same<Res<'/plans/{id}/history', 'get', 200>, C.PlanHistoryEntryDto[]>,
        true as Same<Res<'/plans/{id}/implementing', 'get', 200>, C.ImplementingPlansDto>,
        true as Same<Res<'/plans/{id}/amendments', 'post', 200>, C.PlanAmendResultDto>,
        true as Same<Res<'/assignments/{id}', 'get', 200>, C.AssignmentDetailDto>,
        true as Same<Res<'/my/assignments', 'get', 200>, C.MyAssignmentsDto>,
        true as Same<Res<'/units', 'get', 200>, C.UnitListDto>,
        true as Same<Res<'/units/{code}', 'get', 200>, C.UnitDto>,
        true as Same<Res<'/units/{code}/successors', 'get', 200>, C.SuccessorChainDto>,
        true as Same<Res<'/unit-groups', 'get', 200>, C.UnitGroupDto[]>,
        true as Same<Res<'/me', 'get', 200>, C.MeDto>,
        true as Same<Res<'/notifications', 'get', 200>, C.NotificationListDto>,
        true as Same<Res<'/notifications/groups', 'get', 200>, C.NotificationGroupListDto>,
        true as Same<Res<'/assignments/{id}/evidence', 'post', 201>, C.EvidenceDto>,
        true as Same<Res<'/assignments/{id}/work', 'get', 200>, C.AssignmentWorkDto>,
        true as Same<Res<'/assignments/{id}/progress', 'post', 200>, C.AssignmentWorkDto>,
        true as Same<Res<'/execution/urge', 'post', 200>, C.UrgeResultDto>,
        true as Same<Res<'/my/work', 'get', 200>, C.WorkListDto>,
        true as Same<Res<'/execution/work', 'get', 200>, C.WorkListDto>,
        true as Same<Res<'/plans/{id}/progress', 'get', 200>, C.PlanProgressDto>,
        true as Same<Res<'/assignments/{id}/timeline', 'get', 200>, C.TimelineEntryDto[]>,
        true as Same<Res<'/execution/leader-inbox', 'get', 200>, C.LeaderInboxDto>,
        true as Same<Req<'/assignments/{id}/progress', 'post'>, C.ProgressUpdateRequest>,
        true as Same<Req<'/extensions/{id}/decision', 'post'>, C.ExtensionDecisionRequest>,
        true as Same<Req<'/execution/urge', 'post'>, C.UrgeRequest>,
        true as Same<Res<'/plans', 'post', 400, 'application/problem+json'>, C.ProblemDetails>,
        true as Same<Res<'/plans/{id}', 'get', 404, 'application/problem+json'>, components['schemas']['ProblemDetails']>,
        true as Same<Req<'/plans', 'post'>, C.PlanDraftRequest>,
        true as Same<Req<'/plans/{id}/amendments', 'post'>, C.PlanAmendRequest>,
        true as Same<Req<'/units', 'post'>, C.RegisterUnitRequest>,
        true as Same<Req<'/units/{code}', 'patch'>, C.UpdateUnitRequest>,
        true as Same<Req<'/units/{code}/successions', 'post'>, C.RecordSuccessionRequest>,
        true as Same<Res<'/reporting/periods', 'get', 200>, C.PeriodListDto>,
        true as Same<Res<'/reporting/periods/{id}', 'get', 200>, C.ReportingPeriodDto>,
        true as Same<Res<'/plans/{id}/periods', 'post', 201>, C.ReportingPeriodDto>,
        true as Same<Res<'/reporting/periods/{id}/tracker', 'get', 200>, C.SubmissionTrackerDto>,
        true as Same<Res<'/reporting/periods/{id}/urge', 'post', 200>, { urged: number }>,
        true as Same<Res<'/reporting/periods/{id}/my-report', 'post', 200>, C.UnitReportDto>,
        true as Same<Res<'/reporting/reports/{id}', 'get', 200>, C.UnitReportDto>,
        true as Same<Res<'/reporting/reports/{id}/accept', 'post', 200>, C.UnitReportDto>,
        true as Same<Res<'/reporting/consolidated/{id}', 'get', 200>, C.ConsolidatedReportDto>,
        true as Same<Res<'/reporting/periods/{id}/consolidated', 'post', 200>, C.ConsolidatedReportDto>,
        true as Same<Res<'/reporting/dashboard/plans/{id}', 'get', 200>, C.PlanDashboardDto>,
        true as Same<Res<'/reporting/dashboard/portfolio', 'get', 200>, C.PortfolioDto>,
        true as Same<Res<'/reporting/scorecard', 'get', 200>, C.UnitScorecardDto>,
        true as Same<Res<'/reporting/exports', 'post', 202>, C.ExportJobDto>,
        true as Same<Res<'/reporting/exports/{id}', 'get', 200>, C.ExportJobDto>,
        true as Same<Res<'/reporting/periods/{id}/indicator-values/import', 'post', 200>, C.IndicatorImportResultDto>,
        true as Same<Req<'/reporting/reports/{id}', 'put'>, C.SaveUnitReportRequest>,
        true as Same<Req<'/reporting/reports/{id}/return', 'post'>, C.ReportDecisionRequest>,
        true as Same<Req<'/plans/{id}/periods', 'post'>, C.OpenPeriodRequest>,
        true as Same<Req<'/reporting/consolidated/{id}', 'put'>, C.SaveConsolidatedReportRequest>,
        true as Same<Req<'/reporting/consolidated/{id}/approve', 'post'>, C.ReportDecisionRequest>,
        true as Same<Req<'/reporting/exports', 'post'>, C.ExportRequest>,
        true as Same<Req<'/reporting/periods/{id}/urge', 'post'>, C.UrgeReportsRequest>,
      ];
      // Not \`never\`, not empty: the id of a plan is a string, a problem has a code.
      export const id: Res<'/plans/{id}', 'get', 200>['id'] = 'x';
      export const code: Res<'/plans', 'post', 400, 'application/problem+json'>['code'] = 'REQUEST.VALIDATION_FAILED';
      // @ts-expect-error a number is not a plan id
      export const notId: Res<'/plans/{id}', 'get', 200>['id'] = 1;
    `;
    const checkFile = join(dir, 'check.ts');
    writeFileSync(checkFile, check);
    const base = ts.readConfigFile(join(ROOT, 'tsconfig.base.json'), ts.sys.readFile).config.compilerOptions;
    const { options } = ts.convertCompilerOptionsFromJson(
      {
        ...base,
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        importHelpers: false,
        baseUrl: ROOT,
        rootDir: '/',
        types: [],
      },
      ROOT,
    );
    const program = ts.createProgram([checkFile], options);
    const errors = ts
      .getPreEmitDiagnostics(program)
      .map(
        (d) =>
          `${d.file ? `${d.file.fileName}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1} ` : ''}${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`,
      );
    expect(errors).toEqual([]);
  }, 60_000);

  describe('is true: real answers match the operation’s documented status, media type and schema', () => {
    const seen = new Set<string>();
    let ajv: Ajv;
    const validators = new Map<string, ValidateFunction>();

    /** Documented schemas made strict for the check: no undocumented field, `nullable` as "or null". */
    const strict = (node: Json): Json => {
      if (Array.isArray(node)) return node.map(strict);
      if (node === null || typeof node !== 'object') return node;
      const out: Json = {};
      for (const [k, v] of Object.entries(node)) {
        if (k === 'example' || k === 'discriminator') continue;
        out[k] =
          k === '$ref'
            ? String(v).replace('#/components/schemas/', 'doc#/components/schemas/')
            : k === 'properties'
              ? Object.fromEntries(Object.entries(v as object).map(([p, s]) => [p, strict(s)]))
              : strict(v);
      }
      if (out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
      if (out.nullable === true) {
        delete out.nullable;
        return { anyOf: [{ type: 'null' }, out] };
      }
      return out;
    };

    beforeAll(() => {
      ajv = new Ajv({ strict: false, allErrors: true });
      ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
      ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
      ajv.addFormat('date-time', {
        validate: (s: string) =>
          /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(s) &&
          !Number.isNaN(Date.parse(s)),
      });
      ajv.addFormat('uri', { validate: (s: string) => URL.canParse(s) });
      ajv.addFormat('binary', true); // a downloaded file: any bytes
      ajv.addSchema({ $id: 'doc', components: { schemas: strict((doc.components as Json).schemas) } });
    });

    /** Calls the API and checks the answer against the document; returns the body. */
    const check = async (
      method: Method,
      path: string,
      init: {
        as?: TestAccount;
        token?: string;
        body?: unknown;
        raw?: string;
        headers?: Record<string, string>;
      } = {},
    ) => {
      const bare = path.split('?')[0];
      const template = Object.keys(doc.paths).find(
        (t) => new RegExp(`^${t.replace(/\{\w+\}/g, '[^/]+')}$`).test(bare) && doc.paths[t][method],
      );
      expect([method, path, template]).toEqual([method, path, expect.any(String)]);
      const r = await api.call(path, {
        method: method.toUpperCase(),
        as: init.as,
        token: init.token,
        headers: init.headers,
        body: init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
      });
      const op = (doc.paths as Json)[template as string][method];
      const where = `${method.toUpperCase()} ${template} → ${r.status}`;
      const documented = op.responses[String(r.status)];
      expect([where, documented ? 'documented' : 'undocumented status']).toEqual([where, 'documented']);
      const mediaType = r.type.split(';')[0].trim();
      const schema = documented.content?.[mediaType]?.schema;
      expect([where, mediaType, schema ? 'documented' : 'undocumented media type']).toEqual([
        where,
        mediaType,
        'documented',
      ]);
      const key = `${where} ${mediaType}`;
      let validate = validators.get(key);
      if (!validate) {
        validate = ajv.compile(strict(schema));
        validators.set(key, validate);
      }
      validate(r.body);
      expect([where, validate.errors ?? []]).toEqual([where, []]);
      seen.add(`${method} ${template} ${r.status}`);
      return r.body;
    };

    it('directory, account and health', async () => {
      await check('get', '/health');
      await check('get', '/me', { as: 'hoankiem' });
      await check('get', '/me');
      await check('get', '/units?q=phuong&limit=5', { as: 'leader' });
      await check('get', '/units?limit=0&nope=1', { as: 'leader' });
      await check('get', '/units/00070', { as: 'hoankiem' });
      await check('get', '/units/99999', { as: 'leader' });
      await check('get', '/units/a~b', { as: 'leader' });
      await check('get', '/units/01-STTTT/successors', { as: 'dept' });
      await check('get', '/units/01-STTTT/successors', { token: 'not-a-jwt' });
      await check('get', '/unit-groups', { as: 'leader' });
      const unit = {
        code: '01-SVHTT',
        officialName: 'Sở Văn hóa và Thể thao thành phố Hà Nội',
        shortName: 'Sở Văn hóa và Thể thao',
        kind: 'department',
        tier: 1,
        parentCode: '01-UBND',
        validFrom: '2025-03-01',
        aliases: ['Sở VH&TT'],
      };
      await check('post', '/units', { as: 'admin', body: unit });
      await check('post', '/units', { as: 'admin', body: unit });
      await check('post', '/units', { as: 'dept', body: { ...unit, code: '01-SXD' } });
      await check('post', '/units', {
        as: 'admin',
        raw: '{"code": ',
        headers: { 'content-type': 'application/json' },
      });
      await check('post', '/units', {
        as: 'admin',
        raw: JSON.stringify({ code: 'x'.repeat(1_200_000) }),
        headers: { 'content-type': 'application/json' },
      });
      await check('post', '/units', {
        as: 'admin',
        raw: '{}',
        headers: { 'content-type': 'application/json; charset=latin9' },
      });
      await check('patch', '/units/01-SVHTT', { as: 'admin', body: { shortName: 'Sở VHTT' } });
      await check('patch', '/units/01-SNONE', { as: 'admin', body: { shortName: 'Không có' } });
      await check('post', '/units/01-SVHTT/successions', {
        as: 'admin',
        body: { successorCode: '01-SKHCN', kind: 'replaced-by', effectiveDate: '2026-01-01' },
      });
      await check('get', '/units/01-SVHTT/history', { as: 'admin' });
      await check('get', '/units/01-SVHTT/history', { as: 'dept' });
    });

    it('plans, assignments and notifications through a plan’s life', async () => {
      const draft = {
        title: 'Kế hoạch hưởng ứng Ngày Chuyển đổi số năm 2025',
        year: 2025,
        focalUnitCode: '01-SKHCN',
        theme: 'Chuyển đổi số toàn dân',
        legalBases: ['Quyết định số 505/QĐ-TTg'],
        reportingDuties: [
          { text: 'Báo cáo kết quả', unitCode: '01-SKHCN', timeframe: 'Trước ngày 15/12/2025' },
        ],
        sections: [{ code: 'III', title: 'Nhiệm vụ' }],
        tasks: [
          {
            section: 'III',
            content: 'Tuyên truyền qua hệ thống truyền thanh cơ sở',
            timeframe: 'Quý IV/2025',
            leads: [{ group: '01-G-XA-PHUONG' }],
            coordinators: [{ unit: '01-SKHCN', asWritten: 'Sở Khoa học và Công nghệ' }],
          },
          {
            content: 'Tổ chức Lễ phát động',
            timeframe: 'Thường xuyên',
            leads: [{ unit: '01-SGDDT' }],
            coordinators: [{ pending: 'Các hội, đoàn thể' }],
          },
          {
            content: 'Họp giao ban',
            timeframe: 'Định kỳ thứ Sáu tuần thứ 4 hằng tháng',
            leads: [{ unit: '01-SKHCN' }],
            coordinators: [],
          },
        ],
        indicators: [
          {
            name: 'Tỷ lệ hồ sơ trực tuyến toàn trình',
            targets: [
              { year: 2025, text: '> 85%' },
              { year: 2026, text: '7% - 7,5%' },
              { year: 2027, text: 'Tốp 5' },
              { year: 2028, text: 'Theo chỉ đạo của Trung ương' },
            ],
            focal: [{ unit: '01-SKHCN' }],
            implementing: [{ group: '01-G-XA-PHUONG' }],
          },
        ],
      };
      const created = await check('post', '/plans', { as: 'dept', body: draft });
      const id = created.id as string;
      await check('post', '/plans', { as: 'dept', body: { ...draft, title: '' } });
      await check('post', '/plans', {
        as: 'hoankiem',
        raw: '[1]',
        headers: { 'content-type': 'application/json' },
      });
      await check('get', `/plans/${randomUUID()}`, { as: 'dept' });
      await check('get', '/plans/not-a-uuid', { as: 'dept' });
      const first = await check('get', `/plans/${id}`, { as: 'dept' });
      await check('put', `/plans/${id}`, { as: 'dept', body: { ...draft, version: first.version } });
      await check('put', `/plans/${id}`, { as: 'dept', body: { ...draft, version: first.version } });
      await check('put', `/plans/${id}`, { as: 'dept2', body: { ...draft, version: first.version } });
      await check('post', `/plans/${id}/approve`, { as: 'leader' });
      await check('post', `/plans/${id}/submit`, { as: 'dept' });
      await check('post', `/plans/${id}/approve`, { as: 'dept' });
      await check('post', `/plans/${id}/return`, {
        as: 'leader',
        body: { comments: [{ text: 'Bổ sung thời hạn', field: 'tasks.0.timeframe' }] },
      });
      await check('get', `/plans/${id}`, { as: 'dept' });
      await check('post', `/plans/${id}/submit`, { as: 'dept' });
      await check('post', `/plans/${id}/approve`, { as: 'leader' });
      await check('post', `/plans/${id}/issue`, {
        as: 'leader',
        body: { number: 272, issueDate: '2025-10-02' },
      });
      await check('post', `/plans/${id}/issue`, {
        as: 'leader',
        body: { number: 272, issueDate: '2025-10-02' },
      });
      const plan = await check('get', `/plans/${id}`, { as: 'leader' });
      await check('get', '/plans?status=issued&year=2025&limit=10', { as: 'leader' });
      await check('get', '/plans?status=unknown', { as: 'leader' });
      await check('get', `/plans/${id}/tasks/${plan.tasks[0].id}/assignments?limit=5`, { as: 'leader' });
      await check('get', `/plans/${id}/history`, { as: 'leader' });
      await check('get', `/plans/${id}/implementing`, { as: 'dept' });
      const amended = {
        ...draft,
        version: plan.version,
        reason: 'Bổ sung nhiệm vụ',
        tasks: plan.tasks.slice(0, 2).map((t: Json, i: number) => ({ ...draft.tasks[i], id: t.id })),
      };
      await check('post', `/plans/${id}/amendments`, { as: 'leader', body: amended });
      await check('post', `/plans/${id}/amendments`, { as: 'leader', body: amended });

      const hk = await check('get', `/plans/${id}`, { as: 'hoankiem' });
      await check('get', `/assignments/${hk.tasks[0].assignments[0].id}`, { as: 'hoankiem' });
      await check('get', `/assignments/${randomUUID()}`, { as: 'hoankiem' });
      await check('get', '/my/assignments?limit=10', { as: 'hoankiem' });
      const notes = await check('get', '/notifications?unread=true&limit=5', { as: 'hoankiem' });
      await check('post', `/notifications/${notes.items[0].id}/read`, { as: 'hoankiem' });
      await check('post', `/notifications/${randomUUID()}/read`, { as: 'hoankiem' });
      await check('post', '/notifications/read-all', { as: 'hoankiem' });
      await check('post', '/notifications/read-all?planId=nope', { as: 'hoankiem' });
      await check('get', '/notifications/groups?limit=5', { as: 'hoankiem' });
      await check('get', '/notifications/groups?limit=0', { as: 'hoankiem' });
      await check('get', `/notifications?planId=${id}&limit=5`, { as: 'hoankiem' });
      // The live stream ends when its token expires: a token good for 2 s gives a complete answer to check.
      const shortLived = await api.hn.sign(keycloakClaims({ username: 'hk', unit: '00070', tier: 2, roles: ['commune-officer'] }), { expiresIn: '2s' });
      await check('get', '/notifications/stream', { token: shortLived });
      await check('get', '/notifications/stream');
      await check('post', `/plans/${id}/close`, { as: 'leader' });
    });

    it('evidence files: upload (multipart) and download', async () => {
      // An issued plan with Hoàn Kiếm's assignment (made directly: only the evidence operations are checked here).
      const post = (as: TestAccount, path: string, body?: object) => api.call(path, { as, method: 'POST', ...(body ? { body: JSON.stringify(body) } : {}) });
      const created = await post('dept', '/plans', {
        title: 'Kế hoạch có minh chứng',
        year: 2025,
        tasks: [{ content: 'Báo cáo kết quả kèm minh chứng', timeframe: 'Quý IV/2025', leads: [{ unit: '00070' }], coordinators: [] }],
      });
      const planId = created.body.id as string;
      await post('dept', `/plans/${planId}/submit`);
      await post('leader', `/plans/${planId}/approve`);
      await post('leader', `/plans/${planId}/issue`, { number: 273, issueDate: '2025-10-02' });
      const assignmentId = (await api.call(`/plans/${planId}`, { as: 'hoankiem' })).body.tasks[0].assignments[0].id as string;
      // multipart/form-data written out by hand: the harness sends text, and a PDF can be ASCII.
      const boundary = `----evidence${randomUUID()}`;
      const multipart = (content: string, name = 'bien-ban.pdf') =>
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n${content}\r\n--${boundary}--\r\n`;
      const form = (key: string | null) => ({ 'content-type': `multipart/form-data; boundary=${boundary}`, ...(key ? { 'idempotency-key': key } : {}) });
      const pdf = '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';
      const evidence = await check('post', `/assignments/${assignmentId}/evidence`, { as: 'hoankiem', raw: multipart(pdf), headers: form(randomUUID()) });
      await check('post', `/assignments/${assignmentId}/evidence`, { as: 'hoankiem', raw: multipart('<html><script>alert(1)</script></html>'), headers: form(randomUUID()) });
      await check('post', `/assignments/${assignmentId}/evidence`, { as: 'hoankiem', raw: multipart(pdf), headers: form(null) });
      await check('post', `/assignments/${assignmentId}/evidence`, { as: 'badinh', raw: multipart(pdf), headers: form(randomUUID()) });
      await check('post', `/assignments/${assignmentId}/evidence`, { as: 'dept', raw: multipart(pdf), headers: form(randomUUID()) });
      await check('get', `/evidence/${evidence.id}/content`, { as: 'hoankiem' });
      await check('get', `/evidence/${evidence.id}/content`, { as: 'badinh' });
    });

    it('execution: the work on an assignment (progress, verification, obstacles, extensions, urging)', async () => {
      const post = (as: TestAccount, path: string, body?: object) => api.call(path, { as, method: 'POST', ...(body ? { body: JSON.stringify(body) } : {}) });
      const created = await post('dept', '/plans', {
        title: 'Kế hoạch có tiến độ',
        year: 2025,
        focalUnitCode: '01-SKHCN',
        tasks: [
          { content: 'Số hóa hồ sơ', timeframe: 'Quý IV/2025', leads: [{ unit: '01-SGDDT' }], coordinators: [{ unit: '00070' }, { unit: '00004' }] },
          { content: 'Tuyên truyền', timeframe: 'Năm 2025', leads: [{ unit: '00070' }], coordinators: [] },
        ],
      });
      const planId = created.body.id as string;
      await post('dept', `/plans/${planId}/submit`);
      await post('leader', `/plans/${planId}/approve`);
      await post('leader', `/plans/${planId}/issue`, { number: 274, issueDate: '2025-10-02' });
      const plan = (await api.call(`/plans/${planId}`, { as: 'leader' })).body;
      const of = (t: number, unit: string) => plan.tasks[t].assignments.find((x: { unitCode: string }) => x.unitCode === unit).id as string;
      const [hk, bd, hkLead] = [of(0, '00070'), of(0, '00004'), of(1, '00070')];
      const keyed = (key: string | null): Record<string, string> => (key ? { 'idempotency-key': key } : {});
      await check('get', `/assignments/${hk}/work`, { as: 'hoankiem' });
      await check('get', `/assignments/${hk}/work`, { as: 'badinh' });
      await check('post', `/assignments/${hk}/progress`, { as: 'hoankiem', body: { version: 0, status: 'in-progress', percent: 20 }, headers: keyed(null) });
      await check('post', `/assignments/${hk}/progress`, { as: 'hoankiem', body: { version: 0, status: 'done', percent: 100, result: 'Xong' }, headers: keyed(randomUUID()) });
      await check('post', `/assignments/${hk}/progress`, { as: 'hoankiem', body: { version: 0, status: 'in-progress', percent: 20 }, headers: keyed(randomUUID()) });
      await check('post', `/assignments/${hk}/progress`, { as: 'dept2', body: { version: 1, status: 'in-progress', percent: 20 }, headers: keyed(randomUUID()) });
      await check('post', `/assignments/${hk}/return`, { as: 'dept2', body: { version: 1, reason: 'Thiếu biên bản' } });
      await check('post', `/assignments/${hk}/progress`, { as: 'hoankiem', body: { version: 2, status: 'done', percent: 100 }, headers: keyed(randomUUID()) });
      await check('post', `/assignments/${hk}/verify`, { as: 'dept', body: { version: 3 } });
      await check('post', `/assignments/${hk}/verify`, { as: 'dept2', body: { version: 3, note: 'Đạt' } });
      const raised = await check('post', `/assignments/${hkLead}/obstacles`, { as: 'hoankiem', body: { description: 'Thiếu kinh phí', proposal: 'Hỗ trợ' } });
      await check('post', `/obstacles/${raised.obstacles[0].id}/answer`, { as: 'hoankiem', body: { answer: 'x' } });
      await check('post', `/obstacles/${raised.obstacles[0].id}/answer`, { as: 'dept', body: { answer: 'Đã bố trí' } });
      const second = await check('post', `/assignments/${hkLead}/obstacles`, { as: 'hoankiem', body: { description: 'Chưa có hướng dẫn' } });
      const obstacleId = second.obstacles[1].id as string;
      await check('post', `/obstacles/${obstacleId}/directive`, { as: 'leader', body: { directive: 'x' } });
      await check('post', `/obstacles/${obstacleId}/escalate`, { as: 'dept', body: { note: 'Đề nghị chỉ đạo' } });
      await check('post', `/obstacles/${obstacleId}/directive`, { as: 'leader', body: { directive: 'Sở GD&ĐT hướng dẫn' } });
      await check('post', `/obstacles/${randomUUID()}/escalate`, { as: 'dept', body: {} });
      const asked = await check('post', `/assignments/${hkLead}/extensions`, { as: 'hoankiem', body: { requestedDue: '2099-12-31', reason: 'Chờ kinh phí' } });
      await check('post', `/assignments/${hkLead}/extensions`, { as: 'hoankiem', body: { requestedDue: '2099-12-31', reason: 'Lần nữa' } });
      await check('post', `/extensions/${asked.extensions[0].id}/decision`, { as: 'dept', body: { approve: true } });
      await check('post', `/extensions/${randomUUID()}/decision`, { as: 'dept', body: { approve: false } });
      await check('post', '/execution/urge', { as: 'dept2', body: { taskId: plan.tasks[0].id } });
      await check('post', '/execution/urge', { as: 'dept', body: { assignmentId: bd, message: 'Khẩn trương' } });
      await check('post', '/execution/urge', { as: 'hoankiem', body: { assignmentId: bd } });
      await check('post', '/execution/urge', { as: 'dept', body: {} });
    });

    it('execution: the read side (work lists, verification queue, progress, timeline, leader inbox)', async () => {
      const post = (as: TestAccount, path: string, body?: object, headers: Record<string, string> = {}) =>
        api.call(path, { as, method: 'POST', headers, ...(body ? { body: JSON.stringify(body) } : {}) });
      const created = await post('dept', '/plans', {
        title: 'Kế hoạch theo dõi tiến độ',
        year: 2025,
        focalUnitCode: '01-SKHCN',
        tasks: [{ content: 'Số hóa hồ sơ', timeframe: 'Quý IV/2025', leads: [{ unit: '01-SGDDT' }], coordinators: [{ unit: '00070' }] }],
      });
      const planId = created.body.id as string;
      await post('dept', `/plans/${planId}/submit`);
      await post('leader', `/plans/${planId}/approve`);
      await post('leader', `/plans/${planId}/issue`, { number: 275, issueDate: '2025-10-02' });
      const plan = (await api.call(`/plans/${planId}`, { as: 'leader' })).body;
      const hk = plan.tasks[0].assignments.find((x: { unitCode: string }) => x.unitCode === '00070').id as string;
      await post('hoankiem', `/assignments/${hk}/progress`, { version: 0, status: 'done', percent: 100 }, { 'idempotency-key': randomUUID() });
      const obstacle = await post('hoankiem', `/assignments/${hk}/obstacles`, { description: 'Thiếu kinh phí' });
      await post('dept', `/obstacles/${obstacle.body.obstacles[0].id}/escalate`, {});
      await check('get', `/my/work?q=so%20hoa&planId=${planId}&urgency=overdue`, { as: 'hoankiem' });
      await check('get', '/my/work?status=finished', { as: 'hoankiem' });
      await check('get', `/execution/work?taskId=${plan.tasks[0].id}&role=coordinator&limit=10`, { as: 'dept2' });
      await check('get', '/execution/work?unitCode=%3Cx%3E', { as: 'dept2' });
      await check('get', '/execution/verification-queue', { as: 'dept2' });
      await check('get', `/plans/${planId}/progress`, { as: 'leader' });
      await check('get', `/plans/${planId}/progress`, { as: 'haian' });
      await check('get', `/assignments/${hk}/timeline`, { as: 'hoankiem' });
      await check('get', `/assignments/${hk}/timeline`, { as: 'badinh' });
      await check('get', '/execution/leader-inbox', { as: 'leader' });
    });

    it('reporting: a period, a unit’s report through its approval chain, consolidation, exports, import, dashboards', async () => {
      const post = (as: TestAccount, path: string, body?: object) => api.call(path, { as, method: 'POST', ...(body ? { body: JSON.stringify(body) } : {}) });
      const created = await post('dept', '/plans', {
        title: 'Kế hoạch có báo cáo định kỳ',
        year: 2025,
        focalUnitCode: '01-SKHCN',
        reportingDuties: [{ text: 'Các đơn vị báo cáo định kỳ hằng quý qua Sở Khoa học và Công nghệ.', unitCode: '01-SKHCN', timeframe: 'Định kỳ hằng quý' }],
        tasks: [
          { content: 'Phổ cập kỹ năng số', timeframe: 'Quý IV/2025', leads: [{ unit: '01-SGDDT' }], coordinators: [{ unit: '00070' }] },
          { content: 'Tuyên truyền tại tổ dân phố', timeframe: 'Năm 2025', leads: [{ unit: '00070' }], coordinators: [{ unit: '00004' }] },
        ],
        indicators: [{ name: 'Tỷ lệ người dân có danh tính số', targets: [{ year: 2025, text: '≥ 80%' }], focal: [{ unit: '01-SKHCN' }], implementing: [{ unit: '00070' }, { unit: '00004' }] }],
      });
      const planId = created.body.id as string;
      await post('dept', `/plans/${planId}/submit`);
      await post('leader', `/plans/${planId}/approve`);
      await post('leader', `/plans/${planId}/issue`, { number: 276, issueDate: '2025-10-02' });
      // Work to report on: Hoàn Kiếm's lead task in progress with an obstacle (the report's task entry, the dashboard's trend).
      const issued = (await api.call(`/plans/${planId}`, { as: 'leader' })).body;
      const hkLead = issued.tasks[1].assignments.find((x: { unitCode: string }) => x.unitCode === '00070').id as string;
      await api.call(`/assignments/${hkLead}/progress`, { as: 'hoankiem', method: 'POST', headers: { 'idempotency-key': randomUUID() }, body: JSON.stringify({ version: 0, status: 'in-progress', percent: 40 }) });
      await post('hoankiem', `/assignments/${hkLead}/obstacles`, { description: 'Thiếu loa truyền thanh' });

      // The period: opened by the focal unit (its leader approves each unit's report first), listed, tracked.
      await check('post', `/plans/${planId}/periods`, { as: 'dept2', body: { kind: 'quarter', reference: '2025-11-15' } });
      await check('post', `/plans/${planId}/periods`, { as: 'dept', body: { kind: 'fortnight' } });
      const period = await check('post', `/plans/${planId}/periods`, { as: 'dept', body: { kind: 'quarter', reference: '2025-11-15', requiresUnitApproval: true } });
      await check('post', `/plans/${planId}/periods`, { as: 'dept', body: { kind: 'quarter', reference: '2025-12-01' } });
      await check('get', `/reporting/periods?planId=${planId}`, { as: 'hoankiem' });
      await check('get', '/reporting/periods?status=nope', { as: 'dept' });
      await check('get', `/reporting/periods/${period.id}`, { as: 'dept' });
      await check('get', `/reporting/periods/${randomUUID()}`, { as: 'dept' });
      await check('get', `/reporting/periods/${period.id}/tracker`, { as: 'hoankiem' });

      // Hoàn Kiếm's report: written, submitted, returned by its leader, submitted again, approved, accepted, reopened.
      let report = await check('post', `/reporting/periods/${period.id}/my-report`, { as: 'hoankiem' });
      await check('get', `/reporting/reports/${report.id}`, { as: 'hoankiem' });
      await check('get', `/reporting/reports/${report.id}`, { as: 'badinh' });
      const edit = {
        version: report.version,
        sections: { results: 'Đã tổ chức 12 lớp kỹ năng số.', difficulties: 'Thiếu thiết bị.' },
        taskNotes: [{ assignmentId: report.tasks[0].assignmentId, note: 'Phối hợp mở lớp tại 3 tổ dân phố' }],
        indicators: [{ indicatorId: report.indicators[0].indicatorId, numerator: 40, denominator: 50, evidence: 'Số liệu Công an phường' }],
      };
      report = await check('put', `/reporting/reports/${report.id}`, { as: 'hoankiem', body: edit });
      await check('put', `/reporting/reports/${report.id}`, { as: 'hoankiem', body: edit });
      await check('put', `/reporting/reports/${report.id}`, { as: 'hoankiem', body: { version: report.version, indicators: [{ indicatorId: 'x' }] } });
      await check('post', `/reporting/reports/${report.id}/submit`, { as: 'dept', body: { version: report.version } });
      report = await check('post', `/reporting/reports/${report.id}/submit`, { as: 'hoankiem', body: { version: report.version } });
      await check('post', `/reporting/reports/${report.id}/return`, { as: 'hoankiemLeader', body: { version: report.version } });
      report = await check('post', `/reporting/reports/${report.id}/return`, { as: 'hoankiemLeader', body: { version: report.version, reason: 'Bổ sung minh chứng' } });
      report = await check('post', `/reporting/reports/${report.id}/submit`, { as: 'hoankiem', body: { version: report.version } });
      await check('post', `/reporting/reports/${report.id}/approve`, { as: 'hoankiem', body: { version: report.version } });
      report = await check('post', `/reporting/reports/${report.id}/approve`, { as: 'hoankiemLeader', body: { version: report.version } });
      report = await check('post', `/reporting/reports/${report.id}/accept`, { as: 'dept', body: { version: report.version } });
      await check('post', `/reporting/reports/${report.id}/accept`, { as: 'dept', body: { version: report.version } });
      await check('post', `/reporting/reports/${report.id}/reopen`, { as: 'dept', body: { version: report.version, reason: 'Số liệu tháng 12' } });
      await check('post', `/reporting/periods/${period.id}/my-report`, { as: 'badinh' });
      await check('get', `/reporting/periods/${period.id}/tracker`, { as: 'dept' });
      await check('post', `/reporting/periods/${period.id}/urge`, { as: 'dept', body: { message: 'Đề nghị khẩn trương gửi báo cáo' } });
      await check('post', `/reporting/periods/${period.id}/urge`, { as: 'dept', body: { unitCodes: ['<x>'] } });

      // The consolidated report: composed, edited, submitted, returned, submitted again, approved, reopened.
      let consolidated = await check('post', `/reporting/periods/${period.id}/consolidated`, { as: 'dept' });
      await check('post', `/reporting/periods/${period.id}/consolidated`, { as: 'hoankiem' });
      await check('get', `/reporting/consolidated/${consolidated.id}`, { as: 'leader' });
      await check('get', `/reporting/consolidated/${consolidated.id}`, { as: 'hoankiem' });
      consolidated = await check('put', `/reporting/consolidated/${consolidated.id}`, {
        as: 'dept',
        body: { version: consolidated.version, documentNumber: '125/BC-SKHCN', documentDate: '2025-12-20', recipients: ['UBND Thành phố'], signerTitle: 'GIÁM ĐỐC', signerName: null, sections: { proposals: 'Đề nghị bố trí kinh phí.' } },
      });
      consolidated = await check('post', `/reporting/consolidated/${consolidated.id}/submit`, { as: 'dept', body: { version: consolidated.version } });
      await check('post', `/reporting/consolidated/${consolidated.id}/approve`, { as: 'dept', body: { version: consolidated.version } });
      consolidated = await check('post', `/reporting/consolidated/${consolidated.id}/return`, { as: 'leader', body: { version: consolidated.version, reason: 'Bổ sung số liệu' } });
      consolidated = await check('post', `/reporting/consolidated/${consolidated.id}/submit`, { as: 'dept', body: { version: consolidated.version } });
      consolidated = await check('post', `/reporting/consolidated/${consolidated.id}/approve`, { as: 'leader', body: { version: consolidated.version } });
      await check('post', `/reporting/consolidated/${consolidated.id}/reopen`, { as: 'leader', body: { version: consolidated.version } });
      consolidated = await check('post', `/reporting/consolidated/${consolidated.id}/reopen`, { as: 'leader', body: { version: consolidated.version, reason: 'Bổ sung số liệu của Sở Giáo dục' } });
      consolidated = await check('post', `/reporting/consolidated/${consolidated.id}/submit`, { as: 'dept', body: { version: consolidated.version } });
      consolidated = await check('post', `/reporting/consolidated/${consolidated.id}/approve`, { as: 'leader', body: { version: consolidated.version } });

      // Exports as jobs: the report as DOCX; the period's indicator values as XLSX, then loaded back (multipart).
      await check('post', '/reporting/exports', { as: 'leader', body: { subject: 'consolidated-report', id: consolidated.id, format: 'xlsx' } });
      await check('post', '/reporting/exports', { as: 'hoankiem', body: { subject: 'consolidated-report', id: consolidated.id, format: 'docx' } });
      await check('post', '/reporting/exports', { as: 'leader', body: { subject: 'consolidated-report', id: consolidated.id, format: 'docx' } });
      let job = await check('post', '/reporting/exports', { as: 'dept', body: { subject: 'indicator-values', id: period.id, format: 'xlsx' } });
      for (let i = 0; i < 100 && job.status !== 'done' && job.status !== 'failed'; i++) {
        await new Promise((r) => setTimeout(r, 100));
        job = await check('get', `/reporting/exports/${job.id}`, { as: 'dept' });
      }
      expect(job.status).toBe('done');
      await check('get', `/reporting/exports/${job.id}`, { as: 'leader' });
      await check('get', `/reporting/exports/${job.id}/file`, { as: 'dept' });
      const base = (await api.app.getUrl()).replace('[::1]', '127.0.0.1');
      const sheet = Buffer.from(await (await fetch(`${base}/reporting/exports/${job.id}/file`, { headers: { authorization: `Bearer ${api.tokens.dept}` } })).arrayBuffer());
      const boundary = `----indicators${randomUUID()}`;
      const form = { 'content-type': `multipart/form-data; boundary=${boundary}` };
      const upload = (file: Buffer) =>
        Buffer.concat([
          Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="chi-tieu.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`),
          file,
          Buffer.from(`\r\n--${boundary}--\r\n`),
        ]);
      // The harness sends `raw` as the request body as it is: bytes here, not text (a zip is not UTF-8).
      await check('post', `/reporting/periods/${period.id}/indicator-values/import`, { as: 'dept', raw: upload(sheet) as unknown as string, headers: form });
      await check('post', `/reporting/periods/${period.id}/indicator-values/import`, { as: 'dept', raw: upload(Buffer.from('not a spreadsheet')) as unknown as string, headers: form });
      await check('post', `/reporting/periods/${period.id}/indicator-values/import`, { as: 'hoankiem', raw: upload(sheet) as unknown as string, headers: form });

      // Dashboards and the commune's scorecard; then the period closes.
      await check('get', `/reporting/dashboard/plans/${planId}`, { as: 'leader' });
      await check('get', `/reporting/dashboard/plans/${planId}`, { as: 'hoankiem' });
      await check('get', `/reporting/dashboard/plans/${planId}`, { as: 'haian' });
      await check('get', '/reporting/dashboard/portfolio', { as: 'leader' });
      await check('get', '/reporting/dashboard/portfolio', { as: 'hoankiem' });
      await check('get', '/reporting/scorecard', { as: 'hoankiem' });
      await check('post', `/reporting/periods/${period.id}/close`, { as: 'hoankiem' });
      await check('post', `/reporting/periods/${period.id}/close`, { as: 'dept' });
    });

    it('every operation was checked against a real success', () => {
      const missing = operations()
        .filter(
          ({ path, method, op }) =>
            !Object.keys(op.responses).some((s) => s.startsWith('2') && seen.has(`${method} ${path} ${s}`)),
        )
        .map(({ path, method }) => `${method.toUpperCase()} ${path}`);
      expect(missing).toEqual([]);
      // …and every kind of documented error, each against its operation's documentation.
      const statuses = new Set([...seen].map((k) => k.split(' ')[2]));
      expect([...statuses].sort()).toEqual(
        expect.arrayContaining(['400', '401', '403', '404', '409', '413', '415']),
      );
    });
  });
});
