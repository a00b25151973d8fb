import type { INestApplication } from '@nestjs/common';
import { ModulesContainer, NestFactory } from '@nestjs/core';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { IS_PUBLIC } from '@dieu-hanh/api/shared/auth';
import { ProblemDetailsSchema } from '@dieu-hanh/api/shared/http';
import type { ApiConfig } from './api.config';
import { AppModule } from './app.module';

const operationId = (controllerKey: string, methodKey: string) =>
  `${controllerKey.replace(/Controller$/, '')}_${methodKey}`;

/**
 * The OpenAPI document of the API, built from the controllers' and DTOs' decorators (no CLI plugin:
 * every schema is declared explicitly). Served at /api/docs(-json), printed by `main.js openapi`, and
 * linted with Redocly in openapi.int.spec.ts.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Điều Hành API')
    .setDescription(
      'Điều hành thực hiện kế hoạch — API. Mọi lỗi trả về application/problem+json (RFC 9457) với mã lỗi ổn định và thông điệp tiếng Việt / tiếng Anh.\n\n' +
        'Every error is returned as application/problem+json (RFC 9457) with a stable code and a Vietnamese and English message. ' +
        'Every operation needs a bearer access token from the realm of the caller’s province unless it says otherwise.',
    )
    .setVersion('0.1.0')
    .setLicense('MIT', 'https://opensource.org/license/mit')
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description: 'Access token of the province’s realm (Keycloak layout)',
      },
      'bearer',
    )
    // Every operation is protected unless it declares `security: []` (see ApiPublic()).
    .addSecurityRequirements('bearer')
    // Behind the reverse proxy the API lives under /api (docker/proxy): "Try it out" must call there.
    .addServer(process.env['API_PUBLIC_PATH'] ?? '/', 'This API')
    .addTag('Hệ thống / System', 'Health of the API and its database')
    .addTag('Tài khoản / Account', 'The signed-in account')
    .addTag('Đơn vị / Units', 'The unit directory (danh mục đơn vị): units, groups, successions')
    .addTag(
      'Kế hoạch / Plans',
      'Plans (kế hoạch): draft → submit → approve | return → issue, amendments, implementing plans',
    )
    .addTag('Giao việc / Assignments', 'Assignments (giao việc): one unit’s responsibility for one task')
    .addTag('Thông báo / Notifications', 'What happened to my unit’s plans and assignments')
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    extraModels: [ProblemDetailsSchema],
    // `Plans_get` rather than `PlansController_get`: stable, URL-safe, unique.
    operationIdFactory: operationId,
  });

  typeNullableCompositions(document);

  // Routes marked @Public() need no token: the document says so with `security: []`, from the same
  // metadata the AuthGuard reads, so a public route can never be documented as protected or back.
  const open = publicOperationIds(app);
  for (const item of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const) {
      const op = item[method];
      if (op?.operationId && open.has(op.operationId)) op.security = [];
    }
  }
  return document;
}

/**
 * OpenAPI 3.0 lets `nullable` act only beside a `type`, but Nest drops the `type` of a property that
 * declares `oneOf`/`anyOf` (e.g. `timeframeNormalized`: one of the timeframe kinds, or null). Give it
 * back as `object` where every alternative is a reference to an object schema.
 */
function typeNullableCompositions(document: OpenAPIObject): void {
  const schemas = (document.components?.schemas ?? {}) as Record<
    string,
    { type?: string; properties?: Record<string, Record<string, unknown>> }
  >;
  const isObjectRef = (s: unknown) => {
    const ref = (s as { $ref?: string }).$ref;
    return typeof ref === 'string' && schemas[ref.replace('#/components/schemas/', '')]?.type === 'object';
  };
  for (const schema of Object.values(schemas)) {
    for (const property of Object.values(schema.properties ?? {})) {
      const alternatives = (property['oneOf'] ?? property['anyOf']) as unknown[] | undefined;
      if (property['nullable'] === true && property['type'] === undefined && alternatives?.every(isObjectRef))
        property['type'] = 'object';
    }
  }
}

/** operationIds of the handlers the AuthGuard lets through without a token (@Public() on the handler or its controller). */
function publicOperationIds(app: INestApplication): Set<string> {
  const ids = new Set<string>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const { metatype } of module.controllers.values()) {
      if (typeof metatype !== 'function') continue;
      const classPublic = Reflect.getMetadata(IS_PUBLIC, metatype) === true;
      for (const key of Object.getOwnPropertyNames(metatype.prototype)) {
        const handler = Object.getOwnPropertyDescriptor(metatype.prototype, key)?.value;
        if (key === 'constructor' || typeof handler !== 'function') continue;
        if (classPublic || Reflect.getMetadata(IS_PUBLIC, handler) === true)
          ids.add(operationId(metatype.name, key));
      }
    }
  }
  return ids;
}

/**
 * The same document without a database (`main.js openapi`): Nest's preview mode registers the modules
 * and controllers but instantiates no provider, so TypeORM never connects. openapi.int.spec.ts checks
 * that it equals the document the running API serves.
 */
export async function buildOpenApiDocumentOffline(config: ApiConfig): Promise<OpenAPIObject> {
  const app = await NestFactory.create(
    AppModule.forRoot({ ...config, databaseUrl: 'postgres://offline.invalid/none' }, 'external'),
    {
      preview: true,
      logger: false,
      bodyParser: false,
    },
  );
  try {
    return buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}
